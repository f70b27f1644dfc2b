import { Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecretProtection } from '../../../shared/platform/bridge.ts';
import { useServices } from '../../app/services.ts';
import { type Language, languageForLocale, languages } from '../../i18n/index.ts';

export type LanguageSetting = Language | 'system';

export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const { local, office, appInfo, bridge } = useServices();
  const [choice, setChoice] = useState<LanguageSetting>('system');
  const [protection, setProtection] = useState<SecretProtection | null>(null);

  useEffect(() => {
    local.getSetting<LanguageSetting>('language').then((saved) => setChoice(saved ?? 'system'));
    bridge.secrets.protection().then(setProtection);
  }, [local, bridge]);

  const change = async (value: string) => {
    const setting = value as LanguageSetting;
    setChoice(setting);
    await local.setSetting('language', setting);
    await i18n.changeLanguage(setting === 'system' ? languageForLocale(appInfo.locale) : setting);
  };

  const facts: [string, string][] = [
    [t('settings.office'), office.officeName],
    [t('settings.county'), office.county],
    [t('settings.user'), office.userName],
    [t('settings.version'), appInfo.version],
    [
      t('settings.shell'),
      t(appInfo.shell === 'electron' ? 'settings.shellElectron' : 'settings.shellBrowser'),
    ],
    [t('settings.secrets'), protection ? t(`settings.secretProtection.${protection}`) : '…'],
  ];

  return (
    <Stack maw={720}>
      <Title order={2}>{t('settings.title')}</Title>
      <Paper withBorder p="lg">
        <Stack gap="xs">
          <Text fw={500}>{t('settings.language')}</Text>
          <SegmentedControl
            aria-label={t('settings.language')}
            value={choice}
            onChange={change}
            data={[
              { value: 'system', label: t('settings.languageSystem') },
              ...languages.map((language) => ({ value: language, label: t(`language.${language}`) })),
            ]}
          />
        </Stack>
      </Paper>
      <Paper withBorder p="lg">
        <SimpleGrid cols={2}>
          {facts.map(([label, value]) => (
            <div key={label}>
              <Text size="xs" c="dimmed">
                {label}
              </Text>
              <Text>{value}</Text>
            </div>
          ))}
        </SimpleGrid>
      </Paper>
    </Stack>
  );
}
