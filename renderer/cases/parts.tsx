import { Badge } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../shared/cases/model.ts';
import { isCaseOpen } from '../../shared/cases/workflow.ts';
import { useServices } from '../app/services.ts';

/** A case's state, coloured open (blue), granted (teal) or not (gray). */
export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  const color = isCaseOpen(status)
    ? 'blue'
    : ['approved', 'corrected', 'revoked'].includes(status)
      ? 'teal'
      : 'gray';
  return (
    <Badge color={color} variant="light">
      {t(`cases.status.${status}`)}
    </Badge>
  );
}

/** The records an objection is open against, kept current. */
export function useRecordsUnderObjection(): ReadonlySet<string> {
  const { cases } = useServices();
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    const subscription = cases.watchRecordsUnderObjection().subscribe(setIds);
    return () => subscription.unsubscribe();
  }, [cases]);
  return ids;
}

/** "Under objection", for a record an objection is open against. */
export function UnderObjectionBadge({ recordId }: { recordId: string }) {
  const { t } = useTranslation();
  const under = useRecordsUnderObjection();
  if (!under.has(recordId)) return null;
  return (
    <Badge color="orange" variant="filled" data-testid="under-objection">
      {t('cases.record.underObjection')}
    </Badge>
  );
}
