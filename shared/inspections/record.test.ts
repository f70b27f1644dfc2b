import { describe, expect, it } from 'vitest';
import {
  type InspectionContext,
  type InspectionRecord,
  photoHashesOf,
  validateInspection,
} from './record.ts';

const photo = (sha256: string) => ({ sha256, name: 'photo.jpg', mimeType: 'image/jpeg', size: 1000 });
const hashA = photo('a'.repeat(64));
const hashB = photo('b'.repeat(64));

const complete: InspectionRecord = {
  subjectId: 's1',
  projectId: 'p1',
  planId: 'plan1',
  adHoc: null,
  inspectors: ['i1', 'i2'],
  startedAt: '2026-03-10T08:00:00.000Z',
  endedAt: '2026-03-10T10:00:00.000Z',
  creditStateBefore: { grade: null, raised: false },
  template: { industry: 'construction', version: 1 },
  items: [
    { code: 'SG-01', result: 'compliant', note: '', photos: [hashA] },
    { code: 'SG-02', result: 'nonCompliant', note: '项目经理不在岗', photos: [hashA, hashB] },
    { code: 'SG-03', result: 'notApplicable', note: '', photos: [] },
  ],
  findings: [
    {
      id: 'f1',
      itemCode: 'SG-02',
      severity: 'major',
      description: '项目负责人未到岗',
      rectifyBy: '2026-03-17',
      photos: [hashB],
    },
  ],
  representative: '张三',
  signature: { sha256: 'c'.repeat(64), name: 'signature.png', mimeType: 'image/png', size: 500 },
  conclusion: '责令限期整改',
};
const context: InspectionContext = { today: '2026-03-10', conflicted: [], complete: true };

function codes(record: InspectionRecord, ctx = context): [string, string][] {
  const result = validateInspection(record, ctx);
  return result.ok ? [] : result.issues.map((found) => [found.field, found.code]);
}

describe('inspection record validation', () => {
  it('accepts a complete record', () => {
    expect(codes(complete)).toEqual([]);
  });

  it('refuses a finding without a result on its item, and one on a compliant item', () => {
    const record = {
      ...complete,
      items: complete.items.map((item) => (item.code === 'SG-02' ? { ...item, result: null } : item)),
      findings: [...complete.findings, { ...complete.findings[0]!, id: 'f2', itemCode: 'SG-01' }],
    };
    expect(codes(record, { ...context, complete: false })).toEqual([
      ['findings.0.itemCode', 'inspection.findingWithoutResult'],
      ['findings.1.itemCode', 'inspection.findingOnCompliant'],
    ]);
  });

  it('refuses a rectification deadline in the past', () => {
    const record = { ...complete, findings: [{ ...complete.findings[0]!, rectifyBy: '2026-03-09' }] };
    expect(codes(record)).toEqual([['findings.0.rectifyBy', 'inspection.deadlinePast']]);
  });

  it('refuses an inspector who is the inspected party’s contact, and a lone inspector', () => {
    expect(codes(complete, { ...context, conflicted: ['i2'] })).toEqual([
      ['inspectors.1', 'inspection.inspectorIsContact'],
    ]);
    expect(codes({ ...complete, inspectors: ['i1', 'i1'] })).toEqual([
      ['inspectors', 'inspection.inspectorsTwo'],
    ]);
  });

  it('needs a plan or an ad hoc reason, not both', () => {
    expect(codes({ ...complete, planId: null })).toEqual([['planId', 'inspection.planOrReason']]);
    expect(codes({ ...complete, planId: null, adHoc: { reason: 'complaint', note: '12345 热线' } })).toEqual(
      [],
    );
  });

  it('lets a draft be incomplete but not a completed record', () => {
    const draft: InspectionRecord = {
      ...complete,
      endedAt: '',
      items: [...complete.items, { code: 'SG-04', result: null, note: '', photos: [] }],
      findings: [],
      signature: { ...complete.signature, sha256: '' },
      representative: '',
      conclusion: '',
    };
    expect(codes(draft, { ...context, complete: false })).toEqual([]);
    expect(codes(draft)).toEqual([
      ['items.1.result', 'inspection.nonCompliantWithoutFinding'],
      ['items.3.result', 'inspection.itemWithoutResult'],
      ['representative', 'required'],
      ['signature', 'required'],
      ['conclusion', 'required'],
      ['endedAt', 'required'],
    ]);
  });

  it('checks photo references at any depth and lists each hash once', () => {
    const record = {
      ...complete,
      items: [{ ...complete.items[0]!, photos: [photo('not-a-hash')] }, ...complete.items.slice(1)],
    };
    expect(codes(record)).toEqual([['items.0.photos.0', 'inspection.photoHash']]);
    expect(photoHashesOf(complete)).toEqual([hashA.sha256, hashB.sha256, 'c'.repeat(64)]);
  });
});
