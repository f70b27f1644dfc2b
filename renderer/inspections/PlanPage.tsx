import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { InspectionDocument, PlanDocument } from '../../shared/inspections/document.ts';
import type { DrawResult } from '../../shared/inspections/draw.ts';
import { planProgress } from '../../shared/inspections/plan.ts';
import type { UserDocument } from '../../shared/base/user.ts';
import { useServices } from '../app/services.ts';
import { Fact } from '../kernel/ui/Fact.tsx';
import { ListTable } from '../kernel/ui/ListTable.tsx';
import { StepDialog } from '../kernel/ui/StepDialog.tsx';
import { IssueSummary } from '../kernel/ui/issues.tsx';
import { planFieldLabel } from './PlanFormPage.tsx';
import type { DrawPreview } from './plans.ts';

/** A bucket's name: the grade, ungraded, or raised by risk. */
export function bucketLabel(t: TFunction, bucket: string): string {
  if (bucket === 'ungraded') return t('planUi.bucket.ungraded');
  if (bucket === 'raised') return t('planUi.bucket.raised');
  return t('planUi.bucket.grade', { grade: bucket });
}

/** The drawn subjects with their two inspectors, and what became of each. */
function DrawTable({
  draw,
  planId,
  visits,
  people,
}: {
  draw: DrawResult;
  planId: string;
  visits: readonly InspectionDocument[];
  people: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const { subjects, context } = useServices();
  const me = context.session()?.userId ?? '';
  return (
    <ListTable
      striped
      data-testid="draw-table"
      columns={[
        t('planUi.column.subject'),
        t('planUi.column.bucket'),
        t('planUi.column.inspectors'),
        t('planUi.column.inspection'),
      ]}
    >
      {draw.assignments.map((assignment) => {
        const visit = visits.find((found) => found.subjectId === assignment.subjectId);
        return (
          <Table.Tr key={assignment.subjectId}>
            <Table.Td>{subjects.index.get(assignment.subjectId)?.name ?? ''}</Table.Td>
            <Table.Td>{bucketLabel(t, assignment.bucket)}</Table.Td>
            <Table.Td>
              {assignment.inspectors.map((id) => people.get(id) ?? '').join(t('planUi.nameSeparator'))}
            </Table.Td>
            <Table.Td>
              {visit ? (
                <Link to={`/inspections/${visit.id}`}>{t(`inspectionUi.state.${visit.state}`)}</Link>
              ) : planId !== '' && assignment.inspectors.includes(me) ? (
                <Button
                  component={Link}
                  size="xs"
                  to={`/inspections/new?plan=${planId}&subject=${assignment.subjectId}`}
                >
                  {t('planUi.startAssigned')}
                </Button>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('planUi.notStarted')}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        );
      })}
    </ListTable>
  );
}

function BucketSummary({ draw }: { draw: DrawResult }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      {draw.buckets.map((bucket) => (
        <Badge key={bucket.bucket} variant="light">
          {t('planUi.bucketCount', {
            bucket: bucketLabel(t, bucket.bucket),
            drawn: bucket.drawn,
            population: bucket.population,
          })}
        </Badge>
      ))}
    </Group>
  );
}

/**
 * A plan: its scope, ratios and pool; while a draft, a draw preview with a fresh seed that the reviewer
 * confirms (the step dialog says what it will do); once drawn, the seed, a re-run that shows the draw
 * comes out the same, the drawn subjects with their inspectors and the progress of their inspections.
 */
export function PlanPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { plans, inspections, users } = useServices();
  const [plan, setPlan] = useState<PlanDocument | null | undefined>(undefined);
  const [visits, setVisits] = useState<InspectionDocument[]>([]);
  const [people, setPeople] = useState<UserDocument[]>([]);
  const [preview, setPreview] = useState<DrawPreview | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [rerun, setRerun] = useState<boolean | null>(null);
  const [problems, setProblems] = useState<Parameters<typeof IssueSummary>[0]['issues']>([]);

  useEffect(() => {
    const watching = plans.watch(id).subscribe(setPlan);
    const visiting = inspections.watchOfPlan(id).subscribe(setVisits);
    users.list().then(setPeople);
    return () => {
      watching.unsubscribe();
      visiting.unsubscribe();
    };
  }, [plans, inspections, users, id]);
  const names = useMemo(() => new Map(people.map((user) => [user.id, user.displayName])), [people]);

  if (plan === undefined) return null;
  if (plan === null) return <Text>{t('planUi.notFound')}</Text>;
  const content = plan.plan;
  const progress = planProgress(plan.id, content, visits);

  const showPreview = async () => {
    const made = await plans.preview(plan.id);
    if (made.ok) {
      setPreview(made.value);
      setProblems([]);
    } else setProblems(made.issues);
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{content.name}</Title>
        <Badge size="lg" color={plan.state === 'drawn' ? 'green' : 'gray'}>
          {t(`planUi.state.${plan.state}`)}
        </Badge>
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Fact label={t('planUi.field.industries')}>
            {content.scope.industries
              .map((value) => t(`subject.industry.${value}`))
              .join(t('planUi.nameSeparator'))}
          </Fact>
          <Fact label={t('planUi.field.statuses')}>
            {content.scope.statuses.length === 0
              ? t('planUi.allStatuses')
              : content.scope.statuses
                  .map((value) => t(`subject.status.${value}`))
                  .join(t('planUi.nameSeparator'))}
          </Fact>
          <Fact label={t('planUi.field.ratios')}>
            {[
              ...Object.entries(content.ratios.grades).map(
                ([grade, percent]) => `${bucketLabel(t, grade)} ${percent}%`,
              ),
              `${bucketLabel(t, 'ungraded')} ${content.ratios.ungraded}%`,
              `${bucketLabel(t, 'raised')} ${content.ratios.raised}%`,
            ].join(t('planUi.listSeparator'))}
          </Fact>
          <Fact label={t('planUi.field.pool')}>
            {content.inspectorPool.map((user) => names.get(user) ?? '').join(t('planUi.nameSeparator'))}
          </Fact>
          {plan.state === 'drawn' && (
            <>
              <Fact label={t('planUi.seed')}>{content.seed}</Fact>
              <Fact label={t('planUi.progress.label')}>{t('planUi.progress.value', progress)}</Fact>
            </>
          )}
        </SimpleGrid>
      </Paper>
      <IssueSummary issues={problems} labelOf={(field) => planFieldLabel(t, field)} />

      {plan.state === 'draft' && plans.mayDraw(plan) && (
        <Paper withBorder p="md">
          <Stack>
            <Text size="sm" c="dimmed">
              {t('planUi.preview.explain')}
            </Text>
            <Group>
              <Button onClick={showPreview}>
                {t(preview ? 'planUi.preview.again' : 'planUi.preview.show')}
              </Button>
              {preview && (
                <Button color="green" onClick={() => setConfirming(true)}>
                  {t('planUi.preview.confirm')}
                </Button>
              )}
            </Group>
            {preview && (
              <>
                <Text size="sm">
                  {t('planUi.preview.summary', {
                    seed: preview.seed,
                    drawn: preview.result.assignments.length,
                    candidates: preview.candidates.length,
                  })}
                </Text>
                <BucketSummary draw={preview.result} />
                {preview.result.unstaffed.length > 0 && (
                  <Alert color="orange">
                    {t('planUi.unstaffed', { count: preview.result.unstaffed.length })}
                  </Alert>
                )}
                <DrawTable draw={preview.result} planId="" visits={[]} people={names} />
              </>
            )}
          </Stack>
        </Paper>
      )}
      {plan.state === 'draft' && !plans.mayDraw(plan) && (
        <Text c="dimmed">{t('planUi.draftOnlyPlanners')}</Text>
      )}

      {content.draw && (
        <Paper withBorder p="md">
          <Stack>
            <Group justify="space-between">
              <BucketSummary draw={content.draw} />
              <Button variant="default" onClick={() => setRerun(plans.rerun(plan))}>
                {t('planUi.rerun')}
              </Button>
            </Group>
            {rerun !== null && (
              <Alert color={rerun ? 'green' : 'red'} data-testid="rerun-result">
                {t(rerun ? 'planUi.rerunSame' : 'planUi.rerunDifferent', { seed: content.seed })}
              </Alert>
            )}
            {content.draw.unstaffed.length > 0 && (
              <Alert color="orange">{t('planUi.unstaffed', { count: content.draw.unstaffed.length })}</Alert>
            )}
            <DrawTable draw={content.draw} planId={plan.id} visits={visits} people={names} />
          </Stack>
        </Paper>
      )}

      <StepDialog
        step={
          confirming && preview
            ? {
                label: t('inspection.plan.action.draw'),
                consequence: t('planUi.preview.consequence', {
                  drawn: preview.result.assignments.length,
                  seed: preview.seed,
                }),
                color: 'green',
              }
            : null
        }
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          if (!preview) return [];
          const drawn = await plans.draw(plan.id, preview);
          if (!drawn.ok) return drawn.issues;
          setConfirming(false);
          setPreview(null);
          return [];
        }}
      />
    </Stack>
  );
}
