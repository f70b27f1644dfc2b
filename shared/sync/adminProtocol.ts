/**
 * The operator API of the city platform: county administrators (and city operators) issue enrollment
 * codes and manage devices. Requests authenticate with HTTP Basic (operator username and password) and
 * carry `X-CreditDesk-Protocol: 1`. A county operator acts on their own county only.
 */
import { z } from 'zod';

export const adminPaths = {
  enrollmentCodes: '/admin/v1/enrollment-codes',
  devices: '/admin/v1/devices',
  revokeDevice: (deviceId: string) => `/admin/v1/devices/${encodeURIComponent(deviceId)}/revoke`,
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
