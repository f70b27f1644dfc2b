import { Group, Modal, SegmentedControl, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisclosureKind } from '../../shared/disclosures/model.ts';
import type { ReportingFormat, ReportingPeriod } from '../../shared/disclosures/file.ts';
import type { ValidationIssue } from '../../shared/base/validation.ts';
import { useServices } from '../app/services.ts';
import { FormActions } from '../kernel/ui/FormActions.tsx';
import { IssueSummary } from '../kernel/ui/issues.tsx';
import { DisclosureKindSelect, PeriodInputs } from './inputs.tsx';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The period the list shows, offered as the export's. */
  period: ReportingPeriod;
}

/** Saves the standard reporting file of a kind for a period (XLSX, or CSV in UTF-8 with BOM). */
export function ExportDialog({ opened, onClose, period }: Props) {
  const { t } = useTranslation();
  const { disclosures, bridge } = useServices();
  const [kind, setKind] = useState<DisclosureKind>('penalty');
  const [format, setFormat] = useState<ReportingFormat>('xlsx');
  const [chosen, setChosen] = useState(period);
  const [reason, setReason] = useState('');
  const [refused, setRefused] = useState<ValidationIssue[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!opened) return;
    setChosen({ from: period.from, to: period.to });
    setRefused([]);
  }, [opened, period.from, period.to]);

  const save = async () => {
    setBusy(true);
    try {
      const result = await disclosures.files.exportFile(kind, format, chosen, reason);
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
          refusedAction={t('creditUi.files.exportButton')}
        />
        <DisclosureKindSelect value={kind} onChange={setKind} />
        <SegmentedControl
          value={format}
          onChange={(value) => setFormat(value as ReportingFormat)}
          data={[
            { value: 'xlsx', label: 'XLSX' },
            { value: 'csv', label: 'CSV (UTF-8)' },
          ]}
        />
        <Group grow>
          <PeriodInputs period={chosen} onChange={(end, value) => setChosen({ ...chosen, [end]: value })} />
        </Group>
        <Textarea
          label={t('creditUi.files.reason')}
          description={t('creditUi.files.reasonHint')}
          withAsterisk
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        <FormActions
          onCancel={onClose}
          onConfirm={save}
          label={t('creditUi.files.exportButton')}
          loading={busy}
        />
      </Stack>
    </Modal>
  );
}
