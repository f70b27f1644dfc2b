import type { Validated } from '../base/validation.ts';

/** The value of a demo write; a refusal stops the demo seeding with what was refused. */
export function written<T>(result: Validated<T>, what: string): T {
  if (!result.ok) throw new Error(`Demo ${what} refused: ${JSON.stringify(result.issues)}`);
  return result.value;
}
