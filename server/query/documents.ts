/**
 * Reads of synced documents, apart from HTTP and from the sync protocol's rules: by id, by a unique
 * value, and paged lists of a feed's live documents filtered by fields and ordered through an index
 * (server/db/migrations/005_list_indexes.sql). Pages are keyset pages: the cursor is the order value
 * and id of the last row, so the thousandth page costs what the first does. Each capability's module
 * beside this one (subjects.ts, creditRecords.ts, disclosures.ts) names its filters and orders.
 */
import type { Queryable } from '../db/database.ts';
import { toNumber } from '../db/database.ts';

/** A document as stored: its feed (county, or '*' for the city), tombstone flag and body. */
export interface StoredDocument {
  id: string;
  feed: string;
  deleted: boolean;
  body: Record<string, unknown>;
}

const fieldNamePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A body field as SQL text; field names come from code, never from a request, and are checked. */
function field(name: string): string {
  if (!fieldNamePattern.test(name)) throw new Error(`invalid document field name ${name}`);
  return `(body ->> '${name}')`;
}

/** The stored documents of a collection with these ids, live or not, in any feed unless one is named. */
export async function documentsByIds(
  db: Queryable,
  collection: string,
  ids: readonly string[],
  feed?: string,
): Promise<StoredDocument[]> {
  const { rows } =
    feed === undefined
      ? await db.query<StoredDocument>(
          'SELECT id, feed, deleted, body FROM documents WHERE collection = $1 AND id = ANY($2::text[])',
          [collection, ids],
        )
      : await db.query<StoredDocument>(
          'SELECT id, feed, deleted, body FROM documents WHERE collection = $1 AND feed = $2 AND id = ANY($3::text[])',
          [collection, feed, ids],
        );
  return rows;
}

/** Live documents of the feed holding any of these values in the field: value → document id. */
export async function liveHolders(
  db: Queryable,
  query: { collection: string; feed: string; field: string; values: readonly string[] },
): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; value: string }>(
    `SELECT id, ${field(query.field)} AS value FROM documents
     WHERE collection = $1 AND feed = $2 AND NOT deleted AND ${field(query.field)} = ANY($3::text[])`,
    [query.collection, query.feed, query.values],
  );
  return new Map(rows.map((row) => [row.value, row.id]));
}

/** Where a page ends: the order value and id of its last document. */
export interface PageCursor {
  value: string;
  id: string;
}

export interface DocumentListQuery {
  collection: string;
  feed: string;
  /** Body fields that must equal these values. */
  equals?: Readonly<Record<string, string | undefined>>;
  /** A body field between two values, inclusive (dates as ISO text). */
  between?: { field: string; from?: string; to?: string };
}

export interface DocumentPageQuery extends DocumentListQuery {
  /** The body field the page is ordered by; ties go by id in the same direction. */
  order: { field: string; descending: boolean };
  /** The cursor of the previous page; absent for the first. */
  after?: PageCursor | null;
  limit: number;
}

export interface DocumentPage {
  documents: Record<string, unknown>[];
  /** The cursor for the next page; null on the last one. */
  next: PageCursor | null;
}

/** The WHERE clause and parameters of a list query; `params` continues from what is passed in. */
function conditions(query: DocumentListQuery, params: unknown[]): string {
  params.push(query.collection, query.feed);
  const clauses = ['collection = $1', 'feed = $2', 'NOT deleted'];
  for (const [name, value] of Object.entries(query.equals ?? {})) {
    // A filter left out (`status: undefined`) selects every value.
    if (value === undefined) continue;
    params.push(value);
    clauses.push(`${field(name)} = $${params.length}`);
  }
  const range = query.between;
  if (range?.from !== undefined) {
    params.push(range.from);
    clauses.push(`${field(range.field)} >= $${params.length}`);
  }
  if (range?.to !== undefined) {
    params.push(range.to);
    clauses.push(`${field(range.field)} <= $${params.length}`);
  }
  return clauses.join(' AND ');
}

/** One page of a feed's live documents. */
export async function pageDocuments(db: Queryable, query: DocumentPageQuery): Promise<DocumentPage> {
  const params: unknown[] = [];
  let where = conditions(query, params);
  const order = field(query.order.field);
  const direction = query.order.descending ? 'DESC' : 'ASC';
  if (query.after) {
    params.push(query.after.value, query.after.id);
    const beyond = query.order.descending ? '<' : '>';
    where += ` AND (${order}, id) ${beyond} ($${params.length - 1}, $${params.length})`;
  }
  params.push(query.limit);
  const { rows } = await db.query<{ id: string; value: string; body: Record<string, unknown> }>(
    `SELECT id, ${order} AS value, body FROM documents WHERE ${where}
     ORDER BY ${order} ${direction}, id ${direction} LIMIT $${params.length}`,
    params,
  );
  const last = rows.at(-1);
  return {
    documents: rows.map((row) => row.body),
    next: last && rows.length === query.limit ? { value: last.value, id: last.id } : null,
  };
}

/** How many live documents of the feed a list query selects. */
export async function countDocuments(db: Queryable, query: DocumentListQuery): Promise<number> {
  const params: unknown[] = [];
  const { rows } = await db.query<{ count: unknown }>(
    `SELECT count(*) AS count FROM documents WHERE ${conditions(query, params)}`,
    params,
  );
  return toNumber(rows[0]!.count);
}

/** A county's list of one collection: filters on equal fields (or as `where` maps them), one order. */
export function countyList<Filter extends { county: string }>(
  collection: string,
  order: DocumentPageQuery['order'],
  where: (fields: Omit<Filter, 'county'>) => Pick<DocumentListQuery, 'equals' | 'between'> = (fields) => ({
    equals: fields as Record<string, string>,
  }),
) {
  const listOf = ({ county, ...fields }: Filter): DocumentListQuery => ({
    collection,
    feed: county,
    ...where(fields),
  });
  return {
    /** One page, from the cursor of the page before. */
    page: (db: Queryable, filter: Filter, page: { after?: PageCursor | null; limit: number }) =>
      pageDocuments(db, { ...listOf(filter), order, after: page.after ?? null, limit: page.limit }),
    count: (db: Queryable, filter: Filter) => countDocuments(db, listOf(filter)),
  };
}
