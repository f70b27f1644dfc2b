import type { CapabilityDescriptor } from '../kit/capability.ts';
import { validateCaseDocument } from '../sync/documentValidators.ts';
import { type CaseDocument, caseJsonSchema } from './model.ts';
import { objectionWorkflow, repairWorkflow } from './workflow.ts';

/** Credit repair applications and objections (信用修复, 异议) and their review workflows. */
export const casesCapability: CapabilityDescriptor = {
  collection: 'cases',
  i18n: 'cases',
  schema: caseJsonSchema,
  migrations: { 1: (doc: CaseDocument): CaseDocument => doc, 2: (doc: CaseDocument): CaseDocument => doc },
  validate: validateCaseDocument,
  personalFields: [],
  attachments: ['commitmentScans[]', 'proofs[]'],
  /** A repair arrives with the applicant's credit-repair letter as the platform holds it. */
  judgedAgainst: ['commitments'],
  searchable: [],
  workflows: [repairWorkflow, objectionWorkflow],
};
