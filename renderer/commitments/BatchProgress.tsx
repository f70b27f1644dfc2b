import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import type { MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';

export interface BatchState {
  done: number;
  total: number;
}

/** A progress callback for a chunked batch that records progress and answers false once cancelled. */
export function followProgress(
  setProgress: (state: BatchState) => void,
  cancelled: MutableRefObject<boolean>,
): (done: number, total: number) => boolean {
  return (done, total) => {
    setProgress({ done, total });
    return !cancelled.current;
  };
}

/** The bar and count of a batch written in chunks. */
export function BatchProgress({ progress, running }: { progress: BatchState; running: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Progress
        value={progress.total === 0 ? 0 : (progress.done / progress.total) * 100}
        animated={running}
      />
      <Text size="sm" c="dimmed" data-testid="batch-progress">
        {t('commitmentUi.campaign.progress', { done: progress.done, total: progress.total })}
      </Text>
    </Stack>
  );
}

/** Cancel while the batch runs (between chunks), close otherwise, and the button that starts it. */
export function BatchButtons(props: {
  running: boolean;
  cancelled: MutableRefObject<boolean>;
  onClose: () => void;
  onRun: () => void;
  runLabel: string;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      {props.running ? (
        <Button variant="default" onClick={() => (props.cancelled.current = true)}>
          {t('common.cancel')}
        </Button>
      ) : (
        <Button variant="default" onClick={props.onClose}>
          {t('commitmentUi.close')}
        </Button>
      )}
      <Button onClick={props.onRun} loading={props.running} disabled={props.disabled}>
        {props.runLabel}
      </Button>
    </Group>
  );
}
