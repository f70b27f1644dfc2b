import { Badge, Table } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ListingDocument, ListingStatus } from '../../shared/lists/listing.ts';

const statusColor: Record<ListingStatus, string> = {
  draft: 'gray',
  proposed: 'yellow',
  listed: 'red',
  rejected: 'gray',
  exited: 'teal',
};

export function ListingStatusBadge({ status }: { status: ListingStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={statusColor[status]} data-testid="listing-status">
      {t(`lists.status.${status}`)}
    </Badge>
  );
}

/** "2026-03-10 – 2027-03-10", an open end named as such. */
export function periodText(t: TFunction, start: string, end: string): string {
  return `${start} – ${end || t('lists.ui.openEnded')}`;
}

/** A provincial evaluation in words: its level, date and score when given. */
export function provincialText(
  t: TFunction,
  evaluation: { level: string; date: string; score: number | null },
): string {
  const text = t('lists.ui.provincial.evaluation', {
    level: t(`lists.ui.provincial.level.${evaluation.level}`),
    date: evaluation.date,
  });
  return evaluation.score === null
    ? text
    : `${text} ${t('lists.ui.provincial.score', { score: evaluation.score })}`;
}

/** A listing's list by name, or the grade it publishes. */
export function listingName(t: TFunction, listing: ListingDocument): string {
  return listing.kind === 'grade'
    ? `${t('lists.ui.kind.grade')} ${listing.grade}`
    : t(`lists.ui.list.${listing.list}`);
}

/** The period, status and decision cells of a listing's row. */
export function ListingCells({ listing }: { listing: ListingDocument }) {
  const { t } = useTranslation();
  return (
    <>
      <Table.Td>{periodText(t, listing.start, listing.end)}</Table.Td>
      <Table.Td>
        <ListingStatusBadge status={listing.status} />
      </Table.Td>
      <Table.Td>{listing.decisionNumber}</Table.Td>
    </>
  );
}
