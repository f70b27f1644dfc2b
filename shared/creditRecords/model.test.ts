import { describe, expect, it } from 'vitest';
import { defaultCatalog } from './defaultCatalog.ts';
import { fixtureId } from './testFixtures.ts';
import { type CreditRecordInput, emptyCreditRecordInput, validateCreditRecordInput } from './model.ts';

const context = { catalog: defaultCatalog, today: '2026-05-01' };

function validRecord(overrides: Partial<CreditRecordInput> = {}): CreditRecordInput {
  return {
    ...emptyCreditRecordInput(),
    subjectId: fixtureId(7),
    catalogCode: 'FK-YB-01',
    category: 'generalDishonest',
    title: '未按规定明示商品房销售信息',
    facts: '售楼处未公示预售许可证及一房一价信息。',
    documentNumber: '某建罚〔2026〕3号',
    decisionDate: '2026-04-02',
    authority: '某县住房和城乡建设局',
    legalBasis: '《商品房销售明码标价规定》',
    publicityStart: '2026-04-02',
    publicityEnd: '2027-04-02',
    source: 'penalty',
    sourceId: fixtureId(8),
    attachments: [
      { sha256: 'a'.repeat(64), name: '处罚决定书.pdf', mimeType: 'application/pdf', size: 183_204 },
    ],
    ...overrides,
  };
}

describe('credit record validation', () => {
  it('accepts a complete record and trims its text', () => {
    const result = validateCreditRecordInput(
      validRecord({ title: '  未按规定明示商品房销售信息 ' }),
      context,
    );
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.title).toBe('未按规定明示商品房销售信息');
  });

  it('accepts basic information public while valid', () => {
    const basic = validRecord({
      catalogCode: 'JZ-JC-01',
      category: 'basic',
      publicityEnd: '',
      source: 'entered',
      sourceId: '',
    });
    expect(validateCreditRecordInput(basic, context)).toMatchObject({ ok: true });
  });

  it.each<[Partial<CreditRecordInput>, string, string]>([
    [{ subjectId: '' }, 'subjectId', 'required'],
    [{ subjectId: 'subject-7' }, 'subjectId', 'uuid'],
    [{ title: ' ' }, 'title', 'required'],
    [{ facts: 'x'.repeat(2001) }, 'facts', 'tooLong'],
    [{ decisionDate: '2026-05-02' }, 'decisionDate', 'dateInFuture'],
    [{ decisionDate: '2026-4-2' }, 'decisionDate', 'dateFormat'],
    [{ catalogCode: 'XX-YB-01' }, 'catalogCode', 'creditRecord.unknownCatalogItem'],
    [{ category: 'seriousDishonest' }, 'category', 'creditRecord.categoryMismatch'],
    [
      { decisionDate: '2020-06-01', publicityStart: '2020-06-01', publicityEnd: '2021-06-01' },
      'catalogCode',
      'creditRecord.catalogItemNotInForce',
    ],
    [{ publicityEnd: '2027-04-03' }, 'publicityEnd', 'publicity.tooLong'],
    [{ publicityEnd: '2026-07-01' }, 'publicityEnd', 'publicity.tooShort'],
    [
      { publicityStart: '2026-04-01', publicityEnd: '2027-04-01' },
      'publicityStart',
      'creditRecord.publicityBeforeDecision',
    ],
    [{ disclosure: 'secret' as never }, 'disclosure', 'oneOf'],
    [{ source: 'rumour' as never }, 'source', 'oneOf'],
    [{ sourceId: '' }, 'sourceId', 'required'],
    [{ source: 'entered', sourceId: '42' }, 'sourceId', 'uuid'],
    [{ status: 'archived' as never }, 'status', 'oneOf'],
    [
      { attachments: [{ sha256: 'A'.repeat(64), name: 'a.pdf', mimeType: 'application/pdf', size: 1 }] },
      'attachments.0.sha256',
      'attachment.sha256',
    ],
    [
      { attachments: [{ sha256: 'b'.repeat(64), name: '', mimeType: 'application/pdf', size: 1 }] },
      'attachments.0',
      'required',
    ],
    [
      { attachments: [{ sha256: 'b'.repeat(64), name: 'a.pdf', mimeType: 'pdf', size: 1 }] },
      'attachments.0.mimeType',
      'attachment.mimeType',
    ],
    [
      { attachments: [{ sha256: 'b'.repeat(64), name: 'a.png', mimeType: 'image/png', size: -1 }] },
      'attachments.0.size',
      'attachment.size',
    ],
    [
      {
        attachments: [
          { sha256: 'c'.repeat(64), name: 'a.png', mimeType: 'image/png', size: 1 },
          { sha256: 'c'.repeat(64), name: 'b.png', mimeType: 'image/png', size: 1 },
        ],
      },
      'attachments.1.sha256',
      'attachment.duplicate',
    ],
    [
      { workflow: [{ action: 'submit', by: '', at: '2026-04-02T08:00:00Z', note: '' }] },
      'workflow.0.by',
      'required',
    ],
    [
      { workflow: [{ action: 'submit', by: 'u', at: '2026-04-02 08:00', note: '' }] },
      'workflow.0.at',
      'creditRecord.instant',
    ],
    [
      { workflow: [{ action: 'archive' as never, by: 'u', at: '2026-04-02T08:00:00Z', note: '' }] },
      'workflow.0.action',
      'oneOf',
    ],
  ])('%o breaks %s: %s', (overrides, field, code) => {
    const result = validateCreditRecordInput(validRecord(overrides), context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => [i.field, i.code])).toContainEqual([field, code]);
  });

  it('applies the construction-market minimum of 6 months', () => {
    const construction = validRecord({ catalogCode: 'JZ-YB-01', publicityEnd: '2026-09-01' });
    const result = validateCreditRecordInput(construction, context);
    expect(result.ok || result.issues).toEqual([
      { field: 'publicityEnd', code: 'publicity.tooShort', params: { min: 6 } },
    ]);
  });
});
