import { issue, type ValidationIssue } from '../validation.ts';

/**
 * Roles and what each may do: ONE table of action → roles allowed. Everything that checks a permission
 * (renderer repositories, screens, sync, the platform checking pushed documents) asks `can` or
 * `assertCan` with an action from this table.
 */

export const roles = ['clerk', 'inspector', 'reviewer', 'countyAdmin', 'auditor'] as const;
/**
 * - clerk (录入员): enters subjects, drafts records, registers applications.
 * - inspector (检查员): records on-site inspections (reviewers and administrators plan them).
 * - reviewer (审核员): approves records, list entries, repairs and objections, never her own (four-eyes).
 * - countyAdmin (县级管理员): users, devices, settings, catalogs and templates.
 * - auditor (审计员): reads everything, reads and exports the audit trail, changes nothing.
 */
export type Role = (typeof roles)[number];

const operational = ['clerk', 'inspector', 'reviewer'] as const satisfies readonly Role[];

/** The permission table. Reads are open to every role; nothing else is granted by default. */
export const permissionTable = {
  'subject.read': roles,
  'subject.create': ['clerk'],
  'subject.update': ['clerk'],

  'record.read': roles,
  'record.create': ['clerk'],
  'record.editDraft': ['clerk'],
  'record.submit': ['clerk'],
  'record.approve': ['reviewer'],
  /** Withdraws an approved record (e.g. a penalty altered or revoked); audited with a reason. */
  'record.revoke': ['reviewer'],

  /** 双公示 licence and penalty decisions. */
  'disclosure.read': roles,
  'disclosure.create': ['clerk'],
  'disclosure.editDraft': ['clerk'],
  'disclosure.submit': ['clerk'],
  'disclosure.approve': ['reviewer'],
  'disclosure.revoke': ['reviewer'],

  'commitment.read': roles,
  'commitment.create': ['clerk'],
  'commitment.update': ['clerk'],
  /**
   * Records whether a commitment was fulfilled (履行状态). Clerks only: fulfilment and breach write a
   * credit record, which inspectors do not enter (they report what they saw as inspection findings).
   */
  'commitment.recordFulfilment': ['clerk'],

  'inspection.read': roles,
  /** Makes and draws 双随机 inspection plans: never the inspectors the plan sends. */
  'inspection.plan': ['reviewer', 'countyAdmin'],
  'inspection.record': ['inspector'],
  /** Declares an inspector's conflict of interest with a subject, or withdraws the declaration. */
  'inspection.conflict': ['inspector', 'countyAdmin'],

  /** Grades and red/black list entries. */
  'list.read': roles,
  'list.propose': ['clerk'],
  'list.approve': ['reviewer'],

  /** Credit repair applications and objections. */
  'case.read': roles,
  'case.register': ['clerk'],
  'case.decide': ['reviewer'],

  'report.print': operational,
  /** Checks a subject's credit status for an approval or tender (信用核查). */
  'verification.query': operational,
  /** Spreadsheet exports of subjects, records and lists. */
  'export.spreadsheet': ['clerk', 'reviewer'],
  /** Publication files for 双公示 and the platform's public listings. */
  'export.publication': ['reviewer'],
  /** Shows one record's masked personal values in clear; audited with a reason. */
  'personalData.reveal': ['reviewer', 'countyAdmin'],

  'user.manage': ['countyAdmin'],
  'device.manage': ['countyAdmin'],
  'settings.manage': ['countyAdmin'],
  'catalog.manage': ['countyAdmin'],
  'template.manage': ['countyAdmin'],

  'audit.read': ['auditor', 'countyAdmin'],
  'audit.export': ['auditor'],

  'backup.export': ['countyAdmin'],
  'backup.restore': ['countyAdmin'],
  'sync.run': ['clerk', 'inspector', 'reviewer', 'countyAdmin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof permissionTable;

export const actions = Object.keys(permissionTable) as Action[];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export function isAction(value: string): value is Action {
  return Object.hasOwn(permissionTable, value);
}

/** True when the role, or any of the roles, may perform the action. */
export function can(role: Role | readonly Role[], action: Action): boolean {
  const allowed: readonly Role[] = permissionTable[action];
  const held = typeof role === 'string' ? [role] : role;
  return held.some((r) => allowed.includes(r));
}

/** Actions a user with these roles may perform, in table order. */
export function allowedActions(role: Role | readonly Role[]): Action[] {
  return actions.filter((action) => can(role, action));
}

export const permissionIssueCodes = ['permission.denied', 'permission.ownWork'] as const;

/** Null when allowed, otherwise a `permission.denied` issue naming the action. */
export function assertCan(role: Role | readonly Role[], action: Action): ValidationIssue | null {
  return can(role, action) ? null : issue('action', 'permission.denied', { action });
}

/**
 * The four-eyes rule: nobody approves, decides or revokes work they authored. `authors` are the users
 * who created or last changed the document (e.g. its createdBy and updatedBy). Null when the approver
 * is someone else; an unknown (empty) approver is refused too.
 */
export function checkFourEyes(
  authors: string | readonly string[],
  approverId: string,
): ValidationIssue | null {
  const authorIds = typeof authors === 'string' ? [authors] : authors;
  if (approverId === '' || authorIds.includes(approverId)) return issue('approvedBy', 'permission.ownWork');
  return null;
}

/** i18n keys of the role and action labels (messages in shared/base/security/messages.ts). */
export function roleLabelKey(role: Role): string {
  return `security.role.${role}`;
}

export function actionLabelKey(action: Action): string {
  return `security.action.${action}`;
}
