import { Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useServices } from '../app/services.ts';
import { emptyCreditRecordFields, fieldsOf } from './repository.ts';
import { useDocument } from '../kernel/ui/documents.ts';
import { afterSave } from '../kernel/ui/saving.ts';
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
        onSubmit={async (fields) =>
          afterSave(await creditRecords.create(fields), (saved) => {
            notifications.show({
              color: 'teal',
              message: t('creditUi.record.created', { title: fields.title }),
            });
            navigate(`/credit/records/${saved.id}`);
          })
        }
      />
    </Stack>
  );
}

export function CreditRecordEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { creditRecords } = useServices();
  const navigate = useNavigate();
  const record = useDocument(creditRecords, id);

  if (record === undefined) return <Loader />;
  if (record === null) return <Text>{t('common.notFound')}</Text>;
  if (!creditRecords.canEditDraft(record)) return <Text>{t('creditUi.record.notEditable')}</Text>;
  return (
    <Stack>
      <Title order={2}>{t('creditUi.record.editTitle')}</Title>
      <CreditRecordForm
        initial={fieldsOf(record)}
        onCancel={() => navigate(`/credit/records/${id}`)}
        onSubmit={async (fields) =>
          afterSave(await creditRecords.updateDraft(id, fields), () => {
            notifications.show({
              color: 'teal',
              message: t('creditUi.record.saved', { title: fields.title }),
            });
            navigate(`/credit/records/${id}`);
          })
        }
      />
    </Stack>
  );
}
