import { Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { CreditRecordDocument } from '../../../shared/model/creditRecord.ts';
import { useServices } from '../../app/services.ts';
import { emptyCreditRecordFields, fieldsOf } from '../../repositories/creditRecords.ts';
import { CreditRecordForm } from './CreditRecordForm.tsx';

export function CreditRecordCreatePage() {
  const { t } = useTranslation();
  const { creditRecords } = useServices();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const subjectId = params.get('subject') ?? '';
  return (
    <Stack>
      <Title order={2}>{t('creditUi.record.createTitle')}</Title>
      <CreditRecordForm
        initial={emptyCreditRecordFields(subjectId)}
        onCancel={() => navigate(subjectId ? `/subjects/${subjectId}?tab=credit` : '/credit/records')}
        onSubmit={async (fields) => {
          const result = await creditRecords.create(fields);
          if (!result.ok) return result.issues;
          notifications.show({
            color: 'teal',
            message: t('creditUi.record.created', { title: fields.title }),
          });
          navigate(`/credit/records/${result.value.id}`);
          return [];
        }}
      />
    </Stack>
  );
}

export function CreditRecordEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { creditRecords } = useServices();
  const navigate = useNavigate();
  const [record, setRecord] = useState<CreditRecordDocument | null | undefined>(undefined);

  useEffect(() => {
    creditRecords.get(id).then(setRecord);
  }, [creditRecords, id]);

  if (record === undefined) return <Loader />;
  if (record === null) return <Text>{t('common.notFound')}</Text>;
  if (!creditRecords.canEditDraft(record)) return <Text>{t('creditUi.record.notEditable')}</Text>;
  return (
    <Stack>
      <Title order={2}>{t('creditUi.record.editTitle')}</Title>
      <CreditRecordForm
        initial={fieldsOf(record)}
        onCancel={() => navigate(`/credit/records/${id}`)}
        onSubmit={async (fields) => {
          const result = await creditRecords.updateDraft(id, fields);
          if (!result.ok) return result.issues;
          notifications.show({ color: 'teal', message: t('creditUi.record.saved', { title: fields.title }) });
          navigate(`/credit/records/${id}`);
          return [];
        }}
      />
    </Stack>
  );
}
