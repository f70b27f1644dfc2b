import { Alert, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CheckResult, CreditStanding } from '../../shared/verification/check.ts';
import { Fact } from '../kernel/ui/Fact.tsx';
import { formatInstant } from '../subjects/labels.ts';

export const standingColors: Readonly<Record<CreditStanding, string>> = {
  seriousDishonest: 'red',
  dishonest: 'orange',
  clear: 'teal',
  noFile: 'gray',
};

/** A check's result as shown before saving and as kept in the record. */
export function CheckResultView({ result }: { result: CheckResult }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('zh') ? 'zh' : 'en';
  return (
    <Paper withBorder p="lg" data-testid="check-result">
      <Stack>
        <Group justify="space-between">
          <Group>
            <Title order={3}>{result.party.name}</Title>
            {result.party.code && <Text ff="monospace">{result.party.code}</Text>}
          </Group>
          <Badge size="lg" color={standingColors[result.standing]} variant="light">
            {t(`verification.standing.${result.standing}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t(`verification.matter.${result.matter}`)} ·{' '}
          {result.dataAsOf
            ? t('verification.dataAsOf', { at: formatInstant(result.dataAsOf, i18n.language) })
            : t('verification.neverSynced')}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {result.facts.map((fact) => (
            <Fact key={fact.key} label={t(`verification.fact.${fact.key}`)} block>
              {fact.items === null ? (
                <Text c="dimmed" size="sm">
                  {t('verification.notHeld')}
                </Text>
              ) : fact.items.length === 0 ? (
                t('verification.none')
              ) : (
                <List size="sm">
                  {fact.items.map((item) => {
                    const { title, detail } = (language === 'en' && item.en) || item;
                    return (
                      <List.Item key={item.id}>
                        {item.date} {title}
                        {detail && <Text span c="dimmed" size="xs">{` ${detail}`}</Text>}
                      </List.Item>
                    );
                  })}
                </List>
              )}
            </Fact>
          ))}
        </SimpleGrid>
        <Alert
          color={result.measures.length > 0 ? standingColors[result.standing] : 'gray'}
          variant="light"
          title={t('verification.measures')}
        >
          {result.measures.length === 0
            ? t('verification.noMeasures')
            : result.measures.map((measure) => <Text key={measure.zh}>{measure[language]}</Text>)}
        </Alert>
      </Stack>
    </Paper>
  );
}
