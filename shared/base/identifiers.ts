/**
 * Identifier rules: the unified social credit code (GB 32100-2015) and the resident identity number
 * (GB 11643-1999). Each check returns the first broken rule as an issue code with parameters.
 */

const usccCharset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const usccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const orgCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];
const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idCheckChars = '10X98765432';

export interface IdentifierProblem {
  code: string;
  params?: Record<string, string | number>;
}

/** Trims, folds full-width ASCII to half-width and upper-cases, as clerks paste codes from many sources. */
export function normalizeCode(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .toUpperCase();
}

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += usccCharset.indexOf(first17[i]!) * usccWeights[i]!;
  return usccCharset[(31 - (sum % 31)) % 31]!;
}

export function organizationCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(first8[i]!, 36) * orgCodeWeights[i]!;
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** Checks a normalized USCC; returns null when valid. */
export function checkUscc(code: string): IdentifierProblem | null {
  if (code.length !== 18) return { code: 'uscc.length', params: { length: code.length } };
  for (let i = 0; i < 18; i++) {
    if (!usccCharset.includes(code[i]!)) {
      return { code: 'uscc.character', params: { position: i + 1, char: code[i]! } };
    }
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) return { code: 'uscc.division' };
  const expected = usccCheckChar(code.slice(0, 17));
  if (code[17] !== expected) return { code: 'uscc.checkChar', params: { expected } };
  return null;
}

/** The stricter nested check of the organization code held in positions 9–17. */
export function checkUsccOrganizationCode(code: string): IdentifierProblem | null {
  const body = code.slice(8, 16);
  if (!/^[0-9A-Z]{8}$/.test(body)) return { code: 'uscc.orgCode' };
  const expected = organizationCodeCheckChar(body);
  return code[16] === expected ? null : { code: 'uscc.orgCodeCheck', params: { expected } };
}

export function isValidUscc(raw: string): boolean {
  return checkUscc(normalizeCode(raw)) === null;
}

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * idWeights[i]!;
  return idCheckChars[sum % 11]!;
}

/** Checks a normalized resident ID number; `today` (YYYY-MM-DD) bounds the birth date. Null when valid. */
export function checkResidentId(id: string, today: string): IdentifierProblem | null {
  if (id.length !== 18) return { code: 'residentId.length', params: { length: id.length } };
  if (!/^\d{17}[\dX]$/.test(id)) return { code: 'residentId.format' };
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isRealDate(birth) || birth < '1900-01-01')
    return { code: 'residentId.birthDate', params: { date: birth } };
  if (birth > today) return { code: 'residentId.birthFuture', params: { date: birth } };
  const expected = idCheckChar(id.slice(0, 17));
  if (id[17] !== expected) return { code: 'residentId.checkChar', params: { expected } };
  return null;
}

/** Ages outside this range are possible but rarely right for a practitioner: a warning, not an error. */
export const plausiblePractitionerAge = { min: 16, max: 100 } as const;

/**
 * A warning when a valid resident ID number gives an implausible age on `today` (YYYY-MM-DD): under 16
 * or over 100 full years. Null when the age is plausible or the number is not valid.
 */
export function implausibleAge(id: string, today: string): IdentifierProblem | null {
  if (checkResidentId(id, today)) return null;
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  const age = today.slice(5) < birth.slice(5) ? years - 1 : years;
  if (age < plausiblePractitionerAge.min)
    return { code: 'residentId.tooYoung', params: { age, min: plausiblePractitionerAge.min } };
  if (age > plausiblePractitionerAge.max)
    return { code: 'residentId.tooOld', params: { age, max: plausiblePractitionerAge.max } };
  return null;
}

export function isValidResidentId(raw: string, today: string): boolean {
  return checkResidentId(normalizeCode(raw), today) === null;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Shows the division code and the last four characters only: 110105********002X. */
export function maskResidentId(id: string): string {
  if (id.length < 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

/** Keeps the first three and last four digits of a phone number: 138****5678. */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** The city a county belongs to: its division code with the last two digits zero. */
export function cityOf(county: string): string {
  return `${county.slice(0, 4)}00`;
}
