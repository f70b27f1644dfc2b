import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { latestChecklistItem } from '../../shared/inspections/checklistVersions.ts';
import type { InspectionDocument, StoredOrder } from '../../shared/inspections/document.ts';
import { isOverdue } from '../../shared/inspections/rectification.ts';
import type { RectificationStep } from '../../shared/inspections/workflows.ts';
import { useServices } from '../app/services.ts';
import { StepDialog, type StepSpec } from '../kernel/ui/StepDialog.tsx';
import { useUserNames } from '../creditRecords/useUserNames.ts';
import { useTouchSize } from './touch.tsx';

const stateColors = { open: 'yellow', overdue: 'red', rectified: 'green', escalated: 'grape' } as const;

/** An order's state as people read it: open ones past their deadline are overdue. */
export function OrderStateBadge({ order, today }: { order: StoredOrder; today: string }) {
  const { t } = useTranslation();
  const shown = isOverdue(order, today) ? 'overdue' : order.state;
  return (
    <Badge color={stateColors[shown]} data-testid="order-state">
      {t(`rectificationUi.state.${shown}`)}
    </Badge>
  );
}

/** The checklist item's text in the UI language. */
export function useItemText(): (industry: InspectionDocument['templateIndustry'], code: string) => string {
  const { i18n } = useTranslation();
  const { reference } = useServices();
  return (industry, code) => {
    const item = latestChecklistItem(reference.checklists(), industry, code);
    return item ? `${code} ${i18n.language === 'en' ? item.text.en : item.text.zh}` : code;
  };
}

/**
 * The inspection's rectification orders, each with its re-inspection: rectified, or escalated with the
 * credit record it proposed. An inspector records the re-inspection through a dialog saying what it does.
 */
export function RectificationOrders({ doc }: { doc: InspectionDocument }) {
  const { t, i18n } = useTranslation();
  const size = useTouchSize();
  const { inspections } = useServices();
  const nameOf = useUserNames();
  const itemText = useItemText();
  const [step, setStep] = useState<{ order: StoredOrder; action: RectificationStep; spec: StepSpec } | null>(
    null,
  );
  if (doc.findings.length === 0) return null;
  const today = inspections.today();
  if (doc.state !== 'closed') {
    return (
      <Text c="dimmed" size="sm">
        {t('rectificationUi.notIssued')}
      </Text>
    );
  }
  const specOf = (order: StoredOrder, action: RectificationStep): StepSpec => {
    const item = inspections.catalogItem(order.catalogCode);
    return {
      label: t(`inspection.rectification.action.${action}`),
      consequence: t(`rectificationUi.${action}.consequence`, {
        item: item ? (i18n.language === 'en' ? item.name.en : item.name.zh) : order.catalogCode,
        category: item ? t(`credit.category.${item.category}`) : '',
      }),
      text: { kind: 'reason', required: action === 'escalate' },
      date: { label: t('rectificationUi.reinspectionDate'), initial: today, min: order.issuedOn, max: today },
      color: action === 'escalate' ? 'red' : 'teal',
    };
  };
  return (
    <Stack data-testid="rectification-orders">
      <Title order={3}>{t('rectificationUi.title')}</Title>
      {doc.rectifications.map((order) => {
        const finding = doc.findings.find((candidate) => candidate.id === order.findingId);
        const reinspection = order.steps.at(-1);
        return (
          <Card withBorder key={order.findingId} data-testid={`order-${order.itemCode}`}>
            <Stack gap={4}>
              <Group justify="space-between">
                <Text fw={500}>{itemText(doc.templateIndustry, order.itemCode)}</Text>
                <OrderStateBadge order={order} today={today} />
              </Group>
              {finding && <Text size="sm">{finding.description}</Text>}
              <Text size="sm" c="dimmed">
                {t('rectificationUi.issued', { issued: order.issuedOn, deadline: order.deadline })}
              </Text>
              {reinspection && (
                <Text size="sm">
                  {t('rectificationUi.reinspected', {
                    date: reinspection.date,
                    name: nameOf(reinspection.by),
                    note: reinspection.note || '—',
                  })}
                </Text>
              )}
              {order.proposedRecordId && (
                <Anchor component={Link} to={`/credit/records/${order.proposedRecordId}`} size="sm">
                  {t('rectificationUi.proposed')}
                </Anchor>
              )}
              {order.state === 'open' && inspections.canRecord() && (
                <Group>
                  {(['confirm', 'escalate'] as const).map((action) => (
                    <Button
                      key={action}
                      size={size}
                      variant={action === 'escalate' ? 'outline' : 'light'}
                      color={action === 'escalate' ? 'red' : 'teal'}
                      onClick={() => setStep({ order, action, spec: specOf(order, action) })}
                    >
                      {t(`inspection.rectification.action.${action}`)}
                    </Button>
                  ))}
                </Group>
              )}
            </Stack>
          </Card>
        );
      })}
      <StepDialog
        step={step?.spec ?? null}
        onCancel={() => setStep(null)}
        onConfirm={async ({ text, date }) => {
          if (!step) return [];
          const rectified = step.action === 'confirm';
          const done = await inspections.reinspect(doc.id, step.order.findingId, {
            rectified,
            date,
            note: text,
          });
          if (!done.ok) return done.issues;
          setStep(null);
          notifications.show({
            message: t(rectified ? 'rectificationUi.rectified' : 'rectificationUi.escalated'),
          });
          return [];
        }}
      />
    </Stack>
  );
}
