import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import type { PlatformBridge } from '../../shared/base/platform/bridge.ts';
import { FreshRestorePage } from '../backup/FreshRestorePage.tsx';
import { type JoinValues, JoinCountyPage } from '../setup/JoinCountyPage.tsx';
import { type SetupValues, SetupPage } from '../setup/SetupPage.tsx';
import { problemMessage } from '../syncing/format.ts';
import { enrollmentFromQuery, withoutEnrollment } from '../../shared/sync/enrollmentLink.ts';
import { AuthGate } from '../signin/AuthGate.tsx';
import { AppLayout } from './AppLayout.tsx';
import { NotFoundPage, RequireAction } from '../kernel/ui/PageNotices.tsx';
import { SyncContext } from '../syncing/syncContext.ts';
import { appRoutes } from './areas.tsx';
import { joinCounty, type Opened, openCore } from './bootstrap.ts';
import { type CoreServices, ServicesContext } from '../kernel/services.ts';

type State =
  | { phase: 'setup' }
  | { phase: 'restore' }
  | { phase: 'join' }
  | { phase: 'opening' }
  /** Office known but no user yet (set up before users existed): the first administrator is asked. */
  | { phase: 'firstAdministrator'; core: CoreServices }
  | { phase: 'ready'; core: CoreServices }
  | { phase: 'failed'; error: Error };

export function App({ bridge, opened }: { bridge: PlatformBridge; opened: Opened }) {
  const { t, i18n } = useTranslation();
  const office = opened.office;
  // A tablet opened from the platform's enrolment link joins the county with the form filled in.
  const [link] = useState(() => (office ? null : enrollmentFromQuery(window.location.search)));
  const [state, setState] = useState<State>(
    office ? { phase: 'opening' } : link ? { phase: 'join' } : { phase: 'setup' },
  );
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt (Retry) opens the database again
  useEffect(() => {
    if (!office) return;
    let current = true;
    setState({ phase: 'opening' });
    openCore(bridge, { ...opened, office })
      .then(async (core) => {
        const phase = (await core.users.count()) === 0 ? 'firstAdministrator' : 'ready';
        if (current) setState({ phase, core });
      })
      .catch((error: unknown) => current && setState({ phase: 'failed', error: asError(error) }));
    return () => {
      current = false;
    };
  }, [bridge, opened, office, attempt]);

  /** Creates the first administrator and signs her in. */
  const setUp = async (core: CoreServices, values: SetupValues) => {
    const created = await core.users.createFirstAdministrator(values.office.county, values.administrator);
    if (!created.ok) return created.issues;
    await opened.local.setSetting('office', values.office);
    const signedIn = await core.auth.signIn(values.administrator.username, values.administrator.password);
    if (!signedIn.ok) return [signedIn.issue];
    setState({ phase: 'ready', core });
    return [];
  };

  /** Enrolls a further computer of the county and pulls its users; a message when that failed. */
  const join = async (values: JoinValues): Promise<string | null> => {
    const core = await openCore(bridge, { ...opened, office: values.office });
    const outcome = await joinCounty(core, values);
    if (outcome.ok) {
      await opened.local.setSetting('office', values.office);
      // The one-time code is used: it leaves the address bar.
      const { pathname, search, hash } = window.location;
      if (link) window.history.replaceState(null, '', `${pathname}${withoutEnrollment(search)}${hash}`);
      setState({ phase: 'ready', core });
      return null;
    }
    switch (outcome.reason) {
      case 'invalidUrl':
        return t('sync.enroll.invalidUrl');
      case 'platformNotAllowed':
        return t(outcome.restarting ? 'sync.enroll.restarting' : 'sync.enroll.platformDeclined');
      case 'noUsers':
        return t('setup.joinNoUsers');
      case 'wrongCounty':
        return t('sync.enroll.wrongCounty', {
          county: outcome.county.name[i18n.language === 'zh-CN' ? 'zh-CN' : 'en'],
          code: outcome.county.code,
          office: values.office.county,
        });
      case 'platform':
        return problemMessage(t, outcome.problem);
    }
  };

  switch (state.phase) {
    case 'setup':
      return (
        <SetupPage
          onSubmit={async (values) =>
            setUp(await openCore(bridge, { ...opened, office: values.office }), values)
          }
          onRestore={() => setState({ phase: 'restore' })}
          onJoin={() => setState({ phase: 'join' })}
        />
      );
    case 'join':
      return <JoinCountyPage onSubmit={join} onCancel={() => setState({ phase: 'setup' })} link={link} />;
    case 'restore':
      return (
        <FreshRestorePage
          bridge={bridge}
          opened={opened}
          onRestored={(core) => setState({ phase: 'ready', core })}
          onCancel={() => setState({ phase: 'setup' })}
        />
      );
    case 'firstAdministrator':
      return <SetupPage office={state.core.office} onSubmit={(values) => setUp(state.core, values)} />;
    case 'opening':
      return (
        <Center mih="100vh">
          <Stack align="center">
            <Loader />
            <Text c="dimmed">{t('app.loading')}</Text>
          </Stack>
        </Center>
      );
    case 'failed':
      return (
        <Center mih="100vh" p="md">
          <Alert color="red" title={t('error.databaseTitle')} role="alert" maw={560}>
            <Stack>
              <Text>{t('error.databaseBody')}</Text>
              <Text size="xs" ff="monospace">
                {state.error.message}
              </Text>
              <Button onClick={() => setAttempt((n) => n + 1)}>{t('common.retry')}</Button>
            </Stack>
          </Alert>
        </Center>
      );
    case 'ready':
      return (
        <AuthGate core={state.core}>
          {(services) => (
            <ServicesContext.Provider value={services}>
              <SyncContext.Provider value={services.sync}>
                <HashRouter>
                  <AppLayout>
                    <Routes>
                      <Route path="/" element={<Navigate to="/dashboard" replace />} />
                      {appRoutes.map(({ path, element, action, back }) => (
                        <Route
                          key={path}
                          path={path}
                          element={
                            action ? (
                              <RequireAction action={action} back={back}>
                                {element}
                              </RequireAction>
                            ) : (
                              element
                            )
                          }
                        />
                      ))}
                      <Route path="*" element={<NotFoundPage />} />
                    </Routes>
                  </AppLayout>
                </HashRouter>
              </SyncContext.Provider>
            </ServicesContext.Provider>
          )}
        </AuthGate>
      );
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
