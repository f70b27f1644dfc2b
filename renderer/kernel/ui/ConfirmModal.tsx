import { Button, Group, Modal, Stack, Text } from '@mantine/core';

/**
 * Asks before an action that cannot be undone: says what it will do; the keeping button comes first and
 * closing the dialog keeps too.
 */
export function ConfirmModal({
  opened,
  title,
  consequence,
  keepLabel,
  confirmLabel,
  onKeep,
  onConfirm,
}: {
  opened: boolean;
  title: string;
  consequence: string;
  keepLabel: string;
  confirmLabel: string;
  onKeep: () => void;
  onConfirm: () => void | Promise<void>;
}) {
  return (
    <Modal opened={opened} onClose={onKeep} title={title}>
      <Stack>
        <Text>{consequence}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onKeep}>
            {keepLabel}
          </Button>
          <Button color="red" onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
