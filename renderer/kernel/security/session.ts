import type { UserDocument } from '../../../shared/base/user.ts';
import type { Role } from '../../../shared/base/security/permissions.ts';
import type { Session } from '../session/session.ts';

/**
 * The signed-in user as repositories see her: who writes (stamped into createdBy/updatedBy and the audit
 * trail) and with which roles (checked before every write). Comes from the users collection at sign-in.
 */
export interface SignedInSession extends Session {
  username: string;
  roles: readonly Role[];
}

export function sessionOf(user: UserDocument): SignedInSession {
  return {
    userId: user.id,
    userName: user.displayName,
    county: user.county,
    username: user.username,
    roles: [...user.roles],
  };
}
