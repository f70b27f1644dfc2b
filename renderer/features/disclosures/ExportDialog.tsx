import { Button, Group, Modal, SegmentedControl, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisclosureKind } from '../../../shared/model/disclosure.ts';
import type { ReportingFormat } from '../../../shared/io/disclosureFile.ts';
import type { ValidationIssue } from '../../../shared/model/validation.ts';
import { useServices } from '../../app/services.ts';
import { IssueSummary } from '../credit/issues.tsx';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The period the list shows, offered as the export's. */
  period: { from: string; to: string };
}

/** Saves the standard reporting file of a kind for a period (XLSX, or CSV in UTF-8 with BOM). */
export function ExportDialog({ opened, onClose, period }: Props) {
  const { t } = useTranslation();
  const { disclosures, bridge } = useServices();
  const [kind, setKind] = useState<DisclosureKind>('penalty');
  const [format, setFormat] = useState<ReportingFormat>('xlsx');
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [reason, setReason] = useState('');
  const [refused, setRefused] = useState<ValidationIssue[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setFrom(period.from);
    setTo(period.to);
    setRefused([]);
  }, [opened, period.from, period.to]);

  const save = async () => {
    setBusy(true);
    try {
      const result = await disclosures.files.exportFile(kind, format, { from, to }, reason);
      if (!result.ok) return setRefused(result.issues);
      const { name, mimeType, data, count } = result.value;
      const saved = await bridge.saveFile({ suggestedName: name, mimeType, data: new Uint8Array(data) });
      if (saved.saved)
        notifications.show({ color: 'teal', message: t('creditUi.files.exported', { count, name }) });
      onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('creditUi.files.exportTitle')} size="lg">
      <Stack>
        <IssueSummary
          issues={refused}
          labelOf={(field) => (field === 'reason' ? t('creditUi.files.reason') : null)}
        />
        <Select
          label={t('creditUi.disclosure.kind')}
          data={[
            { value: 'penalty', label: t('creditUi.kind.penalty') },
            { value: 'licence', label: t('creditUi.kind.licence') },
          ]}
          value={kind}
          onChange={(value) => value && setKind(value as DisclosureKind)}
          allowDeselect={false}
        />
        <SegmentedControl
          value={format}
          onChange={(value) => setFormat(value as ReportingFormat)}
          data={[
            { value: 'xlsx', label: 'XLSX' },
            { value: 'csv', label: 'CSV (UTF-8)' },
          ]}
        />
        <Group grow>
          <TextInput
            type="date"
            label={t('creditUi.period.from')}
            value={from}
            onChange={(event) => setFrom(event.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('creditUi.period.to')}
            value={to}
            onChange={(event) => setTo(event.currentTarget.value)}
          />
        </Group>
        <Textarea
          label={t('creditUi.files.reason')}
          description={t('creditUi.files.reasonHint')}
          withAsterisk
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={save} loading={busy}>
            {t('creditUi.files.exportButton')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
