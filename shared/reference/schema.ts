import { holidayCalendarJsonSchema } from '../base/calendar/workdays.ts';
import { ruleSetProperties } from '../grading/ruleSet.ts';
import { cityBlackListProperties } from '../lists/cityBlackList.ts';
import type { HolidayYear } from '../base/calendar/holidays.ts';
import { type CatalogItem, catalogItemJsonSchema } from '../creditRecords/catalog.ts';
import type { BaseDocument } from '../base/document.ts';

export const referenceKinds = ['catalogItem', 'holidayCalendar', 'cityBlackList', 'ruleSet'] as const;

/**
 * One RxDB schema for the kinds sharing the collection: the union of their properties, with only the
 * stamp fields and `kind` required (Dexie indexes required fields only). Each kind's own schema and
 * validator still apply on the platform (shared/sync/documentValidators.ts).
 */
export const referenceJsonSchema = {
  title: 'reference',
  // Version 1 adds the city-wide serious-dishonesty list, version 2 the published rule sets, version 3
  // the published lists of commitment matters, version 4 published checklist templates; older documents
  // are valid as they are.
  version: 4,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...catalogItemJsonSchema.properties,
    ...holidayCalendarJsonSchema.properties,
    ...cityBlackListProperties,
    ...ruleSetProperties,
    kind: { type: 'string', enum: [...referenceKinds], maxLength: 20 },
  },
  required: ['id', 'county', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'kind'],
  indexes: ['updatedAt', ['kind', 'updatedAt']],
  additionalProperties: false,
} as const;

/** A stored document of any of the kinds: the stamp fields and `kind`, the rest by kind. */
export type ReferenceRow = BaseDocument & {
  kind: (typeof referenceKinds)[number];
} & Partial<CatalogItem> &
  Partial<HolidayYear>;
