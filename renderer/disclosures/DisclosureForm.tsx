import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import {
  Button,
  Checkbox,
  Collapse,
  Fieldset,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isRealDate } from '../../shared/base/identifiers.ts';
import {
  columnsOf,
  type DisclosureField,
  type DisclosureInput,
  defaultDisclosureRules,
  disclosureColumns,
  fieldOfStandardCode,
  penaltySeverities,
  validateDisclosureInput,
} from '../../shared/disclosures/model.ts';
import type { ValidationIssue } from '../../shared/base/validation.ts';
import { CalendarWarnings } from './TimingBadge.tsx';
import { useServices } from '../app/services.ts';
import { DateField } from '../kernel/ui/DateField.tsx';
import { FormActions } from '../kernel/ui/FormActions.tsx';
import { useFormSave } from '../kernel/ui/saving.ts';
import { errorsByField, IssueSummary } from '../kernel/ui/issues.tsx';
import { SubjectSelect } from '../creditRecords/SubjectSelect.tsx';
import { codeOptions, codeTableOf, disclosureFieldLabel, issueFieldLabel } from './labels.ts';

interface Props {
  initial: DisclosureInput;
  /** Saves and returns the broken rules, if any (the repository checks again, with the subject). */
  onSubmit: (input: DisclosureInput) => Promise<ValidationIssue[]>;
  onCancel: () => void;
}

const partyFields: DisclosureField[] = [
  'partyName',
  'partyCategory',
  'partyUscc',
  'legalRepresentative',
  'legalRepIdType',
  'legalRepIdNumber',
  'partyIdType',
  'partyIdNumber',
];
const otherCodeFields: DisclosureField[] = [
  'partyBusinessRegNo',
  'partyOrgCode',
  'partyTaxRegNo',
  'partyInstitutionCode',
  'partySocialOrgCode',
];
const authorityFields: DisclosureField[] = ['authority', 'authorityCode', 'sourceUnit', 'sourceUnitCode'];
const longTextFields = new Set<DisclosureField>([
  'violationType',
  'violationFacts',
  'legalBasis',
  'content',
  'remarks',
]);
/** The party fields a subject fills in. */
const subjectPartyFields = [
  'partyName',
  'partyCategory',
  'partyUscc',
  'legalRepresentative',
  'partyIdType',
  'partyIdNumber',
] as const;

/** A 双公示 licence or penalty with the standard's fields and code tables, tied to a registered subject. */
export function DisclosureForm({ initial, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const { disclosures } = useServices();
  const kind = initial.kind;
  const [otherCodes, { toggle: toggleOtherCodes }] = useDisclosure(
    otherCodeFields.some((field) => initial[field] !== ''),
  );
  const toProperty = (field: string) => fieldOfStandardCode(kind, field) ?? field.split('.')[0]!;

  const form = useForm<DisclosureInput>({
    mode: 'controlled',
    initialValues: initial,
    validateInputOnBlur: true,
    validate: (values) => {
      const result = validateDisclosureInput(values, chinaDateOf(new Date()));
      const issues = result.ok ? [] : [...result.issues];
      if (values.subjectId === '') issues.push({ field: 'subjectId', code: 'required' });
      return errorsByField(t, issues, toProperty);
    },
  });

  const { saving, refused, setRefused, save } = useFormSave(form, onSubmit, (issues) =>
    errorsByField(t, issues, toProperty),
  );
  const submit = form.onSubmit(save, async (_errors, values) =>
    setRefused(await disclosures.validate(values)),
  );

  const ownColumns = new Set(columnsOf(kind).map(({ def }) => def.field));
  const required = new Set<DisclosureField>([
    ...defaultDisclosureRules.required[kind],
    ...(defaultDisclosureRules.requiredByParty[form.values.partyCategory] ?? []),
  ]);
  const label = (field: string) => disclosureFieldLabel(t, kind, field);

  const input = (field: DisclosureField): ReactNode => {
    if (!ownColumns.has(field)) return null;
    const common = { label: label(field), withAsterisk: required.has(field) };
    if (field === 'penaltyCategories') {
      return (
        <MultiSelect
          {...common}
          data={codeOptions(t, field)}
          searchable
          {...form.getInputProps('penaltyCategories')}
        />
      );
    }
    if (codeTableOf[field]) {
      return (
        <Select
          {...common}
          data={codeOptions(t, field)}
          clearable
          {...form.getInputProps(field)}
          value={(form.values[field] as string) || null}
          onChange={(code) => form.setFieldValue(field, code ?? '')}
        />
      );
    }
    const def = disclosureColumns.find((column) => column.field === field)!;
    if (def.format === 'date')
      return (
        <DateField
          {...common}
          {...form.getInputProps(field)}
          value={form.values[field] as string}
          onChange={(value) => form.setFieldValue(field, value)}
        />
      );
    if (longTextFields.has(field)) {
      return <Textarea {...common} autosize minRows={2} {...form.getInputProps(field)} />;
    }
    return <TextInput {...common} {...form.getInputProps(field)} />;
  };

  const inputs = (fields: DisclosureField[]) =>
    fields.map((field) => <Fragment key={field}>{input(field)}</Fragment>);

  const decisionFields: DisclosureField[] =
    kind === 'licence'
      ? [
          'documentName',
          'documentNumber',
          'licenceCategory',
          'certificateName',
          'licenceNumber',
          'decisionDate',
          'validFrom',
          'validUntil',
          'licenceStatus',
        ]
      : [
          'documentNumber',
          'decisionDate',
          'penaltyCategories',
          'fineAmount',
          'confiscatedAmount',
          'suspendedLicence',
          'validUntil',
          'publicityEnd',
        ];
  const decisionTexts: DisclosureField[] =
    kind === 'licence' ? ['content'] : ['violationType', 'violationFacts', 'legalBasis', 'content'];
  const deadline = isRealDate(form.values.decisionDate)
    ? disclosures.timing({ decisionDate: form.values.decisionDate, reportedAt: form.values.reportedAt })
    : null;

  return (
    <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate>
      <Stack>
        <IssueSummary issues={refused} labelOf={(field) => issueFieldLabel(t, field)} />
        <Fieldset legend={t('creditUi.disclosure.partySection')}>
          <Stack>
            <SubjectSelect
              label={t('disclosure.field.subjectId')}
              value={form.values.subjectId}
              required
              error={form.errors.subjectId}
              onChange={async (subject) => {
                if (!subject) return form.setFieldValue('subjectId', '');
                const prefilled = await disclosures.draftFor(kind, subject.id);
                const party = Object.fromEntries(
                  subjectPartyFields.map((field) => [field, prefilled[field]]),
                );
                form.setValues({ ...party, legalRepIdType: '', legalRepIdNumber: '', subjectId: subject.id });
              }}
            />
            <SimpleGrid cols={{ base: 1, md: 2 }}>{inputs(partyFields)}</SimpleGrid>
            <Button variant="subtle" size="xs" onClick={toggleOtherCodes} w="fit-content">
              {t(otherCodes ? 'creditUi.disclosure.hideOtherCodes' : 'creditUi.disclosure.showOtherCodes')}
            </Button>
            <Collapse expanded={otherCodes}>
              <SimpleGrid cols={{ base: 1, md: 2 }}>{inputs(otherCodeFields)}</SimpleGrid>
            </Collapse>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('creditUi.disclosure.decisionSection')}>
          <Stack>
            <SimpleGrid cols={{ base: 1, md: 2 }}>{inputs(decisionFields)}</SimpleGrid>
            {inputs(decisionTexts)}
            {deadline && (
              <Text size="sm" c={deadline.late ? 'red' : 'dimmed'} data-testid="form-deadline">
                {t(deadline.late ? 'creditUi.disclosure.deadlinePassed' : 'creditUi.disclosure.deadline', {
                  date: deadline.deadline,
                })}
              </Text>
            )}
            {deadline && <CalendarWarnings timing={deadline} />}
          </Stack>
        </Fieldset>
        <Fieldset legend={t('creditUi.disclosure.authoritySection')}>
          <Stack>
            <SimpleGrid cols={{ base: 1, md: 2 }}>{inputs(authorityFields)}</SimpleGrid>
            {input('remarks')}
          </Stack>
        </Fieldset>
        {kind === 'penalty' && (
          <Fieldset legend={t('creditUi.disclosure.creditSection')}>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Select
                label={t('disclosure.field.severity')}
                description={t('creditUi.disclosure.severityHint')}
                data={penaltySeverities.map((value) => ({ value, label: t(`disclosure.severity.${value}`) }))}
                allowDeselect={false}
                withAsterisk
                {...form.getInputProps('severity')}
              />
              <Checkbox
                mt="lg"
                label={t('disclosure.field.simpleProcedure')}
                description={t('creditUi.disclosure.simpleProcedureHint')}
                {...form.getInputProps('simpleProcedure', { type: 'checkbox' })}
              />
            </SimpleGrid>
          </Fieldset>
        )}
        <FormActions onCancel={onCancel} loading={saving} />
      </Stack>
    </Paper>
  );
}
