import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import { Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Industry, industries } from '../../shared/subjects/model.ts';
import type { ValidationIssue } from '../../shared/base/validation.ts';
import { useServices } from '../app/services.ts';
import { StepDialog, type StepValues } from '../kernel/ui/StepDialog.tsx';
import { useCan } from '../kernel/security/hooks.ts';
import { type GradeYearCounts, gradeDayOf } from './gradePublication.ts';
import { useGradeTick } from './useGrades.ts';

type Pending = 'propose' | 'approve';

/** The yearly publication of grades: a clerk proposes the year's grades of a scope, a reviewer approves them. */
export function YearlyGrades() {
  const { t } = useTranslation();
  const { listings, clock } = useServices();
  const tick = useGradeTick();
  const mayPropose = useCan('list.propose');
  const mayApprove = useCan('list.approve');
  const today = chinaDateOf(clock());
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [industry, setIndustry] = useState<Industry | null>(null);
  const [counts, setCounts] = useState<GradeYearCounts | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [progress, setProgress] = useState<number | null>(null);

  const scope = { year, industry };
  const refresh = useCallback(
    () => listings.publication.counts({ year, industry }).then(setCounts),
    [listings, year, industry],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: recounted on every cache tick
  useEffect(() => {
    void refresh();
  }, [refresh, tick]);

  const act = async (step: Pending, values: StepValues): Promise<ValidationIssue[]> => {
    const result =
      step === 'propose'
        ? await listings.publication.proposeYear(scope, setProgress)
        : await listings.publication.approveYear(
            scope,
            { decisionNumber: values.documentNumber, note: values.text },
            setProgress,
          );
    setProgress(null);
    if (!result.ok) return result.issues;
    setPending(null);
    notifications.show({ color: 'teal', message: t('lists.ui.yearly.done', { count: result.value }) });
    await refresh();
    return [];
  };
  if (!mayPropose && !mayApprove) return null;
  const years = [thisYear, thisYear - 1, thisYear - 2].map(String);
  return (
    <Paper withBorder p="md" data-testid="yearly-grades">
      <Stack>
        <Title order={4}>{t('lists.ui.yearly.title')}</Title>
        <Group align="end">
          <Select
            label={t('lists.ui.yearly.year')}
            data={years}
            value={String(year)}
            onChange={(value) => value && setYear(Number(value))}
            allowDeselect={false}
            w={110}
          />
          <Select
            label={t('lists.ui.yearly.industry')}
            placeholder={t('common.all')}
            data={industries.map((value) => ({ value, label: t(`subject.industry.${value}`) }))}
            value={industry}
            onChange={(value) => setIndustry(value as Industry | null)}
            clearable
            w={200}
          />
          {mayPropose && (
            <Button variant="light" disabled={!counts?.toPropose} onClick={() => setPending('propose')}>
              {t('lists.ui.yearly.propose')}
            </Button>
          )}
          {mayApprove && (
            <Button disabled={!counts?.proposed} onClick={() => setPending('approve')}>
              {t('lists.ui.yearly.approve')}
            </Button>
          )}
        </Group>
        {counts && (
          <Text size="sm" c="dimmed" data-testid="yearly-counts">
            {t('lists.ui.yearly.counts', { ...counts })}
          </Text>
        )}
        {progress !== null && <Text size="sm">{t('lists.ui.yearly.progress', { done: progress })}</Text>}
      </Stack>
      <StepDialog
        step={
          pending === 'propose'
            ? {
                label: t('lists.ui.yearly.propose'),
                consequence: t('lists.ui.yearly.proposeConsequence', {
                  day: gradeDayOf(year, today),
                  count: counts?.toPropose ?? 0,
                }),
              }
            : pending === 'approve'
              ? {
                  label: t('lists.ui.yearly.approve'),
                  consequence: t('lists.ui.yearly.approveConsequence', { count: counts?.proposed ?? 0 }),
                  text: { kind: 'opinion', required: true },
                  documentNumber: { label: t('lists.ui.step.documentNumber') },
                }
              : null
        }
        onCancel={() => setPending(null)}
        onConfirm={(values) => (pending ? act(pending, values) : Promise.resolve([]))}
      />
    </Paper>
  );
}
