import {
  Badge,
  Button,
  Checkbox,
  Group,
  Menu,
  Modal,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDots, IconUserPlus } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserDocument } from '../../shared/base/user.ts';
import type { ValidationIssue } from '../../shared/base/validation.ts';
import { type Role, roleLabelKey, roles } from '../../shared/base/security/permissions.ts';
import { useServices } from '../app/services.ts';
import { useSession } from '../kernel/security/hooks.ts';
import { FormActions } from '../kernel/ui/FormActions.tsx';
import { ListTable } from '../kernel/ui/ListTable.tsx';
import { issueMessage } from '../subjects/labels.ts';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: UserDocument }
  | { kind: 'reset'; user: UserDocument }
  | null;

/** County administrators manage the users who sign in on this county's computers. */
export function UsersPage() {
  const { t } = useTranslation();
  const { users } = useServices();
  const session = useSession();
  const [list, setList] = useState<UserDocument[]>([]);
  const [dialog, setDialog] = useState<Dialog>(null);

  useEffect(() => {
    const subscription = users.watchAll().subscribe(setList);
    return () => subscription.unsubscribe();
  }, [users]);

  const toggle = async (user: UserDocument) => {
    const result = await users.setStatus(user.id, user.status === 'active' ? 'disabled' : 'active');
    if (!result.ok) notifications.show({ color: 'red', message: issueMessage(t, result.issues[0]!) });
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('users.title')}</Title>
        <Button leftSection={<IconUserPlus size={16} />} onClick={() => setDialog({ kind: 'create' })}>
          {t('users.create')}
        </Button>
      </Group>
      <ListTable
        striped
        data-testid="user-table"
        columns={[t('users.username'), t('users.displayName'), t('users.roles'), t('users.status'), '']}
      >
        {list.map((user) => (
          <Table.Tr key={user.id}>
            <Table.Td ff="monospace">{user.username}</Table.Td>
            <Table.Td>
              {user.displayName}
              {user.id === session.userId && (
                <Text span c="dimmed" size="sm">
                  {' '}
                  {t('users.you')}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {user.roles.map((role) => (
                  <Badge key={role} variant="light">
                    {t(roleLabelKey(role))}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                <Badge color={user.status === 'active' ? 'teal' : 'gray'} variant="light">
                  {t(`security.userStatus.${user.status}`)}
                </Badge>
                {user.mustChangePassword && (
                  <Badge color="yellow" variant="light">
                    {t('users.mustChangePassword')}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>
              <Menu position="bottom-end">
                <Menu.Target>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    aria-label={t('users.actions', { name: user.username })}
                  >
                    <IconDots size={16} />
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item onClick={() => setDialog({ kind: 'edit', user })}>{t('common.edit')}</Menu.Item>
                  <Menu.Item onClick={() => setDialog({ kind: 'reset', user })}>
                    {t('users.resetPassword')}
                  </Menu.Item>
                  {user.id !== session.userId && (
                    <Menu.Item
                      color={user.status === 'active' ? 'red' : undefined}
                      onClick={() => toggle(user)}
                    >
                      {user.status === 'active' ? t('users.disable') : t('users.enable')}
                    </Menu.Item>
                  )}
                </Menu.Dropdown>
              </Menu>
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={
          dialog?.kind === 'create'
            ? t('users.create')
            : dialog?.kind === 'reset'
              ? t('users.resetPasswordOf', { name: dialog.user.displayName })
              : t('users.editTitle')
        }
      >
        {dialog?.kind === 'create' && <UserForm onDone={() => setDialog(null)} />}
        {dialog?.kind === 'edit' && <UserForm user={dialog.user} onDone={() => setDialog(null)} />}
        {dialog?.kind === 'reset' && <ResetPasswordForm user={dialog.user} onDone={() => setDialog(null)} />}
      </Modal>
    </Stack>
  );
}

function errorsOf(t: TFunction, issues: ValidationIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const item of issues)
    errors[item.field === 'action' ? 'username' : item.field] ??= issueMessage(t, item);
  return errors;
}

/** Creates a user (with an initial password) or changes one's name and roles. */
function UserForm({ user, onDone }: { user?: UserDocument; onDone: () => void }) {
  const { t } = useTranslation();
  const { users } = useServices();
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      username: user?.username ?? '',
      displayName: user?.displayName ?? '',
      roles: (user?.roles ?? []) as string[],
      password: '',
    },
  });
  const submit = form.onSubmit(async (values) => {
    const chosen = values.roles as Role[];
    const result = user
      ? await users.update(user.id, { displayName: values.displayName, roles: chosen })
      : await users.create({ ...values, roles: chosen });
    if (!result.ok) return form.setErrors(errorsOf(t, result.issues));
    notifications.show({
      color: 'teal',
      message: t(user ? 'users.saved' : 'users.created', { name: result.value.displayName }),
    });
    onDone();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput label={t('users.username')} disabled={Boolean(user)} {...form.getInputProps('username')} />
        <TextInput label={t('users.displayName')} {...form.getInputProps('displayName')} />
        <Checkbox.Group label={t('users.roles')} {...form.getInputProps('roles')}>
          <Stack gap={6} mt={6}>
            {roles.map((role) => (
              <Checkbox key={role} value={role} label={t(roleLabelKey(role))} />
            ))}
          </Stack>
        </Checkbox.Group>
        {!user && (
          <PasswordInput
            label={t('users.initialPassword')}
            description={t('users.initialPasswordHint')}
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
        )}
        <FormActions onCancel={onDone} loading={form.submitting} />
      </Stack>
    </form>
  );
}

function ResetPasswordForm({ user, onDone }: { user: UserDocument; onDone: () => void }) {
  const { t } = useTranslation();
  const { users } = useServices();
  const form = useForm({ mode: 'controlled', initialValues: { password: '' } });
  const submit = form.onSubmit(async ({ password }) => {
    const result = await users.resetPassword(user.id, password);
    if (!result.ok) return form.setErrors(errorsOf(t, result.issues));
    notifications.show({ color: 'teal', message: t('users.passwordReset', { name: user.displayName }) });
    onDone();
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('users.resetIntro')}</Text>
        <PasswordInput
          label={t('users.initialPassword')}
          autoComplete="new-password"
          {...form.getInputProps('password')}
        />
        <FormActions onCancel={onDone} label={t('users.resetPassword')} loading={form.submitting} />
      </Stack>
    </form>
  );
}
