import { Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { SubjectInput, SubjectKind } from '../../shared/subjects/model.ts';
import { emptySubjectInput, subjectKinds } from '../../shared/subjects/model.ts';
import { useServices } from '../app/services.ts';
import { maskPersonalData } from '../kernel/security/personalData.ts';
import { withoutStamps } from '../../shared/base/document.ts';
import { useDocument } from '../kernel/ui/documents.ts';
import { afterSave } from '../kernel/ui/saving.ts';
import { SubjectForm } from './SubjectForm.tsx';

export function SubjectCreatePage() {
  const { t } = useTranslation();
  const { kind } = useParams();
  const { subjects } = useServices();
  const navigate = useNavigate();
  if (!subjectKinds.includes(kind as SubjectKind)) return <Text>{t('common.notFound')}</Text>;
  const subjectKind = kind as SubjectKind;
  return (
    <Stack>
      <Title order={2}>
        {t(
          subjectKind === 'enterprise' ? 'subject.createEnterpriseTitle' : 'subject.createPractitionerTitle',
        )}
      </Title>
      <SubjectForm
        key={subjectKind}
        initial={emptySubjectInput(subjectKind)}
        onCancel={() => navigate('/subjects')}
        onSubmit={async (input) =>
          afterSave(await subjects.create(input), (saved) => {
            notifications.show({ color: 'teal', message: t('subject.created', { name: saved.name }) });
            navigate(`/subjects/${saved.id}`);
          })
        }
      />
    </Stack>
  );
}

export function SubjectEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { subjects } = useServices();
  const navigate = useNavigate();
  const subject = useDocument(subjects, id);

  if (subject === undefined) return <Loader />;
  if (subject === null) return <Text>{t('common.notFound')}</Text>;
  // Personal values stay masked here too: a masked value left as it is keeps the stored one.
  const stored = withoutStamps(subject);
  const masked = maskPersonalData('subjects', stored);
  const resolve = (values: SubjectInput): SubjectInput => ({
    ...values,
    code: values.code === masked.code ? stored.code : values.code,
    phone: values.phone === masked.phone ? stored.phone : values.phone,
  });
  return (
    <Stack>
      <Title order={2}>{t('subject.editTitle')}</Title>
      <SubjectForm
        initial={masked}
        resolve={resolve}
        onCancel={() => navigate(`/subjects/${id}`)}
        onSubmit={async (input) =>
          afterSave(await subjects.update(id, input), (saved) => {
            notifications.show({ color: 'teal', message: t('subject.updated', { name: saved.name }) });
            navigate(`/subjects/${id}`);
          })
        }
      />
    </Stack>
  );
}
