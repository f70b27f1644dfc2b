import { Alert, Button, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Action } from '../../../shared/base/security/permissions.ts';
import { useCan } from '../security/hooks.ts';

/** An address that leads to no page: said plainly, with the way back. */
export function NotFoundPage() {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Alert color="yellow" title={t('page.notFoundTitle')} data-testid="not-found" maw={640}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('page.notFoundBody', { path: location.pathname })}</Text>
        <Button component={Link} to="/dashboard" variant="light">
          {t('page.toDashboard')}
        </Button>
      </Stack>
    </Alert>
  );
}

/** A page the signed-in role may not use: says which action it lacks and offers the way back. */
export function NotAllowed({ action, back = '/dashboard' }: { action: Action; back?: string }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t('page.notAllowedTitle')} role="alert" data-testid="not-allowed" maw={640}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('validation.permission.denied', { action })}</Text>
        <Button component={Link} to={back} variant="light">
          {back === '/dashboard' ? t('page.toDashboard') : t('page.goBack')}
        </Button>
      </Stack>
    </Alert>
  );
}

/** Shows the page only to roles allowed the action; others see why not and the way back. */
export function RequireAction({
  action,
  back,
  children,
}: {
  action: Action;
  back?: string;
  children: ReactNode;
}) {
  const allowed = useCan(action);
  return allowed ? children : <NotAllowed action={action} back={back} />;
}
