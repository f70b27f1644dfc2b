import { describe, expect, it } from 'vitest';
import { generateDemoSubjects } from '../demo/subjects.ts';
import { emptySubjectInput, type SubjectInput, validateSubjectInput } from './model.ts';

const today = '2026-11-25';

function enterprise(overrides: Partial<SubjectInput> = {}): SubjectInput {
  return {
    ...emptySubjectInput('enterprise'),
    name: '武陟县宏达建筑工程有限公司',
    code: '91350100M000100Y43',
    legalRepresentative: '王伟',
    division: '410823',
    ...overrides,
  };
}

describe('subject validation', () => {
  it('accepts a complete enterprise and normalizes its code', () => {
    const result = validateSubjectInput(
      enterprise({ code: ' 91350100m000100y43 ', name: '  某公司 ' }),
      today,
    );
    expect(result).toMatchObject({ ok: true, value: { code: '91350100M000100Y43', name: '某公司' } });
  });

  it('lists every broken rule with its field', () => {
    const result = validateSubjectInput(
      enterprise({
        name: '',
        code: '91350100M000100Y44',
        legalRepresentative: '',
        division: '41',
        phone: '123',
      }),
      today,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { field: 'name', code: 'required' },
      { field: 'code', code: 'uscc.checkChar', params: { expected: '3' } },
      { field: 'legalRepresentative', code: 'required' },
      { field: 'division', code: 'divisionCode' },
      { field: 'phone', code: 'phone' },
    ]);
  });

  it('checks a practitioner code as a resident ID number', () => {
    const practitioner = { ...emptySubjectInput('practitioner'), name: '李娜', code: '91350100M000100Y43' };
    const result = validateSubjectInput(practitioner, today);
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual(['residentId.format']);
  });

  it('refuses text beyond the stored length', () => {
    const result = validateSubjectInput(enterprise({ address: '路'.repeat(201) }), today);
    expect(result.ok ? [] : result.issues).toEqual([
      { field: 'address', code: 'tooLong', params: { max: 200 } },
    ]);
  });

  it('accepts every generated demo subject', () => {
    const subjects = generateDemoSubjects({ seed: 7, count: 500, division: '410823' });
    expect(subjects.filter((s) => !validateSubjectInput(s, today).ok)).toEqual([]);
    expect(generateDemoSubjects({ seed: 7, count: 5, division: '410823' })).toEqual(subjects.slice(0, 5));
  });
});
