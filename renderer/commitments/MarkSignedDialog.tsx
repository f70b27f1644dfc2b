import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  ScrollArea,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findMatter } from '../../shared/commitments/matters.ts';
import type { CommitmentDocument } from '../../shared/commitments/model.ts';
import { type Industry, industries } from '../../shared/subjects/model.ts';
import type { ValidationIssue } from '../../shared/base/validation.ts';
import { useServices } from '../app/services.ts';
import { BatchButtons, BatchProgress, followProgress } from './BatchProgress.tsx';
import { IssueSummary, issueText } from '../kernel/ui/issues.tsx';
import { DateField } from '../kernel/ui/DateField.tsx';

interface Outcome {
  signed: number;
  already: number;
  refused: { number: string; issues: ValidationIssue[] }[];
  cancelled: boolean;
}

/** At most this many letters are listed to tick; a search narrows longer campaigns. */
const listedLetters = 200;

/**
 * Marks a campaign's letters signed as the scans come back: the drafts of the campaign, or of one
 * industry, each ticked (all at first; untick those whose signed copy has not come back); says how many
 * it will accept before it does, accepts each with its own step (progress,
 * cancellable) and reports the letters already signed and those the rules refused.
 */
export function MarkSignedButton() {
  const { t, i18n } = useTranslation();
  const { commitments, clock } = useServices();
  const [opened, setOpened] = useState(false);
  const [campaigns, setCampaigns] = useState<string[]>([]);
  const [campaign, setCampaign] = useState<string | null>(null);
  const [industry, setIndustry] = useState<string | null>(null);
  const [signingDate, setSigningDate] = useState(chinaDateOf(clock()));
  const [drafts, setDrafts] = useState<CommitmentDocument[]>([]);
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [search, setSearch] = useState('');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [issues, setIssues] = useState<ValidationIssue[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const cancelled = useRef(false);
  const running = progress !== null && outcome === null;
  const language = i18n.language === 'en' ? 'en' : 'zh';

  useEffect(() => {
    if (!opened) return;
    commitments.campaigns().then((keys) => {
      setCampaigns(keys);
      setCampaign((current) => current ?? keys[0] ?? null);
    });
  }, [commitments, opened]);
  useEffect(() => {
    if (!campaign || running) return;
    commitments.campaignDrafts(campaign, (industry ?? undefined) as Industry | undefined).then(setDrafts);
  }, [commitments, campaign, industry, running]);

  const ticked = drafts.filter((letter) => !unticked.has(letter.id));
  const needle = search.trim().toLowerCase();
  const matching = needle
    ? drafts.filter(
        (letter) => letter.number.includes(needle) || letter.subjectName.toLowerCase().includes(needle),
      )
    : drafts;
  const shown = matching.slice(0, listedLetters);
  const shownIds = shown.map((letter) => letter.id);
  const tick = (ids: readonly string[], on: boolean) =>
    setUnticked((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.delete(id);
        else next.add(id);
      }
      return next;
    });

  const campaignLabel = (key: string) => {
    const [matterCode = '', year = ''] = key.split(':');
    const matter = findMatter(commitments.matters, matterCode);
    return t('commitmentUi.markSigned.campaign', { year, matter: matter?.name[language] ?? matterCode });
  };

  const run = async () => {
    cancelled.current = false;
    setIssues([]);
    setOutcome(null);
    setProgress({ done: 0, total: ticked.length });
    const result = await commitments.markSigned(
      ticked.map((letter) => letter.id),
      signingDate,
      followProgress(setProgress, cancelled),
    );
    if (!result.ok) {
      setIssues(result.issues);
      setProgress(null);
      return;
    }
    const { signed, alreadySigned, refused } = result.value;
    setOutcome({
      signed: signed.length,
      already: alreadySigned.length,
      refused,
      cancelled: result.value.cancelled,
    });
  };

  const close = () => {
    setOpened(false);
    setOutcome(null);
    setProgress(null);
  };

  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>
        {t('commitmentUi.markSigned.open')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => !running && close()}
        title={t('commitmentUi.markSigned.title')}
        size="lg"
      >
        <Stack>
          <IssueSummary
            issues={issues}
            labelOf={() => null}
            refusedAction={t('commitmentUi.markSigned.run')}
          />
          <Select
            label={t('commitmentUi.markSigned.campaignLabel')}
            data={campaigns.map((key) => ({ value: key, label: campaignLabel(key) }))}
            value={campaign}
            onChange={setCampaign}
            allowDeselect={false}
            disabled={running}
          />
          <Select
            label={t('commitmentUi.markSigned.industry')}
            placeholder={t('commitmentUi.markSigned.allIndustries')}
            clearable
            data={industries.map((code) => ({ value: code, label: t(`subject.industry.${code}`) }))}
            value={industry}
            onChange={setIndustry}
            disabled={running}
          />
          <DateField
            label={t('commitment.field.signingDate')}
            value={signingDate}
            onChange={setSigningDate}
            disabled={running}
          />
          {drafts.length > 0 && (
            <Stack gap="xs" data-testid="mark-signed-letters">
              <Text size="sm" fw={500}>
                {t('commitmentUi.markSigned.letters', { ticked: ticked.length, total: drafts.length })}
              </Text>
              <Group gap="xs" align="flex-end">
                <TextInput
                  aria-label={t('commitmentUi.markSigned.find')}
                  placeholder={t('commitmentUi.markSigned.find')}
                  value={search}
                  onChange={(event) => setSearch(event.currentTarget.value)}
                  disabled={running}
                  style={{ flex: 1 }}
                />
                {([true, false] as const).map((on) => (
                  <Button
                    key={String(on)}
                    variant="default"
                    size="xs"
                    disabled={running}
                    onClick={() => tick(shownIds, on)}
                  >
                    {t(on ? 'commitmentUi.markSigned.tickShown' : 'commitmentUi.markSigned.untickShown')}
                  </Button>
                ))}
              </Group>
              <ScrollArea.Autosize mah={200}>
                <Stack gap={4}>
                  {shown.map((letter) => (
                    <Checkbox
                      key={letter.id}
                      label={`${letter.number} ${letter.subjectName}`}
                      checked={!unticked.has(letter.id)}
                      onChange={(event) => tick([letter.id], event.currentTarget.checked)}
                      disabled={running}
                    />
                  ))}
                </Stack>
              </ScrollArea.Autosize>
              {matching.length > shown.length && (
                <Text size="xs" c="dimmed">
                  {t('commitmentUi.markSigned.moreLetters', { shown: shown.length, total: matching.length })}
                </Text>
              )}
            </Stack>
          )}
          <Alert color="blue" variant="light" data-testid="mark-signed-consequence">
            <Text size="sm">{t('commitmentUi.markSigned.consequence', { count: ticked.length })}</Text>
          </Alert>
          {progress && <BatchProgress progress={progress} running={running} />}
          {outcome && (
            <Alert color={outcome.refused.length > 0 ? 'orange' : 'teal'} data-testid="mark-signed-outcome">
              <Text size="sm">
                {t(outcome.cancelled ? 'commitmentUi.markSigned.cancelled' : 'commitmentUi.markSigned.done', {
                  count: outcome.signed,
                  already: outcome.already,
                })}
              </Text>
              {outcome.refused.length > 0 && (
                <List size="sm">
                  {outcome.refused.map((letter) => (
                    <List.Item key={letter.number}>
                      {t('commitmentUi.markSigned.refused', {
                        number: letter.number,
                        reason: letter.issues.map((found) => issueText(t, found)).join('；'),
                      })}
                    </List.Item>
                  ))}
                </List>
              )}
            </Alert>
          )}
          <BatchButtons
            running={running}
            cancelled={cancelled}
            onClose={close}
            onRun={run}
            runLabel={t('commitmentUi.markSigned.run')}
            disabled={ticked.length === 0 || outcome !== null}
          />
        </Stack>
      </Modal>
    </>
  );
}
