import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useServices } from '../app/services.ts';
import { ListTable } from '../kernel/ui/ListTable.tsx';
import { ListPager, ListTotal, useListPage } from '../kernel/ui/ListPager.tsx';
import { useQueryFilter } from '../kernel/ui/useQueryFilter.ts';
import type { OpenAssignment, PlanRow } from './plans.ts';
import { RowLink } from './touch.tsx';

const pageSize = 50;

/** The inspections the signed-in inspector was drawn for and has not started yet. */
function MyAssignments({ open }: { open: OpenAssignment[] }) {
  const { t } = useTranslation();
  const { subjects } = useServices();
  if (open.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={4}>{t('planUi.mine.title', { count: open.length })}</Title>
      <ListTable
        data-testid="my-assignments"
        columns={[t('planUi.column.subject'), t('planUi.column.plan'), '']}
      >
        {open.map(({ plan, assignment }) => (
          <Table.Tr key={`${plan.id}-${assignment.subjectId}`}>
            <Table.Td>{subjects.index.get(assignment.subjectId)?.name ?? ''}</Table.Td>
            <Table.Td>{plan.plan.name}</Table.Td>
            <Table.Td>
              <Button
                component={Link}
                size="md"
                to={`/inspections/new?plan=${plan.id}&subject=${assignment.subjectId}`}
              >
                {t('planUi.startAssigned')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </Stack>
  );
}

/**
 * The county's 双随机 plans a page at a time with their progress; an inspector's own open assignments
 * first.
 */
export function PlanListPage() {
  const { t } = useTranslation();
  const { plans, inspections, context } = useServices();
  // The dashboard's figure opens the plans drawn this month.
  const [params, setFilter] = useQueryFilter();
  const drawnThisMonth = params.get('figure') === 'drawnThisMonth';
  const [page, setPage] = useListPage([drawnThisMonth]);
  const [result, setResult] = useState<{ total: number; more: boolean; rows: PlanRow[] } | null>(null);
  const [mine, setMine] = useState<OpenAssignment[]>([]);
  const me = context.session()?.userId ?? '';
  useEffect(() => {
    let current = true;
    const load = () => {
      const query = { drawnThisMonth, today: inspections.today(), offset: (page - 1) * pageSize };
      plans.listPage({ ...query, limit: pageSize }).then((found) => current && setResult(found));
      plans.openAssignments(me).then((found) => current && setMine(found));
    };
    load();
    // Plans and the inspections that make their progress live in one collection.
    const watching = inspections.changes$.subscribe(load);
    return () => {
      current = false;
      watching.unsubscribe();
    };
  }, [plans, inspections, drawnThisMonth, page, me]);
  const rows = result?.rows ?? [];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('planUi.title')}</Title>
        {plans.canPlan() && (
          <Button component={Link} to="/inspections/plans/new">
            {t('planUi.new')}
          </Button>
        )}
      </Group>
      <MyAssignments open={mine} />
      {drawnThisMonth && (
        <Group gap="xs" data-testid="figure-filter">
          <Text fw={500}>{t('rectificationUi.listFilter.drawnThisMonth')}</Text>
          <Anchor component="button" onClick={() => setFilter('figure', null)}>
            {t('rectificationUi.listFilter.clear')}
          </Anchor>
        </Group>
      )}
      {result && result.total > pageSize && <ListTotal total={result.total} more={result.more} />}
      {rows.length === 0 ? (
        result && <Text c="dimmed">{t('planUi.none')}</Text>
      ) : (
        <ListTable
          striped
          highlightOnHover
          data-testid="plan-table"
          columns={[t('planUi.field.name'), t('planUi.column.state'), t('planUi.progress.label')]}
        >
          {rows.map(({ plan, progress }) => (
            <Table.Tr key={plan.id}>
              <Table.Td>
                <RowLink to={`/inspections/plans/${plan.id}`}>{plan.plan.name}</RowLink>
              </Table.Td>
              <Table.Td>
                <Badge color={plan.state === 'drawn' ? 'green' : 'gray'}>
                  {t(`planUi.state.${plan.state}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{progress ? t('planUi.progress.value', progress) : ''}</Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      )}
      <ListPager found={result} pageSize={pageSize} page={page} onChange={setPage} />
    </Stack>
  );
}
