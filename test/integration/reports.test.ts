/**
 * Credit reports and credit checks over a real local profile (RxDB on fake-indexeddb, the audit trail):
 * the report holds what the file holds, the public variant hides what it must, and a saved check keeps
 * what was shown however the file changes later.
 */
import { openListingProfile } from './cityListHarness.ts';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SubjectDocument } from '../../shared/subjects/model.ts';
import type { ReportRegistration } from '../../shared/reports/protocol.ts';
import { resultDigest } from '../../shared/verification/check.ts';
import { ReportService, type ReportServiceDependencies } from '../../renderer/reports/reportService.ts';
import { BehaviorSubject } from 'rxjs';
import type { AppServices } from '../../renderer/app/services.ts';
import { reportServicesOf } from '../../renderer/reports/useReports.ts';
import { PlatformError } from '../../renderer/kernel/sync/platformClient.ts';
import type { SyncService } from '../../renderer/kernel/sync/syncService.ts';
import { VerificationService } from '../../renderer/verification/verificationService.ts';
import type { CityBlackListEntry } from '../../shared/lists/cityBlackList.ts';
import { uuidv7 } from '../../shared/base/uuid.ts';
import { CommitmentRepository, emptyCommitmentFields } from '../../renderer/commitments/repository.ts';
import type { ListingRepository } from '../../renderer/lists/listings.ts';
import { DeviceProvisions } from '../../renderer/provisions/deviceProvisions.ts';
import { AttachmentStore } from '../../renderer/kernel/attachments.ts';
import { cityOf } from '../../renderer/reference/repository.ts';
import {
  codes,
  county,
  enterpriseInput,
  practitionerInput,
  type Profile,
  recordFields,
  recordPenalty,
  registerSubject,
  reportDependencies,
  users,
} from './creditHarness.ts';
import { memorySecrets } from './harness.ts';

const fontBytes = new Uint8Array(
  readFileSync(new URL('../../renderer/kernel/pdf/fonts/NotoSansSC-GB2312.ttf', import.meta.url)),
);

/** The platform as far as reports need it: offline unless `answer` is set. */
function platform(answer?: (registration: ReportRegistration) => Promise<unknown>) {
  const sent: ReportRegistration[] = [];
  const sync = {
    status: {
      enrollment: answer ? { platformUrl: 'http://platform.test' } : null,
      lastSyncedAt: '2026-03-06T01:00:00.000Z',
    },
    registerReport: async (registration: ReportRegistration) => {
      sent.push(registration);
      return answer!(registration);
    },
  } as unknown as SyncService;
  return { sync, sent };
}

let profile: Profile;
let enterprise: SubjectDocument;
let listings: ListingRepository;
let commitments: CommitmentRepository;

const dependencies = (sync: SyncService): ReportServiceDependencies =>
  reportDependencies(profile, listings, sync);

function services(sync: SyncService): { reports: ReportService; verification: VerificationService } {
  const deps = dependencies(sync);
  const reports = new ReportService(deps, async () => fontBytes);
  return { reports, verification: new VerificationService(deps, reports) };
}

async function approvedRecord(overrides: Parameters<typeof recordFields>[1] = {}) {
  const created = await profile.records.create(recordFields(enterprise.id, overrides));
  if (!created.ok) throw new Error(JSON.stringify(created.issues));
  await profile.records.act(created.value.id, 'submit');
  profile.signIn(users.reviewer);
  const approved = await profile.records.act(created.value.id, 'approve');
  profile.signIn(users.clerk);
  if (!approved.ok) throw new Error(JSON.stringify(approved.issues));
  return approved.value;
}

async function textOf(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: true });
  return text.replace(/\s+/g, '');
}

const period = { from: '2026-01-01', to: '2026-12-31' };

beforeEach(async () => {
  ({ profile, subject: enterprise, listings } = await openListingProfile('2026-03-06T02:00:00.000Z'));
  commitments = new CommitmentRepository(profile.db.commitments, profile.local, profile.context, {
    subjects: profile.subjects,
    records: profile.records,
    reference: profile.reference,
    journal: profile.journal,
    attachments: new AttachmentStore(profile.local, profile.context.personalData, profile.context.clock),
    office: { county, officeName: '武陟县住房和城乡建设局' },
    provisions: new DeviceProvisions(profile.local, memorySecrets()),
  });
});

/** An accepted 容缺受理 letter for a construction permit; `publicity` as the matter keeps it. */
async function acceptedCommitment(publicity: 'public' | 'notPublic' = 'public') {
  const created = await commitments.create({
    ...emptyCommitmentFields(enterprise.id),
    type: 'missingMaterials',
    matterCode: 'SG-XK',
    reason: publicity === 'public' ? '申请办理建筑工程施工许可' : '不公开的承诺事由',
    content: '于规定期限内补齐材料。',
    missingMaterials: ['施工图设计文件审查合格书'],
    materialsDeadline: '2026-03-13',
    liability: '如违反承诺，愿意承担相应法律责任。',
    signatory: '王伟',
    signingDate: '2026-03-06',
    publicity,
  });
  if (!created.ok) throw new Error(JSON.stringify(created.issues));
  const accepted = await commitments.act(created.value.id, 'accept');
  if (!accepted.ok) throw new Error(JSON.stringify(accepted.issues));
  return accepted.value;
}

/** Another county's black-list entry for the enterprise, as the sync writes it from the city list. */
async function cityBlackListed(decisionNumber = '博建信〔2026〕2号') {
  const entry: CityBlackListEntry = {
    id: uuidv7(),
    county: cityOf(enterprise.county),
    createdAt: '2026-03-05T00:00:00.000Z',
    updatedAt: '2026-03-05T00:00:00.000Z',
    createdBy: 'platform',
    updatedBy: 'platform',
    kind: 'cityBlackList',
    subjectKey: `uscc:${enterprise.code}`,
    subjectName: enterprise.name,
    list: 'seriousDishonesty',
    sourceCounty: '410822',
    sourceListing: uuidv7(),
    basis: ['《建筑市场信用管理暂行办法》'],
    measures: [{ zh: '列为重点监管对象', en: 'Key supervision' }],
    decisionNumber,
    start: '2026-03-05',
    end: '2027-03-05',
    exitedOn: '',
  };
  await profile.db.reference.insert(entry as never);
  await expect.poll(() => listings.onCityBlackList(enterprise.id).length).toBe(1);
}

afterEach(async () => {
  await profile.close();
});

describe('credit reports from the file', () => {
  it('print what the file holds, recorded with the PDF’s hash, pending registration while offline', async () => {
    const record = await approvedRecord();
    await approvedRecord({
      title: '内部共享的记录',
      disclosure: 'shared',
      documentNumber: '武建信〔2026〕9号',
    });
    await recordPenalty(profile, enterprise);
    const { reports } = services(platform().sync);

    const issued = await reports.issue(enterprise.id, { variant: 'full', period });
    if (!issued.ok) throw new Error(JSON.stringify(issued.issues));
    const text = await textOf(issued.bytes);
    for (const expected of [
      '信用报告',
      enterprise.name,
      codes.enterprise,
      record.title,
      '内部共享的记录',
      '武建罚字〔2026〕第12号',
      issued.report.code,
      issued.report.reportNumber,
      '武陟县住房和城乡建设局',
    ]) {
      expect(text).toContain(expected);
    }
    expect(issued.report.registration).toEqual({ state: 'pending' });
    expect(issued.report.contentHash).toBe(createHash('sha256').update(issued.bytes).digest('hex'));
    const listed = await reports.list(enterprise.id);
    expect(listed.map((report) => [report.code, report.registration.state])).toEqual([
      [issued.report.code, 'pending'],
    ]);
  });

  it('public variant omits records not disclosed to the public and masks a person’s ID number', async () => {
    await approvedRecord({ title: '内部共享的记录', disclosure: 'shared' });
    const person = await registerSubject(profile, practitionerInput());
    const { reports } = services(platform().sync);
    const open = await reports.issue(enterprise.id, { variant: 'public', period });
    if (!open.ok) throw new Error(JSON.stringify(open.issues));
    const text = await textOf(open.bytes);
    expect(text).toContain('信用报告（公开版）');
    expect(text).not.toContain('内部共享的记录');

    const personal = await reports.issue(person.id, { variant: 'public', period });
    if (!personal.ok) throw new Error(JSON.stringify(personal.issues));
    const personalText = await textOf(personal.bytes);
    expect(personalText).toContain('赵六');
    expect(personalText).not.toContain(codes.practitioner);
  });

  it('print the commitments, list memberships and grade the file holds; the public sees only what it may', async () => {
    const letter = await acceptedCommitment();
    const privateLetter = await acceptedCommitment('notPublic');
    await cityBlackListed();
    const grade = listings.grades.gradeOf(enterprise.id)!;
    expect(grade.grade).toBe('D');
    const { reports } = services(platform().sync);

    const full = await reports.issue(enterprise.id, { variant: 'full', period });
    if (!full.ok) throw new Error(JSON.stringify(full.issues));
    const text = await textOf(full.bytes);
    for (const expected of [
      '信用承诺及履约信息',
      letter.number,
      privateLetter.number,
      '容缺受理型：建筑工程施工许可',
      '红黑名单信息',
      '严重失信主体名单',
      '博建信〔2026〕2号',
      '全市严重失信主体名单',
      '信用评价等级',
      `当前信用等级：D级（严重失信）`,
      `评价日期：${grade.asOf}`,
      `第${grade.modelVersion}版`,
      '监督检查信息',
    ]) {
      expect(text).toContain(expected.replace(/\s+/g, ''));
    }
    expect(text).not.toContain('本系统暂未归集');

    const open = await reports.issue(enterprise.id, { variant: 'public', period });
    if (!open.ok) throw new Error(JSON.stringify(open.issues));
    const publicText = await textOf(open.bytes);
    expect(publicText).toContain(letter.number);
    expect(publicText).not.toContain(privateLetter.number);
    expect(publicText).toContain('博建信〔2026〕2号');
    // The computed grade is the office's working figure until published.
    expect(publicText).not.toContain('当前信用等级');
  });

  it('register on the platform when reachable, and say so when it refuses a foreign subject', async () => {
    const online = platform(async (registration) => ({
      code: registration.code,
      registeredAt: '2026-03-06T02:00:01.000Z',
      signature: 'sig',
    }));
    const issued = await services(online.sync).reports.issue(enterprise.id, { variant: 'full', period });
    if (!issued.ok) throw new Error(JSON.stringify(issued.issues));
    expect(issued.report.registration).toEqual({
      state: 'registered',
      registeredAt: '2026-03-06T02:00:01.000Z',
    });
    expect(online.sent[0]).toMatchObject({
      subjectId: enterprise.id,
      contentHash: issued.report.contentHash,
    });

    const refusing = platform(async () => {
      throw new PlatformError(403, 'reportSubjectOutsideCounty', 'another county');
    });
    const refused = await services(refusing.sync).reports.issue(enterprise.id, { variant: 'full', period });
    if (!refused.ok) throw new Error(JSON.stringify(refused.issues));
    expect(refused.report.registration).toEqual({ state: 'refused', reason: 'reportSubjectOutsideCounty' });
  });

  it('register a report issued offline after the next completed sync', async () => {
    const status = new BehaviorSubject({
      enrollment: null as { platformUrl: string } | null,
      lastSyncedAt: null as string | null,
    });
    const sent: ReportRegistration[] = [];
    const sync = {
      get status() {
        return status.value;
      },
      status$: status.asObservable(),
      registerReport: async (registration: ReportRegistration) => {
        sent.push(registration);
        return { code: registration.code, registeredAt: '2026-03-07T01:00:00.000Z', signature: 'sig' };
      },
    } as unknown as SyncService;
    const workspace = dependencies(sync) as AppServices;
    const { reports } = reportServicesOf(workspace, async () => fontBytes);
    const issued = await reports.issue(enterprise.id, { variant: 'full', period });
    if (!issued.ok) throw new Error(JSON.stringify(issued.issues));
    expect(issued.report.registration).toEqual({ state: 'pending' });
    expect(sent).toEqual([]);

    status.next({
      enrollment: { platformUrl: 'http://platform.test' },
      lastSyncedAt: '2026-03-07T00:59:00.000Z',
    });
    await expect
      .poll(async () => (await reports.page({ limit: 10 })).items.map((report) => report.registration.state))
      .toEqual(['registered']);
    expect(sent.map((registration) => registration.code)).toEqual([issued.report.code]);
  });

  it('list a page at a time, newest first, and register only the reports issued since the oldest left pending', async () => {
    const audit = profile.context.audit;
    // Reports as `issue` records them, among the trail's other entries.
    const codes: string[] = [];
    for (let n = 0; n < 7; n++) {
      profile.setNow(`2026-03-06T0${n}:30:00.000Z`);
      codes.push(`CODE-${n}`);
      await audit.append(users.clerk.userId, {
        action: 'printReport',
        collectionName: 'subjects',
        documentId: enterprise.id,
        after: {
          code: `CODE-${n}`,
          reportNumber: `N-${n}`,
          contentHash: 'a'.repeat(64),
          subjectName: enterprise.name,
          variant: 'full',
          purpose: '',
          from: period.from,
          to: period.to,
          issuedAt: `2026-03-06T0${n}:30:00.000Z`,
        },
      });
      await audit.append(users.clerk.userId, {
        action: 'export',
        collectionName: 'subjects',
        reason: '核查',
      });
    }
    const { reports } = services(platform().sync);
    const newest = [...codes].reverse();
    const first = await reports.page({ limit: 3 }, { keys: 4, matches: 4 });
    expect({ total: first.total, more: first.more, codes: first.items.map((r) => r.code) }).toEqual({
      total: 4,
      more: true,
      codes: newest.slice(0, 3),
    });
    const last = await reports.page({ offset: 6, limit: 3 }, { keys: 4, matches: 4 });
    expect({ total: last.total, more: last.more, codes: last.items.map((r) => r.code) }).toEqual({
      total: 7,
      more: false,
      codes: newest.slice(6),
    });
    expect((await reports.page({ limit: 50 })).items.map((r) => r.registration.state)).toEqual(
      Array(7).fill('pending'),
    );

    // CODE-2 cannot be registered yet: the next attempt starts from it, not from the first report.
    const registering = platform(async (registration) => {
      if (registration.code === 'CODE-2') throw new Error('offline');
      return { code: registration.code, registeredAt: '2026-03-06T08:00:00.000Z', signature: 'sig' };
    });
    expect(await services(registering.sync).reports.registerPending()).toBe(6);
    expect(registering.sent.map((r) => r.code)).toEqual(codes);
    registering.sent.length = 0;
    expect(await services(registering.sync).reports.registerPending()).toBe(0);
    expect(registering.sent.map((r) => r.code)).toEqual(['CODE-2']);
    const read = vi.spyOn(audit, 'actionPage');
    await services(registering.sync).reports.registerPending();
    expect(read.mock.calls.map(([, page]) => page.from)).toEqual(['2026-03-06T02:30:00.000Z']);
    expect((await reports.page({ limit: 50 })).items.map((r) => r.registration.state)).toEqual([
      ...Array(4).fill('registered'),
      'pending',
      'registered',
      'registered',
    ]);
  });

  it('refuse a subject this computer does not hold, a bad period, and a role without the right', async () => {
    const { reports } = services(platform().sync);
    expect(await reports.issue('0190a000-0000-7000-8000-000000000999', { variant: 'full', period })).toEqual({
      ok: false,
      issues: [{ field: 'subjectId', code: 'reports.subjectNotHeld' }],
    });
    expect(
      await reports.issue(enterprise.id, {
        variant: 'full',
        period: { from: '2026-12-31', to: '2026-01-01' },
      }),
    ).toMatchObject({ ok: false, issues: [{ code: 'reports.periodInvalid' }] });
    profile.signIn({ ...users.clerk, roles: ['auditor'] });
    expect(await reports.issue(enterprise.id, { variant: 'full', period })).toMatchObject({
      ok: false,
      issues: [{ code: 'permission.denied' }],
    });
  });
});

describe('credit checks', () => {
  it('keep the snapshot as shown when the subject’s file changes later', async () => {
    await approvedRecord();
    const { verification } = services(platform().sync);
    const checked = await verification.check({ subjectId: enterprise.id }, 'tender');
    if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
    expect(checked.result.standing).toBe('dishonest');
    expect(checked.result.dataAsOf).toBe('2026-03-06T01:00:00.000Z');
    const saved = await verification.save(checked.result, 'enhancedReview', '评标时从严审查');
    if (!saved.ok) throw new Error(JSON.stringify(saved.issues));

    // The file changes afterwards: renamed, another record and a penalty.
    const renamed = await profile.subjects.update(enterprise.id, {
      ...enterpriseInput(),
      name: '武陟县宏达建设集团有限公司',
    });
    expect(renamed.ok).toBe(true);
    await approvedRecord({ title: '又一条失信记录' });
    await recordPenalty(profile, enterprise, { documentNumber: '武建罚字〔2026〕第99号' });
    await acceptedCommitment();
    await cityBlackListed();

    const [kept] = await verification.mine();
    expect(kept!.record.result).toEqual(checked.result);
    expect(kept!.record.result.party.name).toBe('武陟县宏达建筑工程有限公司');
    expect(kept!.record.digest).toBe(await resultDigest(checked.result));
    expect(kept!.record).toMatchObject({ measureApplied: 'enhancedReview', note: '评标时从严审查' });
    const again = await verification.check({ subjectId: enterprise.id }, 'tender');
    if (!again.ok) throw new Error('check failed');
    expect(again.result.party.name).toBe('武陟县宏达建设集团有限公司');
    expect(again.result.standing).toBe('seriousDishonest');
    const itemsOf = (result: typeof again.result, key: string) =>
      result.facts.find((fact) => fact.key === key)!.items!.map((item) => item.title);
    expect(itemsOf(again.result, 'lists')).toEqual(['严重失信主体名单']);
    expect(itemsOf(again.result, 'commitments')).toEqual(['容缺受理型：建筑工程施工许可']);
    expect(itemsOf(again.result, 'grade')).toEqual(['D 级（严重失信）']);
    expect(itemsOf(kept!.record.result, 'lists')).toEqual([]);
    expect(itemsOf(kept!.record.result, 'commitments')).toEqual([]);
    expect(await resultDigest(again.result)).not.toBe(kept!.record.digest);
  });

  it('let a checker read her own checks and cases without audit rights; a reviewer sees the office’s', async () => {
    const { verification } = services(platform().sync);
    const checked = await verification.check({ subjectId: enterprise.id }, 'licence');
    if (!checked.ok) throw new Error('check failed');
    expect(checked.result.standing).toBe('clear');
    await verification.save(checked.result, 'greenChannel', '');
    profile.signIn(users.secondClerk);
    expect(await verification.mine()).toEqual([]);
    expect(await verification.cases()).toEqual([]);
    profile.signIn(users.reviewer);
    const cases = await verification.cases();
    expect(cases.map((found) => [found.partyName, found.measureApplied, found.reward, found.month])).toEqual([
      [enterprise.name, 'greenChannel', true, '2026-03'],
    ]);
  });

  it('check an unregistered party by code, and refuse a malformed code', async () => {
    const { verification } = services(platform().sync);
    const stranger = await verification.check(
      { partyCode: codes.otherEnterprise, partyName: '外县某建筑公司' },
      'tender',
    );
    expect(stranger).toMatchObject({ ok: true, result: { standing: 'noFile', measures: [] } });
    const known = await verification.check(
      { partyCode: codes.enterprise.toLowerCase(), partyName: '' },
      'tender',
    );
    expect(known).toMatchObject({ ok: true, result: { party: { subjectId: enterprise.id } } });
    expect(await verification.check({ partyCode: '12345', partyName: 'x' }, 'tender')).toEqual({
      ok: false,
      issues: [{ field: 'partyCode', code: 'verification.partyCodeInvalid' }],
    });
  });
});
