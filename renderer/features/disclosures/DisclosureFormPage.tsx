import { Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import {
  type DisclosureDocument,
  type DisclosureInput,
  type DisclosureKind,
  disclosureKinds,
} from '../../../shared/model/disclosure.ts';
import { useServices } from '../../app/services.ts';
import type { DisclosureSaved } from '../../repositories/disclosures.ts';
import { DisclosureForm } from './DisclosureForm.tsx';

function inputOf(doc: DisclosureDocument): DisclosureInput {
  const {
    id: _i,
    county: _c,
    createdAt: _ca,
    updatedAt: _ua,
    createdBy: _cb,
    updatedBy: _ub,
    ...input
  } = doc;
  return input;
}

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
        onSubmit={async (input) => {
          const result = await disclosures.create(input);
          if (!result.ok) return result.issues;
          notice(result.value);
          navigate(`/credit/disclosures/${result.value.disclosure.id}`);
          return [];
        }}
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
  const [doc, setDoc] = useState<DisclosureDocument | null | undefined>(undefined);

  useEffect(() => {
    disclosures.get(id).then(setDoc);
  }, [disclosures, id]);

  if (doc === undefined) return <Loader />;
  if (doc === null) return <Text>{t('common.notFound')}</Text>;
  if (!disclosures.canEdit(doc)) return <Text>{t('creditUi.disclosure.notEditable')}</Text>;
  return (
    <Stack>
      <Title order={2}>{t(`creditUi.disclosure.editTitle.${doc.kind}`)}</Title>
      <DisclosureForm
        initial={inputOf(doc)}
        onCancel={() => navigate(`/credit/disclosures/${id}`)}
        onSubmit={async (input) => {
          const result = await disclosures.update(id, input);
          if (!result.ok) return result.issues;
          notice(result.value);
          navigate(`/credit/disclosures/${id}`);
          return [];
        }}
      />
    </Stack>
  );
}
