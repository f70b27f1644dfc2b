/**
 * Report registration and verification on the city platform: a device registers each report it issues
 * (code, SHA-256 of the PDF); the platform signs it with the city's Ed25519 key. Anyone verifies a code
 * or a PDF on the platform's /verify page and learns only: genuine or not, issuing office, issue time.
 */
import { z } from 'zod';

export const reportPaths = {
  register: '/reports/v1/register',
  verifyPage: '/verify',
  verifyCode: (code: string) => `/verify/v1/codes/${encodeURIComponent(code)}`,
  verifyFile: '/verify/v1/file',
  publicKey: '/verify/v1/key',
} as const;

export const reportLimits = { officeName: 100, reportNumber: 64, fileBytes: 32 * 1024 * 1024 } as const;

export const reportRegistrationSchema = z.strictObject({
  code: z.string().regex(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  subjectId: z.string().min(1).max(64),
  reportNumber: z.string().min(1).max(reportLimits.reportNumber),
  officeName: z.string().min(1).max(reportLimits.officeName),
  issuedAt: z.iso.datetime(),
});
export type ReportRegistration = z.infer<typeof reportRegistrationSchema>;

export interface ReportRegistrationResponse {
  code: string;
  registeredAt: string;
  /** Ed25519 signature (base64url) over `signedReportText` of the registration. */
  signature: string;
}

/** What the city's key signs: the registration as the platform holds it, canonical and stable. */
export function signedReportText(entry: {
  code: string;
  contentHash: string;
  county: string;
  officeName: string;
  issuedAt: string;
}): string {
  return JSON.stringify([entry.code, entry.contentHash, entry.county, entry.officeName, entry.issuedAt]);
}

/** The answer of /verify: nothing about the report beyond whether it is genuine and who issued it when. */
export type VerificationAnswer =
  | { genuine: true; officeName: string; countyName: string; issuedAt: string; code: string }
  | { genuine: false; reason: 'unknownCode' | 'notRegistered' | 'invalidCode' | 'notPdf' };
