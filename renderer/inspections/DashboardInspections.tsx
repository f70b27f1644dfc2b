import { Anchor, Group, List, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InspectionDocument } from '../../shared/inspections/document.ts';
import {
  inspectionFigures,
  isDoneThisMonth,
  isPublicityLate,
  publicityWorkingDays,
} from '../../shared/inspections/figures.ts';
import { type OrderRow, orderRows } from '../../shared/inspections/orders.ts';
import type { WorkdayCalendar } from '../../shared/base/calendar/workdays.ts';
import { useServices } from '../app/services.ts';
import { Figure } from '../commitments/DashboardCommitments.tsx';
import { useAllInspections } from './RectificationListPage.tsx';

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
): (doc: InspectionDocument) => boolean {
  return figure === 'doneThisMonth'
    ? (doc) => isDoneThisMonth(doc, today)
    : (doc) => isPublicityLate(doc, '', today, calendar);
}

/**
 * The dashboard's inspection card: inspections done this month, open and overdue rectification orders,
 * and closed inspections late for publicity, each opening the list behind it.
 */
export function InspectionFiguresCard() {
  const { t } = useTranslation();
  const { inspections, reference } = useServices();
  const all = useAllInspections();
  if (!all) return null;
  const figures = inspectionFigures(all, inspections.today(), reference.calendar());
  const shown: [key: string, value: number, to: string, color: string, testId: string][] = [
    ['done', figures.doneThisMonth, '/inspections?figure=doneThisMonth', '', 'inspections-done'],
    ['open', figures.openRectifications, '/inspections/rectifications', '', 'rectifications-open'],
    [
      'overdue',
      figures.overdueRectifications,
      '/inspections/rectifications?filter=overdue',
      'red',
      'rectifications-overdue',
    ],
    ['latePublicity', figures.latePublicity, '/inspections?figure=latePublicity', 'orange', 'publicity-late'],
  ];
  return (
    <Paper withBorder p="md" data-testid="inspection-figures">
      <Title order={3} mb="sm">
        {t('rectificationUi.dashboard.title')}
      </Title>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {shown.map(([key, value, to, color, testId]) => (
          <Figure
            key={key}
            label={t(`rectificationUi.dashboard.${key}`)}
            value={String(value)}
            note={t(`rectificationUi.dashboard.${key}Detail`, { days: publicityWorkingDays })}
            to={to}
            testId={testId}
            {...(value > 0 && color ? { color } : {})}
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
