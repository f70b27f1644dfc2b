import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionDocument } from '../../shared/inspections/document.ts';
import type { InspectionStep } from '../../shared/inspections/workflows.ts';
import { useServices } from '../app/services.ts';
import { StepDialog, type StepSpec } from '../kernel/ui/StepDialog.tsx';
import { useTouchSize } from './touch.tsx';

/** The workflow steps the signed-in user may take, each confirmed in a dialog saying what it does. */
export function InspectionSteps({ doc }: { doc: InspectionDocument }) {
  const { t } = useTranslation();
  const { inspections } = useServices();
  const size = useTouchSize();
  const [step, setStep] = useState<{ action: InspectionStep; spec: StepSpec } | null>(null);
  // Publication has its own panel (PublicityPanel).
  const actions = inspections.availableActions(doc).filter((action) => action !== 'publish');
  if (actions.length === 0) return null;
  const specOf = (action: InspectionStep): StepSpec => ({
    label: t(`inspection.workflow.action.${action}`),
    consequence: t(`inspectionUi.${action}.consequence`),
    text: action === 'submit' ? null : { kind: 'opinion', required: action === 'return' },
    color: action === 'return' ? 'orange' : 'blue',
  });
  return (
    <>
      <Group>
        {actions.map((action) => (
          <Button key={action} size={size} onClick={() => setStep({ action, spec: specOf(action) })}>
            {t(`inspection.workflow.action.${action}`)}
          </Button>
        ))}
      </Group>
      <StepDialog
        step={step?.spec ?? null}
        onCancel={() => setStep(null)}
        onConfirm={async ({ text }) => {
          if (!step) return [];
          if (step.action === 'submit') {
            const pending = await inspections.formState(doc.id);
            if (pending) {
              const saved = await inspections.saveDraft(doc.id, pending);
              if (!saved.ok) return saved.issues;
              await inspections.dropFormState(doc.id);
            }
          }
          const done = await inspections.act(doc.id, step.action, text);
          if (!done.ok) return done.issues;
          setStep(null);
          notifications.show({ message: t('inspectionUi.done') });
          return [];
        }}
      />
    </>
  );
}
