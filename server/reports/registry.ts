/**
 * The report registry: reports devices issued, registered with the SHA-256 of their PDF and signed with
 * the city's key. Verification answers genuine or not, the issuing office and the issue time; nothing
 * else about the report, its subject or its county's other reports.
 */
import { createHash } from 'node:crypto';
import {
  type ReportRegistration,
  type ReportRegistrationResponse,
  signedReportText,
  type VerificationAnswer,
} from '../../shared/reports/protocol.ts';
import type { DeviceIdentity } from '../accounts/devices.ts';
import type { Database, Queryable } from '../db/database.ts';
import { problem } from '../problem.ts';
import type { SigningKey } from './signingKey.ts';

interface RegistryRow {
  code: string;
  content_hash: string;
  county: string;
  office_name: string;
  issued_at: Date | string;
  signature: string;
  registered_at: Date | string;
  county_name: string;
}

const iso = (value: Date | string) => new Date(value).toISOString();

async function subjectCounty(db: Queryable, subjectId: string): Promise<string | null> {
  const { rows } = await db.query<{ feed: string }>(
    "SELECT feed FROM documents WHERE collection = 'subjects' AND id = $1 AND NOT deleted",
    [subjectId],
  );
  return rows[0]?.feed ?? null;
}

/**
 * Registers a report a device of `device.county` issued. Idempotent for the same code and content; a
 * subject of another county, a subject the platform does not hold yet or a code already used by another
 * report are refused with their own problem.
 */
export async function registerReport(
  db: Database,
  key: SigningKey,
  device: DeviceIdentity,
  registration: ReportRegistration,
): Promise<ReportRegistrationResponse> {
  const county = await subjectCounty(db, registration.subjectId);
  if (county === null) throw problem('reportSubjectNotSynced');
  if (county !== device.county) throw problem('reportSubjectOutsideCounty');
  const issuedAt = new Date(registration.issuedAt).toISOString();
  const signature = await key.sign(signedReportText({ ...registration, county: device.county, issuedAt }));
  await db.query(
    `INSERT INTO report_registry
       (code, content_hash, county, subject_id, report_number, office_name, issued_at, registered_by, signature)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT DO NOTHING`,
    [
      registration.code,
      registration.contentHash,
      device.county,
      registration.subjectId,
      registration.reportNumber,
      registration.officeName,
      issuedAt,
      device.id,
      signature,
    ],
  );
  const stored = await findReport(db, 'code', registration.code);
  if (!stored || stored.content_hash !== registration.contentHash || stored.county !== device.county) {
    throw problem('reportCodeTaken', { code: registration.code });
  }
  return { code: stored.code, registeredAt: iso(stored.registered_at), signature: stored.signature };
}

async function findReport(
  db: Queryable,
  by: 'code' | 'content_hash',
  value: string,
): Promise<RegistryRow | null> {
  const { rows } = await db.query<RegistryRow>(
    `SELECT r.code, r.content_hash, r.county, r.office_name, r.issued_at, r.signature, r.registered_at,
            c.name_zh AS county_name
     FROM report_registry r JOIN counties c ON c.code = r.county WHERE r.${by} = $1`,
    [value],
  );
  return rows[0] ?? null;
}

/** A registered report is genuine only while its stored signature still verifies with the city's key. */
async function answerFor(
  key: SigningKey,
  row: RegistryRow | null,
  missing: 'unknownCode' | 'notRegistered',
): Promise<VerificationAnswer> {
  if (!row) return { genuine: false, reason: missing };
  const issuedAt = iso(row.issued_at);
  const text = signedReportText({
    code: row.code,
    contentHash: row.content_hash,
    county: row.county,
    officeName: row.office_name,
    issuedAt,
  });
  if (!(await key.verify(text, row.signature))) return { genuine: false, reason: missing };
  return {
    genuine: true,
    code: row.code,
    officeName: row.office_name,
    countyName: row.county_name,
    issuedAt,
  };
}

export async function verifyCode(db: Queryable, key: SigningKey, code: string): Promise<VerificationAnswer> {
  return answerFor(key, await findReport(db, 'code', code), 'unknownCode');
}

/** Verifies a PDF by its SHA-256: any changed byte makes it a file the platform never registered. */
export async function verifyFile(
  db: Queryable,
  key: SigningKey,
  file: Uint8Array,
): Promise<VerificationAnswer> {
  if (new TextDecoder().decode(file.subarray(0, 5)) !== '%PDF-') return { genuine: false, reason: 'notPdf' };
  const hash = createHash('sha256').update(file).digest('hex');
  return answerFor(key, await findReport(db, 'content_hash', hash), 'notRegistered');
}
