/**
 * The platform's count of late publicity (一公开) of a county's inspection results: the county's closed
 * inspections, its publication deadline (the synced county setting, shared/inspections/countySetting.ts)
 * and the city's working-day calendar, judged by the rule the devices use (shared/inspections/publicity.ts).
 */
import { buildWorkdayCalendar, type HolidayCalendarDocument } from '../../shared/base/calendar/workdays.ts';
import { publicityDaysOf } from '../../shared/inspections/countySetting.ts';
import type { InspectionDocument } from '../../shared/inspections/document.ts';
import { latePublicity } from '../../shared/inspections/publicity.ts';
import type { Queryable } from '../db/database.ts';

/** The county's closed inspections whose result is unpublished past its deadline on `today`. */
export async function countyLatePublicity(db: Queryable, county: string, today: string) {
  const { rows } = await db.query<{ body: InspectionDocument }>(
    `SELECT body FROM documents
     WHERE collection = 'inspections' AND feed = $1 AND NOT deleted
       AND body ->> 'kind' IN ('inspection', 'setting')`,
    [county],
  );
  const docs = rows.map((row) => row.body);
  const calendars = await db.query<{ body: HolidayCalendarDocument }>(
    `SELECT body FROM documents
     WHERE collection = 'reference' AND feed = '*' AND NOT deleted AND body ->> 'kind' = 'holidayCalendar'`,
  );
  const days = publicityDaysOf(docs);
  return {
    days,
    late: latePublicity(
      docs.filter((doc) => doc.kind === 'inspection'),
      { today, calendar: buildWorkdayCalendar(calendars.rows.map((row) => row.body)).calendar, days },
    ),
  };
}
