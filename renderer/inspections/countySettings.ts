/**
 * The county's inspection settings on this device (kind `setting`, shared/inspections/countySetting.ts):
 * one synced document an administrator changes through the writer (audited), read by every computer of the
 * county once synchronised.
 */
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import type { SettingDocument } from '../../shared/inspections/document.ts';
import {
  type CountySetting,
  publicityDaysOf,
  settingState,
  validateCountySetting,
} from '../../shared/inspections/countySetting.ts';
import type { Validated } from '../../shared/base/validation.ts';
import type { InspectionCollection } from '../kernel/db/database.ts';
import type { WriteJournal } from '../kernel/db/writeJournal.ts';
import { KindStore, unlinked } from './kindStore.ts';

export class CountySettings extends KindStore<SettingDocument> {
  constructor(collection: InspectionCollection, journal: WriteJournal) {
    super(collection, 'setting', journal);
  }

  /** The publication deadline in working days the county set (the default while none is), kept current. */
  watchPublicityDays(): Observable<number> {
    return this.watchAll().pipe(map(publicityDaysOf));
  }

  async publicityDays(): Promise<number> {
    return publicityDaysOf(await this.list());
  }

  /** Changes the county's setting (creating it the first time); an administrator's recorded write. */
  async set(setting: CountySetting): Promise<Validated<SettingDocument>> {
    const issues = validateCountySetting(setting);
    if (issues.length > 0) return { ok: false, issues };
    const current = (await this.list()).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
    return this.writeOne(
      'settings.manage',
      { ...(current ?? { ...unlinked, state: settingState, steps: [] }), setting },
      current,
    );
  }
}
