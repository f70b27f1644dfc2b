import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../shared/base/auditEntry.ts';
import { systemUser } from '../reference/repository.ts';

/**
 * Who acted: the user's name and username, the system for what the app writes itself (the default
 * catalog, expiries), or for a failed sign-in the username that was tried.
 */
export function userLabel(t: TFunction, entry: AuditEntry, users: ReadonlyMap<string, string>): string {
  if (entry.userId === '') {
    const tried = (entry.after as { username?: unknown } | null)?.username;
    return t('audit.unknownUser', { username: typeof tried === 'string' ? tried : '' });
  }
  if (entry.userId === systemUser) return t('creditUi.systemUser');
  return users.get(entry.userId) ?? entry.userId;
}

export function auditActionLabel(t: TFunction, entry: AuditEntry): string {
  const cause = (entry.after as { cause?: unknown } | null)?.cause;
  if (entry.action === 'signOut' && (cause === 'idleLock' || cause === 'manualLock')) {
    return t(`audit.${cause}`);
  }
  return t(`security.auditAction.${entry.action}`);
}
