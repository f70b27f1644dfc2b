/**
 * The platform judges a pushed repair case's commitment link as the device does
 * (shared/cases/repairCommitment.ts): a repair arrives with the applicant's standing credit-repair letter
 * for the same subject and record, as the platform holds it; without one, or with another record's, it is
 * refused with the rule named.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sampleRepairCase } from '../../shared/cases/testFixtures.ts';
import { pushedCommitment } from '../../shared/commitments/testFixtures.ts';
import { fixtureId } from '../../shared/creditRecords/testFixtures.ts';
import { syncPaths } from '../../shared/sync/protocol.ts';
import { uuidv7 } from '../../shared/base/uuid.ts';
import { countyStaff } from '../../server/fixtures/users.ts';
import { createRows, refusals, usePlatform } from '../../server/test/harness.ts';

const at = '2026-10-20T03:00:00.000Z';

describe('the platform judges a pushed repair case’s commitment letter', () => {
  const env = usePlatform('pglite');

  it('refuses a repair without the letter or with another record’s, accepts it with its own', async () => {
    const county = await env.newCounty();
    const staff = countyStaff(county);
    const device = await env.enroll(county);
    const bytes = Buffer.from('%PDF-1.4 签字承诺书');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const put = await device.request(syncPaths.blob(sha256), {
      method: 'PUT',
      headers: { ...device.headers(), 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    expect(put.status).toBe(201);
    const scan = { sha256, name: '承诺书.pdf', mimeType: 'application/pdf', size: bytes.length };

    const subjectId = fixtureId(1);
    const recordId = fixtureId(2);
    const letterFor = (repairedRecordId: string, serial: number) =>
      pushedCommitment(county, staff.clerk, serial, at, {
        subjectId,
        type: 'creditRepair',
        matterCode: 'XY-XF',
        missingMaterials: [],
        materialsDeadline: '',
        acceptanceCheck: null,
        repairedRecordId,
        attachments: [scan],
      });
    const own = letterFor(recordId, 1);
    const other = letterFor(fixtureId(3), 2);
    const letters = await device.push('commitments', createRows([own, other]));
    expect(letters.body).toEqual({ conflicts: [], rejected: [], epoch: 1 });

    const repair = (commitmentId: string | undefined) =>
      sampleRepairCase({
        id: uuidv7(),
        county,
        subjectId,
        recordId,
        createdAt: at,
        updatedAt: at,
        createdBy: staff.clerk,
        updatedBy: staff.clerk,
        recordEnteredBy: [staff.reviewer],
        commitmentScans: [scan],
        proofs: [scan],
        ...(commitmentId ? { commitmentId } : {}),
      });
    const without = repair(undefined);
    const mismatched = repair(other.id);
    const linked = repair(own.id);
    const pushed = await device.push('cases', createRows([without, mismatched, linked]));
    expect(refusals(pushed.body.rejected)).toEqual({
      [without.id]: ['commitment repair.commitmentRequired'],
      [mismatched.id]: ['commitmentId cases.commitmentNotForRecord'],
    });
    expect((await device.pullAll('cases')).map((doc) => doc.id)).toEqual([linked.id]);
  });
});
