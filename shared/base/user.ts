import { isPasswordVerifier } from './security/password.ts';
import { isRole, type Role, roles } from './security/permissions.ts';
import { baseDocumentProperties, type BaseDocument, type StampFields, stampFields } from './document.ts';
import { issue, type Validated, type ValidationIssue } from './validation.ts';

export const userStatuses = ['active', 'disabled'] as const;
export type UserStatus = (typeof userStatuses)[number];

/**
 * A county user (`users` collection). Synced, so any device of the county can sign the user in offline.
 * Lockout counters are local to each device and deliberately not part of this document.
 */
export interface UserDocument extends BaseDocument {
  /** Sign-in name: lower case, unique within the county. */
  username: string;
  displayName: string;
  /** At least one role; the auditor role is held alone. */
  roles: Role[];
  status: UserStatus;
  /** argon2id PHC string (algorithm, parameters, salt, hash); never the password. */
  passwordVerifier: string;
  /** Set when an administrator assigned the password; the user must choose a new one at sign-in. */
  mustChangePassword: boolean;
}

export type UserInput = Omit<UserDocument, StampFields>;

export const userTextLimits = { username: 32, displayName: 50, passwordVerifier: 200 } as const;

/** 3–32 characters: lower-case letters, digits, '.', '_' and '-', starting with a letter or digit. */
export const usernamePattern = /^[a-z0-9][a-z0-9._-]{2,31}$/;

export const userIssueCodes = [
  'user.usernameFormat',
  'user.displayNameRequired',
  'user.displayNameTooLong',
  'user.rolesRequired',
  'user.roleUnknown',
  'user.roleDuplicate',
  'user.auditorExclusive',
  'user.status',
  'user.passwordVerifier',
] as const;

/** Trims and lower-cases, as the sign-in screen does with what the user types. */
export function normalizeUsername(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase();
}

export function normalizeUserInput(input: UserInput): UserInput {
  return { ...input, username: normalizeUsername(input.username), displayName: input.displayName.trim() };
}

/** Validates a user as an administrator saves it; returns the normalized input or every broken rule. */
export function validateUserInput(raw: UserInput): Validated<UserInput> {
  const input = normalizeUserInput(raw);
  const issues: ValidationIssue[] = [];

  if (!usernamePattern.test(input.username)) issues.push(issue('username', 'user.usernameFormat'));
  if (input.displayName === '') issues.push(issue('displayName', 'user.displayNameRequired'));
  if (input.displayName.length > userTextLimits.displayName) {
    issues.push(issue('displayName', 'user.displayNameTooLong', { max: userTextLimits.displayName }));
  }

  if (input.roles.length === 0) issues.push(issue('roles', 'user.rolesRequired'));
  for (const role of input.roles) {
    if (!isRole(role)) issues.push(issue('roles', 'user.roleUnknown', { role }));
  }
  if (new Set(input.roles).size !== input.roles.length) issues.push(issue('roles', 'user.roleDuplicate'));
  // The auditor checks everyone else's work, so she holds no role that does such work.
  if (input.roles.includes('auditor') && input.roles.some((role) => role !== 'auditor')) {
    issues.push(issue('roles', 'user.auditorExclusive'));
  }

  if (!userStatuses.includes(input.status)) issues.push(issue('status', 'user.status'));
  if (
    input.passwordVerifier.length > userTextLimits.passwordVerifier ||
    !isPasswordVerifier(input.passwordVerifier)
  ) {
    issues.push(issue('passwordVerifier', 'user.passwordVerifier'));
  }

  return issues.length === 0 ? { ok: true, value: input } : { ok: false, issues };
}

/** The versioned JSON schema of the users collection (RxDB format; plain data, no RxDB import). */
export const userJsonSchema = {
  title: 'user',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...baseDocumentProperties,
    username: { type: 'string', maxLength: userTextLimits.username },
    displayName: { type: 'string', maxLength: userTextLimits.displayName },
    roles: {
      type: 'array',
      items: { type: 'string', enum: [...roles], maxLength: 12 },
      minItems: 1,
      maxItems: roles.length,
      uniqueItems: true,
    },
    status: { type: 'string', enum: [...userStatuses], maxLength: 10 },
    passwordVerifier: { type: 'string', maxLength: userTextLimits.passwordVerifier },
    mustChangePassword: { type: 'boolean' },
  },
  required: [
    ...stampFields,
    'username',
    'displayName',
    'roles',
    'status',
    'passwordVerifier',
    'mustChangePassword',
  ],
  indexes: ['username', 'updatedAt'],
  additionalProperties: false,
} as const;
