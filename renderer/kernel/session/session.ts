/** Who is acting and for which county; every write is stamped from here, never from a form field. */
export interface Session {
  userId: string;
  userName: string;
  county: string;
}

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** Local calendar date as YYYY-MM-DD. */
export function localDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
