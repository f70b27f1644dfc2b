/**
 * The list of commitment matters as city-published reference data: the platform publishes a version
 * (the `publish` command), devices pull it and take the version in force; a commitment under a withdrawn
 * or unknown matter is refused with a clear message on the device and on the platform alike, while one
 * signed before the withdrawal keeps being followed up.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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
    const { _deleted, ...document } = await publishedList('410823');
    // As the sync writes pulled documents.
    await profile.db.reference.insert({
      ...document,
      id: await ruleSetId('commitmentMatters', 'city', 1),
    } as never);
    await expect.poll(() => commitments.mattersInForce().map((m) => m.code)).toContain('WX-ZJ');
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
});
