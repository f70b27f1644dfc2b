import type { ReactNode } from 'react';
import { useState } from 'react';
import type { Validated, ValidationIssue } from '../../../shared/base/validation.ts';

/**
 * What a form's save callback returns: no issues once `onSaved` has run with what was saved, or the
 * issues the save was refused with.
 */
export function afterSave<T>(result: Validated<T>, onSaved: (saved: T) => void): ValidationIssue[] {
  if (!result.ok) return result.issues;
  onSaved(result.value);
  return [];
}

/**
 * Runs a form's save: `saving` while it runs; a refusal's issues kept in `refused` and shown under the
 * inputs through `errorsOf`.
 */
export function useFormSave<Values>(
  form: { setErrors: (errors: Record<string, ReactNode>) => void },
  save: (values: Values) => Promise<ValidationIssue[]>,
  errorsOf: (issues: ValidationIssue[]) => Record<string, ReactNode>,
) {
  const [saving, setSaving] = useState(false);
  const [refused, setRefused] = useState<ValidationIssue[]>([]);
  const run = async (values: Values) => {
    setSaving(true);
    try {
      const issues = await save(values);
      setRefused(issues);
      if (issues.length > 0) form.setErrors(errorsOf(issues));
    } finally {
      setSaving(false);
    }
  };
  return { saving, refused, setRefused, save: run };
}

/** A button's busy state: `run` marks it busy while the work runs, and not busy after, even on a throw. */
export function useBusy(): [busy: boolean, run: (work: () => Promise<void>) => Promise<void>] {
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };
  return [busy, run];
}
