/**
 * A profile made by an earlier release (test/integration/fixtures/profile.json, written by
 * scripts/makeProfileFixture.ts on that release's code) opens with this code: every document, history
 * entry, attachment and audit entry is there and readable, personal values decrypt, the audit chain
 * verifies, and the next write continues the history and the chain.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformBridge } from '../../shared/base/platform/bridge.ts';
import type { SubjectDocument } from '../../shared/subjects/model.ts';
import type { UserDocument } from '../../shared/base/user.ts';
import { openWorkspace } from '../../renderer/app/bootstrap.ts';
import type { AppServices } from '../../renderer/app/services.ts';
import { IdleLockSetting } from '../../renderer/kernel/security/idleLockSetting.ts';
import {
  memorySecretStore,
  openTestProfile,
  type TestProfile,
} from '../../renderer/kernel/security/testSupport.ts';
import { type DatabaseDump, loadProfile } from './profileDump.ts';

interface Fixture {
  profile: string;
  county: string;
  secrets: Record<string, string>;
  databases: DatabaseDump[];
  expected: {
    subjects: SubjectDocument[];
    creditRecords: Record<string, unknown>[];
    disclosures: Record<string, unknown>[];
    users: UserDocument[];
    history: { subjects: Record<string, unknown>[]; creditRecords: Record<string, unknown>[] };
    attachment: { recordId: string; text: string };
    auditEntries: number;
    penaltyId: string;
    derivedRecordId: string | null;
    password: string;
  };
}

const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures/profile.json'), 'utf8'),
) as Fixture;
const { expected } = fixture;
/** After the last write of the fixture, before any record's publicity ends. */
const now = { value: new Date('2026-03-06T04:00:00.000Z') };

let profile: TestProfile;
let workspace: AppServices;

beforeAll(async () => {
  await loadProfile(fixture.databases);
  const secrets = memorySecretStore();
  for (const [key, value] of Object.entries(fixture.secrets)) await secrets.set(key, value);
  profile = await openTestProfile(fixture.profile, { secrets, county: fixture.county, now });
  const unused = async (): Promise<never> => {
    throw new Error('not used in this test');
  };
  const appInfo = {
    version: '0.0.0-test',
    shell: 'electron' as const,
    locale: 'zh-CN',
    platform: 'test',
    platformUrl: '',
    demo: false,
    demoEnrollmentCode: '',
  };
  const bridge: PlatformBridge = {
    appInfo: async () => appInfo,
    saveFile: unused,
    openFile: unused,
    printToPdf: unused,
    openExternal: unused,
    allowPlatform: async () => 'ready',
    secrets,
  };
  workspace = await openWorkspace({
    ...profile,
    bridge,
    appInfo,
    office: { officeName: '武陟县住房和城乡建设局', county: fixture.county },
    clock: profile.context.clock,
    idleLock: await IdleLockSetting.open(profile.local),
  });
});

afterAll(async () => {
  await workspace?.sync.close();
  await profile?.close();
});

function byId<T extends { id: unknown }>(docs: readonly T[]): T[] {
  return [...docs].sort((a, b) => String(a.id).localeCompare(String(b.id)));
}

describe('a profile made by the previous release', () => {
  it('opens with every subject, record, 双公示 decision and user intact, personal values in clear', async () => {
    const subjects = await Promise.all(expected.subjects.map((doc) => workspace.subjects.get(doc.id)));
    expect(subjects).toEqual(expected.subjects);
    const practitioner = subjects.find((doc) => doc?.kind === 'practitioner')!;
    expect(practitioner.code).toMatch(/^\d{17}[\dX]$/);
    expect((await workspace.subjects.findByCode(practitioner.code))?.id).toBe(practitioner.id);
    const records = await Promise.all(
      expected.creditRecords.map((doc) => workspace.creditRecords.get(String(doc.id))),
    );
    expect(records).toEqual(expected.creditRecords);
    expect(records.map((record) => record?.status).sort()).toEqual(['approved', 'draft']);
    expect(await workspace.disclosures.get(expected.penaltyId)).toEqual(
      expected.disclosures.find((doc) => doc.id === expected.penaltyId),
    );
    expect((await workspace.disclosures.get(expected.penaltyId))?.partyIdNumber).toBe(practitioner.code);
    expect(byId(await workspace.users.list())).toEqual(byId(expected.users));
  });

  it('keeps the edit history, decrypted', async () => {
    const enterprise = expected.subjects.find((doc) => doc.kind === 'enterprise')!;
    const history = await workspace.subjects.history(enterprise.id);
    expect(history.map((entry) => entry.snapshot)).toEqual(expected.history.subjects);
    expect(history[0]?.snapshot.phone).toBe('13812345678');
    const recordHistory = await workspace.creditRecords.history(expected.attachment.recordId);
    expect(recordHistory.map((entry) => entry.snapshot)).toEqual(expected.history.creditRecords);
  });

  it("keeps the attachment's bytes", async () => {
    const record = await workspace.creditRecords.get(expected.attachment.recordId);
    expect(record?.attachments).toHaveLength(1);
    const read = await workspace.creditRecords.attachments.read(record!.attachments[0]!.sha256);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(new TextDecoder().decode(read.value)).toBe(expected.attachment.text);
  });

  it('keeps the audit trail, whose chain verifies, and nothing waits in the journal', async () => {
    expect(await workspace.audit.search()).toHaveLength(expected.auditEntries);
    const reports = await workspace.audit.verify();
    expect(reports.map((report) => report.verdict.ok)).toEqual([true]);
    expect(await workspace.journal.unfinished()).toBe(0);
  });

  it('signs its users in and continues history and audit chain with the next write', async () => {
    const signedIn = await workspace.auth.signIn('clerk', expected.password);
    expect(signedIn.ok).toBe(true);
    const enterprise = expected.subjects.find((doc) => doc.kind === 'enterprise')!;
    const {
      id: _,
      county: __,
      createdAt: ___,
      createdBy: ____,
      updatedAt: _____,
      updatedBy: ______,
      ...input
    } = enterprise;
    const changed = await workspace.subjects.update(enterprise.id, { ...input, contactPerson: '赵工' });
    expect(changed.ok).toBe(true);
    expect(await workspace.subjects.history(enterprise.id)).toHaveLength(
      expected.history.subjects.length + 1,
    );
    const reports = await workspace.audit.verify();
    expect(reports.map((report) => [report.verdict.ok, report.entries])).toEqual([
      [true, expected.auditEntries + 2],
    ]);
  });
});
