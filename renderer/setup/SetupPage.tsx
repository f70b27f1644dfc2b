import {
  Anchor,
  Button,
  Center,
  Divider,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { normalizeUsername, validateUserInput } from '../../shared/base/user.ts';
import type { ValidationIssue } from '../../shared/base/validation.ts';
import { checkPasswordStrength } from '../../shared/base/security/password.ts';
import type { OfficeSettings } from '../kernel/services.ts';
import { issueMessage } from '../subjects/labels.ts';

export interface SetupValues {
  office: OfficeSettings;
  administrator: { username: string; displayName: string; password: string };
}

interface FormValues {
  officeName: string;
  county: string;
  username: string;
  displayName: string;
  password: string;
  confirm: string;
}

/** The office fields' rules, shared by the first computer's setup and a further computer's enrollment. */
export function officeValidators(t: TFunction) {
  return {
    officeName: (value: string) =>
      value.trim() === ''
        ? t('validation.required')
        : value.length > 100
          ? t('validation.tooLong', { max: 100 })
          : null,
    county: (value: string) => (/^\d{6}$/.test(value.trim()) ? null : t('validation.divisionCode')),
  };
}

/** Well-formed stand-in for the check of the user's shape; the real verifier is made on save. */
const anyVerifier = `$argon2id$v=19$m=8,t=1,p=1$${'A'.repeat(22)}$${'A'.repeat(43)}`;

/**
 * First start: which office and county this computer works for, and its first county administrator
 * (strong password). With `office` known (set up before users existed) only the administrator is asked.
 */
export function SetupPage({
  office,
  onSubmit,
  onRestore,
  onJoin,
}: {
  office?: OfficeSettings;
  /** Saves; returns the rules the database refused, if any. */
  onSubmit: (values: SetupValues) => Promise<ValidationIssue[]>;
  /** Starts from a backup instead (fresh profiles only). */
  onRestore?: () => void;
  /** Enrolls this computer in a county that already has users instead (fresh profiles only). */
  onJoin?: () => void;
}) {
  const { t } = useTranslation();
  const userIssue = (values: FormValues, field: string): string | null => {
    const checked = validateUserInput({
      username: values.username,
      displayName: values.displayName,
      roles: ['countyAdmin'],
      status: 'active',
      passwordVerifier: anyVerifier,
      mustChangePassword: false,
    });
    const found = checked.ok ? undefined : checked.issues.find((item) => item.field === field);
    return found ? issueMessage(t, found) : null;
  };
  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: {
      officeName: office?.officeName ?? '',
      county: office?.county ?? '',
      username: '',
      displayName: '',
      password: '',
      confirm: '',
    },
    validate: {
      ...officeValidators(t),
      username: (_, values) => userIssue(values, 'username'),
      displayName: (_, values) => userIssue(values, 'displayName'),
      password: (value, values) => {
        const [first] = checkPasswordStrength(value, { username: normalizeUsername(values.username) });
        return first ? issueMessage(t, first) : null;
      },
      confirm: (value, values) => (value === values.password ? null : t('validation.password.mismatch')),
    },
  });

  const submit = form.onSubmit(async (values) => {
    const issues = await onSubmit({
      office: { officeName: values.officeName.trim(), county: values.county.trim() },
      administrator: {
        username: values.username,
        displayName: values.displayName,
        password: values.password,
      },
    });
    const errors: Record<string, string> = {};
    for (const item of issues) errors[item.field] ??= issueMessage(t, item);
    form.setErrors(errors);
  });

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" w={520} component="form" onSubmit={submit} noValidate>
        <Stack>
          <Title order={3}>{office ? t('setup.administratorOnlyTitle') : t('setup.title')}</Title>
          <Text size="sm" c="dimmed">
            {office ? office.officeName : t('setup.intro')}
          </Text>
          {!office && (
            <>
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
              <Divider label={t('setup.administrator')} labelPosition="left" />
            </>
          )}
          <Text size="sm" c="dimmed">
            {t('setup.administratorIntro')}
          </Text>
          <TextInput label={t('setup.userName')} withAsterisk {...form.getInputProps('displayName')} />
          <TextInput
            label={t('setup.username')}
            description={t('setup.usernameHint')}
            autoComplete="username"
            withAsterisk
            {...form.getInputProps('username')}
          />
          <PasswordInput
            label={t('setup.password')}
            description={t('password.rules')}
            autoComplete="new-password"
            withAsterisk
            {...form.getInputProps('password')}
          />
          <PasswordInput
            label={t('setup.passwordConfirm')}
            autoComplete="new-password"
            withAsterisk
            {...form.getInputProps('confirm')}
          />
          <Button type="submit" loading={form.submitting}>
            {t('setup.submit')}
          </Button>
          {onJoin && (
            <Anchor component="button" type="button" size="sm" onClick={onJoin}>
              {t('setup.join')}
            </Anchor>
          )}
          {onRestore && (
            <Anchor component="button" type="button" size="sm" onClick={onRestore}>
              {t('setup.restore')}
            </Anchor>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
