import { useCallback, useEffect, useState } from 'react';
import type { ChecklistIndustry, ChecklistTemplate } from '../../shared/inspections/checklists.ts';
import type { LocalStore } from '../kernel/db/localStore.ts';

const draftKey = (industry: ChecklistIndustry) => `checklistDraft:${industry}`;

/**
 * The draft an administrator is editing of an industry's next checklist version, kept on this computer
 * (it survives a reload) until it is discarded. The draft keeps the version it was started from: the
 * downloaded file numbers it one above.
 */
export function useChecklistDraft(local: LocalStore, industry: ChecklistIndustry) {
  /** undefined while loading, null when there is no draft. */
  const [draft, setDraft] = useState<ChecklistTemplate | null | undefined>(undefined);
  /** Whether the last edit failed to reach this computer's store (it is still on screen). */
  const [unsaved, setUnsaved] = useState(false);
  useEffect(() => {
    let current = true;
    void local.getSetting<ChecklistTemplate>(draftKey(industry)).then((stored) => {
      if (current) setDraft(stored ?? null);
    });
    return () => {
      current = false;
    };
  }, [local, industry]);
  const change = useCallback(
    (next: ChecklistTemplate) => {
      setDraft(next);
      local.setSetting(draftKey(industry), next).then(
        () => setUnsaved(false),
        () => setUnsaved(true),
      );
    },
    [local, industry],
  );
  const discard = useCallback(async () => {
    await local.settings.delete(draftKey(industry));
    setDraft(null);
  }, [local, industry]);
  return { draft, change, discard, unsaved };
}
