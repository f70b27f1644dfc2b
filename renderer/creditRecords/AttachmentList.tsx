import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Attachment, attachmentExtensions, attachmentLimits } from '../../shared/base/attachment.ts';
import type { CreditRecordDocument } from '../../shared/creditRecords/model.ts';
import type { ValidationIssue } from '../../shared/base/validation.ts';
import { withoutBidiControls } from '../../shared/base/platform/fileNames.ts';
import { useServices } from '../app/services.ts';
import type { AttachmentAvailability } from '../kernel/attachments.ts';
import { IssueSummary } from '../kernel/ui/issues.tsx';

const availabilityColors: Record<AttachmentAvailability, string> = {
  pending: 'yellow',
  uploaded: 'teal',
  elsewhere: 'gray',
};

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A file's name as shown: bidi controls would make `a\u202Efdp.exe` read as "aexe.pdf". */
const shownName = (file: { name: string }) => withoutBidiControls(file.name);

/** The files of a credit record: where their bytes are, a copy to save, and adding or removing on drafts. */
export function AttachmentList({ record }: { record: CreditRecordDocument }) {
  const { t } = useTranslation();
  const { creditRecords, bridge, sync } = useServices();
  const store = creditRecords.attachments;
  const [availability, setAvailability] = useState<Map<string, AttachmentAvailability>>(new Map());
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const editable = creditRecords.canEditDraft(record);
  const digests = record.attachments.map((file) => file.sha256).join(',');

  useEffect(() => {
    const subscription = store
      .watchAvailability(digests === '' ? [] : digests.split(','))
      .subscribe(setAvailability);
    return () => subscription.unsubscribe();
  }, [store, digests]);

  const run = async (key: string, work: () => Promise<ValidationIssue[]>) => {
    setBusy(key);
    try {
      setIssues(await work());
    } finally {
      setBusy(null);
    }
  };

  const add = () =>
    run('add', async () => {
      const file = await bridge.openFile({ extensions: attachmentExtensions });
      if (!file) return [];
      const result = await creditRecords.attach(record.id, [{ name: file.name, data: file.data }]);
      if (!result.ok) return result.issues;
      notifications.show({
        color: 'teal',
        message: t('creditUi.attachments.added', { name: shownName(file) }),
      });
      return [];
    });

  const remove = (file: Attachment) =>
    run(file.sha256, async () => {
      const result = await creditRecords.detach(record.id, file.sha256);
      if (!result.ok) return result.issues;
      notifications.show({ message: t('creditUi.attachments.removed', { name: shownName(file) }) });
      return [];
    });

  const save = (file: Attachment) =>
    run(file.sha256, async () => {
      const read = await store.read(file.sha256, (sha256) => sync.fetchBlob(sha256));
      if (!read.ok) return read.issues;
      const saved = await bridge.saveFile({
        suggestedName: file.name,
        mimeType: file.mimeType,
        data: new Uint8Array(read.value),
        source: 'attachment',
      });
      if (saved.saved) {
        notifications.show({
          color: 'teal',
          message: t('creditUi.attachments.saved', { name: shownName(file) }),
        });
      }
      return [];
    });

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {t('creditUi.attachments.title')}
        </Text>
        {editable && (
          <Button size="xs" variant="light" loading={busy === 'add'} onClick={add}>
            {t('creditUi.attachments.add')}
          </Button>
        )}
      </Group>
      <IssueSummary issues={issues} labelOf={() => null} />
      {record.attachments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('creditUi.attachments.none')}
        </Text>
      ) : (
        <Table>
          <Table.Tbody>
            {record.attachments.map((file) => {
              const state = availability.get(file.sha256);
              return (
                <Table.Tr key={file.sha256}>
                  <Table.Td>{shownName(file)}</Table.Td>
                  <Table.Td>{fileSize(file.size)}</Table.Td>
                  <Table.Td>
                    {state && (
                      <Badge variant="light" color={availabilityColors[state]}>
                        {t(`creditUi.attachments.state.${state}`)}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end">
                      <Button
                        size="xs"
                        variant="default"
                        loading={busy === file.sha256}
                        onClick={() => save(file)}
                      >
                        {t('creditUi.attachments.save')}
                      </Button>
                      {editable && (
                        <Button size="xs" variant="subtle" color="red" onClick={() => remove(file)}>
                          {t('creditUi.attachments.remove')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {editable && (
        <Text size="xs" c="dimmed">
          {t('creditUi.attachments.hint', { maxMb: attachmentLimits.bytes / (1024 * 1024) })}
        </Text>
      )}
    </Stack>
  );
}
