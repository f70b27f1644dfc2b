/**
 * Documents may refer only to attachment blobs their county has uploaded (PUT /blobs/{sha256}): a
 * record whose file never reached the platform would show the county's other computers a file nobody
 * can open. Clients upload before they push; a document that still refers to a missing blob is refused.
 */
import { capabilities } from '../../shared/capabilities.ts';
import { issue, type ValidationIssue } from '../../shared/base/validation.ts';
import type { Queryable } from '../db/database.ts';
import type { WriteAuthority } from './documentStore.ts';

/** The check of one push: every blob a document newly refers to must be held by the county. */
export async function loadBlobHolding(
  tx: Queryable,
  county: string,
  collection: string,
  documents: readonly Record<string, unknown>[],
): Promise<WriteAuthority> {
  const referenced = [
    ...new Set(
      documents.flatMap((doc) => capabilities.blobReferences(collection, doc).map((found) => found.sha256)),
    ),
  ];
  const held = new Set<string>();
  if (referenced.length > 0) {
    const { rows } = await tx.query<{ sha256: string }>(
      'SELECT sha256 FROM blob_holders WHERE county = $1 AND sha256 = ANY($2::text[])',
      [county, referenced],
    );
    for (const row of rows) held.add(row.sha256);
  }
  return {
    judge(next, previous) {
      const before = new Set(
        previous ? capabilities.blobReferences(collection, previous).map((found) => found.sha256) : [],
      );
      const issues: ValidationIssue[] = [];
      for (const { path, sha256 } of capabilities.blobReferences(collection, next)) {
        if (!before.has(sha256) && !held.has(sha256)) {
          issues.push(issue(path, 'attachment.notUploaded', { sha256 }));
        }
      }
      return issues;
    },
    accept() {},
  };
}

/** Both checks: the issues of each, and each told of every accepted state. */
export function bothAuthorities(first: WriteAuthority, second: WriteAuthority): WriteAuthority {
  return {
    judge: (next, previous) => [...first.judge(next, previous), ...second.judge(next, previous)],
    accept(next) {
      first.accept(next);
      second.accept(next);
    },
  };
}
