import { Alert, Button, FileButton, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ValidationIssue } from '../../shared/base/validation.ts';
import { useServices } from '../app/services.ts';
import { useCan } from '../kernel/security/hooks.ts';
import { issueText } from '../kernel/ui/issues.tsx';
import type { ProvincialImportPlan } from './provincialImport.ts';

/** Rows shown in the preview; the counts say how many there are in all. */
const shownRows = 50;

/**
 * The import of the province's comprehensive credit evaluations: the file is read and what the import
 * will do is shown (rows refused, USCCs of no subject here, evaluations to record) before anything is
 * written; a file with a refused row is not recorded at all.
 */
export function ProvincialImportCard() {
  const { t } = useTranslation();
  const { listings } = useServices();
  const mayImport = useCan('list.propose');
  const [plan, setPlan] = useState<ProvincialImportPlan | null>(null);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [busy, setBusy] = useState(false);
  if (!mayImport) return null;

  const read = async (file: File | null) => {
    if (!file) return;
    const planned = await listings.provincial.plan(new Uint8Array(await file.arrayBuffer()));
    setIssues(planned.ok ? [] : planned.issues);
    setPlan(planned.ok ? planned.value : null);
  };
  const record = async () => {
    if (!plan) return;
    setBusy(true);
    const recorded = await listings.provincial.record(plan);
    setBusy(false);
    if (!recorded.ok) {
      setIssues(recorded.issues);
      return;
    }
    setPlan(null);
    notifications.show({ color: 'teal', message: t('lists.ui.provincial.done', { count: recorded.value }) });
  };
  const rows = plan ? [...plan.problems, ...plan.unmatched].sort((a, b) => a.row - b.row) : [];
  return (
    <Paper withBorder p="md" data-testid="provincial-import">
      <Stack>
        <Title order={4}>{t('lists.ui.provincial.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('lists.ui.provincial.help')}
        </Text>
        <Group>
          <FileButton onChange={(file) => void read(file)} accept=".csv,text/csv">
            {(props) => <Button {...props}>{t('lists.ui.provincial.choose')}</Button>}
          </FileButton>
        </Group>
        {issues.map((found) => (
          <Alert key={`${found.field}-${found.code}`} color="red" variant="light">
            {issueText(t, found)}
          </Alert>
        ))}
      </Stack>
      <Modal
        opened={plan !== null}
        onClose={() => setPlan(null)}
        title={t('lists.ui.provincial.title')}
        size="lg"
      >
        {plan && (
          <Stack data-testid="provincial-plan">
            <Text size="sm">
              {t('lists.ui.provincial.summary', {
                record: plan.toRecord.length,
                unmatched: plan.unmatched.length,
                unchanged: plan.unchanged,
              })}
            </Text>
            {plan.problems.length > 0 && (
              <Alert color="red" variant="light">
                {t('validation.lists.provincialFileRefused', { count: plan.problems.length })}
              </Alert>
            )}
            {rows.length > 0 && (
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('lists.ui.provincial.row')}</Table.Th>
                    <Table.Th>{t('lists.ui.provincial.outcome')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.slice(0, shownRows).map((found) => (
                    <Table.Tr key={found.row}>
                      <Table.Td>{found.row}</Table.Td>
                      <Table.Td c={found.code === 'unmatched' ? 'dimmed' : 'red'}>
                        {t(`lists.ui.provincial.problem.${found.code}`, { value: found.value })}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setPlan(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                onClick={() => void record()}
                loading={busy}
                disabled={plan.problems.length > 0 || plan.toRecord.length === 0}
              >
                {t('lists.ui.provincial.record', { count: plan.toRecord.length })}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}
