import { Button, Group, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Shows a Cancel button calling this. */
  onCancel?: () => void;
  /** Confirms on click; without it the confirming button submits the form it stands in. */
  onConfirm?: () => void;
  /** The confirming button's text: Save when omitted. */
  label?: string;
  loading?: boolean;
  disabled?: boolean;
  color?: MantineColor;
}

/** The foot of a form or dialog: Cancel, then the confirming action, at the right. */
export function FormActions({ onCancel, onConfirm, label, loading, disabled, color }: Props) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      {onCancel && (
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      )}
      <Button
        type={onConfirm ? 'button' : 'submit'}
        onClick={onConfirm}
        // Pressing the button keeps focus where it is: a field checked on blur would otherwise show its
        // error, push the button down before the click ends, and the click would be lost.
        onMouseDown={(event) => event.preventDefault()}
        loading={loading}
        disabled={disabled}
        color={color}
      >
        {label ?? t('common.save')}
      </Button>
    </Group>
  );
}
