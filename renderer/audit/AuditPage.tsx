import {
  Alert,
  Button,
  Group,
  List,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconShieldCheck } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditAction, type AuditEntry, auditActions } from '../../shared/base/auditEntry.ts';
import type { UserDocument } from '../../shared/base/user.ts';
import { useServices } from '../app/services.ts';
import { DateField } from '../kernel/ui/DateField.tsx';
import type { AuditFilter, DeviceChainReport } from '../kernel/security/audit.ts';
import { useCan, useSession } from '../kernel/security/hooks.ts';
import { ListTable } from '../kernel/ui/ListTable.tsx';
import { FormActions } from '../kernel/ui/FormActions.tsx';
import { formatInstant, issueMessage } from '../subjects/labels.ts';
import { auditCsv } from './auditCsv.ts';
import { AuditEntryText, useAuditRecords } from './AuditEntryText.tsx';
import { auditActionLabel, userLabel } from './labels.ts';

const shownLimit = 500;

interface Filters {
  userId: string | null;
  action: AuditAction | null;
  from: string;
  to: string;
  documentId: string;
}

const noFilters: Filters = { userId: null, action: null, from: '', to: '', documentId: '' };

function auditFilter(filters: Filters): AuditFilter {
  return {
    userId: filters.userId ?? undefined,
    action: filters.action ?? undefined,
    documentId: filters.documentId.trim() || undefined,
    // Dates are the reader's local days.
    from: filters.from ? new Date(`${filters.from}T00:00:00`).toISOString() : undefined,
    to: filters.to ? new Date(`${filters.to}T23:59:59.999`).toISOString() : undefined,
  };
}

/** The auditor's screen: search the trail, verify the hash chains, export what was found. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const { audit, users } = useServices();
  const mayExport = useCan('audit.export');
  const [people, setPeople] = useState<UserDocument[]>([]);
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [applied, setApplied] = useState<Filters>(noFilters);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [reports, setReports] = useState<DeviceChainReport[] | null>(null);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    const subscription = users.watchAll().subscribe(setPeople);
    return () => subscription.unsubscribe();
  }, [users]);
  const names = useMemo(
    () => new Map(people.map((user) => [user.id, `${user.displayName}（${user.username}）`])),
    [people],
  );

  const records = useAuditRecords(entries, people);

  const load = useCallback(async () => {
    setEntries(await audit.search({ ...auditFilter(applied), limit: shownLimit }));
  }, [audit, applied]);
  useEffect(() => {
    void load();
  }, [load]);

  const set = <K extends keyof Filters>(key: K, value: Filters[K]) =>
    setFilters((f) => ({ ...f, [key]: value }));
  const device = (deviceId: string) => (deviceId === audit.deviceId ? t('audit.thisDevice') : deviceId);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('audit.title')}</Title>
        <Group>
          <Button
            variant="light"
            leftSection={<IconShieldCheck size={16} />}
            onClick={async () => setReports(await audit.verify())}
          >
            {t('audit.verify')}
          </Button>
          {mayExport && (
            <Button
              variant="light"
              leftSection={<IconDownload size={16} />}
              onClick={() => setExporting(true)}
            >
              {t('audit.export')}
            </Button>
          )}
        </Group>
      </Group>
      {reports && (
        <Stack gap="xs" data-testid="audit-verification">
          {reports.length === 0 && <Alert color="gray">{t('audit.verifyEmpty')}</Alert>}
          {reports.map((report) =>
            report.verdict.ok ? (
              <Alert key={report.deviceId} color="teal" title={t('audit.verifyOkTitle')}>
                {t('audit.verifyOk', { device: device(report.deviceId), count: report.entries })}
              </Alert>
            ) : (
              <Alert key={report.deviceId} color="red" title={t('audit.verifyFailedTitle')} role="alert">
                <Text size="sm">{t('audit.verifyFailed', { device: device(report.deviceId) })}</Text>
                <List size="sm">
                  {report.verdict.problems.map((problem) => (
                    <List.Item key={`${problem.code}-${problem.seq}`}>
                      {t(problem.code, problem.params)}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            ),
          )}
        </Stack>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setApplied(filters);
        }}
      >
        <Group align="end" wrap="wrap">
          <Select
            label={t('audit.filters.user')}
            placeholder={t('common.all')}
            data={people.map((user) => ({ value: user.id, label: names.get(user.id)! }))}
            value={filters.userId}
            onChange={(value) => set('userId', value)}
            clearable
            searchable
            w={200}
          />
          <Select
            label={t('audit.filters.action')}
            placeholder={t('common.all')}
            data={auditActions.map((action) => ({
              value: action,
              label: t(`security.auditAction.${action}`),
            }))}
            value={filters.action}
            onChange={(value) => set('action', value as AuditAction | null)}
            clearable
            w={170}
          />
          <DateField
            label={t('audit.filters.from')}
            value={filters.from}
            onChange={(value) => set('from', value)}
            w={150}
          />
          <DateField
            label={t('audit.filters.to')}
            value={filters.to}
            onChange={(value) => set('to', value)}
            w={150}
          />
          <TextInput
            label={t('audit.filters.document')}
            value={filters.documentId}
            onChange={(e) => set('documentId', e.currentTarget.value)}
            w={300}
          />
          <Button type="submit">{t('common.search')}</Button>
        </Group>
      </form>
      {entries && (
        <Text size="sm" c="dimmed" data-testid="audit-total">
          {entries.length >= shownLimit
            ? t('audit.limited', { count: shownLimit })
            : t('common.total', { count: entries.length })}
        </Text>
      )}
      {entries?.length === 0 ? (
        <Text c="dimmed">{t('audit.empty')}</Text>
      ) : (
        <ListTable
          striped
          data-testid="audit-table"
          layout="fixed"
          columns={[t('audit.csv.at'), t('audit.csv.action'), t('auditText.column'), t('audit.csv.reason')]}
          widths={[150, 140, undefined, 200]}
        >
          {entries?.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>{formatInstant(entry.at, i18n.language)}</Table.Td>
              <Table.Td>{auditActionLabel(t, entry)}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                <AuditEntryText entry={entry} user={userLabel(t, entry, names)} records={records} />
              </Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{entry.reason}</Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      )}
      <ExportDialog
        opened={exporting}
        onClose={() => setExporting(false)}
        filter={auditFilter(applied)}
        names={names}
      />
    </Stack>
  );
}

/** Exports the filtered trail as CSV; the export is itself audited with the reason. */
function ExportDialog({
  opened,
  onClose,
  filter,
  names,
}: {
  opened: boolean;
  onClose: () => void;
  filter: AuditFilter;
  names: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const { audit, bridge, clock } = useServices();
  const session = useSession();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      const stamp = clock().toISOString().slice(0, 10);
      const result = await audit.exportEntries(session, filter, reason, async (entries) => {
        const written = await bridge.saveFile({
          suggestedName: `audit-${audit.county}-${stamp}.csv`,
          mimeType: 'text/csv;charset=utf-8',
          data: auditCsv(t, entries, names),
        });
        return written.saved;
      });
      if (!result.ok) {
        notifications.show({ color: 'red', message: issueMessage(t, result.issues[0]!) });
        return;
      }
      if (result.saved)
        notifications.show({ color: 'teal', message: t('audit.exported', { count: result.count }) });
      setReason('');
      onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('audit.export')}>
      <Stack>
        <Textarea
          label={t('audit.exportReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          data-autofocus
        />
        <FormActions
          onCancel={onClose}
          onConfirm={run}
          label={t('audit.exportSubmit')}
          loading={busy}
          disabled={reason.trim() === ''}
        />
      </Stack>
    </Modal>
  );
}
