import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import { Alert, Checkbox, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileIssue } from '../../shared/disclosures/file.ts';
import {
  type DisclosureKind,
  type PenaltySeverity,
  penaltySeverities,
} from '../../shared/disclosures/model.ts';
import { useServices } from '../app/services.ts';
import type { ImportPreview, ImportProblem } from './disclosureFiles.ts';
import { ListTable } from '../kernel/ui/ListTable.tsx';
import { FormActions } from '../kernel/ui/FormActions.tsx';
import { issueText } from '../kernel/ui/issues.tsx';
import { DisclosureKindSelect } from './inputs.tsx';
import { issueFieldLabel } from './labels.ts';

interface Props {
  opened: boolean;
  onClose: () => void;
}

/**
 * Imports a reporting file in two steps: the file is read and every record checked (nothing written),
 * the clerk sees which rows are refused and why, then confirms and the valid ones are written at once.
 */
export function ImportDialog({ opened, onClose }: Props) {
  const { t } = useTranslation();
  const { disclosures, bridge, clock } = useServices();
  const [kind, setKind] = useState<DisclosureKind>('penalty');
  const [severity, setSeverity] = useState<PenaltySeverity>('general');
  const [alreadyReported, setAlreadyReported] = useState(false);
  const [reportedAt, setReportedAt] = useState(chinaDateOf(clock()));
  const [fileName, setFileName] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [failure, setFailure] = useState<FileIssue | null>(null);
  const [linkMismatched, setLinkMismatched] = useState(false);
  const [busy, setBusy] = useState(false);

  // Every opening starts afresh: a choice left in a cancelled import must not carry into the next.
  useEffect(() => {
    if (!opened) return;
    setKind('penalty');
    setSeverity('general');
    setAlreadyReported(false);
    setReportedAt(chinaDateOf(clock()));
    setPreview(null);
    setFailure(null);
    setFileName('');
    setLinkMismatched(false);
  }, [opened, clock]);

  const choose = async () => {
    const file = await bridge.openFile({ extensions: ['xlsx', 'csv'] });
    if (!file) return;
    setBusy(true);
    try {
      setFileName(file.name);
      const check = await disclosures.files.previewImport(kind, file.data, {
        severity,
        reportedAt: alreadyReported ? reportedAt : '',
      });
      setPreview(check.ok ? check.preview : null);
      setFailure(check.ok ? null : check.error);
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const result = await disclosures.files.commitImport(preview, { linkMismatched });
      if (!result.ok) {
        setFailure({ code: result.issues[0]!.code });
        setPreview(null);
        return;
      }
      notifications.show({ color: 'teal', message: t('creditUi.files.imported', result.value) });
      onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('creditUi.files.importTitle')} size="xl">
      <Stack>
        {!preview && (
          <>
            <DisclosureKindSelect value={kind} onChange={setKind} />
            {kind === 'penalty' && (
              <Select
                label={t('disclosure.field.severity')}
                description={t('creditUi.files.severityHint')}
                data={penaltySeverities.map((value) => ({ value, label: t(`disclosure.severity.${value}`) }))}
                value={severity}
                onChange={(value) => value && setSeverity(value as PenaltySeverity)}
                allowDeselect={false}
              />
            )}
            <Checkbox
              label={t('creditUi.files.alreadyReported')}
              checked={alreadyReported}
              onChange={(event) => setAlreadyReported(event.currentTarget.checked)}
            />
            {alreadyReported && (
              <TextInput
                type="date"
                label={t('disclosure.field.reportedAt')}
                value={reportedAt}
                onChange={(event) => setReportedAt(event.currentTarget.value)}
              />
            )}
            {failure && (
              <Alert color="red" title={t('creditUi.files.unusable', { name: fileName })} role="alert">
                {issueText(t, failure)}
              </Alert>
            )}
            <FormActions
              onCancel={onClose}
              onConfirm={choose}
              label={t('creditUi.files.chooseFile')}
              loading={busy}
            />
          </>
        )}
        {preview && (
          <>
            <Alert color={preview.errors.length > 0 ? 'yellow' : 'teal'} data-testid="import-summary">
              {t('creditUi.files.previewSummary', {
                name: fileName,
                count: preview.disclosures.length,
                records: preview.records.length,
                refused: new Set(preview.errors.map((found) => found.row)).size,
              })}
            </Alert>
            <Alert color={preview.reportedAt ? 'orange' : 'gray'} data-testid="import-reported">
              {preview.reportedAt
                ? t('creditUi.files.reportedNotice', {
                    count: preview.disclosures.length,
                    date: preview.reportedAt,
                  })
                : t('creditUi.files.notReportedNotice')}
            </Alert>
            {preview.sheet && (
              <Text size="sm" data-testid="import-sheet">
                {t('creditUi.files.sheetRead', { sheet: preview.sheet })}
              </Text>
            )}
            {preview.footerRows.length > 0 && (
              <Text size="sm" c="dimmed">
                {t('creditUi.files.footerSkipped', { rows: preview.footerRows.join(', ') })}
              </Text>
            )}
            <Text size="sm" c="dimmed">
              {t('creditUi.files.formulaPolicy')}
            </Text>
            {preview.ignoredColumns.length > 0 && (
              <Text size="sm" c="dimmed">
                {t('creditUi.files.ignoredColumns', { columns: preview.ignoredColumns.join(', ') })}
              </Text>
            )}
            <ProblemTable
              title={t('creditUi.files.errors')}
              problems={preview.errors}
              testId="import-errors"
            />
            <ProblemTable
              title={t('creditUi.files.warnings')}
              problems={preview.warnings}
              testId="import-warnings"
            />
            {preview.nameMismatches.length > 0 && (
              <Checkbox
                data-testid="import-link-mismatched"
                label={t('creditUi.files.linkMismatched', { count: preview.nameMismatches.length })}
                checked={linkMismatched}
                onChange={(event) => setLinkMismatched(event.currentTarget.checked)}
              />
            )}
            <FormActions
              onCancel={onClose}
              onConfirm={commit}
              label={t('creditUi.files.confirmImport', { count: preview.disclosures.length })}
              loading={busy}
              disabled={preview.disclosures.length === 0}
            />
          </>
        )}
      </Stack>
    </Modal>
  );
}

function ProblemTable({
  title,
  problems,
  testId,
}: {
  title: string;
  problems: readonly ImportProblem[];
  testId: string;
}) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={5}>{title}</Title>
      <ListTable
        striped
        data-testid={testId}
        columns={[
          t('creditUi.files.row'),
          t('creditUi.disclosure.documentNumber'),
          t('creditUi.files.field'),
          t('creditUi.files.problem'),
        ]}
      >
        {problems.map((problem) => (
          <Table.Tr key={`${problem.row}-${problem.documentNumber}-${problem.field}-${problem.code}`}>
            <Table.Td>{problem.row}</Table.Td>
            <Table.Td>{problem.documentNumber || '—'}</Table.Td>
            <Table.Td>{issueFieldLabel(t, problem.field) ?? problem.field}</Table.Td>
            <Table.Td>{issueText(t, problem)}</Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </Stack>
  );
}
