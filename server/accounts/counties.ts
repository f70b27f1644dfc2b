import type { CountyInfo } from '../../shared/sync/protocol.ts';
import type { Queryable } from '../db/database.ts';
import { problem } from '../problem.ts';

export interface CountyInput {
  /** GB/T 2260 six-digit division code. */
  code: string;
  nameZh: string;
  nameEn: string;
}

interface CountyRow {
  code: string;
  name_zh: string;
  name_en: string;
}

export function countyInfo(row: CountyRow): CountyInfo {
  return { code: row.code, name: { 'zh-CN': row.name_zh, en: row.name_en } };
}

function checkCountyInput(input: CountyInput): void {
  if (!/^\d{6}$/.test(input.code)) throw new Error(`county code must be six digits: ${input.code}`);
  if (input.nameZh.trim() === '' || input.nameEn.trim() === '')
    throw new Error('county names must not be empty');
}

/** Adds a county; fails when the code exists. */
export async function addCounty(db: Queryable, input: CountyInput): Promise<CountyInfo> {
  checkCountyInput(input);
  const { rows } = await db.query<CountyRow>(
    'INSERT INTO counties (code, name_zh, name_en) VALUES ($1, $2, $3) RETURNING code, name_zh, name_en',
    [input.code, input.nameZh.trim(), input.nameEn.trim()],
  );
  return countyInfo(rows[0]!);
}

/** Adds a county unless it exists (names of an existing county are kept). */
export async function ensureCounty(db: Queryable, input: CountyInput): Promise<CountyInfo> {
  checkCountyInput(input);
  await db.query(
    'INSERT INTO counties (code, name_zh, name_en) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING',
    [input.code, input.nameZh.trim(), input.nameEn.trim()],
  );
  return getCounty(db, input.code);
}

export async function getCounty(db: Queryable, code: string): Promise<CountyInfo> {
  const { rows } = await db.query<CountyRow>('SELECT code, name_zh, name_en FROM counties WHERE code = $1', [
    code,
  ]);
  if (!rows[0]) throw problem('countyNotFound', { county: code });
  return countyInfo(rows[0]);
}

export async function listCounties(db: Queryable): Promise<CountyInfo[]> {
  const { rows } = await db.query<CountyRow>('SELECT code, name_zh, name_en FROM counties ORDER BY code');
  return rows.map(countyInfo);
}
