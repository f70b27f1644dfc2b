import { Button, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { type ChecklistIndustry, checklistIndustries } from '../../shared/inspections/checklists.ts';
import type { PlanDocument } from '../../shared/inspections/document.ts';
import { type AdHocReason, adHocReasons } from '../../shared/inspections/record.ts';
import type { ValidationIssue } from '../../shared/base/validation.ts';
import { useServices } from '../app/services.ts';
import { IssueSummary } from '../kernel/ui/issues.tsx';
import { SubjectSelect } from '../creditRecords/SubjectSelect.tsx';
import { usePlanningChoices, useProjectOptions } from './usePlanningChoices.ts';
import { useTouchSize } from './touch.tsx';

const isChecklistIndustry = (value: string): value is ChecklistIndustry =>
  (checklistIndustries as readonly string[]).includes(value);

/**
 * Starts an inspection: one a plan drew (`?plan=…&subject=…`: the drawn pair of inspectors), or an ad hoc
 * one (who is inspected, why, with whom); at a registered project or not; against which checklist.
 */
export function InspectionStartPage() {
  const { t } = useTranslation();
  const size = useTouchSize();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { inspections, context, plans, subjects } = useServices();
  const planId = params.get('plan') ?? '';
  const [plan, setPlan] = useState<PlanDocument | null>(null);
  const [projectId, setProjectId] = useState<string | null>(params.get('project'));
  const me = context.session()?.userId ?? '';
  const [subjectId, setSubjectId] = useState(params.get('subject') ?? '');
  const [industry, setIndustry] = useState<ChecklistIndustry>('construction');
  const [reason, setReason] = useState<AdHocReason>('complaint');
  const [note, setNote] = useState('');
  const [partner, setPartner] = useState<string | null>(null);
  /** Why starting was refused, and the inspectors it was tried with (an issue names one by its place). */
  const [refused, setRefused] = useState<{ issues: ValidationIssue[]; inspectors: string[] }>({
    issues: [],
    inspectors: [],
  });
  const [busy, setBusy] = useState(false);

  const choices = usePlanningChoices();
  const [projectSearch, setProjectSearch] = useState('');
  const projectOptions = useProjectOptions(projectSearch, projectId ? [projectId] : []);
  const inspectors = choices.inspectors.filter((user) => user.id !== me);
  useEffect(() => {
    const given = params.get('subject');
    if (given) {
      subjects
        .get(given)
        .then((found) => found && isChecklistIndustry(found.industry) && setIndustry(found.industry));
    }
  }, [subjects, params]);
  useEffect(() => {
    if (planId !== '') plans.get(planId).then(setPlan);
  }, [plans, planId]);
  const assigned = plan?.plan.draw?.assignments.find((found) => found.subjectId === subjectId);
  const drawnPartner = assigned?.inspectors.find((inspector) => inspector !== me) ?? null;

  /** An issue at `inspectors.1` is about the second inspector tried: named, so it is clear whom to change. */
  const inspectorOf = (field: string) => {
    const place = /^inspectors\.(\d+)$/.exec(field)?.[1];
    const id = place === undefined ? undefined : refused.inspectors[Number(place)];
    const user = choices.inspectors.find((candidate) => candidate.id === id);
    return user ? t('inspectionUi.start.inspectorNamed', { name: user.displayName }) : null;
  };

  const start = async () => {
    setBusy(true);
    try {
      const fromPlan = planId !== '';
      const second = fromPlan ? drawnPartner : partner;
      const chosen = second ? [me, second] : [me];
      const started = await inspections.start({
        subjectId,
        projectId: projectId ?? '',
        planId,
        adHocReason: fromPlan ? '' : reason,
        adHocNote: fromPlan ? '' : note,
        inspectors: chosen,
        industry,
      });
      if (started.ok) navigate(`/inspections/${started.value.id}`);
      else setRefused({ issues: started.issues, inspectors: chosen });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack maw={720}>
      <Title order={2}>{t('inspectionUi.start.title')}</Title>
      <Paper withBorder p="md">
        <Stack>
          <SubjectSelect
            label={t('inspectionUi.start.subject')}
            value={subjectId}
            size={size}
            required
            onChange={(subject) => {
              setSubjectId(subject?.id ?? '');
              if (subject && isChecklistIndustry(subject.industry)) setIndustry(subject.industry);
            }}
          />
          <Select
            label={t('inspectionUi.start.industry')}
            size={size}
            value={industry}
            allowDeselect={false}
            data={checklistIndustries.map((value) => ({ value, label: t(`subject.industry.${value}`) }))}
            onChange={(value) => value && isChecklistIndustry(value) && setIndustry(value)}
          />
          <Select
            label={t('inspectionUi.start.project')}
            size={size}
            clearable
            clearButtonProps={size === 'lg' ? { size: 'xl' } : undefined}
            searchable
            value={projectId}
            data={projectOptions}
            filter={({ options }) => options}
            onSearchChange={setProjectSearch}
            onChange={setProjectId}
          />
          {plan && (
            <Text data-testid="start-from-plan">
              {t('inspectionUi.start.fromPlan', {
                plan: plan.plan.name,
                partner: inspectors.find((user) => user.id === drawnPartner)?.displayName ?? '',
              })}
            </Text>
          )}
          {planId === '' && (
            <>
              <Select
                label={t('inspectionUi.start.reason')}
                size={size}
                value={reason}
                allowDeselect={false}
                data={adHocReasons.map((value) => ({ value, label: t(`inspectionUi.origin.${value}`) }))}
                onChange={(value) => value && setReason(value as AdHocReason)}
              />
              <Textarea
                label={t('inspectionUi.start.reasonNote')}
                size={size}
                autosize
                minRows={2}
                value={note}
                onChange={(event) => setNote(event.currentTarget.value)}
              />
              <Select
                label={t('inspectionUi.start.partner')}
                description={t('inspectionUi.start.partnerHint')}
                size={size}
                value={partner}
                data={inspectors.map((user) => ({ value: user.id, label: user.displayName }))}
                onChange={setPartner}
              />
            </>
          )}
          <IssueSummary issues={refused.issues} labelOf={inspectorOf} />
          <Text size="sm" c="dimmed">
            {t('inspectionUi.start.consequence')}
          </Text>
          <Button size={size} onClick={start} loading={busy} disabled={subjectId === ''}>
            {t('inspectionUi.start.submit')}
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
