import { describe, expect, it } from 'vitest';
import { checkWritePermission, type KnownUser } from '../sync/writePermissions.ts';

const users = new Map<string, KnownUser>(
  ['a', 'b', 'c'].map((id) => [id, { id, roles: ['inspector'], status: 'active' }]),
);
const lookup = (id: string) => users.get(id);
const draft = {
  id: 'i',
  state: 'draft',
  steps: [],
  findings: [],
  rectifications: [],
  inspectors: ['a', 'b'],
  createdBy: 'a',
  updatedBy: 'a',
  conclusion: '',
};

describe('who may change an inspection on the platform', () => {
  it('lets its own inspectors change the draft and refuses another inspector of the county', () => {
    expect(checkWritePermission('inspections', draft, null, lookup)).toEqual([]);
    const byPartner = { ...draft, updatedBy: 'b', conclusion: '现场整洁' };
    expect(checkWritePermission('inspections', byPartner, draft, lookup)).toEqual([]);
    const byOther = { ...draft, updatedBy: 'c', conclusion: '现场整洁' };
    expect(checkWritePermission('inspections', byOther, draft, lookup)).toEqual([
      { field: 'updatedBy', code: 'inspection.notInspector', params: { userId: 'c' } },
    ]);
    // Nor may someone add herself to the inspectors.
    const joined = { ...byOther, inspectors: ['a', 'c'] };
    expect(checkWritePermission('inspections', joined, draft, lookup)).toHaveLength(1);
  });

  it('refuses an inspection created by a user who is not one of its inspectors', () => {
    const foreign = { ...draft, createdBy: 'c', updatedBy: 'c' };
    expect(checkWritePermission('inspections', foreign, null, lookup)).toEqual([
      { field: 'createdBy', code: 'inspection.notInspector', params: { userId: 'c' } },
    ]);
  });
});
