import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import { conflictedUsers } from '../../shared/inspections/conflicts.ts';
import type { InspectionDocument } from '../../shared/inspections/document.ts';
import type { DrawCandidate } from '../../shared/inspections/draw.ts';
import { candidateOf } from '../../shared/inspections/plan.ts';
import { hasRaisedRisk } from '../../shared/inspections/rectification.ts';
import type { CreditDeskDatabase } from '../kernel/db/database.ts';
import type { LocalStore } from '../kernel/db/localStore.ts';
import type { WriteJournal } from '../kernel/db/writeJournal.ts';
import type { AttachmentStore } from '../kernel/attachments.ts';
import type { CreditRecordRepository } from '../creditRecords/repository.ts';
import type { ReferenceRepository } from '../reference/repository.ts';
import type { SubjectRepository } from '../subjects/repository.ts';
import type { RepositoryContext } from '../kernel/security/repositoryContext.ts';
import type { UserRepository } from '../kernel/security/users.ts';
import { DeclarationRepository } from './declarations.ts';
import { type PlanFields, PlanRepository } from './plans.ts';
import { ProjectRepository } from './projects.ts';
import { InspectionRepository, type SubjectStanding } from './repository.ts';

/**
 * The inspections of this workspace. A subject's standing: no grade until grading exists; raised by an
 * approved risk warning in publicity; in conflict with every user named as its contact person or legal
 * representative (users are known here by display name only) and every inspector declared in conflict.
 */
export function openInspections(options: {
  db: CreditDeskDatabase;
  local: LocalStore;
  context: RepositoryContext;
  journal: WriteJournal;
  attachments: AttachmentStore;
  subjects: SubjectRepository;
  creditRecords: CreditRecordRepository;
  users: UserRepository;
  reference: ReferenceRepository;
  officeName: string;
}): InspectionRepository {
  const { subjects, creditRecords, users, context } = options;
  const declarations = new DeclarationRepository(options.db.inspections, context, options.journal);
  const standingOf = async (subjectId: string): Promise<SubjectStanding> => {
    const subject = await subjects.get(subjectId);
    const records = (await creditRecords.list({ subjectId, limit: 10_000 })).items;
    const declared = (await declarations.inForce([subjectId])).get(subjectId) ?? [];
    const conflicted = [...new Set([...conflictedUsers(subject, await users.list()), ...declared])];
    return { grade: '', raised: hasRaisedRisk(records, [], chinaDateOf(context.clock())), conflicted };
  };
  return new InspectionRepository(options.db.inspections, context, {
    journal: options.journal,
    local: options.local,
    attachments: options.attachments,
    standingOf,
    records: creditRecords,
    reference: options.reference,
    officeName: options.officeName,
  });
}

/**
 * The plans and the projects register of this workspace. A plan's candidates: the enterprises of its
 * industries, with the grade the grade cache gives, raised by an approved risk warning in publicity, in
 * conflict with their contacts (as for inspections), the inspectors declared in conflict with them and
 * the inspectors of their latest inspection; their projects are the plan's projects they take part in
 * (the draw reads no other). The declared conflicts are kept here too.
 */
export function openPlanning(options: {
  db: CreditDeskDatabase;
  context: RepositoryContext;
  journal: WriteJournal;
  subjects: SubjectRepository;
  creditRecords: CreditRecordRepository;
  users: UserRepository;
  gradeOf: (subjectId: string) => string | null;
}): { plans: PlanRepository; projects: ProjectRepository; declarations: DeclarationRepository } {
  const { db, context, journal, subjects, creditRecords, users } = options;
  const projects = new ProjectRepository(db.inspections, context, journal);
  const declarations = new DeclarationRepository(db.inspections, context, journal);
  const candidatesFor = async (plan: PlanFields): Promise<DrawCandidate[]> => {
    const today = chinaDateOf(context.clock());
    const subjectsInScope = (
      await Promise.all(
        plan.scope.industries.map((industry) =>
          subjects.list({ kind: 'enterprise', industry, limit: 100_000 }),
        ),
      )
    ).flatMap((found) => found.items);
    const [scopeProjects, people, warnings, visits, declared] = await Promise.all([
      projects.getMany(plan.scope.projectIds),
      users.list(),
      creditRecords.list({ category: 'riskWarning', status: 'approved', limit: 100_000 }),
      db.inspections.find({ selector: { kind: 'inspection' }, sort: [{ startedAt: 'asc' }] }).exec(),
      declarations.inForce(subjectsInScope.map((subject) => subject.id)),
    ]);
    const lastInspectors = new Map(
      visits.map((visit) => [visit.subjectId, (visit.toJSON() as InspectionDocument).inspectors]),
    );
    // Grouped once: a draw may weigh thousands of enterprises against tens of thousands of warnings.
    const warningsOf = new Map<string, typeof warnings.items>();
    for (const record of warnings.items) {
      const held = warningsOf.get(record.subjectId);
      if (held) held.push(record);
      else warningsOf.set(record.subjectId, [record]);
    }
    return subjectsInScope.map((subject) => {
      const names = new Set([subject.contactPerson.trim(), subject.legalRepresentative.trim()]);
      names.delete('');
      return candidateOf({
        subject,
        projectIds: scopeProjects
          .filter((doc) => doc.project.enterprises.some((entry) => entry.subjectId === subject.id))
          .map((doc) => doc.id),
        grade: options.gradeOf(subject.id),
        raised: hasRaisedRisk(warningsOf.get(subject.id) ?? [], [], today),
        declared: declared.get(subject.id) ?? [],
        contacts: people.filter((user) => names.has(user.displayName.trim())).map((user) => user.id),
        lastInspectors: lastInspectors.get(subject.id) ?? [],
      });
    });
  };
  const plans = new PlanRepository(db.inspections, context, { journal, candidatesFor });
  return { plans, projects, declarations };
}
