/**
 * Enters the demo's credit records, red and black list entries, repair application and objection
 * (shared/demo/credit.ts) through the repositories, as the demo people would: the clerk enters and
 * submits each record and the reviewer approves it; the clerk proposes the list entries the list rules
 * suggest and the reviewer decides the black-list one; the clerk registers the repair (with the
 * applicant's signed credit-repair commitment) and the objection, and the reviewer accepts the one and
 * reviews the other. Every write is validated and journalled like any other.
 */
import {
  type DemoRecord,
  demoBlackList,
  demoObjection,
  demoRedList,
  demoRepair,
  demoScanPdf,
  type DemoScan,
  numbered,
} from '../../shared/demo/credit.ts';
import { demoCounty } from '../../shared/demo/county.ts';
import { written } from '../../shared/demo/written.ts';
import { addDays } from '../../shared/base/calendar/dates.ts';
import type { UserDocument } from '../../shared/base/user.ts';
import { creditRepairCommitmentType } from '../../shared/grading/repair.ts';
import { chinaDateOf, gradeSubject } from '../../shared/grading/grade.ts';
import type { CreditRecordDocument } from '../../shared/creditRecords/model.ts';
import { type ListKind, suggestListEntries } from '../../shared/lists/rules.ts';
import type { SubjectDocument } from '../../shared/subjects/model.ts';
import { type CommitmentRepository, emptyCommitmentFields } from '../commitments/repository.ts';
import type { CreditRecordRepository } from '../creditRecords/repository.ts';
import type { PickedFile } from '../kernel/attachments.ts';
import { demoActor } from '../kernel/security/demo.ts';
import type { SignedInSession } from '../kernel/security/session.ts';
import type { ListingRepository } from '../lists/listings.ts';
import type { SubjectRepository } from '../subjects/repository.ts';
import { type CaseRepository, emptyCaseFields } from './repository.ts';
import { creditRepairMatter } from './repairCommitments.ts';

export interface DemoCreditServices {
  subjects: SubjectRepository;
  records: CreditRecordRepository;
  listings: ListingRepository;
  cases: CaseRepository;
  commitments: CommitmentRepository;
  /** The demo users. */
  people: readonly UserDocument[];
  /** Makes the repositories act for this session (null: for whoever is signed in). */
  actAs: (session: SignedInSession | null) => void;
}

/** Categories whose counting records bar a red-list entry (as the listings repository counts them). */
const dishonest = ['generalDishonest', 'seriousDishonest'];

function scan({ name, caption }: DemoScan): PickedFile {
  return { name, data: demoScanPdf(caption) };
}

export async function seedDemoCredit(services: DemoCreditServices): Promise<void> {
  const { subjects, records, listings, cases, commitments, people } = services;
  const as = demoActor(people, services.actAs);
  const idOf = (username: string) => people.find((user) => user.username === username)?.id ?? '';
  const clerk = <T>(work: () => Promise<T>) => as(idOf('clerk'), work);
  const reviewer = <T>(work: () => Promise<T>) => as(idOf('reviewer'), work);
  const enterprises = (
    await subjects.list({ kind: 'enterprise', status: 'active', limit: Number.MAX_SAFE_INTEGER })
  ).items.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const today = commitments.today();

  /** The record entered and submitted by the clerk, approved by the reviewer. */
  const published = async (demo: DemoRecord): Promise<[SubjectDocument, CreditRecordDocument]> => {
    const subject = enterprises.filter((candidate) => candidate.industry === demo.industry)[demo.pick];
    if (!subject) throw new Error(`Demo has no ${demo.industry} enterprise number ${demo.pick}`);
    const decisionDate = addDays(today, -demo.decidedDaysAgo);
    const draft = await clerk(async () => {
      const created = written(
        await records.create({
          subjectId: subject.id,
          catalogCode: demo.catalogCode,
          title: demo.title,
          facts: demo.facts,
          documentNumber: numbered(demo.documentNumber, decisionDate),
          decisionDate,
          authority: demoCounty.officeZh,
          legalBasis: demo.legalBasis,
          disclosure: 'public',
          publicityStart: decisionDate,
          publicityEnd: records.defaultPublicityEnd(demo.catalogCode, decisionDate),
        }),
        'credit record',
      );
      return written(await records.act(created.id, 'submit'), 'record submission');
    });
    const approved = await reviewer(async () => written(await records.act(draft.id, 'approve'), 'approval'));
    return [subject, approved];
  };

  /**
   * The clerk proposes the entry the list rules suggest for the subject on the day its record was approved,
   * the day in China its approval step counts from (on a computer whose clock is not on China time, its
   * local date may still be the day before).
   */
  const propose = async (subject: SubjectDocument, list: ListKind, own: CreditRecordDocument) => {
    const file = { subjectId: subject.id, enrolled: true, records: [own], listEntries: [], provincial: [] };
    const asOf = chinaDateOf(own.updatedAt);
    const grade = gradeSubject(file, listings.grades.modelFor(subject.industry, asOf), asOf).grade;
    const suggestion = suggestListEntries(
      listings.rules,
      { industry: subject.industry, grade, dishonestCategories: dishonest },
      file,
      asOf,
    ).find((candidate) => candidate.list === list);
    if (!suggestion) throw new Error(`Demo subject not suggested for the ${list} list`);
    return clerk(async () => written(await listings.propose(subject, suggestion), 'list entry'));
  };

  const [blackListed, serious] = await published(demoBlackList.record);
  const entry = await propose(blackListed, 'realEstateSeriousDishonesty', serious);
  await reviewer(async () =>
    written(
      await listings.act(entry.id, 'approve', {
        note: demoBlackList.opinion,
        decisionNumber: numbered(demoBlackList.decisionNumber, today),
      }),
      'list decision',
    ),
  );
  const [awarded, award] = await published(demoRedList.record);
  await propose(awarded, 'red', award);

  // The repair: the applicant's signed credit-repair commitment is made with the application.
  const [repairing, penalty] = await published(demoRepair.record);
  const repair = await clerk(async () => {
    const letter = commitments.templateFor(
      {
        ...emptyCommitmentFields(repairing.id),
        type: creditRepairCommitmentType,
        matterCode: creditRepairMatter,
      },
      repairing,
    );
    return written(
      await cases.registerWithNewCommitment({
        ...emptyCaseFields('repair', penalty.id, today),
        applicant: repairing.legalRepresentative,
        statement: demoRepair.statement,
        obligationsPerformed: true,
        commitmentText: letter.content,
        commitmentSignatory: repairing.legalRepresentative,
        commitmentScans: [scan(demoRepair.commitmentScan)],
        proofs: [scan(demoRepair.proof)],
      }),
      'repair application',
    );
  });
  await reviewer(async () => written(await cases.act(repair.id, 'accept'), 'repair acceptance'));

  const [objecting, objected] = await published(demoObjection.record);
  const objection = await clerk(async () =>
    written(
      await cases.register({
        ...emptyCaseFields('objection', objected.id, today),
        applicant: objecting.legalRepresentative,
        statement: demoObjection.statement,
        proofs: [scan(demoObjection.proof)],
      }),
      'objection',
    ),
  );
  await reviewer(async () =>
    written(await cases.act(objection.id, 'review', demoObjection.opinion), 'objection review'),
  );
}
