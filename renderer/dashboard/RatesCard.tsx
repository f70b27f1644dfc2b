import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import {
  Alert,
  Badge,
  Button,
  Drawer,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultReportingDays } from '../../shared/disclosures/deadlines.ts';
import type { DisclosureRates, Rate } from '../../shared/disclosures/rates.ts';
import { useServices } from '../app/services.ts';
import type { DisclosureRow } from '../disclosures/repository.ts';
import { DisclosureTable } from '../disclosures/DisclosureListPage.tsx';
import { PeriodInputs } from '../disclosures/inputs.tsx';
import { monthOf, previousMonthOf } from '../disclosures/labels.ts';

const rateNames = ['reporting', 'compliance', 'timeliness'] as const;
type RateName = (typeof rateNames)[number];

export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(Math.floor(rate * 1000) / 10).toFixed(1)}%`;
}

/** 上报率, 合规率 and 及时率 of a period (this month at first), each opening the records behind it. */
export function RatesCard() {
  const { t } = useTranslation();
  const { disclosures, clock } = useServices();
  const today = chinaDateOf(clock());
  const [period, setPeriod] = useState(monthOf(today));
  const [rates, setRates] = useState<DisclosureRates | null>(null);
  const [open, setOpen] = useState<RateName | null>(null);

  useEffect(() => {
    if (!period.from || !period.to) return;
    const load = () => disclosures.rates(period).then(setRates);
    load();
    const subscription = disclosures.changes$.subscribe(load);
    return () => subscription.unsubscribe();
  }, [disclosures, period]);

  return (
    <Paper withBorder p="lg" data-testid="rates-card">
      <Stack>
        <Group justify="space-between" align="flex-end">
          <Title order={3}>{t('creditUi.dashboard.ratesTitle')}</Title>
          <Group align="flex-end">
            <Button size="xs" variant="light" onClick={() => setPeriod(monthOf(today))}>
              {t('creditUi.period.thisMonth')}
            </Button>
            <Button size="xs" variant="light" onClick={() => setPeriod(previousMonthOf(today))}>
              {t('creditUi.period.lastMonth')}
            </Button>
            <Button
              size="xs"
              variant="light"
              onClick={() =>
                setPeriod({ from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31` })
              }
            >
              {t('creditUi.period.thisYear')}
            </Button>
            <PeriodInputs
              size="xs"
              period={period}
              onChange={(end, value) => setPeriod({ ...period, [end]: value })}
            />
          </Group>
        </Group>
        {rates?.warnings.map((warning) => (
          <Alert key={warning.params.year} color="yellow">
            {t(`warning.${warning.code}`, warning.params)}
          </Alert>
        ))}
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {rateNames.map((name) => (
            <RateTile key={name} name={name} rate={rates?.[name] ?? null} onOpen={() => setOpen(name)} />
          ))}
        </SimpleGrid>
      </Stack>
      <RateDrawer name={open} rate={open && rates ? rates[open] : null} onClose={() => setOpen(null)} />
    </Paper>
  );
}

function RateTile({ name, rate, onOpen }: { name: RateName; rate: Rate | null; onOpen: () => void }) {
  const { t } = useTranslation();
  const value = rate?.rate ?? null;
  const color = value === null ? 'gray' : value >= 1 ? 'teal' : value >= 0.9 ? 'yellow' : 'red';
  return (
    <UnstyledButton onClick={onOpen} data-testid={`rate-${name}`}>
      <Paper withBorder p="md" h="100%">
        <Stack gap={4}>
          <Text fw={500}>{t(`credit.rate.${name}.name`)}</Text>
          <Text fz={32} fw={700} c={color} data-testid={`rate-${name}-value`}>
            {percent(value)}
          </Text>
          <Text size="sm" c="dimmed" data-testid={`rate-${name}-count`}>
            {rate && rate.denominator > 0
              ? t('creditUi.dashboard.fraction', { numerator: rate.numerator, denominator: rate.denominator })
              : t('credit.rate.noData')}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`credit.rate.${name}.help`, { days: defaultReportingDays })}
          </Text>
        </Stack>
      </Paper>
    </UnstyledButton>
  );
}

/** The records in a rate's denominator, those missing from its numerator first. */
function RateDrawer({
  name,
  rate,
  onClose,
}: {
  name: RateName | null;
  rate: Rate | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { disclosures } = useServices();
  const [rows, setRows] = useState<DisclosureRow[]>([]);
  useEffect(() => {
    if (!rate) return setRows([]);
    disclosures.list({ ids: rate.denominatorIds }).then(setRows);
  }, [disclosures, rate]);
  const shortfall = new Set(rate?.shortfallIds ?? []);
  const missing = rows.filter((row) => shortfall.has(row.disclosure.id));
  const counted = rows.filter((row) => !shortfall.has(row.disclosure.id));
  return (
    <Drawer
      opened={name !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={name ? t(`credit.rate.${name}.name`) : ''}
    >
      {name && rate && (
        <Stack>
          <Text size="sm">{t(`credit.rate.${name}.help`, { days: defaultReportingDays })}</Text>
          <Group>
            <Badge color="red" variant="light">
              {t('creditUi.dashboard.notCounted', { count: missing.length })}
            </Badge>
            <Badge color="teal" variant="light">
              {t('creditUi.dashboard.counted', { count: counted.length })}
            </Badge>
          </Group>
          {missing.length > 0 && (
            <>
              <Title order={5}>{t('creditUi.dashboard.notCountedTitle')}</Title>
              <DisclosureTable rows={missing} />
            </>
          )}
          {counted.length > 0 && (
            <>
              <Title order={5}>{t('creditUi.dashboard.countedTitle')}</Title>
              <DisclosureTable rows={counted} />
            </>
          )}
          {rows.length === 0 && <Text c="dimmed">{t('credit.rate.noData')}</Text>}
        </Stack>
      )}
    </Drawer>
  );
}
