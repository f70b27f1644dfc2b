import { Alert, Group, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeasureCase } from '../../shared/verification/check.ts';
import { ListExportButton } from '../kernel/ui/ListExport.tsx';
import { ListTable } from '../kernel/ui/ListTable.tsx';
import { useUserNames } from '../creditRecords/useUserNames.ts';
import { formatInstant } from '../subjects/labels.ts';
import { useReportServices } from '../reports/useReports.ts';

/** Joint reward-and-punishment cases by month, exported for reporting upward. */
export function CasesPage() {
  const { t, i18n } = useTranslation();
  const { verification } = useReportServices();
  const nameOf = useUserNames();
  const [cases, setCases] = useState<MeasureCase[] | null>(null);
  const [month, setMonth] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    verification.cases().then((found) => {
      if (!current) return;
      setCases(found);
      setMonth((chosen) => chosen ?? found[0]?.month ?? null);
    });
    return () => {
      current = false;
    };
  }, [verification]);

  if (cases === null) return <Loader />;
  const months = [...new Set(cases.map((found) => found.month))];
  const shown = month ? cases.filter((found) => found.month === month) : cases;
  const columns = [
    t('verification.column.at'),
    t('verification.column.party'),
    t('verification.column.code'),
    t('verification.column.matter'),
    t('verification.column.standing'),
    t('verification.column.measure'),
    t('verification.column.kind'),
    t('verification.column.checkedBy'),
  ];
  const cells = (found: MeasureCase) => [
    formatInstant(found.at, i18n.language),
    found.partyName,
    found.partyCode,
    t(`verification.matter.${found.matter}`),
    t(`verification.standing.${found.standing}`),
    t(`verification.measure.${found.measureApplied}`),
    found.reward ? t('verification.reward') : t('verification.punishment'),
    nameOf(found.checkedBy),
  ];
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('verification.cases')}</Title>
        <ListExportButton
          collection="auditLog"
          title={`${t('verification.cases')} ${month ?? ''}`.trim()}
          count={shown.length}
          rows={async () => [columns, ...shown.map(cells)]}
        />
      </Group>
      <Text c="dimmed">{t('verification.casesIntro')}</Text>
      {!verification.maySeeOfficeCases() && (
        <Alert color="gray" variant="light">
          {t('verification.casesOwnOnly')}
        </Alert>
      )}
      <Select
        label={t('verification.month')}
        value={month}
        onChange={setMonth}
        placeholder={t('verification.allMonths')}
        clearable
        data={months}
        w={200}
      />
      {shown.length === 0 ? (
        <Text>{t('verification.casesEmpty')}</Text>
      ) : (
        <ListTable columns={columns} striped>
          {shown.map((found) => (
            <Table.Tr key={`${found.at}-${found.partyCode}-${found.checkedBy}`}>
              {cells(found).map((cell, index) => (
                <Table.Td key={columns[index]}>
                  {index === 6 ? (
                    <Text size="sm" fw={600} c={found.reward ? 'teal' : 'orange'}>
                      {cell}
                    </Text>
                  ) : (
                    cell
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </ListTable>
      )}
    </Stack>
  );
}
