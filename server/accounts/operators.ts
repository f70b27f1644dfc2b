import { hashPassword, verifyPassword } from '../auth/secrets.ts';
import { type Queryable, toNumber } from '../db/database.ts';
import { getCounty } from './counties.ts';

export interface Operator {
  id: number;
  username: string;
  /** The county the operator administers; null for city operators, who administer every county. */
  county: string | null;
}

export interface OperatorInput {
  username: string;
  password: string;
  county: string | null;
}

export const minimumPasswordLength = 10;

export async function addOperator(db: Queryable, input: OperatorInput): Promise<Operator> {
  if (!/^[a-zA-Z0-9._-]{3,64}$/.test(input.username)) {
    throw new Error('operator names are 3–64 letters, digits, dots, dashes or underscores');
  }
  if (input.password.length < minimumPasswordLength) {
    throw new Error(`operator passwords have at least ${minimumPasswordLength} characters`);
  }
  if (input.county !== null) await getCounty(db, input.county);
  const { rows } = await db.query<{ id: unknown }>(
    'INSERT INTO operators (username, password_hash, county) VALUES ($1, $2, $3) RETURNING id',
    [input.username, await hashPassword(input.password), input.county],
  );
  return { id: toNumber(rows[0]!.id), username: input.username, county: input.county };
}

let decoyHash: Promise<string> | undefined;

/** The operator with these credentials, or null (unknown, disabled or wrong password). */
export async function authenticateOperator(
  db: Queryable,
  username: string,
  password: string,
): Promise<Operator | null> {
  const { rows } = await db.query<{ id: unknown; password_hash: string; county: string | null }>(
    'SELECT id, password_hash, county FROM operators WHERE username = $1 AND disabled_at IS NULL',
    [username],
  );
  const row = rows[0];
  if (!row) {
    // Spend the same time as for a known name, so response times do not reveal operator names.
    decoyHash ??= hashPassword('decoy password');
    await verifyPassword(password, await decoyHash);
    return null;
  }
  if (!(await verifyPassword(password, row.password_hash))) return null;
  return { id: toNumber(row.id), username, county: row.county };
}
