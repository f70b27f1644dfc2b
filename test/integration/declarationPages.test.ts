/**
 * The list of declared conflicts of interest pages through the inspections' [kind, updatedAt] index, in
 * force or withdrawn alone through [state, updatedAt]: the same declarations in the same order as reading
 * every one of them (`list`); counting stops at a cap and says "more". Other kinds of the collection never
 * show. Declaring and the conflicts in force read only the subjects' own documents.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeclarationRepository } from '../../renderer/inspections/declarations.ts';
import { unlinked } from '../../renderer/inspections/kindStore.ts';
import type { SignedInSession } from '../../renderer/kernel/security/session.ts';
import { dexieTableOf } from '../../renderer/kernel/db/indexedPages.ts';
import type { ConflictDocument } from '../../shared/inspections/document.ts';
import { emptyProject, projectState } from '../../shared/inspections/project.ts';
import { declaredConflicts } from '../../shared/inspections/declarations.ts';
import { storedInspection } from '../../shared/inspections/testFixtures.ts';
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

const subjectOf = (n: number) => `019a0000-0000-7000-8000-0000000000${String(n % 10).padStart(2, '0')}`;

/**
 * Declarations of ten subjects as a sync pull stores them, a third withdrawn, some changed at one instant;
 * projects; and inspections of the same subjects.
 */
function storedDocuments(): unknown[] {
  const random = seededNumbers(5);
  const declarations = Array.from({ length: 40 }, (_, n): ConflictDocument => {
    const at = `2026-0${1 + Math.floor(random() * 5)}-1${Math.floor(random() * 3)}T02:00:00.000Z`;
    const withdrawn = n % 3 === 0;
    return {
      ...stamps(n, at),
      kind: 'conflict',
      ...unlinked,
      subjectId: subjectOf(n),
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
  const inspections = Array.from({ length: 10 }, (_, n) =>
    storedInspection({
      at: `2026-06-0${1 + (n % 9)}T03:00:00.000Z`,
      by: `inspector-${n % 4}`,
      subjectId: subjectOf(n),
      state: 'draft',
      steps: [],
      orders: [],
      finding: '',
    }),
  );
  return [...declarations, ...projects, ...inspections];
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
      const first = await declarations.pageOf({ state, limit: 6 });
      expect(
        { total: first.total, more: first.more, ids: first.items.map((doc) => doc.id) },
        `${state}`,
      ).toEqual({ total: ids.length, more: false, ids: ids.slice(0, 6) });
      const rest = await declarations.pageOf({ state, offset: 6, limit: 50 });
      expect(
        rest.items.map((doc) => doc.id),
        `${state}`,
      ).toEqual(ids.slice(6));
      // Each state is an index range: counted by its keys.
      const capped = await declarations.pageOf({ state, limit: 6 }, { keys: 10, matches: 5 });
      expect({ total: capped.total, more: capped.more }).toEqual({
        total: Math.min(ids.length, 10),
        more: ids.length > 10,
      });
    }
  });
});

describe('declaring and the conflicts in force', () => {
  const admin: SignedInSession = {
    userId: 'admin-1',
    userName: '王管',
    county: '410823',
    username: 'admin-1',
    roles: ['countyAdmin'],
  };

  it('read only the subjects’ own documents and give what reading every declaration gave', async () => {
    profile = await openProfile('2026-06-22T02:00:00.000Z');
    await profile.db.inspections.bulkInsert(storedDocuments() as never[]);
    profile.signIn(admin);
    const declarations = new DeclarationRepository(profile.db.inspections, profile.context, profile.journal);
    const every = await declarations.list();
    const now = '2026-06-22T02:00:00.000Z';
    const everySubject = declaredConflicts(every, now);
    // No query of the collection (reading every declaration was one); the subjects' index alone.
    const queried = vi.spyOn(profile.db.inspections.storageInstance, 'query');
    const indexes = vi.spyOn(await dexieTableOf(profile.db.inspections), 'where');
    const indexesRead = () => new Set(indexes.mock.calls.map(([index]) => String(index)));
    const some = [subjectOf(1), subjectOf(2), subjectOf(1), 'no-such-subject'];
    const inForce = await declarations.inForce(some);
    expect(inForce).toEqual(new Map([subjectOf(1), subjectOf(2)].map((id) => [id, everySubject.get(id)])));
    expect(indexesRead()).toEqual(new Set(['[_deleted+subjectId+startedAt+id]']));
    expect(await declarations.inForce([])).toEqual(new Map());

    const declaredPair = every.find((doc) => doc.state === 'declared' && doc.subjectId === subjectOf(4))!;
    const again = await declarations.declare({
      subjectId: subjectOf(4),
      inspectorId: declaredPair.conflict.inspectorId,
      reason: '同上',
    });
    expect(again.ok ? [] : again.issues.map((found) => found.code)).toEqual([
      'inspection.conflict.alreadyDeclared',
    ]);
    const anew = await declarations.declare({
      subjectId: subjectOf(4),
      inspectorId: 'inspector-new',
      reason: '亲属新入职该公司',
    });
    if (!anew.ok) throw new Error(JSON.stringify(anew.issues));
    expect((await declarations.inForce([subjectOf(4)])).get(subjectOf(4))).toEqual([
      ...(everySubject.get(subjectOf(4)) ?? []),
      'inspector-new',
    ]);
    expect(queried).not.toHaveBeenCalled();
  });
});
