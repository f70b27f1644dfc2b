/** Who is acting and for which county; every write is stamped from here, never from a form field. */
export interface Session {
  userId: string;
  userName: string;
  county: string;
}

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
