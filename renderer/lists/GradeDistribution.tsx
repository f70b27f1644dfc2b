import { BarChart } from '@mantine/charts';
import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useServices } from '../app/services.ts';
import { useGradeTick } from './useGrades.ts';

/** Subjects per grade today (from the grade cache), best grade first; a bar opens the list behind it. */
export function GradeDistribution() {
  const { t } = useTranslation();
  const { listings, subjects } = useServices();
  const tick = useGradeTick();
  const [picked, setPicked] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: recounted on every cache tick
  const groups = useMemo(() => listings.grades.byGrade(), [listings, tick]);
  const order = listings.grades.modelFor('construction').grades.map((grade) => grade.code);
  const codes = [...new Set([...order, ...groups.keys()])];
  const data = codes.map((grade) => ({ grade, count: groups.get(grade)?.length ?? 0 }));
  const members = picked ? (groups.get(picked) ?? []) : [];
  return (
    <Paper withBorder p="md" data-testid="grade-distribution">
      <Stack>
        <Title order={4}>{t('lists.ui.distribution.title')}</Title>
        {listings.grades.loaded ? (
          <>
            <BarChart
              h={220}
              data={data}
              dataKey="grade"
              yAxisProps={{ allowDecimals: false }}
              series={[{ name: 'count', label: t('lists.ui.distribution.subjects'), color: 'blue.6' }]}
              barProps={{
                onClick: (bar) => setPicked((bar.payload as { grade?: string } | undefined)?.grade ?? null),
                cursor: 'pointer',
              }}
            />
            <Group gap="xs">
              {data.map((entry) => (
                <Anchor
                  key={entry.grade}
                  size="sm"
                  onClick={() => setPicked(entry.grade)}
                  data-testid={`grade-bar-${entry.grade}`}
                >
                  {entry.grade}: {entry.count}
                </Anchor>
              ))}
            </Group>
            {picked && (
              <Stack gap={4} data-testid="grade-members">
                <Group justify="space-between">
                  <Text fw={500}>
                    {t('lists.ui.distribution.listTitle', { grade: picked, count: members.length })}
                  </Text>
                  <Anchor
                    component={Link}
                    to={`/subjects?grade=${encodeURIComponent(picked)}`}
                    size="sm"
                    data-testid="grade-open-list"
                  >
                    {t('lists.ui.distribution.openList')}
                  </Anchor>
                </Group>
                {members.slice(0, 50).map((id) => (
                  <Anchor key={id} component={Link} to={`/subjects/${id}?tab=lists`} size="sm">
                    {subjects.index.get(id)?.name ?? ''}
                  </Anchor>
                ))}
              </Stack>
            )}
          </>
        ) : (
          <Text c="dimmed" data-testid="grade-distribution-calculating">
            {t('lists.ui.grade.calculating')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
