import { Anchor, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CreditRecordDocument } from '../../shared/creditRecords/model.ts';
import { columnsOf, type DisclosureDocument } from '../../shared/disclosures/model.ts';
import { displayPersonalValue } from '../../shared/base/security/masking.ts';
import { useServices } from '../app/services.ts';
import { Fact } from '../kernel/ui/Fact.tsx';
import { CategoryBadge, StatusBadge } from '../creditRecords/style.tsx';
import { displayValue } from './labels.ts';
import { ReportingActions } from './ReportingActions.tsx';
import { CalendarWarnings, TimingBadge } from './TimingBadge.tsx';

/** ID numbers of natural persons: shown masked unless the user's role sees them in clear. */
const personalIdFields = new Set<string>(['partyIdNumber', 'legalRepIdNumber']);

/** One licence or penalty: every standard field, its deadline, its report and its credit record. */
export function DisclosurePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { disclosures, auth } = useServices();
  const [doc, setDoc] = useState<DisclosureDocument | null | undefined>(undefined);

  useEffect(() => {
    const subscription = disclosures.watch(id).subscribe(setDoc);
    return () => subscription.unsubscribe();
  }, [disclosures, id]);

  if (doc === undefined) return <Loader />;
  if (doc === null) return <Text>{t('common.notFound')}</Text>;
  const timing = disclosures.timing(doc);

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>{doc.documentNumber}</Title>
          <Group gap="xs">
            <Badge variant="light" color={doc.kind === 'penalty' ? 'orange' : 'blue'}>
              {t(`creditUi.kind.${doc.kind}`)}
            </Badge>
            <TimingBadge disclosure={doc} timing={timing} />
            {doc.simpleProcedure && <Badge color="gray">{t('disclosure.field.simpleProcedure')}</Badge>}
          </Group>
          <Text size="sm" c={timing.late ? 'red' : 'dimmed'} data-testid="disclosure-deadline">
            {t('creditUi.disclosure.deadline', { date: timing.deadline })}
            {doc.reportedAt && ` · ${t('creditUi.disclosure.reportedOn', { date: doc.reportedAt })}`}
          </Text>
          <CalendarWarnings timing={timing} />
        </Stack>
        <Group>
          {disclosures.canEdit(doc) && (
            <Button variant="default" component={Link} to={`/credit/disclosures/${doc.id}/edit`}>
              {t('common.edit')}
            </Button>
          )}
          <ReportingActions disclosure={doc} />
        </Group>
      </Group>
      <CreditLink doc={doc} />
      <Paper withBorder p="lg">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {columnsOf(doc.kind).map(({ code, def }) => (
            <Fact key={code} label={t(`disclosure.field.${code}`)} block style={{ whiteSpace: 'pre-wrap' }}>
              {personalIdFields.has(def.field)
                ? displayPersonalValue('idNumber', doc[def.field] as string, auth.session()?.roles ?? []) ||
                  '—'
                : displayValue(t, def.field, doc[def.field])}
            </Fact>
          ))}
          {doc.kind === 'penalty' && (
            <Fact label={t('disclosure.field.severity')}>
              {doc.severity ? t(`disclosure.severity.${doc.severity}`) : '—'}
            </Fact>
          )}
        </SimpleGrid>
      </Paper>
    </Stack>
  );
}

/** The subject the decision concerns and, for a penalty, the credit record derived from it. */
function CreditLink({ doc }: { doc: DisclosureDocument }) {
  const { t } = useTranslation();
  const { creditRecords, subjects } = useServices();
  const [record, setRecord] = useState<CreditRecordDocument | null>(null);
  useEffect(() => {
    if (!doc.derivedRecordId) return setRecord(null);
    const subscription = creditRecords.watch(doc.derivedRecordId).subscribe(setRecord);
    return () => subscription.unsubscribe();
  }, [creditRecords, doc.derivedRecordId]);
  const subject = doc.subjectId ? subjects.index.get(doc.subjectId) : undefined;
  const why =
    doc.kind !== 'penalty' || record
      ? null
      : !doc.subjectId
        ? 'creditUi.disclosure.noSubjectLinked'
        : doc.simpleProcedure
          ? 'credit.derivation.simpleProcedure'
          : doc.severity === 'minor'
            ? 'credit.derivation.minorSeverity'
            : 'creditUi.disclosure.noRecord';
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('disclosure.field.subjectId')}
          </Text>
          {subject ? (
            <Anchor component={Link} to={`/subjects/${subject.id}?tab=credit`}>
              {subject.name}
            </Anchor>
          ) : (
            <Text size="sm">{t('creditUi.disclosure.noSubjectLinked')}</Text>
          )}
        </Group>
        {record && (
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t('disclosure.field.derivedRecordId')}
            </Text>
            <Anchor component={Link} to={`/credit/records/${record.id}`} data-testid="derived-record">
              {record.title}
            </Anchor>
            <CategoryBadge category={record.category} />
            <StatusBadge status={record.status} />
          </Group>
        )}
        {why && (
          <Text size="sm" c="dimmed">
            {t(why)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
