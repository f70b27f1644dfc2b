import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom, syntheticResidentId, syntheticUscc } from '../demo/subjects.ts';
import {
  checkResidentId,
  checkUscc,
  checkUsccOrganizationCode,
  idCheckChar,
  implausibleAge,
  maskPhone,
  maskResidentId,
  normalizeCode,
} from './identifiers.ts';

const today = '2026-11-25';

describe('unified social credit code', () => {
  it.each(['91350100M000100Y43', '91310110666007217T', '9135052155323005XL'])('accepts %s', (code) => {
    expect(checkUscc(code)).toBeNull();
  });

  it('names the expected check character when it is wrong', () => {
    expect(checkUscc('91350100M000100Y44')).toEqual({ code: 'uscc.checkChar', params: { expected: '3' } });
  });

  it('refuses letters outside the code set, naming the position', () => {
    expect(checkUscc('91350100M0001I0Y43')).toEqual({
      code: 'uscc.character',
      params: { position: 14, char: 'I' },
    });
  });

  it('refuses a wrong length and a non-numeric division', () => {
    expect(checkUscc('91350100M000100Y4')).toEqual({ code: 'uscc.length', params: { length: 17 } });
    expect(checkUscc('913A0100M000100Y43')?.code).toBe('uscc.division');
  });

  it('normalizes full-width characters, spaces and lower case', () => {
    expect(normalizeCode(' ９１３５０１００ｍ000100y43 ')).toBe('91350100M000100Y43');
  });

  it('checks the nested organization code', () => {
    expect(checkUsccOrganizationCode('91350100M000100Y43')).toBeNull();
    expect(checkUsccOrganizationCode('91350100M000101Y43')?.code).toBe('uscc.orgCodeCheck');
  });

  it('accepts every generated code and refuses it with any other check character', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const code = syntheticUscc(seededRandom(seed), '410823');
        expect(checkUscc(code)).toBeNull();
        expect(checkUsccOrganizationCode(code)).toBeNull();
        const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
        expect(checkUscc(wrong)?.code).toBe('uscc.checkChar');
      }),
    );
  });
});

describe('resident identity number', () => {
  it.each(['11010519491231002X', '440882198503293017'])('accepts %s', (id) => {
    expect(checkResidentId(id, today)).toBeNull();
  });

  it('names the expected check character', () => {
    expect(checkResidentId('110105194912310021', today)).toEqual({
      code: 'residentId.checkChar',
      params: { expected: 'X' },
    });
  });

  it('refuses impossible and future birth dates', () => {
    expect(checkResidentId('110105194902300021', today)?.code).toBe('residentId.birthDate');
    expect(checkResidentId('110105202801010021', today)?.code).toBe('residentId.birthFuture');
  });

  it('refuses bad formats', () => {
    expect(checkResidentId('11010519491231002', today)?.code).toBe('residentId.length');
    expect(checkResidentId('1101051949123100ZX', today)?.code).toBe('residentId.format');
  });

  it('accepts every generated number and refuses a changed digit', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 16 }), (seed, position) => {
        const id = syntheticResidentId(seededRandom(seed), '410823');
        expect(checkResidentId(id, today)).toBeNull();
        const digit = Number(id[position]);
        const changed = id.slice(0, position) + ((digit + 1) % 10) + id.slice(position + 1);
        expect(checkResidentId(changed, today)).not.toBeNull();
      }),
    );
  });
});

describe('masking', () => {
  it('keeps the division code and last four characters of an ID number', () => {
    expect(maskResidentId('11010519491231002X')).toBe('110105********002X');
  });
  it('keeps the first three and last four digits of a phone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});

describe('practitioner age', () => {
  const born = (date: string) => {
    const first17 = `410823${date.replaceAll('-', '')}301`;
    return `${first17}${idCheckChar(first17)}`;
  };

  it('warns about a child or someone over 100, never about a working age', () => {
    expect(implausibleAge(born('2017-03-29'), '2026-12-06')).toEqual({
      code: 'residentId.tooYoung',
      params: { age: 9, min: 16 },
    });
    expect(implausibleAge(born('1920-01-01'), '2026-12-06')).toEqual({
      code: 'residentId.tooOld',
      params: { age: 106, max: 100 },
    });
    expect(implausibleAge(born('1985-03-29'), '2026-12-06')).toBeNull();
    // 16 on the birthday, 15 the day before.
    expect(implausibleAge(born('2010-12-06'), '2026-12-06')).toBeNull();
    expect(implausibleAge(born('2010-12-07'), '2026-12-06')?.params).toEqual({ age: 15, min: 16 });
  });

  it('leaves invalid numbers to the check that refuses them', () => {
    expect(implausibleAge('1', '2026-12-06')).toBeNull();
    expect(implausibleAge(born('2027-01-01'), '2026-12-06')).toBeNull();
  });
});
