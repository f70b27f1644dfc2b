import { Anchor, Group, List, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InspectionDocument, PlanDocument } from '../../shared/inspections/document.ts';
import { inspectionFigures, isDoneThisMonth } from '../../shared/inspections/figures.ts';
import { isPublicityLate } from '../../shared/inspections/publicity.ts';
import { type OrderRow, orderRows } from '../../shared/inspections/orders.ts';
import type { WorkdayCalendar } from '../../shared/base/calendar/workdays.ts';
import { useServices } from '../app/services.ts';
import { Figure } from '../commitments/DashboardCommitments.tsx';
import { usePublicityDays } from './PublicityPanel.tsx';
import { useAllInspections } from './RectificationListPage.tsx';
import { useWatched } from './useWatched.ts';

/** The inspection figures that open a filtered inspection list (`/inspections?figure=…`). */
const figureFilters = ['doneThisMonth', 'latePublicity'] as const;
export type FigureFilter = (typeof figureFilters)[number];

export function figureFilterOf(value: string | null): FigureFilter | null {
  return (figureFilters as readonly string[]).includes(value ?? '') ? (value as FigureFilter) : null;
}

/** Whether an inspection is one of those a figure counts. */
export function inspectionsBehind(
  figure: FigureFilter,
  today: string,
  calendar: WorkdayCalendar,
  publicityDays: number,
): (doc: InspectionDocument) => boolean {
  return figure === 'doneThisMonth'
    ? (doc) => isDoneThisMonth(doc, today)
    : (doc) => isPublicityLate(doc, today, calendar, publicityDays);
}

/** Every plan of the county, kept current; null while loading. */
export function useAllPlans(): PlanDocument[] | null {
  const { plans } = useServices();
  return useWatched(() => plans.watchAll(), plans);
}

/**
 * The dashboard's inspection card: plans drawn this month with their assigned inspections done,
 * inspections done this month, open and overdue rectification orders, and closed inspections late for
 * publicity, each opening the list behind it.
 */
export function InspectionFiguresCard() {
  const { t } = useTranslation();
  const { inspections, reference } = useServices();
  const all = useAllInspections();
  const plans = useAllPlans();
  const days = usePublicityDays();
  if (!all || !plans) return null;
  const figures = inspectionFigures(all, plans, inspections.today(), reference.calendar(), days);
  const shown: [key: string, value: string, to: string, color: string, testId: string][] = [
    [
      'plans',
      t('rectificationUi.dashboard.plansValue', {
        plans: figures.plansDrawn,
        done: figures.assignedDone,
        assigned: figures.assigned,
      }),
      '/inspections/plans?figure=drawnThisMonth',
      '',
      'plans-drawn',
    ],
    ['done', String(figures.doneThisMonth), '/inspections?figure=doneThisMonth', '', 'inspections-done'],
    ['open', String(figures.openRectifications), '/inspections/rectifications', '', 'rectifications-open'],
    [
      'overdue',
      String(figures.overdueRectifications),
      '/inspections/rectifications?filter=overdue',
      figures.overdueRectifications > 0 ? 'red' : '',
      'rectifications-overdue',
    ],
    [
      'latePublicity',
      String(figures.latePublicity),
      '/inspections?figure=latePublicity',
      figures.latePublicity > 0 ? 'orange' : '',
      'publicity-late',
    ],
  ];
  return (
    <Paper withBorder p="md" data-testid="inspection-figures">
      <Title order={3} mb="sm">
        {t('rectificationUi.dashboard.title')}
      </Title>
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        {shown.map(([key, value, to, color, testId]) => (
          <Figure
            key={key}
            label={t(`rectificationUi.dashboard.${key}`)}
            value={value}
            note={t(`rectificationUi.dashboard.${key}Detail`, { days })}
            to={to}
            testId={testId}
            {...(color ? { color } : {})}
          />
        ))}
      </SimpleGrid>
    </Paper>
  );
}

/** Rectification orders overdue, then due soon, for an inspector's to-do list; [] for others, null while loading. */
export function useRectificationTodos(): OrderRow[] | null {
  const { inspections } = useServices();
  const all = useAllInspections();
  if (!all) return null;
  if (!inspections.canRecord()) return [];
  const today = inspections.today();
  return [...orderRows(all, today, 'overdue'), ...orderRows(all, today, 'dueSoon')];
}

export function RectificationTodos({ rows }: { rows: readonly OrderRow[] }) {
  const { t } = useTranslation();
  const { subjects } = useServices();
  if (rows.length === 0) return null;
  return (
    <div data-testid="rectification-todos">
      <Text fw={600} size="sm">
        {t('rectificationUi.todo.title', { count: rows.length })}
      </Text>
      <List size="sm">
        {rows.map(({ inspection, order, overdue }) => (
          <List.Item key={`${inspection.id}:${order.findingId}`}>
            <Group gap="xs" wrap="nowrap">
              <Anchor component={Link} to={`/inspections/${inspection.id}`}>
                {subjects.index.get(inspection.subjectId)?.name ?? t('inspectionUi.title')}
              </Anchor>
              <Text size="sm" c={overdue ? 'red' : 'orange'}>
                {t(`rectificationUi.todo.${overdue ? 'overdue' : 'dueSoon'}`, { date: order.deadline })}
              </Text>
            </Group>
          </List.Item>
        ))}
      </List>
    </div>
  );
}
