/**
 * The list of commitment matters as city-published reference data: the platform publishes a version
 * (the `publish` command), devices pull it and take the version in force; a commitment under a withdrawn
 * or unknown matter is refused with a clear message on the device and on the platform alike, while one
 * signed before the withdrawal keeps being followed up.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../server/admin/commands.ts';
import { countyStaff } from '../../server/fixtures/users.ts';
import { createRows, refusals, temporaryDir, usePlatform } from '../../server/test/harness.ts';
import { cityOf } from '../../shared/base/identifiers.ts';
import { commitmentMessages } from '../../shared/commitments/messages.ts';
import { defaultCommitmentMatters, findMatter } from '../../shared/commitments/matters.ts';
import type { CommitmentDocument } from '../../shared/commitments/model.ts';
import {
  maintenanceFundMatter,
  matterListDocument,
  permitMatter,
  pushedCommitment,
} from '../../shared/commitments/testFixtures.ts';
import { ruleSetId } from '../../shared/grading/ruleSet.ts';
import type { CommitmentRepository } from '../../renderer/commitments/repository.ts';
import { openCommitments } from './commitmentHarness.ts';
import {
  enterpriseInput,
  missingMaterialsLetter,
  openProfile,
  type Profile,
  registerSubject,
} from './creditHarness.ts';

const permit = permitMatter;
const maintenanceFund = maintenanceFundMatter;
/** From 2026-03-01 the construction permit is withdrawn and the maintenance fund deposit added. */
const matters = [...defaultCommitmentMatters.filter((m) => m !== permit), maintenanceFund];

async function publishedList(county: string) {
  const { id: _fixtureId, ...document } = matterListDocument(matters, 1, '2026-03-01');
  return { ...document, county: cityOf(county), _deleted: false };
}

describe('the platform publishes the list of commitment matters', () => {
  const env = usePlatform('pglite');
  const dataDir = temporaryDir('matters');
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('as a rule-set version devices pull, and judges pushed commitments by the version in force', async () => {
    const county = await env.newCounty();
    const staff = countyStaff(county);
    const device = await env.enroll(county);
    const file = join(dataDir, 'matters.json');
    writeFileSync(file, JSON.stringify([await publishedList(county)]));
    const output: string[] = [];
    const cli = () =>
      runCli(['publish', 'reference', file], {
        database: env.platform.database,
        print: (line) => output.push(line),
        readPassword: async () => '',
        env: {},
      });
    expect(await cli()).toBe(0);
    expect(output).toEqual(['1 written, 0 unchanged, 0 refused']);
    const pulled = (await device.pullAll('reference')).filter((doc) => doc.kind === 'ruleSet');
    expect(pulled).toMatchObject([
      { id: await ruleSetId('commitmentMatters', 'city', 1), ruleSet: 'commitmentMatters', matters },
    ]);

    let serial = 0;
    const letter = (overrides: Partial<CommitmentDocument>) =>
      pushedCommitment(county, staff.clerk, ++serial, '2026-10-20T03:00:00.000Z', overrides);
    const withdrawn = letter({});
    const unknown = letter({ matterCode: 'XX-01' });
    const added = letter({ matterCode: 'WX-ZJ' });
    const before = letter({ signingDate: '2026-02-02', materialsDeadline: '2026-02-09' });
    const pushed = await device.push('commitments', createRows([withdrawn, unknown, added, before]));
    expect(refusals(pushed.body.rejected)).toEqual({
      [withdrawn.id]: ['matterCode commitment.matterWithdrawn'],
      [unknown.id]: ['matterCode commitment.unknownMatter'],
    });
  });
});

/** Writes the published list as the sync writes pulled documents, and waits until the device offers it. */
async function pullList(profile: Profile, commitments: CommitmentRepository): Promise<void> {
  const { _deleted, ...document } = await publishedList('410823');
  await profile.db.reference.insert({
    ...document,
    id: await ruleSetId('commitmentMatters', 'city', 1),
  } as never);
  await expect.poll(() => commitments.mattersInForce().map((m) => m.code)).toContain('WX-ZJ');
}

describe('a device takes the list version in force', () => {
  let profile: Profile;
  afterEach(async () => {
    await profile.close();
  });

  it('offers its matters, and refuses a letter under a withdrawn or unknown matter with a clear message', async () => {
    profile = await openProfile('2026-03-06T02:00:00.000Z');
    const enterprise = await registerSubject(profile, enterpriseInput());
    const { commitments, runs } = openCommitments(profile);
    expect(commitments.mattersInForce()).toBe(defaultCommitmentMatters);
    await pullList(profile, commitments);
    expect(commitments.mattersInForce().map((m) => m.code)).not.toContain('SG-XK');
    // The withdrawn matter is still named for letters accepted under it.
    expect(findMatter(commitments.matters, 'SG-XK')?.name.zh).toBe('建筑工程施工许可');

    const written = runs.length;
    const refused = await commitments.create(missingMaterialsLetter(enterprise.id));
    expect(refused).toEqual({
      ok: false,
      issues: [
        { field: 'matterCode', code: 'commitment.matterWithdrawn', params: { matter: '建筑工程施工许可' } },
      ],
    });
    expect(commitmentMessages['zh-CN']['validation.commitment.matterWithdrawn']).toContain('{{matter}}');
    const unknown = await commitments.create({
      ...missingMaterialsLetter(enterprise.id),
      matterCode: 'XX-01',
    });
    expect(unknown.ok ? [] : unknown.issues.map((found) => found.code)).toEqual(['commitment.unknownMatter']);
    expect(runs.length).toBe(written);
    expect(await commitments.all()).toEqual([]);

    const created = await commitments.create({
      ...missingMaterialsLetter(enterprise.id),
      matterCode: 'WX-ZJ',
    });
    expect(created.ok).toBe(true);
    const campaign = await commitments.runCampaign({
      matterCode: 'SG-XK',
      year: 2026,
      industries: ['construction'],
    });
    expect(campaign.ok ? [] : campaign.issues.map((found) => found.code)).toEqual([
      'commitment.matterWithdrawn',
    ]);
  });

  it('checks letters against the lists the writer holds in memory, reading reference data again only after it changed', async () => {
    profile = await openProfile('2026-03-06T02:00:00.000Z');
    const enterprise = await registerSubject(profile, enterpriseInput());
    const { commitments } = openCommitments(profile);
    const letter = (matterCode: string) => ({ ...missingMaterialsLetter(enterprise.id), matterCode });
    expect((await commitments.create(letter('SG-XK'))).ok).toBe(true);
    // The catalog seed's change events can reach the writer after its first read (they invalidate what it
    // holds): a second write once the database is idle starts the measurement from a settled state.
    await profile.db.requestIdlePromise();
    expect((await commitments.create(letter('SG-XK'))).ok).toBe(true);
    // Queries of the collection, and reads of its storage (a query RxDB answers from its cache reads none).
    const { reference } = profile.db;
    const reads = [
      ...(['find', 'findOne', 'findByIds', 'count'] as const).map((method) => vi.spyOn(reference, method)),
      ...(['query', 'findDocumentsById', 'count'] as const).map((method) =>
        vi.spyOn(reference.storageInstance, method),
      ),
    ];
    const readCount = () => reads.reduce((sum, spy) => sum + spy.mock.calls.length, 0);

    expect((await commitments.create(letter('SG-XK'))).ok).toBe(true);
    expect(readCount()).toBe(0);

    // A pulled list is read once, after which the writer judges by it: the new matter passes.
    await pullList(profile, commitments);
    const settled = readCount();
    expect((await commitments.create(letter('WX-ZJ'))).ok).toBe(true);
    expect(readCount()).toBe(settled + 1);
    expect((await commitments.create(letter('WX-ZJ'))).ok).toBe(true);
    expect(readCount()).toBe(settled + 1);
    expect((await commitments.all()).map((doc) => doc.matterCode).sort()).toEqual([
      'SG-XK',
      'SG-XK',
      'SG-XK',
      'WX-ZJ',
      'WX-ZJ',
    ]);
  });
});
