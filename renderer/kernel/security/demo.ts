import type { Role } from '../../../shared/base/security/permissions.ts';
import { verifyPassword } from '../../../shared/base/security/password.ts';
import type { CoreServices } from '../services.ts';
import type { UserDocument } from '../../../shared/base/user.ts';
import { type SignedInSession, sessionOf } from './session.ts';
import { UserRepository } from './users.ts';

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
  { username: 'inspector', displayName: '演示检查员甲', roles: ['inspector'] },
  { username: 'inspector2', displayName: '演示检查员乙', roles: ['inspector'] },
];

/** The demo administrator, then the other demo users created by her: a demo county's first profile. */
export async function createDemoUsers(core: CoreServices): Promise<void> {
  const [admin, ...others] = demoUsers;
  const created = await core.users.createFirstAdministrator(core.office.county, {
    username: admin!.username,
    displayName: admin!.displayName,
    password: demoPassword,
  });
  if (!created.ok) throw new Error(`Demo administrator refused: ${created.issues[0]?.code}`);
  const asAdmin = new UserRepository(
    core.db.users,
    { ...core.context, session: () => sessionOf(created.value) },
    { vault: core.vault, local: core.local },
  );
  for (const user of others) {
    const result = await asAdmin.create({ ...user, password: demoPassword }, { mustChangePassword: false });
    if (!result.ok) throw new Error(`Demo user ${user.username} refused: ${result.issues[0]?.code}`);
  }
}

/**
 * A profile that joined the demo county with its users pulled from the platform: where the data key is
 * wrapped per user (weak secret store), it is wrapped now for every demo account that still has the demo
 * password, so each of them can sign in here, first or later, as the sign-in screen's hint says.
 * Otherwise only the first to sign in would be given the key, and the others refused after a restart.
 */
export async function grantDataKeyToDemoUsers(core: Pick<CoreServices, 'users' | 'vault'>): Promise<void> {
  if (!core.vault.perUserPasswords || !core.vault.unlocked) return;
  for (const { username } of demoUsers) {
    const user = await core.users.findByUsername(username);
    if (user?.status !== 'active' || !(await verifyPassword(demoPassword, user.passwordVerifier))) continue;
    await core.vault.grant(user.id, demoPassword, user.passwordVerifier);
  }
}

/**
 * Runs demo seeding work as a demo user (found by id): the repositories act for her session meanwhile
 * (`actAs`), then for whoever is signed in again.
 */
export function demoActor(
  people: readonly UserDocument[],
  actAs: (session: SignedInSession | null) => void,
): <T>(userId: string, work: () => Promise<T>) => Promise<T> {
  return async (userId, work) => {
    const user = people.find((candidate) => candidate.id === userId);
    if (!user) throw new Error(`Demo has no user ${userId}`);
    actAs(sessionOf(user));
    try {
      return await work();
    } finally {
      actAs(null);
    }
  };
}
