/**
 * Edits of the draft of a checklist's next version, made by an administrator before the draft is handed
 * to the city platform (see checklistVersions.ts). Each returns a new template; the input is untouched.
 */
import type { ChecklistItem, ChecklistTemplate } from './checklists.ts';

/** The number after the template's highest item number, with the same prefix (`SG-16` → `SG-17`). */
export function nextItemCode(template: ChecklistTemplate): string {
  const numbered = template.items
    .map((item) => /^(.*?)(\d+)$/.exec(item.code))
    .filter((match): match is RegExpExecArray => match !== null);
  const prefix = numbered[0]?.[1] ?? '';
  const width = numbered[0]?.[2]?.length ?? 2;
  const highest = Math.max(
    0,
    ...numbered.filter((match) => match[1] === prefix).map((match) => Number(match[2])),
  );
  return `${prefix}${String(highest + 1).padStart(width, '0')}`;
}

/** Appends an empty item (checked at full depth, failing to the last item's catalog item) to fill in. */
export function addDraftItem(template: ChecklistTemplate): ChecklistTemplate {
  const item: ChecklistItem = {
    code: nextItemCode(template),
    text: { zh: '', en: '' },
    basis: [],
    catalogCode: template.items.at(-1)?.catalogCode ?? '',
    level: 3,
  };
  return { ...template, items: [...template.items, item] };
}

export function removeDraftItem(template: ChecklistTemplate, index: number): ChecklistTemplate {
  return { ...template, items: template.items.filter((_, at) => at !== index) };
}

/** Swaps the item with its neighbour above (-1) or below (+1); at either end nothing moves. */
export function moveDraftItem(template: ChecklistTemplate, index: number, by: -1 | 1): ChecklistTemplate {
  const to = index + by;
  if (to < 0 || to >= template.items.length || index < 0 || index >= template.items.length) return template;
  const items = [...template.items];
  [items[index], items[to]] = [items[to] as ChecklistItem, items[index] as ChecklistItem];
  return { ...template, items };
}

export function changeDraftItem(
  template: ChecklistTemplate,
  index: number,
  change: Partial<ChecklistItem>,
): ChecklistTemplate {
  return {
    ...template,
    items: template.items.map((item, at) => (at === index ? { ...item, ...change } : item)),
  };
}

/**
 * Whether a draft was started from another version than the one in force now (version N when N+1 has
 * been published since): it can no longer become the next version.
 */
export function draftIsOutdated(draft: ChecklistTemplate, inForce: ChecklistTemplate): boolean {
  return draft.version !== inForce.version;
}
