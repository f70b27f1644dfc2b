import { AppShell, Burger, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { can } from '../../shared/base/security/permissions.ts';
import { navigationAreas } from './areas.tsx';
import { useServices } from './services.ts';
import { UserMenu } from '../signin/UserMenu.tsx';
import { useSession } from '../kernel/security/hooks.ts';
import { ErrorBoundary } from '../kernel/ui/ErrorBoundary.tsx';
import { UnexpectedErrors } from '../kernel/ui/UnexpectedErrors.tsx';
import { UnfinishedWrites } from './UnfinishedWrites.tsx';
import { SyncIndicator } from '../syncing/SyncIndicator.tsx';
import { VerificationSpotlight } from '../verification/VerificationSpotlight.tsx';

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [opened, { toggle }] = useDisclosure();
  const location = useLocation();
  const { office } = useServices();
  const { roles } = useSession();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" />
            <Title order={4}>{t('app.name')}</Title>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {office.officeName}
            </Text>
          </Group>
          <Group gap="sm">
            <VerificationSpotlight />
            <SyncIndicator />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('app.name')}>
        {navigationAreas
          .filter((area) => !area.action || can(roles, area.action))
          .map(({ path, label, icon: Icon }) => (
            <NavLink
              key={path}
              component={RouterLink}
              to={path}
              label={t(label)}
              leftSection={<Icon size={18} stroke={1.6} />}
              active={location.pathname.startsWith(path)}
            />
          ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <UnexpectedErrors />
        <UnfinishedWrites />
        <ErrorBoundary resetKey={location.pathname}>{children}</ErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
