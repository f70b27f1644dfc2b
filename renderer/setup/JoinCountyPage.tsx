import { Alert, Anchor, Button, Center, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficeSettings } from '../kernel/services.ts';
import { officeValidators } from './SetupPage.tsx';
import type { EnrollmentLinkParts } from '../../shared/sync/enrollmentLink.ts';

export interface JoinValues {
  office: OfficeSettings;
  platformUrl: string;
  code: string;
}

/**
 * First start of a further computer in a county that already uses CreditDesk: enroll it with a code
 * from the county administrator; its people then sign in with their existing accounts.
 */
export function JoinCountyPage({
  onSubmit,
  onCancel,
  link,
}: {
  /** Enrolls and pulls the county's users; returns a message when that failed. */
  onSubmit: (values: JoinValues) => Promise<string | null>;
  onCancel: () => void;
  /** The enrolment link the page was opened with (the platform's tablet page), filling the form in. */
  link?: EnrollmentLinkParts | null;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      officeName: '',
      county: link?.county ?? '',
      platformUrl: link?.platform ?? '',
      code: link?.code ?? '',
    },
    validate: {
      ...officeValidators(t),
      platformUrl: (value) => (value.trim() === '' ? t('validation.required') : null),
      code: (value) => (value.trim() === '' ? t('validation.required') : null),
    },
  });
  const submit = form.onSubmit(async (values) => {
    setError(null);
    const failure = await onSubmit({
      office: { officeName: values.officeName.trim(), county: values.county.trim() },
      platformUrl: values.platformUrl.trim(),
      code: values.code.trim(),
    });
    setError(failure);
  });
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" w={520} component="form" onSubmit={submit} noValidate>
        <Stack>
          <Title order={3}>{t('setup.joinTitle')}</Title>
          <Text size="sm" c="dimmed">
            {t('setup.joinIntro')}
          </Text>
          {link && (
            <Alert color="teal" data-testid="enrollment-link">
              {t('setup.joinFromLink')}
            </Alert>
          )}
          <TextInput label={t('setup.office')} withAsterisk {...form.getInputProps('officeName')} />
          <TextInput
            label={t('setup.county')}
            description={t('subject.hint.division')}
            withAsterisk
            {...form.getInputProps('county')}
          />
          <TextInput
            label={t('sync.enroll.platformUrl')}
            withAsterisk
            {...form.getInputProps('platformUrl')}
          />
          <TextInput
            label={t('sync.enroll.code')}
            autoComplete="off"
            withAsterisk
            {...form.getInputProps('code')}
          />
          {error && (
            <Alert color="red" role="alert" data-testid="join-error">
              {error}
            </Alert>
          )}
          <Button type="submit" loading={form.submitting}>
            {t('setup.joinSubmit')}
          </Button>
          <Anchor component="button" type="button" size="sm" onClick={onCancel}>
            {t('common.back')}
          </Anchor>
        </Stack>
      </Paper>
    </Center>
  );
}
