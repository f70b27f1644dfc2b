import { Badge, Button, Group, NumberInput, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionDocument } from '../../shared/inspections/document.ts';
import {
  checkPublicityDays,
  closedOn,
  defaultPublicityDays,
  isPublicityLate,
  publicationOf,
  publicityDayLimits,
  publicityDeadline,
} from '../../shared/inspections/publicity.ts';
import { issue, type ValidationIssue } from '../../shared/base/validation.ts';
import { useServices } from '../app/services.ts';
import { useCan } from '../kernel/security/hooks.ts';
import { IssueSummary } from '../kernel/ui/issues.tsx';
import { StepDialog } from '../kernel/ui/StepDialog.tsx';
import { useTouchSize } from './touch.tsx';

/** The configured publication deadline in working days (the default until it has loaded). */
export function usePublicityDays(): number {
  const { inspections } = useServices();
  const [days, setDays] = useState(defaultPublicityDays);
  useEffect(() => {
    const subscription = inspections.watchPublicityDays().subscribe(setDays);
    return () => subscription.unsubscribe();
  }, [inspections]);
  return days;
}

/**
 * The publicity (一公开) of a closed inspection's result: when it is due, when and where it was
 * published, and for a reviewer the recorded step that marks it published, or corrects that record.
 */
export function PublicityPanel({ doc }: { doc: InspectionDocument }) {
  const { t } = useTranslation();
  const size = useTouchSize();
  const { inspections, reference } = useServices();
  const days = usePublicityDays();
  const [opened, setOpened] = useState(false);
  const [where, setWhere] = useState('');
  const closed = closedOn(doc);
  if (closed === '') return null;
  const today = inspections.today();
  const publication = publicationOf(doc);
  const deadline = publicityDeadline({ closedOn: closed }, reference.calendar(), days);
  const late = isPublicityLate(doc, today, reference.calendar(), days);
  const mayPublish = inspections.availableActions(doc).includes('publish');
  const action = publication ? 'correct' : 'record';
  const open = () => {
    setWhere(publication?.where ?? '');
    setOpened(true);
  };
  const confirm = async ({ date }: { date: string }): Promise<ValidationIssue[]> => {
    const done = await inspections.act(doc.id, 'publish', where, date);
    // The step's text is where it was published: a missing one is that field's, said as such.
    if (!done.ok)
      return done.issues.map((found) => (found.field === 'note' ? issue('where', 'required') : found));
    setOpened(false);
    notifications.show({ color: 'teal', message: t('publicityUi.recorded') });
    return [];
  };
  return (
    <Paper withBorder p="md" data-testid="publicity">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>{t('publicityUi.title')}</Title>
          <Badge color={publication ? 'teal' : late ? 'red' : 'gray'} variant="light">
            {t(
              publication
                ? 'publicityUi.state.published'
                : late
                  ? 'publicityUi.state.late'
                  : 'publicityUi.state.due',
            )}
          </Badge>
        </Group>
        {publication ? (
          <Text data-testid="publication">
            {t('publicityUi.publishedOn', { date: publication.date, where: publication.where })}
            {publication.records > 1 && ` ${t('publicityUi.corrected', { count: publication.records - 1 })}`}
          </Text>
        ) : (
          <Text c={late ? 'red' : undefined}>{t('publicityUi.dueBy', { date: deadline, days, closed })}</Text>
        )}
        {mayPublish && (
          <Group>
            <Button size={size} variant={publication ? 'default' : 'filled'} onClick={open}>
              {t(`publicityUi.action.${action}`)}
            </Button>
          </Group>
        )}
      </Stack>
      <StepDialog
        step={
          opened
            ? {
                label: t(`publicityUi.action.${action}`),
                consequence: t(`publicityUi.consequence.${action}`),
                date: {
                  label: t('publicityUi.date'),
                  initial: publication?.date ?? today,
                  min: closed,
                  max: today,
                },
                fields: (
                  <TextInput
                    label={t('publicityUi.where')}
                    description={t('publicityUi.whereHint')}
                    withAsterisk
                    value={where}
                    onChange={(event) => setWhere(event.currentTarget.value)}
                    data-testid="publicity-where"
                  />
                ),
                fieldLabel: (field) => (field === 'where' ? t('publicityUi.where') : null),
                color: 'teal',
              }
            : null
        }
        onCancel={() => setOpened(false)}
        onConfirm={confirm}
      />
    </Paper>
  );
}

/**
 * An administrator's county rule: within how many working days a closed inspection's result is published.
 * It syncs to every computer of the county; saving says so first and is recorded.
 */
export function PublicityDaysSetting() {
  const { t } = useTranslation();
  const { inspections } = useServices();
  const allowed = useCan('settings.manage');
  const current = usePublicityDays();
  const [value, setValue] = useState<number | string>(current);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => setValue(current), [current]);
  if (!allowed) return null;
  const days = typeof value === 'number' ? value : Number.NaN;
  // A bad number is named before anything is confirmed.
  const review = () => {
    const problems = checkPublicityDays(days);
    setIssues(problems);
    if (problems.length === 0) setConfirming(true);
  };
  const save = async (): Promise<ValidationIssue[]> => {
    const saved = await inspections.setPublicityDays(days);
    if (!saved.ok) return saved.issues;
    setConfirming(false);
    notifications.show({ color: 'teal', message: t('publicityUi.setting.saved', { days: saved.value }) });
    return [];
  };
  return (
    <Paper withBorder p="lg" data-testid="publicity-days">
      <Stack gap="xs">
        <Text fw={500}>{t('publicityUi.setting.title')}</Text>
        <Text size="sm" c="dimmed">
          {t('publicityUi.setting.explain', { days: defaultPublicityDays })}
        </Text>
        <IssueSummary
          issues={issues}
          labelOf={() => t('publicityUi.setting.label')}
          refusedAction={t('publicityUi.setting.save')}
        />
        <Group align="end">
          <NumberInput
            label={t('publicityUi.setting.label')}
            min={publicityDayLimits.min}
            max={publicityDayLimits.max}
            allowDecimal={false}
            value={value}
            onChange={setValue}
            w={200}
          />
          <Button variant="default" onClick={review} disabled={value === current}>
            {t('publicityUi.setting.save')}
          </Button>
        </Group>
      </Stack>
      <StepDialog
        step={
          confirming
            ? {
                label: t('publicityUi.setting.save'),
                consequence: t('publicityUi.setting.consequence', { days, current }),
                fieldLabel: () => t('publicityUi.setting.label'),
              }
            : null
        }
        onCancel={() => setConfirming(false)}
        onConfirm={save}
      />
    </Paper>
  );
}
