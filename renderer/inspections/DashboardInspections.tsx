import { Anchor, Group, List, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type FigureList,
  figureLists,
  figureScan,
  planAssignments,
} from '../../shared/inspections/figures.ts';
import type { OrderRow } from '../../shared/inspections/orders.ts';
import { isDrawnThisMonth } from '../../shared/inspections/figures.ts';
import { useServices } from '../app/services.ts';
import { Figure } from '../commitments/DashboardCommitments.tsx';
import { usePublicityDays } from './PublicityPanel.tsx';

export type FigureFilter = FigureList;

export function figureFilterOf(value: string | null): FigureFilter | null {
  return (figureLists as readonly string[]).includes(value ?? '') ? (value as FigureFilter) : null;
}

/** A count through an index: exact, or stopped at a cap (`more`). */
interface Counted {
  total: number;
  more: boolean;
}

interface CountedFigures {
  plans: Counted & { assigned: number; done: number };
  done: Counted;
  open: Counted;
  overdue: Counted;
  latePublicity: Counted;
}

/** How many plans a figure reads (drawn this month) before it says "more than". */
const countedPlans = 100;

/** The figures of the card, read through the indexes and reread on every change of the collection. */
function useCountedFigures(days: number): CountedFigures | null {
  const { inspections, plans, reference } = useServices();
  const [figures, setFigures] = useState<CountedFigures | null>(null);
  useEffect(() => {
    let current = true;
    const load = async () => {
      const today = inspections.today();
      const count = (figure: FigureList) =>
        inspections.figurePage(figureScan(figure, today, reference.calendar(), days), { limit: 0 });
      const orders = (filter: 'open' | 'overdue') => inspections.orderPage({ filter, today, limit: 0 });
      const drawn = await plans.page({
        accepts: (plan) => isDrawnThisMonth(plan, today),
        limit: countedPlans,
      });
      const [visits, done, open, overdue, latePublicity] = await Promise.all([
        plans.inspectionsOf(drawn.items),
        count('doneThisMonth'),
        orders('open'),
        orders('overdue'),
        count('latePublicity'),
      ]);
      const assignments = planAssignments(drawn.items, visits);
      if (!current) return;
      setFigures({
        plans: { total: drawn.total, more: drawn.more, ...assignments },
        done,
        open,
        overdue,
        latePublicity,
      });
    };
    load();
    const subscription = inspections.changes$.subscribe(() => void load());
    return () => {
      current = false;
      subscription.unsubscribe();
    };
  }, [inspections, plans, reference, days]);
  return figures;
}

/**
 * The dashboard's inspection card: plans drawn this month with their assigned inspections done,
 * inspections done this month, open and overdue rectification orders, and closed inspections late for
 * publicity, each opening the list behind it; a count stopped at its cap shows as "more than".
 */
export function InspectionFiguresCard() {
  const { t } = useTranslation();
  const days = usePublicityDays();
  const figures = useCountedFigures(days);
  if (!figures) return null;
  const shownCount = ({ total, more }: Counted) =>
    more ? t('rectificationUi.dashboard.moreThan', { count: total }) : String(total);
  const shown: [key: string, counted: Counted, value: string, to: string, color: string, testId: string][] = [
    [
      'plans',
      figures.plans,
      t('rectificationUi.dashboard.plansValue', {
        plans: shownCount(figures.plans),
        done: figures.plans.done,
        assigned: figures.plans.assigned,
      }),
      '/inspections/plans?figure=drawnThisMonth',
      '',
      'plans-drawn',
    ],
    [
      'done',
      figures.done,
      shownCount(figures.done),
      '/inspections?figure=doneThisMonth',
      '',
      'inspections-done',
    ],
    [
      'open',
      figures.open,
      shownCount(figures.open),
      '/inspections/rectifications',
      '',
      'rectifications-open',
    ],
    [
      'overdue',
      figures.overdue,
      shownCount(figures.overdue),
      '/inspections/rectifications?filter=overdue',
      figures.overdue.total > 0 ? 'red' : '',
      'rectifications-overdue',
    ],
    [
      'latePublicity',
      figures.latePublicity,
      shownCount(figures.latePublicity),
      '/inspections?figure=latePublicity',
      figures.latePublicity.total > 0 ? 'orange' : '',
      'publicity-late',
    ],
  ];
  return (
    <Paper withBorder p="md" data-testid="inspection-figures">
      <Title order={3} mb="sm">
        {t('rectificationUi.dashboard.title')}
      </Title>
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        {shown.map(([key, counted, value, to, color, testId]) => (
          <Figure
            key={key}
            label={t(`rectificationUi.dashboard.${key}`)}
            value={value}
            note={
              counted.more
                ? t('rectificationUi.dashboard.moreThanNote', { count: counted.total })
                : t(`rectificationUi.dashboard.${key}Detail`, { days })
            }
            to={to}
            testId={testId}
            {...(color ? { color } : {})}
          />
        ))}
      </SimpleGrid>
    </Paper>
  );
}

/** How many orders of each kind (overdue, due soon) the to-do list shows, the most urgent first. */
const todoOrders = 10;

/**
 * Rectification orders overdue, then due soon, for an inspector's to-do list (the most urgent of each,
 * read through the deadline index); [] for others, null while loading.
 */
export function useRectificationTodos(): OrderRow[] | null {
  const { inspections } = useServices();
  const [rows, setRows] = useState<OrderRow[] | null>(null);
  useEffect(() => {
    if (!inspections.canRecord()) {
      setRows([]);
      return;
    }
    let current = true;
    const load = async () => {
      const today = inspections.today();
      const [overdue, dueSoon] = await Promise.all(
        (['overdue', 'dueSoon'] as const).map((filter) =>
          inspections.orderPage({ filter, today, limit: todoOrders }),
        ),
      );
      if (current) setRows([...overdue!.rows, ...dueSoon!.rows]);
    };
    load();
    const subscription = inspections.changes$.subscribe(() => void load());
    return () => {
      current = false;
      subscription.unsubscribe();
    };
  }, [inspections]);
  return rows;
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
