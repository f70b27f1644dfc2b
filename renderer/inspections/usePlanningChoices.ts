import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { projectMatches } from '../../shared/inspections/project.ts';
import type { UserDocument } from '../../shared/base/user.ts';
import { useServices } from '../app/services.ts';

/** What inspection forms choose from: the county's active inspectors (its staff: a short list). */
export function usePlanningChoices(): { inspectors: UserDocument[] } {
  const { users } = useServices();
  const [inspectors, setInspectors] = useState<UserDocument[]>([]);
  useEffect(() => {
    users
      .list()
      .then((all) =>
        setInspectors(all.filter((user) => user.status === 'active' && user.roles.includes('inspector'))),
      );
  }, [users]);
  return { inspectors };
}

/** How many projects a chooser offers for what is typed. */
const offered = 20;

/**
 * The options of a project chooser: the latest changed projects matching what is typed (name, address or
 * permit), a page through the register's index, and the chosen ones, read by id.
 */
export function useProjectOptions(
  search: string,
  chosen: readonly string[],
): { value: string; label: string }[] {
  const { projects } = useServices();
  const [debounced] = useDebouncedValue(search, 150);
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const chosenKey = chosen.join(',');
  useEffect(() => {
    let current = true;
    const ids = chosenKey === '' ? [] : chosenKey.split(',');
    Promise.all([
      projects.page(
        { accepts: (doc) => projectMatches(doc.project, debounced), limit: offered },
        { keys: 0, matches: 0 },
      ),
      projects.getMany(ids),
    ]).then(([found, picked]) => {
      const shown = [...picked, ...found.items.filter((doc) => !ids.includes(doc.id))];
      if (current) setOptions(shown.map((doc) => ({ value: doc.id, label: doc.project.name })));
    });
    return () => {
      current = false;
    };
  }, [projects, debounced, chosenKey]);
  return options;
}
