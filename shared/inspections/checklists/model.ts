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
