/**
 * Commitment numbers from this computer's serial blocks (shared/commitments/numbering.ts): what is left
 * today, asking the platform for a further block when they run short, and refusing offline rather than
 * take a number this computer does not own.
 */
import type { CampaignPlan } from '../../shared/commitments/campaign.ts';
import {
  formatCommitmentNumber,
  lowSerialThreshold,
  type Numbering,
  nextCommitmentNumbers,
  type SerialBlock,
  serialBlock,
  serialDigits,
  serialsLeft,
} from '../../shared/commitments/numbering.ts';
import { isRealDate } from '../../shared/base/identifiers.ts';
import { issue, type Validated, type ValidationIssue } from '../../shared/base/validation.ts';
import type { CommitmentCollection } from '../kernel/db/database.ts';
import { actingUser, type RepositoryContext } from '../kernel/security/repositoryContext.ts';
import type {
  DeviceProvisions,
  SerialBlockHolding,
  SerialBlockRefusal,
} from '../provisions/deviceProvisions.ts';

/** This computer's serial blocks (shared/commitments/numbering.ts) and today's numbers left in them. */
export interface SerialBlockState {
  holding: SerialBlockHolding;
  blocks: SerialBlock[];
  leftToday: number;
}

/** The serials a holding numbers from: block 0 on a computer not enrolled, none while awaiting the first. */
function blocksOf(holding: SerialBlockHolding): SerialBlock[] {
  if (holding.mode === 'standalone') return [serialBlock(0)];
  return holding.mode === 'platform' ? holding.indexes.map((index) => serialBlock(index)) : [];
}

export interface NumberingHost {
  collection: CommitmentCollection;
  context: RepositoryContext;
  provisions: DeviceProvisions;
  office: { county: string };
  today(): string;
}

export class CommitmentNumbers {
  readonly #host: NumberingHost;

  constructor(host: NumberingHost) {
    this.#host = host;
  }

  /** The county's numbers of one day this computer holds, read through the number index. */
  async #numbersOn(date: string): Promise<string[]> {
    if (!isRealDate(date)) return [];
    const county = this.#host.office.county;
    const first = formatCommitmentNumber(county, date, 0);
    const last = formatCommitmentNumber(county, date, 10 ** serialDigits - 1);
    const found = await this.#host.collection
      .find({ selector: { number: { $gte: first, $lte: last } } })
      .exec();
    return found.map((doc) => doc.number);
  }

  /** Where this computer numbers from, and how many numbers it has left today. */
  async state(): Promise<SerialBlockState> {
    const holding = await this.#host.provisions.serialBlocks();
    const blocks = blocksOf(holding);
    const known = await this.#numbersOn(this.#host.today());
    return {
      holding,
      blocks,
      leftToday: serialsLeft(known, this.#host.office.county, this.#host.today(), blocks),
    };
  }

  /** Asks the platform for one more serial block for this computer (county administrators). */
  async requestBlock(): Promise<
    Validated<SerialBlockState> | { ok: false; issues: ValidationIssue[]; refusal: SerialBlockRefusal }
  > {
    const acting = actingUser(this.#host.context, 'settings.manage');
    if (!acting.ok) return acting;
    const requested = await this.#host.provisions.requestSerialBlock();
    if (!requested.ok) return { ok: false, issues: [], refusal: requested };
    return { ok: true, value: await this.state() };
  }

  /**
   * `attempt` numbered from this computer's blocks. When they do not suffice it asks the platform for
   * another block and tries again; offline it refuses (saying what to do) rather than take a number it
   * does not own. A computer not enrolled numbers from block 0 alone.
   */
  async withSerialBlocks<T extends Numbering | CampaignPlan>(
    attempt: (blocks: SerialBlock[]) => T,
  ): Promise<T | { ok: false; issues: ValidationIssue[] }> {
    let holding = await this.#host.provisions.serialBlocks();
    for (;;) {
      const result = attempt(blocksOf(holding));
      const exhausted =
        !result.ok && result.issues.some((found) => found.code === 'commitment.serialBlockExhausted');
      if (!exhausted || holding.mode === 'standalone') return result;
      const more = await this.#host.provisions.requestSerialBlock();
      if (!more.ok) {
        return holding.mode === 'awaiting'
          ? { ok: false, issues: [issue('number', 'commitment.serialBlockAwaited')] }
          : result;
      }
      holding = await this.#host.provisions.serialBlocks();
    }
  }

  /** The next numbers for `date`; asks for a further block in the background once a fifth of one is left. */
  async next(date: string, count: number): Promise<Numbering> {
    const known = await this.#numbersOn(date);
    let left = 0;
    const numbered = await this.withSerialBlocks((blocks) => {
      left = serialsLeft(known, this.#host.office.county, date, blocks) - count;
      return nextCommitmentNumbers(known, this.#host.office.county, date, blocks, count);
    });
    const holding = await this.#host.provisions.serialBlocks();
    if (numbered.ok && holding.mode === 'platform' && left < lowSerialThreshold) {
      void this.#host.provisions.requestSerialBlock();
    }
    return numbered;
  }
}
