/**
 * The list of declared conflicts of interest pages through the inspections' [kind, updatedAt] index: the
 * same declarations in the same order as reading every one of them (`list`), in force or withdrawn alone
 * if asked; counting stops at a cap and says "more". Other kinds of the collection never show.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DeclarationRepository } from '../../renderer/inspections/declarations.ts';
import { unlinked } from '../../renderer/inspections/kindStore.ts';
import type { ConflictDocument } from '../../shared/inspections/document.ts';
import { emptyProject, projectState } from '../../shared/inspections/project.ts';
import { openProfile, type Profile } from './creditHarness.ts';
import { seededNumbers } from './seededData.ts';

let profile: Profile;
afterEach(async () => {
  await profile.close();
});

const stamps = (n: number, at: string) => ({
  id: `019a0000-0000-7000-8000-${String(n).padStart(12, '0')}`,
  county: '410823',
  createdAt: at,
  updatedAt: at,
  createdBy: 'admin-1',
  updatedBy: 'admin-1',
});

/** Declarations as a sync pull stores them, a third withdrawn, some changed at one instant; and projects. */
function storedDocuments(): unknown[] {
  const random = seededNumbers(5);
  const declarations = Array.from({ length: 40 }, (_, n): ConflictDocument => {
    const at = `2026-0${1 + Math.floor(random() * 5)}-1${Math.floor(random() * 3)}T02:00:00.000Z`;
    const withdrawn = n % 3 === 0;
    return {
      ...stamps(n, at),
      kind: 'conflict',
      ...unlinked,
      subjectId: `019a0000-0000-7000-8000-0000000000${String(n % 10).padStart(2, '0')}`,
      startedAt: at,
      state: withdrawn ? 'withdrawn' : 'declared',
      steps: withdrawn ? [{ action: 'withdraw', by: 'admin-1', at, note: '登记有误', date: '' }] : [],
      conflict: { inspectorId: `inspector-${n % 4}`, reason: '亲属在该公司任职' },
    } as unknown as ConflictDocument;
  });
  const projects = Array.from({ length: 10 }, (_, n) => ({
    ...stamps(100 + n, '2026-06-01T02:00:00.000Z'),
    kind: 'project',
    ...unlinked,
    state: projectState,
    steps: [],
    project: { ...emptyProject(), name: `安置小区${n}期`, type: 'construction' },
  }));
  return [...declarations, ...projects];
}

describe('the declarations list', () => {
  it('pages the latest change first, in force or withdrawn alone, as reading every declaration gives', async () => {
    profile = await openProfile('2026-06-22T02:00:00.000Z');
    await profile.db.inspections.bulkInsert(storedDocuments() as never[]);
    const declarations = new DeclarationRepository(profile.db.inspections, profile.context, profile.journal);
    const every = (await declarations.list()).sort(
      (a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id),
    );
    expect(every).toHaveLength(40);
    for (const state of [null, 'declared', 'withdrawn'] as const) {
      const ids = every.filter((doc) => state === null || doc.state === state).map((doc) => doc.id);
      const accepts = state ? { accepts: (doc: ConflictDocument) => doc.state === state } : {};
      const first = await declarations.page({ ...accepts, limit: 6 });
      expect(
        { total: first.total, more: first.more, ids: first.items.map((doc) => doc.id) },
        `${state}`,
      ).toEqual({ total: ids.length, more: false, ids: ids.slice(0, 6) });
      const rest = await declarations.page({ ...accepts, offset: 6, limit: 50 });
      expect(
        rest.items.map((doc) => doc.id),
        `${state}`,
      ).toEqual(ids.slice(6));
      const capped = await declarations.page({ ...accepts, limit: 6 }, { keys: 20, matches: 10 });
      const cap = state ? 10 : 20;
      expect({ total: capped.total, more: capped.more }).toEqual({
        total: Math.min(ids.length, cap),
        more: ids.length > cap,
      });
    }
  });
});
