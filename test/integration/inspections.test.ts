/**
 * Inspections on a real profile (RxDB on fake-indexeddb, the write journal, the attachment store) and
 * the real platform on loopback: photos on checklist items are kept once by content hash and referred
 * to by it, and the platform refuses an inspection until its photos are uploaded.
 */
import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { firstValueFrom } from 'rxjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../shared/base/security/blobCrypto.ts';
import type { Role } from '../../shared/base/security/permissions.ts';
import { uuidv7 } from '../../shared/base/uuid.ts';
import { inspectionsCapability } from '../../shared/inspections/descriptor.ts';
import { type InspectionDocument, inspectionJsonSchema } from '../../shared/inspections/document.ts';
import { DraftAutosave } from '../../renderer/inspections/autosave.ts';
import { type InspectionFields, InspectionRepository } from '../../renderer/inspections/repository.ts';
import { migratePersonalCollections } from '../../renderer/kernel/db/database.ts';
import { rawProfileContents } from '../../renderer/kernel/security/testSupport.ts';
import type { SignedInSession } from '../../renderer/kernel/security/session.ts';
import { PlatformClient, requestEnrollment } from '../../renderer/kernel/sync/platformClient.ts';
import { codes, enterpriseInput, openProfile, type Profile, registerSubject } from './creditHarness.ts';
import { startTestPlatform, type TestPlatform, testCounty, testStaff } from './harness.ts';
import { countyLatePublicity } from '../../server/query/inspections.ts';
import { runCli } from '../../server/admin/commands.ts';
import { chinaToday } from '../../server/routes/context.ts';
import { addDays } from '../../shared/base/calendar/dates.ts';
import { publicityDaysOf } from '../../shared/inspections/countySetting.ts';
import { withIndexFields } from '../../shared/inspections/indexFields.ts';
import type { SettingDocument } from '../../shared/inspections/document.ts';
import {
  closedOn,
  defaultPublicityDays,
  latePublicity,
  publicityDeadline,
} from '../../shared/inspections/publicity.ts';

/** A tiny whole JPEG (start and end markers around some bytes). */
function jpeg(seed: number): Uint8Array {
  return new Uint8Array([0xff, 0xd8, 0xff, 0xe0, seed, seed + 1, seed + 2, 0xff, 0xd9]);
}

const inspector = session(testStaff.inspector, '陈检', ['inspector']);
const partner = testStaff.reviewer;

function session(userId: string, userName: string, roles: Role[]): SignedInSession {
  return { userId, userName, county: testCounty.code, username: userId, roles };
}

let opened: Profile[] = [];
afterEach(async () => {
  for (const profile of opened.reverse()) await profile.close();
  opened = [];
});

async function inspectionProfile(conflicted: string[] = []) {
  const profile = await openProfile();
  opened.push(profile);
  const subject = await registerSubject(profile, enterpriseInput());
  profile.signIn(inspector);
  const inspections = new InspectionRepository(profile.db.inspections, profile.context, {
    journal: profile.journal,
    local: profile.local,
    attachments: profile.records.attachments,
    standingOf: async () => ({ grade: '', raised: false, conflicted }),
    records: profile.records,
    reference: profile.reference,
    officeName: '示范县住房和城乡建设局',
  });
  return { profile, subject, inspections };
}

const start = (subjectId: string, inspectors = [inspector.userId, partner]) => ({
  subjectId,
  projectId: '',
  planId: '',
  adHocReason: 'complaint' as const,
  adHocNote: '群众投诉夜间施工',
  inspectors,
  industry: 'construction' as const,
});

/** Starts `count` inspections of the subject, one a minute. */
async function startOneAMinute(
  profile: Profile,
  inspections: InspectionRepository,
  subjectId: string,
  count: number,
): Promise<void> {
  for (let minute = 0; minute < count; minute++) {
    profile.setNow(`2026-03-06T03:0${minute}:00.000Z`);
    const started = await inspections.start(start(subjectId));
    if (!started.ok) throw new Error(JSON.stringify(started.issues));
  }
}

function fieldsOf(doc: InspectionFields & object): InspectionFields {
  const {
    kind: _k,
    state: _s,
    steps: _st,
    rectifications: _r,
    ...fields
  } = doc as InspectionFields & Record<string, unknown>;
  for (const stamp of ['id', 'county', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy']) {
    delete (fields as Record<string, unknown>)[stamp];
  }
  return fields as InspectionFields;
}

/** A completed ad hoc inspection submitted by the inspector, who stays signed in. */
async function submittedInspection() {
  const { profile, subject, inspections } = await inspectionProfile();
  const started = await inspections.start(start(subject.id));
  if (!started.ok) throw new Error(JSON.stringify(started.issues));
  const { id } = started.value;
  const { signature } = await completed(inspections, started.value);
  expect((await inspections.act(id, 'submit')).ok).toBe(true);
  return { profile, inspections, id, signature };
}

describe('an inspection on the device', () => {
  it('starts at the depth of the subject’s standing and refuses an inspector who is its contact', async () => {
    const { subject, inspections } = await inspectionProfile([partner]);
    const refused = await inspections.start(start(subject.id));
    expect(refused).toEqual({
      ok: false,
      issues: [{ field: 'inspectors.1', code: 'inspection.inspectorIsContact' }],
    });
    expect(await inspections.get(uuidv7())).toBeNull();
  });

  it('lists a page of inspections through the index, latest change first, as reading every one would', async () => {
    const { profile, subject, inspections } = await inspectionProfile();
    await startOneAMinute(profile, inspections, subject.id, 5);
    const everyOne = await firstValueFrom(inspections.watchAll());
    const ids = everyOne.map((doc) => doc.id);
    expect(ids).toHaveLength(5);
    const first = await inspections.page({ limit: 2 });
    expect(first).toEqual({ total: 5, items: everyOne.slice(0, 2) });
    expect((await inspections.page({ offset: 4, limit: 2 })).items.map((doc) => doc.id)).toEqual([ids[4]]);
    const odd = new Set([ids[1], ids[3]]);
    const filtered = await inspections.page({ accepts: (doc) => odd.has(doc.id), limit: 50 });
    expect(filtered.total).toBe(2);
    expect(filtered.items.map((doc) => doc.id)).toEqual([ids[1], ids[3]]);
  });

  it('opens a profile written before the list index with every document intact, and pages it', async () => {
    const { profile, subject, inspections } = await inspectionProfile();
    await startOneAMinute(profile, inspections, subject.id, 3);
    const written = (await profile.db.inspections.find().exec()).map((doc) => doc.toJSON());
    // RxDB's open edition holds few collections at once: the first profile closes before the next opens.
    await profile.close();
    opened = opened.filter((open) => open !== profile);
    const name = `test-inspections-v2-${Date.now()}`;
    const version2 = {
      ...inspectionJsonSchema,
      version: 2,
      indexes: ['updatedAt', ['subjectId', 'startedAt'], ['state', 'updatedAt']],
    } as unknown as RxJsonSchema<InspectionDocument>;
    const old = await createRxDatabase({ name, storage: getRxStorageDexie(), multiInstance: false });
    const { 1: first, 2: second } = inspectionsCapability.migrations;
    await old.addCollections({
      inspections: { schema: version2, migrationStrategies: { 1: first!, 2: second! } },
    });
    await old.inspections.bulkInsert(written as InspectionDocument[]);
    await old.close();

    const reopened = await openProfile('2026-03-06T04:00:00.000Z', name);
    opened.push(reopened);
    // As the app does once the data key is there (personal fields are sealed again on the way).
    await migratePersonalCollections(reopened.db);
    const stored = await reopened.db.inspections.find({ sort: [{ updatedAt: 'desc' }] }).exec();
    expect(stored.map((doc) => doc.toJSON())).toEqual(
      [...written].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    );
    const paged = new InspectionRepository(reopened.db.inspections, reopened.context, {} as never);
    expect((await paged.page({ limit: 2 })).items.map((doc) => doc.id)).toEqual(
      stored.slice(0, 2).map((doc) => doc.primary),
    );
  });

  it('keeps a photo once by its hash, refers to it on each item, and loses nothing on a refusal', async () => {
    const { profile, subject, inspections } = await inspectionProfile();
    const started = await inspections.start(start(subject.id));
    if (!started.ok) throw new Error(JSON.stringify(started.issues));
    const draft = started.value;
    // Ungraded subjects get the standard depth: core and standard items.
    expect(draft.depth).toBe('standard');
    expect(draft.items.length).toBeGreaterThan(5);
    expect(draft.items.every((item) => item.result === '')).toBe(true);

    const bytes = jpeg(7);
    const first = await inspections.keepPhoto({ name: 'IMG_0001.jpeg', data: bytes });
    const again = await inspections.keepPhoto({ name: '同一张.jpg', data: bytes });
    if (!first.ok || !again.ok) throw new Error('photo not kept');
    expect(first.value.sha256).toBe(await sha256Hex(bytes));
    expect(again.value.sha256).toBe(first.value.sha256);
    expect(await inspections.attachments.pendingCount()).toBe(1);

    const fields = fieldsOf(draft);
    const [one, two] = fields.items;
    const withPhotos: InspectionFields = {
      ...fields,
      items: [
        { ...one!, result: 'compliant', photos: [first.value] },
        { ...two!, result: 'nonCompliant', note: '安全网破损', photos: [again.value] },
        ...fields.items.slice(2),
      ],
      findings: [
        {
          id: uuidv7(),
          itemCode: two!.code,
          severity: 'major',
          description: '外脚手架安全网多处破损',
          rectifyBy: '2026-03-20',
          photos: [],
        },
      ],
      representative: '王伟',
      representativeIdNumber: '410823198503152011',
    };
    const saved = await inspections.saveDraft(draft.id, withPhotos);
    expect(saved.ok).toBe(true);
    const stored = (await inspections.get(draft.id))!;
    expect(stored.items[0]!.photos).toEqual([first.value]);
    expect(stored.items[1]!.photos.map((photo) => photo.sha256)).toEqual([first.value.sha256]);
    expect(await rawProfileContents(profile.name)).not.toContain('410823198503152011');

    // A deadline in the past is refused and the draft stays as saved.
    const late = await inspections.saveDraft(draft.id, {
      ...withPhotos,
      findings: [{ ...withPhotos.findings[0]!, rectifyBy: '2026-03-01' }],
    });
    expect(late).toEqual({
      ok: false,
      issues: [
        { field: 'findings.0.rectifyBy', code: 'inspection.deadlinePast', params: { today: '2026-03-06' } },
      ],
    });
    expect((await inspections.get(draft.id))!.findings[0]!.rectifyBy).toBe('2026-03-20');

    // Not a picture, and a cut-off one: refused, nothing stored.
    const notImage = await inspections.keepPhoto({ name: 'a.jpg', data: new TextEncoder().encode('%PDF') });
    const cut = await inspections.keepPhoto({ name: 'b.jpg', data: jpeg(9).subarray(0, 6) });
    expect([notImage.ok ? '' : notImage.issues[0]!.code, cut.ok ? '' : cut.issues[0]!.code]).toEqual([
      'inspection.photo.notImage',
      'inspection.photo.corrupt',
    ]);
    expect(await inspections.attachments.pendingCount()).toBe(1);

    // What the form holds is kept sealed on this computer, whatever rules it still breaks.
    const typed = {
      ...withPhotos,
      conclusion: '尚未写完',
      findings: [{ ...withPhotos.findings[0]!, rectifyBy: '2026-03-01' }],
    };
    await inspections.keepFormState(draft.id, typed);
    expect(await inspections.formState(draft.id)).toEqual(typed);
    expect(await rawProfileContents(profile.name)).not.toContain('尚未写完');
    await inspections.dropFormState(draft.id);
    expect(await inspections.formState(draft.id)).toBeNull();

    // Submitting needs the whole record.
    const incomplete = await inspections.act(draft.id, 'submit');
    expect(incomplete.ok).toBe(false);
  });
});

/** A complete record: every item compliant but SG-03 (high-risk works, a risk-warning item), signed. */
async function completed(inspections: InspectionRepository, draft: InspectionFields & { id: string }) {
  const signature = await inspections.keepPhoto({ name: 'signature.jpg', data: jpeg(5) });
  if (!signature.ok) throw new Error('signature not kept');
  const fields = fieldsOf(draft);
  const findingId = uuidv7();
  const saved = await inspections.saveDraft(draft.id, {
    ...fields,
    items: fields.items.map((item) => ({
      ...item,
      result: item.code === 'SG-03' ? 'nonCompliant' : 'compliant',
    })),
    findings: [
      {
        id: findingId,
        itemCode: 'SG-03',
        severity: 'critical',
        description: '高支模未按专项方案搭设',
        rectifyBy: '2026-03-11',
        photos: [],
      },
    ],
    representative: '王伟',
    signature: signature.value,
    conclusion: '存在重大安全隐患，责令限期整改。',
    endedAt: '2026-03-06T03:00:00.000Z',
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved.issues));
  return { findingId, signature: signature.value };
}

describe('autosave of a draft', () => {
  it('keeps every pause in typing on this computer and writes the inspection a handful of times', async () => {
    const { profile, subject, inspections } = await inspectionProfile();
    const started = await inspections.start(start(subject.id));
    if (!started.ok) throw new Error(JSON.stringify(started.issues));
    const { id } = started.value;
    const writes = async () =>
      (await profile.db.auditLog.find({ selector: { documentId: id } }).exec()).length;
    expect(await writes()).toBe(1);

    const autosave = new DraftAutosave(inspections, id);
    let fields = fieldsOf(started.value);
    autosave.open(fields, false);
    // A typical fill: each item judged, a note typed in bursts, a photo, the representative and the
    // conclusion typed letter by letter, the form kept every few seconds all along.
    const photo = await inspections.keepPhoto({ name: 'site.jpg', data: jpeg(11) });
    if (!photo.ok) throw new Error('photo not kept');
    const type = async (next: InspectionFields) => {
      fields = next;
      autosave.change(fields);
      await autosave.keep();
    };
    for (const [index, item] of fields.items.entries()) {
      const photos = index === 0 ? [photo.value] : [];
      await type({
        ...fields,
        items: fields.items.map((kept, at) =>
          at === index ? { ...item, result: 'compliant', photos } : kept,
        ),
      });
    }
    const conclusion = '现场安全防护到位，资料齐全。';
    for (let length = 1; length <= conclusion.length; length++) {
      await type({ ...fields, conclusion: conclusion.slice(0, length) });
    }
    await type({ ...fields, representative: '王伟' });
    // Never written yet, yet nothing typed is lost: a crash now restores all of it.
    expect(await writes()).toBe(1);
    expect(await inspections.formState(id)).toEqual(fields);

    // Leaving the page writes it once; leaving again with nothing changed writes nothing.
    expect(await autosave.save()).toEqual({ saved: true });
    expect(await autosave.save()).toBeNull();
    expect(await writes()).toBe(2);
    expect((await inspections.get(id))!.conclusion).toBe(conclusion);
    expect(await inspections.formState(id)).toBeNull();

    // A refused draft is not written, and what was typed stays kept on this computer.
    const late = { ...fields, findings: [], endedAt: '2026-03-01T00:00:00.000Z' };
    await type(late);
    const refused = await autosave.save();
    expect(refused).toMatchObject({ saved: false });
    expect(await writes()).toBe(2);
    expect(await inspections.formState(id)).toEqual(late);
  });
});

describe('inspections on the platform', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform();
  }, 60_000);

  afterAll(async () => {
    await platform.stop();
  });

  async function tabletClient(): Promise<PlatformClient> {
    const url = platform.platform.url;
    const enrollment = await requestEnrollment(url, await platform.enrollmentCode(), 'tablet', uuidv7());
    return new PlatformClient(url, enrollment.token);
  }

  it('issues the order on closing; a failed re-inspection proposes the linked record the platform accepts', async () => {
    const { profile, subject, inspections } = await inspectionProfile();
    const started = await inspections.start(start(subject.id));
    if (!started.ok) throw new Error(JSON.stringify(started.issues));
    const { id } = started.value;
    const { findingId, signature } = await completed(inspections, started.value);
    expect((await inspections.act(id, 'submit')).ok).toBe(true);
    expect((await inspections.get(id))!.rectifications).toEqual([]);
    profile.signIn(session(testStaff.secondReviewer, '李审', ['reviewer']));
    expect((await inspections.act(id, 'close', '同意')).ok).toBe(true);
    const closed = (await inspections.get(id))!;
    expect(closed.rectifications).toMatchObject([
      { findingId, catalogCode: 'JZ-FX-02', issuedOn: '2026-03-06', deadline: '2026-03-11', state: 'open' },
    ]);

    // A reviewer does not re-inspect; the inspector does, after the deadline, and finds it not rectified.
    const found = { rectified: false, date: '2026-03-16', note: '复查时高支模仍未按方案整改' };
    profile.setNow('2026-03-16T02:00:00.000Z');
    expect((await inspections.reinspect(id, findingId, found)).ok).toBe(false);
    profile.signIn(inspector);
    const escalated = await inspections.reinspect(id, findingId, found);
    if (!escalated.ok) throw new Error(JSON.stringify(escalated.issues));
    const { recordId } = escalated.value;
    const order = (await inspections.get(id))!.rectifications[0]!;
    expect(order).toMatchObject({ state: 'escalated', proposedRecordId: recordId });
    const record = await profile.records.get(recordId);
    expect(record).toMatchObject({
      subjectId: subject.id,
      catalogCode: 'JZ-FX-02',
      category: 'riskWarning',
      source: 'inspection',
      sourceId: id,
      status: 'draft',
      decisionDate: '2026-03-16',
      createdBy: inspector.userId,
    });
    expect(record!.facts).toContain('复查时高支模仍未按方案整改');
    // Taken once: a second re-inspection of the same order is refused and proposes nothing more.
    expect((await inspections.reinspect(id, findingId, { ...found, rectified: true })).ok).toBe(false);
    expect((await profile.records.list({ subjectId: subject.id, limit: 10 })).items).toHaveLength(1);

    const client = await tabletClient();
    await client.putBlob(signature.sha256, await inspections.attachments.bytes(signature.sha256));
    const inspection = (await inspections.get(id))!;
    // Its derived fields agree with the altered orders: the orders themselves are what is refused.
    const tampered = withIndexFields({
      ...inspection,
      rectifications: [{ ...order, deadline: '2026-06-30' }],
    });
    const refused = await client.push('inspections', [
      { newDocumentState: { ...tampered, _deleted: false } },
    ]);
    expect(refused.rejected[0]?.issues).toEqual([
      { field: 'rectifications', code: 'inspection.rectification.ordersAltered' },
    ]);
    const pushed = await client.push('inspections', [
      { newDocumentState: { ...inspection, _deleted: false } },
    ]);
    expect(pushed.rejected).toEqual([]);
    const filed = await client.push('creditRecords', [{ newDocumentState: { ...record!, _deleted: false } }]);
    expect(filed.rejected).toEqual([]);
  });

  it('records the publication of a closed result (一公开), corrects it, and the platform accepts both', async () => {
    const { profile, inspections, id, signature } = await submittedInspection();
    const reviewer = session(testStaff.secondReviewer, '李审', ['reviewer']);
    profile.signIn(reviewer);
    // Not before it is closed.
    expect(inspections.availableActions((await inspections.get(id))!)).not.toContain('publish');
    expect((await inspections.act(id, 'close', '同意')).ok).toBe(true);
    const closed = (await inspections.get(id))!;
    expect(inspections.availableActions(closed)).toEqual(['publish']);

    profile.setNow('2026-03-20T02:00:00.000Z');
    const refusals = async (where: string, date: string) => {
      const taken = await inspections.act(id, 'publish', where, date);
      return taken.ok ? [] : taken.issues.map((found) => found.code);
    };
    expect(await refusals('', '2026-03-10')).toEqual(['workflow.noteRequired']);
    expect(await refusals('县住建局网站', '2026-03-21')).toEqual(['dateInFuture']);
    expect(await refusals('县住建局网站', '2026-03-01')).toEqual(['workflow.dateBeforeDecision']);
    expect((await inspections.get(id))!.steps).toHaveLength(closed.steps.length);
    expect((await inspections.act(id, 'publish', '县住建局网站', '2026-03-10')).ok).toBe(true);
    const published = (await inspections.get(id))!;
    // A correction is one more recorded step; the first stays in the history.
    expect((await inspections.act(id, 'publish', '县政务服务中心公示栏', '2026-03-09')).ok).toBe(true);
    const corrected = (await inspections.get(id))!;
    expect(corrected.steps.filter((step) => step.action === 'publish')).toMatchObject([
      { by: reviewer.userId, note: '县住建局网站', date: '2026-03-10' },
      { by: reviewer.userId, note: '县政务服务中心公示栏', date: '2026-03-09' },
    ]);

    const client = await tabletClient();
    await client.putBlob(signature.sha256, await inspections.attachments.bytes(signature.sha256));
    const row = (doc: typeof closed, assumed: typeof closed | null) => ({
      newDocumentState: { ...doc, _deleted: false },
      assumedMasterState: assumed ? { ...assumed, _deleted: false } : null,
    });
    expect((await client.push('inspections', [row(closed, null)])).rejected).toEqual([]);
    // An inspector may not record the publication: the platform replays the step as its taker.
    const forged = {
      ...published,
      updatedBy: inspector.userId,
      steps: published.steps.map((step) =>
        step.action === 'publish' ? { ...step, by: inspector.userId } : step,
      ),
    };
    const refused = await client.push('inspections', [row(forged, closed)]);
    expect(refused.rejected[0]?.issues.map((found) => found.code)).toContain('permission.denied');
    // Derived fields that disagree with the content are refused: a published result claiming to be
    // unpublished (still counted late for publicity by the indexes) would mislead the figures.
    const derived = (doc: typeof closed) => doc as typeof closed & { unpublishedSince: string };
    expect(derived(closed).unpublishedSince).toBe('2026-03-06');
    expect(derived(published).unpublishedSince).toBe('');
    const lying = { ...published, unpublishedSince: derived(closed).unpublishedSince };
    expect((await client.push('inspections', [row(lying, closed)])).rejected[0]?.issues).toContainEqual(
      expect.objectContaining({ field: 'unpublishedSince', code: 'inspection.indexField' }),
    );
    expect((await client.push('inspections', [row(published, closed)])).rejected).toEqual([]);
    expect((await client.push('inspections', [row(corrected, published)])).rejected).toEqual([]);
    const pulled = await client.pull('inspections', null, 10);
    const stored = pulled.documents.find((doc) => doc.id === id) as unknown as typeof closed;
    expect(stored.steps.at(-1)).toMatchObject({ action: 'publish', date: '2026-03-09' });
  });

  it('keeps the publicity deadline as a synced county rule the device and the platform count late results by', async () => {
    const { profile, inspections, id, signature } = await submittedInspection();
    profile.signIn(session(testStaff.secondReviewer, '李审', ['reviewer']));
    expect((await inspections.act(id, 'close', '同意')).ok).toBe(true);
    const closed = (await inspections.get(id))!;
    const calendar = profile.reference.calendar();
    // A day after a 3-working-day deadline: late by 3 days, on time by the default 20.
    const today = addDays(publicityDeadline({ closedOn: closedOn(closed) }, calendar, 3), 1);
    const lateOnDevice = async () =>
      latePublicity([closed], { today, calendar, days: await inspections.publicityDays() }).length;
    expect(await inspections.publicityDays()).toBe(defaultPublicityDays);
    expect(await lateOnDevice()).toBe(0);

    // A reviewer may not change it; an administrator may, within 1–60 working days.
    expect((await inspections.setPublicityDays(3)).ok).toBe(false);
    profile.signIn(session(testStaff.admin, '赵管', ['countyAdmin']));
    const refused = await inspections.setPublicityDays(0);
    expect(refused.ok ? [] : refused.issues.map((found) => found.code)).toEqual([
      'inspection.publicity.days',
    ]);
    expect((await inspections.setPublicityDays(3)).ok).toBe(true);
    expect(await inspections.publicityDays()).toBe(3);
    expect(await lateOnDevice()).toBe(1);
    // Recorded like every write: the change is in the audit log.
    const setting = (await profile.db.inspections.find().exec())
      .map((doc) => doc.toJSON() as unknown as SettingDocument)
      .find((doc) => doc.kind === 'setting');
    expect(setting).toMatchObject({ setting: { publicityDays: 3 }, updatedBy: testStaff.admin });
    const trail = await profile.context.audit.search({ documentId: setting!.id });
    expect(trail).toMatchObject([{ action: 'create', userId: testStaff.admin }]);

    const client = await tabletClient();
    await client.putBlob(signature.sha256, await inspections.attachments.bytes(signature.sha256));
    const county = testCounty.code;
    expect((await countyLatePublicity(platform.platform.database, county, today)).days).toBe(20);
    expect(
      (await client.push('inspections', [{ newDocumentState: { ...closed, _deleted: false } }])).rejected,
    ).toEqual([]);
    const before = await countyLatePublicity(platform.platform.database, county, today);
    expect(before.late.map((late) => late.inspectionId)).not.toContain(id);
    // Only an administrator's setting is accepted; a reviewer's is refused.
    const forged = { ...setting!, id: uuidv7(), createdBy: partner, updatedBy: partner, _deleted: false };
    const refusedPush = await client.push('inspections', [{ newDocumentState: forged }]);
    expect(refusedPush.rejected[0]?.issues.map((found) => found.code)).toEqual(['permission.denied']);
    expect(
      (await client.push('inspections', [{ newDocumentState: { ...setting!, _deleted: false } }])).rejected,
    ).toEqual([]);
    const after = await countyLatePublicity(platform.platform.database, county, today);
    expect(after.days).toBe(3);
    expect(after.late).toContainEqual(
      expect.objectContaining({ inspectionId: id, deadline: addDays(today, -1) }),
    );
    // The city's operator sees it with the `inspections late-publicity` command, in words.
    // The inspected party, as the county's clerk on the platform entered it.
    const party = {
      ...(await profile.db.subjects.findOne(closed.subjectId).exec())!.toJSON(),
      createdBy: testStaff.clerk,
      updatedBy: testStaff.clerk,
    };
    const pushedParty = await client.push('subjects', [{ newDocumentState: { ...party, _deleted: false } }]);
    expect(pushedParty.rejected).toEqual([]);
    const printed: string[] = [];
    const run = (args: string[]) =>
      runCli(['inspections', 'late-publicity', ...args], {
        database: platform.platform.database,
        print: (line) => printed.push(line),
        readPassword: async () => '',
        env: {},
      });
    expect(await run(['--county', county])).toBe(0);
    const now = await countyLatePublicity(platform.platform.database, county, chinaToday());
    const oldest = now.late.toSorted(
      (a, b) =>
        a.deadline.localeCompare(b.deadline) ||
        a.closedOn.localeCompare(b.closedOn) ||
        a.inspectionId.localeCompare(b.inspectionId),
    )[0]!;
    // Earlier inspections of this platform's county were pushed without their party.
    const partyName =
      oldest.subjectId === party.id ? party.name : 'an inspected party this platform does not hold';
    expect(printed).toEqual([
      `${county} ${testCounty.nameZh} / ${testCounty.nameEn}: ${now.late.length} inspection result${now.late.length === 1 ? '' : 's'} not published in time (due 3 working days after closing); longest overdue: ${partyName}, closed ${oldest.closedOn}, due ${oldest.deadline}`,
      `${now.late.length} late in 1 of 1 county`,
    ]);
    printed.length = 0;
    expect(await run(['--county', '999999'])).toBe(1);
    expect(printed).toEqual(['error: unknown county 999999']);
    // Another computer of the county gets the rule with the county's documents.
    const pulled = await (await tabletClient()).pull('inspections', null, 100);
    expect(publicityDaysOf(pulled.documents as never)).toBe(3);
  });

  it('refuses an inspection by the inspected party’s contact person, as the platform knows the party', async () => {
    // This device did not know the contact (another computer entered it); the platform does.
    const { profile, inspections } = await inspectionProfile();
    profile.signIn(session(testStaff.clerk, '张录', ['clerk']));
    const party = await registerSubject(
      profile,
      enterpriseInput({ code: codes.otherEnterprise, name: '示范建设集团', contactPerson: '示范用户' }),
    );
    profile.signIn(inspector);
    const started = await inspections.start(start(party.id));
    if (!started.ok) throw new Error(JSON.stringify(started.issues));
    const client = await tabletClient();
    const subjectPush = await client.push('subjects', [{ newDocumentState: { ...party, _deleted: false } }]);
    expect(subjectPush.rejected).toEqual([]);
    const pushed = await client.push('inspections', [
      { newDocumentState: { ...started.value, _deleted: false } },
    ]);
    // Every seeded user of the test county is called 示范用户, so both inspectors must step aside.
    expect(pushed.rejected).toEqual([
      {
        id: started.value.id,
        issues: [
          { field: 'inspectors.0', code: 'inspection.inspectorIsContact' },
          { field: 'inspectors.1', code: 'inspection.inspectorIsContact' },
        ],
      },
    ]);
  });

  it('refuses an inspection until the photo on its checklist item is uploaded', async () => {
    const { subject, inspections } = await inspectionProfile();
    const started = await inspections.start(start(subject.id));
    if (!started.ok) throw new Error(JSON.stringify(started.issues));
    const bytes = jpeg(42);
    const photo = await inspections.keepPhoto({ name: 'site.jpg', data: bytes });
    if (!photo.ok) throw new Error('photo not kept');
    const fields = fieldsOf(started.value);
    const saved = await inspections.saveDraft(started.value.id, {
      ...fields,
      items: [{ ...fields.items[0]!, result: 'compliant', photos: [photo.value] }, ...fields.items.slice(1)],
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved.issues));

    const client = await tabletClient();
    const row = { newDocumentState: { ...saved.value, _deleted: false } };
    const early = await client.push('inspections', [row]);
    expect(early.rejected).toEqual([
      {
        id: saved.value.id,
        issues: [
          {
            field: 'items.0.photos.0',
            code: 'attachment.notUploaded',
            params: { sha256: photo.value.sha256 },
          },
        ],
      },
    ]);

    await client.putBlob(photo.value.sha256, await inspections.attachments.bytes(photo.value.sha256));
    const later = await client.push('inspections', [row]);
    expect(later.rejected).toEqual([]);
    const pulled = await client.pull('inspections', null, 10);
    expect(pulled.documents.map((doc) => doc.id)).toContain(saved.value.id);
    expect(await client.getBlob(photo.value.sha256)).toEqual(bytes);
  });
});
