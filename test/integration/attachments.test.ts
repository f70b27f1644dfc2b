import { afterEach, describe, expect, it } from 'vitest';
import type { Attachment } from '../../shared/base/attachment.ts';
import type { CreditRecordDocument } from '../../shared/creditRecords/model.ts';
import { sha256Hex } from '../../shared/base/security/blobCrypto.ts';
import { rawProfileContents } from '../../renderer/kernel/security/testSupport.ts';
import type { SignedInSession } from '../../renderer/kernel/security/session.ts';
import {
  creditFileCollections,
  enrolledForCreditRecords,
  enterpriseInput,
  openProfile,
  platformClerk,
  type Profile,
  recordFields,
  registerSubject,
  users,
} from './creditHarness.ts';
import { eventually, platformForTests } from './harness.ts';

const scan = new TextEncoder().encode('%PDF-1.7\n行政处罚决定书 武建罚字〔2026〕第3号\n%%EOF');
const photo = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4, 5]);

let opened: { close(): Promise<void> }[] = [];

afterEach(async () => {
  for (const item of opened.reverse()) await item.close();
  opened = [];
});

async function profileWithDraft(
  session?: SignedInSession,
): Promise<{ profile: Profile; draft: CreditRecordDocument }> {
  const profile = await openProfile(undefined, undefined, creditFileCollections);
  opened.push(profile);
  if (session) profile.signIn(session);
  const subject = await registerSubject(profile, enterpriseInput());
  const created = await profile.records.create(recordFields(subject.id));
  if (!created.ok) throw new Error(JSON.stringify(created.issues));
  return { profile, draft: created.value };
}

function attached(result: { ok: boolean; value?: CreditRecordDocument }): Attachment[] {
  if (!result.ok || !result.value) throw new Error(`not attached: ${JSON.stringify(result)}`);
  return result.value.attachments;
}

describe('attachments of a credit record', () => {
  it('keeps the files of a draft encrypted on this computer and lists them on the record', async () => {
    const { profile, draft } = await profileWithDraft();
    const files = attached(
      await profile.records.attach(draft.id, [
        { name: '处罚决定书.pdf', data: scan },
        { name: '现场照片.PNG', data: photo },
      ]),
    );
    expect(files).toEqual([
      {
        sha256: await sha256Hex(scan),
        name: '处罚决定书.pdf',
        mimeType: 'application/pdf',
        size: scan.length,
      },
      { sha256: await sha256Hex(photo), name: '现场照片.PNG', mimeType: 'image/png', size: photo.length },
    ]);
    expect((await profile.records.get(draft.id))!.attachments).toEqual(files);
    const read = await profile.records.attachments.read(files[0]!.sha256);
    expect(read.ok && new TextDecoder().decode(read.value)).toBe(new TextDecoder().decode(scan));
    expect(await rawProfileContents(profile.name)).not.toContain('行政处罚决定书');
    expect(await profile.records.attachments.pendingCount()).toBe(2);

    const [entry] = await profile.context.audit.search({ documentId: draft.id, action: 'update' });
    expect(entry!.after).toMatchObject({ attachments: files });
    expect(attached(await profile.records.detach(draft.id, files[1]!.sha256))).toEqual([files[0]]);
  });

  it('refuses the whole batch naming the file and the rule, and writes nothing', async () => {
    const { profile, draft } = await profileWithDraft();
    const refused = await profile.records.attach(draft.id, [
      { name: '决定书.pdf', data: scan },
      { name: 'setup.exe', data: photo },
      { name: '空白.pdf', data: new Uint8Array(0) },
    ]);
    expect(refused).toEqual({
      ok: false,
      issues: [
        {
          field: 'files.1',
          code: 'attachment.fileType',
          params: expect.objectContaining({ name: 'setup.exe' }),
        },
        { field: 'files.2', code: 'attachment.empty', params: { name: '空白.pdf' } },
      ],
    });
    expect((await profile.records.get(draft.id))!.attachments).toEqual([]);
    expect(await profile.records.attachments.pendingCount()).toBe(0);

    attached(await profile.records.attach(draft.id, [{ name: '决定书.pdf', data: scan }]));
    expect(await profile.records.attach(draft.id, [{ name: '副本.pdf', data: scan }])).toEqual({
      ok: false,
      issues: [{ field: 'files.0', code: 'attachment.duplicate', params: { name: '副本.pdf' } }],
    });
  });

  it('changes the files only while the record is a draft', async () => {
    const { profile, draft } = await profileWithDraft();
    attached(await profile.records.attach(draft.id, [{ name: '决定书.pdf', data: scan }]));
    const submitted = await profile.records.act(draft.id, 'submit');
    expect(submitted.ok).toBe(true);
    expect(await profile.records.attach(draft.id, [{ name: '照片.png', data: photo }])).toEqual({
      ok: false,
      issues: [{ field: 'status', code: 'creditRecord.notDraft' }],
    });
    profile.signIn(users.reviewer);
    expect((await profile.records.detach(draft.id, await sha256Hex(scan))).ok).toBe(false);
  });
});

describe('attachments travel with sync', () => {
  const platform = platformForTests();

  it('uploads the bytes before the record, and another computer fetches them when opened', async () => {
    const first = await profileWithDraft(platformClerk);
    const [file] = attached(
      await first.profile.records.attach(first.draft.id, [{ name: '决定书.pdf', data: scan }]),
    );
    const firstSync = await enrolledForCreditRecords(first.profile, platform.current, opened);
    await firstSync.awaitInSync();
    await eventually(async () => (await first.profile.records.attachments.pendingCount()) === 0);
    expect(firstSync.records.pendingCount('creditRecords')).toBe(0);

    const second = await openProfile(undefined, undefined, creditFileCollections);
    opened.push(second);
    second.signIn(platformClerk);
    const secondSync = await enrolledForCreditRecords(second, platform.current, opened);
    await eventually(async () => (await second.records.get(first.draft.id)) !== null);
    expect((await second.records.get(first.draft.id))!.attachments).toEqual([file]);
    expect(await second.records.attachments.read(file!.sha256)).toEqual({
      ok: false,
      issues: [{ field: 'file', code: 'attachment.notHere' }],
    });
    const fetched = await second.records.attachments.read(file!.sha256, (sha256) =>
      secondSync.fetchBlob(sha256),
    );
    expect(fetched.ok && new TextDecoder().decode(fetched.value)).toBe(new TextDecoder().decode(scan));
    // Kept: it opens offline from now on.
    expect((await second.records.attachments.read(file!.sha256)).ok).toBe(true);
  });
});
