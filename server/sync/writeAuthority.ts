/**
 * The platform's author check of pushed documents: the county's users as the platform holds them (its
 * `users` documents), judged with the shared rules in shared/sync/writePermissions.ts.
 */
import type { CollectionName } from '../../shared/model/collections.ts';
import {
  bootstrapAdministrators,
  checkWritePermission,
  type KnownUser,
  knownUserOf,
} from '../../shared/sync/writePermissions.ts';
import type { Queryable } from '../db/database.ts';
import type { WriteAuthority } from './documentStore.ts';

/**
 * Loads the county's users and returns the check for one push of `collection`. A county that has never
 * had a user accepts, as its first `users` push, administrators who create themselves (see
 * `bootstrapAdministrators`): that is how the administrator made on a device's first start arrives.
 */
export async function loadWriteAuthority(
  tx: Queryable,
  county: string,
  collection: CollectionName,
  documents: readonly Record<string, unknown>[],
): Promise<WriteAuthority> {
  const { rows } = await tx.query<{ deleted: boolean; body: Record<string, unknown> }>(
    `SELECT deleted, body FROM documents WHERE collection = 'users' AND feed = $1`,
    [county],
  );
  const users = new Map<string, KnownUser>();
  for (const row of rows) {
    const user = knownUserOf({ ...row.body, _deleted: row.deleted });
    if (user) users.set(user.id, user);
  }
  if (rows.length === 0 && collection === 'users') {
    for (const admin of bootstrapAdministrators(documents)) users.set(admin.id, admin);
  }
  const lookup = (id: string) => users.get(id);
  return {
    judge: (next, previous) => checkWritePermission(collection, next, previous, lookup),
    accept(next) {
      if (collection !== 'users' || typeof next.id !== 'string') return;
      const user = knownUserOf(next);
      if (user) users.set(user.id, user);
      else users.delete(next.id);
    },
  };
}
