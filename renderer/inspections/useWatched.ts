import { useEffect, useState } from 'react';
import type { Observable } from 'rxjs';

/** The latest value of a repository's watch, kept current; null until the first arrives. */
export function useWatched<T>(watch: () => Observable<T>, source: object): T | null {
  const [value, setValue] = useState<T | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new watch only when the repository changes
  useEffect(() => {
    const subscription = watch().subscribe(setValue);
    return () => subscription.unsubscribe();
  }, [source]);
  return value;
}
