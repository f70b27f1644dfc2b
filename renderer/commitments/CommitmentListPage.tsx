import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { followUpState } from '../../shared/commitments/followUp.ts';
import { findMatter } from '../../shared/commitments/matters.ts';
import type { CommitmentDocument } from '../../shared/commitments/model.ts';
import {
  type CommitmentStatus,
  type CommitmentType,
  commitmentStatuses,
  commitmentTypes,
} from '../../shared/commitments/types.ts';
import { useServices } from '../app/services.ts';
import { ListPager, ListTotal, useListPage } from '../kernel/ui/ListPager.tsx';
import { ListTable } from '../kernel/ui/ListTable.tsx';
import { useQueryFilter } from '../kernel/ui/useQueryFilter.ts';
import { useCan } from '../kernel/security/hooks.ts';
import { CampaignButton } from './CampaignDialog.tsx';
import { MarkSignedButton } from './MarkSignedDialog.tsx';
import { PublicationButton } from './PublicationButton.tsx';
import type { CommitmentOrder, CommitmentPage, CommitmentPageQuery, CommitmentQuery } from './repository.ts';

const statusColors: Record<CommitmentStatus, string> = {
  draft: 'gray',
  accepted: 'blue',
  breachProposed: 'orange',
  fulfilled: 'teal',
  partlyFulfilled: 'orange',
  notFulfilled: 'red',
  falseCommitment: 'red',
  withdrawn: 'dark',
};

export function CommitmentStatusBadge({ status }: { status: CommitmentStatus }) {
  const { t } = useTranslation();
  return <Badge color={statusColors[status]}>{t(`commitment.status.${status}`)}</Badge>;
}

/** Where an open commitment stands against its deadline for missing materials. */
export function FollowUpBadge({ commitment }: { commitment: CommitmentDocument }) {
  const { t } = useTranslation();
  const { commitments, reference } = useServices();
  const found = followUpState(commitment, commitments.today(), reference.calendar());
  if (found.state === 'overdue') {
    return (
      <Badge color="red" variant="light" data-testid="follow-up-overdue">
        {t('commitment.followUp.overdue', { count: found.workingDaysOverdue })}
      </Badge>
    );
  }
  if (found.state === 'dueSoon') {
    return (
      <Badge color="orange" variant="light">
        {t('commitment.followUp.dueSoon', { count: found.workingDaysLeft })}
      </Badge>
    );
  }
  return found.state === 'pending' ? <Text size="sm">{found.deadline}</Text> : null;
}

/** The commitments table, shared by the list and the subject's tab. */
export function CommitmentTable({
  items,
  showSubject = true,
}: {
  items: CommitmentDocument[];
  showSubject?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { commitments } = useServices();
  const language = i18n.language === 'en' ? 'en' : 'zh';
  return (
    <ListTable
      striped
      highlightOnHover
      data-testid="commitment-table"
      columns={[
        t('commitment.field.number'),
        ...(showSubject ? [t('commitment.field.subjectId')] : []),
        t('commitment.field.type'),
        t('commitment.field.matterCode'),
        t('commitment.field.materialsDeadline'),
        t('commitment.field.status'),
      ]}
    >
      {items.map((c) => (
        <Table.Tr key={c.id}>
          <Table.Td>
            <Anchor component={Link} to={`/commitments/${c.id}`}>
              {c.number}
            </Anchor>
          </Table.Td>
          {showSubject && (
            <Table.Td>
              <Anchor component={Link} to={`/subjects/${c.subjectId}?tab=commitments`}>
                {c.subjectName}
              </Anchor>
            </Table.Td>
          )}
          <Table.Td>{t(`commitment.type.${c.type}`)}</Table.Td>
          <Table.Td>{findMatter(commitments.matters, c.matterCode)?.name[language] ?? ''}</Table.Td>
          <Table.Td>
            <FollowUpBadge commitment={c} />
          </Table.Td>
          <Table.Td>
            <CommitmentStatusBadge status={c.status} />
          </Table.Td>
        </Table.Tr>
      ))}
    </ListTable>
  );
}

const followUps = ['dueSoon', 'overdue'] as const;
const orders: readonly CommitmentOrder[] = ['recent', 'name'];
const pageSize = 50;

/** The county's commitments, filtered by type, status and follow-up; the campaign and the publication file. */
export function CommitmentListPage() {
  const { t } = useTranslation();
  const { commitments } = useServices();
  const [params, setFilter] = useQueryFilter();
  const type = params.get('type') as CommitmentType | null;
  const status = params.get('status') as CommitmentStatus | null;
  const followUp = params.get('followUp') as CommitmentQuery['followUp'] | null;
  const open = params.get('open') === '1';
  const decided = params.get('decided') === '1';
  const order: CommitmentOrder = params.get('order') === 'name' ? 'name' : 'recent';
  const [text, setText] = useState('');
  const [result, setResult] = useState<CommitmentPage | null>(null);
  const canCreate = useCan('commitment.create');
  const [page, setPage] = useListPage([type, status, followUp, open, decided, text, order]);

  useEffect(() => {
    const query: CommitmentPageQuery = {
      ...(type ? { type } : {}),
      ...(status ? { status } : {}),
      ...(followUp ? { followUp } : {}),
      ...(open ? { open } : {}),
      ...(decided ? { decided } : {}),
      ...(text.trim() ? { text } : {}),
      ...(order === 'name' ? { order } : {}),
      offset: (page - 1) * pageSize,
      limit: pageSize,
    };
    const load = () => commitments.page(query).then(setResult);
    load();
    const subscription = commitments.changes$.subscribe(load);
    return () => subscription.unsubscribe();
  }, [commitments, type, status, followUp, open, decided, text, order, page]);
  const items = result?.items ?? null;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('commitmentUi.title')}</Title>
        <Group>
          <PublicationButton />
          {canCreate && <CampaignButton />}
          {canCreate && <MarkSignedButton />}
          {canCreate && (
            <Button component={Link} to="/commitments/new">
              {t('commitmentUi.new')}
            </Button>
          )}
        </Group>
      </Group>
      <Group align="flex-end">
        <TextInput
          aria-label={t('common.search')}
          placeholder={t('commitmentUi.search')}
          leftSection={<IconSearch size={16} />}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          w={240}
        />
        <Select
          label={t('commitment.field.type')}
          clearable
          value={type}
          onChange={(value) => setFilter('type', value)}
          data={commitmentTypes.map((code) => ({ value: code, label: t(`commitment.type.${code}`) }))}
          w={220}
        />
        <Select
          label={t('commitment.field.status')}
          clearable
          value={status}
          onChange={(value) => setFilter('status', value)}
          data={commitmentStatuses.map((code) => ({ value: code, label: t(`commitment.status.${code}`) }))}
          w={180}
        />
        <Select
          label={t('commitmentUi.followUp')}
          clearable
          value={followUp}
          onChange={(value) => setFilter('followUp', value)}
          data={followUps.map((code) => ({ value: code, label: t(`commitmentUi.followUpFilter.${code}`) }))}
          w={160}
        />
        <Button
          variant={open ? 'filled' : 'default'}
          onClick={() => setFilter('open', open ? null : '1')}
          aria-pressed={open}
        >
          {t('commitmentUi.openOnly')}
        </Button>
        <Select
          label={t('commitmentUi.order.label')}
          value={order}
          onChange={(value) => setFilter('order', value === 'name' ? value : null)}
          data={orders.map((code) => ({ value: code, label: t(`commitmentUi.order.${code}`) }))}
          allowDeselect={false}
          w={180}
        />
        <ListTotal total={result?.total ?? 0} more={result?.more ?? false} testId="commitment-total" />
      </Group>
      {items !== null && items.length === 0 ? (
        <Text c="dimmed">{t('commitmentUi.noneMatch')}</Text>
      ) : (
        <CommitmentTable items={items ?? []} />
      )}
      <ListPager found={result} pageSize={pageSize} page={page} onChange={setPage} />
    </Stack>
  );
}
