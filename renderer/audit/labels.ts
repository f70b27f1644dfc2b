import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../shared/base/auditEntry.ts';

/** Who acted: the user's name and username, or for a failed sign-in the username that was tried. */
export function userLabel(t: TFunction, entry: AuditEntry, users: ReadonlyMap<string, string>): string {
  if (entry.userId === '') {
    const tried = (entry.after as { username?: unknown } | null)?.username;
    return t('audit.unknownUser', { username: typeof tried === 'string' ? tried : '' });
  }
  return users.get(entry.userId) ?? entry.userId;
}

export function auditActionLabel(t: TFunction, entry: AuditEntry): string {
  const cause = (entry.after as { cause?: unknown } | null)?.cause;
  if (entry.action === 'signOut' && (cause === 'idleLock' || cause === 'manualLock')) {
    return t(`audit.${cause}`);
  }
  return t(`security.auditAction.${entry.action}`);
}
