import type { TFunction } from 'i18next';
import type { SubjectDocument, SubjectKind } from '../../shared/subjects/model.ts';
import type { ValidationIssue } from '../../shared/base/validation.ts';
import { maskPersonalValue, personalFieldsOf } from '../../shared/base/security/masking.ts';

export function issueMessage(t: TFunction, issue: ValidationIssue): string {
  return t(`validation.${issue.code}`, issue.params ?? {});
}

/**
 * A field's value as pages show it: personal values (a practitioner's ID number, phone numbers) masked
 * unless revealed for this record (an audited action).
 */
export function shownValue(
  subject: Pick<SubjectDocument, 'kind'>,
  field: string,
  value: string,
  revealed = false,
): string {
  if (revealed || value === '') return value;
  const personal = personalFieldsOf('subjects', { kind: subject.kind }).find(
    (entry) => entry.field === field,
  );
  return personal ? maskPersonalValue(personal.kind, value) : value;
}

/** The subject's code as lists show it: practitioners' ID numbers masked. */
export function displayCode(subject: Pick<SubjectDocument, 'kind' | 'code'>): string {
  return shownValue(subject, 'code', subject.code);
}

export function fieldLabel(t: TFunction, field: string, kind: SubjectKind): string {
  const byKind: Record<string, string> = {
    name: kind === 'enterprise' ? 'nameEnterprise' : 'namePractitioner',
    code: kind === 'enterprise' ? 'codeEnterprise' : 'codePractitioner',
    qualification: kind === 'enterprise' ? 'qualification' : 'qualificationPractitioner',
  };
  return t(`subject.field.${byKind[field] ?? field}`);
}

/** A moment as the office reads it: China time, in the language's date style, whatever the computer's zone. */
export function formatInstant(iso: string, language: string): string {
  return new Date(iso).toLocaleString(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Shanghai',
  });
}
