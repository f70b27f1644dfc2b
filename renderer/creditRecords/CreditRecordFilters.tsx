import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { creditRecordStatuses } from '../../shared/creditRecords/model.ts';

interface Props {
  /** The category codes offered. */
  categories: readonly string[];
  category: string | null;
  status: string | null;
  /** A filter changed; null when it was cleared (all records). */
  onChange: (filter: 'category' | 'status', value: string | null) => void;
}

/** Narrows credit records to one category and one status. */
export function CreditRecordFilters({ categories, category, status, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Select
        label={t('credit.field.category')}
        placeholder={t('common.all')}
        data={categories.map((code) => ({
          value: code,
          label: t(`credit.category.${code}`, { defaultValue: code }),
        }))}
        value={category}
        onChange={(value) => onChange('category', value)}
        clearable
      />
      <Select
        label={t('credit.field.status')}
        placeholder={t('common.all')}
        data={creditRecordStatuses.map((value) => ({ value, label: t(`credit.status.${value}`) }))}
        value={status}
        onChange={(value) => onChange('status', value)}
        clearable
      />
    </>
  );
}
