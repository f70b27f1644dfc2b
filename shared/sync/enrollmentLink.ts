/**
 * The enrolment link a tablet opens from the platform's page (a QR code): the field shell's address with
 * the platform's address, the county and a one-time enrolment code in its query, so the shell's "join
 * the county" form comes filled in. The code is the platform's ordinary device enrolment code
 * (server/accounts/devices.ts); the link only carries it.
 */
export interface EnrollmentLinkParts {
  platform: string;
  county: string;
  code: string;
}

const keys = { platform: 'enrollPlatform', county: 'enrollCounty', code: 'enrollCode' } as const;

/** The shell's address with the enrolment in its query (any query or hash of the shell's kept). */
export function enrollmentLink(shellUrl: string, parts: EnrollmentLinkParts): string {
  const url = new URL(shellUrl);
  for (const [part, key] of Object.entries(keys)) {
    url.searchParams.set(key, parts[part as keyof EnrollmentLinkParts]);
  }
  return url.toString();
}

/** The enrolment a page's query (`location.search`) carries, or null when it carries none or only part. */
export function enrollmentFromQuery(search: string): EnrollmentLinkParts | null {
  const params = new URLSearchParams(search);
  const platform = params.get(keys.platform)?.trim() ?? '';
  const county = params.get(keys.county)?.trim() ?? '';
  const code = params.get(keys.code)?.trim() ?? '';
  if (!/^https?:\/\//.test(platform) || !/^\d{6}$/.test(county) || code === '') return null;
  return { platform, county, code };
}

/** The query without the enrolment (the code is not left in the address bar once used). */
export function withoutEnrollment(search: string): string {
  const params = new URLSearchParams(search);
  for (const key of Object.values(keys)) params.delete(key);
  const rest = params.toString();
  return rest === '' ? '' : `?${rest}`;
}
