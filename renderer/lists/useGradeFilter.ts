import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useServices } from '../app/services.ts';
import { useGradeTick } from './useGrades.ts';

/**
 * The subject list's grade filter, kept in the address (`?grade=A`) so the grade chart can link to it:
 * the grades held today (best first, as the default model orders them) and the subjects of the chosen one.
 */
export function useGradeFilter() {
  const { listings } = useServices();
  const tick = useGradeTick();
  const [params, setParams] = useSearchParams();
  const grade = params.get('grade');
  // biome-ignore lint/correctness/useExhaustiveDependencies: regrouped on every cache tick
  const groups = useMemo(() => listings.grades.byGrade(), [listings, tick]);
  const order = listings.grades.modelFor('construction').grades.map((definition) => definition.code);
  const codes = [...new Set([...order.filter((code) => groups.has(code)), ...groups.keys()])];
  const ids = useMemo(() => (grade === null ? undefined : new Set(groups.get(grade) ?? [])), [groups, grade]);
  const setGrade = (next: string | null) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next === null) updated.delete('grade');
        else updated.set('grade', next);
        return updated;
      },
      { replace: true },
    );
  return { grade, setGrade, ids, codes, tick };
}
