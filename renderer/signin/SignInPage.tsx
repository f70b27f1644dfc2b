import {
  Alert,
  Button,
  Center,
  Code,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValidationIssue } from '../../shared/base/validation.ts';
import type { CoreServices } from '../kernel/services.ts';
import { demoPassword, demoUsers } from '../kernel/security/demo.ts';
import type { SignedInSession } from '../kernel/security/session.ts';
import type { LockCause } from '../kernel/security/auth.ts';
import { issueMessage } from '../subjects/labels.ts';

/**
 * Sign-in, offline against the local users. As the lock screen (`locked` given) it names who was signed
 * in; she or anyone else may sign in to continue.
 */
export function SignInPage({
  core,
  locked,
  lockCause = 'idleLock',
}: {
  core: CoreServices;
  locked?: SignedInSession;
  lockCause?: LockCause;
}) {
  const { t } = useTranslation();
  const [username, setUsername] = useState(locked?.username ?? '');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<ValidationIssue | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const result = await core.auth.signIn(username, password);
      if (!result.ok) {
        setProblem(result.issue);
        setPassword('');
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" w={420} component="form" onSubmit={submit}>
        <Stack>
          {locked ? (
            <>
              <Title order={3}>
                <IconLock size={22} /> {t('auth.lockedTitle')}
              </Title>
              <Text size="sm" c="dimmed">
                {t(lockCause === 'manualLock' ? 'auth.lockedManually' : 'auth.lockedIntro', {
                  name: locked.userName,
                })}
              </Text>
            </>
          ) : (
            <>
              <Title order={3}>{t('auth.title')}</Title>
              <Text size="sm" c="dimmed">
                {core.office.officeName}
              </Text>
            </>
          )}
          <TextInput
            label={t('auth.username')}
            autoComplete="username"
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
            required
            data-autofocus={locked ? undefined : true}
          />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            required
            data-autofocus={locked ? true : undefined}
          />
          {problem && (
            <Alert color="red" role="alert">
              {issueMessage(t, problem)}
            </Alert>
          )}
          <Button type="submit" loading={busy}>
            {t('auth.submit')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('auth.offlineNote')}
          </Text>
          {core.appInfo.demo && (
            <Alert color="yellow" title={t('auth.demoTitle')}>
              <Text size="sm">
                {t('auth.demoUsers', { users: demoUsers.map((user) => user.username).join(' / ') })}
              </Text>
              <Text size="sm">
                {t('auth.demoPassword')} <Code>{demoPassword}</Code>
              </Text>
            </Alert>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
