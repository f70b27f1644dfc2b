/**
 * The JSON schemas of a plan's and a project's content inside the inspections collection (document.ts):
 * the `plan` field of kind `plan`, the `project` field of kind `project`.
 */
import { industries, subjectStatuses } from '../subjects/model.ts';
import { planLimits } from './plan.ts';
import { projectLimits, projectRoles, projectTypes } from './project.ts';

const id = { type: 'string', maxLength: 36 } as const;
const userId = { type: 'string', maxLength: 64 } as const;
const idList = (maxItems: number) => ({ type: 'array', maxItems, items: id }) as const;
const percent = { type: 'integer', minimum: 0, maximum: 100 } as const;
const bucket = { type: 'string', maxLength: 16 } as const;

/** An array of objects with exactly these properties, each required. */
function objectList<P extends Record<string, object>>(maxItems: number, properties: P) {
  return {
    type: 'array',
    maxItems,
    items: { type: 'object', properties, required: Object.keys(properties), additionalProperties: false },
  } as const;
}

export const planJsonSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', maxLength: planLimits.name },
    scope: {
      type: 'object',
      properties: {
        industries: { type: 'array', maxItems: 10, items: { type: 'string', enum: [...industries] } },
        statuses: { type: 'array', maxItems: 5, items: { type: 'string', enum: [...subjectStatuses] } },
        projectIds: idList(200),
      },
      required: ['industries', 'statuses', 'projectIds'],
      additionalProperties: false,
    },
    ratios: {
      type: 'object',
      properties: {
        /** Percent per grade name: keys are the grading model's grade names. */
        grades: { type: 'object' },
        ungraded: percent,
        raised: percent,
      },
      required: ['grades', 'ungraded', 'raised'],
      additionalProperties: false,
    },
    inspectorPool: { type: 'array', maxItems: 200, items: userId },
    seed: { type: 'integer', minimum: 0, maximum: 0xffffffff },
    candidates: objectList(planLimits.candidates, {
      subjectId: id,
      industry: { type: 'string', enum: [...industries] },
      status: { type: 'string', enum: [...subjectStatuses] },
      projectIds: idList(200),
      grade: { type: ['string', 'null'], maxLength: 16 },
      raised: { type: 'boolean' },
      conflicts: { type: 'array', maxItems: 200, items: userId },
    }),
    draw: {
      type: ['object', 'null'],
      properties: {
        assignments: objectList(planLimits.candidates, {
          subjectId: id,
          bucket,
          inspectors: { type: 'array', maxItems: 2, items: userId },
        }),
        unstaffed: idList(planLimits.candidates),
        buckets: objectList(50, { bucket, population: { type: 'integer' }, drawn: { type: 'integer' } }),
      },
      required: ['assignments', 'unstaffed', 'buckets'],
      additionalProperties: false,
    },
  },
  required: ['name', 'scope', 'ratios', 'inspectorPool', 'seed', 'candidates', 'draw'],
  additionalProperties: false,
} as const;

const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;

export const projectJsonSchema = {
  type: 'object',
  properties: {
    name: text(projectLimits.name),
    type: { type: 'string', enum: ['', ...projectTypes], maxLength: 16 },
    address: text(projectLimits.address),
    division: text(6),
    constructionPermit: text(projectLimits.permit),
    presalePermit: text(projectLimits.permit),
    enterprises: objectList(projectLimits.enterprises, {
      role: { type: 'string', enum: [...projectRoles], maxLength: 16 },
      subjectId: id,
    }),
  },
  required: ['name', 'type', 'address', 'division', 'constructionPermit', 'presalePermit', 'enterprises'],
  additionalProperties: false,
} as const;
