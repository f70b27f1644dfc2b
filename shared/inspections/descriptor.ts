import type { CapabilityDescriptor } from '../kit/capability.ts';
import { personalFields } from '../base/security/masking.ts';
import { validateInspectionDocument } from '../sync/documentValidators.ts';
import { type InspectionDocument, inspectionJsonSchema } from './document.ts';
import { publishedChecklists } from './checklistVersions.ts';
import { declarationWorkflow } from './declarations.ts';
import { withIndexFields } from './indexFields.ts';
import { planWorkflow } from './plan.ts';
import { inspectionAttachmentPaths } from './record.ts';
import { inspectionWorkflow } from './workflows.ts';

/**
 * On-site inspections (checklist results with photos, findings, the representative's signature), the
 * 双随机 plans that draw them (kind `plan`), the projects register (kind `project`) and declared conflicts
 * of interest (kind `conflict`) and the county's settings (kind `setting`).
 */
export const inspectionsCapability: CapabilityDescriptor = {
  collection: 'inspections',
  i18n: 'inspection',
  schema: inspectionJsonSchema,
  migrations: {
    1: (doc: Omit<InspectionDocument, 'rectifications'>): InspectionDocument => ({
      ...doc,
      rectifications: [],
    }),
    2: (doc: InspectionDocument): InspectionDocument => doc,
    3: (doc: InspectionDocument): InspectionDocument => doc,
    4: (doc: InspectionDocument): InspectionDocument => doc,
    5: (doc: InspectionDocument) => withIndexFields(doc),
  },
  // Documents stored before schema version 5 lack the index fields ('' for the kinds they do not concern).
  derive: (doc) => withIndexFields(doc as Record<string, unknown> & { kind: string }),
  validate: validateInspectionDocument,
  personalFields: personalFields.inspections ?? [],
  attachments: inspectionAttachmentPaths,
  /** The conflict-of-interest check reads the inspected subject as the platform holds it. */
  judgedAgainst: ['subjects'],
  searchable: [],
  workflows: [inspectionWorkflow, planWorkflow, declarationWorkflow],
  validationContext: {
    referenceKinds: ['ruleSet'],
    derive: (ruleSets) => ({
      checklists: publishedChecklists(ruleSets as Parameters<typeof publishedChecklists>[0]),
    }),
  },
};
