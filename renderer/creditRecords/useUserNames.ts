import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services.ts';
import { systemUser } from '../reference/repository.ts';

/** Display names of the county's users by id, kept current; unknown ids show as themselves. */
export function useUserNames(): (userId: string) => string {
  const { t } = useTranslation();
  const { users } = useServices();
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    const subscription = users
      .watchAll()
      .subscribe((all) => setNames(new Map(all.map((user) => [user.id, user.displayName]))));
    return () => subscription.unsubscribe();
  }, [users]);
  return (userId) => (userId === systemUser ? t('creditUi.systemUser') : (names.get(userId) ?? userId));
}
