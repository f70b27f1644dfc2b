import { Alert, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services.ts';
import { problemMessage } from './format.ts';
import { useSync } from './syncContext.ts';

/** Platform address + one-time code → this device is enrolled with its county on the platform. */
export function EnrollmentForm({ initialUrl = '' }: { initialUrl?: string }) {
  const { t, i18n } = useTranslation();
  const sync = useSync();
  const { office } = useServices();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({ initialValues: { platformUrl: initialUrl, code: '' } });

  const submit = form.onSubmit(async ({ platformUrl, code }) => {
    setBusy(true);
    setError(null);
    try {
      const outcome = await sync.enroll(platformUrl, code);
      if (outcome.ok) return;
      if (outcome.reason === 'invalidUrl') setError(t('sync.enroll.invalidUrl'));
      else if (outcome.reason === 'platformNotAllowed')
        setError(t(outcome.restarting ? 'sync.enroll.restarting' : 'sync.enroll.platformDeclined'));
      else if (outcome.reason === 'wrongCounty') {
        const name = outcome.county.name[i18n.language === 'zh-CN' ? 'zh-CN' : 'en'];
        setError(
          t('sync.enroll.wrongCounty', { county: name, code: outcome.county.code, office: office.county }),
        );
      } else setError(problemMessage(t, outcome.problem));
    } finally {
      setBusy(false);
    }
  });

  return (
    <Paper withBorder p="lg" maw={560}>
      <form onSubmit={submit}>
        <Stack>
          <Title order={3}>{t('sync.enroll.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('sync.enroll.intro')}
          </Text>
          <TextInput
            label={t('sync.enroll.platformUrl')}
            placeholder={t('sync.enroll.platformUrlPlaceholder')}
            required
            {...form.getInputProps('platformUrl')}
          />
          <TextInput
            label={t('sync.enroll.code')}
            description={t('sync.enroll.codeHint')}
            required
            autoComplete="off"
            {...form.getInputProps('code')}
          />
          {error && (
            <Alert color="red" role="alert" data-testid="enroll-error">
              {error}
            </Alert>
          )}
          <Button type="submit" loading={busy}>
            {t('sync.enroll.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
