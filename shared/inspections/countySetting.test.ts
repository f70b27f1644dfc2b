import { describe, expect, it } from 'vitest';
import { validateInspectionDocument } from '../sync/documentValidators.ts';
import { checkWritePermission, type KnownUser } from '../sync/writePermissions.ts';
import { countySettingOf, publicityDaysOf, settingState, validateCountySetting } from './countySetting.ts';
import { indexFieldsOf } from './indexFields.ts';
import { defaultPublicityDays } from './publicity.ts';

const stamps = {
  id: '018f0000-0000-7000-8000-000000000001',
  county: '410823',
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  createdBy: 'admin',
  updatedBy: 'admin',
};
const settingDoc = (publicityDays: number, updatedAt = stamps.updatedAt) => ({
  ...stamps,
  updatedAt,
  kind: 'setting',
  subjectId: '',
  projectId: '',
  planId: '',
  startedAt: '',
  state: settingState,
  steps: [],
  setting: { publicityDays },
  ...indexFieldsOf({ kind: 'setting' }),
});

describe('the county setting of the publicity deadline', () => {
  it('is the default until set, then the last changed setting wins', () => {
    expect(publicityDaysOf([])).toBe(defaultPublicityDays);
    expect(countySettingOf([{ kind: 'inspection', updatedAt: '2026-04-01' }])).toBeNull();
    const older = settingDoc(10, '2026-03-01T00:00:00.000Z');
    const newer = settingDoc(5, '2026-03-02T00:00:00.000Z');
    expect(publicityDaysOf([newer, older])).toBe(5);
    expect(publicityDaysOf([older, newer])).toBe(5);
  });

  it('is a whole number of 1 to 60 working days, on the device and on the platform', () => {
    expect(validateCountySetting({ publicityDays: 15 })).toEqual([]);
    for (const days of [0, 61, 2.5]) {
      expect(validateCountySetting({ publicityDays: days }).map((found) => found.code)).toEqual([
        'inspection.publicity.days',
      ]);
    }
    expect(validateInspectionDocument(settingDoc(15), { today: '2026-03-01' })).toEqual([]);
    expect(validateInspectionDocument(settingDoc(0), { today: '2026-03-01' })).toContainEqual(
      expect.objectContaining({ field: 'setting.publicityDays', code: 'inspection.publicity.days' }),
    );
  });

  it('is written by an administrator only', () => {
    const users = new Map<string, KnownUser>([
      ['admin', { id: 'admin', roles: ['countyAdmin'], status: 'active' }],
      ['reviewer', { id: 'reviewer', roles: ['reviewer'], status: 'active' }],
    ]);
    const lookup = (id: string) => users.get(id);
    expect(checkWritePermission('inspections', settingDoc(15), null, lookup)).toEqual([]);
    const byReviewer = { ...settingDoc(3), updatedBy: 'reviewer' };
    expect(
      checkWritePermission('inspections', byReviewer, settingDoc(15), lookup).map((found) => found.code),
    ).toEqual(['permission.denied']);
  });
});
