/**
 * The list of commitment matters as the city publishes it: versions of the whole list (rule-set variant
 * `commitmentMatters`, see shared/grading/ruleSet.ts), each from its start date. The version in force on a
 * day is the latest one started by then; before any, the default set. A matter the version in force no
 * longer holds is withdrawn; a code no version ever held is unknown.
 */
import { type CommitmentMatter, defaultCommitmentMatters, findMatter } from './matters.ts';

export interface CommitmentMatterList {
  version: number;
  /** First day the version applies (YYYY-MM-DD). */
  validFrom: string;
  matters: readonly CommitmentMatter[];
}

/** The default set, in force until the city publishes a version. */
export const defaultMatterList: CommitmentMatterList = {
  version: 0,
  validFrom: '',
  matters: defaultCommitmentMatters,
};

/** The published list versions among reference documents. */
export function publishedMatterLists(
  docs: readonly {
    kind?: string;
    ruleSet?: string;
    version?: number;
    validFrom?: string;
    matters?: CommitmentMatter[];
  }[],
): CommitmentMatterList[] {
  return docs.flatMap((doc) =>
    doc.kind === 'ruleSet' && doc.ruleSet === 'commitmentMatters' && doc.matters
      ? [{ version: doc.version ?? 0, validFrom: doc.validFrom ?? '', matters: doc.matters }]
      : [],
  );
}

function laterFirst(a: CommitmentMatterList, b: CommitmentMatterList): number {
  return b.validFrom.localeCompare(a.validFrom) || b.version - a.version;
}

/** The list in force on `asOf`: the latest published version started by then, else the default set. */
export function matterListInForce(
  published: readonly CommitmentMatterList[],
  asOf: string,
): CommitmentMatterList {
  return [...published].sort(laterFirst).find((list) => list.validFrom <= asOf) ?? defaultMatterList;
}

/**
 * Every matter any version ever held, each as its latest version defines it (then the defaults): for
 * naming and filing commitments accepted under an earlier version.
 */
export function everyMatter(published: readonly CommitmentMatterList[]): CommitmentMatter[] {
  const byCode = new Map<string, CommitmentMatter>();
  for (const list of [...[...published].sort(laterFirst), defaultMatterList]) {
    for (const matter of list.matters) if (!byCode.has(matter.code)) byCode.set(matter.code, matter);
  }
  return [...byCode.values()];
}

export type MatterStanding =
  | { state: 'inForce'; matter: CommitmentMatter }
  | { state: 'withdrawn'; matter: CommitmentMatter }
  | { state: 'unknown' };

/** Whether a matter code may take a commitment on `asOf`. */
export function matterStanding(
  published: readonly CommitmentMatterList[],
  code: string,
  asOf: string,
): MatterStanding {
  const current = findMatter(matterListInForce(published, asOf).matters, code);
  if (current) return { state: 'inForce', matter: current };
  const earlier = findMatter(everyMatter(published), code);
  return earlier ? { state: 'withdrawn', matter: earlier } : { state: 'unknown' };
}
