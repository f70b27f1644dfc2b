/**
 * The city-wide serious-dishonesty list on the real platform (PGlite, HTTP on loopback): a county's
 * black-list entry, once a second user approves it, is promoted into the city list and pulled by another
 * county; a decision by the proposer is refused by the platform as by the device.
 */
import { describe, expect, it } from 'vitest';
import { isOnCityBlackList, type CityBlackListEntry } from '../shared/lists/cityBlackList.ts';
import type { ListingDocument } from '../shared/lists/listing.ts';
import { proposedBlackListing } from '../shared/lists/testFixtures.ts';
import { takeListingStep } from '../shared/lists/workflow.ts';
import { uuidv7 } from '../shared/base/uuid.ts';
import { syntheticSubject } from './fixtures/subjects.ts';
import { countyStaff, syntheticUser } from './fixtures/users.ts';
import { createRows, type TestDevice, usePlatform } from './test/harness.ts';

describe('the city-wide serious-dishonesty list', () => {
  const env = usePlatform('pglite');
  const cityEntries = async (device: TestDevice): Promise<CityBlackListEntry[]> => {
    const documents = await device.pullAll('reference');
    return documents.filter((doc) => doc.kind === 'cityBlackList') as unknown as CityBlackListEntry[];
  };

  it('promotes an approved county entry and lets a second county see it read-only', async () => {
    const county = await env.newCounty();
    const other = await env.newCounty();
    const device = await env.enroll(county);
    const elsewhere = await env.enroll(other);
    const staff = countyStaff(county);
    const subject = syntheticSubject(county);
    expect((await device.push('subjects', createRows([subject]))).body.rejected).toEqual([]);

    const proposed: ListingDocument = proposedBlackListing({
      id: uuidv7(),
      county,
      subjectId: subject.id,
      subjectKey: `uscc:${subject.code}`,
      createdBy: staff.clerk,
      updatedBy: staff.clerk,
      triggeredBy: [uuidv7()],
      workflow: [{ action: 'propose', by: staff.clerk, at: new Date().toISOString(), note: '' }],
    });
    expect((await device.push('listings', createRows([proposed]))).body.rejected).toEqual([]);
    expect((await cityEntries(elsewhere)).filter((entry) => entry.sourceCounty === county)).toEqual([]);

    const reviewer = { userId: staff.reviewer, roles: ['reviewer' as const] };
    const decided = takeListingStep(
      { ...proposed, decisionNumber: '测建信〔2026〕1号' },
      'approve',
      reviewer,
      new Date().toISOString(),
      '同意列入',
    );
    if (!decided.ok) throw new Error(JSON.stringify(decided.issues));
    const approved = { ...decided.value, updatedBy: staff.reviewer };
    const pushed = await device.push('listings', [
      {
        newDocumentState: { ...approved, _deleted: false },
        assumedMasterState: { ...proposed, _deleted: false },
      },
    ]);
    expect(pushed.body).toEqual({ conflicts: [], rejected: [], epoch: 1 });

    const [entry] = (await cityEntries(elsewhere)).filter((found) => found.sourceCounty === county);
    expect(entry).toMatchObject({
      kind: 'cityBlackList',
      subjectKey: `uscc:${subject.code}`,
      subjectName: subject.name,
      sourceCounty: county,
      decisionNumber: '测建信〔2026〕1号',
      exitedOn: '',
    });
    expect(isOnCityBlackList([entry!], `uscc:${subject.code}`, proposed.start)).toBe(true);
    // Read-only for counties: a push of the city list is refused.
    const write = await elsewhere.push('reference', createRows([entry!]));
    expect(write.status).toBe(403);

    // The exit, decided by a second user, reaches the city list too.
    const exited = takeListingStep(
      {
        ...approved,
        exitDecisionNumber: '测建信〔2026〕9号',
        exitReason: 'repaired',
        exitedOn: '2026-06-01',
      },
      'exit',
      { userId: staff.secondReviewer, roles: ['reviewer'] },
      new Date().toISOString(),
      '信用修复',
    );
    if (!exited.ok) throw new Error(JSON.stringify(exited.issues));
    await device.push('listings', [
      {
        newDocumentState: { ...exited.value, updatedBy: staff.secondReviewer, _deleted: false },
        assumedMasterState: { ...approved, _deleted: false },
      },
    ]);
    const [after] = (await cityEntries(elsewhere)).filter((found) => found.sourceCounty === county);
    expect(after!.exitedOn).toBe('2026-06-01');
    expect(isOnCityBlackList([after!], `uscc:${subject.code}`, '2026-06-01')).toBe(false);
  });

  it('refuses a decision by the user who proposed the entry, naming the four-eyes rule', async () => {
    const county = await env.newCounty();
    const device = await env.enroll(county);
    // A user who may both propose and decide, deciding her own proposal.
    const both = syntheticUser(county, { roles: ['clerk', 'reviewer'] });
    expect((await device.push('users', createRows([both]))).body.rejected).toEqual([]);
    const subject = syntheticSubject(county);
    await device.push('subjects', createRows([subject]));
    const at = new Date().toISOString();
    const own: ListingDocument = proposedBlackListing({
      id: uuidv7(),
      county,
      subjectId: subject.id,
      subjectKey: `uscc:${subject.code}`,
      createdBy: both.id,
      updatedBy: both.id,
      decisionNumber: 'X-1',
      status: 'listed',
      workflow: [
        { action: 'propose', by: both.id, at, note: '' },
        { action: 'approve', by: both.id, at, note: '同意' },
      ],
    });
    const pushed = await device.push('listings', createRows([own]));
    expect(pushed.body.rejected[0]!.issues.map((found) => found.code)).toEqual(['permission.ownWork']);
    const promoted = (await cityEntries(device)).filter((entry) => entry.sourceCounty === county);
    expect(promoted).toEqual([]);
  });
});
