import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import {
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  PasswordInput,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkPasswordStrength } from '../../shared/base/security/password.ts';
import { useServices } from '../app/services.ts';
import { type BackupProblem, openBackupPayload } from '../kernel/security/backupService.ts';
import { useCan, useSession } from '../kernel/security/hooks.ts';
import { FormActions } from '../kernel/ui/FormActions.tsx';
import { issueMessage } from '../subjects/labels.ts';
import { BackupFilePicker, backupProblemMessage, type PickedBackup } from './BackupFilePicker.tsx';

/** Settings → Backup: an encrypted export of the whole local database, and restoring one here. */
export function BackupSection() {
  const { t } = useTranslation();
  const mayExport = useCan('backup.export');
  const mayRestore = useCan('backup.restore');
  if (!mayExport && !mayRestore) return null;
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Title order={4}>{t('backups.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('backups.intro')}
        </Text>
        {mayExport && <ExportBackup />}
        {mayRestore && <RestoreBackup />}
      </Stack>
    </Paper>
  );
}

function ExportBackup() {
  const { t } = useTranslation();
  const { backup } = useServices();
  const session = useSession();
  const form = useForm({
    mode: 'controlled',
    initialValues: { password: '', confirm: '', reason: '' },
    validate: {
      password: (value: string) => {
        const [first] = checkPasswordStrength(value, { username: session.username });
        return first ? issueMessage(t, first) : null;
      },
      confirm: (value: string, values) =>
        value === values.password ? null : t('validation.password.mismatch'),
      reason: (value: string) => (value.trim() === '' ? t('validation.auditEntry.reasonRequired') : null),
    },
  });
  const submit = form.onSubmit(async (values) => {
    const result = await backup.export(session, values.password, values.reason);
    if (!result.ok) {
      form.setErrors(Object.fromEntries(result.issues.map((item) => [item.field, issueMessage(t, item)])));
      return;
    }
    if (result.saved) {
      notifications.show({ color: 'teal', message: t('backups.exported') });
      form.reset();
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Text fw={500}>{t('backups.export')}</Text>
        <Group grow align="start">
          <PasswordInput
            label={t('backups.password')}
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <PasswordInput
            label={t('backups.passwordConfirm')}
            autoComplete="new-password"
            {...form.getInputProps('confirm')}
          />
        </Group>
        <Textarea label={t('backups.reason')} autosize minRows={1} {...form.getInputProps('reason')} />
        <Text size="xs" c="dimmed">
          {t('backups.passwordNote')}
        </Text>
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            {t('backups.exportSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RestoreBackup() {
  const { t } = useTranslation();
  const { backup, bridge, office, clock } = useServices();
  const session = useSession();
  const [picked, setPicked] = useState<PickedBackup | null>(null);
  const [password, setPassword] = useState('');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const otherCounty = picked !== null && picked.origin.county !== office.county;

  const restore = async () => {
    if (!picked) return;
    setConfirming(false);
    setBusy(true);
    setProblem(null);
    try {
      const opened = await openBackupPayload(picked.bytes, password, office.county, chinaDateOf(clock()));
      if (!opened.ok) return setProblem(backupProblemMessage(t, opened.error));
      const result = await backup.restore(session, opened, reason);
      if (!result.ok) {
        return setProblem(
          'error' in result
            ? backupProblemMessage(t, result.error as BackupProblem)
            : issueMessage(t, result.issues[0]!),
        );
      }
      const written = Object.values(result.summary.written).reduce((sum, n) => sum + n, 0);
      notifications.show({ color: 'teal', message: t('backups.restored', { count: written }) });
      setPicked(null);
      setPassword('');
      setReason('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="xs">
      <Text fw={500}>{t('backups.restore')}</Text>
      <BackupFilePicker
        bridge={bridge}
        picked={picked}
        onPicked={(backup) => {
          // A problem of the file picked before does not belong to this one.
          setProblem(null);
          setPicked(backup);
        }}
      />
      {otherCounty && (
        <Alert color="red" role="alert">
          {t('backup.otherCounty', { county: picked.origin.county })}
        </Alert>
      )}
      {picked && !otherCounty && (
        <>
          <PasswordInput
            label={t('backups.password')}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <Textarea
            label={t('backups.reason')}
            autosize
            minRows={1}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button
              color="orange"
              loading={busy}
              disabled={password === '' || reason.trim() === ''}
              onClick={() => setConfirming(true)}
            >
              {t('backups.restoreSubmit')}
            </Button>
          </Group>
        </>
      )}
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('backups.confirmTitle')}>
        <Stack>
          <Text size="sm">{t('backups.confirmBody')}</Text>
          <FormActions
            onCancel={() => setConfirming(false)}
            onConfirm={restore}
            label={t('backups.restoreSubmit')}
            color="orange"
          />
        </Stack>
      </Modal>
    </Stack>
  );
}
