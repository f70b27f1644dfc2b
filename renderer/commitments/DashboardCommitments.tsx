import { Anchor, Group, List, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type FollowUpEntry, followUpQueue } from '../../shared/commitments/followUp.ts';
import {
  type CommitmentRatio,
  commitmentRatio,
  fulfilmentRate,
  overdueCommitments,
} from '../../shared/commitments/metrics.ts';
import type { CommitmentDocument } from '../../shared/commitments/model.ts';
import type { Rate } from '../../shared/disclosures/rates.ts';
import { useServices } from '../app/services.ts';

interface Figures {
  ratio: CommitmentRatio;
  rate: Rate;
  overdue: number;
}

function useCommitments(): CommitmentDocument[] | null {
  const { commitments } = useServices();
  const [all, setAll] = useState<CommitmentDocument[] | null>(null);
  useEffect(() => {
    const load = () => commitments.all().then(setAll);
    load();
    const subscription = commitments.changes$.subscribe(load);
    return () => subscription.unsubscribe();
  }, [commitments]);
  return all;
}

/** The commitment ratio against 2.0, the fulfilment rate and the overdue count, each opening its list. */
export function CommitmentFiguresCard() {
  const { t } = useTranslation();
  const { commitments, subjects, reference } = useServices();
  const all = useCommitments();
  useEffect(() => {
    commitments.deadlinesPassedSinceLastCheck().then((passed) => {
      for (const c of passed) {
        notifications.show({
          color: 'red',
          autoClose: 10_000,
          message: t('commitmentUi.reminder', { name: c.subjectName, date: c.materialsDeadline }),
        });
      }
    });
  }, [commitments, t]);
  const [figures, setFigures] = useState<Figures | null>(null);
  useEffect(() => {
    if (!all) return;
    subjects.list({ kind: 'enterprise', limit: Number.MAX_SAFE_INTEGER }).then(({ items }) =>
      setFigures({
        ratio: commitmentRatio(all, items),
        rate: fulfilmentRate(all),
        overdue: overdueCommitments(all, commitments.today(), reference.calendar()).count,
      }),
    );
  }, [all, subjects, commitments, reference]);
  if (!figures) return null;
  const { ratio, rate, overdue } = figures;
  return (
    <Paper withBorder p="md" data-testid="commitment-figures">
      <Title order={3} mb="sm">
        {t('commitmentUi.dashboard.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Figure
          label={t('commitment.metric.ratio')}
          value={ratio.ratio === null ? '—' : ratio.ratio.toFixed(2)}
          color={ratio.met ? 'teal' : 'orange'}
          note={t('commitment.metric.ratioDetail', {
            commitments: ratio.commitmentIds.length,
            records: ratio.fulfilmentRecordIds.length,
            enterprises: ratio.enterpriseIds.length,
            target: ratio.target.toFixed(1),
          })}
          to="/commitments"
        />
        <Figure
          label={t('commitment.metric.fulfilmentRate')}
          value={rate.rate === null ? '—' : `${(rate.rate * 100).toFixed(1)}%`}
          note={t('commitmentUi.dashboard.rateDetail', {
            fulfilled: rate.numerator,
            decided: rate.denominator,
          })}
          to="/commitments?decided=1"
        />
        <Figure
          label={t('commitment.metric.overdue')}
          value={String(overdue)}
          color={overdue > 0 ? 'red' : undefined}
          note={t('commitmentUi.dashboard.overdueDetail')}
          to="/commitments?followUp=overdue"
          testId="commitment-overdue-count"
        />
      </SimpleGrid>
    </Paper>
  );
}

export function Figure(props: {
  label: string;
  value: string;
  note: string;
  to: string;
  color?: string;
  testId?: string;
}) {
  return (
    <Anchor component={Link} to={props.to} underline="never" c="inherit" data-testid={props.testId}>
      <Text size="sm" c="dimmed">
        {props.label}
      </Text>
      <Text fz={28} fw={700} c={props.color}>
        {props.value}
      </Text>
      <Text size="xs" c="dimmed">
        {props.note}
      </Text>
    </Anchor>
  );
}

/** The to-do entries of commitments: materials due soon or overdue, most urgent first. */
/** Letters due soon or overdue, for the to-do list; null while loading. */
export function useCommitmentTodos(): FollowUpEntry<CommitmentDocument>[] | null {
  const { commitments, reference } = useServices();
  const all = useCommitments();
  if (!all) return null;
  return followUpQueue(all, commitments.today(), reference.calendar()).entries;
}

export function CommitmentTodos({ entries }: { entries: readonly FollowUpEntry<CommitmentDocument>[] }) {
  const { t } = useTranslation();
  if (entries.length === 0) return null;
  return (
    <div data-testid="commitment-todos">
      <Text fw={600} size="sm">
        {t('commitmentUi.todo.title', { count: entries.length })}
      </Text>
      <List size="sm">
        {entries.map(({ commitment, state, deadline }) => (
          <List.Item key={commitment.id}>
            <Group gap="xs" wrap="nowrap">
              <Anchor component={Link} to={`/commitments/${commitment.id}`}>
                {commitment.subjectName}
              </Anchor>
              <Text size="sm" c={state === 'overdue' ? 'red' : 'orange'}>
                {t(`commitmentUi.todo.${state}`, { date: deadline })}
              </Text>
            </Group>
          </List.Item>
        ))}
      </List>
    </div>
  );
}
