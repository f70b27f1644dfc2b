import { Alert, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { effectivePublicityRule } from '../../shared/creditRecords/publicity.ts';
import type { CatalogItemDocument, LocalizedText } from '../../shared/creditRecords/catalog.ts';
import { useServices } from '../app/services.ts';
import { ListTable } from '../kernel/ui/ListTable.tsx';
import { CreditTabs } from './CreditTabs.tsx';
import { CategoryIcon } from './style.tsx';

/** The catalog fields the page shows, in its columns' order. */
const shownFields = [
  'code',
  'name',
  'content',
  'basis',
  'disclosure',
  'collectionSource',
  'sharingMethod',
  'updateFrequency',
  'subjectTypes',
  'publicity',
] as const;

export function localized(text: LocalizedText, language: string): string {
  return language.startsWith('zh') ? text.zh : text.en;
}

/** The publicity period of an item's records, as the rules narrow it: a range, or one fixed length. */
export function publicityText(
  t: TFunction,
  item: Pick<CatalogItemDocument, 'category' | 'industries' | 'publicity'>,
): string {
  const { rule } = effectivePublicityRule(item);
  if (rule.whileValid) return t('credit.publicity.whileValid');
  if (rule.minMonths === rule.maxMonths)
    return t('creditUi.catalog.publicityFixed', { count: rule.minMonths });
  return t('creditUi.catalog.publicityRange', {
    min: rule.minMonths,
    max: rule.maxMonths,
    default: rule.defaultMonths,
  });
}

export function usePublicityText(): (item: CatalogItemDocument) => string {
  const { t } = useTranslation();
  return (item) => publicityText(t, item);
}

/** The catalog as the city publishes it: read-only on county computers. */
export function CatalogPage() {
  const { t, i18n } = useTranslation();
  const { reference } = useServices();
  const [items, setItems] = useState<readonly CatalogItemDocument[]>([]);
  const publicity = usePublicityText();

  useEffect(() => {
    const subscription = reference.catalog$.subscribe(setItems);
    return () => subscription.unsubscribe();
  }, [reference]);

  const categories = [...new Set(items.map((item) => item.category))];
  const versions = [...new Set(items.map((item) => item.catalogVersion))].join(', ');
  return (
    <Stack>
      <Title order={2}>{t('creditUi.sections.catalog')}</Title>
      <CreditTabs active="catalog" />
      <Alert color="blue" title={t('creditUi.catalog.readOnlyTitle')}>
        {t('creditUi.catalog.readOnly', { version: versions || '—', count: items.length })}
      </Alert>
      {categories.map((category) => {
        const inCategory = items.filter((item) => item.category === category);
        return (
          <Stack key={category} gap="xs">
            <Group gap="xs">
              <CategoryIcon category={category} />
              <Title order={3}>{t(`credit.category.${category}`, { defaultValue: category })}</Title>
              <Text c="dimmed">{t('common.total', { count: inCategory.length })}</Text>
            </Group>
            <Table.ScrollContainer minWidth={1200}>
              <ListTable
                striped
                withTableBorder
                verticalSpacing="xs"
                data-testid={`catalog-${category}`}
                columns={shownFields.map((field) => t(`catalog.field.${field}`))}
              >
                {inCategory.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td ff="monospace">{item.code}</Table.Td>
                    <Table.Td>{localized(item.name, i18n.language)}</Table.Td>
                    <Table.Td maw={320}>{localized(item.content, i18n.language)}</Table.Td>
                    {/* Laws are cited by their official Chinese titles, in either language. */}
                    <Table.Td maw={260} lang="zh-CN" translate="no">
                      {item.basis.join('；')}
                    </Table.Td>
                    <Table.Td>{t(`credit.disclosure.${item.disclosure}`)}</Table.Td>
                    <Table.Td>{localized(item.collectionSource, i18n.language)}</Table.Td>
                    <Table.Td>{t(`credit.sharingMethod.${item.sharingMethod}`)}</Table.Td>
                    <Table.Td>{t(`credit.updateFrequency.${item.updateFrequency}`)}</Table.Td>
                    <Table.Td>
                      {item.subjectTypes.map((type) => t(`credit.subjectType.${type}`)).join('、')}
                    </Table.Td>
                    <Table.Td>{publicity(item)}</Table.Td>
                  </Table.Tr>
                ))}
              </ListTable>
            </Table.ScrollContainer>
          </Stack>
        );
      })}
    </Stack>
  );
}
