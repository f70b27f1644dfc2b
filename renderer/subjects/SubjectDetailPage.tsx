import { SubjectCommitmentsTab } from '../commitments/SubjectCommitmentsTab.tsx';
import { SubjectInspectionsTab } from '../inspections/InspectionListPage.tsx';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { emptySubjectInput, type SubjectDocument, type SubjectInput } from '../../shared/subjects/model.ts';
import { useServices } from '../app/services.ts';
import { useDocument } from '../kernel/ui/documents.ts';
import { Fact } from '../kernel/ui/Fact.tsx';
import { CreditFileTab } from '../creditRecords/CreditFileTab.tsx';
import { SubjectListsTab } from '../lists/SubjectListsTab.tsx';
import { useCan } from '../kernel/security/hooks.ts';
import { recordValueText } from '../creditRecords/recordText.ts';
import { fieldLabel, formatInstant, shownValue } from './labels.ts';
import { RevealPersonalData } from './RevealPersonalData.tsx';
import { RecordSyncBadge } from '../syncing/SyncBadge.tsx';
import { IssueReportButton } from '../reports/IssueReportButton.tsx';
import type { SubjectVersion } from './repository.ts';

const detailFields = {
  enterprise: [
    'code',
    'industry',
    'status',
    'legalRepresentative',
    'qualification',
    'qualificationLevel',
    'division',
    'address',
    'contactPerson',
    'phone',
  ],
  practitioner: ['code', 'industry', 'status', 'qualification', 'certificateNumber', 'phone', 'employerId'],
} as const;

/** Every field a change can touch: all of a subject's input but its kind. */
const comparedFields = (Object.keys(emptySubjectInput('enterprise')) as (keyof SubjectInput)[]).filter(
  (field) => field !== 'kind',
);

export function SubjectDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'basic';
  const { subjects } = useServices();
  const [subject, setSubject] = useState<SubjectDocument | null | undefined>(undefined);
  // Personal values show in clear only after an audited reveal, for this record.
  const [revealed, setRevealed] = useState(false);
  const mayEdit = useCan('subject.update');

  useEffect(() => {
    setRevealed(false);
    const subscription = subjects.watch(id).subscribe(setSubject);
    return () => subscription.unsubscribe();
  }, [subjects, id]);

  if (subject === undefined) return <Loader />;
  if (subject === null) return <Text>{t('common.notFound')}</Text>;
  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Title order={2}>{subject.name}</Title>
          <Badge variant="light">{t(`subject.kind.${subject.kind}`)}</Badge>
          <RecordSyncBadge collection="subjects" id={subject.id} />
          <Badge variant="light" color={subject.status === 'active' ? 'teal' : 'gray'}>
            {t(`subject.status.${subject.status}`)}
          </Badge>
        </Group>
        <Group>
          <Button variant="default" component={Link} to="/subjects">
            {t('common.back')}
          </Button>
          <IssueReportButton subject={subject} />
          {!revealed && <RevealPersonalData subject={subject} onRevealed={() => setRevealed(true)} />}
          {mayEdit && (
            <Button component={Link} to={`/subjects/${subject.id}/edit`}>
              {t('common.edit')}
            </Button>
          )}
        </Group>
      </Group>
      <Tabs
        value={tab}
        onChange={(next) => setParams(next && next !== 'basic' ? { tab: next } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="basic">{t('subject.detailTabs.basic')}</Tabs.Tab>
          <Tabs.Tab value="credit">{t('creditUi.file.tab')}</Tabs.Tab>
          <Tabs.Tab value="commitments">{t('commitmentUi.tab')}</Tabs.Tab>
          <Tabs.Tab value="inspections">{t('inspectionUi.tab')}</Tabs.Tab>
          <Tabs.Tab value="lists">{t('lists.ui.tab')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('subject.detailTabs.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="basic" pt="md">
          <SubjectFacts subject={subject} revealed={revealed} />
        </Tabs.Panel>
        <Tabs.Panel value="credit" pt="md">
          <CreditFileTab subject={subject} />
        </Tabs.Panel>
        <Tabs.Panel value="commitments" pt="md">
          <SubjectCommitmentsTab subjectId={subject.id} />
        </Tabs.Panel>
        <Tabs.Panel value="inspections" pt="md">
          <SubjectInspectionsTab subjectId={subject.id} />
        </Tabs.Panel>
        <Tabs.Panel value="lists" pt="md">
          <SubjectListsTab subject={subject} />
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <SubjectHistory subject={subject} revealed={revealed} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function SubjectFacts({ subject, revealed }: { subject: SubjectDocument; revealed: boolean }) {
  const { t, i18n } = useTranslation();
  const value = (field: (typeof detailFields)[keyof typeof detailFields][number]) => {
    switch (field) {
      case 'code':
        return (
          <Text ff="monospace" data-testid="subject-code">
            {shownValue(subject, 'code', subject.code, revealed)}
          </Text>
        );
      case 'industry':
        return t(`subject.industry.${subject.industry}`);
      case 'status':
        return t(`subject.status.${subject.status}`);
      case 'employerId':
        return subject.employerId ? <EmployerLink id={subject.employerId} /> : t('common.none');
      default:
        return shownValue(subject, field, subject[field], revealed) || '—';
    }
  };
  return (
    <Paper withBorder p="lg">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {detailFields[subject.kind].map((field) => (
          <Fact key={field} label={fieldLabel(t, field, subject.kind)} block>
            {value(field)}
          </Fact>
        ))}
        <Fact label={t('subject.createdAt')}>{formatInstant(subject.createdAt, i18n.language)}</Fact>
        <Fact label={t('subject.updatedAt')}>{formatInstant(subject.updatedAt, i18n.language)}</Fact>
      </SimpleGrid>
    </Paper>
  );
}

function EmployerLink({ id }: { id: string }) {
  const { subjects } = useServices();
  const employer = useDocument(subjects, id);
  return employer ? (
    <Anchor component={Link} to={`/subjects/${id}`}>
      {employer.name}
    </Anchor>
  ) : (
    <Text c="dimmed">{id}</Text>
  );
}

function SubjectHistory({ subject, revealed }: { subject: SubjectDocument; revealed: boolean }) {
  const { t, i18n } = useTranslation();
  const { subjects } = useServices();
  const [history, setHistory] = useState<SubjectVersion[] | null>(null);
  useEffect(() => {
    subjects.history(subject.id).then(setHistory);
  }, [subjects, subject]);

  const shown = (field: string, value: unknown): string => {
    const text = recordValueText(t, 'subjects', field, value);
    return text === '—' ? text : shownValue(subject, field, text, revealed);
  };

  if (!history) return <Loader />;
  if (history.length === 0) return <Text c="dimmed">{t('subject.historyEmpty')}</Text>;
  // Each entry holds the version a change replaced; the version after it is the next entry or the current one.
  const versions = [subject as unknown as Record<string, unknown>, ...history.map((entry) => entry.snapshot)];
  return (
    <Stack>
      {history.map((entry, index) => {
        const before = entry.snapshot;
        const after = versions[index]!;
        const changed = comparedFields.filter((field) => before[field] !== after[field]);
        return (
          <Paper withBorder p="md" key={entry.seq}>
            <Text size="sm" fw={500}>
              {t('subject.historyEntry', {
                at: formatInstant(entry.replacedAt, i18n.language),
                by: entry.replacedByName,
              })}
            </Text>
            <Table mt="xs">
              <Table.Tbody>
                {changed.map((field) => (
                  <Table.Tr key={field}>
                    <Table.Td w={200}>{fieldLabel(t, field, subject.kind)}</Table.Td>
                    <Table.Td c="dimmed" td="line-through">
                      {shown(field, before[field])}
                    </Table.Td>
                    <Table.Td>{shown(field, after[field])}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        );
      })}
    </Stack>
  );
}
