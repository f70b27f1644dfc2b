import { emptyListingInput, type ListingDocument } from './listing.ts';

/** A black-list entry as a clerk proposes it from the construction rule. */
export function proposedBlackListing(overrides: Partial<ListingDocument> = {}): ListingDocument {
  return {
    id: '01930000-0000-7000-8000-000000000001',
    county: '410101',
    createdAt: '2026-03-01T02:00:00.000Z',
    updatedAt: '2026-03-01T02:00:00.000Z',
    createdBy: 'clerk1',
    updatedBy: 'clerk1',
    ...emptyListingInput('01930000-0000-7000-8000-000000000002', 'uscc:91410100MA0000000X'),
    list: 'seriousDishonesty',
    rule: 'constructionBlackList',
    basis: ['《建筑市场信用管理暂行办法》（建市〔2017〕241号）'],
    measures: [{ zh: '重点监管', en: 'Key supervision' }],
    triggeredBy: ['01930000-0000-7000-8000-000000000003'],
    start: '2026-03-01',
    end: '2027-03-01',
    status: 'proposed',
    workflow: [{ action: 'propose', by: 'clerk1', at: '2026-03-01T02:00:00.000Z', note: '' }],
    ...overrides,
  };
}
