import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileCertificate } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValidationIssue } from '../../shared/base/validation.ts';
import type { SubjectDocument } from '../../shared/subjects/model.ts';
import {
  type ReportPurpose,
  type ReportVariant,
  reportPurposes,
  reportVariants,
} from '../../shared/reports/report.ts';
import { useServices } from '../app/services.ts';
import { FormActions } from '../kernel/ui/FormActions.tsx';
import { IssueSummary } from '../kernel/ui/issues.tsx';
import { useCan } from '../kernel/security/hooks.ts';
import { saveMadeFile } from '../kernel/platform/saveMadeFile.ts';
import { DateField } from '../kernel/ui/DateField.tsx';
import { useReportServices } from './useReports.ts';

/** "Print credit report" on a subject's page: asks type, purpose and period, then issues and saves the PDF. */
export function IssueReportButton({ subject }: { subject: SubjectDocument }) {
  const { t } = useTranslation();
  const { bridge, clock } = useServices();
  const { reports } = useReportServices();
  const allowed = useCan('report.print');
  const [opened, setOpened] = useState(false);
  const today = chinaDateOf(clock());
  const [variant, setVariant] = useState<ReportVariant>('full');
  const [purpose, setPurpose] = useState<ReportPurpose | null>(null);
  const [from, setFrom] = useState(`${Number(today.slice(0, 4)) - 3}${today.slice(4)}`);
  const [to, setTo] = useState(today);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [busy, setBusy] = useState(false);
  if (!allowed) return null;

  const close = () => {
    setOpened(false);
    setIssues([]);
  };
  const run = async () => {
    setBusy(true);
    try {
      const outcome = await reports.issue(subject.id, {
        variant,
        ...(variant === 'special' && purpose ? { purpose } : {}),
        period: { from, to },
      });
      if (!outcome.ok) return setIssues(outcome.issues);
      const { report } = outcome;
      if (outcome.missingCharacters.length > 0) {
        notifications.show({
          color: 'yellow',
          autoClose: false,
          message: t('reports.missingCharacters', {
            count: outcome.missingCharacters.length,
            characters: outcome.missingCharacters.join(' '),
          }),
        });
      }
      const saved = await saveMadeFile(bridge, {
        name: `${report.reportNumber}.pdf`,
        mimeType: 'application/pdf',
        bytes: outcome.bytes,
      });
      notifications.show({
        color: saved ? 'teal' : 'yellow',
        message: `${t('reports.issued', { number: report.reportNumber, code: report.code })}${
          saved ? '' : ` ${t('reports.notSaved')}`
        }${t('reports.registrationNote', { state: t(`reports.registration.${report.registration.state}`) })}`,
      });
      close();
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        variant="default"
        leftSection={<IconFileCertificate size={16} />}
        onClick={() => setOpened(true)}
      >
        {t('reports.print')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('reports.dialogTitle', { name: subject.name })}
        size="lg"
      >
        <Stack>
          <IssueSummary issues={issues} labelOf={() => null} refusedAction={t('reports.print')} />
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('reports.variant.label')}
            </Text>
            <SegmentedControl
              value={variant}
              onChange={(next) => setVariant(next as ReportVariant)}
              data={reportVariants.map((value) => ({ value, label: t(`reports.variant.${value}`) }))}
            />
            <Text size="xs" c="dimmed" mt={4}>
              {t(`reports.variantHint.${variant}`)}
            </Text>
          </div>
          {variant === 'special' && (
            <Select
              label={t('reports.purpose.label')}
              required
              value={purpose}
              onChange={(next) => setPurpose(next as ReportPurpose | null)}
              data={reportPurposes.map((value) => ({ value, label: t(`reports.purpose.${value}`) }))}
            />
          )}
          <Group grow>
            <DateField label={t('reports.period.from')} value={from} onChange={setFrom} required />
            <DateField label={t('reports.period.to')} value={to} onChange={setTo} required />
          </Group>
          <Alert color="blue" variant="light">
            {t('reports.willDo')}
          </Alert>
          <FormActions onCancel={close} onConfirm={run} label={t('reports.issue')} loading={busy} />
        </Stack>
      </Modal>
    </>
  );
}
