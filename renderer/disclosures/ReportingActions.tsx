import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import { Button, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { disclosureReportingWorkflow, type ReportingStep } from '../../shared/disclosures/reporting.ts';
import type { DisclosureDocument } from '../../shared/disclosures/model.ts';
import { useServices } from '../app/services.ts';
import { StepDialog, type StepSpec } from '../kernel/ui/StepDialog.tsx';

/**
 * The reporting steps of a decision the user may take: report it (with the actual date), or correct or
 * withdraw a report; each confirmed in a dialog saying what it does. `reportOnly` shows only "report"
 * (the list's row button).
 */
export function ReportingActions({
  disclosure: doc,
  reportOnly = false,
  size,
}: {
  disclosure: DisclosureDocument;
  reportOnly?: boolean;
  size?: ButtonProps['size'];
}) {
  const { t } = useTranslation();
  const { disclosures } = useServices();
  const [pending, setPending] = useState<ReportingStep | null>(null);
  const today = chinaDateOf(new Date());
  const reportingStep = (step: ReportingStep): StepSpec => ({
    label: step === 'report' ? t('creditUi.disclosure.markReported') : t(`credit.workflow.action.${step}`),
    consequence: t(`stepDialog.report.${step}`),
    text: disclosureReportingWorkflow.transitions[step].text,
    date:
      step === 'withdrawReport'
        ? null
        : {
            label: t('stepDialog.reportedOn'),
            initial: step === 'report' ? today : doc.reportedAt,
            min: doc.decisionDate,
            max: today,
          },
    color: step === 'withdrawReport' ? 'red' : undefined,
  });

  return (
    <>
      {disclosures.canReport(doc) && (
        <Button size={size} variant={reportOnly ? 'light' : 'filled'} onClick={() => setPending('report')}>
          {t('creditUi.disclosure.markReported')}
        </Button>
      )}
      {!reportOnly && disclosures.canChangeReport(doc) && (
        <>
          <Button variant="default" onClick={() => setPending('correctReport')}>
            {t('credit.workflow.action.correctReport')}
          </Button>
          <Button variant="default" color="red" onClick={() => setPending('withdrawReport')}>
            {t('credit.workflow.action.withdrawReport')}
          </Button>
        </>
      )}
      <StepDialog
        step={pending ? reportingStep(pending) : null}
        onCancel={() => setPending(null)}
        onConfirm={async ({ text, date }) => {
          if (!pending) return [];
          const result =
            pending === 'report'
              ? await disclosures.markReported(doc.id, date)
              : pending === 'correctReport'
                ? await disclosures.correctReport(doc.id, date, text)
                : await disclosures.withdrawReport(doc.id, text);
          if (!result.ok) return result.issues;
          setPending(null);
          notifications.show({ color: 'teal', message: t(`stepDialog.reportDone.${pending}`) });
          return [];
        }}
      />
    </>
  );
}
