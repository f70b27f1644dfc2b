/**
 * A capability descriptor: everything the device and the platform need to know about one synced
 * collection, declared once. Consumers (database creation, sync registration, platform validation,
 * blob-reference extraction, backups, encryption) read the registry (shared/capabilities.ts) instead of
 * their own lists; a test walks the registry and fails when a consumer lacks what a capability declares.
 */
import { type CollectionName, type CollectionPlanEntry, collectionPlan } from '../base/collections.ts';
import type { PersonalField } from '../base/security/masking.ts';
import type { DocumentValidationContext, DocumentValidator } from '../base/documentValidation.ts';
import { isDocumentPath, valuesAt } from './paths.ts';
import type { WorkflowTable } from './workflow.ts';

/** The JSON schema of a collection (RxDB format, plain data). */
export interface CollectionSchema {
  readonly title: string;
  readonly version: number;
  readonly primaryKey: string;
  readonly properties: Readonly<Record<string, unknown>>;
  readonly required?: readonly string[];
  readonly indexes?: readonly (string | readonly string[])[];
}

/** Turns a document of the previous schema version into one of the version it is keyed by. */
// biome-ignore lint/suspicious/noExplicitAny: migrations take documents of an older shape
export type Migration = (doc: any) => unknown;

export interface CapabilityDescriptor {
  collection: CollectionName;
  /** i18n namespace of the capability's labels and messages. */
  i18n: string;
  schema: CollectionSchema;
  /** One migration per schema version after 0, keyed by the version it migrates to. */
  migrations: Readonly<Record<number, Migration>>;
  /** The platform's rules for a document (the device checks pulled and own documents with them too). */
  validate: DocumentValidator;
  /** Fields holding personal data of natural persons: encrypted at rest, masked on screen. */
  personalFields: readonly PersonalField[];
  /** Where attachments sit, as document paths (shared/kit/paths.ts): `attachments[]`, `findings[].photos[]`. */
  attachments: readonly string[];
  /** Fields a search box looks in. */
  searchable: readonly string[];
  /** A field two live documents of a county may not share. */
  uniqueField?: string;
  /**
   * Collections the platform judges this capability's pushed documents against, as it holds them (besides
   * the authors among the county's users, whom it judges every document by): a device uploads its pending
   * changes of these first (shared/sync/pushOrder.ts). Each is registered earlier in the sync order.
   */
  judgedAgainst?: readonly CollectionName[];
  // biome-ignore lint/suspicious/noExplicitAny: tables of any states and steps
  workflows: readonly WorkflowTable<any, any>[];
  /**
   * Fields derived from the content: pure and idempotent. The device's writer sets them on every document
   * it stamps (conflict resolutions among them; a repository that stamps its own sets them itself), and the
   * platform fills them once into the documents it held before they existed (server/sync/documentUpgrades.ts).
   */
  derive?: (doc: Record<string, unknown>) => Record<string, unknown>;
  /** What the validator reads from reference data; absent when it reads only the document and today. */
  validationContext?: ValidationContextProvider;
}

/**
 * What a capability's validator reads besides the document, taken from the city's reference documents:
 * the kinds it reads and a pure function of them. The device holds the result in memory (renewed when
 * reference data changes); the platform and backups derive it from the documents they hold.
 */
export interface ValidationContextProvider {
  referenceKinds: readonly string[];
  /** The context fields from every live reference document of those kinds. */
  derive: (reference: readonly Record<string, unknown>[]) => Partial<DocumentValidationContext>;
  /**
   * Reference documents every device writes at its first start (the default catalog), held until the
   * city's document of the same id replaces or deletes them: the platform counts them as held too.
   */
  seeded?: () => Promise<readonly Record<string, unknown>[]>;
}

/** A descriptor with what the collection plan says of its collection (scope, kinds). */
export type Capability = CapabilityDescriptor & { plan: CollectionPlanEntry };

const sha256Pattern = /^[0-9a-f]{64}$/;

/** The capabilities of this build, each registered once. */
export class CapabilityRegistry {
  readonly #byCollection = new Map<CollectionName, Capability>();

  constructor(descriptors: readonly CapabilityDescriptor[]) {
    for (const descriptor of descriptors) {
      if (this.#byCollection.has(descriptor.collection)) {
        throw new Error(`The capability of ${descriptor.collection} is registered twice`);
      }
      const bad = descriptor.attachments.find((path) => !isDocumentPath(path));
      if (bad !== undefined) throw new Error(`${descriptor.collection}: attachment path ${bad} is malformed`);
      this.#byCollection.set(descriptor.collection, {
        ...descriptor,
        plan: collectionPlan[descriptor.collection],
      });
    }
  }

  /** Every capability, in registration order. */
  get all(): readonly Capability[] {
    return [...this.#byCollection.values()];
  }

  get collections(): CollectionName[] {
    return [...this.#byCollection.keys()];
  }

  has(collection: string): collection is CollectionName {
    return this.#byCollection.has(collection as CollectionName);
  }

  get(collection: CollectionName): Capability {
    const capability = this.#byCollection.get(collection);
    if (!capability) throw new Error(`No capability registers ${collection}`);
    return capability;
  }

  /** The validator of each registered collection. */
  validators(): Partial<Record<CollectionName, DocumentValidator>> {
    return Object.fromEntries(this.all.map((capability) => [capability.collection, capability.validate]));
  }

  /** The reference kinds any validator reads (see `ValidationContextProvider`). */
  referenceKinds(): string[] {
    return [...new Set(this.all.flatMap((capability) => capability.validationContext?.referenceKinds ?? []))];
  }

  /** What the validators of these collections read, derived from the live reference documents given. */
  validationContext(
    collections: Iterable<CollectionName>,
    reference: readonly Record<string, unknown>[],
  ): Partial<DocumentValidationContext> {
    const context: Partial<DocumentValidationContext> = {};
    for (const collection of new Set(collections)) {
      const provider = this.get(collection).validationContext;
      if (!provider) continue;
      const read = reference.filter((doc) => provider.referenceKinds.includes(doc.kind as string));
      Object.assign(context, provider.derive(read));
    }
    return context;
  }

  /** The unique field of each registered collection that has one. */
  uniqueFields(): Partial<Record<CollectionName, string>> {
    return Object.fromEntries(
      this.all.flatMap((capability) =>
        capability.uniqueField ? [[capability.collection, capability.uniqueField]] : [],
      ),
    );
  }

  /** The attachment blobs a document refers to, each with the path of its attachment, in document order. */
  blobReferences(collection: string, doc: unknown): { path: string; sha256: string }[] {
    if (!this.has(collection)) return [];
    return this.get(collection).attachments.flatMap((path) =>
      valuesAt(doc, path).flatMap((found) => {
        const sha256 = (found.value as { sha256?: unknown } | null)?.sha256;
        return typeof sha256 === 'string' && sha256Pattern.test(sha256) ? [{ path: found.path, sha256 }] : [];
      }),
    );
  }
}
