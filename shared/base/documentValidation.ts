import type { ValidationIssue } from './validation.ts';

/**
 * What a document validator knows besides the document. Capabilities whose rules read reference data add
 * their fields to this interface where they declare them (shared/sync/documentValidators.ts adds the
 * catalog and the list rules), so the kit can name a validator without depending on any capability.
 */
export interface DocumentValidationContext {
  /** Today's date (YYYY-MM-DD) where the validator runs; bounds dates such as births in ID numbers. */
  today: string;
}

/** Every broken rule of one document (without `_deleted` handling: the caller strips it). */
export type DocumentValidator = (doc: unknown, context: DocumentValidationContext) => ValidationIssue[];
