import type { WorkdayCalendar } from '../../shared/base/calendar/workdays.ts';
import { uuidv7 } from '../../shared/base/uuid.ts';
import type { InspectionDocument } from '../../shared/inspections/document.ts';
import { defaultRectificationDays, rectificationDeadline } from '../../shared/inspections/rectification.ts';
import type { Finding, FindingSeverity } from '../../shared/inspections/record.ts';
import type { InspectionFields } from './repository.ts';

/** What the form edits of an inspection: the document without its stamps, kind, workflow and orders. */
export function fieldsOf(doc: InspectionDocument): InspectionFields {
  const {
    id: _id,
    county: _county,
    createdAt: _createdAt,
    updatedAt: _updatedAt,
    createdBy: _createdBy,
    updatedBy: _updatedBy,
    kind: _kind,
    state: _state,
    steps: _steps,
    rectifications: _rectifications,
    ...fields
  } = doc;
  return fields;
}

/** The finding an item found non-compliant starts with: rectified within the severity's working days. */
export function newFinding(
  itemCode: string,
  severity: FindingSeverity,
  today: string,
  calendar: WorkdayCalendar,
): Finding {
  const deadline = rectificationDeadline(today, defaultRectificationDays[severity], calendar);
  return {
    id: uuidv7(),
    itemCode,
    severity,
    description: '',
    rectifyBy: deadline.ok ? deadline.value.date : today,
    photos: [],
  };
}
