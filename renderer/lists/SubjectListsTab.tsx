import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  exitReason as exitReasonOf,
  type ExitReason,
  type ListSuggestion,
} from '../../shared/lists/rules.ts';
import type { ListingAction, ListingDocument } from '../../shared/lists/listing.ts';
import { provincialItem } from '../../shared/grading/grade.ts';
import type { SubjectDocument } from '../../shared/subjects/model.ts';
import type { ValidationIssue } from '../../shared/base/validation.ts';
import { useServices } from '../app/services.ts';
import { type StepSpec, StepDialog, type StepValues } from '../kernel/ui/StepDialog.tsx';
import { useCan } from '../kernel/security/hooks.ts';
import { DateField } from '../kernel/ui/DateField.tsx';
import { ListingCells, listingName, periodText, provincialText } from './labels.tsx';
import { useGradeTick } from './useGrades.ts';

type Pending =
  | { kind: 'propose'; suggestion: ListSuggestion }
  | { kind: 'grade' }
  | { kind: 'step'; listing: ListingDocument; action: ListingAction; reason?: ExitReason };

/** A subject's grade (explained item by item, for any date) and its list entries, suggestions and decisions. */
export function SubjectListsTab({ subject }: { subject: SubjectDocument }) {
  const { t, i18n } = useTranslation();
  const { listings, creditRecords, context } = useServices();
  const today = chinaDateOf(context.clock());
  const [asOf, setAsOf] = useState(today);
  const [entries, setEntries] = useState<ListingDocument[]>([]);
  const [titles, setTitles] = useState<Map<string, string>>(new Map());
  const [pending, setPending] = useState<Pending | null>(null);
  const tick = useGradeTick();
  const mayPropose = useCan('list.propose');
  const zh = i18n.language.startsWith('zh');

  useEffect(() => {
    const a = listings.watchBySubject(subject.id).subscribe(setEntries);
    const b = creditRecords
      .watchBySubject(subject.id)
      .subscribe((records) => setTitles(new Map(records.map((record) => [record.id, record.title]))));
    return () => {
      a.unsubscribe();
      b.unsubscribe();
    };
  }, [listings, creditRecords, subject.id]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: regraded on every cache tick
  const result = useMemo(
    () => listings.grades.gradeOf(subject.id, asOf || today),
    [listings, subject.id, asOf, today, tick],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: recomputed on every cache tick
  const suggestions = useMemo(() => listings.suggestionsFor(subject), [listings, subject, tick]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: recomputed on every cache tick
  const city = useMemo(() => listings.onCityBlackList(subject.id), [listings, subject.id, tick]);
  const model = listings.grades.modelFor(subject.industry, asOf || today);
  const listName = (list: string) => t(`lists.ui.list.${list}`);

  /** Why an entry must leave its list today (repaired, revoked, period ended), or null while it stays. */
  const exitOf = (listing: ListingDocument): ExitReason | null => {
    const rule = listings.knownRules.find((candidate) => candidate.code === listing.rule);
    if (!rule || listing.list === '') return null;
    const entry = { ...listing, list: listing.list, exitedOn: undefined };
    const file = listings.grades.creditFile(subject.id);
    const grade = listings.grades.gradeOf(subject.id)?.grade ?? null;
    const standing = {
      industry: subject.industry,
      grade,
      dishonestCategories: ['generalDishonest', 'seriousDishonest'],
    };
    return exitReasonOf(entry, rule, standing, file, today);
  };

  const describe = (): StepSpec | null => {
    if (!pending) return null;
    if (pending.kind === 'propose') {
      const { suggestion } = pending;
      return {
        label: t('lists.ui.suggestions.propose'),
        consequence: t('lists.ui.suggestions.consequence', {
          list: listName(suggestion.list),
          start: suggestion.start,
          end: suggestion.end || t('lists.ui.openEnded'),
        }),
      };
    }
    if (pending.kind === 'grade') {
      return {
        label: t('lists.ui.grade.publish'),
        consequence: t('lists.ui.grade.publishConsequence', {
          date: today,
          grade: result?.grade ?? '',
          score: result?.score ?? 0,
        }),
      };
    }
    const { action } = pending;
    const consequence = t(`lists.ui.step.${action}`);
    return {
      label: t(`lists.action.${action}`),
      consequence: pending.reason
        ? `${consequence} ${t('lists.ui.exitReason', { reason: t(`lists.exit.${pending.reason}`) })}`
        : consequence,
      text: action === 'exit' ? { kind: 'reason', required: true } : { kind: 'opinion', required: true },
      documentNumber: action === 'reject' ? null : { label: t('lists.ui.step.documentNumber') },
      color: action === 'reject' ? 'red' : undefined,
    };
  };

  // One spec per pending step: the dialog resets what was typed whenever its spec changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: described once per pending step
  const spec = useMemo(describe, [pending, i18n.language]);

  const confirm = async (values: StepValues): Promise<ValidationIssue[]> => {
    if (!pending) return [];
    const outcome =
      pending.kind === 'propose'
        ? await listings.propose(subject, pending.suggestion)
        : pending.kind === 'grade'
          ? await listings.proposeGrade(subject, listings.grades.gradeOf(subject.id)!)
          : await listings.act(pending.listing.id, pending.action, {
              note: values.text,
              decisionNumber: values.documentNumber,
              ...(pending.reason ? { exitReason: pending.reason, exitedOn: today } : {}),
            });
    if (!outcome.ok) return outcome.issues;
    setPending(null);
    return [];
  };

  return (
    <Stack>
      {city.length > 0 && (
        <Alert color="red" title={t('lists.ui.city.flag')} data-testid="city-black-list-flag">
          {city.map((entry) => (
            <Text size="sm" key={entry.id}>
              {t('lists.ui.city.detail', {
                list: listName(entry.list),
                start: entry.start,
                decision: entry.decisionNumber,
              })}
            </Text>
          ))}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Stack>
          <Group justify="space-between" align="flex-end">
            <Group align="center">
              <Title order={4}>{t('lists.ui.grade.title')}</Title>
              {result ? (
                <>
                  <Badge size="xl" color={result.vetoedBy ? 'red' : 'blue'} data-testid="subject-grade">
                    {result.grade}
                  </Badge>
                  <Text fw={500} data-testid="subject-score">
                    {t('lists.ui.grade.score', { score: result.score })}
                  </Text>
                </>
              ) : (
                <Text
                  c="dimmed"
                  data-testid={listings.grades.loaded ? undefined : 'subject-grade-calculating'}
                >
                  {t(listings.grades.loaded ? 'lists.ui.grade.notGraded' : 'lists.ui.grade.calculating')}
                </Text>
              )}
            </Group>
            <Group align="flex-end">
              <DateField
                label={t('lists.ui.grade.asOf')}
                value={asOf}
                onChange={setAsOf}
                maxDate={today}
                w={160}
              />
              {mayPropose && result && asOf === today && (
                <Button variant="light" onClick={() => setPending({ kind: 'grade' })}>
                  {t('lists.ui.grade.publish')}
                </Button>
              )}
            </Group>
          </Group>
          <Text size="sm" c="dimmed">
            {t('lists.ui.grade.model', { model: zh ? model.name.zh : model.name.en, version: model.version })}
            {' · '}
            {t('lists.ui.grade.base', { score: model.baseScore })}
          </Text>
          {result && (
            <Text size="sm">
              {t('lists.ui.grade.measures', {
                ratio: Math.round(result.measures.inspectionRatio * 100),
                extra: `${result.measures.greenChannel ? t('lists.ui.grade.greenChannel') : ''}${result.measures.toleranceAcceptance ? t('lists.ui.grade.tolerance') : ''}`,
              })}
            </Text>
          )}
          {result?.vetoedBy && (
            <Alert color="red" variant="light">
              {t('lists.ui.grade.vetoed')}
            </Alert>
          )}
          {result?.provincial && (
            <Text size="sm" data-testid="grade-provincial">
              {t('lists.ui.provincial.inForce', { evaluation: provincialText(t, result.provincial) })}
              {result.provincial.cap && ` ${t('lists.ui.provincial.cap', { grade: result.provincial.cap })}`}
            </Text>
          )}
          {result && result.contributions.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('lists.ui.grade.noContributions')}
            </Text>
          ) : (
            <Table data-testid="grade-contributions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('lists.ui.column.item')}</Table.Th>
                  <Table.Th>{t('lists.ui.column.source')}</Table.Th>
                  <Table.Th>{t('lists.ui.column.points')}</Table.Th>
                  <Table.Th>{t('lists.ui.column.validity')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result?.contributions.map((contribution) => {
                  const item = model.items.find((candidate) => candidate.code === contribution.item);
                  const provincial = contribution.item === provincialItem ? result.provincial : null;
                  return (
                    <Table.Tr key={`${contribution.item}-${contribution.sourceId}`}>
                      <Table.Td>
                        {provincial
                          ? t('lists.ui.provincial.item')
                          : item
                            ? zh
                              ? item.name.zh
                              : item.name.en
                            : ''}
                      </Table.Td>
                      <Table.Td>
                        {provincial ? (
                          provincialText(t, provincial)
                        ) : (
                          <Anchor component={Link} to={`/credit/records/${contribution.sourceId}`} size="sm">
                            {titles.get(contribution.sourceId) ?? ''}
                          </Anchor>
                        )}
                      </Table.Td>
                      <Table.Td c={contribution.points < 0 ? 'red' : 'teal'}>
                        {contribution.points > 0 ? `+${contribution.points}` : contribution.points}
                      </Table.Td>
                      <Table.Td>{periodText(t, contribution.validFrom, contribution.validUntil)}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Paper>

      <Paper withBorder p="md">
        <Stack>
          <Title order={4}>{t('lists.ui.suggestions.title')}</Title>
          {suggestions.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('lists.ui.suggestions.none')}
            </Text>
          ) : (
            suggestions.map((suggestion) => (
              <Group key={suggestion.rule} justify="space-between" data-testid="list-suggestion">
                <Stack gap={2}>
                  <Text fw={500}>{listName(suggestion.list)}</Text>
                  <Text size="sm" c="dimmed">
                    {periodText(t, suggestion.start, suggestion.end)}
                    {suggestion.triggeredBy.length > 0 &&
                      ` · ${t('lists.ui.suggestions.triggered', { count: suggestion.triggeredBy.length })}`}
                  </Text>
                  <Text size="xs" c="dimmed" translate="no">
                    {suggestion.basis.join('；')}
                  </Text>
                </Stack>
                {mayPropose && (
                  <Button variant="light" onClick={() => setPending({ kind: 'propose', suggestion })}>
                    {t('lists.ui.suggestions.propose')}
                  </Button>
                )}
              </Group>
            ))
          )}
        </Stack>
      </Paper>

      <Paper withBorder p="md">
        <Stack>
          <Title order={4}>{t('lists.ui.entries.title')}</Title>
          {entries.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('lists.ui.none')}
            </Text>
          ) : (
            <Table data-testid="subject-listings">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('lists.ui.column.list')}</Table.Th>
                  <Table.Th>{t('lists.ui.column.period')}</Table.Th>
                  <Table.Th>{t('lists.ui.column.status')}</Table.Th>
                  <Table.Th>{t('lists.ui.column.decision')}</Table.Th>
                  <Table.Th>{t('lists.ui.column.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((listing) => {
                  const reason = listing.status === 'listed' ? exitOf(listing) : null;
                  const actions = listings
                    .availableActions(listing)
                    .filter((action) => action !== 'exit' || reason !== null);
                  return (
                    <Table.Tr key={listing.id}>
                      <Table.Td>{listingName(t, listing)}</Table.Td>
                      <ListingCells listing={listing} />
                      <Table.Td>
                        <Group gap="xs">
                          {actions.map((action) => (
                            <Button
                              key={action}
                              size="xs"
                              variant={action === 'approve' ? 'filled' : 'light'}
                              color={action === 'reject' ? 'red' : undefined}
                              onClick={() =>
                                setPending({
                                  kind: 'step',
                                  listing,
                                  action,
                                  ...(action === 'exit' && reason ? { reason } : {}),
                                })
                              }
                            >
                              {t(`lists.action.${action}`)}
                            </Button>
                          ))}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Paper>
      <StepDialog step={spec} onCancel={() => setPending(null)} onConfirm={confirm} />
    </Stack>
  );
}
