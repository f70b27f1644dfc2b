/**
 * The collection plan: the single list every part of CreditDesk reads.
 *
 * RxDB's open-source edition refuses more than 13 collections per realm, so the whole domain fits in ten
 * synced collections, grouped by lifecycle, with a `kind` discriminator where record types share one.
 * Local-only data (edit history, conflicts, sync state, settings) lives in plain Dexie tables instead.
 */

/** Who may write a collection's documents and where they flow. */
export type CollectionScope =
  /** Owned by one county; pushed by its devices, pulled by the same county's devices. */
  | 'county'
  /** Owned by the city platform; pulled read-only by every county. */
  | 'city';

export interface CollectionPlanEntry {
  /** Current JSON-schema version; clients and platform must agree on it. */
  readonly schemaVersion: number;
  readonly scope: CollectionScope;
  /** Record types kept in this collection (values of the `kind` field, when it has one). */
  readonly kinds: readonly string[];
  /** Whether this milestone of CreditDesk already uses the collection. */
  readonly active: boolean;
}

export const collectionPlan = {
  /** Enterprises and practitioners (信用主体). */
  subjects: { schemaVersion: 2, scope: 'county', kinds: ['enterprise', 'practitioner'], active: true },
  /** Credit records of the five categories (信用记录). */
  creditRecords: { schemaVersion: 3, scope: 'county', kinds: [], active: true },
  /** 双公示 decisions: administrative licences and penalties. */
  disclosures: { schemaVersion: 2, scope: 'county', kinds: ['licence', 'penalty'], active: true },
  /** Credit commitment letters and their fulfilment (信用承诺). */
  commitments: { schemaVersion: 1, scope: 'county', kinds: [], active: true },
  /** On-site inspections, rectification and re-inspection; 双随机 plans; the projects register; declared conflicts; county settings. */
  inspections: {
    schemaVersion: 5,
    scope: 'county',
    kinds: ['inspection', 'plan', 'project', 'conflict', 'setting'],
    active: true,
  },
  /** Credit repair applications and objections. */
  cases: { schemaVersion: 2, scope: 'county', kinds: ['repair', 'objection'], active: true },
  /** Grades and red/black list entries. */
  listings: {
    schemaVersion: 1,
    scope: 'county',
    kinds: ['grade', 'redList', 'blackList', 'provincial'],
    active: true,
  },
  /** City-wide reference data: the credit information catalog, templates, rule sets, holiday calendars. */
  reference: {
    schemaVersion: 4,
    scope: 'city',
    kinds: ['catalogItem', 'template', 'ruleSet', 'holidayCalendar', 'cityBlackList'],
    active: true,
  },
  /** County users with their password verifiers and roles. */
  users: { schemaVersion: 0, scope: 'county', kinds: [], active: true },
  /** Hash-chained audit entries, one chain per device. */
  auditLog: { schemaVersion: 1, scope: 'county', kinds: [], active: true },
} as const satisfies Record<string, CollectionPlanEntry>;

export type CollectionName = keyof typeof collectionPlan;

export const collectionNames = Object.keys(collectionPlan) as CollectionName[];

export function isCollectionName(name: string): name is CollectionName {
  return Object.hasOwn(collectionPlan, name);
}
