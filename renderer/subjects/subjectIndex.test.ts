import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SubjectIndex, type SubjectSort, type SubjectSummary, subjectSorts } from './subjectIndex.ts';

const summary = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
  kind: fc.constantFrom('enterprise' as const, 'practitioner' as const),
  name: fc.constantFrom('武陟县宏达', '博爱县广厦', '李秀英', '温县永安', '阿里'),
  code: fc.constantFrom('9141', '9135', '1101', '4108'),
  industry: fc.constant('construction' as SubjectSummary['industry']),
  status: fc.constant('active' as SubjectSummary['status']),
  updatedAt: fc.constantFrom('2026-01-01', '2026-02-01', '2026-03-01'),
});
const change = fc.oneof(
  summary.map((s) => ({ put: s })),
  fc.constantFrom('a', 'b', 'c', 'd').map((id) => ({ remove: id })),
);

/** The ids a freshly built index lists in each order: what an index kept up to date must list too. */
function freshOrder(live: Map<string, SubjectSummary>, sort: SubjectSort): string[] {
  const index = new SubjectIndex();
  index.load(live.values());
  return index.query({ sort, limit: 100 }).ids;
}

describe('the subject index’s sorted orders', () => {
  it('stay as a fresh sort would give them through any run of edits, bursts and snapshots', () => {
    fc.assert(
      fc.property(fc.array(fc.array(change, { maxLength: 12 }), { maxLength: 6 }), (bursts) => {
        let index = new SubjectIndex();
        const live = new Map<string, SubjectSummary>();
        for (const [n, burst] of bursts.entries()) {
          for (const step of burst) {
            if ('put' in step) {
              index.put(step.put);
              live.set(step.put.id, step.put);
            } else {
              index.remove(step.remove);
              live.delete(step.remove);
            }
          }
          for (const sort of subjectSorts)
            expect(index.query({ sort, limit: 100 }).ids).toEqual(freshOrder(live, sort));
          if (n % 2 === 1) {
            const restored = new SubjectIndex();
            restored.restore(JSON.parse(JSON.stringify(index.snapshot())));
            index = restored;
          }
        }
      }),
    );
  });
});

describe('a filter by a set of ids (e.g. the subjects of one grade)', () => {
  it('pages honestly: the total counts every match, a page holds only matches in order', () => {
    const index = new SubjectIndex();
    const names = ['甲', '乙', '丙', '丁', '戊', '己', '庚'];
    index.load(
      names.map((name, n) => ({
        id: `s${n}`,
        kind: 'enterprise' as const,
        name,
        code: `91410000MA${n}`,
        industry: 'construction' as const,
        status: 'active' as const,
        updatedAt: `2026-01-0${n + 1}`,
      })),
    );
    const ids = new Set(['s1', 's2', 's4', 's6']);
    expect(index.query({ ids, sort: 'updatedAt', limit: 2 })).toEqual({ total: 4, ids: ['s6', 's4'] });
    expect(index.query({ ids, sort: 'updatedAt', offset: 2, limit: 2 })).toEqual({
      total: 4,
      ids: ['s2', 's1'],
    });
    expect(index.query({ ids: new Set(), limit: 10 })).toEqual({ total: 0, ids: [] });
  });
});
