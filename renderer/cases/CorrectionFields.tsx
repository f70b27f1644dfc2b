import { SimpleGrid, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  amendableCreditRecordFields,
  type CreditRecordCorrection,
  type CreditRecordDocument,
} from '../../shared/creditRecords/model.ts';
import { DateField } from '../kernel/ui/DateField.tsx';

const dateFields = new Set(['decisionDate', 'publicityStart', 'publicityEnd']);
const longFields = new Set(['facts', 'legalBasis']);

/** The record's content as an objection corrects it, given once from the record and changed where wrong. */
export function correctionOf(record: CreditRecordDocument): Required<CreditRecordCorrection> {
  return Object.fromEntries(
    amendableCreditRecordFields.map((field) => [field, record[field]]),
  ) as Required<CreditRecordCorrection>;
}

/** The amendable fields of a record, for the "correct the record" step of an objection. */
export function CorrectionFields({
  value,
  onChange,
}: {
  value: Required<CreditRecordCorrection>;
  onChange: (next: Required<CreditRecordCorrection>) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Title order={5}>{t('cases.correction.title')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {amendableCreditRecordFields.map((field) => {
          const label = t(`credit.field.${field}`);
          const set = (text: string) => onChange({ ...value, [field]: text });
          if (dateFields.has(field))
            return (
              <DateField key={field} label={label} value={value[field]} onChange={set} clearable={false} />
            );
          if (longFields.has(field))
            return (
              <Textarea
                key={field}
                label={label}
                autosize
                minRows={2}
                value={value[field]}
                onChange={(event) => set(event.currentTarget.value)}
              />
            );
          return (
            <TextInput
              key={field}
              label={label}
              value={value[field]}
              onChange={(event) => set(event.currentTarget.value)}
              data-testid={`correction-${field}`}
            />
          );
        })}
      </SimpleGrid>
    </>
  );
}
