import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import { Anchor, Button, Group, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DisclosureKind } from '../../shared/disclosures/model.ts';
import { useServices } from '../app/services.ts';
import type { DisclosureRow } from './repository.ts';
import type { DisclosurePageQuery } from './disclosurePages.ts';
import { ListPager, ListTotal, useListPage } from '../kernel/ui/ListPager.tsx';
import { ListTable } from '../kernel/ui/ListTable.tsx';
import { useQueryFilter } from '../kernel/ui/useQueryFilter.ts';
import { CreditTabs } from '../creditRecords/CreditTabs.tsx';
import { DisclosureLink } from './DisclosureLink.tsx';
import { ExportDialog } from './ExportDialog.tsx';
import { ImportDialog } from './ImportDialog.tsx';
import { PeriodInputs } from './inputs.tsx';
import { ReportingActions } from './ReportingActions.tsx';
import { monthOf } from './labels.ts';
import { TimingBadge } from './TimingBadge.tsx';

const pageSize = 50;

/** 双公示 licences and penalties by kind, decision period and reporting state, a page at a time. */
export function DisclosureListPage() {
  const { t } = useTranslation();
  const { disclosures, clock } = useServices();
  const [params, filter] = useQueryFilter();
  const month = monthOf(chinaDateOf(clock()));
  const kind = (params.get('kind') ?? '') as DisclosureKind | '';
  const from = params.get('from') ?? month.from;
  const to = params.get('to') ?? month.to;
  const timing = params.get('timing') as DisclosurePageQuery['timing'] | null;
  const reported = params.get('reported');
  const [found, setFound] = useState<{ total: number; more: boolean; rows: DisclosureRow[] } | null>(null);
  const [dialog, setDialog] = useState<'export' | 'import' | null>(null);
  const [page, setPage] = useListPage([kind, from, to, timing, reported]);

  useEffect(() => {
    const query: DisclosurePageQuery = {
      ...(kind ? { kind } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(timing ? { timing } : {}),
      ...(reported ? { reported: reported === 'yes' } : {}),
      offset: (page - 1) * pageSize,
      limit: pageSize,
    };
    const load = () => disclosures.page(query).then(setFound);
    load();
    const subscription = disclosures.changes$.subscribe(load);
    return () => subscription.unsubscribe();
  }, [disclosures, kind, from, to, timing, reported, page]);
  const rows = found?.rows ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('creditUi.sections.disclosures')}</Title>
        <Group>
          {disclosures.canCreate() && (
            <>
              <Button variant="light" component={Link} to="/credit/disclosures/new/licence">
                {t('creditUi.disclosure.newLicence')}
              </Button>
              <Button variant="light" color="orange" component={Link} to="/credit/disclosures/new/penalty">
                {t('creditUi.disclosure.newPenalty')}
              </Button>
              <Button variant="default" onClick={() => setDialog('import')}>
                {t('creditUi.files.import')}
              </Button>
            </>
          )}
          {disclosures.canExport() && (
            <Button variant="default" onClick={() => setDialog('export')}>
              {t('creditUi.files.export')}
            </Button>
          )}
        </Group>
      </Group>
      <CreditTabs active="disclosures" />
      <Group align="flex-end">
        <SegmentedControl
          value={kind}
          onChange={(value) => filter('kind', value)}
          data={[
            { value: '', label: t('common.all') },
            { value: 'licence', label: t('creditUi.kind.licence') },
            { value: 'penalty', label: t('creditUi.kind.penalty') },
          ]}
        />
        <PeriodInputs period={{ from, to }} onChange={filter} />
        <Select
          label={t('creditUi.disclosure.timingFilter')}
          placeholder={t('common.all')}
          data={[
            { value: 'late', label: t('creditUi.disclosure.late') },
            { value: 'onTime', label: t('creditUi.disclosure.onTime') },
          ]}
          value={timing}
          onChange={(value) => filter('timing', value)}
          clearable
        />
        <Select
          label={t('disclosure.field.reportedAt')}
          placeholder={t('common.all')}
          data={[
            { value: 'yes', label: t('creditUi.disclosure.reported') },
            { value: 'no', label: t('creditUi.disclosure.notReported') },
          ]}
          value={reported}
          onChange={(value) => filter('reported', value)}
          clearable
        />
        <ListTotal total={found?.total ?? 0} more={found?.more} testId="disclosure-total" />
      </Group>
      {found !== null && rows.length === 0 ? (
        <Text c="dimmed">{t('creditUi.disclosure.empty')}</Text>
      ) : (
        <DisclosureTable rows={rows} />
      )}
      <ListPager found={found} pageSize={pageSize} page={page} onChange={setPage} />
      <ExportDialog opened={dialog === 'export'} onClose={() => setDialog(null)} period={{ from, to }} />
      <ImportDialog opened={dialog === 'import'} onClose={() => setDialog(null)} />
    </Stack>
  );
}

export function DisclosureTable({ rows }: { rows: readonly DisclosureRow[] }) {
  const { t } = useTranslation();
  return (
    <ListTable
      striped
      highlightOnHover
      data-testid="disclosure-table"
      columns={[
        t('creditUi.disclosure.kind'),
        t('creditUi.disclosure.documentNumber'),
        t('creditUi.disclosure.party'),
        t('creditUi.disclosure.decisionDate'),
        t('creditUi.disclosure.deadlineColumn'),
        t('disclosure.field.reportedAt'),
        '',
      ]}
    >
      {rows.map(({ disclosure, timing }) => (
        <Table.Tr key={disclosure.id}>
          <Table.Td>{t(`creditUi.kind.${disclosure.kind}`)}</Table.Td>
          <Table.Td>
            <DisclosureLink disclosure={disclosure} />
          </Table.Td>
          <Table.Td>
            {disclosure.subjectId ? (
              <Anchor component={Link} to={`/subjects/${disclosure.subjectId}?tab=credit`}>
                {disclosure.partyName}
              </Anchor>
            ) : (
              disclosure.partyName
            )}
          </Table.Td>
          <Table.Td>{disclosure.decisionDate}</Table.Td>
          <Table.Td>{timing.deadline}</Table.Td>
          <Table.Td>
            <Group gap="xs">
              <TimingBadge disclosure={disclosure} timing={timing} />
              {disclosure.reportedAt && <Text size="sm">{disclosure.reportedAt}</Text>}
            </Group>
          </Table.Td>
          <Table.Td>
            <ReportingActions disclosure={disclosure} reportOnly size="xs" />
          </Table.Td>
        </Table.Tr>
      ))}
    </ListTable>
  );
}
