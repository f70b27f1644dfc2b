import { BehaviorSubject } from 'rxjs';
import { normalizeUsername, type UserDocument } from '../../../shared/base/user.ts';
import { issue, type Validated, type ValidationIssue } from '../../../shared/base/validation.ts';
import {
  defaultLockoutPolicy,
  type LockoutPolicy,
  lockoutStatus,
  recordFailure,
  recordSuccess,
} from '../../../shared/base/security/lockout.ts';
import { verifyPassword } from '../../../shared/base/security/password.ts';
import type { Clock } from '../session/session.ts';
import type { AuditService } from './audit.ts';
import type { KeyVault } from './keys.ts';
import type { LockoutStore } from './lockoutStore.ts';
import { type SignedInSession, sessionOf } from './session.ts';
import type { UserRepository } from './users.ts';

/**
 * Sign-in, offline: the password is checked against the user's argon2id verifier from the synced users
 * collection. Failures count per username on this device and lock it (shared/base/security/lockout.ts); the
 * idle lock and sign-out end the session; the lock screen lets the same or another user sign in.
 * Every step is written to the audit trail.
 */
/** Why the screen locked: no input for the set time, or the user locked it herself. */
export type LockCause = 'idleLock' | 'manualLock';

export type AuthState =
  | { status: 'signedOut' }
  | { status: 'signedIn'; session: SignedInSession }
  /** Signed in with a password an administrator set: nothing else until she chooses her own. */
  | { status: 'mustChangePassword'; session: SignedInSession }
  /** Locked after idle time; `session` is who was signed in. */
  | { status: 'locked'; session: SignedInSession; cause: LockCause };

export type SignInResult = { ok: true; state: AuthState } | { ok: false; issue: ValidationIssue };

export const signInIssueCodes = [
  'signIn.wrongCredentials',
  'signIn.disabled',
  'signIn.noKeyForUser',
  'signIn.wrongCurrentPassword',
] as const;

/** Checked when the username is unknown, so an unknown name takes as long as a wrong password. */
const unknownUserVerifier = `$argon2id$v=19$m=19456,t=2,p=1$${'A'.repeat(22)}$${'A'.repeat(43)}`;

export interface AuthServiceOptions {
  users: UserRepository;
  lockouts: LockoutStore;
  vault: KeyVault;
  audit: AuditService;
  clock: Clock;
  lockoutPolicy?: LockoutPolicy;
}

export class AuthService {
  readonly state$ = new BehaviorSubject<AuthState>({ status: 'signedOut' });
  readonly #options: AuthServiceOptions;
  readonly #policy: LockoutPolicy;

  constructor(options: AuthServiceOptions) {
    this.#options = options;
    this.#policy = options.lockoutPolicy ?? defaultLockoutPolicy;
  }

  get state(): AuthState {
    return this.state$.value;
  }

  /** The user who may act now; null while signed out, locked or before a required password change. */
  session(): SignedInSession | null {
    const state = this.state;
    return state.status === 'signedIn' ? state.session : null;
  }

  async signIn(rawUsername: string, password: string): Promise<SignInResult> {
    const { users, lockouts, audit, clock } = this.#options;
    const username = normalizeUsername(rawUsername);
    const now = clock().getTime();
    const lockout = await lockouts.get(username);
    const before = lockoutStatus(lockout, now, this.#policy);
    const user = await users.findByUsername(username);
    if (before.locked) {
      await this.#auditFailure(user, username, { locked: true });
      return { ok: false, issue: before.issue };
    }

    const matches = await verifyPassword(password, user?.passwordVerifier ?? unknownUserVerifier);
    if (!user || !matches) {
      const next = recordFailure(lockout, now, this.#policy);
      await lockouts.set(username, next);
      await this.#auditFailure(user, username, {});
      const after = lockoutStatus(next, now, this.#policy);
      if (after.locked) {
        if (user)
          await audit.append(user.id, {
            action: 'accountLocked',
            collectionName: 'users',
            documentId: user.id,
            after: { until: new Date(after.until).toISOString() },
          });
        return { ok: false, issue: after.issue };
      }
      return {
        ok: false,
        issue: issue('password', 'signIn.wrongCredentials', { remaining: after.remainingAttempts }),
      };
    }
    if (user.status !== 'active') {
      await this.#auditFailure(user, username, { disabled: true });
      return { ok: false, issue: issue('username', 'signIn.disabled') };
    }
    const unlocked = await this.#unlockKeys(user, password);
    if (unlocked) {
      await this.#auditFailure(user, username, { dataKey: unlocked.code });
      return { ok: false, issue: unlocked };
    }

    await lockouts.set(username, recordSuccess());
    const session = sessionOf(user);
    const replaced = this.state.status === 'locked' ? this.state.session : null;
    await audit.append(user.id, {
      action: 'signIn',
      collectionName: 'users',
      documentId: user.id,
      after: replaced && replaced.userId !== user.id ? { replacedUser: replaced.username } : null,
    });
    const state: AuthState = user.mustChangePassword
      ? { status: 'mustChangePassword', session }
      : { status: 'signedIn', session };
    this.state$.next(state);
    return { ok: true, state };
  }

  /**
   * Sets the signed-in user's own password: after a reset (no current password asked, she just signed
   * in with it) or at will (the current password is checked again).
   */
  async changePassword(newPassword: string, currentPassword?: string): Promise<Validated<UserDocument>> {
    const state = this.state;
    if (state.status !== 'signedIn' && state.status !== 'mustChangePassword') {
      return { ok: false, issues: [issue('action', 'permission.denied', { action: 'user.manage' })] };
    }
    const { users } = this.#options;
    const user = await users.get(state.session.userId);
    if (!user) return { ok: false, issues: [issue('id', 'notFound')] };
    if (
      state.status === 'signedIn' &&
      !(await verifyPassword(currentPassword ?? '', user.passwordVerifier))
    ) {
      return { ok: false, issues: [issue('currentPassword', 'signIn.wrongCurrentPassword')] };
    }
    if (await verifyPassword(newPassword, user.passwordVerifier)) {
      return { ok: false, issues: [issue('password', 'password.unchanged')] };
    }
    const saved = await users.changeOwnPassword(state.session, newPassword);
    if (saved.ok) this.state$.next({ status: 'signedIn', session: sessionOf(saved.value) });
    return saved;
  }

  /** Locks the screen (idle or by the user): the session ends until the same or another user signs in. */
  async lock(cause: LockCause): Promise<void> {
    const state = this.state;
    if (state.status !== 'signedIn' && state.status !== 'mustChangePassword') return;
    this.state$.next({ status: 'locked', session: state.session, cause });
    await this.#options.audit.append(state.session.userId, {
      action: 'signOut',
      collectionName: 'users',
      documentId: state.session.userId,
      after: { cause },
    });
  }

  async signOut(): Promise<void> {
    const state = this.state;
    if (state.status === 'signedOut') return;
    this.state$.next({ status: 'signedOut' });
    if (state.status === 'locked') return;
    await this.#options.audit.append(state.session.userId, {
      action: 'signOut',
      collectionName: 'users',
      documentId: state.session.userId,
    });
  }

  /** Refreshes the signed-in user's roles and name after her own document changed (e.g. by sync). */
  refresh(user: UserDocument): void {
    const state = this.state;
    if (state.status === 'signedOut' || state.session.userId !== user.id) return;
    if (user.status !== 'active') {
      this.state$.next({ status: 'signedOut' });
      return;
    }
    this.state$.next({ ...state, session: sessionOf(user) });
  }

  async #unlockKeys(user: UserDocument, password: string): Promise<ValidationIssue | null> {
    const { vault } = this.#options;
    if (!vault.perUserPasswords) return null;
    // A key wrapped with an earlier password (changed on another computer) no longer opens; someone who
    // unlocked it in this session lets the user's current password wrap it anew.
    if (!vault.unlocked && (await vault.unlock(user.id, password)) !== 'unlocked') {
      return issue('username', 'signIn.noKeyForUser');
    }
    if (!(await vault.hasKeyFor(user.id, user.passwordVerifier))) {
      await vault.grant(user.id, password, user.passwordVerifier);
    }
    return null;
  }

  async #auditFailure(
    user: UserDocument | null,
    username: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    await this.#options.audit.append(user?.id ?? '', {
      action: 'signInFailed',
      collectionName: 'users',
      documentId: user?.id ?? '',
      after: { username, ...detail },
    });
  }
}
