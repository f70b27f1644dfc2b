import type { RxChangeEvent, RxCollection } from 'rxdb';
import { capabilities } from '../../../shared/capabilities.ts';
import type { CollectionName } from '../../../shared/base/collections.ts';
import type { DocumentValidationContext } from '../../../shared/base/documentValidation.ts';
import type { JournalDocument, WriteStep } from './writerJournal.ts';

type Reference = Record<string, unknown>;

/**
 * The reference documents the capabilities' validators read (their descriptors' `validationContext`
 * kinds), held in memory for the writer. A change of the reference collection (a write here, a sync
 * pull, another window) makes them stale; they are read again, once, at the next write that needs them.
 * An event for a document already held at the same revision changes nothing and is passed over.
 */
export class ValidationContexts {
  readonly #collections: { readonly reference?: RxCollection };
  #watched: RxCollection | null = null;
  #held: Promise<Map<string, Reference>> | null = null;
  /** The revision of each document held, once the read finished (null while reading or dropped). */
  #revisions: Map<string, string> | null = null;

  /** The database's open collections (a window may not open the reference collection). */
  constructor(collections: { readonly reference?: RxCollection }) {
    this.#collections = collections;
  }

  /**
   * The fields the validators of the steps' collections read, from the reference documents held here
   * and any written in the same steps (a restore brings its catalog with its records).
   */
  async of(steps: readonly WriteStep[]): Promise<Partial<DocumentValidationContext>> {
    const written = steps.flatMap((step) =>
      step.collection === 'reference' && 'docs' in step ? (step.docs as readonly JournalDocument[]) : [],
    );
    return this.forCollections(
      steps.map((step) => step.collection as CollectionName),
      written,
    );
  }

  /** What the validators of these collections read, from the documents held here and `written` ones. */
  async forCollections(
    collections: readonly CollectionName[],
    written: readonly JournalDocument[] = [],
  ): Promise<Partial<DocumentValidationContext>> {
    if (!collections.some((collection) => capabilities.get(collection).validationContext)) return {};
    const reference = new Map(await this.#documents());
    for (const doc of written) reference.set(doc.id, doc);
    return capabilities.validationContext([...collections], [...reference.values()]);
  }

  #documents(): Promise<Map<string, Reference>> {
    const reference = this.#collections.reference;
    if (!reference) return Promise.resolve(new Map());
    if (this.#watched !== reference) {
      this.#watched = reference;
      this.#drop();
      reference.$.subscribe((event: RxChangeEvent<Reference>) => {
        // An event for a document held at the revision it brings (the catalog seed's own late events,
        // which can arrive after the first read) changes nothing held.
        if (this.#revisions?.get(event.documentId) !== event.documentData._rev) this.#drop();
      });
    }
    if (!this.#held) {
      const revisions = new Map<string, string>();
      const reading = reference
        .find({ selector: { kind: { $in: capabilities.referenceKinds() } } })
        .exec()
        .then((docs) => {
          for (const doc of docs) revisions.set(doc.primary, doc.revision);
          if (this.#held === reading) this.#revisions = revisions;
          return new Map(docs.map((doc) => [doc.primary, doc.toJSON() as Reference]));
        });
      // A failed read is tried again at the next write.
      reading.catch(() => {
        if (this.#held === reading) this.#held = null;
      });
      this.#held = reading;
    }
    return this.#held;
  }

  /** Forgets what is held: read again at the next write that needs it. */
  #drop(): void {
    this.#held = null;
    this.#revisions = null;
  }
}
