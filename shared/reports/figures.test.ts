import { describe, expect, it } from 'vitest';
import {
  cellKey,
  dashboardFigures,
  type FigureCounts,
  industryGradeTable,
  periodInstants,
  periodOf,
  withRecordChange,
} from './figures.ts';

const today = '2026-08-15';

describe('the figures period', () => {
  it('is the month, quarter or year around today', () => {
    expect(periodOf({ kind: 'month', from: '', to: '' }, today)).toEqual({
      ok: true,
      value: { from: '2026-08-01', to: '2026-08-31' },
    });
    expect(periodOf({ kind: 'month', from: '', to: '' }, '2028-02-10')).toMatchObject({
      value: { to: '2028-02-29' },
    });
    expect(periodOf({ kind: 'quarter', from: '', to: '' }, today)).toMatchObject({
      value: { from: '2026-07-01', to: '2026-09-30' },
    });
    expect(periodOf({ kind: 'quarter', from: '', to: '' }, '2026-12-31')).toMatchObject({
      value: { from: '2026-10-01', to: '2026-12-31' },
    });
    expect(periodOf({ kind: 'year', from: '', to: '' }, today)).toMatchObject({
      value: { from: '2026-01-01', to: '2026-12-31' },
    });
  });

  it('refuses a custom period that is empty, malformed or ends before it starts', () => {
    expect(periodOf({ kind: 'custom', from: '', to: '2026-08-01' }, today)).toEqual({
      ok: false,
      issues: [{ field: 'from', code: 'figures.periodEmpty' }],
    });
    expect(periodOf({ kind: 'custom', from: '2026-08-01', to: '' }, today)).toEqual({
      ok: false,
      issues: [{ field: 'to', code: 'figures.periodEmpty' }],
    });
    expect(periodOf({ kind: 'custom', from: '2026-02-30', to: '2026-08-01' }, today)).toEqual({
      ok: false,
      issues: [{ field: 'from', code: 'dateFormat' }],
    });
    expect(periodOf({ kind: 'custom', from: '2026-08-02', to: '2026-08-01' }, today)).toEqual({
      ok: false,
      issues: [{ field: 'to', code: 'figures.periodReversed' }],
    });
    expect(periodOf({ kind: 'custom', from: '2026-08-01', to: '2026-08-01' }, today)).toEqual({
      ok: true,
      value: { from: '2026-08-01', to: '2026-08-01' },
    });
  });

  it('bounds instants in China time', () => {
    expect(periodInstants({ from: '2026-08-01', to: '2026-08-31' })).toEqual({
      start: '2026-07-31T16:00:00.000Z',
      end: '2026-08-31T15:59:59.999Z',
    });
  });
});

describe('dashboard figures from counts', () => {
  const period = { from: '2026-08-01', to: '2026-08-31' };

  it('average records in force per subject, the commitment ratio and the checks', () => {
    const figures = dashboardFigures(
      {
        subjects: 4,
        enterprises: 3,
        records: 8,
        recordsByCategory: { generalDishonest: 2, enhancing: 1 },
        commitmentsByStatus: { draft: 9, withdrawn: 2, accepted: 2, fulfilled: 2, notFulfilled: 1 },
        inspectionsDone: 6,
        checks: 10,
        measures: 4,
        rewards: 1,
      },
      period,
      ['basic', 'enhancing', 'generalDishonest'],
    );
    expect(figures).toMatchObject({
      records: 8,
      recordsPerSubject: 2,
      commitments: 5,
      fulfilmentFindings: 3,
      commitmentRatio: 8 / 3,
      commitmentTarget: 2,
      inspectionsDone: 6,
      punishments: 3,
    });
    expect(figures.recordsByCategory).toEqual([
      { category: 'basic', count: 0 },
      { category: 'enhancing', count: 1 },
      { category: 'generalDishonest', count: 2 },
    ]);
  });

  it('has no ratio without subjects or enterprises', () => {
    const figures = dashboardFigures(
      {
        subjects: 0,
        enterprises: 0,
        records: 0,
        recordsByCategory: {},
        commitmentsByStatus: {},
        inspectionsDone: 0,
        checks: 0,
        measures: 0,
        rewards: 0,
      },
      period,
      [],
    );
    expect(figures.recordsPerSubject).toBeNull();
    expect(figures.commitmentRatio).toBeNull();
  });

  it('cross-tabulates subjects by industry and grade with the ids behind each cell', () => {
    const table = industryGradeTable(
      [
        { id: 'a', industry: 'construction', grade: 'B' },
        { id: 'b', industry: 'construction', grade: 'A' },
        { id: 'c', industry: 'propertyServices', grade: 'B' },
        { id: 'd', industry: 'construction', grade: 'B' },
        { id: 'e', industry: 'propertyServices', grade: 'AAA' },
      ],
      ['construction', 'realEstateDevelopment', 'propertyServices'],
      ['A', 'B', 'C', 'D'],
    );
    expect(table.industries).toEqual(['construction', 'propertyServices']);
    expect(table.grades).toEqual(['A', 'B', 'AAA']);
    expect(table.cells.get(cellKey('construction', 'B'))).toEqual(['a', 'd']);
    expect(table.cells.get(cellKey('realEstateDevelopment', 'A'))).toBeUndefined();
  });
});

describe('figures kept current as records change', () => {
  const period = { from: '2026-08-01', to: '2026-08-31' };
  const counts: FigureCounts = {
    subjects: 2,
    enterprises: 2,
    records: 3,
    recordsByCategory: { generalDishonest: 1 },
    commitmentsByStatus: {},
    inspectionsDone: 0,
    checks: 0,
    measures: 0,
    rewards: 0,
  };
  const draft = { status: 'draft' as const, category: 'generalDishonest', decisionDate: '2026-08-03' };

  it('counts a record only once approved, in the total and in its category alike', () => {
    const added = withRecordChange(counts, period, undefined, draft);
    expect(added).toEqual(counts);
    const submitted = withRecordChange(added, period, draft, { ...draft, status: 'submitted' });
    expect(submitted).toEqual(counts);
    const approved = withRecordChange(submitted, period, draft, { ...draft, status: 'approved' });
    expect(approved.records).toBe(4);
    expect(approved.recordsByCategory).toEqual({ generalDishonest: 2 });
  });

  it('moves a record out of the period and out of those in force', () => {
    const approved = { ...draft, status: 'approved' as const };
    const moved = withRecordChange(counts, period, approved, {
      ...approved,
      status: 'revoked',
      decisionDate: '2026-07-31',
    });
    expect(moved.records).toBe(2);
    expect(moved.recordsByCategory).toEqual({ generalDishonest: 0 });
    const expired = withRecordChange(counts, period, approved, { ...approved, status: 'expired' });
    expect([expired.records, expired.recordsByCategory]).toEqual([2, { generalDishonest: 0 }]);
    expect(withRecordChange(counts, period, approved, undefined).records).toBe(2);
  });
});
