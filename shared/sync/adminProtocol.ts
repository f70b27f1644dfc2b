/**
 * The operator API of the city platform: county administrators (and city operators) issue enrollment
 * codes, manage devices and read the problems found in the county's audit trail. Requests authenticate with HTTP Basic (operator username and password) and
 * carry `X-CreditDesk-Protocol: 1`. A county operator acts on their own county only.
 */
import { z } from 'zod';

export const adminPaths = {
  enrollmentCodes: '/admin/v1/enrollment-codes',
  devices: '/admin/v1/devices',
  revokeDevice: (deviceId: string) => `/admin/v1/devices/${encodeURIComponent(deviceId)}/revoke`,
  auditProblems: '/admin/v1/audit-problems',
} as const;

const countyCode = z.string().regex(/^\d{6}$/);

export const enrollmentCodeRequestSchema = z.object({
  /** Required for city operators; a county operator's own county otherwise. */
  county: countyCode.optional(),
  validHours: z.number().int().min(1).max(720).default(24),
});
export type EnrollmentCodeRequest = z.input<typeof enrollmentCodeRequestSchema>;

export const enrollmentCodeResponseSchema = z.object({
  /** Shown once: the platform stores only its hash. */
  code: z.string(),
  county: countyCode,
  expiresAt: z.string(),
});
export type EnrollmentCodeResponse = z.infer<typeof enrollmentCodeResponseSchema>;

export const deviceInfoSchema = z.object({
  id: z.string(),
  county: countyCode,
  name: z.string(),
  enrolledAt: z.string(),
  lastSeenAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type DeviceInfo = z.infer<typeof deviceInfoSchema>;

export const deviceListQuerySchema = z.object({ county: countyCode.optional() });

export const deviceListResponseSchema = z.object({ devices: z.array(deviceInfoSchema) });
export type DeviceListResponse = z.infer<typeof deviceListResponseSchema>;

export const auditProblemListQuerySchema = z.object({
  county: countyCode.optional(),
  limit: z.coerce.number().int().min(1).max(1_000).default(200),
});
export type AuditProblemListQuery = z.input<typeof auditProblemListQuerySchema>;

/**
 * A problem the platform found verifying an audit chain on arrival (`code` is an `auditChain.*` code,
 * also the i18n key; `params` fill its message). The entries concerned are stored all the same.
 */
export const auditProblemSchema = z.object({
  id: z.number().int(),
  county: countyCode,
  /** The chain: the `deviceId` the entries carry (an app profile's id). */
  chainDeviceId: z.string(),
  seq: z.number().int(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The stored entry at `seq`, null for entries that never arrived. */
  entryId: z.string().nullable(),
  /** The enrolled device whose push revealed the problem. */
  pushedBy: z.string(),
  detectedAt: z.string(),
});
export type AuditProblem = z.infer<typeof auditProblemSchema>;

/** Newest first. */
export const auditProblemListResponseSchema = z.object({ problems: z.array(auditProblemSchema) });
export type AuditProblemListResponse = z.infer<typeof auditProblemListResponseSchema>;
