import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValidationIssue } from '../../shared/base/validation.ts';
import { issue } from '../../shared/base/validation.ts';
import { useServices } from '../app/services.ts';
import { type StepSpec, StepDialog } from '../kernel/ui/StepDialog.tsx';
import { problemMessage } from '../syncing/format.ts';
import { useCan } from '../kernel/security/hooks.ts';
import type { SerialBlockState } from './repository.ts';

const serial = (value: number) => String(value).padStart(6, '0');

/**
 * The commitment serial blocks this computer numbers from: handed out by the city platform (one at
 * enrollment, another when it runs low), shown here read-only; an administrator may ask for one more.
 */
export function SerialBlockSetting() {
  const { t } = useTranslation();
  const { commitments } = useServices();
  const allowed = useCan('settings.manage');
  const [state, setState] = useState<SerialBlockState | null>(null);
  const [step, setStep] = useState<StepSpec | null>(null);
  const refresh = useCallback(() => commitments.serialBlockState().then(setState), [commitments]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  if (!state) return null;
  const { holding } = state;
  const request = async (): Promise<ValidationIssue[]> => {
    const result = await commitments.requestSerialBlock();
    if (result.ok) {
      setState(result.value);
      setStep(null);
      notifications.show({ color: 'teal', message: t('commitmentUi.serialBlock.received') });
      return [];
    }
    if (!('refusal' in result)) return result.issues;
    const { refusal } = result;
    if (refusal.reason !== 'refused')
      return [issue('serialBlock', `commitment.serialBlock.${refusal.reason}`)];
    const reason = problemMessage(t, { ...refusal, collection: null, at: '', retryAt: null });
    return [issue('serialBlock', 'commitment.serialBlock.refused', { reason })];
  };
  return (
    <Paper withBorder p="lg" data-testid="serial-blocks">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={500}>{t('commitmentUi.serialBlock.title')}</Text>
          <Badge variant="light" color={holding.mode === 'platform' ? 'teal' : 'orange'}>
            {t(`commitmentUi.serialBlock.mode.${holding.mode}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t(`commitmentUi.serialBlock.explain.${holding.mode}`)}
        </Text>
        {state.blocks.map((block) => (
          <Text size="sm" key={block.first}>
            {t('commitmentUi.serialBlock.range', { first: serial(block.first), last: serial(block.last) })}
          </Text>
        ))}
        {holding.mode !== 'awaiting' && (
          <Text size="sm">{t('commitmentUi.serialBlock.leftToday', { count: state.leftToday })}</Text>
        )}
        {allowed && holding.mode !== 'standalone' && (
          <Group>
            <Button
              variant="light"
              onClick={() =>
                setStep({
                  label: t('commitmentUi.serialBlock.request'),
                  consequence: t('commitmentUi.serialBlock.requestConsequence'),
                })
              }
            >
              {t('commitmentUi.serialBlock.request')}
            </Button>
          </Group>
        )}
      </Stack>
      <StepDialog step={step} onCancel={() => setStep(null)} onConfirm={request} />
    </Paper>
  );
}
