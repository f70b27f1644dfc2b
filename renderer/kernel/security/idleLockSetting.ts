import { BehaviorSubject } from 'rxjs';
import type { ValidationIssue } from '../../../shared/base/validation.ts';
import { checkIdleTimeout, defaultIdleLockPolicy } from '../../../shared/base/security/lockout.ts';
import type { LocalStore } from '../db/localStore.ts';
import { requirePermission } from './permissions.ts';
import type { RepositoryContext } from './repositoryContext.ts';

const settingKey = 'idleLockMinutes';

/** The idle-lock timeout of this computer: set by an administrator, audited, applied at once. */
export class IdleLockSetting {
  readonly minutes$: BehaviorSubject<number>;
  readonly #local: LocalStore;

  private constructor(local: LocalStore, minutes: number) {
    this.#local = local;
    this.minutes$ = new BehaviorSubject(minutes);
  }

  static async open(local: LocalStore): Promise<IdleLockSetting> {
    const saved = await local.getSetting<number>(settingKey);
    const minutes =
      saved !== undefined && checkIdleTimeout(saved) === null ? saved : defaultIdleLockPolicy.timeoutMinutes;
    return new IdleLockSetting(local, minutes);
  }

  async change(context: RepositoryContext, minutes: number): Promise<ValidationIssue | null> {
    const session = context.session();
    const problem = requirePermission(session, 'settings.manage') ?? checkIdleTimeout(minutes);
    if (problem || !session) return problem;
    const before = this.minutes$.value;
    if (before === minutes) return null;
    await this.#local.setSetting(settingKey, minutes);
    this.minutes$.next(minutes);
    await context.audit.append(session.userId, {
      action: 'update',
      collectionName: 'settings',
      documentId: settingKey,
      before: { timeoutMinutes: before },
      after: { timeoutMinutes: minutes },
    });
    return null;
  }
}
