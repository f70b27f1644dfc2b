/** The shape of checklist templates, shared by the template registry and the default templates. */
import type { Industry } from '../../subjects/model.ts';

export const checklistIndustries = [
  'construction',
  'propertyServices',
  'realEstateDevelopment',
  'realEstateBrokerage',
] as const satisfies readonly Industry[];
export type ChecklistIndustry = (typeof checklistIndustries)[number];

export const checklistDepths = ['basic', 'standard', 'full'] as const;
export type ChecklistDepth = (typeof checklistDepths)[number];
export type ItemLevel = 1 | 2 | 3;

export interface ChecklistItem {
  code: string;
  text: { zh: string; en: string };
  /** The laws, regulations or standards the item checks. */
  basis: string[];
  /** The catalog item a failure maps to. */
  catalogCode: string;
  level: ItemLevel;
}

export interface ChecklistTemplate {
  industry: ChecklistIndustry;
  /** Increases with every published change; an inspection records the version it used. */
  version: number;
  items: ChecklistItem[];
}

/** The JSON shape of a template, checked before its rules run (a published version is stored in `reference`). */
export const checklistTemplateSchema = {
  type: 'object',
  properties: {
    industry: { type: 'string', enum: [...checklistIndustries], maxLength: 30 },
    version: { type: 'integer', minimum: 1, maximum: 10000 },
    items: {
      type: 'array',
      maxItems: 200,
      items: {
        type: 'object',
        properties: {
          code: { type: 'string', maxLength: 20 },
          text: {
            type: 'object',
            properties: { zh: { type: 'string', maxLength: 300 }, en: { type: 'string', maxLength: 500 } },
            required: ['zh', 'en'],
            additionalProperties: false,
          },
          basis: { type: 'array', maxItems: 10, items: { type: 'string', maxLength: 200 } },
          catalogCode: { type: 'string', maxLength: 40 },
          level: { type: 'integer', enum: [1, 2, 3] },
        },
        required: ['code', 'text', 'basis', 'catalogCode', 'level'],
        additionalProperties: false,
      },
    },
  },
  required: ['industry', 'version', 'items'],
  additionalProperties: false,
} as const;
