import { Alert, Button, Group, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlatformBridge } from '../../shared/base/platform/bridge.ts';
import type { BackupOrigin } from '../../shared/base/security/backup.ts';
import { type BackupProblem, backupExtension, inspectBackup } from '../kernel/security/backupService.ts';
import { formatInstant } from '../subjects/labels.ts';

export interface PickedBackup {
  name: string;
  bytes: Uint8Array;
  origin: BackupOrigin;
}

export function backupProblemMessage(t: TFunction, problem: BackupProblem): string {
  return t(problem.code, 'params' in problem ? problem.params : {});
}

/** Picks a backup file and shows where it comes from before any password is asked. */
export function BackupFilePicker({
  bridge,
  picked,
  onPicked,
}: {
  bridge: Pick<PlatformBridge, 'openFile'>;
  picked: PickedBackup | null;
  onPicked: (backup: PickedBackup | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const [problem, setProblem] = useState<BackupProblem | null>(null);

  const pick = async () => {
    const file = await bridge.openFile({ extensions: [backupExtension] });
    if (!file) return;
    const origin = inspectBackup(file.data);
    setProblem(origin.ok ? null : origin.error);
    onPicked(origin.ok ? { name: file.name, bytes: file.data, origin: origin.origin } : null);
  };

  return (
    <>
      <Group>
        <Button variant="light" leftSection={<IconFileImport size={16} />} onClick={pick}>
          {t('backups.pickFile')}
        </Button>
        {picked && <Text size="sm">{picked.name}</Text>}
      </Group>
      {problem && (
        <Alert color="red" role="alert">
          {backupProblemMessage(t, problem)}
        </Alert>
      )}
      {picked && (
        <Alert color="blue" data-testid="backup-origin">
          {t('backups.origin', {
            county: picked.origin.county,
            device: picked.origin.deviceId,
            date: formatInstant(picked.origin.createdAt, i18n.language),
          })}
        </Alert>
      )}
    </>
  );
}
