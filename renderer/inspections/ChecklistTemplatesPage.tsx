import { Alert, Badge, Group, List, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { cityOf } from '../../shared/base/identifiers.ts';
import {
  type ChecklistTemplate,
  checklistDepths,
  checklistIndustries,
} from '../../shared/inspections/checklists.ts';
import { checklistInForce, nextChecklistDraft } from '../../shared/inspections/checklistVersions.ts';
import { useServices } from '../app/services.ts';
import { saveMadeFile } from '../kernel/platform/saveMadeFile.ts';
import { useCan } from '../kernel/security/hooks.ts';
import { ChecklistDraftEditor } from './ChecklistDraftEditor.tsx';

/**
 * For county administrators: the draft of an industry's next version, edited here and downloaded as the
 * file the city platform publishes.
 */
function DraftEditor({ template }: { template: ChecklistTemplate }) {
  const { t } = useTranslation();
  const { context, bridge, inspections } = useServices();
  const allowed = useCan('user.manage');
  const session = context.session();
  if (!allowed || !session) return null;
  /** Downloads `base` with its items, numbered one version above it. */
  const download = async (base: ChecklistTemplate) => {
    const version = base.version + 1;
    const draft = nextChecklistDraft(base, {
      city: cityOf(session.county),
      validFrom: inspections.today(),
      at: context.clock().toISOString(),
      by: session.userId,
    });
    const saved = await saveMadeFile(bridge, {
      name: t('checklistUi.draft.fileName', {
        industry: t(`subject.industry.${base.industry}`),
        version,
      }),
      mimeType: 'application/json',
      bytes: new TextEncoder().encode(`${JSON.stringify(draft, null, 2)}\n`),
    });
    if (saved) notifications.show({ color: 'teal', message: t('checklistUi.draft.done', { version }) });
  };
  return <ChecklistDraftEditor inForce={template} owner={session.userId} download={download} />;
}

/** The checklist version in force per industry and its items, read-only: the city publishes templates. */
export function ChecklistTemplatesPage() {
  const { t, i18n } = useTranslation();
  const { reference, inspections } = useServices();
  const published = reference.checklists();
  const today = inspections.today();
  const english = i18n.language === 'en';
  return (
    <Stack>
      <Title order={2}>{t('checklistUi.title')}</Title>
      <Text>{t('checklistUi.intro')}</Text>
      <Alert title={t('checklistUi.publish.title')}>
        <List type="ordered" spacing={4}>
          <List.Item>{t('checklistUi.publish.step1')}</List.Item>
          <List.Item>{t('checklistUi.publish.step2')}</List.Item>
          <List.Item>{t('checklistUi.publish.step3')}</List.Item>
        </List>
      </Alert>
      <Tabs defaultValue={checklistIndustries[0]}>
        <Tabs.List>
          {checklistIndustries.map((industry) => (
            <Tabs.Tab key={industry} value={industry}>
              {t(`subject.industry.${industry}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {checklistIndustries.map((industry) => {
          const template = checklistInForce(published, industry, today);
          const since = published.find((one) => one.template === template)?.validFrom;
          return (
            <Tabs.Panel key={industry} value={industry} pt="md" data-testid={`checklist-${industry}`}>
              <Stack>
                <Group>
                  <Badge size="lg">{t('checklistUi.version', { version: template.version })}</Badge>
                  <Text>
                    {since ? t('checklistUi.inForceSince', { date: since }) : t('checklistUi.builtIn')}
                  </Text>
                  <Text c="dimmed">{t('checklistUi.count', { count: template.items.length })}</Text>
                </Group>
                <DraftEditor template={template} />
                <Title order={4}>{t('checklistUi.inForceItems', { version: template.version })}</Title>
                <Table striped withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('checklistUi.column.code')}</Table.Th>
                      <Table.Th>{t('checklistUi.column.item')}</Table.Th>
                      <Table.Th>{t('checklistUi.column.depth')}</Table.Th>
                      <Table.Th>{t('checklistUi.column.basis')}</Table.Th>
                      <Table.Th>{t('checklistUi.column.catalog')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {template.items.map((item) => {
                      const target = reference.findItem(item.catalogCode);
                      return (
                        <Table.Tr key={item.code}>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{item.code}</Table.Td>
                          <Table.Td>
                            <Text size="sm">{english ? item.text.en : item.text.zh}</Text>
                            {/* The template's wording in the other language is its content, not UI text. */}
                            <Text size="sm" c="dimmed" translate="no" lang={english ? 'zh-CN' : 'en'}>
                              {english ? item.text.zh : item.text.en}
                            </Text>
                          </Table.Td>
                          <Table.Td>{t(`inspectionUi.depth.${checklistDepths[item.level - 1]}`)}</Table.Td>
                          {/* Laws are cited by their Chinese titles. */}
                          <Table.Td translate="no" lang="zh-CN">
                            {item.basis.join('；')}
                          </Table.Td>
                          <Table.Td>
                            {target
                              ? `${item.catalogCode} ${english ? target.name.en : target.name.zh}`
                              : item.catalogCode}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Stack>
            </Tabs.Panel>
          );
        })}
      </Tabs>
    </Stack>
  );
}
