/**
 * The platform's count of late publicity (一公开) of a county's inspection results: the county's closed
 * inspections, its publication deadline (the synced county setting, shared/inspections/countySetting.ts)
 * and the city's working-day calendar, judged by the rule the devices use (shared/inspections/publicity.ts).
 */
import { buildWorkdayCalendar, type HolidayCalendarDocument } from '../../shared/base/calendar/workdays.ts';
import { publicityDaysOf } from '../../shared/inspections/countySetting.ts';
import type { InspectionDocument } from '../../shared/inspections/document.ts';
import { latePublicity } from '../../shared/inspections/publicity.ts';
import type { CountyInfo } from '../../shared/sync/protocol.ts';
import { listCounties } from '../accounts/counties.ts';
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

/** A county's late publicity as the operator sees it: how many, and the one overdue longest. */
export interface CountyLatePublicity {
  county: CountyInfo;
  /** The county's publication deadline, in working days after closing. */
  days: number;
  late: number;
  /** The inspection whose deadline passed first, with the inspected party's name. */
  oldest: { subjectName: string; closedOn: string; deadline: string } | null;
}

/** Late publicity of every county (or of the one given), in county order. */
export async function latePublicityByCounty(
  db: Queryable,
  today: string,
  only?: string,
): Promise<CountyLatePublicity[]> {
  const counties = (await listCounties(db)).filter((county) => only === undefined || county.code === only);
  const found: CountyLatePublicity[] = [];
  for (const county of counties) {
    const { days, late } = await countyLatePublicity(db, county.code, today);
    const oldest = late.toSorted(
      (a, b) =>
        a.deadline.localeCompare(b.deadline) ||
        a.closedOn.localeCompare(b.closedOn) ||
        a.inspectionId.localeCompare(b.inspectionId),
    )[0];
    const subject = oldest
      ? await db.query<{ name: string | null }>(
          `SELECT body ->> 'name' AS name FROM documents WHERE collection = 'subjects' AND feed = $1 AND id = $2`,
          [county.code, oldest.subjectId],
        )
      : null;
    found.push({
      county,
      days,
      late: late.length,
      oldest: oldest
        ? { subjectName: subject?.rows[0]?.name ?? '', closedOn: oldest.closedOn, deadline: oldest.deadline }
        : null,
    });
  }
  return found;
}
