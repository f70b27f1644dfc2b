import { useSearchParams } from 'react-router';

/**
 * A list's filters kept in the address's query, so the list reopens as it was left: the current query,
 * and a setter for one filter ('' or null clears it).
 */
export function useQueryFilter(): [URLSearchParams, (name: string, value: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const filter = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  return [params, filter];
}
