import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InspectionDocument, PlanDocument } from '../../shared/inspections/document.ts';
import { assignmentsOf, planProgress } from '../../shared/inspections/plan.ts';
import { useServices } from '../app/services.ts';
import { ListTable } from '../kernel/ui/ListTable.tsx';
import { useQueryFilter } from '../kernel/ui/useQueryFilter.ts';
import { isDrawnThisMonth } from '../../shared/inspections/figures.ts';
import { RowLink } from './touch.tsx';

/** The inspections the signed-in inspector was drawn for and has not started yet. */
function MyAssignments({ plans, visits }: { plans: PlanDocument[]; visits: InspectionDocument[] }) {
  const { t } = useTranslation();
  const { subjects, context } = useServices();
  const me = context.session()?.userId ?? '';
  const open = plans.flatMap((plan) =>
    assignmentsOf(plan.plan, me)
      .filter((a) => !visits.some((v) => v.planId === plan.id && v.subjectId === a.subjectId))
      .map((assignment) => ({ plan, assignment })),
  );
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

/** The county's 双随机 plans with their progress; an inspector's own open assignments first. */
export function PlanListPage() {
  const { t } = useTranslation();
  const { plans, inspections } = useServices();
  const [all, setAll] = useState<PlanDocument[]>([]);
  const [visits, setVisits] = useState<InspectionDocument[]>([]);
  useEffect(() => {
    const watching = plans.watchAll().subscribe(setAll);
    const visiting = inspections.watchAll().subscribe(setVisits);
    return () => {
      watching.unsubscribe();
      visiting.unsubscribe();
    };
  }, [plans, inspections]);
  // The dashboard's figure opens the plans drawn this month.
  const [params, setFilter] = useQueryFilter();
  const drawnThisMonth = params.get('figure') === 'drawnThisMonth';
  const shown = drawnThisMonth ? all.filter((plan) => isDrawnThisMonth(plan, inspections.today())) : all;
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
      <MyAssignments plans={all.filter((plan) => plan.state === 'drawn')} visits={visits} />
      {drawnThisMonth && (
        <Group gap="xs" data-testid="figure-filter">
          <Text fw={500}>{t('rectificationUi.listFilter.drawnThisMonth')}</Text>
          <Anchor component="button" onClick={() => setFilter('figure', null)}>
            {t('rectificationUi.listFilter.clear')}
          </Anchor>
        </Group>
      )}
      {shown.length === 0 ? (
        <Text c="dimmed">{t('planUi.none')}</Text>
      ) : (
        <ListTable
          striped
          highlightOnHover
          data-testid="plan-table"
          columns={[t('planUi.field.name'), t('planUi.column.state'), t('planUi.progress.label')]}
        >
          {shown.map((plan) => (
            <Table.Tr key={plan.id}>
              <Table.Td>
                <RowLink to={`/inspections/plans/${plan.id}`}>{plan.plan.name}</RowLink>
              </Table.Td>
              <Table.Td>
                <Badge color={plan.state === 'drawn' ? 'green' : 'gray'}>
                  {t(`planUi.state.${plan.state}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {plan.state === 'drawn'
                  ? t('planUi.progress.value', planProgress(plan.id, plan.plan, visits))
                  : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      )}
    </Stack>
  );
}
