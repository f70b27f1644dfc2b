import { Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services.ts';
import { SerialBlockSetting } from '../commitments/SerialBlockSetting.tsx';
import { PublicityDaysSetting } from '../inspections/PublicityPanel.tsx';
import { type Language, languageForLocale, languages } from '../i18n/index.ts';
import { useSession } from '../kernel/security/hooks.ts';
import { BackupSection } from '../backup/BackupSection.tsx';
import { IdleLockSettings } from '../signin/IdleLockSettings.tsx';

export type LanguageSetting = Language | 'system';

export function SettingsPage() {
  const { t, i18n } = useTranslation();
  const { local, office, appInfo, vault } = useServices();
  const session = useSession();
  const [choice, setChoice] = useState<LanguageSetting>('system');

  useEffect(() => {
    local.getSetting<LanguageSetting>('language').then((saved) => setChoice(saved ?? 'system'));
  }, [local]);

  const change = async (value: string) => {
    const setting = value as LanguageSetting;
    setChoice(setting);
    await local.setSetting('language', setting);
    await i18n.changeLanguage(setting === 'system' ? languageForLocale(appInfo.locale) : setting);
  };

  const facts: [string, string][] = [
    [t('settings.office'), office.officeName],
    [t('settings.county'), office.county],
    [t('settings.user'), `${session.userName}（${session.username}）`],
    [t('settings.version'), appInfo.version],
    [
      t('settings.shell'),
      t(appInfo.shell === 'electron' ? 'settings.shellElectron' : 'settings.shellBrowser'),
    ],
    [
      t('settings.secrets'),
      vault.perUserPasswords
        ? t('keys.perUserPasswords')
        : t(`settings.secretProtection.${vault.protection}`),
    ],
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
      <IdleLockSettings />
      <SerialBlockSetting />
      <PublicityDaysSetting />
      <BackupSection />
    </Stack>
  );
}
