import { useEffect, useState } from 'react';

/** The document a repository holds under `id`: undefined while it loads, null when there is none. */
export function useDocument<T>(
  repository: { get(id: string): Promise<T | null> },
  id: string,
): T | null | undefined {
  const [doc, setDoc] = useState<T | null | undefined>(undefined);
  useEffect(() => {
    repository.get(id).then(setDoc);
  }, [repository, id]);
  return doc;
}
