import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Timeline,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CreditRecordDocument } from '../../shared/creditRecords/model.ts';
import { defaultCreditCategories } from '../../shared/creditRecords/catalog.ts';
import type { SubjectDocument } from '../../shared/subjects/model.ts';
import { useServices } from '../app/services.ts';
import type { DisclosureRow } from '../disclosures/repository.ts';
import { DisclosureLink } from '../disclosures/DisclosureLink.tsx';
import { CreditRecordFilters } from './CreditRecordFilters.tsx';
import { CategoryIcon, categoryStyle, PublicBadge, StatusBadge } from './style.tsx';

/** A subject's credit file: every record on a timeline, by category, with counts and filters. */
export function CreditFileTab({ subject }: { subject: SubjectDocument }) {
  const { t } = useTranslation();
  const { creditRecords, disclosures } = useServices();
  const [records, setRecords] = useState<CreditRecordDocument[] | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  useEffect(() => {
    const subscription = creditRecords.watchBySubject(subject.id).subscribe(setRecords);
    return () => subscription.unsubscribe();
  }, [creditRecords, subject.id]);

  const all = records ?? [];
  const categories = [
    ...new Set([...defaultCreditCategories.map((c) => c.code), ...all.map((r) => r.category)]),
  ];
  const shown = all.filter(
    (record) => (!category || record.category === category) && (!status || record.status === status),
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="xs" data-testid="credit-file-counts">
          {categories.map((code) => {
            const count = all.filter((record) => record.category === code).length;
            return (
              <UnstyledButton
                key={code}
                onClick={() => setCategory(category === code ? null : code)}
                aria-pressed={category === code}
              >
                <Badge
                  size="lg"
                  color={categoryStyle(code).color}
                  variant={category === code ? 'filled' : 'light'}
                  leftSection={<CategoryIcon category={code} size={18} />}
                  data-testid={`credit-count-${code}`}
                >
                  {t(`credit.category.${code}`, { defaultValue: code })} {count}
                </Badge>
              </UnstyledButton>
            );
          })}
        </Group>
        <Group>
          {creditRecords.canCreate() && (
            <Button variant="light" component={Link} to={`/credit/records/new?subject=${subject.id}`}>
              {t('creditUi.record.new')}
            </Button>
          )}
          {disclosures.canCreate() && (
            <Button
              variant="light"
              color="orange"
              component={Link}
              to={`/credit/disclosures/new/penalty?subject=${subject.id}`}
            >
              {t('creditUi.disclosure.newPenalty')}
            </Button>
          )}
        </Group>
      </Group>
      <Group>
        <CreditRecordFilters
          categories={categories}
          category={category}
          status={status}
          onChange={(filter, value) => (filter === 'category' ? setCategory(value) : setStatus(value))}
        />
      </Group>
      {records !== null && shown.length === 0 ? (
        <Text c="dimmed">{t(all.length === 0 ? 'creditUi.file.empty' : 'creditUi.file.noneMatch')}</Text>
      ) : (
        <Timeline bulletSize={30} lineWidth={2} data-testid="credit-timeline">
          {shown.map((record) => (
            <Timeline.Item
              key={record.id}
              bullet={<CategoryIcon category={record.category} size={30} />}
              color={categoryStyle(record.category).color}
              title={
                <Group gap="xs">
                  <Anchor component={Link} to={`/credit/records/${record.id}`} fw={500}>
                    {record.title}
                  </Anchor>
                  <StatusBadge status={record.status} />
                  {record.status === 'approved' && <PublicBadge visible={creditRecords.isPublic(record)} />}
                </Group>
              }
            >
              <Text size="sm" c="dimmed">
                {t('creditUi.file.entry', {
                  date: record.decisionDate,
                  category: t(`credit.category.${record.category}`, { defaultValue: record.category }),
                  authority: record.authority,
                })}
              </Text>
              <Text size="sm" c="dimmed">
                {record.publicityEnd
                  ? t('creditUi.file.publicity', { start: record.publicityStart, end: record.publicityEnd })
                  : t('credit.publicity.whileValid')}
                {' · '}
                {t(`credit.source.${record.source}`)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      <SubjectDisclosures subjectId={subject.id} />
    </Stack>
  );
}

/** The subject's licences and penalties, with their reporting state. */
function SubjectDisclosures({ subjectId }: { subjectId: string }) {
  const { t } = useTranslation();
  const { disclosures } = useServices();
  const [rows, setRows] = useState<DisclosureRow[]>([]);
  useEffect(() => {
    const load = () => disclosures.list({ subjectId }).then(setRows);
    load();
    const subscription = disclosures.changes$.subscribe(load);
    return () => subscription.unsubscribe();
  }, [disclosures, subjectId]);
  if (rows.length === 0) return null;
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {t('creditUi.sections.disclosures')}
      </Title>
      <Table>
        <Table.Tbody>
          {rows.map(({ disclosure, timing }) => (
            <Table.Tr key={disclosure.id}>
              <Table.Td>{t(`creditUi.kind.${disclosure.kind}`)}</Table.Td>
              <Table.Td>
                <DisclosureLink disclosure={disclosure} />
              </Table.Td>
              <Table.Td>{disclosure.decisionDate}</Table.Td>
              <Table.Td>
                {disclosure.reportedAt
                  ? t('creditUi.disclosure.reportedOn', { date: disclosure.reportedAt })
                  : t('creditUi.disclosure.notReported')}
                {timing.late && (
                  <Badge ml="xs" color="red" variant="light">
                    {t('creditUi.disclosure.late')}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
