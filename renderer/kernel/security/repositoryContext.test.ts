import { afterEach, describe, expect, it } from 'vitest';
import { revealPersonalData } from './repositoryContext.ts';
import { openTestProfile, type TestProfile, testSession } from './testSupport.ts';

let profile: TestProfile | null = null;

afterEach(async () => {
  await profile?.close();
  profile = null;
});

const request = {
  collection: 'subjects' as const,
  documentId: 'subject-1',
  fields: ['legalRepIdNumber'],
  reason: '核查身份',
};

async function revealEntries(p: TestProfile) {
  return (await p.audit.search()).filter((entry) => entry.action === 'revealPersonalData');
}

describe('revealing personal data', () => {
  it('is refused without the permission or a reason, and then nothing is recorded as shown', async () => {
    profile = await openTestProfile('test-reveal-gate');
    profile.actAs(testSession(['clerk']));
    expect(await revealPersonalData(profile.context, request)).toMatchObject({
      code: 'permission.denied',
    });
    profile.actAs(null);
    expect(await revealPersonalData(profile.context, request)).not.toBeNull();
    profile.actAs(testSession(['reviewer']));
    expect(await revealPersonalData(profile.context, { ...request, reason: '  ' })).toMatchObject({
      field: 'reason',
      code: 'auditEntry.reasonRequired',
    });
    expect(await revealEntries(profile)).toEqual([]);
  });

  it('is recorded in the audit trail, with fields and reason, for a user who may see it', async () => {
    profile = await openTestProfile('test-reveal-allowed');
    profile.actAs(testSession(['reviewer'], 'reviewer-1'));
    expect(await revealPersonalData(profile.context, request)).toBeNull();
    expect(await revealEntries(profile)).toMatchObject([
      {
        userId: 'reviewer-1',
        documentId: 'subject-1',
        after: { fields: ['legalRepIdNumber'] },
        reason: '核查身份',
      },
    ]);
  });
});
