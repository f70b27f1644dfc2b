import { Anchor, Button, Paper, Table, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Observable } from 'rxjs';
import type { CaseDocument } from '../../shared/cases/model.ts';
import { defaultCreditCategories } from '../../shared/creditRecords/catalog.ts';
import type { CreditRecordDocument } from '../../shared/creditRecords/model.ts';
import { useServices } from '../app/services.ts';
import { ListTable } from '../kernel/ui/ListTable.tsx';
import { CaseStatusBadge } from './parts.tsx';

/** The buttons that start a repair application or an objection from a published record. */
export function RecordCaseButtons({ record }: { record: CreditRecordDocument }) {
  const { t } = useTranslation();
  const { cases } = useServices();
  if (record.status !== 'approved' || !cases.canRegister()) return null;
  // Only dishonest information is repaired (shared/grading/repair.ts).
  const dishonest = defaultCreditCategories.some(
    (category) => category.code === record.category && category.dishonest,
  );
  return (
    <>
      {dishonest && (
        <Button variant="light" color="violet" component={Link} to={`/cases/new/repair?record=${record.id}`}>
          {t('cases.record.applyRepair')}
        </Button>
      )}
      <Button variant="light" color="orange" component={Link} to={`/cases/new/objection?record=${record.id}`}>
        {t('cases.record.raiseObjection')}
      </Button>
    </>
  );
}

/** The repair applications and objections about a record, newest first. */
export function RecordCaseList({ recordId }: { recordId: string }) {
  const { cases } = useServices();
  return <CaseLinks source={useMemo(() => cases.watchByRecord(recordId), [cases, recordId])} />;
}

/** The repair application a credit-repair commitment letter was filed with, on the letter's page. */
export function CommitmentCaseList({ commitmentId }: { commitmentId: string }) {
  const { cases } = useServices();
  return <CaseLinks source={useMemo(() => cases.watchByCommitment(commitmentId), [cases, commitmentId])} />;
}

function CaseLinks({ source }: { source: Observable<CaseDocument[]> }) {
  const { t } = useTranslation();
  const [list, setList] = useState<CaseDocument[]>([]);
  useEffect(() => {
    const subscription = source.subscribe(setList);
    return () => subscription.unsubscribe();
  }, [source]);
  if (list.length === 0) return null;
  return (
    <Paper withBorder p="lg" data-testid="record-cases">
      <Title order={4} mb="sm">
        {t('cases.record.cases')}
      </Title>
      <ListTable columns={[t('cases.field.kind'), t('cases.field.applicationDate'), t('cases.field.status')]}>
        {list.map((doc) => (
          <Table.Tr key={doc.id}>
            <Table.Td>
              <Anchor component={Link} to={`/cases/${doc.id}`}>
                {t(`cases.kind.${doc.kind}`)}
              </Anchor>
            </Table.Td>
            <Table.Td>{doc.applicationDate}</Table.Td>
            <Table.Td>
              <CaseStatusBadge status={doc.status} />
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </Paper>
  );
}
