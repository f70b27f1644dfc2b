/**
 * The yearly self-discipline campaign (shared/commitments/campaign.ts) and marking its letters signed as
 * the scans come back: many letters at once, written in chunked journal runs with progress and cancel.
 * The repository hands in what these share with single letters (numbering, stamping, acceptance).
 */
import { type CampaignOptions, type CampaignPlan, planCampaign } from '../../shared/commitments/campaign.ts';
import type { CommitmentMatterList } from '../../shared/commitments/matterList.ts';
import { matterStanding } from '../../shared/commitments/matterList.ts';
import type { CommitmentDocument, CommitmentInput } from '../../shared/commitments/model.ts';
import type { Numbering, SerialBlock } from '../../shared/commitments/numbering.ts';
import type { Industry } from '../../shared/subjects/model.ts';
import { issue, type Validated, type ValidationIssue } from '../../shared/base/validation.ts';
import type { CommitmentCollection } from '../kernel/db/database.ts';
import { authorOf, creationOf, type UpdateStep, type WriteJournal } from '../kernel/db/writeJournal.ts';
import { actingUser, type RepositoryContext } from '../kernel/security/repositoryContext.ts';
import type { SignedInSession } from '../kernel/security/session.ts';
import type { SubjectRepository } from '../subjects/repository.ts';

/** What the campaign shares with the repository of single letters. */
export interface CampaignHost {
  collection: CommitmentCollection;
  context: RepositoryContext;
  subjects: SubjectRepository;
  journal: WriteJournal;
  office: { county: string; officeName: string };
  matterLists(): readonly CommitmentMatterList[];
  today(): string;
  all(): Promise<CommitmentDocument[]>;
  get(id: string): Promise<CommitmentDocument | null>;
  stamp(session: SignedInSession, input: CommitmentInput): CommitmentDocument;
  /** A draft signed and accepted as a single letter's acceptance is judged; nothing written. */
  signedAcceptance(
    current: CommitmentDocument,
    signingDate: string,
    session: SignedInSession,
  ): Promise<Validated<CommitmentDocument>>;
  /** The journal step of an acceptance. */
  acceptStep(before: CommitmentDocument, after: CommitmentDocument): UpdateStep;
  withSerialBlocks<T extends Numbering | CampaignPlan>(
    attempt: (blocks: SerialBlock[]) => T,
  ): Promise<T | { ok: false; issues: ValidationIssue[] }>;
}

export class CommitmentCampaigns {
  readonly #host: CampaignHost;

  constructor(host: CampaignHost) {
    this.#host = host;
  }

  /**
   * The yearly self-discipline campaign: a numbered draft for every active enterprise of the industries
   * that has none for this matter and year, written in chunks (progress, cancel between chunks).
   */
  async run(
    options: { matterCode: string; year: number; industries: Industry[] },
    progress?: (done: number, total: number) => boolean | undefined,
  ): Promise<Validated<{ created: CommitmentDocument[]; alreadyCommitted: number; cancelled: boolean }>> {
    const acting = actingUser(this.#host.context, 'commitment.create');
    if (!acting.ok) return acting;
    const standing = matterStanding(this.#host.matterLists(), options.matterCode, this.#host.today());
    if (standing.state !== 'inForce') {
      const refusal =
        standing.state === 'unknown'
          ? issue('matterCode', 'commitment.unknownMatter', { code: options.matterCode })
          : issue('matterCode', 'commitment.matterWithdrawn', { matter: standing.matter.name.zh });
      return { ok: false, issues: [refusal] };
    }
    const { matter } = standing;
    if (options.industries.length === 0) return { ok: false, issues: [issue('industries', 'required')] };
    const subjects = (
      await this.#host.subjects.list({ kind: 'enterprise', status: 'active', limit: Number.MAX_SAFE_INTEGER })
    ).items;
    const existing = await this.#host.all();
    const date = this.#host.today();
    const planOptions: Omit<CampaignOptions, 'blocks'> = {
      matter,
      year: options.year,
      industries: options.industries,
      division: this.#host.office.county,
      date,
      knownNumbers: existing.map((c) => c.number),
      acceptingUnit: this.#host.office.officeName,
      acceptingUnitCode: '',
    };
    const plan = await this.#host.withSerialBlocks((blocks) =>
      planCampaign(subjects, existing, { ...planOptions, blocks }),
    );
    if (!plan.ok) return plan;
    const created: CommitmentDocument[] = [];
    const chunk = 500;
    for (let start = 0; start < plan.inputs.length; start += chunk) {
      const docs = plan.inputs
        .slice(start, start + chunk)
        .map((input) => this.#host.stamp(acting.session, input));
      await this.#host.journal.run(authorOf(acting.session), [creationOf('commitments', docs)]);
      created.push(...docs);
      if (progress?.(created.length, plan.inputs.length) === false) {
        return { ok: true, value: { created, alreadyCommitted: plan.alreadyCommitted, cancelled: true } };
      }
    }
    return { ok: true, value: { created, alreadyCommitted: plan.alreadyCommitted, cancelled: false } };
  }

  /** Draft letters of a campaign, of one industry's enterprises when `industry` is given. */
  async drafts(campaign: string, industry?: Industry): Promise<CommitmentDocument[]> {
    const drafts = await this.#host.collection.find({ selector: { campaign, status: 'draft' } }).exec();
    const letters = drafts.map((doc) => doc.toJSON() as CommitmentDocument);
    if (!industry) return letters;
    const subjects = await Promise.all(letters.map((letter) => this.#host.subjects.get(letter.subjectId)));
    return letters.filter((_, index) => subjects[index]?.industry === industry);
  }

  /** The keys of the campaigns letters were generated for, newest year first. */
  async keys(): Promise<string[]> {
    const docs = await this.#host.collection.find({ selector: { campaign: { $ne: '' } } }).exec();
    return [...new Set(docs.map((doc) => doc.campaign))].sort().reverse();
  }

  /**
   * Marks signed letters as they come back (a campaign's scans): each draft gets its own acceptance step,
   * signed on `signingDate` by its signatory or the enterprise's legal representative, written in chunked
   * journal runs (progress, cancel between chunks). A letter no longer a draft is left as it is (nothing
   * twice); one the rules refuse is reported with its reasons and left a draft.
   */
  async markSigned(
    ids: readonly string[],
    signingDate: string,
    progress?: (done: number, total: number) => boolean | undefined,
  ): Promise<
    Validated<{
      signed: string[];
      alreadySigned: string[];
      refused: { id: string; number: string; issues: ValidationIssue[] }[];
      cancelled: boolean;
    }>
  > {
    const acting = actingUser(this.#host.context, 'commitment.create');
    if (!acting.ok) return acting;
    const { session } = acting;
    const result = {
      signed: [] as string[],
      alreadySigned: [] as string[],
      refused: [] as { id: string; number: string; issues: ValidationIssue[] }[],
      cancelled: false,
    };
    const chunk = 200;
    for (let start = 0; start < ids.length; start += chunk) {
      const steps: UpdateStep[] = [];
      for (const id of ids.slice(start, start + chunk)) {
        const current = await this.#host.get(id);
        if (!current) continue;
        if (current.status !== 'draft') {
          result.alreadySigned.push(id);
          continue;
        }
        const signed = await this.#host.signedAcceptance(current, signingDate, session);
        if (!signed.ok) result.refused.push({ id, number: current.number, issues: signed.issues });
        else {
          steps.push(this.#host.acceptStep(current, signed.value));
          result.signed.push(id);
        }
      }
      if (steps.length > 0) await this.#host.journal.run(authorOf(session), steps);
      if (progress?.(Math.min(start + chunk, ids.length), ids.length) === false) {
        return { ok: true, value: { ...result, cancelled: true } };
      }
    }
    return { ok: true, value: result };
  }
}
