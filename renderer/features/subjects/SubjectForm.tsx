import { Anchor, Button, Group, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SubjectInput } from '../../../shared/model/subject.ts';
import {
  industries,
  subjectStatuses,
  type subjectTextLimits,
  validateSubjectInput,
} from '../../../shared/model/subject.ts';
import type { ValidationIssue } from '../../../shared/model/validation.ts';
import { useServices } from '../../app/services.ts';
import { localDate } from '../../session/session.ts';
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
  const [saving, setSaving] = useState(false);
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
      const result = validateSubjectInput(resolve(values), localDate(new Date()));
      return result.ok ? {} : errorsFor(result.issues);
    },
  });

  const submit = form.onSubmit(async (values) => {
    setSaving(true);
    try {
      const issues = await onSubmit(resolve(values));
      if (issues.length > 0) form.setErrors(errorsFor(issues));
    } finally {
      setSaving(false);
    }
  });

  const text = (
    field: keyof typeof subjectTextLimits | 'code' | 'division',
    required = false,
    hint?: string,
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
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {text('name', true)}
          {text(
            'code',
            true,
            t(enterprise ? 'subject.hint.codeEnterprise' : 'subject.hint.codePractitioner'),
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
            <EmployerSelect
              value={form.values.employerId}
              onChange={(id) => form.setFieldValue('employerId', id)}
              error={form.errors.employerId}
            />
          )}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

interface EmployerSelectProps {
  value: string;
  onChange: (value: string) => void;
  error?: ReactNode;
}

/** Picks the employing enterprise by name or code from the local registry. */
function EmployerSelect({ value, onChange, error }: EmployerSelectProps) {
  const { t } = useTranslation();
  const { subjects } = useServices();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const [data, setData] = useState<{ value: string; label: string }[]>([]);

  useEffect(() => {
    let current = true;
    const load = async () => {
      const page = await subjects.list({ kind: 'enterprise', text: debounced, sort: 'name', limit: 20 });
      const options = page.items.map((s) => ({ value: s.id, label: `${s.name}（${s.code}）` }));
      if (value && !options.some((o) => o.value === value)) {
        const selected = await subjects.get(value);
        if (selected) options.unshift({ value: selected.id, label: `${selected.name}（${selected.code}）` });
      }
      if (current) setData(options);
    };
    load();
    return () => {
      current = false;
    };
  }, [subjects, debounced, value]);

  return (
    <Select
      label={t('subject.field.employerId')}
      description={t('subject.hint.employerId')}
      data={data}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      searchable
      clearable
      filter={({ options }) => options}
      onSearchChange={setSearch}
      nothingFoundMessage={t('subject.empty')}
      error={error}
    />
  );
}
