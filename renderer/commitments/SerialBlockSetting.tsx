import { Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultBlockSize } from '../../shared/commitments/numbering.ts';
import type { ValidationIssue } from '../../shared/model/validation.ts';
import { useServices } from '../app/services.ts';
import { IssueSummary } from '../features/credit/issues.tsx';
import { useCan } from '../security/hooks.ts';

const blocks = Array.from({ length: 1_000_000 / defaultBlockSize }, (_, index) => index);

/**
 * The county administrator gives this computer its block of commitment serial numbers, a different one
 * on every computer of the county, so letters numbered offline never share a number.
 */
export function SerialBlockSetting() {
  const { t } = useTranslation();
  const { commitments } = useServices();
  const allowed = useCan('settings.manage');
  const [current, setCurrent] = useState<number | null>(null);
  const [choice, setChoice] = useState<string | null>(null);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  useEffect(() => {
    commitments.serialBlock().then((block) => {
      const index = Math.floor(block.last / defaultBlockSize);
      setCurrent(index);
      setChoice(String(index));
    });
  }, [commitments]);
  if (current === null) return null;
  const save = async () => {
    const result = await commitments.setSerialBlock(Number(choice));
    if (!result.ok) return setIssues(result.issues);
    setIssues([]);
    setCurrent(Number(choice));
    notifications.show({
      color: 'teal',
      message: t('commitmentUi.serialBlock.saved', { block: Number(choice) + 1 }),
    });
  };
  return (
    <Paper withBorder p="lg">
      <Stack gap="xs">
        <Text fw={500}>{t('commitmentUi.serialBlock.title')}</Text>
        <Text size="sm" c="dimmed">
          {t('commitmentUi.serialBlock.explain')}
        </Text>
        <IssueSummary
          issues={issues}
          labelOf={() => null}
          refusedAction={t('commitmentUi.serialBlock.save')}
        />
        <Group align="flex-end">
          <Select
            label={t('commitmentUi.serialBlock.label')}
            disabled={!allowed}
            allowDeselect={false}
            value={choice}
            onChange={setChoice}
            data={blocks.map((index) => ({
              value: String(index),
              label: t('commitmentUi.serialBlock.option', {
                block: index + 1,
                first: String(Math.max(1, index * defaultBlockSize)).padStart(6, '0'),
                last: String((index + 1) * defaultBlockSize - 1).padStart(6, '0'),
              }),
            }))}
            w={300}
          />
          {allowed && (
            <Button onClick={save} disabled={Number(choice) === current}>
              {t('commitmentUi.serialBlock.save')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
