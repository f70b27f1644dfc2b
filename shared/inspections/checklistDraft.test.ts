import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../creditRecords/defaultCatalog.ts';
import {
  addDraftItem,
  changeDraftItem,
  draftIsOutdated,
  moveDraftItem,
  nextItemCode,
  removeDraftItem,
} from './checklistDraft.ts';
import { defaultTemplateFor, validateTemplate } from './checklists.ts';

const construction = defaultTemplateFor('construction');

describe('editing a checklist draft', () => {
  it('numbers a new item after the highest number with the same prefix', () => {
    expect(nextItemCode(construction)).toBe(`SG-${construction.items.length + 1}`);
    expect(nextItemCode({ ...construction, items: [] })).toBe('01');
  });

  it('adds an empty item that validation refuses until it is filled in', () => {
    const added = addDraftItem(construction);
    expect(added.items).toHaveLength(construction.items.length + 1);
    expect(construction.items).toHaveLength(added.items.length - 1);
    const at = construction.items.length;
    expect(validateTemplate(added, defaultCatalog).map((found) => [found.field, found.code])).toEqual([
      [`items.${at}`, 'inspection.template.itemEmpty'],
      [`items.${at}.basis`, 'inspection.template.basisMissing'],
    ]);
    const filled = changeDraftItem(added, at, {
      text: { zh: '现场围挡连续封闭', en: 'Site hoarding closed all round' },
      basis: ['《建设工程安全生产管理条例》'],
    });
    expect(validateTemplate(filled, defaultCatalog)).toEqual([]);
  });

  it('moves an item up and down, and not past either end', () => {
    const [first, second] = construction.items;
    const moved = moveDraftItem(construction, 1, -1);
    expect(moved.items.slice(0, 2)).toEqual([second, first]);
    expect(moveDraftItem(moved, 0, 1).items).toEqual(construction.items);
    expect(moveDraftItem(construction, 0, -1)).toBe(construction);
    expect(moveDraftItem(construction, construction.items.length - 1, 1)).toBe(construction);
  });

  it('removes one item and changes only the one named', () => {
    const removed = removeDraftItem(construction, 0);
    expect(removed.items).toEqual(construction.items.slice(1));
    const changed = changeDraftItem(construction, 2, { level: 1 });
    expect(changed.items.filter((item, at) => item !== construction.items[at])).toEqual([
      { ...construction.items[2], level: 1 },
    ]);
  });

  it('finds a draft outdated once a later version than the one it started from is in force', () => {
    const draft = addDraftItem(construction);
    expect(draftIsOutdated(draft, construction)).toBe(false);
    const published = { ...construction, version: construction.version + 1 };
    expect(draftIsOutdated(draft, published)).toBe(true);
    expect(draftIsOutdated(addDraftItem(published), published)).toBe(false);
  });
});
