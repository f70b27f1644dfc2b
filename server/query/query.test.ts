import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { dropSchema, freshSchemaName, postgresTestUrl, temporaryDir } from '../test/harness.ts';
import { countCreditRecords, pageCreditRecords } from './creditRecords.ts';
import { countDisclosures, pageDisclosures } from './disclosures.ts';
import type { DocumentPage, PageCursor } from './documents.ts';
import { countSubjects, pageSubjects, subjectIdsByCode } from './subjects.ts';

type Body = Record<string, string>;

/** Documents of two counties, some deleted, every filter value present. */
function seedDocuments(): { collection: string; feed: string; deleted: boolean; body: Body }[] {
  const rows: { collection: string; feed: string; deleted: boolean; body: Body }[] = [];
  for (let n = 0; n < 90; n++) {
    const feed = n % 9 === 0 ? '410822' : '410823';
    const deleted = n % 11 === 0;
    // Some instants repeat, so ties are broken by id.
    const updatedAt = new Date(Date.UTC(2026, 0, 1) + (n % 40) * 3_600_000).toISOString();
    const id = `id-${String((n * 37) % 90).padStart(3, '0')}`;
    rows.push({
      collection: 'subjects',
      feed,
      deleted,
      body: {
        id,
        updatedAt,
        kind: n % 3 === 0 ? 'practitioner' : 'enterprise',
        status: n % 4 === 0 ? 'suspended' : 'active',
        name: `主体${String.fromCharCode(0x4e00 + ((n * 13) % 50))}${n}`,
        code: `CODE${n}`,
      },
    });
    rows.push({
      collection: 'creditRecords',
      feed,
      deleted,
      body: {
        id,
        updatedAt,
        subjectId: `s-${n % 5}`,
        category: `c${n % 3}`,
        status: n % 2 ? 'approved' : 'draft',
      },
    });
    rows.push({
      collection: 'disclosures',
      feed,
      deleted,
      body: {
        id,
        updatedAt,
        kind: n % 2 ? 'penalty' : 'licence',
        subjectId: `s-${n % 5}`,
        decisionDate: `2026-0${1 + (n % 6)}-1${n % 10}`,
      },
    });
  }
  return rows;
}

const documents = seedDocuments();

function expected(
  collection: string,
  accept: (body: Body) => boolean,
  order: { field: string; descending: boolean },
): string[] {
  const sign = order.descending ? -1 : 1;
  const compare = (a: string, b: string) => (a < b ? -sign : a > b ? sign : 0);
  return documents
    .filter(
      (row) => row.collection === collection && row.feed === '410823' && !row.deleted && accept(row.body),
    )
    .map((row) => row.body)
    .sort((a, b) => compare(a[order.field]!, b[order.field]!) || compare(a.id!, b.id!))
    .map((body) => body.id!);
}

/** Every id a list gives, page after page through its cursors. */
async function allPages(read: (after: PageCursor | null) => Promise<DocumentPage>): Promise<string[]> {
  const ids: string[] = [];
  let after: PageCursor | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const page = await read(after);
    ids.push(...page.documents.map((doc) => doc.id as string));
    if (!page.next) return ids;
    after = page.next;
  }
  throw new Error('the pages never end');
}

const backends = [
  { name: 'PGlite', url: undefined },
  ...(postgresTestUrl ? [{ name: 'PostgreSQL', url: postgresTestUrl }] : []),
];

describe.each(backends)('the platform’s list queries on $name', ({ url }) => {
  let db: Database;
  const dataDir = temporaryDir('query');
  const schema = freshSchemaName();

  beforeAll(async () => {
    db = await openDatabase(url ? { databaseUrl: url, dataDir, schema } : { dataDir });
    await migrate(db);
    for (const [n, row] of documents.entries()) {
      await db.query(
        `INSERT INTO documents (collection, id, feed, sequence, deleted, body, content_hash)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, 'hash')`,
        [row.collection, row.body.id, row.feed, n + 1, row.deleted, JSON.stringify(row.body)],
      );
    }
  }, 60_000);

  afterAll(async () => {
    await db.close();
    if (url) await dropSchema(schema);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const newest = { field: 'updatedAt', descending: true };

  it('pages subjects through their cursors, last changed first or by name, filtered and counted', async () => {
    const county = '410823';
    expect(await allPages((after) => pageSubjects(db, { county }, { after, limit: 7 }))).toEqual(
      expected('subjects', () => true, newest),
    );
    const suspended = (body: Body) => body.kind === 'enterprise' && body.status === 'suspended';
    expect(
      await allPages((after) =>
        pageSubjects(db, { county, kind: 'enterprise', status: 'suspended' }, { after, limit: 3 }),
      ),
    ).toEqual(expected('subjects', suspended, newest));
    expect(await countSubjects(db, { county, kind: 'enterprise', status: 'suspended' })).toBe(
      expected('subjects', suspended, newest).length,
    );
    const byName = await allPages((after) =>
      pageSubjects(db, { county }, { order: 'name', after, limit: 10 }),
    );
    expect(new Set(byName)).toEqual(new Set(expected('subjects', () => true, newest)));
    const holders = await subjectIdsByCode(db, county, ['CODE1', 'CODE9', 'CODE11', 'NONE']);
    // CODE9 is another county's, CODE11 deleted.
    expect([...holders.keys()]).toEqual(['CODE1']);
  });

  it('pages credit records and decisions by their filters, newest first', async () => {
    const county = '410823';
    const cases = [
      { county },
      { county, status: 'approved' as const, category: undefined },
      { county, category: 'c1', status: 'draft' as const },
      { county, subjectId: 's-2' },
    ];
    for (const filter of cases) {
      const { county: _, ...fields } = filter;
      const accept = (body: Body) =>
        Object.entries(fields).every(([name, value]) => value === undefined || body[name] === value);
      const want = expected('creditRecords', accept, newest);
      expect(await allPages((after) => pageCreditRecords(db, filter, { after, limit: 4 }))).toEqual(want);
      expect(await countCreditRecords(db, filter)).toBe(want.length);
    }
    const decided = (body: Body) =>
      body.kind === 'penalty' && body.decisionDate! >= '2026-02-01' && body.decisionDate! <= '2026-04-30';
    const filter = { county, kind: 'penalty' as const, from: '2026-02-01', to: '2026-04-30' };
    expect(await allPages((after) => pageDisclosures(db, filter, { after, limit: 5 }))).toEqual(
      expected('disclosures', decided, { field: 'decisionDate', descending: true }),
    );
    expect(await countDisclosures(db, filter)).toBe(
      expected('disclosures', decided, { field: 'decisionDate', descending: true }).length,
    );
  });

  it('can answer a filtered page from an index alone', async () => {
    const plan = await db.transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      const { rows } = await tx.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN SELECT id FROM documents WHERE collection = 'creditRecords' AND feed = '410823' AND NOT deleted
         AND (body ->> 'category') = 'c1' ORDER BY (body ->> 'updatedAt') DESC, id DESC LIMIT 50`,
      );
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('credit_records_live_category');
    expect(plan).not.toMatch(/\bSort\b/);
  });
});
