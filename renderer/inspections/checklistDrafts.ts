import { useCallback, useEffect, useState } from 'react';
import type { ChecklistIndustry, ChecklistTemplate } from '../../shared/inspections/checklists.ts';
import type { LocalStore } from '../kernel/db/localStore.ts';

const draftKey = (owner: string, industry: ChecklistIndustry) => `checklistDraft:${owner}:${industry}`;
/** Where drafts were kept before they were kept per administrator: one per computer. */
const sharedDraftKey = (industry: ChecklistIndustry) => `checklistDraft:${industry}`;

/**
 * The administrator's own draft (none yet: a draft this computer kept for everyone before drafts were
 * kept per administrator, which becomes hers, so that nothing typed is lost).
 */
async function ownDraft(
  local: LocalStore,
  owner: string,
  industry: ChecklistIndustry,
): Promise<ChecklistTemplate | null> {
  const own = await local.getSetting<ChecklistTemplate>(draftKey(owner, industry));
  if (own) return own;
  const shared = await local.getSetting<ChecklistTemplate>(sharedDraftKey(industry));
  if (!shared) return null;
  await local.setSetting(draftKey(owner, industry), shared);
  await local.settings.delete(sharedDraftKey(industry));
  return shared;
}

/**
 * The draft an administrator (`owner`, the signed-in user's id) is editing of an industry's next
 * checklist version, kept on this computer for her alone (it survives a reload; another administrator
 * signing in here has her own) until it is discarded. The draft keeps the version it was started from:
 * the downloaded file numbers it one above.
 */
export function useChecklistDraft(local: LocalStore, owner: string, industry: ChecklistIndustry) {
  /** undefined while loading, null when there is no draft. */
  const [draft, setDraft] = useState<ChecklistTemplate | null | undefined>(undefined);
  /** Whether the last edit failed to reach this computer's store (it is still on screen). */
  const [unsaved, setUnsaved] = useState(false);
  useEffect(() => {
    let current = true;
    setDraft(undefined);
    void ownDraft(local, owner, industry).then((stored) => {
      if (current) setDraft(stored);
    });
    return () => {
      current = false;
    };
  }, [local, owner, industry]);
  const change = useCallback(
    (next: ChecklistTemplate) => {
      setDraft(next);
      local.setSetting(draftKey(owner, industry), next).then(
        () => setUnsaved(false),
        () => setUnsaved(true),
      );
    },
    [local, owner, industry],
  );
  const discard = useCallback(async () => {
    await local.settings.delete(draftKey(owner, industry));
    setDraft(null);
  }, [local, owner, industry]);
  return { draft, change, discard, unsaved };
}
