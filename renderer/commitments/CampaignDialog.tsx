import { Alert, Button, Modal, MultiSelect, NumberInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findMatter } from '../../shared/commitments/matters.ts';
import type { ValidationIssue } from '../../shared/base/validation.ts';
import type { Industry } from '../../shared/subjects/model.ts';
import { useServices } from '../app/services.ts';
import { BatchButtons, BatchProgress, followProgress } from './BatchProgress.tsx';
import { IssueSummary } from '../kernel/ui/issues.tsx';
import { saveLettersPdf } from './printing.ts';

const campaignMatter = 'HY-ZL';

/**
 * The annual industry self-discipline campaign: says what it will create, creates the letters with a
 * progress bar (cancellable), then prints them as one PDF. Running it again creates nothing twice.
 */
export function CampaignButton() {
  const { t } = useTranslation();
  const { commitments, bridge, office, clock } = useServices();
  const matter = findMatter(commitments.matters, campaignMatter)!;
  const [opened, setOpened] = useState(false);
  const [industries, setIndustries] = useState<string[]>([...matter.industries]);
  const [year, setYear] = useState<number>(clock().getFullYear());
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [outcome, setOutcome] = useState<string | null>(null);
  const cancelled = useRef(false);
  const running = progress !== null && outcome === null;

  const run = async () => {
    cancelled.current = false;
    setIssues([]);
    setOutcome(null);
    setProgress({ done: 0, total: 0 });
    const result = await commitments.runCampaign(
      { matterCode: campaignMatter, year, industries: industries as Industry[] },
      followProgress(setProgress, cancelled),
    );
    if (!result.ok) {
      setIssues(result.issues);
      setProgress(null);
      return;
    }
    const { created, alreadyCommitted } = result.value;
    const summary = t('commitmentUi.campaign.done', { count: created.length, already: alreadyCommitted });
    if (result.value.cancelled || created.length === 0) {
      setOutcome(
        result.value.cancelled ? t('commitmentUi.campaign.cancelled', { count: created.length }) : summary,
      );
      return;
    }
    setProgress({ done: 0, total: created.length });
    const printed = await saveLettersPdf(bridge, commitments, created, {
      officeName: office.officeName,
      fileName: t('commitmentUi.campaign.fileName', { year }),
      now: clock(),
      onProgress: (done, total) => {
        setProgress({ done, total });
        return undefined;
      },
    });
    setOutcome(summary);
    if (printed.saved) notifications.show({ color: 'teal', message: t('commitmentUi.printed') });
  };

  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>
        {t('commitmentUi.campaign.open')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => !running && setOpened(false)}
        title={t('commitmentUi.campaign.title')}
        size="lg"
      >
        <Stack>
          <IssueSummary issues={issues} labelOf={() => null} refusedAction={t('commitmentUi.campaign.run')} />
          <Alert color="blue" variant="light">
            <Text size="sm">{t('commitmentUi.campaign.consequence', { matter: matter.name.zh })}</Text>
          </Alert>
          <MultiSelect
            label={t('commitmentUi.campaign.industries')}
            data={matter.industries.map((code) => ({ value: code, label: t(`subject.industry.${code}`) }))}
            value={industries}
            onChange={setIndustries}
            disabled={running}
          />
          <NumberInput
            label={t('commitmentUi.campaign.year')}
            value={year}
            onChange={(value) => setYear(Number(value))}
            min={2000}
            max={2100}
            disabled={running}
          />
          {progress && <BatchProgress progress={progress} running={running} />}
          {outcome && (
            <Alert color="teal" data-testid="campaign-outcome">
              {outcome}
            </Alert>
          )}
          <BatchButtons
            running={running}
            cancelled={cancelled}
            onClose={() => setOpened(false)}
            onRun={run}
            runLabel={t('commitmentUi.campaign.run')}
            disabled={industries.length === 0}
          />
        </Stack>
      </Modal>
    </>
  );
}
