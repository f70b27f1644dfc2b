import { Alert, Button, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openWorkspace } from '../app/bootstrap.ts';
import type { AppServices } from '../app/services.ts';
import type { CoreServices } from '../kernel/services.ts';
import { useAuthState, useIdleLock } from '../kernel/security/hooks.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { SignInPage } from './SignInPage.tsx';

/**
 * Shows the workspace only to a signed-in user: otherwise the sign-in page, the lock screen, or the
 * forced password change. The workspace (repositories over personal data) opens at the first sign-in
 * and stays open across locks and user switches; the idle lock runs while someone is signed in.
 */
export function AuthGate({
  core,
  children,
}: {
  core: CoreServices;
  children: (services: AppServices) => ReactNode;
}) {
  const { t } = useTranslation();
  const state = useAuthState(core.auth);
  const [workspace, setWorkspace] = useState<AppServices | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  const opening = useRef<Promise<AppServices> | null>(null);
  const lastUser = useRef<string | null>(null);
  const active = state.status === 'signedIn' || state.status === 'mustChangePassword';
  useIdleLock(core.auth, core.idleLock.minutes$, active);

  // Another user starts from the home screen, not on the previous user's page.
  const signedInUser = state.status === 'signedIn' ? state.session.userId : null;
  useEffect(() => {
    if (!signedInUser) return;
    if (lastUser.current !== null && lastUser.current !== signedInUser) window.location.hash = '#/';
    lastUser.current = signedInUser;
  }, [signedInUser]);

  useEffect(() => {
    if (state.status !== 'signedIn' || opening.current) return;
    opening.current = openWorkspace(core);
    opening.current.then(setWorkspace, (error: unknown) =>
      setFailure(error instanceof Error ? error : new Error(String(error))),
    );
  }, [core, state.status]);

  switch (state.status) {
    case 'signedOut':
      return <SignInPage core={core} />;
    case 'locked':
      return <SignInPage core={core} locked={state.session} lockCause={state.cause} />;
    case 'mustChangePassword':
      return (
        <Center mih="100vh" p="md">
          <Paper withBorder p="xl" w={460}>
            <Stack>
              <Title order={3}>{t('password.mustChangeTitle')}</Title>
              <Text size="sm">{t('password.mustChangeIntro', { name: state.session.userName })}</Text>
              <ChangePasswordForm
                auth={core.auth}
                username={state.session.username}
                askCurrent={false}
                onDone={() => undefined}
                onCancel={() => void core.auth.signOut()}
              />
            </Stack>
          </Paper>
        </Center>
      );
    case 'signedIn':
      if (failure) {
        return (
          <Center mih="100vh" p="md">
            <Alert color="red" title={t('error.databaseTitle')} role="alert" maw={560}>
              <Stack>
                <Text size="xs" ff="monospace">
                  {failure.message}
                </Text>
                <Button onClick={() => window.location.reload()}>{t('error.reload')}</Button>
              </Stack>
            </Alert>
          </Center>
        );
      }
      if (!workspace) {
        return (
          <Center mih="100vh">
            <Loader />
          </Center>
        );
      }
      return children(workspace);
  }
}
