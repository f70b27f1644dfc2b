import type { TFunction } from 'i18next';
import { maskResidentId } from '../../../shared/domain/identifiers.ts';
import type { SubjectDocument, SubjectKind } from '../../../shared/model/subject.ts';
import type { ValidationIssue } from '../../../shared/model/validation.ts';

export function issueMessage(t: TFunction, issue: ValidationIssue): string {
  return t(`validation.${issue.code}`, issue.params ?? {});
}

/** Practitioners' ID numbers are shown masked outside the edit form. */
export function displayCode(subject: Pick<SubjectDocument, 'kind' | 'code'>): string {
  return subject.kind === 'practitioner' ? maskResidentId(subject.code) : subject.code;
}

export function fieldLabel(t: TFunction, field: string, kind: SubjectKind): string {
  const byKind: Record<string, string> = {
    name: kind === 'enterprise' ? 'nameEnterprise' : 'namePractitioner',
    code: kind === 'enterprise' ? 'codeEnterprise' : 'codePractitioner',
    qualification: kind === 'enterprise' ? 'qualification' : 'qualificationPractitioner',
  };
  return t(`subject.field.${byKind[field] ?? field}`);
}

export function formatInstant(iso: string, language: string): string {
  return new Date(iso).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });
}
