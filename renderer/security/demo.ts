import type { Role } from '../../shared/security/permissions.ts';

/**
 * Demo mode (`npm start`): one user per main role, all with the same documented password, shown on the
 * sign-in screen only when the shell says it runs the demo (appInfo.demo).
 */
export const demoPassword = 'CreditDesk-2026';

export const demoUsers: readonly { username: string; displayName: string; roles: Role[] }[] = [
  { username: 'admin', displayName: '演示管理员', roles: ['countyAdmin'] },
  { username: 'clerk', displayName: '演示录入员', roles: ['clerk'] },
  { username: 'reviewer', displayName: '演示审核员', roles: ['reviewer'] },
  { username: 'auditor', displayName: '演示审计员', roles: ['auditor'] },
];
