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
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const { office } = useServices();
  const { roles } = useSession();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'md', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="md"
              size="md"
              w={44}
              h={44}
              aria-label={t('nav.menu')}
            />
            <Title order={4}>{t('app.name')}</Title>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {office.officeName}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
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
              // A finger's height on a tablet, where the navigation opens from the burger.
              mih={{ base: 44, md: 0 }}
              active={location.pathname.startsWith(path)}
              // Below the breakpoint (a tablet) the navigation folds behind the burger once a page is chosen.
              onClick={close}
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
