/**
 * When a draft inspection's form is kept and when it is written. Every few seconds what the form holds
 * is kept sealed on this computer (`keep`: crash-safe, no journal entry, whatever rules it still breaks);
 * the document itself is written through the writer only at moments that matter (`save`): leaving the
 * page, the explicit Save, before a step, and every few minutes while someone keeps typing. One
 * inspection then makes a handful of journal entries (pending uploads), not one per pause in typing.
 */
import type { ValidationIssue } from '../../shared/base/validation.ts';
import type { InspectionFields, InspectionRepository } from './repository.ts';

/** How often the form is kept on this computer while it changes. */
export const keepEveryMs = 3_000;
/** How often, at most, the document is written while someone keeps typing. */
export const saveEveryMs = 5 * 60_000;

export type SaveOutcome = { saved: true } | { saved: false; issues: ValidationIssue[] } | null;

export class DraftAutosave {
  readonly #inspections: Pick<InspectionRepository, 'keepFormState' | 'saveDraft' | 'dropFormState'>;
  readonly #id: string;
  #latest: InspectionFields | null = null;
  #kept: InspectionFields | null = null;
  #written: InspectionFields | null = null;
  /** One keep or save at a time: a later call waits for the one running. */
  #running: Promise<unknown> = Promise.resolve();

  constructor(
    inspections: Pick<InspectionRepository, 'keepFormState' | 'saveDraft' | 'dropFormState'>,
    id: string,
  ) {
    this.#inspections = inspections;
    this.#id = id;
  }

  /**
   * The form as opened: `restored` is a form state kept earlier and not yet written (then it is the
   * latest, still to write), else the document's own fields.
   */
  open(fields: InspectionFields, restored: boolean): void {
    this.#latest = fields;
    this.#kept = fields;
    this.#written = restored ? null : fields;
  }

  change(fields: InspectionFields): void {
    this.#latest = fields;
  }

  /** Keeps what the form holds on this computer when it changed since the last keep; true when it did. */
  keep(): Promise<boolean> {
    return this.#serial(async () => {
      const current = this.#latest;
      if (!current || current === this.#kept) return false;
      await this.#inspections.keepFormState(this.#id, current);
      this.#kept = current;
      return true;
    });
  }

  /**
   * Writes the draft when the form changed since the last write; null when nothing was to write. A
   * refused draft stays kept on this computer, so nothing typed is lost.
   */
  save(): Promise<SaveOutcome> {
    return this.#serial(async (): Promise<SaveOutcome> => {
      const current = this.#latest;
      if (!current || current === this.#written) return null;
      if (current !== this.#kept) {
        await this.#inspections.keepFormState(this.#id, current);
        this.#kept = current;
      }
      const saved = await this.#inspections.saveDraft(this.#id, current);
      this.#written = current;
      if (!saved.ok) return { saved: false, issues: saved.issues };
      if (this.#latest === current) await this.#inspections.dropFormState(this.#id);
      return { saved: true };
    });
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#running.then(work, work);
    this.#running = next.catch(() => undefined);
    return next;
  }
}
