import { withoutStamps } from '../../../shared/base/document.ts';
import { map, type Observable } from 'rxjs';
import {
  normalizeUsername,
  type UserDocument,
  type UserInput,
  type UserStatus,
  validateUserInput,
} from '../../../shared/base/user.ts';
import { issue, type Validated, type ValidationIssue } from '../../../shared/base/validation.ts';
import type { Argon2Params } from '../../../shared/base/security/argon2.ts';
import { checkPasswordStrength, hashPassword } from '../../../shared/base/security/password.ts';
import type { Role } from '../../../shared/base/security/permissions.ts';
import { uuidv7 } from '../../../shared/base/uuid.ts';
import type { CreditDeskDatabase, UserCollection } from '../db/database.ts';
import type { LocalStore } from '../db/localStore.ts';
import { Writer } from '../db/writer.ts';
import type { KeyVault } from './keys.ts';
import { authorize } from './permissions.ts';
import type { RepositoryContext } from './repositoryContext.ts';
import type { SignedInSession } from './session.ts';

/** What an administrator enters for a new user; the password is hashed here and never kept. */
export interface NewUser {
  username: string;
  displayName: string;
  roles: Role[];
  password: string;
}

export interface UserChanges {
  displayName: string;
  roles: Role[];
}

export interface UserRepositoryOptions {
  vault: KeyVault;
  /** The journal's store: users are written through the writer (renderer/kernel/db/writer.ts) over it. */
  local: LocalStore;
  /** Overrides the argon2id cost of new verifiers (tests only). */
  argon2?: Argon2Params;
}

/**
 * The county's users (synced). Administrators (`user.manage`) create, change, disable and reset users;
 * everyone changes her own password. Passwords are checked against the strong-password rule, hashed with
 * argon2id and, where the data key is wrapped per user, used to wrap it for that user.
 */
export class UserRepository {
  readonly #collection: UserCollection;
  readonly #context: RepositoryContext;
  readonly #options: UserRepositoryOptions;
  readonly #writer: Writer;

  constructor(collection: UserCollection, context: RepositoryContext, options: UserRepositoryOptions) {
    this.#collection = collection;
    this.#context = context;
    this.#options = options;
    this.#writer = new Writer(collection.database as unknown as CreditDeskDatabase, options.local, context);
  }

  /**
   * All users sorted by username, now and after every change. Not paged: a county has tens to a few
   * hundred users of about 500 bytes each, and the users page and the choosers show them all.
   */
  watchAll(): Observable<UserDocument[]> {
    return this.#collection
      .find({ sort: [{ username: 'asc' }] })
      .$.pipe(map((docs) => docs.map((doc) => doc.toJSON() as UserDocument)));
  }

  /** All users sorted by username (bounded like `watchAll`). */
  async list(): Promise<UserDocument[]> {
    const docs = await this.#collection.find({ sort: [{ username: 'asc' }] }).exec();
    return docs.map((doc) => doc.toJSON() as UserDocument);
  }

  async count(): Promise<number> {
    return this.#collection.count().exec();
  }

  async get(id: string): Promise<UserDocument | null> {
    const doc = await this.#collection.findOne(id).exec();
    return doc ? (doc.toJSON() as UserDocument) : null;
  }

  async findByUsername(username: string): Promise<UserDocument | null> {
    const doc = await this.#collection
      .findOne({ selector: { username: normalizeUsername(username) } })
      .exec();
    return doc ? (doc.toJSON() as UserDocument) : null;
  }

  /**
   * The first county administrator of a new office, who stamps herself as author. Refused once any
   * user exists.
   */
  async createFirstAdministrator(
    county: string,
    input: Omit<NewUser, 'roles'>,
  ): Promise<Validated<UserDocument>> {
    if ((await this.count()) > 0) return { ok: false, issues: [issue('username', 'user.alreadySetUp')] };
    const id = uuidv7(this.#context.clock().getTime());
    const stamp = { id, author: id, authorName: input.displayName, county };
    return this.#insert({ ...input, roles: ['countyAdmin'] }, stamp, false);
  }

  /** A new user with an initial password she must change at her first sign-in (demo users need not). */
  async create(
    input: NewUser,
    options: { mustChangePassword?: boolean } = {},
  ): Promise<Validated<UserDocument>> {
    const authorized = authorize(this.#context.session(), 'user.manage');
    if (!authorized.ok) return authorized;
    const { userId, userName, county } = authorized.session;
    const id = uuidv7(this.#context.clock().getTime());
    const stamp = { id, author: userId, authorName: userName, county };
    return this.#insert(input, stamp, options.mustChangePassword ?? true);
  }

  async update(id: string, changes: UserChanges): Promise<Validated<UserDocument>> {
    const authorized = authorize(this.#context.session(), 'user.manage');
    if (!authorized.ok) return authorized;
    const current = await this.get(id);
    if (!current) return { ok: false, issues: [issue('id', 'notFound')] };
    const next = { ...current, displayName: changes.displayName, roles: changes.roles };
    const validated = validateUserInput(withoutStamps(next));
    if (!validated.ok) return validated;
    if (current.roles.includes('countyAdmin') && !changes.roles.includes('countyAdmin')) {
      const lastAdmin = await this.#isLastActiveAdministrator(current);
      if (lastAdmin) return { ok: false, issues: [lastAdmin] };
    }
    return this.#save(current, { ...validated.value, status: current.status }, authorized.session, 'update');
  }

  /** Disables or enables a user; nobody disables herself or the last active administrator. */
  async setStatus(id: string, status: UserStatus): Promise<Validated<UserDocument>> {
    const authorized = authorize(this.#context.session(), 'user.manage');
    if (!authorized.ok) return authorized;
    const current = await this.get(id);
    if (!current) return { ok: false, issues: [issue('id', 'notFound')] };
    if (status === 'disabled') {
      if (id === authorized.session.userId)
        return { ok: false, issues: [issue('status', 'user.disableSelf')] };
      const lastAdmin = await this.#isLastActiveAdministrator(current);
      if (lastAdmin) return { ok: false, issues: [lastAdmin] };
    }
    const saved = await this.#save(current, { ...current, status }, authorized.session, 'statusChange');
    if (saved.ok && status === 'disabled') await this.#options.vault.revoke(id);
    return saved;
  }

  /** Sets an initial password the user must change at her next sign-in. */
  async resetPassword(id: string, password: string): Promise<Validated<UserDocument>> {
    const authorized = authorize(this.#context.session(), 'user.manage');
    if (!authorized.ok) return authorized;
    const current = await this.get(id);
    if (!current) return { ok: false, issues: [issue('id', 'notFound')] };
    return this.#setPassword(current, password, true, authorized.session);
  }

  /**
   * The signed-in user's own new password (after a reset, or at will). The caller has checked who she
   * is (the sign-in or her current password).
   */
  async changeOwnPassword(session: SignedInSession, password: string): Promise<Validated<UserDocument>> {
    const current = await this.get(session.userId);
    if (!current) return { ok: false, issues: [issue('id', 'notFound')] };
    return this.#setPassword(current, password, false, session);
  }

  async #setPassword(
    current: UserDocument,
    password: string,
    mustChangePassword: boolean,
    session: SignedInSession,
  ): Promise<Validated<UserDocument>> {
    const weak = checkPasswordStrength(password, { username: current.username });
    if (weak.length > 0) return { ok: false, issues: weak };
    const passwordVerifier = await hashPassword(password, this.#options.argon2);
    const saved = await this.#save(
      current,
      { ...current, passwordVerifier, mustChangePassword },
      session,
      'passwordChange',
    );
    if (saved.ok) await this.#options.vault.grant(current.id, password, passwordVerifier);
    return saved;
  }

  async #insert(
    input: NewUser,
    stamp: { id: string; author: string; authorName: string; county: string },
    mustChangePassword: boolean,
  ): Promise<Validated<UserDocument>> {
    const username = normalizeUsername(input.username);
    const issues: ValidationIssue[] = checkPasswordStrength(input.password, { username });
    if (await this.findByUsername(username)) issues.push(issue('username', 'user.usernameTaken'));
    const draft: UserInput = {
      username,
      displayName: input.displayName,
      roles: input.roles,
      status: 'active',
      // A well-formed placeholder, so the shape is checked before the (slow) hash is computed.
      passwordVerifier: placeholderVerifier,
      mustChangePassword,
    };
    const validated = validateUserInput(draft);
    if (!validated.ok) issues.unshift(...validated.issues);
    if (!validated.ok || issues.length > 0) return { ok: false, issues };
    const written = await this.#writer.write({
      permission: { judged: { userId: stamp.author, userName: stamp.authorName, county: stamp.county } },
      changes: [
        {
          kind: 'new',
          collection: 'users',
          content: {
            ...validated.value,
            passwordVerifier: await hashPassword(input.password, this.#options.argon2),
            id: stamp.id,
            county: stamp.county,
          },
        },
      ],
    });
    if (!written.ok) return written;
    const user = written.value[0] as UserDocument;
    await this.#options.vault.grant(user.id, input.password, user.passwordVerifier);
    return { ok: true, value: user };
  }

  async #save(
    current: UserDocument,
    next: UserInput,
    session: SignedInSession,
    action: 'update' | 'statusChange' | 'passwordChange',
  ): Promise<Validated<UserDocument>> {
    const written = await this.#writer.write({
      permission: { judged: session },
      changes: [
        {
          kind: 'next',
          collection: 'users',
          before: current,
          content: { ...current, ...next },
          audit: { action, ...(action === 'passwordChange' ? { note: { passwordChanged: true } } : {}) },
        },
      ],
    });
    if (!written.ok) return written;
    return { ok: true, value: written.value[0] as UserDocument };
  }

  async #isLastActiveAdministrator(user: UserDocument): Promise<ValidationIssue | null> {
    if (!user.roles.includes('countyAdmin') || user.status !== 'active') return null;
    const others = (await this.list()).filter(
      (other) => other.id !== user.id && other.status === 'active' && other.roles.includes('countyAdmin'),
    );
    return others.length === 0 ? issue('roles', 'user.lastAdministrator') : null;
  }
}

/** Any well-formed verifier; stands in while the input's shape is validated. */
const placeholderVerifier = `$argon2id$v=19$m=8,t=1,p=1$${'A'.repeat(22)}$${'A'.repeat(43)}`;
