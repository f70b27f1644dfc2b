/** The inspections collection's schema as earlier releases declared it, for profiles those releases left. */
import type { RxJsonSchema } from 'rxdb';
import {
  type InspectionDocument,
  indexFieldNames,
  inspectionJsonSchema,
} from '../../shared/inspections/document.ts';

/** Schema version 4: without the derived index fields (shared/inspections/indexFields.ts) and their indexes. */
export function version4InspectionSchema(): RxJsonSchema<InspectionDocument> {
  const { version: _version, indexes, required, properties, ...rest } = inspectionJsonSchema;
  const derived = new Set<string>(indexFieldNames);
  return {
    ...rest,
    version: 4,
    properties: Object.fromEntries(Object.entries(properties).filter(([key]) => !derived.has(key))),
    required: required.filter((field) => !derived.has(field)),
    indexes: indexes.filter(
      (index) => typeof index === 'string' || !index.some((field) => derived.has(field)),
    ),
  } as unknown as RxJsonSchema<InspectionDocument>;
}
