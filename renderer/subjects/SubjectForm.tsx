import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import { Anchor, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { implausibleAge, normalizeCode } from '../../shared/base/identifiers.ts';
import type { SubjectInput } from '../../shared/subjects/model.ts';
import {
  industries,
  subjectStatuses,
  type subjectTextLimits,
  validateSubjectInput,
} from '../../shared/subjects/model.ts';
import type { ValidationIssue } from '../../shared/base/validation.ts';
import { FormActions } from '../kernel/ui/FormActions.tsx';
import { useFormSave } from '../kernel/ui/saving.ts';
import { IssueSummary } from '../kernel/ui/issues.tsx';
import { SubjectIdSelect } from '../creditRecords/SubjectSelect.tsx';
import { fieldLabel, issueMessage } from './labels.ts';

interface Props {
  initial: SubjectInput;
  /** Turns what the form holds into the input to check and save (e.g. masked values kept as stored). */
  resolve?: (values: SubjectInput) => SubjectInput;
  /** Saves and returns the broken rules, if any (the repository checks again, including duplicates). */
  onSubmit: (input: SubjectInput) => Promise<ValidationIssue[]>;
  onCancel: () => void;
}

export function SubjectForm({ initial, resolve = (values) => values, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const kind = initial.kind;
  const enterprise = kind === 'enterprise';

  const errorsFor = (issues: ValidationIssue[]): Record<string, ReactNode> => {
    const errors: Record<string, ReactNode> = {};
    for (const item of issues) {
      if (errors[item.field]) continue;
      errors[item.field] =
        item.code === 'duplicate' ? (
          <>
            {issueMessage(t, item)}{' '}
            <Anchor component={Link} to={`/subjects/${item.params?.id}`} size="xs">
              {t('subject.duplicateLink')}
            </Anchor>
          </>
        ) : (
          issueMessage(t, item)
        );
    }
    return errors;
  };

  const form = useForm<SubjectInput>({
    mode: 'controlled',
    initialValues: initial,
    validateInputOnBlur: true,
    validate: (values) => {
      const result = validateSubjectInput(resolve(values), chinaDateOf(new Date()));
      return result.ok ? {} : errorsFor(result.issues);
    },
  });

  const { saving, refused, save } = useFormSave(
    form,
    (values: SubjectInput) => onSubmit(resolve(values)),
    errorsFor,
  );
  const submit = form.onSubmit(save);

  // A practitioner's age from her ID number: a warning to check it, never a refusal.
  const ageWarning = enterprise
    ? null
    : implausibleAge(normalizeCode(form.values.code), chinaDateOf(new Date()));

  const text = (
    field: keyof typeof subjectTextLimits | 'code' | 'division',
    required = false,
    hint?: ReactNode,
  ) => (
    <TextInput
      label={fieldLabel(t, field, kind)}
      description={hint}
      withAsterisk={required}
      {...form.getInputProps(field)}
      name={field}
    />
  );
  const options = (prefix: string, values: readonly string[]) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));

  return (
    <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate>
      <Stack>
        {/* Refusals no input shows under itself (the role may not save, the record is gone) are said here. */}
        <IssueSummary issues={refused.filter((found) => !(found.field in initial))} labelOf={() => null} />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {text('name', true)}
          {text(
            'code',
            true,
            ageWarning ? (
              <Text span size="xs" c="orange.8" data-testid="age-warning">
                {issueMessage(t, { field: 'code', ...ageWarning })}
              </Text>
            ) : (
              t(enterprise ? 'subject.hint.codeEnterprise' : 'subject.hint.codePractitioner')
            ),
          )}
          <Select
            label={fieldLabel(t, 'industry', kind)}
            data={options('subject.industry', industries)}
            allowDeselect={false}
            withAsterisk
            {...form.getInputProps('industry')}
          />
          <Select
            label={fieldLabel(t, 'status', kind)}
            data={options('subject.status', subjectStatuses)}
            allowDeselect={false}
            withAsterisk
            {...form.getInputProps('status')}
          />
          {enterprise && text('legalRepresentative', true)}
          {enterprise && text('division', true, t('subject.hint.division'))}
          {text('qualification')}
          {enterprise ? text('qualificationLevel') : text('certificateNumber')}
          {enterprise && text('address')}
          {enterprise && text('contactPerson')}
          {text('phone')}
          {!enterprise && (
            <SubjectIdSelect
              kind="enterprise"
              label={t('subject.field.employerId')}
              description={t('subject.hint.employerId')}
              value={form.values.employerId}
              onChange={(id) => form.setFieldValue('employerId', id)}
              error={form.errors.employerId}
            />
          )}
        </SimpleGrid>
        <FormActions onCancel={onCancel} loading={saving} />
      </Stack>
    </Paper>
  );
}
