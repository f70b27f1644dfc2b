import { type MantineSize, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportingPeriod } from '../../shared/disclosures/file.ts';
import type { DisclosureKind } from '../../shared/disclosures/model.ts';
import { DateField } from '../kernel/ui/DateField.tsx';

/** Chooses penalties or licences: what a reporting file holds. */
export function DisclosureKindSelect({
  value,
  onChange,
}: {
  value: DisclosureKind;
  onChange: (kind: DisclosureKind) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('creditUi.disclosure.kind')}
      data={[
        { value: 'penalty', label: t('creditUi.kind.penalty') },
        { value: 'licence', label: t('creditUi.kind.licence') },
      ]}
      value={value}
      onChange={(next) => next && onChange(next as DisclosureKind)}
      allowDeselect={false}
    />
  );
}

/** The first and last day of a period (YYYY-MM-DD); `onChange` tells which end changed. */
export function PeriodInputs({
  period,
  onChange,
  size,
}: {
  period: ReportingPeriod;
  onChange: (end: keyof ReportingPeriod, value: string) => void;
  size?: MantineSize;
}) {
  const { t } = useTranslation();
  return (
    <>
      {(['from', 'to'] as const).map((end) => (
        <DateField
          key={end}
          size={size}
          label={t(`creditUi.period.${end}`)}
          value={period[end]}
          onChange={(value) => onChange(end, value)}
          clearable={false}
        />
      ))}
    </>
  );
}
