/**
 * Enters the demo's commitment letters (shared/demo/commitments.ts) through the repository, as the demo
 * clerk would: created, accepted with the acceptance check, then fulfilled or a breach proposed; and the
 * year's self-discipline campaign. Every write is validated and journalled like any other.
 */
import { demoCampaign, demoCommitments } from '../../shared/demo/commitments.ts';
import { addDays } from '../../shared/base/calendar/dates.ts';
import { written } from '../../shared/demo/written.ts';
import type { SubjectDocument } from '../../shared/subjects/model.ts';
import type { SubjectRepository } from '../subjects/repository.ts';
import { type CommitmentRepository, emptyCommitmentFields } from './repository.ts';

export async function seedDemoCommitments(
  commitments: CommitmentRepository,
  subjects: SubjectRepository,
): Promise<void> {
  const enterprises = (
    await subjects.list({ kind: 'enterprise', status: 'active', limit: Number.MAX_SAFE_INTEGER })
  ).items.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const today = commitments.today();
  const used = new Set<string>();
  for (const demo of demoCommitments) {
    const subject: SubjectDocument | undefined = enterprises.filter((s) => s.industry === demo.industry)[
      demo.pick
    ];
    if (!subject || used.has(subject.id)) throw new Error(`Demo has no enterprise for ${demo.matterCode}`);
    used.add(subject.id);
    const signingDate = addDays(today, -demo.signedDaysAgo);
    const fields = {
      ...emptyCommitmentFields(subject.id),
      type: demo.type,
      matterCode: demo.matterCode,
      reason: demo.reason,
      missingMaterials: [...demo.missingMaterials],
      signatory: demo.signatory,
      signingDate,
      materialsDeadline: commitments.defaultDeadline(demo.matterCode, signingDate),
      publicity: commitments.matters.find((m) => m.code === demo.matterCode)?.publicity ?? 'public',
    };
    if (demo.type !== 'missingMaterials') fields.materialsDeadline = '';
    const draft = written(
      await commitments.create({ ...fields, ...commitments.templateFor(fields, subject) }),
      'letter',
    );
    written(await commitments.act(draft.id, 'accept'), 'acceptance');
    if (demo.finding) {
      const action = demo.finding.result === 'fulfilled' ? 'fulfil' : 'proposeBreach';
      written(await commitments.act(draft.id, action, { finding: demo.finding }), 'finding');
    }
  }
  written(await commitments.runCampaign({ ...demoCampaign, year: Number(today.slice(0, 4)) }), 'campaign');
}
