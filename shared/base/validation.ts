/**
 * A validation problem, machine-readable: `code` names the rule (and the i18n key `validation.<code>`),
 * `params` fill the message. The same issues reach the clerk's form and the platform's refusal reasons.
 */
export interface ValidationIssue {
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

export function issue(
  field: string,
  code: string,
  params?: Record<string, string | number>,
): ValidationIssue {
  return params ? { field, code, params } : { field, code };
}

/** The issues without repeats of one rule on one field, in their first order. */
export function uniqueIssues(issues: readonly ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((found) => {
    const key = `${found.field}\u0000${found.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Issues of a nested or derived document, named under the field that holds it. */
export function prefixIssues(issues: readonly ValidationIssue[], prefix: string): ValidationIssue[] {
  return issues.map((found) => ({ ...found, field: `${prefix}.${found.field}` }));
}
