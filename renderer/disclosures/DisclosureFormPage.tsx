import { Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import {
  type DisclosureInput,
  type DisclosureKind,
  disclosureKinds,
} from '../../shared/disclosures/model.ts';
import { useServices } from '../app/services.ts';
import type { DisclosureSaved } from './repository.ts';
import { withoutStamps } from '../../shared/base/document.ts';
import { useDocument } from '../kernel/ui/documents.ts';
import { afterSave } from '../kernel/ui/saving.ts';
import { DisclosureForm } from './DisclosureForm.tsx';

/** Tells the clerk what became of the credit record a penalty calls for. */
function useSavedNotice() {
  const { t } = useTranslation();
  return (saved: DisclosureSaved) => {
    notifications.show({
      color: 'teal',
      message: t('creditUi.disclosure.saved', { number: saved.disclosure.documentNumber }),
    });
    if (saved.record && saved.disclosure.kind === 'penalty') {
      notifications.show({ color: 'orange', message: t('creditUi.disclosure.recordDerived') });
    }
    if (saved.note)
      notifications.show({ color: 'yellow', message: t(saved.note.key, saved.note.params ?? {}) });
  };
}

export function DisclosureCreatePage() {
  const { t } = useTranslation();
  const { kind = '' } = useParams();
  const [params] = useSearchParams();
  const { disclosures } = useServices();
  const navigate = useNavigate();
  const notice = useSavedNotice();
  const [initial, setInitial] = useState<DisclosureInput | null>(null);
  const valid = disclosureKinds.includes(kind as DisclosureKind);
  const subjectId = params.get('subject') ?? '';

  useEffect(() => {
    if (valid) disclosures.draftFor(kind as DisclosureKind, subjectId).then(setInitial);
  }, [disclosures, kind, valid, subjectId]);

  if (!valid) return <Text>{t('common.notFound')}</Text>;
  if (!initial) return <Loader />;
  return (
    <Stack>
      <Title order={2}>{t(`creditUi.disclosure.createTitle.${kind}`)}</Title>
      <DisclosureForm
        key={kind}
        initial={initial}
        onCancel={() => navigate(subjectId ? `/subjects/${subjectId}?tab=credit` : '/credit/disclosures')}
        onSubmit={async (input) =>
          afterSave(await disclosures.create(input), (saved) => {
            notice(saved);
            navigate(`/credit/disclosures/${saved.disclosure.id}`);
          })
        }
      />
    </Stack>
  );
}

export function DisclosureEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { disclosures } = useServices();
  const navigate = useNavigate();
  const notice = useSavedNotice();
  const doc = useDocument(disclosures, id);

  if (doc === undefined) return <Loader />;
  if (doc === null) return <Text>{t('common.notFound')}</Text>;
  if (!disclosures.canEdit(doc)) return <Text>{t('creditUi.disclosure.notEditable')}</Text>;
  return (
    <Stack>
      <Title order={2}>{t(`creditUi.disclosure.editTitle.${doc.kind}`)}</Title>
      <DisclosureForm
        initial={withoutStamps(doc)}
        onCancel={() => navigate(`/credit/disclosures/${id}`)}
        onSubmit={async (input) =>
          afterSave(await disclosures.update(id, input), (saved) => {
            notice(saved);
            navigate(`/credit/disclosures/${id}`);
          })
        }
      />
    </Stack>
  );
}
