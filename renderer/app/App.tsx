import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HashRouter, Navigate, Route, Routes } from 'react-router';
import type { PlatformBridge } from '../../shared/platform/bridge.ts';
import { SetupPage } from '../features/setup/SetupPage.tsx';
import { AppLayout } from '../ui/AppLayout.tsx';
import { appRoutes } from './areas.tsx';
import { type Opened, openServices } from './bootstrap.ts';
import { type AppServices, type OfficeSettings, ServicesContext } from './services.ts';

type State =
  | { phase: 'setup' }
  | { phase: 'opening' }
  | { phase: 'ready'; services: AppServices }
  | { phase: 'failed'; error: Error };

export function App({ bridge, opened }: { bridge: PlatformBridge; opened: Opened }) {
  const { t } = useTranslation();
  const [office, setOffice] = useState<OfficeSettings | null>(opened.office);
  const [state, setState] = useState<State>(opened.office ? { phase: 'opening' } : { phase: 'setup' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new attempt (Retry) opens the database again
  useEffect(() => {
    if (!office) return;
    let current = true;
    setState({ phase: 'opening' });
    openServices(bridge, { ...opened, office })
      .then((services) => current && setState({ phase: 'ready', services }))
      .catch((error: unknown) => current && setState({ phase: 'failed', error: asError(error) }));
    return () => {
      current = false;
    };
  }, [bridge, opened, office, attempt]);

  switch (state.phase) {
    case 'setup':
      return (
        <SetupPage
          onDone={async (settings) => {
            await opened.local.setSetting('office', settings);
            setOffice(settings);
          }}
        />
      );
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
        <ServicesContext.Provider value={state.services}>
          <HashRouter>
            <AppLayout>
              <Routes>
                <Route path="/" element={<Navigate to="/subjects" replace />} />
                {appRoutes.map((route) => (
                  <Route key={route.path} path={route.path} element={route.element} />
                ))}
                <Route path="*" element={<Navigate to="/subjects" replace />} />
              </Routes>
            </AppLayout>
          </HashRouter>
        </ServicesContext.Provider>
      );
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
