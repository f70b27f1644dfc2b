import type { Industry, SubjectDocument, SubjectKind, SubjectStatus } from '../../shared/subjects/model.ts';
import { bigrams } from '../kernel/db/wordIndex.ts';

/** The fields lists filter, sort and search by; kept in memory for every subject. */
export interface SubjectSummary {
  id: string;
  kind: SubjectKind;
  name: string;
  code: string;
  industry: Industry;
  status: SubjectStatus;
  updatedAt: string;
}

export const subjectSorts = ['updatedAt', 'name', 'code'] as const;
export type SubjectSort = (typeof subjectSorts)[number];

/** The index as plain data: summaries as tuples, each sorted order as positions in them. */
export interface SubjectIndexSnapshot {
  summaries: [string, SubjectKind, string, string, Industry, SubjectStatus, string][];
  orders: Record<SubjectSort, number[]>;
}

export interface SubjectQuery {
  /** Name fragment (any characters, Chinese included) or USCC / ID number prefix. */
  text?: string;
  kind?: SubjectKind;
  industry?: Industry;
  status?: SubjectStatus;
  /** Only these subjects (a filter another capability answers, e.g. a grade from the grade cache). */
  ids?: ReadonlySet<string>;
  sort?: SubjectSort;
  descending?: boolean;
  offset?: number;
  limit?: number;
}

export interface SubjectQueryResult {
  total: number;
  ids: string[];
}

const nameCollator = new Intl.Collator('zh-CN', { numeric: true });

/**
 * In-memory index of all subjects: name bigram postings for substring search, a code-sorted array for
 * prefix search, and sorted orders for paging. IndexedDB cannot answer "name contains 建设" without a
 * full scan; this answers it from postings in a few milliseconds at 100,000 subjects.
 */
export class SubjectIndex {
  private readonly slots: (SubjectSummary | undefined)[] = [];
  private readonly slotById = new Map<string, number>();
  private readonly idByCode = new Map<string, string>();
  /** Bigram → slots whose name contained it when indexed (verified again at query time). */
  private readonly postings = new Map<string, number[]>();
  /** Sorted orders, built on first use and then brought up to date by merging in what changed. */
  private readonly orders = new Map<SubjectSort, SubjectSummary[]>();
  /** Summaries the built orders still hold though replaced or removed, and those they lack. */
  private readonly stale = new Set<SubjectSummary>();
  private readonly fresh = new Set<SubjectSummary>();
  #revision = 0;

  get size(): number {
    return this.slotById.size;
  }

  /** Grows with every change to what the index holds. */
  get revision(): number {
    return this.#revision;
  }

  /** Adds many subjects at once. */
  load(documents: Iterable<SubjectSummary>): void {
    for (const doc of documents) this.put(doc);
  }

  /** Forgets every subject. */
  clear(): void {
    this.slots.length = 0;
    this.slotById.clear();
    this.idByCode.clear();
    this.postings.clear();
    this.orders.clear();
    this.stale.clear();
    this.fresh.clear();
  }

  /** Everything the index holds, every sorted order built, for `restore` to take back without sorting. */
  snapshot(): SubjectIndexSnapshot {
    const live = this.slots.filter((s): s is SubjectSummary => s !== undefined);
    const position = new Map(live.map((s, at) => [s, at]));
    const order = (sort: SubjectSort) => this.ordered(sort).map((s) => position.get(s)!);
    return {
      summaries: live.map((s) => [s.id, s.kind, s.name, s.code, s.industry, s.status, s.updatedAt]),
      orders: { updatedAt: order('updatedAt'), name: order('name'), code: order('code') },
    };
  }

  /** Fills an empty index from a snapshot, its sorted orders as they were. */
  restore(snapshot: SubjectIndexSnapshot): void {
    if (this.size > 0) throw new Error('Only an empty subject index restores a snapshot');
    this.load(summariesOf(snapshot));
    this.restoreOrders(snapshot);
  }

  /**
   * Takes the sorted orders of a snapshot whose summaries were loaded, in its order, into an index that
   * was empty (slot n then holds summary n); an order that does not fit is built again when used.
   */
  restoreOrders(snapshot: SubjectIndexSnapshot): void {
    if (this.slots.length !== snapshot.summaries.length || this.size !== this.slots.length) return;
    for (const sort of subjectSorts) {
      const positions = snapshot.orders[sort];
      if (positions.length === this.slots.length)
        this.orders.set(
          sort,
          positions.map((at) => this.slots[at]!),
        );
    }
  }

  put(doc: SubjectSummary): void {
    const summary: SubjectSummary = {
      id: doc.id,
      kind: doc.kind,
      name: doc.name,
      code: doc.code,
      industry: doc.industry,
      status: doc.status,
      updatedAt: doc.updatedAt,
    };
    let slot = this.slotById.get(doc.id);
    const previous = slot === undefined ? undefined : this.slots[slot];
    if (previous && sameSummary(previous, summary)) return;
    if (previous && previous.code !== summary.code && this.idByCode.get(previous.code) === doc.id) {
      this.idByCode.delete(previous.code);
    }
    this.idByCode.set(summary.code, summary.id);
    if (slot === undefined) {
      slot = this.slots.length;
      this.slots.push(summary);
      this.slotById.set(doc.id, slot);
    } else {
      this.slots[slot] = summary;
    }
    if (previous?.name !== summary.name) {
      for (const gram of bigrams(summary.name)) {
        const list = this.postings.get(gram);
        if (!list) this.postings.set(gram, [slot]);
        else if (list[list.length - 1] !== slot) list.push(slot);
      }
    }
    this.reorder(previous, summary);
    this.#revision++;
  }

  remove(id: string): void {
    const slot = this.slotById.get(id);
    if (slot === undefined) return;
    const previous = this.slots[slot];
    if (previous && this.idByCode.get(previous.code) === id) this.idByCode.delete(previous.code);
    this.slots[slot] = undefined;
    this.slotById.delete(id);
    this.reorder(previous, undefined);
    this.#revision++;
  }

  get(id: string): SubjectSummary | undefined {
    const slot = this.slotById.get(id);
    return slot === undefined ? undefined : this.slots[slot];
  }

  /** The subject holding this normalized code, if any. */
  findByCode(code: string): SubjectSummary | undefined {
    const id = this.idByCode.get(code);
    return id === undefined ? undefined : this.get(id);
  }

  query(query: SubjectQuery): SubjectQueryResult {
    const sort = query.sort ?? 'updatedAt';
    const descending = query.descending ?? sort === 'updatedAt';
    const matches = this.matchText(query.text?.trim() ?? '');
    const accept = (s: SubjectSummary): boolean =>
      (query.kind === undefined || s.kind === query.kind) &&
      (query.industry === undefined || s.industry === query.industry) &&
      (query.status === undefined || s.status === query.status) &&
      (query.ids === undefined || query.ids.has(s.id)) &&
      (matches === null || matches.has(s.id));

    const ordered = this.ordered(sort);
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 50;
    const ids: string[] = [];
    let total = 0;
    const visit = (s: SubjectSummary): void => {
      if (!accept(s)) return;
      if (total >= offset && ids.length < limit) ids.push(s.id);
      total++;
    };
    if (descending) for (let i = ordered.length - 1; i >= 0; i--) visit(ordered[i]!);
    else for (const s of ordered) visit(s);
    return { total, ids };
  }

  /** Ids whose name contains the text or whose code starts with it; null when there is no text. */
  private matchText(text: string): Set<string> | null {
    if (text === '') return null;
    const found = new Set<string>();
    const needle = text.toLowerCase();
    for (const slot of this.nameCandidates(needle)) {
      const s = this.slots[slot];
      if (s?.name.toLowerCase().includes(needle)) found.add(s.id);
    }
    const codePrefix = text.toUpperCase();
    if (/^[0-9A-Z]+$/.test(codePrefix)) {
      const byCode = this.ordered('code');
      const low = insertionPoint(byCode, { code: codePrefix, id: '' } as SubjectSummary, comparators.code);
      for (let i = low; i < byCode.length && byCode[i]!.code.startsWith(codePrefix); i++)
        found.add(byCode[i]!.id);
    }
    return found;
  }

  private nameCandidates(needle: string): Iterable<number> {
    const grams = bigrams(needle);
    if (grams.length === 0) return this.slots.keys();
    const lists = grams.map((g) => this.postings.get(g) ?? []).sort((a, b) => a.length - b.length);
    const [shortest, ...rest] = lists;
    if (rest.length === 0) return shortest!;
    const others = rest.map((list) => new Set(list));
    return shortest!.filter((slot) => others.every((set) => set.has(slot)));
  }

  private ordered(sort: SubjectSort): SubjectSummary[] {
    this.settleOrders();
    let order = this.orders.get(sort);
    if (!order) {
      order = this.slots.filter((s): s is SubjectSummary => s !== undefined).sort(comparators[sort]);
      this.orders.set(sort, order);
    }
    return order;
  }

  /** Notes one change for the orders already built (applied on their next use). */
  private reorder(previous: SubjectSummary | undefined, next: SubjectSummary | undefined): void {
    if (this.orders.size === 0) return;
    if (previous && !this.fresh.delete(previous)) this.stale.add(previous);
    if (next) this.fresh.add(next);
  }

  /**
   * Brings the built orders up to date: drops what was replaced or removed and merges in the changed
   * summaries, sorted alone. Linear in the index plus sorting the changes, so a burst (an import, a
   * sync) costs about as much as one edit instead of a re-sort of everything.
   */
  private settleOrders(): void {
    if (this.stale.size === 0 && this.fresh.size === 0) return;
    for (const [sort, order] of this.orders) {
      const compare = comparators[sort];
      const kept = this.stale.size === 0 ? order : order.filter((s) => !this.stale.has(s));
      const added = [...this.fresh].sort(compare);
      const merged: SubjectSummary[] = new Array(kept.length + added.length);
      let k = 0;
      let a = 0;
      for (let at = 0; at < merged.length; at++) {
        merged[at] =
          a >= added.length || (k < kept.length && compare(kept[k]!, added[a]!) <= 0)
            ? kept[k++]!
            : added[a++]!;
      }
      this.orders.set(sort, merged);
    }
    this.stale.clear();
    this.fresh.clear();
  }
}

function sameSummary(a: SubjectSummary, b: SubjectSummary): boolean {
  return (
    a.name === b.name &&
    a.code === b.code &&
    a.kind === b.kind &&
    a.industry === b.industry &&
    a.status === b.status &&
    a.updatedAt === b.updatedAt
  );
}

const comparators: Record<SubjectSort, (a: SubjectSummary, b: SubjectSummary) => number> = {
  code: (a, b) => compareStrings(a.code, b.code) || compareStrings(a.id, b.id),
  name: (a, b) => nameCollator.compare(a.name, b.name) || compareStrings(a.id, b.id),
  updatedAt: (a, b) => compareStrings(a.updatedAt, b.updatedAt) || compareStrings(a.id, b.id),
};

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function insertionPoint<T>(sorted: T[], item: T, compare: (a: T, b: T) => number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compare(sorted[mid]!, item) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The summaries of a snapshot, in its order. */
export function summariesOf(snapshot: SubjectIndexSnapshot): SubjectSummary[] {
  return snapshot.summaries.map(([id, kind, name, code, industry, status, updatedAt]) => ({
    id,
    kind,
    name,
    code,
    industry,
    status,
    updatedAt,
  }));
}

export function summarize(doc: SubjectDocument): SubjectSummary {
  return {
    id: doc.id,
    kind: doc.kind,
    name: doc.name,
    code: doc.code,
    industry: doc.industry,
    status: doc.status,
    updatedAt: doc.updatedAt,
  };
}
