/**
 * Enters the demo's projects, plan and inspections (shared/demo/inspections.ts) through the repositories,
 * as the demo people would: the clerk registers the projects, the reviewer makes and draws the plan, the
 * drawn inspectors record the first inspection and the reviewer closes it (its rectification order opens),
 * and an inspector starts an ad hoc one and fills part of it. Every write is validated and journalled.
 */
import {
  type DemoEnterprise,
  demoClosedInspection,
  demoOpenInspection,
  demoPlan,
  demoProjects,
  demoSignaturePng,
} from '../../shared/demo/inspections.ts';
import { written } from '../../shared/demo/written.ts';
import { defaultGradingModel } from '../../shared/grading/publishedModels.ts';
import { ratiosFromGrading } from '../../shared/inspections/plan.ts';
import type { SubjectDocument } from '../../shared/subjects/model.ts';
import type { UserDocument } from '../../shared/base/user.ts';
import { demoActor, demoUsers } from '../kernel/security/demo.ts';
import type { SignedInSession } from '../kernel/security/session.ts';
import type { ReferenceRepository } from '../reference/repository.ts';
import type { SubjectRepository } from '../subjects/repository.ts';
import { fieldsOf, newFinding } from './formFields.ts';
import type { PlanRepository } from './plans.ts';
import type { ProjectRepository } from './projects.ts';
import type { InspectionRepository } from './repository.ts';

export interface DemoInspectionServices {
  subjects: SubjectRepository;
  projects: ProjectRepository;
  plans: PlanRepository;
  inspections: InspectionRepository;
  reference: ReferenceRepository;
  /** The demo users. */
  people: readonly UserDocument[];
  /** Makes the repositories act for this session (null: for whoever is signed in). */
  actAs: (session: SignedInSession | null) => void;
}

export async function seedDemoInspections(services: DemoInspectionServices): Promise<void> {
  const { subjects, projects, plans, inspections, reference, people } = services;
  const idOf = (username: string) => people.find((user) => user.username === username)?.id ?? '';
  const clerkId = idOf('clerk');
  const reviewerId = idOf('reviewer');
  const inspectorIds = demoUsers
    .filter((user) => user.roles.includes('inspector'))
    .map((user) => idOf(user.username));
  const as = demoActor(people, services.actAs);
  const enterprises = (
    await subjects.list({ kind: 'enterprise', status: 'active', limit: Number.MAX_SAFE_INTEGER })
  ).items.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const enterprise = ({ industry, pick }: DemoEnterprise): SubjectDocument => {
    const found = enterprises.filter((subject) => subject.industry === industry)[pick];
    if (!found) throw new Error(`Demo has no ${industry} enterprise number ${pick}`);
    return found;
  };

  const registered = await as(clerkId, async () => {
    const made = [];
    for (const { enterprises: roles, ...project } of demoProjects) {
      const content = {
        ...project,
        division: enterprise(roles[0]!).division,
        enterprises: roles.map((entry) => ({ role: entry.role, subjectId: enterprise(entry).id })),
      };
      made.push(written(await projects.create(content), 'project'));
    }
    return made;
  });

  const drawn = await as(reviewerId, async () => {
    const plan = written(
      await plans.create({
        name: demoPlan.name,
        scope: { industries: demoPlan.industries, statuses: ['active'], projectIds: [] },
        ratios: ratiosFromGrading(demoPlan.industries.map((industry) => defaultGradingModel(industry))),
        inspectorPool: inspectorIds,
      }),
      'plan',
    );
    const preview = written(await plans.preview(plan.id), 'draw preview');
    return written(await plans.draw(plan.id, preview), 'draw');
  });

  // The first assignment: recorded by the drawn pair, one item not compliant, then closed.
  const assignment = drawn.plan.draw?.assignments[0];
  if (!assignment) throw new Error('Demo plan drew no subject');
  const calendar = reference.calendar();
  const closed = await as(assignment.inspectors[0]!, async () => {
    const started = written(
      await inspections.start({
        subjectId: assignment.subjectId,
        projectId: '',
        planId: drawn.id,
        adHocReason: '',
        adHocNote: '',
        inspectors: [...assignment.inspectors],
        industry: 'construction',
      }),
      'inspection',
    );
    const { finding: found } = demoClosedInspection;
    const failing = started.items[found.item]!.code;
    const signature = written(
      await inspections.keepPhoto({
        name: 'signature.png',
        data: Uint8Array.from(atob(demoSignaturePng), (character) => character.charCodeAt(0)),
      }),
      'signature',
    );
    const fields = fieldsOf(started);
    written(
      await inspections.saveDraft(started.id, {
        ...fields,
        items: fields.items.map((item) => ({
          ...item,
          result: item.code === failing ? 'nonCompliant' : 'compliant',
        })),
        findings: [
          {
            ...newFinding(failing, found.severity, inspections.today(), calendar),
            description: found.description,
          },
        ],
        representative: demoClosedInspection.representative,
        signature,
        conclusion: demoClosedInspection.conclusion,
        endedAt: new Date(Date.parse(started.startedAt) + 90 * 60_000).toISOString(),
      }),
      'inspection record',
    );
    return written(await inspections.act(started.id, 'submit'), 'submission');
  });
  await as(reviewerId, async () =>
    written(await inspections.act(closed.id, 'close', demoClosedInspection.closingOpinion), 'closing'),
  );

  // An ad hoc inspection after a complaint, part-filled on site by the first inspector.
  const [first, second] = inspectorIds;
  await as(first!, async () => {
    const started = written(
      await inspections.start({
        subjectId: enterprise(demoOpenInspection.builder).id,
        projectId: registered[0]!.id,
        planId: '',
        adHocReason: 'complaint',
        adHocNote: demoOpenInspection.note,
        inspectors: [first!, second!],
        industry: 'construction',
      }),
      'ad hoc inspection',
    );
    const fields = fieldsOf(started);
    written(
      await inspections.saveDraft(started.id, {
        ...fields,
        items: fields.items.map((item, index) =>
          index < demoOpenInspection.judged ? { ...item, result: 'compliant' } : item,
        ),
      }),
      'inspection draft',
    );
  });
}
