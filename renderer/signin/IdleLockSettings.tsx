import { Button, Group, NumberInput, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idleLockLimits } from '../../shared/base/security/lockout.ts';
import { useServices } from '../app/services.ts';
import { useCan } from '../kernel/security/hooks.ts';
import { issueMessage } from '../subjects/labels.ts';

/** How long this computer waits without input before it locks; administrators change it. */
export function IdleLockSettings() {
  const { t } = useTranslation();
  const { idleLock, context } = useServices();
  const mayChange = useCan('settings.manage');
  const [current, setCurrent] = useState(idleLock.minutes$.value);
  const [value, setValue] = useState<number | string>(current);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const subscription = idleLock.minutes$.subscribe((minutes) => {
      setCurrent(minutes);
      setValue(minutes);
    });
    return () => subscription.unsubscribe();
  }, [idleLock]);

  const save = async () => {
    const problem = await idleLock.change(context, Number(value));
    setError(problem ? issueMessage(t, problem) : null);
    if (!problem)
      notifications.show({ color: 'teal', message: t('idleLock.saved', { minutes: Number(value) }) });
  };

  return (
    <Paper withBorder p="lg" component="section" aria-label={t('idleLock.title')}>
      <Stack gap="xs">
        <Text fw={500}>{t('idleLock.title')}</Text>
        {mayChange ? (
          <Group align="end">
            <NumberInput
              label={t('idleLock.minutes')}
              min={idleLockLimits.minMinutes}
              max={idleLockLimits.maxMinutes}
              allowDecimal={false}
              value={value}
              onChange={setValue}
              error={error}
              w={220}
            />
            <Button onClick={save} disabled={Number(value) === current}>
              {t('common.save')}
            </Button>
          </Group>
        ) : (
          <Text size="sm">{t('idleLock.current', { minutes: current })}</Text>
        )}
      </Stack>
    </Paper>
  );
}
