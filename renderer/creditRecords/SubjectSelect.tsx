import { type MantineSize, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubjectDocument, SubjectKind } from '../../shared/subjects/model.ts';
import { useServices } from '../app/services.ts';
import { displayCode } from '../subjects/labels.ts';

interface Props {
  label: string;
  value: string;
  onChange: (subject: SubjectDocument | null) => void;
  /** Only subjects of this kind; any kind when omitted. */
  kind?: SubjectKind;
  /** The hint under the label: how to find a subject, when omitted. */
  description?: string;
  error?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  /** The control's size: large on touch screens. */
  size?: MantineSize;
}

function optionOf(subject: Pick<SubjectDocument, 'id' | 'name' | 'kind' | 'code'>) {
  return { value: subject.id, label: `${subject.name}（${displayCode(subject)}）` };
}

/** Picks an enterprise or practitioner from the local registry by name or code. */
export function SubjectSelect({ onChange, ...props }: Props) {
  const { subjects } = useServices();
  return (
    <SubjectIdSelect
      {...props}
      onChange={(id) => {
        if (!id) return onChange(null);
        subjects.get(id).then(onChange);
      }}
    />
  );
}

/** Picks a subject as SubjectSelect does, telling only its id ('' when cleared). */
export function SubjectIdSelect({
  label,
  value,
  onChange,
  kind,
  description,
  error,
  required,
  disabled,
  size,
}: Omit<Props, 'onChange'> & { onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const { subjects } = useServices();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 150);
  const [data, setData] = useState<{ value: string; label: string }[]>([]);

  useEffect(() => {
    let current = true;
    const load = async () => {
      const page = await subjects.list({ text: debounced, kind, sort: 'name', limit: 20 });
      const options = page.items.map(optionOf);
      if (value && !options.some((o) => o.value === value)) {
        const selected = await subjects.get(value);
        if (selected) options.unshift(optionOf(selected));
      }
      if (current) setData(options);
    };
    load();
    return () => {
      current = false;
    };
  }, [subjects, debounced, value, kind]);

  return (
    <Select
      label={label}
      description={description ?? t('creditUi.subjectHint')}
      data={data}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      searchable
      clearable
      withAsterisk={required}
      disabled={disabled}
      size={size}
      clearButtonProps={size === 'lg' ? { size: 'xl' } : undefined}
      filter={({ options }) => options}
      onSearchChange={setSearch}
      nothingFoundMessage={t('subject.empty')}
      error={error}
    />
  );
}
