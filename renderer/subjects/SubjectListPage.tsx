import { OpenCommitmentsBadge } from '../commitments/OpenCommitmentsBadge.tsx';
import { useOpenCommitmentCounts } from '../commitments/SubjectCommitmentsTab.tsx';
import {
  Badge,
  Button,
  Group,
  Pagination,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { throttleTime } from 'rxjs';
import type { Industry, SubjectKind, SubjectStatus } from '../../shared/subjects/model.ts';
import { industries, subjectKinds, subjectStatuses } from '../../shared/subjects/model.ts';
import { useServices } from '../app/services.ts';
import type { SubjectPage } from './repository.ts';
import type { SubjectSort } from './subjectIndex.ts';
import { displayPersonalValue } from '../../shared/base/security/masking.ts';
import { useCan, useSession } from '../kernel/security/hooks.ts';
import { ListExportButton } from '../kernel/ui/ListExport.tsx';
import { ListTable } from '../kernel/ui/ListTable.tsx';
import { SubjectGradeCell } from '../lists/SubjectGradeCell.tsx';
import { useGradeFilter } from '../lists/useGradeFilter.ts';
import { displayCode, formatInstant } from './labels.ts';
import { SubjectTotal } from './SubjectTotal.tsx';
import { SyncBadge } from '../syncing/SyncBadge.tsx';
import { useRecordSyncStates } from '../syncing/syncContext.ts';

const pageSize = 50;
const statusColors: Record<SubjectStatus, string> = {
  active: 'teal',
  suspended: 'yellow',
  deregistered: 'gray',
};

export function SubjectListPage() {
  const { t, i18n } = useTranslation();
  const { subjects } = useServices();
  const openCommitments = useOpenCommitmentCounts();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [debouncedText] = useDebouncedValue(text, 150);
  const [kind, setKind] = useState<SubjectKind | null>(null);
  const [industry, setIndustry] = useState<Industry | null>(null);
  const [status, setStatus] = useState<SubjectStatus | null>(null);
  const grades = useGradeFilter();
  const [sort, setSort] = useState<SubjectSort>('updatedAt');
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<SubjectPage | null>(null);
  const [revision, setRevision] = useState(0);
  const syncStates = useRecordSyncStates('subjects', result?.items.map((item) => item.id) ?? []);
  const mayCreate = useCan('subject.create');
  const session = useSession();

  useEffect(() => {
    const subscription = subjects.changes$
      .pipe(throttleTime(300, undefined, { leading: true, trailing: true }))
      .subscribe(() => setRevision((r) => r + 1));
    return () => subscription.unsubscribe();
  }, [subjects]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new revision (any subject changed) reloads the page
  useEffect(() => {
    let current = true;
    subjects
      .list({
        text: debouncedText,
        kind: kind ?? undefined,
        industry: industry ?? undefined,
        status: status ?? undefined,
        ids: grades.ids,
        sort,
        offset: (page - 1) * pageSize,
        limit: pageSize,
      })
      .then((next) => current && setResult(next));
    return () => {
      current = false;
    };
  }, [subjects, debouncedText, kind, industry, status, grades.ids, sort, page, revision]);

  /** Every subject the filters select, as the list shows them: ID numbers masked unless the role sees them. */
  const exportRows = async (): Promise<string[][]> => {
    const all = await subjects.list({
      text: debouncedText,
      kind: kind ?? undefined,
      industry: industry ?? undefined,
      status: status ?? undefined,
      ids: grades.ids,
      sort,
      offset: 0,
      // A total still being counted (`more`) is a floor: the export reads every match.
      limit: result?.more ? Number.MAX_SAFE_INTEGER : (result?.total ?? 0),
    });
    const header = ['kind', 'name', 'code', 'industry', 'status'].map((field) => t(`subject.field.${field}`));
    return [
      [...header, t('subject.updatedAt')],
      ...all.items.map((subject) => [
        t(`subject.kind.${subject.kind}`),
        subject.name,
        subject.kind === 'practitioner'
          ? displayPersonalValue('idNumber', subject.code, session.roles)
          : subject.code,
        t(`subject.industry.${subject.industry}`),
        t(`subject.status.${subject.status}`),
        formatInstant(subject.updatedAt, i18n.language),
      ]),
    ];
  };

  const resetPage =
    <T,>(setter: (value: T) => void) =>
    (value: T) => {
      setter(value);
      setPage(1);
    };
  const options = (prefix: string, values: readonly string[]) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  const pages = result ? Math.max(1, Math.ceil(result.total / pageSize)) : 1;
  const nothingYet = result?.total === 0 && !debouncedText && !kind && !industry && !status && !grades.grade;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('subject.listTitle')}</Title>
        <Group>
          <ListExportButton
            collection="subjects"
            title={t('subject.listTitle')}
            count={result?.total ?? 0}
            rows={exportRows}
          />
          {mayCreate && (
            <Button component={Link} to="/subjects/new/enterprise">
              {t('subject.newEnterprise')}
            </Button>
          )}
          {mayCreate && (
            <Button component={Link} to="/subjects/new/practitioner" variant="light">
              {t('subject.newPractitioner')}
            </Button>
          )}
        </Group>
      </Group>
      <Group align="end" wrap="wrap">
        <TextInput
          aria-label={t('common.search')}
          placeholder={t('subject.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={text}
          onChange={(event) => resetPage(setText)(event.currentTarget.value)}
          w={360}
        />
        <Select
          label={t('subject.filters.kind')}
          placeholder={t('common.all')}
          data={options('subject.kind', subjectKinds)}
          value={kind}
          onChange={(value) => resetPage(setKind)(value as SubjectKind | null)}
          clearable
          w={140}
        />
        <Select
          label={t('subject.filters.industry')}
          placeholder={t('common.all')}
          data={options('subject.industry', industries)}
          value={industry}
          onChange={(value) => resetPage(setIndustry)(value as Industry | null)}
          clearable
          w={170}
        />
        <Select
          label={t('subject.filters.status')}
          placeholder={t('common.all')}
          data={options('subject.status', subjectStatuses)}
          value={status}
          onChange={(value) => resetPage(setStatus)(value as SubjectStatus | null)}
          clearable
          w={120}
        />
        <Select
          label={t('lists.ui.gradeFilter')}
          placeholder={t('common.all')}
          data={grades.codes}
          value={grades.grade}
          onChange={resetPage(grades.setGrade)}
          clearable
          w={110}
          data-testid="grade-filter"
        />
        <Select
          label={t('subject.sort.label')}
          data={options('subject.sort', ['updatedAt', 'name', 'code'])}
          value={sort}
          onChange={(value) => value && resetPage(setSort)(value as SubjectSort)}
          allowDeselect={false}
          w={170}
        />
      </Group>
      {result && <SubjectTotal page={result} />}
      {nothingYet ? (
        <Text c="dimmed">{t('subject.emptyStart')}</Text>
      ) : result?.total === 0 ? (
        <Text c="dimmed">{t('subject.empty')}</Text>
      ) : (
        <ListTable
          highlightOnHover
          striped
          data-testid="subject-table"
          columns={[
            t('subject.field.name'),
            t('subject.field.kind'),
            t('subject.field.code'),
            t('subject.field.industry'),
            t('subject.field.status'),
            t('lists.ui.column.grade'),
            t('subject.updatedAt'),
            t('sync.nav'),
          ]}
        >
          {result?.items.map((subject) => (
            <Table.Tr
              key={subject.id}
              onClick={() => navigate(`/subjects/${subject.id}`)}
              style={{ cursor: 'pointer' }}
            >
              <Table.Td>
                <Link to={`/subjects/${subject.id}`}>{subject.name}</Link>
                <OpenCommitmentsBadge count={openCommitments.get(subject.id) ?? 0} />
              </Table.Td>
              <Table.Td>{t(`subject.kind.${subject.kind}`)}</Table.Td>
              <Table.Td ff="monospace">{displayCode(subject)}</Table.Td>
              <Table.Td>{t(`subject.industry.${subject.industry}`)}</Table.Td>
              <Table.Td>
                <Badge color={statusColors[subject.status]} variant="light">
                  {t(`subject.status.${subject.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <SubjectGradeCell subjectId={subject.id} />
              </Table.Td>
              <Table.Td>{formatInstant(subject.updatedAt, i18n.language)}</Table.Td>
              <Table.Td>
                <SyncBadge state={syncStates.get(subject.id)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </ListTable>
      )}
      {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} />}
    </Stack>
  );
}
