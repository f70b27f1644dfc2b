/** Start-up, restart, demo mode, the data-folder lock, migrations and the admin CLI, on PGlite. */
import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultCatalog } from '../shared/creditRecords/defaultCatalog.ts';
import { catalogItemId } from '../shared/creditRecords/catalog.ts';
import { syncPaths } from '../shared/sync/protocol.ts';
import { defaultGradingModel } from '../shared/grading/publishedModels.ts';
import { ruleSetId } from '../shared/grading/ruleSet.ts';
import { defaultListRules } from '../shared/lists/rules.ts';
import { loadCityRuleSets } from './sync/cityRuleSets.ts';
import { runCli } from './admin/commands.ts';
import { authenticateOperator } from './accounts/operators.ts';
import { loadMigrations, migrate } from './db/migrate.ts';
import { syntheticCatalogItemDocument } from './fixtures/creditRecords.ts';
import { syntheticSubject } from './fixtures/subjects.ts';
import { seedCountyStaff } from './fixtures/users.ts';
import { demoCounty, type RunningPlatform, startPlatform } from './index.ts';
import { createRows, http, protocolHeaders, TestDevice, temporaryDir } from './test/harness.ts';

const ruleSetStamps = {
  county: '410500',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'city-admin',
  updatedBy: 'city-admin',
  _deleted: false,
};

function scoringModel(version: number, baseScore: number, validFrom: string) {
  const model = {
    ...defaultGradingModel('construction'),
    code: 'city-construction',
    version,
    validFrom,
    baseScore,
  };
  return {
    ...ruleSetStamps,
    kind: 'ruleSet',
    ruleSet: 'scoringModel',
    code: model.code,
    version,
    validFrom,
    model,
  };
}

describe('platform lifecycle on PGlite', () => {
  const dataDir = temporaryDir('lifecycle');
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startPlatform({ dataDir, demo: true, logLevel: 'silent' });
  }, 60_000);

  afterAll(async () => {
    await platform?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function enrollDemo(code: string): Promise<TestDevice> {
    const enrolled = await http<{ token: string; deviceId: string; county: { code: string } }>(
      `${platform.url}${syncPaths.enroll}`,
      {
        method: 'POST',
        headers: { ...protocolHeaders(), 'content-type': 'application/json' },
        body: JSON.stringify({ code, deviceName: 'demo pc' }),
      },
    );
    expect(enrolled.status).toBe(201);
    return new TestDevice(
      platform.url,
      enrolled.body.token,
      enrolled.body.deviceId,
      enrolled.body.county.code,
    );
  }

  test('migrations that already ran are not run again; a changed migration stops the start', async () => {
    expect(await migrate(platform.database)).toEqual([]);
    const applied = await platform.database.query<{ version: number }>(
      'SELECT version FROM schema_migrations',
    );
    expect(applied.rows.map((row) => row.version)).toEqual(
      loadMigrations().map((migration) => migration.version),
    );
    const edited = loadMigrations().map((migration) => ({
      ...migration,
      sql: `${migration.sql}\n-- edited`,
    }));
    await expect(migrate(platform.database, edited)).rejects.toThrow(/changed after it was applied/);
  });

  test('a second platform on the same data folder is refused', async () => {
    await expect(startPlatform({ dataDir, logLevel: 'silent' })).rejects.toThrow(/in use by process/);
  });

  test('data, tokens and blobs survive a restart on the same data folder; demo mode issues a fresh code', async () => {
    expect(platform.demoEnrollmentCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const device = await enrollDemo(platform.demoEnrollmentCode!);
    expect(device.county).toBe(demoCounty.code);
    await seedCountyStaff(platform.database, demoCounty.code);
    const subjects = [syntheticSubject(demoCounty.code), syntheticSubject(demoCounty.code)];
    expect((await device.push('subjects', createRows(subjects))).body).toEqual({
      conflicts: [],
      rejected: [],
      epoch: 1,
    });
    const blob = Buffer.from('存证附件 attachment');
    const hash = createHash('sha256').update(blob).digest('hex');
    const put = await device.request(syncPaths.blob(hash), {
      method: 'PUT',
      headers: { ...device.headers(), 'content-type': 'application/octet-stream' },
      body: blob,
    });
    expect(put.status).toBe(201);
    const firstCode = platform.demoEnrollmentCode;

    await platform.close();
    platform = await startPlatform({ dataDir, demo: true, logLevel: 'silent' });
    expect(platform.demoEnrollmentCode).not.toBe(firstCode);
    const restarted = new TestDevice(platform.url, device.token, device.deviceId, device.county);
    expect(await restarted.pullAll('subjects')).toEqual(
      subjects.map((subject) => ({ ...subject, _deleted: false })),
    );
    const read = await fetch(`${platform.url}${syncPaths.blob(hash)}`, { headers: restarted.headers() });
    expect(Buffer.from(await read.arrayBuffer()).equals(blob)).toBe(true);
    const counties = await platform.database.query('SELECT code FROM counties WHERE code = $1', [
      demoCounty.code,
    ]);
    expect(counties.rowCount).toBe(1);
    await enrollDemo(platform.demoEnrollmentCode!);
  });

  test('the admin CLI manages counties, operators, enrollment codes and devices', async () => {
    const output: string[] = [];
    const cli = (args: string[], env: Record<string, string> = {}) => {
      output.length = 0;
      return runCli(args, {
        database: platform.database,
        print: (line) => output.push(line),
        readPassword: async () => 'typed password 123',
        env,
      });
    };
    expect(await cli(['county', 'add', '410502', '文峰区', 'Wenfeng District'])).toBe(0);
    expect(await cli(['county', 'add', '4105', 'x', 'y'])).toBe(1);
    expect(output[0]).toMatch(/six digits/);
    expect(await cli(['county', 'list'])).toBe(0);
    expect(output).toContain('410502\t文峰区\tWenfeng District');

    expect(await cli(['operator', 'add', 'wenfeng-admin', '--county', '410502'])).toBe(0);
    expect(
      await authenticateOperator(platform.database, 'wenfeng-admin', 'typed password 123'),
    ).toMatchObject({
      county: '410502',
    });
    expect(
      await cli(['operator', 'add', 'city-admin'], { CREDITDESK_OPERATOR_PASSWORD: 'from the environment' }),
    ).toBe(0);
    expect(await authenticateOperator(platform.database, 'city-admin', 'from the environment')).toMatchObject(
      {
        county: null,
      },
    );
    expect(await cli(['operator', 'add', 'short'], { CREDITDESK_OPERATOR_PASSWORD: 'short' })).toBe(1);

    expect(await cli(['enrollment-code', '--county', '410502', '--hours', '2'])).toBe(0);
    const code = /enrollment code (\S+) for county 410502/.exec(output[0]!)![1]!;
    const device = await enrollDemo(code);
    expect(device.county).toBe('410502');
    expect(await cli(['enrollment-code'])).toBe(2);
    expect(await cli(['enrollment-code', '--county', '999999'])).toBe(1);

    expect(await cli(['device', 'list', '--county', '410502'])).toBe(0);
    expect(output).toHaveLength(1);
    expect(output[0]).toContain(device.deviceId);
    expect(await cli(['device', 'revoke', device.deviceId])).toBe(0);
    expect((await device.pull('subjects')).status).toBe(401);
    expect(await cli(['device', 'revoke', 'no-such-device'])).toBe(1);

    const calendar = {
      id: '01900000-0000-7000-8000-000000000001',
      county: '410500',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      createdBy: 'city-admin',
      updatedBy: 'city-admin',
      kind: 'holidayCalendar',
      year: 2026,
      holidays: ['2026-10-01', '2026-10-02'],
      workdays: ['2026-10-10'],
      source: '示例假日安排',
      _deleted: false,
    };
    const file = join(dataDir, 'reference.json');
    writeFileSync(
      file,
      JSON.stringify([calendar, { ...calendar, id: '01900000-0000-7000-8000-000000000002', year: 1 }]),
    );
    expect(await cli(['publish', 'reference', file])).toBe(1);
    expect(output[0]).toBe('1 written, 0 unchanged, 1 refused');
    expect(output[1]).toMatch(/^ {2}01900000-0000-7000-8000-000000000002: year /);
    expect(await cli(['publish', 'reference', file])).toBe(1);
    expect(output[0]).toBe('0 written, 1 unchanged, 1 refused');
    expect(await device.pull('reference')).toMatchObject({ status: 401 });
    expect(await cli(['enrollment-code', '--county', demoCounty.code])).toBe(0);
    const reader = await enrollDemo(/enrollment code (\S+)/.exec(output[0]!)![1]!);
    expect(await reader.pullAll('reference')).toEqual([calendar]);
    expect(await cli(['publish', 'subjects', file])).toBe(2);

    // A catalog item published without an id replaces the default item devices seeded under its code.
    const { id: _seededId, ...item } = syntheticCatalogItemDocument(defaultCatalog[0]!.code);
    writeFileSync(file, JSON.stringify([{ ...item, _deleted: false }]));
    expect(await cli(['publish', 'reference', file])).toBe(0);
    const published = (await reader.pullAll('reference')).find((doc) => doc.kind === 'catalogItem');
    expect(published?.id).toBe(await catalogItemId(item.code));
    writeFileSync(file, JSON.stringify([{ ...item, id: calendar.id, _deleted: false }]));
    expect(await cli(['publish', 'reference', file])).toBe(1);
    expect(output[0]).toBe(
      `error: catalog item ${item.code} must have the id ${published?.id} (derived from its code) or none`,
    );

    expect(await cli(['frobnicate'])).toBe(2);
    expect(await cli(['--nope'])).toBe(2);
    expect(await cli(['--help'])).toBe(0);
    expect(output[0]).toMatch(/^Usage/);
  });

  describe('the city publishes scoring models and list rules as versions', () => {
    const output: string[] = [];
    const file = join(dataDir, 'rules.json');
    const publish = async (documents: unknown[]) => {
      writeFileSync(file, JSON.stringify(documents));
      output.length = 0;
      return runCli(['publish', 'reference', file], {
        database: platform.database,
        print: (line) => output.push(line),
        readPassword: async () => '',
        env: {},
      });
    };

    test('a new version is a new document; a published one is never edited', async () => {
      const rules = {
        ...ruleSetStamps,
        kind: 'ruleSet',
        ruleSet: 'listRules',
        code: 'city',
        version: 1,
        validFrom: '2026-01-01',
        listRules: defaultListRules,
      };
      expect(await publish([scoringModel(1, 90, '2026-01-01'), rules])).toBe(0);
      expect(output[0]).toBe('2 written, 0 unchanged, 0 refused');

      const v1Id = await ruleSetId('scoringModel', 'city-construction', 1);
      expect(await publish([scoringModel(1, 80, '2026-01-01')])).toBe(1);
      expect(output).toEqual([
        '0 written, 0 unchanged, 1 refused',
        `  ${v1Id}: version ruleSet.versionPublished`,
      ]);
      expect(await publish([scoringModel(1, 90, '2026-01-01')])).toBe(0);
      expect(output[0]).toBe('0 written, 1 unchanged, 0 refused');

      expect(await publish([scoringModel(2, 80, '2027-01-01')])).toBe(0);
      const held = await loadCityRuleSets(platform.database);
      expect(
        held
          .filter((doc) => doc.ruleSet === 'scoringModel')
          .map((doc) => [doc.version, doc.model?.baseScore])
          .sort(),
      ).toEqual([
        [1, 90],
        [2, 80],
      ]);
    });

    test('refuses a model with overlapping thresholds or an unknown catalog item, and rules without basis', async () => {
      const broken = scoringModel(3, 90, '2028-01-01');
      broken.model.bands = [{ grade: 'A', min: 90 }, { grade: 'B', min: 90 }, { grade: 'D' }];
      broken.model.items = [{ ...broken.model.items[0]!, category: undefined, catalogCode: 'XX-99' }];
      const rules = {
        ...ruleSetStamps,
        kind: 'ruleSet',
        ruleSet: 'listRules',
        code: 'city',
        version: 2,
        validFrom: '2028-01-01',
        listRules: [{ ...defaultListRules[0]!, basis: [] }],
      };
      expect(await publish([broken, rules])).toBe(1);
      expect(output[0]).toBe('0 written, 0 unchanged, 2 refused');
      expect(output.join('\n')).toContain('model.items.0.catalogCode grading.unknownCatalogItem');
      expect(output.join('\n')).toContain('model.bands.1.min grading.bandOverlap');
      expect(output.join('\n')).toContain('listRules.0.basis lists.basisRequired');
    });
  });
});
