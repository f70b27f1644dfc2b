import type { AuditAction } from '../auditEntry.ts';
import type { UserStatus, userIssueCodes } from '../user.ts';
import type { auditEntryIssueCodes } from '../auditEntry.ts';
import type { ChainProblemCode } from './auditChain.ts';
import type { BackupErrorCode } from './backup.ts';
import type { FieldCryptoErrorCode } from './fieldCrypto.ts';
import type { lockoutIssueCodes } from './lockout.ts';
import type { PersonalDataKind } from './masking.ts';
import type { passwordIssueCodes } from './password.ts';
import type { Action, permissionIssueCodes, Role } from './permissions.ts';

/**
 * Messages of the security area, flat key → message with i18next `{{param}}` interpolation.
 * - ValidationIssue codes: `validation.<code>`, params from the issue.
 * - Chain problems, backup and field-crypto errors: the code itself is the key, params from the result.
 * - Labels: `security.role.<role>`, `security.action.<action>`, `security.auditAction.<action>`,
 *   `security.personalData.<kind>`, `security.userStatus.<status>`.
 * `validation.permission.denied` nests the action label with `$t(…)`.
 */
type IssueCode =
  | (typeof permissionIssueCodes)[number]
  | (typeof passwordIssueCodes)[number]
  | (typeof lockoutIssueCodes)[number]
  | (typeof userIssueCodes)[number]
  | (typeof auditEntryIssueCodes)[number];

export type SecurityMessageKey =
  | `validation.${IssueCode}`
  | ChainProblemCode
  | BackupErrorCode
  | FieldCryptoErrorCode
  | `security.role.${Role}`
  | `security.action.${Action}`
  | `security.auditAction.${AuditAction}`
  | `security.personalData.${PersonalDataKind}`
  | `security.userStatus.${UserStatus}`;

type Messages = Record<SecurityMessageKey, string>;

const zhCN: Messages = {
  'validation.permission.denied': '您的角色无权执行“$t(security.action.{{action}})”。',
  'validation.permission.ownWork': '不能审核自己录入或修改的内容，请由其他审核员处理。',
  'validation.password.tooShort': '密码至少需要 {{min}} 个字符。',
  'validation.password.tooLong': '密码不能超过 {{max}} 个字符。',
  'validation.password.tooFewClasses': '密码需包含小写字母、大写字母、数字、其他字符中的至少 {{min}} 类。',
  'validation.password.containsUsername': '密码不能包含用户名。',
  'validation.password.common': '该密码过于常见，容易被猜到，请换一个。',
  'validation.lockout.locked': '连续 {{count}} 次登录失败，账号已锁定 {{minutes}} 分钟。',
  'validation.idleLock.outOfRange': '自动锁屏时间须为 {{min}} 到 {{max}} 之间的整数分钟。',
  'validation.user.usernameFormat':
    '用户名须为 3 到 32 个字符，只能包含小写字母、数字、“.”、“_”、“-”，并以字母或数字开头。',
  'validation.user.displayNameRequired': '请填写姓名。',
  'validation.user.displayNameTooLong': '姓名不能超过 {{max}} 个字符。',
  'validation.user.rolesRequired': '请至少选择一个角色。',
  'validation.user.roleUnknown': '未知角色：{{role}}。',
  'validation.user.roleDuplicate': '同一角色选择了两次。',
  'validation.user.auditorExclusive': '审计员不能同时担任其他角色。',
  'validation.user.status': '用户状态无效。',
  'validation.user.passwordVerifier': '密码校验数据无效，请为该用户重新设置密码。',
  'validation.auditEntry.invalidField': '审计记录的字段无效。',
  'validation.auditEntry.reasonRequired': '请填写此操作的理由。',

  'auditChain.altered': '第 {{seq}} 条审计记录与其哈希值不符，内容已被改动。',
  'auditChain.removed': '从第 {{seq}} 条起缺少 {{count}} 条审计记录。',
  'auditChain.linkBroken': '第 {{seq}} 条审计记录与前一条衔接不上：前一条已被改写或替换。',
  'auditChain.reordered': '第 {{seq}} 条审计记录排在更晚的记录之后，顺序被打乱。',
  'auditChain.duplicated': '第 {{seq}} 条审计记录重复出现。',
  'auditChain.wrongDevice': '第 {{seq}} 条审计记录属于另一台设备（{{deviceId}}）。',
  'auditChain.wrongCounty': '第 {{seq}} 条审计记录属于另一个县（{{county}}）。',

  'backup.notABackup': '该文件不是 CreditDesk 备份文件。',
  'backup.corrupted': '备份文件已损坏或被改动，无法恢复。',
  'backup.wrongPassword': '备份密码不正确。',
  'backup.otherCounty': '该备份属于其他县（{{county}}），不能恢复到本县。',
  'backup.newerVersion': '该备份由更新版本的 CreditDesk 生成，请先升级软件。',

  'fieldCrypto.malformed': '加密数据格式无效。',
  'fieldCrypto.unsupportedVersion': '加密数据的版本不受支持，请升级软件。',
  'fieldCrypto.tampered': '加密数据已被改动或不属于这条记录，无法解密。',
  'fieldCrypto.wrongPassword': '密码不正确，无法解锁本机的数据密钥。',

  'security.role.clerk': '录入员',
  'security.role.inspector': '检查员',
  'security.role.reviewer': '审核员',
  'security.role.countyAdmin': '县级管理员',
  'security.role.auditor': '审计员',

  'security.action.subject.read': '查看信用主体',
  'security.action.subject.create': '新增信用主体',
  'security.action.subject.update': '修改信用主体',
  'security.action.record.read': '查看信用记录',
  'security.action.record.create': '新建信用记录',
  'security.action.record.editDraft': '编辑信用记录草稿',
  'security.action.record.submit': '提交信用记录审核',
  'security.action.record.approve': '审核信用记录',
  'security.action.record.revoke': '撤销信用记录',
  'security.action.disclosure.read': '查看双公示信息',
  'security.action.disclosure.create': '新建双公示信息',
  'security.action.disclosure.editDraft': '编辑双公示草稿',
  'security.action.disclosure.submit': '提交双公示审核',
  'security.action.disclosure.approve': '审核双公示信息',
  'security.action.disclosure.revoke': '撤销双公示信息',
  'security.action.commitment.read': '查看信用承诺',
  'security.action.commitment.create': '登记信用承诺',
  'security.action.commitment.update': '修改信用承诺',
  'security.action.commitment.recordFulfilment': '登记承诺履行情况',
  'security.action.inspection.read': '查看检查记录',
  'security.action.inspection.plan': '安排现场检查',
  'security.action.inspection.conflict': '申报回避（利害关系）',
  'security.action.inspection.record': '登记检查结果',
  'security.action.list.read': '查看信用等级和名单',
  'security.action.list.propose': '提出等级和名单变更',
  'security.action.list.approve': '审核等级和名单变更',
  'security.action.case.read': '查看信用修复和异议',
  'security.action.case.register': '受理信用修复和异议申请',
  'security.action.case.decide': '决定信用修复和异议',
  'security.action.report.print': '打印信用报告',
  'security.action.verification.query': '信用核查',
  'security.action.export.spreadsheet': '导出表格',
  'security.action.export.publication': '导出公示数据',
  'security.action.personalData.reveal': '查看完整个人信息',
  'security.action.user.manage': '管理用户',
  'security.action.device.manage': '管理设备',
  'security.action.settings.manage': '管理设置',
  'security.action.catalog.manage': '管理信用信息目录',
  'security.action.template.manage': '管理模板',
  'security.action.audit.read': '查看审计日志',
  'security.action.audit.export': '导出审计日志',
  'security.action.backup.export': '导出备份',
  'security.action.backup.restore': '恢复备份',
  'security.action.sync.run': '同步数据',

  'security.auditAction.create': '新增',
  'security.auditAction.update': '修改',
  'security.auditAction.statusChange': '状态变更',
  'security.auditAction.approve': '审核通过',
  'security.auditAction.reject': '退回',
  'security.auditAction.revoke': '撤销',
  'security.auditAction.export': '导出',
  'security.auditAction.printReport': '打印报告',
  'security.auditAction.verificationQuery': '信用核查',
  'security.auditAction.revealPersonalData': '查看个人信息',
  'security.auditAction.signIn': '登录',
  'security.auditAction.signInFailed': '登录失败',
  'security.auditAction.signOut': '退出登录',
  'security.auditAction.accountLocked': '账号锁定',
  'security.auditAction.passwordChange': '修改密码',
  'security.auditAction.backupExport': '导出备份',
  'security.auditAction.backupRestore': '恢复备份',
  'security.auditAction.auditExport': '导出审计日志',

  'security.personalData.idNumber': '身份证号码',
  'security.personalData.phone': '电话号码',
  'security.personalData.address': '住址',

  'security.userStatus.active': '启用',
  'security.userStatus.disabled': '停用',
};

const en: Messages = {
  'validation.permission.denied': 'Your role does not allow this: $t(security.action.{{action}}).',
  'validation.permission.ownWork':
    'You cannot approve work you entered or changed yourself; another reviewer must do it.',
  'validation.password.tooShort': 'The password needs at least {{min}} characters.',
  'validation.password.tooLong': 'The password may have at most {{max}} characters.',
  'validation.password.tooFewClasses':
    'Use at least {{min}} of these: lower-case letters, upper-case letters, digits, other characters.',
  'validation.password.containsUsername': 'The password must not contain the username.',
  'validation.password.common': 'This password is too common and easy to guess; choose another.',
  'validation.lockout.locked': 'Locked for {{minutes}} min after {{count}} failed attempts.',
  'validation.idleLock.outOfRange':
    'The idle lock time must be a whole number of minutes from {{min}} to {{max}}.',
  'validation.user.usernameFormat':
    'A username has 3 to 32 characters: lower-case letters, digits, ".", "_" or "-", starting with a letter or digit.',
  'validation.user.displayNameRequired': 'Enter the name.',
  'validation.user.displayNameTooLong': 'The name may have at most {{max}} characters.',
  'validation.user.rolesRequired': 'Choose at least one role.',
  'validation.user.roleUnknown': 'Unknown role: {{role}}.',
  'validation.user.roleDuplicate': 'A role is chosen twice.',
  'validation.user.auditorExclusive': 'An auditor cannot hold any other role.',
  'validation.user.status': 'Invalid user status.',
  'validation.user.passwordVerifier':
    'The stored password data is invalid; set a new password for this user.',
  'validation.auditEntry.invalidField': 'Invalid audit entry field.',
  'validation.auditEntry.reasonRequired': 'Enter the reason for this action.',

  'auditChain.altered': 'Audit entry {{seq}} does not match its hash: its content was changed.',
  'auditChain.removed': 'Audit entries missing from entry {{seq}} on: {{count}}.',
  'auditChain.linkBroken':
    'Audit entry {{seq}} does not follow the entry before it: that entry was rewritten or replaced.',
  'auditChain.reordered': 'Audit entry {{seq}} comes after a later entry: the order was changed.',
  'auditChain.duplicated': 'Audit entry {{seq}} appears more than once.',
  'auditChain.wrongDevice': 'Audit entry {{seq}} belongs to another device ({{deviceId}}).',
  'auditChain.wrongCounty': 'Audit entry {{seq}} belongs to another county ({{county}}).',

  'backup.notABackup': 'This file is not a CreditDesk backup.',
  'backup.corrupted': 'The backup file is damaged or was changed; it cannot be restored.',
  'backup.wrongPassword': 'Wrong backup password.',
  'backup.otherCounty': 'This backup belongs to another county ({{county}}) and cannot be restored here.',
  'backup.newerVersion': 'This backup was made by a newer version of CreditDesk; update the app first.',

  'fieldCrypto.malformed': 'The encrypted value is malformed.',
  'fieldCrypto.unsupportedVersion':
    'The encrypted value has a version this app does not support; update the app.',
  'fieldCrypto.tampered':
    'The encrypted value was changed or belongs to another record; it cannot be decrypted.',
  'fieldCrypto.wrongPassword': 'Wrong password: the data key of this device cannot be unlocked.',

  'security.role.clerk': 'Clerk',
  'security.role.inspector': 'Inspector',
  'security.role.reviewer': 'Reviewer',
  'security.role.countyAdmin': 'County administrator',
  'security.role.auditor': 'Auditor',

  'security.action.subject.read': 'View subjects',
  'security.action.subject.create': 'Add subjects',
  'security.action.subject.update': 'Edit subjects',
  'security.action.record.read': 'View credit records',
  'security.action.record.create': 'Create credit records',
  'security.action.record.editDraft': 'Edit credit record drafts',
  'security.action.record.submit': 'Submit credit records for review',
  'security.action.record.approve': 'Approve credit records',
  'security.action.record.revoke': 'Revoke credit records',
  'security.action.disclosure.read': 'View licence and penalty disclosures',
  'security.action.disclosure.create': 'Create disclosures',
  'security.action.disclosure.editDraft': 'Edit disclosure drafts',
  'security.action.disclosure.submit': 'Submit disclosures for review',
  'security.action.disclosure.approve': 'Approve disclosures',
  'security.action.disclosure.revoke': 'Revoke disclosures',
  'security.action.commitment.read': 'View credit commitments',
  'security.action.commitment.create': 'Register credit commitments',
  'security.action.commitment.update': 'Edit credit commitments',
  'security.action.commitment.recordFulfilment': 'Record commitment fulfilment',
  'security.action.inspection.read': 'View inspections',
  'security.action.inspection.plan': 'Plan inspections',
  'security.action.inspection.conflict': 'Declare conflicts of interest',
  'security.action.inspection.record': 'Record inspection results',
  'security.action.list.read': 'View grades and lists',
  'security.action.list.propose': 'Propose grade and list changes',
  'security.action.list.approve': 'Approve grade and list changes',
  'security.action.case.read': 'View repairs and objections',
  'security.action.case.register': 'Register repair and objection applications',
  'security.action.case.decide': 'Decide repairs and objections',
  'security.action.report.print': 'Print credit reports',
  'security.action.verification.query': 'Credit verification queries',
  'security.action.export.spreadsheet': 'Export spreadsheets',
  'security.action.export.publication': 'Export publication data',
  'security.action.personalData.reveal': 'Reveal personal data',
  'security.action.user.manage': 'Manage users',
  'security.action.device.manage': 'Manage devices',
  'security.action.settings.manage': 'Manage settings',
  'security.action.catalog.manage': 'Manage the credit information catalog',
  'security.action.template.manage': 'Manage templates',
  'security.action.audit.read': 'Read the audit trail',
  'security.action.audit.export': 'Export the audit trail',
  'security.action.backup.export': 'Export backups',
  'security.action.backup.restore': 'Restore backups',
  'security.action.sync.run': 'Synchronize',

  'security.auditAction.create': 'Created',
  'security.auditAction.update': 'Changed',
  'security.auditAction.statusChange': 'Status changed',
  'security.auditAction.approve': 'Approved',
  'security.auditAction.reject': 'Returned',
  'security.auditAction.revoke': 'Revoked',
  'security.auditAction.export': 'Exported',
  'security.auditAction.printReport': 'Printed a report',
  'security.auditAction.verificationQuery': 'Verification query',
  'security.auditAction.revealPersonalData': 'Revealed personal data',
  'security.auditAction.signIn': 'Signed in',
  'security.auditAction.signInFailed': 'Failed sign-in',
  'security.auditAction.signOut': 'Signed out',
  'security.auditAction.accountLocked': 'Account locked',
  'security.auditAction.passwordChange': 'Password changed',
  'security.auditAction.backupExport': 'Backup exported',
  'security.auditAction.backupRestore': 'Backup restored',
  'security.auditAction.auditExport': 'Audit trail exported',

  'security.personalData.idNumber': 'ID number',
  'security.personalData.phone': 'Phone number',
  'security.personalData.address': 'Address',

  'security.userStatus.active': 'Active',
  'security.userStatus.disabled': 'Disabled',
};

export const securityMessages = { 'zh-CN': zhCN, en } as const;
