/**
 * Verification codes printed on credit reports (核验码) and the report number. Unambiguous characters
 * only (no 0/O, 1/I/L), so a code survives being read aloud or typed from paper.
 */
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const codePattern = /^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/;

/** A fresh code such as `K7QF-3MZP-W9RX` (about 59 random bits). */
export function newVerificationCode(random: (length: number) => Uint8Array): string {
  const bytes = random(12);
  // 256 is not a multiple of 31: the slight bias towards the first characters costs under 0.1 bit.
  const characters = [...bytes].map((byte) => alphabet[byte % alphabet.length]).join('');
  return `${characters.slice(0, 4)}-${characters.slice(4, 8)}-${characters.slice(8)}`;
}

/** The code as typed (spaces, lower case, full-width, with or without dashes), or null if it is none. */
export function normalizeVerificationCode(raw: string): string | null {
  const compact = raw
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000-]/g, '')
    .toUpperCase();
  if (compact.length !== 12) return null;
  const code = `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8)}`;
  return codePattern.test(code) ? code : null;
}

/** 信报 + county + issue date + the code's first group: unique enough to quote, the code stays the key. */
export function reportNumber(county: string, chinaDate: string, code: string): string {
  return `XYBG-${county}-${chinaDate.replaceAll('-', '')}-${code.slice(0, 4)}`;
}

/** The platform's verification page for a code, as the QR code points at it. */
export function verifyUrl(platformUrl: string, code: string): string {
  return `${platformUrl.replace(/\/+$/, '')}/verify?code=${encodeURIComponent(code)}`;
}
