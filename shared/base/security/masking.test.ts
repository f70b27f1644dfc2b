import { describe, expect, it } from 'vitest';
import {
  defaultClearTextPolicy,
  displayPersonalValue,
  maskAddress,
  maskPersonalValue,
  mayReveal,
  personalFieldsOf,
  seesInClear,
} from './masking.ts';
import { roles } from './permissions.ts';

describe('masking', () => {
  it('masks ID numbers, phones and addresses', () => {
    expect(maskPersonalValue('idNumber', '11010519491231002X')).toBe('110105********002X');
    expect(maskPersonalValue('phone', '13812345678')).toBe('138****5678');
    expect(maskPersonalValue('address', '河南省焦作市武陟县木城街道建设路88号')).toBe('河南省焦作市****');
    expect(maskPersonalValue('phone', '')).toBe('');
  });

  it('keeps the first six characters of an address, counting characters not code units', () => {
    expect(maskAddress('𠀀𠀁𠀂𠀃𠀄𠀅𠀆')).toBe('𠀀𠀁𠀂𠀃𠀄𠀅****');
    expect(maskAddress('武陟县木城')).toBe('武陟县木城');
  });

  it('shows personal data masked to every role by default', () => {
    for (const role of roles) {
      expect(seesInClear([role], 'idNumber')).toBe(false);
      expect(displayPersonalValue('idNumber', '11010519491231002X', [role])).toBe('110105********002X');
    }
    expect(defaultClearTextPolicy).toEqual({ idNumber: [], phone: [], address: [] });
  });

  it('shows in clear what a configured policy allows', () => {
    const policy = { ...defaultClearTextPolicy, phone: ['inspector'] as const };
    expect(displayPersonalValue('phone', '13812345678', ['inspector'], policy)).toBe('13812345678');
    expect(displayPersonalValue('phone', '13812345678', ['clerk'], policy)).toBe('138****5678');
    expect(displayPersonalValue('idNumber', '11010519491231002X', ['inspector'], policy)).toBe(
      '110105********002X',
    );
  });

  it('lets reviewers and administrators reveal, not clerks, inspectors or auditors', () => {
    expect(mayReveal(['reviewer'])).toBe(true);
    expect(mayReveal(['countyAdmin'])).toBe(true);
    expect(mayReveal(['clerk'])).toBe(false);
    expect(mayReveal(['inspector'])).toBe(false);
    expect(mayReveal(['auditor'])).toBe(false);
    expect(mayReveal(['clerk', 'reviewer'])).toBe(true);
  });

  it('finds the personal fields of a document', () => {
    expect(personalFieldsOf('subjects', { kind: 'practitioner' }).map((f) => f.field)).toEqual([
      'code',
      'phone',
    ]);
    expect(personalFieldsOf('subjects', { kind: 'enterprise' }).map((f) => f.field)).toEqual(['phone']);
    expect(personalFieldsOf('reference', {})).toEqual([]);
  });
});
