import { Alert, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { MantineColor } from '@mantine/core';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepTextKind } from '../../../shared/kit/workflow.ts';
import type { ValidationIssue } from '../../../shared/base/validation.ts';
import { DateField } from './DateField.tsx';
import { IssueSummary } from './issues.tsx';
import { FormActions } from './FormActions.tsx';

export interface StepValues {
  text: string;
  date: string;
  documentNumber: string;
}

export interface StepSpec {
  /** The step's name: the dialog's title and its confirming button. */
  label: string;
  /** What the step will do, said before it is done. */
  consequence: string;
  /** The step's free text, when it takes one: a reason or the reviewer's opinion. */
  text?: { kind: StepTextKind; required: boolean } | null;
  /** The step's date, when it takes one, within its bounds (YYYY-MM-DD). */
  date?: { label: string; initial: string; min?: string; max?: string } | null;
  /** The number of the decision document the step is taken by, when it needs one. */
  documentNumber?: { label: string } | null;
  color?: MantineColor;
  /** Further fields the step takes (e.g. a record's corrected content), shown above the text. */
  fields?: ReactNode;
  /** Labels of those fields, for naming them in a refusal. */
  fieldLabel?: (field: string) => string | null;
}

/**
 * Confirms an irreversible step: says what it will do, asks for what it takes (opinion, reason, date),
 * and shows why it was refused, in the user's language. `onConfirm` returns the refusal's issues.
 */
export function StepDialog({
  step,
  onCancel,
  onConfirm,
}: {
  step: StepSpec | null;
  onCancel: () => void;
  onConfirm: (values: StepValues) => Promise<ValidationIssue[]>;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [date, setDate] = useState('');
  const [documentNumber, setDocumentNumber] = useState('');
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [busy, setBusy] = useState(false);
  // A new step (not a new object for the same step, as a page re-renders) starts afresh.
  const opened = step?.label ?? null;
  const initialDate = step?.date?.initial ?? '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when another step opens
  useEffect(() => {
    setText('');
    setDate(initialDate);
    setDocumentNumber('');
    setIssues([]);
  }, [opened, initialDate]);

  const confirm = async () => {
    if (!step) return;
    setBusy(true);
    try {
      setIssues(await onConfirm({ text, date, documentNumber }));
    } finally {
      setBusy(false);
    }
  };
  const textLabel = step?.text ? t(`stepDialog.text.${step.text.kind}`) : '';
  return (
    <Modal opened={step !== null} onClose={onCancel} title={step?.label ?? ''} data-testid="step-dialog">
      {step && (
        <Stack>
          <IssueSummary
            issues={issues}
            labelOf={(field) =>
              field === 'note' || field === 'text' || field === 'reason'
                ? textLabel
                : field === 'reportedAt' || field === 'date'
                  ? (step.date?.label ?? null)
                  : field === 'documentNumber'
                    ? (step.documentNumber?.label ?? null)
                    : (step.fieldLabel?.(field) ?? null)
            }
            refusedAction={step.label}
          />
          <Alert color={step.color ?? 'blue'} variant="light">
            <Text size="sm">{step.consequence}</Text>
          </Alert>
          {step.date && (
            <DateField
              label={step.date.label}
              withAsterisk
              value={date}
              onChange={setDate}
              minDate={step.date.min}
              maxDate={step.date.max}
              clearable={false}
              data-autofocus
            />
          )}
          {step.documentNumber && (
            <TextInput
              label={step.documentNumber.label}
              withAsterisk
              value={documentNumber}
              onChange={(event) => setDocumentNumber(event.currentTarget.value)}
              data-testid="step-document-number"
            />
          )}
          {step.fields}
          {step.text && (
            <Textarea
              label={textLabel}
              description={t('stepDialog.kept')}
              withAsterisk={step.text.required}
              autosize
              minRows={3}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              data-autofocus={step.date ? undefined : true}
            />
          )}
          <FormActions
            onCancel={onCancel}
            onConfirm={confirm}
            label={step.label}
            loading={busy}
            color={step.color}
          />
        </Stack>
      )}
    </Modal>
  );
}
