import {
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { type AcceptanceCheck, needsAcceptanceCheck } from '../../shared/commitments/acceptance.ts';
import { findMatter } from '../../shared/commitments/matters.ts';
import { type CommitmentType, commitmentTypes } from '../../shared/commitments/types.ts';
import {
  emptySubjectInput,
  industries,
  type SubjectDocument,
  type SubjectInput,
} from '../../shared/subjects/model.ts';
import type { ValidationIssue } from '../../shared/base/validation.ts';
import { useServices } from '../app/services.ts';
import { FormActions } from '../kernel/ui/FormActions.tsx';
import { errorsByField, IssueSummary } from '../kernel/ui/issues.tsx';
import { SubjectSelect } from '../creditRecords/SubjectSelect.tsx';
import { DateField } from '../kernel/ui/DateField.tsx';
import { AcceptanceCheckPanel } from './AcceptanceCheckPanel.tsx';
import { type CommitmentFields, emptyCommitmentFields, fieldsOf } from './repository.ts';

const fieldKeys: Record<string, string> = {
  subjectId: 'commitment.field.subjectId',
  type: 'commitment.field.type',
  matterCode: 'commitment.field.matterCode',
  reason: 'commitment.field.reason',
  content: 'commitment.field.content',
  missingMaterials: 'commitment.field.missingMaterials',
  materialsDeadline: 'commitment.field.materialsDeadline',
  liability: 'commitment.field.liability',
  signatory: 'commitment.field.signatory',
  signingDate: 'commitment.field.signingDate',
  publicity: 'commitment.field.publicity',
  newSubject: 'commitmentUi.newParty',
};

export function CommitmentCreatePage() {
  const [params] = useSearchParams();
  return <CommitmentForm initial={emptyCommitmentFields(params.get('subject') ?? '')} id={null} />;
}

export function CommitmentEditPage() {
  const { id = '' } = useParams();
  const { commitments } = useServices();
  const [fields, setFields] = useState<CommitmentFields | null | undefined>(undefined);
  useEffect(() => {
    commitments.get(id).then((found) => setFields(found ? fieldsOf(found) : null));
  }, [commitments, id]);
  const { t } = useTranslation();
  if (fields === undefined) return <Loader />;
  if (fields === null) return <Text>{t('common.notFound')}</Text>;
  return <CommitmentForm initial={fields} id={id} />;
}

/**
 * A commitment letter: the party (registered, or registered on the way), type and matter, the promise
 * from the type's template (editable), missing materials with their deadline in working days, liability,
 * signatory and signing date, publicity. Saved as a draft; acceptance is a step on the letter's page.
 */
function CommitmentForm({ initial, id }: { initial: CommitmentFields; id: string | null }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { commitments, subjects } = useServices();
  const [fields, setFields] = useState<CommitmentFields>(initial);
  const [subject, setSubject] = useState<SubjectDocument | null>(null);
  const [newParty, setNewParty] = useState<SubjectInput | null>(null);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [saving, setSaving] = useState(false);
  const language = i18n.language === 'en' ? 'en' : 'zh';

  useEffect(() => {
    if (initial.subjectId) subjects.get(initial.subjectId).then(setSubject);
  }, [subjects, initial.subjectId]);

  // The credit state the acceptance will check, shown while the letter is written.
  const [check, setCheck] = useState<AcceptanceCheck | null>(null);
  useEffect(() => {
    if (newParty || !fields.subjectId || !needsAcceptanceCheck(fields.type)) {
      setCheck(null);
      return;
    }
    let current = true;
    commitments.acceptanceCheck(fields.subjectId, fields.type).then((found) => current && setCheck(found));
    return () => {
      current = false;
    };
  }, [commitments, fields.subjectId, fields.type, newParty]);

  const set = (patch: Partial<CommitmentFields>) => setFields((current) => ({ ...current, ...patch }));
  const matters = commitments.mattersInForce().filter((m) => m.types.includes(fields.type));
  const party = newParty ? { name: newParty.name, code: newParty.code, kind: newParty.kind } : subject;

  const chooseMatter = (code: string | null) => {
    const matter = findMatter(commitments.matters, code ?? '');
    set({
      matterCode: code ?? '',
      publicity: matter?.publicity ?? fields.publicity,
      materialsDeadline:
        fields.type === 'missingMaterials' ? commitments.defaultDeadline(code ?? '', fields.signingDate) : '',
    });
  };
  const chooseSigningDate = (date: string) =>
    set({
      signingDate: date,
      ...(fields.type === 'missingMaterials'
        ? { materialsDeadline: commitments.defaultDeadline(fields.matterCode, date) }
        : {}),
    });
  const fillTemplate = () => set(commitments.templateFor(fields, party));

  const save = async () => {
    setSaving(true);
    try {
      const result = id ? await commitments.update(id, fields) : await commitments.create(fields, newParty);
      if (!result.ok) {
        setIssues(result.issues);
        return;
      }
      navigate(`/commitments/${result.value.id}`);
    } finally {
      setSaving(false);
    }
  };
  const errors = errorsByField(t, issues, (field) => field.split('.')[0]!);
  const labelOf = (field: string) => {
    const key = fieldKeys[field.split('.')[0]!];
    return key ? t(key) : null;
  };

  return (
    <Stack maw={900}>
      <Title order={2}>{t(id ? 'commitmentUi.editTitle' : 'commitmentUi.new')}</Title>
      <IssueSummary issues={issues} labelOf={labelOf} />
      <Paper withBorder p="md">
        <Stack>
          {!id && (
            <SegmentedControl
              value={newParty ? 'new' : 'registered'}
              onChange={(value) => setNewParty(value === 'new' ? emptySubjectInput('enterprise') : null)}
              data={[
                { value: 'registered', label: t('commitmentUi.registeredParty') },
                { value: 'new', label: t('commitmentUi.newParty') },
              ]}
            />
          )}
          {newParty ? (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('commitmentUi.partyName')}
                withAsterisk
                value={newParty.name}
                onChange={(event) => setNewParty({ ...newParty, name: event.currentTarget.value })}
              />
              <TextInput
                label={t('commitmentUi.partyCode')}
                withAsterisk
                value={newParty.code}
                onChange={(event) => setNewParty({ ...newParty, code: event.currentTarget.value })}
              />
              <Select
                label={t('commitmentUi.partyIndustry')}
                value={newParty.industry}
                allowDeselect={false}
                onChange={(value) =>
                  value && setNewParty({ ...newParty, industry: value as SubjectInput['industry'] })
                }
                data={industries.map((code) => ({ value: code, label: t(`subject.industry.${code}`) }))}
              />
            </SimpleGrid>
          ) : (
            <SubjectSelect
              label={t('commitment.field.subjectId')}
              value={fields.subjectId}
              required
              disabled={id !== null}
              error={errors.subjectId}
              onChange={(picked) => {
                setSubject(picked);
                set({ subjectId: picked?.id ?? '' });
              }}
            />
          )}
          {check && <AcceptanceCheckPanel check={check} preview />}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('commitment.field.type')}
              withAsterisk
              allowDeselect={false}
              value={fields.type}
              error={errors.type}
              onChange={(value) =>
                value &&
                set({
                  type: value as CommitmentType,
                  matterCode: '',
                  missingMaterials: [],
                  materialsDeadline: '',
                })
              }
              data={commitmentTypes.map((code) => ({ value: code, label: t(`commitment.type.${code}`) }))}
            />
            <Select
              label={t('commitment.field.matterCode')}
              withAsterisk
              value={fields.matterCode || null}
              error={errors.matterCode}
              onChange={chooseMatter}
              data={matters.map((m) => ({ value: m.code, label: m.name[language] }))}
            />
          </SimpleGrid>
          <TextInput
            label={t('commitment.field.reason')}
            withAsterisk
            value={fields.reason}
            error={errors.reason}
            onChange={(event) => set({ reason: event.currentTarget.value })}
          />
          {fields.type === 'missingMaterials' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Textarea
                label={t('commitment.field.missingMaterials')}
                description={t('commitmentUi.onePerLine')}
                withAsterisk
                autosize
                minRows={2}
                value={fields.missingMaterials.join('\n')}
                error={errors.missingMaterials}
                onChange={(event) => set({ missingMaterials: event.currentTarget.value.split('\n') })}
              />
              <DateField
                label={t('commitment.field.materialsDeadline')}
                description={t('commitmentUi.deadlineHint', {
                  days: findMatter(commitments.matters, fields.matterCode)?.missingMaterialsDays ?? 0,
                })}
                withAsterisk
                value={fields.materialsDeadline}
                error={errors.materialsDeadline}
                onChange={(value) => set({ materialsDeadline: value })}
              />
            </SimpleGrid>
          )}
          <Group justify="space-between" align="flex-end">
            <Text fw={500} size="sm">
              {t('commitment.field.content')}
            </Text>
            <Button size="xs" variant="light" onClick={fillTemplate} disabled={!fields.matterCode || !party}>
              {t('commitmentUi.fillTemplate')}
            </Button>
          </Group>
          <Textarea
            aria-label={t('commitment.field.content')}
            autosize
            minRows={5}
            value={fields.content}
            error={errors.content}
            onChange={(event) => set({ content: event.currentTarget.value })}
          />
          <Textarea
            label={t('commitment.field.liability')}
            withAsterisk
            autosize
            minRows={2}
            value={fields.liability}
            error={errors.liability}
            onChange={(event) => set({ liability: event.currentTarget.value })}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={t('commitment.field.signatory')}
              value={fields.signatory}
              error={errors.signatory}
              onChange={(event) => set({ signatory: event.currentTarget.value })}
            />
            <DateField
              label={t('commitment.field.signingDate')}
              value={fields.signingDate}
              error={errors.signingDate}
              onChange={chooseSigningDate}
            />
            <Checkbox
              mt="xl"
              label={t('commitmentUi.public')}
              checked={fields.publicity === 'public'}
              onChange={(event) => set({ publicity: event.currentTarget.checked ? 'public' : 'notPublic' })}
            />
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            {t('commitmentUi.acceptedByHint')}
          </Text>
          <FormActions
            onCancel={() => navigate(-1)}
            onConfirm={save}
            loading={saving}
            label={t('commitmentUi.saveDraft')}
          />
        </Stack>
      </Paper>
    </Stack>
  );
}
