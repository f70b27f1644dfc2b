/** The commands of the admin CLI (server/cli.ts), run against an open database. */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  type RuleSetDocument,
  type RuleSetVariant,
  republishIssues,
  ruleSetId,
  ruleSetVariants,
} from '../../shared/grading/ruleSet.ts';
import { catalogItemId } from '../../shared/creditRecords/catalog.ts';
import { collectionPlan, isCollectionName } from '../../shared/base/collections.ts';
import type { ValidationIssue } from '../../shared/base/validation.ts';
import { documentValidators } from '../../shared/sync/documentValidators.ts';
import { addCounty, listCounties } from '../accounts/counties.ts';
import { createEnrollmentCode, listDevices, listOrphanDevices, revokeDevice } from '../accounts/devices.ts';
import { addOperator } from '../accounts/operators.ts';
import { liftSignInFailures, listSignInFailures } from '../auth/signInThrottle.ts';
import { type Database, type Queryable, toNumber } from '../db/database.ts';
import { chinaToday } from '../routes/context.ts';
import { latePublicityByCounty } from '../query/inspections.ts';
import { listAuditProblems } from '../sync/auditTrail.ts';
import { loadValidationContext } from '../sync/validationContext.ts';
import { loadCityRuleSets } from '../sync/cityRuleSets.ts';
import { publishCityDocuments } from '../sync/documentStore.ts';

export interface CliIo {
  database: Database;
  print(line: string): void;
  /** Asks for a password without echoing it. */
  readPassword(prompt: string): Promise<string>;
  env: Record<string, string | undefined>;
  /** Told about each revoked device (a running platform closes its streams and forgets its session). */
  onDeviceRevoked?(deviceId: string): void;
  /** Set when the command runs inside a running platform (passed over its control socket). */
  insidePlatform?: boolean;
}

export const cliUsage = `Usage: npx node server/cli.ts <command>

  county add <code> <name-zh> <name-en>       add a county (six-digit division code)
  county list                                 list counties
  operator add <username> [--county <code>]   add an operator (city operator without --county);
                                              password from CREDITDESK_OPERATOR_PASSWORD or asked
  enrollment-code --county <code> [--hours N] issue a one-time device enrollment code (default 24 h)
  device list [--county <code>]               list devices
  device revoke <device-id>                   revoke a device's token (a running platform refuses it
                                              within 5 seconds and closes its open streams)
  device orphans [--days N] [--county <code>]  list devices that never used their token, enrolled more
                                              than N days ago (default 7), e.g. after a lost answer
  device revoke-orphans [--days N] [--county <code>]
                                              revoke all of those
  sign-in list                                list operator names and addresses with failed sign-ins
                                              (locked accounts first)
  sign-in unlock <name-or-address>            lift the lock and the delays of an operator name or address
  restored                                    after restoring the database from a backup, before starting
                                              the platform: devices then sync again from the start
  audit problems [--county <code>] [--limit N] list problems found in arriving audit chains, newest
                                              first (default 200)
  inspections late-publicity [--county <code>]
                                              per county, closed inspections whose result (一公开) is
                                              not published by its deadline, and the longest overdue
  publish <collection> <file.json>            write city-scope documents (e.g. reference: catalog items,
                                              holiday calendars, rule sets: scoring models, list rules,
                                              the list of commitment matters) from a JSON array; each
                                              replaces its current state, except a published rule-set
                                              version, which is never changed (publish a new version);
                                              devices get them on their next pull

Database: DATABASE_URL (PostgreSQL; CREDITDESK_DATABASE_SCHEMA picks a schema) or the PGlite files in CREDITDESK_DATA_DIR (default .data/platform).
While a platform runs on that PGlite folder, the command is passed to it and runs inside it.`;

class UsageError extends Error {}

function positional(args: string[], index: number, name: string): string {
  const value = args[index];
  if (value === undefined) throw new UsageError(`missing ${name}`);
  return value;
}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        county: { type: 'string' },
        hours: { type: 'string' },
        limit: { type: 'string' },
        days: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Runs one command; returns the process exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const db = io.database;
  try {
    const { values, positionals } = parseCommandLine(argv);
    const [group, action] = positionals;
    if (values.help || group === undefined) {
      io.print(cliUsage);
      return values.help ? 0 : 2;
    }
    if (group === 'county' && action === 'add') {
      const county = await addCounty(db, {
        code: positional(positionals, 2, 'code'),
        nameZh: positional(positionals, 3, 'name-zh'),
        nameEn: positional(positionals, 4, 'name-en'),
      });
      io.print(`county ${county.code} ${county.name['zh-CN']} / ${county.name.en} added`);
    } else if (group === 'county' && action === 'list') {
      for (const county of await listCounties(db))
        io.print(`${county.code}\t${county.name['zh-CN']}\t${county.name.en}`);
    } else if (group === 'operator' && action === 'add') {
      const username = positional(positionals, 2, 'username');
      const password =
        io.env.CREDITDESK_OPERATOR_PASSWORD ?? (await io.readPassword(`Password for ${username}: `));
      const operator = await addOperator(db, { username, password, county: values.county ?? null });
      io.print(
        `operator ${operator.username} added (${operator.county ? `county ${operator.county}` : 'city operator'})`,
      );
    } else if (group === 'enrollment-code') {
      if (!values.county) throw new UsageError('--county is required');
      const hours = Number(values.hours ?? 24);
      if (!Number.isInteger(hours) || hours < 1 || hours > 720) throw new UsageError('--hours must be 1–720');
      const issued = await createEnrollmentCode(db, {
        county: values.county,
        createdBy: null,
        expiresAt: new Date(Date.now() + hours * 3_600_000),
      });
      io.print(`enrollment code ${issued.code} for county ${issued.county}, valid until ${issued.expiresAt}`);
    } else if (group === 'device' && action === 'list') {
      for (const device of await listDevices(db, values.county ?? null)) {
        const state = device.revokedAt
          ? `revoked ${device.revokedAt}`
          : `last seen ${device.lastSeenAt ?? 'never'}`;
        io.print(`${device.id}\t${device.county}\t${device.name}\tenrolled ${device.enrolledAt}\t${state}`);
      }
    } else if (group === 'device' && action === 'revoke') {
      const device = await revokeDevice(db, positional(positionals, 2, 'device-id'));
      io.onDeviceRevoked?.(device.id);
      io.print(`device ${device.id} (${device.name}) revoked at ${device.revokedAt}`);
    } else if (group === 'device' && (action === 'orphans' || action === 'revoke-orphans')) {
      const days = Number(values.days ?? 7);
      if (!Number.isInteger(days) || days < 0 || days > 3650) throw new UsageError('--days must be 0–3650');
      const orphans = await listOrphanDevices(db, days, values.county ?? null);
      for (const device of orphans) {
        if (action === 'revoke-orphans') {
          await revokeDevice(db, device.id);
          io.onDeviceRevoked?.(device.id);
        }
        io.print(`${device.id}\t${device.county}\t${device.name}\tenrolled ${device.enrolledAt}, never seen`);
      }
      const count = `${orphans.length} device${orphans.length === 1 ? '' : 's'}`;
      io.print(action === 'revoke-orphans' ? `${count} revoked` : `${count} never used their token`);
    } else if (group === 'sign-in' && action === 'list') {
      for (const entry of await listSignInFailures(db)) {
        const state = entry.lockedAt ? `locked since ${entry.lockedAt}` : 'delayed';
        io.print(
          `${entry.kind}\t${entry.key}\t${entry.failures} failures\tlast ${entry.lastFailureAt}\t${state}`,
        );
      }
    } else if (group === 'sign-in' && action === 'unlock') {
      const key = positional(positionals, 2, 'name-or-address');
      const cleared = await liftSignInFailures(db, key);
      io.print(cleared > 0 ? `sign-in lock and delays of ${key} lifted` : `no failed sign-ins of ${key}`);
    } else if (group === 'restored') {
      if (io.insidePlatform) throw new Error('stop the platform first: restored runs before it starts');
      const epoch = await raiseEpoch(db);
      io.print(`restore generation ${epoch}: devices sync again from the start when they next connect`);
    } else if (group === 'audit' && action === 'problems') {
      const limit = Number(values.limit ?? 200);
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000)
        throw new UsageError('--limit must be 1–10000');
      const problems = await listAuditProblems(db, values.county ?? null, limit);
      for (const found of problems) {
        io.print(
          [
            found.detectedAt,
            found.county,
            `chain ${found.chainDeviceId}`,
            `seq ${found.seq}`,
            found.code,
            JSON.stringify(found.params),
            `entry ${found.entryId ?? '-'}`,
            `pushed by ${found.pushedBy}`,
          ].join('\t'),
        );
      }
      io.print(`${problems.length} problem${problems.length === 1 ? '' : 's'}`);
    } else if (group === 'inspections' && action === 'late-publicity') {
      return await printLatePublicity(db, values.county, io);
    } else if (group === 'publish') {
      return await publish(
        db,
        positional(positionals, 1, 'collection'),
        positional(positionals, 2, 'file'),
        io,
      );
    } else {
      throw new UsageError(`unknown command: ${positionals.join(' ')}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.print(`${error.message}\n\n${cliUsage}`);
      return 2;
    }
    if (error instanceof Error) {
      io.print(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

/**
 * Catalog items take their ids from their codes (see `catalogItemId`), so they replace the default items
 * devices seed: a missing id is filled in, a different one is an error naming the item.
 */
async function withCatalogItemIds(documents: Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
  return Promise.all(
    documents.map(async (document) => {
      if (document.kind !== 'catalogItem' || typeof document.code !== 'string') return document;
      const id = await catalogItemId(document.code);
      if (document.id !== undefined && document.id !== id) {
        throw new Error(
          `catalog item ${document.code} must have the id ${id} (derived from its code) or none`,
        );
      }
      return { ...document, id };
    }),
  );
}

/**
 * Rule-set versions take their ids from their variant, code and version (see `ruleSetId`), so a version
 * is one document: a missing id is filled in, a different one is an error naming the version.
 */
async function withRuleSetIds(documents: Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
  return Promise.all(
    documents.map(async (document) => {
      const { kind, ruleSet, code, version } = document;
      if (kind !== 'ruleSet' || !ruleSetVariants.includes(ruleSet as RuleSetVariant)) return document;
      if (typeof code !== 'string' || typeof version !== 'number') return document;
      const id = await ruleSetId(ruleSet as RuleSetVariant, code, version);
      if (document.id !== undefined && document.id !== id) {
        throw new Error(`rule set ${ruleSet} ${code} version ${version} must have the id ${id} or none`);
      }
      return { ...document, id };
    }),
  );
}

/** Rule-set versions already published with other content: refused, since a version is never edited. */
async function republishedVersions(
  db: Database,
  documents: readonly { id: string }[],
): Promise<Map<string, ValidationIssue[]>> {
  const current = new Map(
    (
      await loadCityRuleSets(
        db,
        documents.map((d) => d.id),
      )
    ).map((d) => [d.id, d]),
  );
  const refused = new Map<string, ValidationIssue[]>();
  for (const document of documents) {
    const issues = republishIssues(current.get(document.id), document as RuleSetDocument);
    if (issues.length > 0) refused.set(document.id, issues);
  }
  return refused;
}

/** Returns 1 when documents were refused. */
async function publish(db: Database, collection: string, file: string, io: CliIo): Promise<number> {
  if (!isCollectionName(collection) || collectionPlan[collection].scope !== 'city') {
    throw new UsageError(`${collection} is not a city-scope collection`);
  }
  const validate = documentValidators[collection];
  if (!validate) throw new UsageError(`the platform does not serve ${collection}`);
  const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
  if (!Array.isArray(parsed) || !parsed.every((document) => typeof document === 'object' && document)) {
    throw new Error(`${file} must hold a JSON array of documents`);
  }
  const documents = await withRuleSetIds(await withCatalogItemIds(parsed as Record<string, unknown>[]));
  if (!documents.every((document): document is { id: string } => typeof document.id === 'string')) {
    throw new Error(
      `${file}: every document needs a string id (catalog items and rule sets may leave it out)`,
    );
  }
  const republished = await republishedVersions(db, documents);
  const outcome = await publishCityDocuments(
    db,
    { validate },
    collection,
    documents.filter((document) => !republished.has(document.id)),
    await loadValidationContext(db, collection, chinaToday()),
  );
  const rejected = [...[...republished].map(([id, issues]) => ({ id, issues })), ...outcome.rejected];
  io.print(`${outcome.written} written, ${outcome.unchanged} unchanged, ${rejected.length} refused`);
  for (const { id, issues } of rejected) {
    io.print(`  ${id}: ${issues.map((item) => `${item.field} ${item.code}`).join(', ')}`);
  }
  return rejected.length > 0 ? 1 : 0;
}

/** Prints each county's late publicity of inspection results; returns 1 for an unknown county. */
async function printLatePublicity(db: Queryable, county: string | undefined, io: CliIo): Promise<number> {
  const counties = await latePublicityByCounty(db, chinaToday(), county);
  if (county !== undefined && counties.length === 0) throw new Error(`unknown county ${county}`);
  for (const { county, days, late, oldest } of counties) {
    const name = `${county.code} ${county.name['zh-CN']} / ${county.name.en}`;
    const rule = `due ${days} working day${days === 1 ? '' : 's'} after closing`;
    if (!oldest) {
      io.print(`${name}: none late (${rule})`);
      continue;
    }
    const party =
      oldest.subjectName === '' ? 'an inspected party this platform does not hold' : oldest.subjectName;
    io.print(
      `${name}: ${late} inspection result${late === 1 ? '' : 's'} not published in time (${rule}); ` +
        `longest overdue: ${party}, closed ${oldest.closedOn}, due ${oldest.deadline}`,
    );
  }
  const total = counties.reduce((sum, found) => sum + found.late, 0);
  const lateCounties = counties.filter((found) => found.late > 0).length;
  io.print(
    `${total} late in ${lateCounties} of ${counties.length} count${counties.length === 1 ? 'y' : 'ies'}`,
  );
  return 0;
}

/** Starts a new restore generation: checkpoints handed out before it are refused as `checkpointAhead`. */
async function raiseEpoch(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ epoch: unknown }>(
    'UPDATE platform_state SET epoch = epoch + 1 RETURNING epoch',
  );
  return toNumber(rows[0]!.epoch);
}
