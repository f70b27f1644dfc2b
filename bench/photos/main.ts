// The photo bench in Chromium (bench/photos.ts drives it): camera-like 4000 × 3000 JPEGs of about 4 MB go
// through the app's own intake (preparePhoto: browser-image-compression, EXIF kept) into inspections on a
// real profile, then the app's sync service sends them to the real platform. Figures land in #out.
import { InspectionRepository } from '../../renderer/inspections/repository.ts';
import { preparePhoto } from '../../renderer/inspections/photoIntake.ts';
import { AttachmentStore } from '../../renderer/kernel/attachments.ts';
import { WriteJournal } from '../../renderer/kernel/db/writeJournal.ts';
import { Writer } from '../../renderer/kernel/db/writer.ts';
import { syncRegistration } from '../../renderer/kernel/sync/registration.ts';
import { SyncService } from '../../renderer/kernel/sync/syncService.ts';
import { memorySecretStore, openTestProfile } from '../../renderer/kernel/security/testSupport.ts';
import { ReferenceRepository } from '../../renderer/reference/repository.ts';
import { CreditRecordRepository } from '../../renderer/creditRecords/repository.ts';
import { uuidv7 } from '../../shared/base/uuid.ts';

const query = new URLSearchParams(location.search);
const count = Number(query.get('count') ?? 200);
const perInspection = 10;
const county = query.get('county')!;
const inspector = query.get('inspector')!;
const partner = query.get('partner')!;

/** Peak of the renderer's JS heap, sampled every 100 ms (Chromium's performance.memory). */
let heapPeak = 0;
const heap = () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
const sampler = setInterval(() => {
  heapPeak = Math.max(heapPeak, heap());
}, 100);

/** A camera-like photo: smooth light and colour fields with sensor noise, as a JPEG of about 4 MB. */
async function cameraPhoto(seed: number): Promise<File> {
  const canvas = new OffscreenCanvas(4000, 3000);
  const context = canvas.getContext('2d')!;
  const gradient = context.createLinearGradient(0, 0, 4000, 3000);
  gradient.addColorStop(0, `hsl(${(seed * 37) % 360} 45% 55%)`);
  gradient.addColorStop(1, `hsl(${(seed * 91) % 360} 35% 30%)`);
  context.fillStyle = gradient;
  context.fillRect(0, 0, 4000, 3000);
  for (let i = 0; i < 60; i++) {
    context.fillStyle = `hsl(${(seed * 13 + i * 29) % 360} 40% ${30 + (i % 5) * 10}%)`;
    context.fillRect(
      (i * 677 + seed * 31) % 3800,
      (i * 389 + seed * 17) % 2800,
      200 + (i % 7) * 90,
      150 + (i % 3) * 120,
    );
  }
  const image = context.getImageData(0, 0, 4000, 3000);
  let state = seed * 2_654_435_761;
  for (let p = 0; p < image.data.length; p += 4) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    const noise = ((state >>> 16) & 31) - 16;
    image.data[p] = image.data[p]! + noise;
    image.data[p + 1] = image.data[p + 1]! + noise;
    image.data[p + 2] = image.data[p + 2]! + noise;
  }
  context.putImageData(image, 0, 0);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
  return new File([blob], `IMG_${String(seed).padStart(4, '0')}.jpg`, { type: 'image/jpeg' });
}

async function run() {
  const name = `bench-photos-${Date.now()}`;
  const profile = await openTestProfile(name, { county, now: { value: new Date() } });
  const session = {
    userId: inspector,
    userName: '检查员',
    county,
    username: 'inspector',
    roles: ['inspector' as const],
  };
  profile.actAs(session);
  const clock = () => new Date();
  const attachments = new AttachmentStore(profile.local, profile.personalData, clock);
  const journal = new WriteJournal(profile.db, profile.local, profile.context);
  const reference = await ReferenceRepository.open(profile.db.reference);
  const records = new CreditRecordRepository(
    profile.db.creditRecords,
    profile.local,
    reference,
    profile.context,
    {
      attachments,
      journal,
    },
  );
  const inspections = new InspectionRepository(profile.db.inspections, profile.context, {
    journal,
    local: profile.local,
    attachments,
    standingOf: async () => ({ grade: '', raised: false, conflicted: [] }),
    records,
    reference,
    officeName: '武陟县住房和城乡建设局',
  });

  let originalBytes = 0;
  let keptBytes = 0;
  let generateMs = 0;
  const started = performance.now();
  for (let first = 0; first < count; first += perInspection) {
    const begun = await inspections.start({
      subjectId: uuidv7(),
      projectId: '',
      planId: '',
      adHocReason: 'complaint',
      adHocNote: '群众投诉',
      inspectors: [inspector, partner],
      industry: 'construction',
    });
    if (!begun.ok) throw new Error(JSON.stringify(begun.issues));
    const {
      id,
      kind: _k,
      state: _s,
      steps: _st,
      rectifications: _r,
      county: _c,
      createdAt: _ca,
      updatedAt: _ua,
      createdBy: _cb,
      updatedBy: _ub,
      ...fields
    } = begun.value;
    const items = [...fields.items];
    for (let n = first; n < Math.min(count, first + perInspection); n++) {
      const made = performance.now();
      const original = await cameraPhoto(n + 1);
      generateMs += performance.now() - made;
      originalBytes += original.size;
      const prepared = await preparePhoto(original);
      if (!prepared.ok) throw new Error(JSON.stringify(prepared.issues));
      const kept = await inspections.keepPhoto(prepared.value);
      if (!kept.ok) throw new Error(JSON.stringify(kept.issues));
      keptBytes += kept.value.size;
      const at = (n - first) % items.length;
      items[at] = { ...items[at]!, result: 'compliant', photos: [...items[at]!.photos, kept.value] };
    }
    const saved = await inspections.saveDraft(id, { ...fields, items });
    if (!saved.ok) throw new Error(JSON.stringify(saved.issues));
  }
  const intakeMs = performance.now() - started - generateMs;

  // Sync through the app's sync service, counting every byte it sends.
  let sentBytes = 0;
  const counting: typeof fetch = async (input, init) => {
    const body = init?.body;
    if (body instanceof Uint8Array || body instanceof ArrayBuffer) sentBytes += body.byteLength;
    else if (typeof body === 'string') sentBytes += new TextEncoder().encode(body).byteLength;
    else if (body instanceof Blob) sentBytes += body.size;
    return fetch(input, init);
  };
  const sync = await SyncService.open({
    profile: name,
    database: profile.db,
    secrets: memorySecretStore(),
    officeCounty: county,
    deviceName: 'photo bench tablet',
    session: () => session,
    writer: new Writer(profile.db, profile.local, profile.context),
    clock,
    blobs: attachments,
    fetch: counting,
  });
  await sync.register(syncRegistration('inspections', profile.db.inspections));
  const syncStarted = performance.now();
  const enrolled = await sync.enroll(query.get('platform')!, query.get('code')!);
  if (!enrolled.ok) throw new Error(`enrollment: ${JSON.stringify(enrolled)}`);
  await sync.start();
  while (sync.records.pendingCount('inspections') > 0 || sync.status.state === 'standby') {
    if (sync.status.blocked) throw new Error(`sync blocked: ${JSON.stringify(sync.status.blocked)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await sync.awaitInSync();
  const syncMs = performance.now() - syncStarted;
  clearInterval(sampler);
  const { refused } = sync.status;
  await sync.close();
  return { count, originalBytes, keptBytes, sentBytes, generateMs, intakeMs, syncMs, heapPeak, refused };
}

run().then(
  (result) => {
    document.getElementById('out')!.textContent = JSON.stringify(result);
  },
  (error: unknown) => {
    document.getElementById('out')!.textContent =
      `ERROR ${error instanceof Error ? error.stack : String(error)}`;
  },
);
