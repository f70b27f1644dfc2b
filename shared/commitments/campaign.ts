/**
 * The annual industry self-discipline campaign (行业自律信用承诺): one numbered draft letter for every
 * active enterprise of the chosen industries, printed together and accepted one by one as the signed
 * scans come back. A campaign is keyed by matter and year; an enterprise that already has a commitment
 * of that key (not withdrawn) gets none, so running the campaign twice creates nothing twice.
 */
import type { Industry, SubjectDocument } from '../subjects/model.ts';
import type { ValidationIssue } from '../base/validation.ts';
import type { CommitmentMatter } from './matters.ts';
import { type CommitmentInput, emptyCommitmentInput } from './model.ts';
import { nextCommitmentNumbers, type SerialBlock } from './numbering.ts';
import { templateDefaults } from './templates.ts';

export interface CampaignOptions {
  matter: CommitmentMatter;
  year: number;
  industries: readonly Industry[];
  /** The county's division code and the date the letters are numbered on. */
  division: string;
  date: string;
  /** The device's serial blocks, used in order. */
  blocks: readonly SerialBlock[];
  /** Every commitment number the device knows (see numbering.ts). */
  knownNumbers: Iterable<string>;
  acceptingUnit: string;
  acceptingUnitCode: string;
}

export function campaignKey(matterCode: string, year: number): string {
  return `${matterCode}:${year}`;
}

export type CampaignPlan =
  | { ok: true; inputs: CommitmentInput[]; alreadyCommitted: number }
  | { ok: false; issues: ValidationIssue[] };

type Enterprise = Pick<SubjectDocument, 'id' | 'kind' | 'status' | 'industry' | 'name' | 'code'>;

export function planCampaign(
  subjects: readonly Enterprise[],
  existing: readonly { subjectId: string; campaign: string; status: string }[],
  options: CampaignOptions,
): CampaignPlan {
  const key = campaignKey(options.matter.code, options.year);
  const done = new Set(
    existing.filter((c) => c.campaign === key && c.status !== 'withdrawn').map((c) => c.subjectId),
  );
  const eligible = subjects.filter(
    (s) => s.kind === 'enterprise' && s.status === 'active' && options.industries.includes(s.industry),
  );
  const due = eligible.filter((s) => !done.has(s.id));
  const numbering = nextCommitmentNumbers(
    options.knownNumbers,
    options.division,
    options.date,
    options.blocks,
    due.length,
  );
  if (!numbering.ok) return numbering;
  const reason = `${options.year}年度行业自律信用承诺`;
  const inputs = due.map((subject, index): CommitmentInput => {
    const text = templateDefaults('industrySelfDiscipline', {
      subjectName: subject.name,
      subjectCode: subject.code,
      subjectKind: 'enterprise',
      matter: options.matter.name.zh,
      materialsDeadline: '',
      missingMaterials: [],
      year: options.year,
    });
    return {
      ...emptyCommitmentInput(),
      ...text,
      number: numbering.numbers[index]!,
      subjectId: subject.id,
      subjectKind: 'enterprise',
      subjectName: subject.name,
      subjectCode: subject.code,
      type: 'industrySelfDiscipline',
      matterCode: options.matter.code,
      reason,
      acceptingUnit: options.acceptingUnit,
      acceptingUnitCode: options.acceptingUnitCode,
      campaign: key,
      publicity: options.matter.publicity,
    };
  });
  return { ok: true, inputs, alreadyCommitted: eligible.length - due.length };
}
