/**
 * A synced device upgrading its inspections from schema version 4 to 5, end to end. The device holds the
 * version-4 inspections it pulled, as the platform stored them before the derived index fields existed;
 * the platform restarts and upgrades them (server/sync/documentUpgrades.ts); the device opens with schema
 * 5, migrates its copies and syncs. Nothing conflicts or is refused, every inspection keeps its history
 * and attachments, the derived fields agree on both sides, an edit after the upgrade is accepted, and a
 * second device pulls the upgraded documents.
 */
import { afterEach, expect, it } from 'vitest';
import type { Role } from '../../shared/base/security/permissions.ts';
import { uuidv7 } from '../../shared/base/uuid.ts';
import { type InspectionDocument, indexFieldNames } from '../../shared/inspections/document.ts';
import { indexFieldsOf, withIndexFields } from '../../shared/inspections/indexFields.ts';
import { withoutIndexFields } from '../../shared/inspections/testFixtures.ts';
import { documentContent } from '../../shared/sync/documentContent.ts';
import { migratePersonalCollections } from '../../renderer/kernel/db/database.ts';
import type { SignedInSession } from '../../renderer/kernel/security/session.ts';
import { PlatformClient, requestEnrollment } from '../../renderer/kernel/sync/platformClient.ts';
import { syncRegistration } from '../../renderer/kernel/sync/registration.ts';
import { SyncService } from '../../renderer/kernel/sync/syncService.ts';
import { storeAsVersion4 } from '../../server/test/suites/documentUpgrades.ts';
import { upgradeAuthor } from '../../server/sync/documentUpgrades.ts';
import {
  creditFileCollections,
  enrolledFor,
  enterpriseInput,
  inspectionRepositoryOf,
  newPersonalDataCipher,
  openProfile,
  platformClerk,
  type Profile,
  registerSubject,
} from './creditHarness.ts';
import { fastBackoff, memorySecrets, platformForTests, testCounty, testStaff } from './harness.ts';
import { version4InspectionSchema } from './inspectionVersions.ts';

const platformHolder = platformForTests();

/** Two profiles open at once stay within the 13 collections a page may hold. */
const withInspections = [...creditFileCollections, 'inspections'] as const;

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const handle of opened.splice(0).reverse()) await handle.close();
});

const inspector = session(testStaff.inspector, '陈检', ['inspector']);
const reviewer = session(testStaff.secondReviewer, '李审', ['reviewer']);

function session(userId: string, userName: string, roles: Role[]): SignedInSession {
  return { userId, userName, county: testCounty.code, username: userId, roles };
}

/** A tiny whole JPEG (start and end markers around some bytes). */
const jpeg = (seed: number) => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, seed, seed + 1, seed + 2, 0xff, 0xd9]);

/**
 * Inspections as a version-4 device wrote them: one closed with an open rectification order, one closed
 * and published, each with a signature and a finding photo; and the attachments' bytes.
 */
async function version4Inspections(): Promise<{
  docs: Record<string, unknown>[];
  blobs: Map<string, Uint8Array>;
}> {
  const author = await openProfile();
  try {
    return await inspectedOn(author);
  } finally {
    // Closed before the device opens: a page holds at most 13 collections open.
    await author.close();
  }
}

async function inspectedOn(
  author: Profile,
): Promise<{ docs: Record<string, unknown>[]; blobs: Map<string, Uint8Array> }> {
  const subject = await registerSubject(author, enterpriseInput());
  const inspections = inspectionRepositoryOf(author);
  const blobs = new Map<string, Uint8Array>();
  const keep = async (name: string, data: Uint8Array) => {
    const kept = await inspections.keepPhoto({ name, data });
    if (!kept.ok) throw new Error(JSON.stringify(kept.issues));
    blobs.set(kept.value.sha256, data);
    return kept.value;
  };
  for (const [n, published] of [false, true].entries()) {
    author.signIn(inspector);
    const started = await inspections.start({
      subjectId: subject.id,
      projectId: '',
      planId: '',
      adHocReason: 'complaint',
      adHocNote: '群众投诉夜间施工',
      inspectors: [inspector.userId, testStaff.reviewer],
      industry: 'construction',
    });
    if (!started.ok) throw new Error(JSON.stringify(started.issues));
    const { id, kind: _k, state: _s, steps: _st, rectifications: _r, ...fields } = started.value;
    for (const stamp of ['county', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', ...indexFieldNames]) {
      delete (fields as Record<string, unknown>)[stamp];
    }
    const saved = await inspections.saveDraft(id, {
      ...fields,
      items: fields.items.map((item) => ({
        ...item,
        result: item.code === 'SG-03' ? 'nonCompliant' : 'compliant',
      })),
      findings: [
        {
          id: uuidv7(),
          itemCode: 'SG-03',
          severity: 'critical',
          description: '高支模未按专项方案搭设',
          rectifyBy: '2026-03-11',
          photos: [await keep('finding.jpg', jpeg(10 + n))],
        },
      ],
      representative: '王伟',
      signature: await keep('signature.jpg', jpeg(20 + n)),
      conclusion: '存在重大安全隐患，责令限期整改。',
      endedAt: '2026-03-06T03:00:00.000Z',
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved.issues));
    expect((await inspections.act(id, 'submit')).ok).toBe(true);
    author.signIn(reviewer);
    expect((await inspections.act(id, 'close', '同意')).ok).toBe(true);
    if (published) expect((await inspections.act(id, 'publish', '县住建局网站', '2026-03-06')).ok).toBe(true);
  }
  const docs = (await author.db.inspections.find().exec()).map((doc) => withoutIndexFields(doc.toJSON()));
  return { docs, blobs };
}

/** The live inspections-collection documents the platform stores, by id. */
async function platformDocuments(): Promise<Map<string, Record<string, unknown>>> {
  const { rows } = await platformHolder.current.platform.database.query<{ id: string; body: object }>(
    "SELECT id, body FROM documents WHERE collection = 'inspections' AND NOT deleted",
  );
  return new Map(rows.map((row) => [row.id, bodyOf(row.body)]));
}

/** What a device or the platform holds of a document, without the deletion flag and RxDB's fields. */
function bodyOf(doc: object): Record<string, unknown> {
  const { _deleted: _, ...content } = documentContent(doc as Record<string, unknown>);
  return content;
}

async function deviceDocuments(profile: Profile): Promise<Map<string, Record<string, unknown>>> {
  const docs = await profile.db.inspections.find().exec();
  return new Map(docs.map((doc) => [doc.primary, bodyOf(doc.toJSON())]));
}

/** Who wrote each version of the document on the platform, oldest first. */
async function writers(id: string): Promise<string[]> {
  const { rows } = await platformHolder.current.platform.database.query<{ user_id: string }>(
    "SELECT user_id FROM write_log WHERE collection = 'inspections' AND document_id = $1 ORDER BY sequence",
    [id],
  );
  return rows.map((row) => row.user_id);
}

async function synced(sync: SyncService): Promise<void> {
  sync.syncNow();
  await sync.awaitInSync();
}

async function noConflictOrRefusal(sync: SyncService): Promise<void> {
  expect(await sync.store.allConflicts()).toEqual([]);
  expect(await sync.store.refusals()).toEqual([]);
}

it('a synced device and the platform upgrade version-4 inspections without a conflict, a refusal or a loss', async () => {
  const platform = platformHolder.current;
  const { docs, blobs } = await version4Inspections();
  const ids = docs.map((doc) => doc.id as string).sort();
  // The platform as the previous release stored them (its rules then did not know the derived fields),
  // with the attachments a device uploaded.
  await storeAsVersion4(platform.platform.database, docs);
  const url = platform.platform.url;
  const tablet = await requestEnrollment(url, await platform.enrollmentCode(), 'tablet', uuidv7());
  for (const [sha256, data] of blobs) await new PlatformClient(url, tablet.token).putBlob(sha256, data);

  // The device on the previous release: its inspections collection at schema version 4, synced.
  const name = `test-upgrade-${Date.now()}`;
  const cipher = await newPersonalDataCipher();
  const secrets = memorySecrets();
  const oldDevice = await openProfile('2026-03-10T02:00:00.000Z', name, creditFileCollections, cipher);
  await oldDevice.db.addCollections({
    inspections: { schema: version4InspectionSchema() },
  });
  const syncOptions = (profile: Profile) => ({
    profile: name,
    database: profile.db,
    secrets,
    officeCounty: testCounty.code,
    deviceName: name,
    session: () => platformClerk,
    backoff: fastBackoff,
    blobs: profile.records.attachments,
    writer: profile.journal,
  });
  const oldSync = await SyncService.open(syncOptions(oldDevice));
  await oldSync.register(syncRegistration('inspections', oldDevice.db.inspections));
  const enrolled = await oldSync.enroll(url, await platform.enrollmentCode());
  expect(enrolled.ok).toBe(true);
  await synced(oldSync);
  expect([...(await deviceDocuments(oldDevice)).values()]).toEqual(
    expect.arrayContaining(docs.map((doc) => expect.objectContaining(doc))),
  );
  expect([...(await deviceDocuments(oldDevice)).keys()].sort()).toEqual(ids);
  await oldSync.close();
  await oldDevice.close();

  // The platform of this release starts on the database the previous one left: it upgrades what it stores.
  await platform.platform.database.query('DELETE FROM document_upgrades');
  await platform.restart();
  const upgraded = await platformDocuments();
  for (const doc of docs) {
    expect(upgraded.get(doc.id as string)).toEqual(withIndexFields(doc as { kind: string }));
    expect(await writers(doc.id as string)).toEqual([expect.any(String), upgradeAuthor]);
  }

  // The device of this release opens the same profile: it migrates its copies, then syncs.
  const device = await openProfile('2026-03-10T02:00:00.000Z', name, withInspections, cipher);
  opened.push(device);
  await migratePersonalCollections(device.db);
  expect(await deviceDocuments(device)).toEqual(upgraded);
  const sync = await SyncService.open(syncOptions(device));
  opened.push(sync);
  await sync.register(syncRegistration('inspections', device.db.inspections));
  await sync.start();
  await synced(sync);
  await noConflictOrRefusal(sync);
  const held = await deviceDocuments(device);
  expect(held).toEqual(await platformDocuments());
  for (const doc of held.values()) {
    expect(Object.fromEntries(indexFieldNames.map((field) => [field, doc[field]]))).toEqual(
      indexFieldsOf(doc as { kind: string }),
    );
  }
  // The migrated copies were not pushed back: the platform's last write of each is still its upgrade.
  for (const id of ids) expect((await writers(id)).at(-1)).toBe(upgradeAuthor);
  await sync.records.loaded('inspections');
  expect([...sync.records.statesOf('inspections', ids).values()]).toEqual(ids.map(() => 'synced'));

  // An edit after the upgrade: the open order re-inspected and rectified, pushed and accepted.
  const open = [...held.values()].find((doc) => doc.unpublishedSince !== '') as unknown as InspectionDocument;
  expect(held.get(open.id)).toMatchObject({ openDeadline: '2026-03-11', unpublishedSince: '2026-03-06' });
  device.signIn(inspector);
  const found = { rectified: true, date: '2026-03-10', note: '复查已按方案整改' };
  const rectified = await inspectionRepositoryOf(device).reinspect(
    open.id,
    open.rectifications[0]!.findingId,
    found,
  );
  if (!rectified.ok) throw new Error(JSON.stringify(rectified.issues));
  await synced(sync);
  await noConflictOrRefusal(sync);
  const afterEdit = await platformDocuments();
  expect(afterEdit).toEqual(await deviceDocuments(device));
  expect(afterEdit.get(open.id)).toMatchObject({ openDeadline: '', firstDeadline: '2026-03-11' });
  expect((await writers(open.id)).at(-1)).toBe(inspector.userId);

  // A second device of this release pulls the upgraded documents and opens their attachments.
  const second = await openProfile('2026-03-10T02:00:00.000Z', undefined, withInspections);
  opened.push(second);
  const secondSync = await enrolledFor('inspections', second, platform, opened);
  await synced(secondSync);
  await noConflictOrRefusal(secondSync);
  expect(await deviceDocuments(second)).toEqual(afterEdit);
  for (const [sha256, data] of blobs) {
    const read = await second.records.attachments.read(sha256, (wanted) => secondSync.fetchBlob(wanted));
    expect(read).toEqual({ ok: true, value: data });
  }
}, 120_000);
