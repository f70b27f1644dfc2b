import { useEffect, useState } from 'react';
import { useServices } from '../app/services.ts';

/** A number that changes whenever the grade cache regrades, for screens to recompute from it. */
export function useGradeTick(): number {
  const { listings } = useServices();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const subscription = listings.grades.changes$.subscribe(setTick);
    return () => subscription.unsubscribe();
  }, [listings]);
  return tick;
}
