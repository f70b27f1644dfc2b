import { useEffect, useState } from 'react';
import type { ProjectDocument } from '../../shared/inspections/document.ts';
import type { UserDocument } from '../../shared/base/user.ts';
import { useServices } from '../app/services.ts';

/** What inspection forms choose from: the county's active inspectors and its registered projects. */
export function usePlanningChoices(): { inspectors: UserDocument[]; projects: ProjectDocument[] } {
  const { users, projects } = useServices();
  const [inspectors, setInspectors] = useState<UserDocument[]>([]);
  const [registered, setRegistered] = useState<ProjectDocument[]>([]);
  useEffect(() => {
    users
      .list()
      .then((all) =>
        setInspectors(all.filter((user) => user.status === 'active' && user.roles.includes('inspector'))),
      );
    projects.list().then(setRegistered);
  }, [users, projects]);
  return { inspectors, projects: registered };
}
