/// <reference path="../../renderer/vite-env.d.ts" />
/**
 * The demo (`npm start`) started by several profiles against one demo platform: the first makes the demo
 * users and subjects; a further profile joins the demo county and uses them instead of making its own;
 * without a reachable platform a profile still makes them itself. Real platform, real app bootstrap.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import type { PlatformBridge, SecretStore } from '../../shared/base/platform/bridge.ts';
import { type Opened, openCore, openShell, openWorkspace } from '../../renderer/app/bootstrap.ts';
import type { AppServices } from '../../renderer/app/services.ts';
import type { CoreServices } from '../../renderer/kernel/services.ts';
import { demoPassword, demoUsers } from '../../renderer/kernel/security/demo.ts';
import {
  demoCounty,
  issueDemoEnrollmentCode,
  type RunningPlatform,
  startPlatform,
} from '../../server/index.ts';
import { eventually, memorySecrets } from './harness.ts';

let platform: RunningPlatform;
let dataDir: string;
const running: DemoProfile[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'creditdesk-demo-'));
  platform = await startPlatform({ dataDir, demo: true, logLevel: 'silent', heartbeatMs: 1_000 });
}, 60_000);

afterAll(async () => {
  for (const profile of running) await profile.close().catch(() => {});
  await platform?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** What `npm start` hands the app: the demo flag, the platform and a one-time code. */
function demoBridge(
  platformUrl: string,
  code: string,
  secrets: SecretStore,
): PlatformBridge & { allowed: string[] } {
  const allowed: string[] = [];
  const unused = async (): Promise<never> => {
    throw new Error('not used in this test');
  };
  return {
    appInfo: async () => ({
      version: '0.0.0-test',
      shell: 'electron',
      locale: 'zh-CN',
      platform: 'test',
      platformUrl,
      demo: true,
      demoEnrollmentCode: code,
    }),
    saveFile: unused,
    openFile: unused,
    printToPdf: unused,
    openExternal: unused,
    allowPlatform: async (url) => {
      allowed.push(url);
      return 'ready';
    },
    allowed,
    secrets,
  };
}

interface DemoProfile {
  core: CoreServices;
  /** Opened at the first sign-in, as AuthGate does. */
  workspace: AppServices | null;
  signIn(username: string): Promise<void>;
  close(): Promise<void>;
}

/** Starts the app on a profile the way main.tsx and App.tsx do, up to the sign-in screen. */
async function startDemo(profile: string, bridge: PlatformBridge): Promise<DemoProfile> {
  const opened = await openShell(bridge, profile);
  if (!opened.office) throw new Error('demo mode sets the office up');
  const core = await openCore(bridge, opened as Opened & { office: NonNullable<Opened['office']> });
  const started: DemoProfile = {
    core,
    workspace: null,
    async signIn(username) {
      const result = await core.auth.signIn(username, demoPassword);
      if (!result.ok) throw new Error(`${username} could not sign in: ${result.issue.code}`);
      started.workspace ??= await openWorkspace(core);
    },
    async close() {
      running.splice(running.indexOf(started), 1);
      await started.workspace?.sync.close();
      await core.db.close();
      core.local.close();
    },
  };
  running.push(started);
  return started;
}

async function settle(workspace: AppServices): Promise<void> {
  workspace.sync.syncNow();
  await workspace.sync.awaitInSync();
}

async function userIds(core: CoreServices): Promise<Map<string, string>> {
  return new Map((await core.users.list()).map((user) => [user.username, user.id]));
}

async function subjectIds(core: CoreServices): Promise<string[]> {
  return (await core.db.subjects.find().exec()).map((doc) => doc.primary).sort();
}

async function platformCount(collection: string, on = platform): Promise<number> {
  const { rows } = await on.database.query<{ count: number }>(
    "SELECT count(*)::int AS count FROM documents WHERE collection = $1 AND body ->> 'county' = $2 AND NOT deleted",
    [collection, demoCounty.code],
  );
  return rows[0]!.count;
}

async function refusalsOf(workspace: AppServices): Promise<unknown[]> {
  return workspace.sync.resolutions.refusals();
}

/** A port nothing listens on: the platform of a demo started offline. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

/**
 * The demo's lists and cases as a clerk finds them: a real-estate serious-dishonesty entry decided with
 * its decision number, a red-list entry awaiting the reviewer, a repair accepted with the applicant's
 * credit-repair letter and an objection reviewed, both before their deadlines; the grades follow.
 */
async function expectDemoListsAndCases(workspace: AppServices): Promise<void> {
  const { listings, cases, creditRecords, commitments, subjects } = workspace;
  const today = commitments.today();
  const entries = await listings.pages.all('all');
  const byKind = (kind: string) => entries.filter((listing) => listing.kind === kind);
  const [black, ...otherBlack] = byKind('blackList');
  expect(otherBlack).toEqual([]);
  expect(black).toMatchObject({ list: 'realEstateSeriousDishonesty', status: 'listed' });
  expect(black!.decisionNumber).toBe(`武住建信黑〔${today.slice(0, 4)}〕1 号`);
  expect(black!.basis.length).toBeGreaterThan(0);
  expect(black!.end > today).toBe(true);
  const [trigger] = black!.triggeredBy;
  expect(await creditRecords.get(trigger!)).toMatchObject({
    category: 'seriousDishonest',
    status: 'approved',
    subjectId: black!.subjectId,
  });
  const [red, ...otherRed] = byKind('redList');
  expect(otherRed).toEqual([]);
  expect(red).toMatchObject({ list: 'red', status: 'proposed', decisionNumber: '' });
  expect(red!.measures.length).toBeGreaterThan(0);
  expect((await firstValueFrom(listings.watchBySubject(red!.subjectId))).map((doc) => doc.id)).toEqual([
    red!.id,
  ]);

  const all = (await cases.page({ queue: 'all', limit: 10 })).items;
  const repair = all.find((doc) => doc.kind === 'repair')!;
  const objection = all.find((doc) => doc.kind === 'objection')!;
  expect(all).toHaveLength(2);
  expect(repair.status).toBe('accepted');
  expect(cases.deadline(repair) >= today).toBe(true);
  const repaired = await creditRecords.get(repair.recordId);
  expect(repaired).toMatchObject({ category: 'generalDishonest', status: 'approved' });
  expect(repaired!.publicityStart < repair.applicationDate).toBe(true);
  expect(repair.proofs).toHaveLength(1);
  const letter = await commitments.get(repair.commitmentId!);
  expect(letter).toMatchObject({ type: 'creditRepair', status: 'accepted', repairedRecordId: repaired!.id });
  expect(repair.commitmentScans).toEqual(letter!.attachments);
  expect(repair.commitmentText).toBe(letter!.content);
  expect(objection.status).toBe('reviewed');
  expect(cases.deadline(objection) >= today).toBe(true);
  expect(await firstValueFrom(cases.watchRecordsUnderObjection())).toEqual(new Set([objection.recordId]));
  expect(await creditRecords.get(objection.recordId)).toMatchObject({ status: 'approved' });
  // Every name is a subject's: the pages show them as for any other data.
  const named = [black!.subjectId, red!.subjectId, repair.subjectId, objection.subjectId];
  // The subjects' in-memory index takes in pulled subjects a little after they are stored.
  await eventually(() => named.every((id) => subjects.index.get(id) !== undefined));
  for (const id of named) expect(subjects.index.get(id)?.name).toMatch(/有限公司$/);

  await listings.grades.ready;
  const gradeOn = (subjectId: string) => listings.grades.gradeOf(subjectId, chinaDateOf(black!.updatedAt));
  expect(gradeOn(black!.subjectId)?.grade).toBe('D');
  expect(gradeOn(red!.subjectId)?.grade).toBe('A');
  expect(gradeOn(repair.subjectId)?.grade).toBe('B');
  expect(listings.grades.byGrade().get('A')?.length).toBeGreaterThan(250);
}

describe('a second profile starting the demo', () => {
  it('joins the demo county: same users, the first profile’s subjects, nothing refused or doubled', async () => {
    const first = await startDemo(
      'demo-first',
      demoBridge(platform.url, platform.demoEnrollmentCode!, memorySecrets()),
    );
    const firstUsers = await userIds(first.core);
    expect([...firstUsers.keys()].sort()).toEqual(demoUsers.map((user) => user.username).sort());
    await first.signIn('clerk');
    const a = first.workspace!;
    await settle(a);
    const seeded = await subjectIds(first.core);
    expect(seeded).toHaveLength(300);
    expect(await platformCount('users')).toBe(demoUsers.length);
    expect(await platformCount('subjects')).toBe(300);
    // The demo letters: every platform rule passed them (no refusals), and the follow-up has its cases.
    const letters = await a.commitments.all();
    const byStatus = (status: string) => letters.filter((letter) => letter.status === status);
    expect(
      byStatus('accepted')
        .map((letter) => letter.type)
        .sort(),
    ).toEqual(['creditRepair', 'missingMaterials', 'missingMaterials', 'voluntary']);
    expect(byStatus('fulfilled').map((letter) => letter.type)).toEqual(['approvalSubstitution']);
    const [breached] = byStatus('breachProposed');
    expect(breached?.creditRecordIds).toHaveLength(1);
    const proposed = await a.creditRecords.get(breached!.creditRecordIds[0]!);
    expect(proposed).toMatchObject({ status: 'submitted', category: 'generalDishonest' });
    expect((await a.commitments.list({ followUp: 'overdue' })).map((letter) => letter.matterCode)).toEqual([
      'SG-XK',
    ]);
    expect(byStatus('draft').length).toBeGreaterThan(10);
    expect(byStatus('draft').every((letter) => letter.campaign !== '')).toBe(true);
    expect(await platformCount('commitments')).toBe(letters.length);
    // The breach proposed, and the four records behind the lists and cases.
    expect(await platformCount('creditRecords')).toBe(6);
    // The demo inspections: projects, a drawn plan, one inspection closed with its rectification order
    // open, one being filled in; all accepted by the platform.
    const projects = await a.projects.list();
    expect(projects.map((doc) => doc.project.type).sort()).toEqual([
      'construction',
      'development',
      'property',
    ]);
    const [plan, ...otherPlans] = await a.plans.list();
    expect(otherPlans).toEqual([]);
    expect(plan?.state).toBe('drawn');
    expect(a.plans.rerun(plan!)).toBe(true);
    const visits = await a.inspections.list();
    const closed = visits.filter((doc) => doc.state === 'closed');
    expect(closed).toHaveLength(1);
    expect(closed[0]!.planId).toBe(plan!.id);
    expect(closed[0]!.rectifications.map((order) => order.state)).toEqual(['open']);
    expect(closed[0]!.rectifications[0]!.deadline > a.inspections.today()).toBe(true);
    const drafts = visits.filter((doc) => doc.state === 'draft');
    expect(drafts.map((doc) => doc.adHocReason)).toEqual(['complaint']);
    expect(drafts[0]!.projectId).toBe(projects.find((doc) => doc.project.type === 'construction')!.id);
    expect(await platformCount('inspections')).toBe(projects.length + 1 + visits.length);
    await expectDemoListsAndCases(a);
    expect(await platformCount('listings')).toBe(2);
    expect(await platformCount('cases')).toBe(2);
    expect(await refusalsOf(a)).toEqual([]);
    // RxDB's open edition holds 13 collections open per page and a profile has 10: the first computer
    // goes offline before the second starts, as two real computers never share one page.
    await first.close();

    // Another browser profile (its own IndexedDB and secrets) starts the demo with the code it was handed.
    const secondSecrets = memorySecrets();
    const secondBridge = demoBridge(
      platform.url,
      await issueDemoEnrollmentCode(platform.database),
      secondSecrets,
    );
    const second = await startDemo('demo-second', secondBridge);
    expect(await userIds(second.core)).toEqual(firstUsers);
    await second.signIn('clerk');
    const b = second.workspace!;
    await eventually(async () => (await subjectIds(second.core)).length === seeded.length, 60_000);
    await settle(b);
    expect(await subjectIds(second.core)).toEqual(seeded);
    expect(await userIds(second.core)).toEqual(firstUsers);
    await eventually(async () => (await b.cases.page({ queue: 'all', limit: 10 })).total === 2, 60_000);
    await expectDemoListsAndCases(b);
    expect(await platformCount('users')).toBe(demoUsers.length);
    expect(await platformCount('subjects')).toBe(300);
    expect(await refusalsOf(b)).toEqual([]);
    expect(b.sync.status.refused).toBe(0);
    expect(b.sync.status.enrollment?.county.code).toBe(demoCounty.code);

    // The sign-in screen's hint holds on the joined profile after a restart too, where the data key is
    // unlocked by each user's own password (this secret store is weak): every demo account signs in.
    await second.close();
    secondBridge.allowed.length = 0;
    const restarted = await startDemo('demo-second', secondBridge);
    expect(restarted.core.vault.perUserPasswords).toBe(true);
    expect(restarted.core.vault.unlocked).toBe(false);
    for (const { username } of demoUsers) {
      const result = await restarted.core.auth.signIn(username, demoPassword);
      expect(result, username).toMatchObject({ ok: true });
      await restarted.core.auth.signOut();
    }
    await restarted.signIn('admin');
    // Enrolled already, so no enrollment: the workspace still makes sure the shell lets it reach the platform.
    expect(secondBridge.allowed).toEqual([b.sync.status.enrollment?.platformUrl]);
    await settle(restarted.workspace!);
    expect(await subjectIds(restarted.core)).toEqual(seeded);
    expect(await refusalsOf(restarted.workspace!)).toEqual([]);
    expect(await platformCount('users')).toBe(demoUsers.length);
    expect(await platformCount('subjects')).toBe(300);
    await restarted.close();
  }, 180_000);
});

describe('a profile starting the demo offline', () => {
  it('makes the demo users and subjects itself when the platform cannot be reached', async () => {
    const offlineUrl = `http://127.0.0.1:${await closedPort()}`;
    const profile = await startDemo('demo-offline', demoBridge(offlineUrl, 'UNUSED-CODE', memorySecrets()));
    const users = await profile.core.users.list();
    expect(users.map((user) => user.username).sort()).toEqual(demoUsers.map((user) => user.username).sort());
    const admin = users.find((user) => user.username === 'admin')!;
    // Self-made: the first administrator of a county that has none.
    expect(admin.createdBy).toBe(admin.id);
    await profile.signIn('clerk');
    expect(await subjectIds(profile.core)).toHaveLength(300);
    expect((await profile.workspace!.commitments.list({ followUp: 'overdue' })).length).toBe(1);
    await expectDemoListsAndCases(profile.workspace!);
    expect(profile.workspace!.sync.status.enrollment).toBeNull();
    await profile.close();
  }, 120_000);
});

describe('the demo started just after 16:00 UTC', () => {
  let late: RunningPlatform | undefined;
  let lateDir = '';
  afterAll(async () => {
    vi.useRealTimers();
    await late?.close();
    if (lateDir) rmSync(lateDir, { recursive: true, force: true });
  });

  it('seeds lists and cases the platform accepts while the day in China is already the next', async () => {
    // The clock runs on from 16:00:30 UTC today: 00:00:30 tomorrow in China.
    const now = new Date();
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 16, 0, 30));
    expect(chinaDateOf(new Date().toISOString()) > new Date().toISOString().slice(0, 10)).toBe(true);
    lateDir = mkdtempSync(join(tmpdir(), 'creditdesk-demo-late-'));
    late = await startPlatform({ dataDir: lateDir, demo: true, logLevel: 'silent', heartbeatMs: 1_000 });
    const profile = await startDemo(
      'demo-late',
      demoBridge(late.url, late.demoEnrollmentCode!, memorySecrets()),
    );
    await profile.signIn('clerk');
    const workspace = profile.workspace!;
    await settle(workspace);
    await expectDemoListsAndCases(workspace);
    expect(await refusalsOf(workspace)).toEqual([]);
    expect(workspace.sync.status.refused).toBe(0);
    expect(await platformCount('listings', late)).toBe(2);
    expect(await platformCount('cases', late)).toBe(2);
    expect(await platformCount('creditRecords', late)).toBe(6);
    await profile.close();
  }, 180_000);
});
