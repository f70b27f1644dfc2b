import { Button, Center, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../../shared/util/uuid.ts';
import type { OfficeSettings } from '../../app/services.ts';

interface SetupValues {
  officeName: string;
  county: string;
  userName: string;
}

/** First start: which office and county this computer works for. */
export function SetupPage({ onDone }: { onDone: (office: OfficeSettings) => Promise<void> }) {
  const { t } = useTranslation();
  const form = useForm<SetupValues>({
    mode: 'controlled',
    initialValues: { officeName: '', county: '', userName: '' },
    validate: {
      officeName: (value) =>
        value.trim() === ''
          ? t('validation.required')
          : value.length > 100
            ? t('validation.tooLong', { max: 100 })
            : null,
      county: (value) => (/^\d{6}$/.test(value.trim()) ? null : t('validation.divisionCode')),
      userName: (value) =>
        value.trim() === ''
          ? t('validation.required')
          : value.length > 50
            ? t('validation.tooLong', { max: 50 })
            : null,
    },
  });
  return (
    <Center mih="100vh" p="md">
      <Paper
        withBorder
        p="xl"
        w={480}
        component="form"
        onSubmit={form.onSubmit((values) =>
          onDone({
            officeName: values.officeName.trim(),
            county: values.county.trim(),
            userName: values.userName.trim(),
            userId: uuidv7(),
          }),
        )}
      >
        <Stack>
          <Title order={3}>{t('setup.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('setup.intro')}
          </Text>
          <TextInput
            label={t('setup.office')}
            placeholder={t('setup.officePlaceholder')}
            withAsterisk
            {...form.getInputProps('officeName')}
          />
          <TextInput
            label={t('setup.county')}
            description={t('subject.hint.division')}
            withAsterisk
            {...form.getInputProps('county')}
          />
          <TextInput label={t('setup.userName')} withAsterisk {...form.getInputProps('userName')} />
          <Button type="submit">{t('setup.submit')}</Button>
        </Stack>
      </Paper>
    </Center>
  );
}
