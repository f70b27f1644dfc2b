import { Button, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollectionName } from '../../../shared/base/collections.ts';
import type { ValidationIssue } from '../../../shared/base/validation.ts';
import { useCoreServices } from '../services.ts';
import { exportList, type ListFormat, listMimeTypes } from './listExports.ts';
import { useCan } from '../security/hooks.ts';
import { saveMadeFile } from '../platform/saveMadeFile.ts';
import { IssueSummary } from './issues.tsx';
import { FormActions } from './FormActions.tsx';

interface Props {
  collection: CollectionName;
  /** The list's name: the sheet's and the file's. */
  title: string;
  /** How many rows the filtered list holds now. */
  count: number;
  /** The header row and every row of the filtered list, personal values masked for the user's roles. */
  rows: () => Promise<string[][]>;
}

/** "Export": the filtered list as XLSX or CSV, after saying what will be exported and asking why. */
export function ListExportButton({ collection, title, count, rows }: Props) {
  const { t } = useTranslation();
  const { context, bridge, clock } = useCoreServices();
  const allowed = useCan('export.spreadsheet');
  const [opened, setOpened] = useState(false);
  const [format, setFormat] = useState<ListFormat>('xlsx');
  const [reason, setReason] = useState('');
  const [refused, setRefused] = useState<ValidationIssue[]>([]);
  const [busy, setBusy] = useState(false);
  if (!allowed) return null;

  const close = () => {
    setOpened(false);
    setRefused([]);
  };
  const run = async () => {
    setBusy(true);
    try {
      const result = await exportList(context, {
        collection,
        rows: await rows(),
        format,
        sheetName: title,
        reason,
      });
      if (!result.ok) return setRefused(result.issues);
      const stamp = clock().toISOString().slice(0, 10);
      const saved = await saveMadeFile(bridge, {
        name: `${title}_${stamp}.${format}`,
        mimeType: listMimeTypes[format],
        bytes: result.value,
      });
      if (saved) notifications.show({ color: 'teal', message: t('listExport.done', { count }) });
      setReason('');
      close();
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        variant="default"
        leftSection={<IconDownload size={16} />}
        onClick={() => setOpened(true)}
        disabled={count === 0}
      >
        {t('listExport.button')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('listExport.title', { list: title })}>
        <Stack>
          <IssueSummary
            issues={refused}
            labelOf={(field) => (field === 'reason' ? t('listExport.reason') : null)}
            refusedAction={t('listExport.button')}
          />
          <Text size="sm">{t('listExport.what', { count, list: title })}</Text>
          <SegmentedControl
            value={format}
            onChange={(value) => setFormat(value as ListFormat)}
            data={[
              { value: 'xlsx', label: 'XLSX' },
              { value: 'csv', label: 'CSV (UTF-8)' },
            ]}
          />
          <Textarea
            label={t('listExport.reason')}
            description={t('listExport.reasonHint')}
            withAsterisk
            autosize
            minRows={2}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            data-autofocus
          />
          <FormActions onCancel={close} onConfirm={run} label={t('listExport.button')} loading={busy} />
        </Stack>
      </Modal>
    </>
  );
}
