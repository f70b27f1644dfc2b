import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import type { Observable } from 'rxjs';
import type { Validated, ValidationIssue } from '../../../shared/base/validation.ts';
import type { StepValues } from './StepDialog.tsx';

/**
 * Colours of workflow steps by what they do, alike on every page: approving green, ending red, sending
 * back orange, correcting grape, repairing violet, setting aside grey; any other step goes forward (blue).
 */
const stepPalette: Readonly<Record<string, string>> = {
  approve: 'teal',
  recordNational: 'teal',
  repair: 'violet',
  revoke: 'red',
  refuse: 'red',
  republish: 'red',
  return: 'orange',
  correct: 'orange',
  amend: 'grape',
  withdraw: 'gray',
  notAccept: 'gray',
  uphold: 'gray',
};

export function stepColor(step: string): string {
  return stepPalette[step] ?? 'blue';
}

/**
 * The document a page shows, from its repository and kept current: undefined while it loads, null when
 * there is none (or no id yet).
 */
export function useWatched<T>(
  repository: { watch(id: string): Observable<T | null> },
  id: string | undefined,
): T | null | undefined {
  const [doc, setDoc] = useState<T | null | undefined>(undefined);
  useEffect(() => {
    if (!id) {
      setDoc(null);
      return;
    }
    const subscription = repository.watch(id).subscribe(setDoc);
    return () => subscription.unsubscribe();
  }, [repository, id]);
  return doc;
}

/**
 * The step a page's StepDialog asks to confirm: `open` it from a button, hand `confirm` to the dialog.
 * Taking it either returns the refusal's issues for the dialog to show, or closes the dialog and says
 * what was done.
 */
export function useStepDialog<S extends string>(
  take: (step: S, values: StepValues) => Promise<Validated<unknown>>,
  doneMessage: (step: S) => string,
) {
  const [pending, setPending] = useState<S | null>(null);
  const confirm = async (values: StepValues): Promise<ValidationIssue[]> => {
    if (!pending) return [];
    const result = await take(pending, values);
    if (!result.ok) return result.issues;
    setPending(null);
    notifications.show({ color: 'teal', message: doneMessage(pending) });
    return [];
  };
  return { pending, open: setPending, cancel: () => setPending(null), confirm };
}
