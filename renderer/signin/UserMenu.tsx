import { Button, Menu, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconKey, IconLock, IconLogout } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleLabelKey } from '../../shared/base/security/permissions.ts';
import { useServices } from '../app/services.ts';
import { useSession } from '../kernel/security/hooks.ts';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

/** The signed-in user in the header: her roles, her password, lock and sign out. */
export function UserMenu() {
  const { t } = useTranslation();
  const { auth } = useServices();
  const session = useSession();
  const [changing, setChanging] = useState(false);
  return (
    <>
      <Menu position="bottom-end" width={220}>
        <Menu.Target>
          <Button variant="subtle" rightSection={<IconChevronDown size={14} />} data-testid="user-menu">
            {session.userName}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            <Text size="xs">
              {session.username} · {session.roles.map((role) => t(roleLabelKey(role))).join('、')}
            </Text>
          </Menu.Label>
          <Menu.Item leftSection={<IconKey size={16} />} onClick={() => setChanging(true)}>
            {t('account.changePassword')}
          </Menu.Item>
          <Menu.Item leftSection={<IconLock size={16} />} onClick={() => void auth.lock('manualLock')}>
            {t('account.lock')}
          </Menu.Item>
          <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => void auth.signOut()}>
            {t('account.signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={changing} onClose={() => setChanging(false)} title={t('account.changePassword')}>
        <ChangePasswordForm
          auth={auth}
          username={session.username}
          askCurrent
          onCancel={() => setChanging(false)}
          onDone={() => {
            setChanging(false);
            notifications.show({ color: 'teal', message: t('password.changed') });
          }}
        />
      </Modal>
    </>
  );
}
