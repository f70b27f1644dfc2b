import { Alert, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { checkPasswordStrength } from '../../shared/base/security/password.ts';
import type { AuthService } from '../kernel/security/auth.ts';
import { FormActions } from '../kernel/ui/FormActions.tsx';
import { issueMessage } from '../subjects/labels.ts';

interface Values {
  current: string;
  password: string;
  confirm: string;
}

/**
 * The signed-in user's new password. After a reset (`askCurrent` false) she has just proved who she is;
 * at will, her current password is asked again.
 */
export function ChangePasswordForm({
  auth,
  username,
  askCurrent,
  onDone,
  onCancel,
}: {
  auth: AuthService;
  username: string;
  askCurrent: boolean;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { current: '', password: '', confirm: '' },
    validate: {
      password: (value) => {
        const [first] = checkPasswordStrength(value, { username });
        return first ? issueMessage(t, first) : null;
      },
      confirm: (value, values) => (value === values.password ? null : t('validation.password.mismatch')),
    },
  });

  const submit = form.onSubmit(async (values) => {
    const result = await auth.changePassword(values.password, askCurrent ? values.current : undefined);
    if (result.ok) {
      onDone();
      return;
    }
    const errors: Record<string, string> = {};
    for (const item of result.issues) {
      const field = item.field === 'currentPassword' ? 'current' : 'password';
      errors[field] ??= issueMessage(t, item);
    }
    form.setErrors(errors);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('password.rules')}
        </Text>
        {askCurrent && (
          <PasswordInput
            label={t('password.current')}
            autoComplete="current-password"
            {...form.getInputProps('current')}
          />
        )}
        <PasswordInput
          label={t('password.new')}
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <PasswordInput
          label={t('password.confirm')}
          autoComplete="new-password"
          {...form.getInputProps('confirm')}
        />
        {form.errors.form && <Alert color="red">{form.errors.form}</Alert>}
        <FormActions onCancel={onCancel} label={t('password.submit')} loading={form.submitting} />
      </Stack>
    </form>
  );
}
