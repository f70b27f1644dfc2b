import { Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CommitmentDocument } from '../../shared/commitments/model.ts';
import { useServices } from '../app/services.ts';
import { useCan } from '../kernel/security/hooks.ts';
import { CommitmentTable } from './CommitmentListPage.tsx';

/** A subject's commitments, newest change first, with a new letter for the subject. */
export function SubjectCommitmentsTab({ subjectId }: { subjectId: string }) {
  const { t } = useTranslation();
  const { commitments } = useServices();
  const canCreate = useCan('commitment.create');
  const [items, setItems] = useState<CommitmentDocument[] | null>(null);
  useEffect(() => {
    const load = () => commitments.list({ subjectId }).then(setItems);
    load();
    const subscription = commitments.changes$.subscribe(load);
    return () => subscription.unsubscribe();
  }, [commitments, subjectId]);
  return (
    <Stack>
      <Group justify="flex-end">
        {canCreate && (
          <Button component={Link} to={`/commitments/new?subject=${subjectId}`}>
            {t('commitmentUi.new')}
          </Button>
        )}
      </Group>
      {items !== null && items.length === 0 ? (
        <Text c="dimmed">{t('commitmentUi.noneForSubject')}</Text>
      ) : (
        <CommitmentTable items={items ?? []} showSubject={false} />
      )}
    </Stack>
  );
}

/** How many open commitments a subject has, for the subject list; nothing when none. */
export function useOpenCommitmentCounts(): Map<string, number> {
  const { commitments } = useServices();
  const [counts, setCounts] = useState(new Map<string, number>());
  useEffect(() => {
    const load = () => commitments.openCountsBySubject().then(setCounts);
    load();
    const subscription = commitments.changes$.subscribe(load);
    return () => subscription.unsubscribe();
  }, [commitments]);
  return counts;
}
