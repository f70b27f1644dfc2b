import { useEffect, useSyncExternalStore } from 'react';
import type { Observable } from 'rxjs';
import { type Action, can } from '../../../shared/base/security/permissions.ts';
import { useCoreServices } from '../services.ts';
import type { AuthService, AuthState } from './auth.ts';
import { IdleLock } from './idleLock.ts';
import type { SignedInSession } from './session.ts';

/** The sign-in state, re-rendering on every change. */
export function useAuthState(auth: AuthService): AuthState {
  return useSyncExternalStore(
    (notify) => {
      const subscription = auth.state$.subscribe(notify);
      return () => subscription.unsubscribe();
    },
    () => auth.state,
  );
}

/** The signed-in user inside the workspace. */
export function useSession(): SignedInSession {
  const state = useAuthState(useCoreServices().auth);
  if (state.status === 'signedOut') throw new Error('useSession while signed out');
  return state.session;
}

/** Whether the signed-in user may perform the action (the repositories check again). */
export function useCan(action: Action): boolean {
  return can(useSession().roles, action);
}

const activityEvents = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

/** Locks the session after the configured idle time while `active`; pointer and keyboard count as use. */
export function useIdleLock(auth: AuthService, minutes$: Observable<number>, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const idle = new IdleLock({ timeoutMinutes: 10, onIdle: () => void auth.lock('idleLock') });
    const subscription = minutes$.subscribe((minutes) => idle.setTimeoutMinutes(minutes));
    const onActivity = () => idle.activity();
    for (const event of activityEvents) window.addEventListener(event, onActivity, { passive: true });
    idle.start();
    return () => {
      idle.stop();
      subscription.unsubscribe();
      for (const event of activityEvents) window.removeEventListener(event, onActivity);
    };
  }, [auth, minutes$, active]);
}
