import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { formatInstant } from '../subjects/labels.ts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InspectionDocument } from '../../shared/inspections/document.ts';
import type { InspectionState } from '../../shared/inspections/workflows.ts';
import { useServices } from '../app/services.ts';
import { ListPager, useListPage } from '../kernel/ui/ListPager.tsx';
import { ListTable } from '../kernel/ui/ListTable.tsx';
import { useQueryFilter } from '../kernel/ui/useQueryFilter.ts';
import { figureScan } from '../../shared/inspections/figures.ts';
import { figureFilterOf } from './DashboardInspections.tsx';
import { PublicationExportButton } from './PublicationExportButton.tsx';
import { usePublicityDays } from './PublicityPanel.tsx';
import { SubjectProjects } from './ProjectTable.tsx';
import { RowLink, useTouchSize } from './touch.tsx';

const pageSize = 50;

const stateColors: Record<InspectionState, string> = { draft: 'gray', submitted: 'yellow', closed: 'green' };

export function InspectionStateBadge({ state }: { state: InspectionState }) {
  const { t } = useTranslation();
  return <Badge color={stateColors[state]}>{t(`inspectionUi.state.${state}`)}</Badge>;
}

/** Why the inspection was made: its plan or its ad hoc reason. */
export function originLabel(doc: InspectionDocument): string {
  return `inspectionUi.origin.${doc.adHocReason === '' ? 'plan' : doc.adHocReason}`;
}

/** The inspections of the county (or of one subject), the latest first. */
export function InspectionTable({ inspections }: { inspections: readonly InspectionDocument[] }) {
  const { t, i18n } = useTranslation();
  const { subjects } = useServices();
  const when = (instant: string) => formatInstant(instant, i18n.language);
  return (
    <ListTable
      striped
      highlightOnHover
      data-testid="inspection-table"
      columns={[
        t('inspectionUi.column.started'),
        t('inspectionUi.column.subject'),
        t('inspectionUi.column.origin'),
        t('inspectionUi.column.progress'),
        t('inspectionUi.column.state'),
      ]}
    >
      {inspections.map((doc) => (
        <Table.Tr key={doc.id}>
          <Table.Td>
            <RowLink to={`/inspections/${doc.id}`}>{when(doc.startedAt)}</RowLink>
          </Table.Td>
          <Table.Td>{subjects.index.get(doc.subjectId)?.name ?? ''}</Table.Td>
          <Table.Td>{t(originLabel(doc))}</Table.Td>
          <Table.Td>
            {t('inspectionUi.progress', {
              done: doc.items.filter((item) => item.result !== '').length,
              total: doc.items.length,
            })}
          </Table.Td>
          <Table.Td>
            <InspectionStateBadge state={doc.state} />
          </Table.Td>
        </Table.Tr>
      ))}
    </ListTable>
  );
}

/**
 * Asks the browser to keep this device's data persistently (a tablet used offline for days must not lose
 * it to storage pressure) and says what it answered. Nothing is shown where the browser has no such API.
 */
function StorageStatus() {
  const { t } = useTranslation();
  const [persisted, setPersisted] = useState<boolean | null>(null);
  useEffect(() => {
    const storage = navigator.storage;
    if (!storage?.persist) return;
    storage
      .persisted()
      .then((already) => (already ? true : storage.persist()))
      .then(setPersisted)
      .catch(() => setPersisted(false));
  }, []);
  if (persisted === null) return null;
  return (
    <Text size="sm" c={persisted ? 'dimmed' : 'orange'} data-testid="storage-status">
      {t(persisted ? 'inspectionUi.storage.persisted' : 'inspectionUi.storage.notPersisted')}
    </Text>
  );
}

export function InspectionListPage() {
  const { t } = useTranslation();
  const size = useTouchSize();
  const { inspections, reference } = useServices();
  const [params, setFilter] = useQueryFilter();
  const figure = figureFilterOf(params.get('figure'));
  const publicityDays = usePublicityDays();
  const [page, setPage] = useListPage([figure]);
  const [result, setResult] = useState<{ total: number; more?: boolean; items: InspectionDocument[] } | null>(
    null,
  );
  useEffect(() => {
    const paging = { offset: (page - 1) * pageSize, limit: pageSize };
    const load = () =>
      (figure
        ? inspections.figurePage(
            figureScan(figure, inspections.today(), reference.calendar(), publicityDays),
            paging,
          )
        : inspections.page(paging)
      ).then(setResult);
    load();
    const subscription = inspections.changes$.subscribe(load);
    return () => subscription.unsubscribe();
  }, [inspections, reference, figure, publicityDays, page]);
  const shown = result?.items ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('inspectionUi.title')}</Title>
        <Group>
          <Button component={Link} to="/inspections/rectifications" size={size} variant="default">
            {t('rectificationUi.nav')}
          </Button>
          <Button component={Link} to="/inspections/plans" size={size} variant="default">
            {t('planUi.title')}
          </Button>
          <Button component={Link} to="/inspections/conflicts" size={size} variant="default">
            {t('declarationUi.title')}
          </Button>
          <Button component={Link} to="/inspections/checklists" size={size} variant="default">
            {t('checklistUi.title')}
          </Button>
          <Button component={Link} to="/projects" size={size} variant="default">
            {t('projectUi.title')}
          </Button>
          <PublicationExportButton />
          {inspections.canRecord() && (
            <Button component={Link} to="/inspections/new" size={size}>
              {t('inspectionUi.new')}
            </Button>
          )}
        </Group>
      </Group>
      <StorageStatus />
      {figure && (
        <Group gap="xs" data-testid="figure-filter">
          <Text fw={500}>{t(`rectificationUi.listFilter.${figure}`)}</Text>
          <Anchor component="button" onClick={() => setFilter('figure', null)}>
            {t('rectificationUi.listFilter.clear')}
          </Anchor>
        </Group>
      )}
      {shown.length === 0 ? (
        <Text c="dimmed">{t('inspectionUi.none')}</Text>
      ) : (
        <InspectionTable inspections={shown} />
      )}
      <ListPager found={result} pageSize={pageSize} page={page} onChange={setPage} />
    </Stack>
  );
}

/** The Inspections tab of a subject's page. */
export function SubjectInspectionsTab({ subjectId }: { subjectId: string }) {
  const { t } = useTranslation();
  const size = useTouchSize();
  const { inspections } = useServices();
  const [found, setFound] = useState<InspectionDocument[]>([]);
  useEffect(() => {
    const subscription = inspections.watchBySubject(subjectId).subscribe(setFound);
    return () => subscription.unsubscribe();
  }, [inspections, subjectId]);
  return (
    <Stack>
      {inspections.canRecord() && (
        <Group>
          <Button
            component={Link}
            to={`/inspections/new?subject=${encodeURIComponent(subjectId)}`}
            size={size}
          >
            {t('inspectionUi.new')}
          </Button>
        </Group>
      )}
      {found.length === 0 ? (
        <Text c="dimmed">{t('inspectionUi.subjectNone')}</Text>
      ) : (
        <InspectionTable inspections={found} />
      )}
      <SubjectProjects subjectId={subjectId} />
    </Stack>
  );
}
