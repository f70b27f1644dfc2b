import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import { BarChart } from '@mantine/charts';
import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { inForceStatus } from '../../shared/creditRecords/model.ts';
import type { Period } from '../../shared/reports/file.ts';
import {
  type CountedRecord,
  cellKey,
  type DashboardFigures,
  dashboardFigures,
  type FigureCounts,
  type IndustryGradeTable,
  type PeriodKind,
  periodKinds,
  periodOf,
  withRecordChange,
} from '../../shared/reports/figures.ts';
import { useServices } from '../app/services.ts';
import { issueText } from '../kernel/ui/issues.tsx';
import { saveMadeFile } from '../kernel/platform/saveMadeFile.ts';
import { loadPrintFont } from '../kernel/pdf/font.ts';
import { useGradeTick } from '../lists/useGrades.ts';
import { DateField } from '../kernel/ui/DateField.tsx';
import { type FigureTable, figuresPdf, figuresWorkbook } from './figuresExport.ts';
import { FiguresService } from './figuresService.ts';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const decimal = (value: number | null) => (value === null ? '—' : value.toFixed(2));

function checksDetail(t: TFunction, figures: DashboardFigures): string {
  const { measures, rewards, punishments } = figures;
  return t('figures.checksDetail', { measures, rewards, punishments });
}

/** The dashboard's tables as the page shows them, for the exports. */
function tablesOf(t: TFunction, figures: DashboardFigures, grades: IndustryGradeTable): FigureTable[] {
  const count = (industry: string, grade: string) => grades.cells.get(cellKey(industry, grade))?.length ?? 0;
  return [
    {
      title: t('figures.sheet.summary'),
      rows: [
        [t('figures.figure'), t('figures.value')],
        [t('figures.period.label'), t('figures.period.shown', { ...figures.period })],
        [t('figures.recordsPerSubject'), decimal(figures.recordsPerSubject)],
        [t('figures.commitmentRatio'), decimal(figures.commitmentRatio)],
        [t('figures.inspectionsDone'), String(figures.inspectionsDone)],
        [t('figures.checks'), String(figures.checks)],
        [checksDetail(t, figures), String(figures.measures)],
      ],
    },
    {
      title: t('figures.sheet.byCategory'),
      rows: [
        [t('figures.sheet.byCategory'), t('figures.byCategoryCount')],
        ...figures.recordsByCategory.map((row) => [t(`credit.category.${row.category}`), String(row.count)]),
      ],
    },
    {
      title: t('figures.sheet.byIndustryGrade'),
      rows: [
        [t('figures.industry'), ...grades.grades],
        ...grades.industries.map((industry) => [
          t(`subject.industry.${industry}`),
          ...grades.grades.map((grade) => String(count(industry, grade))),
        ]),
      ],
    },
  ];
}

/** The office's figures for a period, each leading to the list behind it, with PDF and XLSX export. */
export function FiguresPage() {
  const { t } = useTranslation();
  const services = useServices();
  const { bridge, clock, office, db, commitments, subjects } = services;
  const figuresService = useMemo(() => new FiguresService(services), [services]);
  const today = chinaDateOf(clock());
  const [kind, setKind] = useState<PeriodKind>('month');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const chosen = periodOf({ kind, from, to }, today);
  const period: Period | null = chosen.ok ? chosen.value : null;
  const [counts, setCounts] = useState<FigureCounts | null>(null);
  const [grades, setGrades] = useState<IndustryGradeTable | null>(null);
  const [picked, setPicked] = useState<{ industry: string; grade: string } | null>(null);
  const tick = useGradeTick();

  const periodFrom = period?.from;
  const periodTo = period?.to;
  useEffect(() => {
    if (!periodFrom || !periodTo) return;
    const range = { from: periodFrom, to: periodTo };
    let live = true;
    const load = () => figuresService.counts(range).then((next) => live && setCounts(next));
    load();
    // A changed record adjusts the counts it touches; other changes count again.
    const records = db.creditRecords.$.subscribe((event) => {
      const before = event.previousDocumentData as CountedRecord | undefined;
      const after = event.operation === 'DELETE' ? undefined : (event.documentData as CountedRecord);
      if (live) setCounts((old) => old && withRecordChange(old, range, before, after));
    });
    const others = [commitments.changes$, subjects.changes$].map((changes) => changes.subscribe(load));
    return () => {
      live = false;
      records.unsubscribe();
      for (const subscription of others) subscription.unsubscribe();
    };
  }, [figuresService, periodFrom, periodTo, db, commitments, subjects]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: recounted on every grade cache tick
  useEffect(() => {
    let live = true;
    figuresService.industryGrade().then((next) => live && setGrades(next));
    return () => {
      live = false;
    };
  }, [figuresService, tick]);

  const figures = counts && period ? dashboardFigures(counts, period, figuresService.categories()) : null;

  const save = async (name: string, mimeType: string, bytes: Uint8Array) => {
    const saved = await saveMadeFile(bridge, { name, mimeType, bytes });
    notifications.show({
      color: saved ? 'teal' : 'yellow',
      message: saved ? t('figures.exported', { name }) : t('figures.notSaved'),
    });
  };
  const stem = figures ? `${t('figures.title')}_${figures.period.from}_${figures.period.to}` : '';
  const exportXlsx = async () => {
    if (!figures || !grades) return;
    await save(`${stem}.xlsx`, xlsxType, await figuresWorkbook(tablesOf(t, figures, grades)));
  };
  const exportPdf = async () => {
    if (!figures || !grades) return;
    const bytes = await figuresPdf(
      {
        title: t('figures.title'),
        subtitle: `${office.officeName} · ${t('figures.period.shown', { ...figures.period })}`,
        officeName: office.officeName,
        createdAt: clock(),
      },
      tablesOf(t, figures, grades),
      await loadPrintFont(),
    );
    await save(`${stem}.pdf`, 'application/pdf', bytes);
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('figures.title')}</Title>
        <Group>
          <Button
            variant="default"
            leftSection={<IconFileTypePdf size={16} />}
            disabled={!figures || !grades}
            onClick={exportPdf}
          >
            {t('figures.exportPdf')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconFileSpreadsheet size={16} />}
            disabled={!figures || !grades}
            onClick={exportXlsx}
          >
            {t('figures.exportXlsx')}
          </Button>
        </Group>
      </Group>
      <Text c="dimmed">{t('figures.intro')}</Text>
      <Text c="dimmed" size="sm" data-testid="figures-population">
        {t('figures.population')}
      </Text>
      <Paper withBorder p="md">
        <Group align="flex-end">
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('figures.period.label')}
            </Text>
            <SegmentedControl
              value={kind}
              onChange={(next) => setKind(next as PeriodKind)}
              data={periodKinds.map((value) => ({ value, label: t(`figures.period.${value}`) }))}
            />
          </div>
          {kind === 'custom' && (
            <>
              <DateField label={t('figures.period.from')} value={from} onChange={setFrom} w={160} />
              <DateField label={t('figures.period.to')} value={to} onChange={setTo} w={160} />
            </>
          )}
          {period && <Text data-testid="figures-period">{t('figures.period.shown', { ...period })}</Text>}
        </Group>
        {!chosen.ok && (
          <Alert color="red" variant="light" mt="sm" data-testid="figures-period-problem">
            {chosen.issues.map((found) => issueText(t, found)).join('；')}
          </Alert>
        )}
      </Paper>
      {figures ? (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <Figure
              label={t('figures.recordsPerSubject')}
              value={decimal(figures.recordsPerSubject)}
              note={t('figures.recordsPerSubjectDetail', {
                records: figures.records,
                subjects: figures.subjects,
              })}
              to={`/credit/records?status=${inForceStatus}`}
              testId="figure-records-per-subject"
            />
            <Figure
              label={t('figures.commitmentRatio')}
              value={decimal(figures.commitmentRatio)}
              note={t('figures.commitmentRatioDetail', {
                commitments: figures.commitments,
                findings: figures.fulfilmentFindings,
                enterprises: figures.enterprises,
                target: figures.commitmentTarget.toFixed(1),
              })}
              to="/commitments"
              testId="figure-commitment-ratio"
            />
            <Figure
              label={t('figures.inspectionsDone')}
              value={String(figures.inspectionsDone)}
              note={t('figures.inspectionsDoneDetail')}
              to="/inspections"
              testId="figure-inspections"
            />
            <Figure
              label={t('figures.checks')}
              value={String(figures.checks)}
              note={checksDetail(t, figures)}
              to="/verification/cases"
              testId="figure-checks"
            />
          </SimpleGrid>
          <Paper withBorder p="md">
            <Title order={4} mb="sm">
              {t('figures.byCategory')}
            </Title>
            <BarChart
              h={220}
              data={figures.recordsByCategory.map((row) => ({
                category: t(`credit.category.${row.category}`),
                count: row.count,
              }))}
              dataKey="category"
              yAxisProps={{ allowDecimals: false }}
              series={[{ name: 'count', label: t('figures.byCategoryCount'), color: 'blue.6' }]}
            />
            <Group gap="lg" mt="sm">
              {figures.recordsByCategory.map((row) => (
                <Anchor
                  key={row.category}
                  component={Link}
                  to={`/credit/records?category=${row.category}&status=${inForceStatus}`}
                  size="sm"
                  data-testid={`figure-category-${row.category}`}
                >
                  {t(`credit.category.${row.category}`)}: {row.count}
                </Anchor>
              ))}
            </Group>
          </Paper>
        </>
      ) : (
        period && <Text c="dimmed">{t('figures.loading')}</Text>
      )}
      {grades && (
        <IndustryGradeCard
          grades={grades}
          picked={picked}
          onPick={setPicked}
          nameOf={(id) => subjects.index.get(id)?.name ?? ''}
        />
      )}
    </Stack>
  );
}

function Figure(props: { label: string; value: string; note: string; to: string; testId: string }) {
  return (
    <Paper withBorder p="md">
      <Text c="dimmed" size="sm">
        {props.label}
      </Text>
      <Anchor component={Link} to={props.to} fz={28} fw={700} data-testid={props.testId}>
        {props.value}
      </Anchor>
      <Text size="xs" c="dimmed">
        {props.note}
      </Text>
    </Paper>
  );
}

function IndustryGradeCard(props: {
  grades: IndustryGradeTable;
  picked: { industry: string; grade: string } | null;
  onPick: (cell: { industry: string; grade: string }) => void;
  nameOf: (id: string) => string;
}) {
  const { t } = useTranslation();
  const { grades, picked } = props;
  const members = picked ? (grades.cells.get(cellKey(picked.industry, picked.grade)) ?? []) : [];
  const shown = 50;
  return (
    <Paper withBorder p="md" data-testid="figures-industry-grade">
      <Title order={4} mb="sm">
        {t('figures.byIndustryGrade')}
      </Title>
      {grades.industries.length === 0 ? (
        <Text c="dimmed">{t('figures.noGrades')}</Text>
      ) : (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('figures.industry')}</Table.Th>
              {grades.grades.map((grade) => (
                <Table.Th key={grade}>{grade}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {grades.industries.map((industry) => (
              <Table.Tr key={industry}>
                <Table.Td>{t(`subject.industry.${industry}`)}</Table.Td>
                {grades.grades.map((grade) => {
                  const count = grades.cells.get(cellKey(industry, grade))?.length ?? 0;
                  return (
                    <Table.Td key={grade}>
                      {count > 0 ? (
                        <Anchor size="sm" onClick={() => props.onPick({ industry, grade })}>
                          {count}
                        </Anchor>
                      ) : (
                        0
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {picked && (
        <Stack gap={4} mt="sm" data-testid="figures-members">
          <Text fw={500}>
            {t('figures.members', {
              industry: t(`subject.industry.${picked.industry}`),
              grade: picked.grade,
              count: members.length,
            })}
          </Text>
          {members.slice(0, shown).map((id) => (
            <Anchor key={id} component={Link} to={`/subjects/${id}?tab=lists`} size="sm">
              {props.nameOf(id)}
            </Anchor>
          ))}
          {members.length > shown && (
            <Text size="sm" c="dimmed">
              {t('figures.membersMore', { count: members.length - shown })}
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}
