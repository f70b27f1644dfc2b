import { Alert, List } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ValidationIssue } from '../../../shared/base/validation.ts';

/** The message of a broken rule, in the user's language. */
export function issueText(t: TFunction, issue: Pick<ValidationIssue, 'code' | 'params'>): string {
  return t(`validation.${issue.code}`, { ...(issue.params ?? {}), defaultValue: issue.code });
}

/** "Field: rule" — the message naming the field it belongs to, when the field has a label. */
export function namedIssueText(t: TFunction, issue: ValidationIssue, label: string | null): string {
  const message = issueText(t, issue);
  return label ? t('creditUi.issue.named', { field: label, message }) : message;
}

/** The first message per form field, for inputs to show under themselves. */
export function errorsByField(
  t: TFunction,
  issues: readonly ValidationIssue[],
  fieldOf: (issueField: string) => string = (field) => field,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const found of issues) {
    const field = fieldOf(found.field);
    errors[field] ??= issueText(t, found);
  }
  return errors;
}

/**
 * Every broken rule, each naming its field: shown above a form after a refused save. `refusedAction`
 * names what was refused when it was not a save (an export, a workflow step).
 */
export function IssueSummary({
  issues,
  labelOf,
  refusedAction,
}: {
  issues: readonly ValidationIssue[];
  labelOf: (field: string) => string | null;
  refusedAction?: string;
}) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  const title = refusedAction
    ? t('creditUi.issue.actionRefused', { count: issues.length, action: refusedAction })
    : t('creditUi.issue.title', { count: issues.length });
  return (
    <Alert color="red" title={title} role="alert">
      <List size="sm">
        {issues.map((found) => (
          <List.Item key={`${found.field}-${found.code}-${JSON.stringify(found.params ?? {})}`}>
            {namedIssueText(t, found, labelOf(found.field))}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/** The label of a credit record field named in an issue ('attachments.0.name' → attachments). */
export function creditFieldLabel(t: TFunction, field: string): string | null {
  const key = `credit.field.${field.split('.')[0]}`;
  return t(key, { defaultValue: '' }) || null;
}
