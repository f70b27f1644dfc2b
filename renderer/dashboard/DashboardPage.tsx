import { CommitmentFiguresCard } from '../commitments/DashboardCommitments.tsx';
import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useServices } from '../app/services.ts';
import type { CreditRecordCounts } from '../creditRecords/repository.ts';
import { CategoryIcon } from '../creditRecords/style.tsx';
import { RatesCard } from './RatesCard.tsx';
import { TodoCard } from './TodoCard.tsx';
import { GradeDistribution } from '../lists/GradeDistribution.tsx';
import { InspectionFiguresCard } from '../inspections/DashboardInspections.tsx';

interface SubjectCounts {
  enterprises: number;
  practitioners: number;
}

/** The office at a glance: subjects, credit records by category, work waiting, and the 双公示 rates. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { subjects, creditRecords } = useServices();
  const [subjectCounts, setSubjectCounts] = useState<SubjectCounts | null>(null);
  const [records, setRecords] = useState<CreditRecordCounts | null>(null);

  useEffect(() => {
    const load = async () => {
      const [enterprises, practitioners] = await Promise.all([
        subjects.list({ kind: 'enterprise', limit: 0 }),
        subjects.list({ kind: 'practitioner', limit: 0 }),
      ]);
      setSubjectCounts({ enterprises: enterprises.total, practitioners: practitioners.total });
    };
    load();
    const subscription = subjects.changes$.subscribe(() => load());
    return () => subscription.unsubscribe();
  }, [subjects]);

  useEffect(() => {
    const load = () => creditRecords.counts().then(setRecords);
    load();
    const subscription = creditRecords.changes$.subscribe(load);
    return () => subscription.unsubscribe();
  }, [creditRecords]);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('creditUi.dashboard.title')}</Title>
        <Anchor component={Link} to="/figures" data-testid="dashboard-figures-link">
          {t('figures.open')}
        </Anchor>
      </Group>
      <TodoCard />
      <CommitmentFiguresCard />
      <InspectionFiguresCard />
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <StatCard
          label={t('creditUi.dashboard.subjects')}
          testId="dashboard-subjects"
          value={subjectCounts ? subjectCounts.enterprises + subjectCounts.practitioners : undefined}
          note={subjectCounts && t('creditUi.dashboard.subjectsSplit', { ...subjectCounts })}
        />
        <StatCard
          label={t('creditUi.dashboard.awaitingReview')}
          testId="dashboard-awaiting"
          value={records?.awaitingReview}
          to="/credit/records?status=submitted"
        />
        <StatCard
          label={t('creditUi.dashboard.drafts')}
          testId="dashboard-drafts"
          value={records?.drafts}
          to="/credit/records?status=draft"
        />
      </SimpleGrid>
      <Paper withBorder p="md">
        <Text c="dimmed" size="sm" mb="xs">
          {t('creditUi.dashboard.recordsByCategory')}
        </Text>
        <Group gap="lg">
          {Object.entries(records?.byCategory ?? {}).map(([category, count]) => (
            <Anchor
              key={category}
              component={Link}
              to={`/credit/records?category=${category}`}
              underline="never"
              data-testid={`dashboard-category-${category}`}
            >
              <Group gap="xs">
                <CategoryIcon category={category} />
                <Text>{t(`credit.category.${category}`, { defaultValue: category })}</Text>
                <Text fw={700}>{count}</Text>
              </Group>
            </Anchor>
          ))}
        </Group>
      </Paper>
      <RatesCard />
      <GradeDistribution />
    </Stack>
  );
}

interface StatCardProps {
  label: string;
  testId: string;
  /** The count; '—' while it loads. */
  value: number | undefined;
  /** Where the count leads: the records it counts. */
  to?: string;
  /** A line under the count. */
  note?: string | null;
}

/** One count of the office at a glance, under its label. */
function StatCard({ label, testId, value, to, note }: StatCardProps) {
  const count = value ?? '—';
  return (
    <Paper withBorder p="md">
      <Text c="dimmed" size="sm">
        {label}
      </Text>
      {to ? (
        <Anchor component={Link} to={to} fz={28} fw={700} data-testid={testId}>
          {count}
        </Anchor>
      ) : (
        <Text fz={28} fw={700} data-testid={testId}>
          {count}
        </Text>
      )}
      {note && (
        <Text size="sm" c="dimmed">
          {note}
        </Text>
      )}
    </Paper>
  );
}
