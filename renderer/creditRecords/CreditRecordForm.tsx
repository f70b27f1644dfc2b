import { Paper, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { disclosureAttributes, type CatalogItemDocument } from '../../shared/creditRecords/catalog.ts';
import type { SubjectKind } from '../../shared/subjects/model.ts';
import type { ValidationIssue } from '../../shared/base/validation.ts';
import { useServices } from '../app/services.ts';
import { DateField } from '../kernel/ui/DateField.tsx';
import type { CreditRecordFields } from './repository.ts';
import { FormActions } from '../kernel/ui/FormActions.tsx';
import { useFormSave } from '../kernel/ui/saving.ts';
import { localized, usePublicityText } from './CatalogPage.tsx';
import { creditFieldLabel, errorsByField, IssueSummary } from '../kernel/ui/issues.tsx';
import { SubjectSelect } from './SubjectSelect.tsx';

interface Props {
  initial: CreditRecordFields;
  /** Saves and returns the broken rules, if any. */
  onSubmit: (fields: CreditRecordFields) => Promise<ValidationIssue[]>;
  onCancel: () => void;
}

/** Enters or edits a draft credit record; every rule the repository applies is shown as the clerk goes. */
export function CreditRecordForm({ initial, onSubmit, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const { creditRecords, reference, subjects } = useServices();
  const [catalog, setCatalog] = useState<readonly CatalogItemDocument[]>(reference.catalog());
  const [subjectKind, setSubjectKind] = useState<SubjectKind | null>(null);
  const publicity = usePublicityText();

  const form = useForm<CreditRecordFields>({
    mode: 'controlled',
    initialValues: initial,
    validateInputOnBlur: true,
    validate: (values) => errorsByField(t, creditRecords.validate(values), (field) => field.split('.')[0]!),
  });

  useEffect(() => {
    const subscription = reference.catalog$.subscribe(setCatalog);
    return () => subscription.unsubscribe();
  }, [reference]);

  useEffect(() => {
    if (!form.values.subjectId) return setSubjectKind(null);
    subjects.get(form.values.subjectId).then((subject) => setSubjectKind(subject?.kind ?? null));
  }, [subjects, form.values.subjectId]);

  /** Keeps the end at the item's default while the clerk has not chosen another end. */
  const withDefaults = (next: CreditRecordFields, previous: CreditRecordFields): CreditRecordFields => {
    const previousDefault = creditRecords.defaultPublicityEnd(previous.catalogCode, previous.publicityStart);
    const untouched = previous.publicityEnd === '' || previous.publicityEnd === previousDefault;
    const publicityEnd = untouched
      ? creditRecords.defaultPublicityEnd(next.catalogCode, next.publicityStart)
      : next.publicityEnd;
    return { ...next, publicityEnd };
  };

  const change = (patch: Partial<CreditRecordFields>) => {
    const previous = form.getValues();
    let next = { ...previous, ...patch };
    if (patch.decisionDate !== undefined && previous.publicityStart === previous.decisionDate) {
      next.publicityStart = patch.decisionDate;
    }
    if (patch.catalogCode !== undefined) {
      const item = reference.findItem(patch.catalogCode);
      if (item) next.disclosure = item.disclosure;
    }
    next = withDefaults(next, previous);
    form.setValues(next);
  };

  const { saving, refused, save } = useFormSave(form, onSubmit, (issues) =>
    errorsByField(t, issues, (field) => field.split('.')[0]!),
  );
  const submit = form.onSubmit(save);

  const applicable = catalog.filter((item) => !subjectKind || item.subjectTypes.includes(subjectKind));
  const groups = [...new Set(applicable.map((item) => item.category))].map((category) => ({
    group: t(`credit.category.${category}`, { defaultValue: category }),
    items: applicable
      .filter((item) => item.category === category)
      .map((item) => ({ value: item.code, label: `${item.code} ${localized(item.name, i18n.language)}` })),
  }));
  const item = reference.findItem(form.values.catalogCode);
  const label = (field: keyof CreditRecordFields) => t(`credit.field.${field}`);
  const date = (field: 'decisionDate' | 'publicityStart' | 'publicityEnd', description?: string) => (
    <DateField
      label={label(field)}
      description={description}
      withAsterisk={field !== 'publicityEnd' || !reference.publicityRule(form.values.catalogCode)?.whileValid}
      {...form.getInputProps(field)}
      value={form.values[field]}
      onChange={(value) => change({ [field]: value })}
    />
  );

  return (
    <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate>
      <Stack>
        <IssueSummary issues={refused} labelOf={(field) => creditFieldLabel(t, field)} />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <SubjectSelect
            label={label('subjectId')}
            value={form.values.subjectId}
            onChange={(subject) => change({ subjectId: subject?.id ?? '' })}
            error={form.errors.subjectId}
            required
          />
          <Select
            label={label('catalogCode')}
            data={groups}
            searchable
            withAsterisk
            description={item ? localized(item.content, i18n.language) : undefined}
            {...form.getInputProps('catalogCode')}
            onChange={(code) => change({ catalogCode: code ?? '' })}
          />
          <TextInput label={label('title')} withAsterisk {...form.getInputProps('title')} />
          <TextInput label={label('documentNumber')} {...form.getInputProps('documentNumber')} />
          {date('decisionDate')}
          <TextInput label={label('authority')} withAsterisk {...form.getInputProps('authority')} />
          {date('publicityStart')}
          {date(
            'publicityEnd',
            item ? t('creditUi.record.publicityRule', { rule: publicity(item) }) : undefined,
          )}
          <Select
            label={label('disclosure')}
            data={disclosureAttributes.map((value) => ({ value, label: t(`credit.disclosure.${value}`) }))}
            allowDeselect={false}
            withAsterisk
            {...form.getInputProps('disclosure')}
          />
        </SimpleGrid>
        <Textarea label={label('facts')} withAsterisk autosize minRows={3} {...form.getInputProps('facts')} />
        <Textarea label={label('legalBasis')} autosize minRows={2} {...form.getInputProps('legalBasis')} />
        <FormActions onCancel={onCancel} loading={saving} />
      </Stack>
    </Paper>
  );
}
