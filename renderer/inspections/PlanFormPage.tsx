import {
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { defaultGradingModel } from '../../shared/grading/publishedModels.ts';
import { ratiosFromGrading } from '../../shared/inspections/plan.ts';
import {
  type Industry,
  industries,
  type SubjectStatus,
  subjectStatuses,
} from '../../shared/subjects/model.ts';
import type { ValidationIssue } from '../../shared/base/validation.ts';
import { useServices } from '../app/services.ts';
import { FormActions } from '../kernel/ui/FormActions.tsx';
import { IssueSummary } from '../kernel/ui/issues.tsx';
import type { PlanFields } from './plans.ts';
import { usePlanningChoices, useProjectOptions } from './usePlanningChoices.ts';

/** The plan's fields as the form labels them. */
export function planFieldLabel(t: TFunction, field: string): string | null {
  const name = field.replace(/^plan\./, '').split('.')[0] ?? '';
  const labels: Record<string, string> = {
    name: 'planUi.field.name',
    scope: 'planUi.field.industries',
    ratios: 'planUi.field.ratios',
    inspectorPool: 'planUi.field.pool',
  };
  return labels[name] ? t(labels[name]) : null;
}

const defaultsFor = (scope: readonly Industry[]) =>
  ratiosFromGrading(scope.map((industry) => defaultGradingModel(industry)));

/**
 * Makes a 双随机 plan (a reviewer or administrator): scope, sampling ratio per credit grade (the grading
 * model's grade names and their inspection ratios as defaults), the ungraded and raised buckets, and the
 * inspector pool. The plan is saved as a draft; drawing it is a step of its own on the plan's page.
 */
export function PlanFormPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { plans } = useServices();
  const { inspectors } = usePlanningChoices();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<Industry[]>(['construction']);
  const [statuses, setStatuses] = useState<SubjectStatus[]>(['active']);
  const [projectIds, setProjectIds] = useState<string[]>([]);
  const [projectSearch, setProjectSearch] = useState('');
  const projectOptions = useProjectOptions(projectSearch, projectIds);
  const [ratios, setRatios] = useState(() => defaultsFor(['construction']));
  const [pool, setPool] = useState<string[]>([]);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [busy, setBusy] = useState(false);

  const changeScope = (next: Industry[]) => {
    setScope(next);
    setRatios((current) => ({ ...defaultsFor(next), ungraded: current.ungraded }));
  };

  const save = async () => {
    setBusy(true);
    try {
      const fields: PlanFields = {
        name,
        scope: { industries: scope, statuses, projectIds },
        ratios,
        inspectorPool: pool,
      };
      const created = await plans.create(fields);
      if (created.ok) navigate(`/inspections/plans/${created.value.id}`);
      else setIssues(created.issues);
    } finally {
      setBusy(false);
    }
  };

  const percent = (label: string, value: number, onChange: (value: number) => void) => (
    <NumberInput
      key={label}
      label={label}
      suffix=" %"
      min={0}
      max={100}
      allowDecimal={false}
      value={value}
      onChange={(next) => onChange(typeof next === 'number' ? next : Number(next) || 0)}
    />
  );

  return (
    <Stack maw={760}>
      <Title order={2}>{t('planUi.form.title')}</Title>
      <Paper withBorder p="md">
        <Stack>
          <TextInput
            label={t('planUi.field.name')}
            required
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <MultiSelect
            label={t('planUi.field.industries')}
            required
            value={scope}
            data={industries.map((value) => ({ value, label: t(`subject.industry.${value}`) }))}
            onChange={(value) => changeScope(value as Industry[])}
          />
          <MultiSelect
            label={t('planUi.field.statuses')}
            description={t('planUi.field.statusesHint')}
            value={statuses}
            data={subjectStatuses.map((value) => ({ value, label: t(`subject.status.${value}`) }))}
            onChange={(value) => setStatuses(value as SubjectStatus[])}
          />
          <MultiSelect
            label={t('planUi.field.projects')}
            description={t('planUi.field.projectsHint')}
            value={projectIds}
            searchable
            data={projectOptions}
            filter={({ options }) => options}
            searchValue={projectSearch}
            onSearchChange={setProjectSearch}
            onChange={setProjectIds}
          />
          <div>
            <Text fw={500} size="sm">
              {t('planUi.field.ratios')}
            </Text>
            <Text size="xs" c="dimmed" mb="xs">
              {t('planUi.field.ratiosHint')}
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              {Object.entries(ratios.grades).map(([grade, value]) =>
                percent(t('planUi.bucket.grade', { grade }), value, (next) =>
                  setRatios((current) => ({ ...current, grades: { ...current.grades, [grade]: next } })),
                ),
              )}
              {percent(t('planUi.bucket.ungraded'), ratios.ungraded, (ungraded) =>
                setRatios((current) => ({ ...current, ungraded })),
              )}
              {percent(t('planUi.bucket.raised'), ratios.raised, (raised) =>
                setRatios((current) => ({ ...current, raised })),
              )}
            </SimpleGrid>
          </div>
          <MultiSelect
            label={t('planUi.field.pool')}
            description={t('planUi.field.poolHint')}
            required
            value={pool}
            data={inspectors.map((user) => ({ value: user.id, label: user.displayName }))}
            onChange={setPool}
          />
          <IssueSummary issues={issues} labelOf={(field) => planFieldLabel(t, field)} />
          <Text size="sm" c="dimmed">
            {t('planUi.form.consequence')}
          </Text>
          <Group justify="flex-end">
            <FormActions
              onCancel={() => navigate('/inspections/plans')}
              onConfirm={save}
              label={t('planUi.form.save')}
              loading={busy}
            />
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}
