import {
  Alert,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlatformBridge } from '../../shared/base/platform/bridge.ts';
import { type Opened, restoreIntoFreshProfile } from '../app/bootstrap.ts';
import type { CoreServices } from '../kernel/services.ts';
import { issueMessage } from '../subjects/labels.ts';
import { BackupFilePicker, backupProblemMessage, type PickedBackup } from './BackupFilePicker.tsx';

/** First start from a backup: the backup's administrator restores it and is signed in. */
export function FreshRestorePage({
  bridge,
  opened,
  onRestored,
  onCancel,
}: {
  bridge: PlatformBridge;
  opened: Opened;
  onRestored: (core: CoreServices) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [picked, setPicked] = useState<PickedBackup | null>(null);
  const [values, setValues] = useState({ backupPassword: '', username: '', password: '', reason: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (name: keyof typeof values) => ({
    value: values[name],
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setValues((current) => ({ ...current, [name]: value }));
    },
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!picked) return;
    setBusy(true);
    setProblem(null);
    try {
      const result = await restoreIntoFreshProfile(bridge, opened, { bytes: picked.bytes, ...values });
      if (result.ok) return onRestored(result.core);
      setProblem(
        'error' in result ? backupProblemMessage(t, result.error) : issueMessage(t, result.issues[0]!),
      );
    } finally {
      setBusy(false);
    }
  };

  const complete = picked && Object.values(values).every((value) => value.trim() !== '');
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" w={520} component="form" onSubmit={submit}>
        <Stack>
          <Title order={3}>{t('backups.freshTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('backups.freshIntro')}
          </Text>
          <BackupFilePicker bridge={bridge} picked={picked} onPicked={setPicked} />
          {picked && (
            <>
              <PasswordInput label={t('backups.password')} {...field('backupPassword')} />
              <TextInput label={t('backups.adminUsername')} autoComplete="username" {...field('username')} />
              <PasswordInput
                label={t('backups.adminPassword')}
                autoComplete="current-password"
                {...field('password')}
              />
              <Textarea label={t('backups.reason')} autosize minRows={1} {...field('reason')} />
            </>
          )}
          {problem && (
            <Alert color="red" role="alert">
              {problem}
            </Alert>
          )}
          <Group justify="space-between">
            <Button variant="default" onClick={onCancel}>
              {t('common.back')}
            </Button>
            <Button type="submit" loading={busy} disabled={!complete}>
              {t('backups.restoreSubmit')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Center>
  );
}
