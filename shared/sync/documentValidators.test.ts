import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { idCheckChar, organizationCodeCheckChar, usccCheckChar } from '../base/identifiers.ts';
import type { SubjectDocument } from '../subjects/model.ts';
import { uuidv7 } from '../base/uuid.ts';
import {
  documentValidators,
  validateAgainstJsonSchema,
  validateSubjectDocument,
} from './documentValidators.ts';

const context = { today: '2026-06-30' };

function uscc(division: string, serial: number): string {
  const body = String(serial).padStart(8, '0');
  const first17 = `91${division}${body}${organizationCodeCheckChar(body)}`;
  return `${first17}${usccCheckChar(first17)}`;
}

/** A made-up resident ID number with a valid check character (division 410526, born 1985-04-12). */
function residentId(serial: number): string {
  const first17 = `41052619850412${String(serial).padStart(3, '0')}`;
  return `${first17}${idCheckChar(first17)}`;
}

function enterprise(overrides: Partial<SubjectDocument> = {}): SubjectDocument {
  return {
    id: uuidv7(),
    county: '410526',
    createdAt: '2026-05-01T08:00:00.000Z',
    updatedAt: '2026-05-02T09:30:00.000+08:00',
    createdBy: 'user-1',
    updatedBy: 'user-2',
    kind: 'enterprise',
    name: '示范建设工程有限公司',
    code: uscc('410526', 1234),
    industry: 'construction',
    status: 'active',
    legalRepresentative: '示范法人',
    qualification: '',
    qualificationLevel: '',
    address: '',
    division: '410526',
    contactPerson: '',
    phone: '13800000000',
    employerId: '',
    certificateNumber: '',
    ...overrides,
  };
}

const codes = (doc: unknown) =>
  validateSubjectDocument(doc, context).map((item) => `${item.field}:${item.code}`);

describe('subject document validator', () => {
  test('accepts valid enterprises and practitioners, with or without _deleted', () => {
    expect(codes(enterprise())).toEqual([]);
    expect(codes({ ...enterprise(), _deleted: true })).toEqual([]);
    const practitioner = enterprise({
      kind: 'practitioner',
      code: residentId(7),
      legalRepresentative: '',
      division: '',
      certificateNumber: '建[2020]001',
    });
    expect(codes(practitioner)).toEqual([]);
  });

  test('reports structural problems against the JSON schema', () => {
    const { name: _, ...withoutName } = enterprise();
    expect(codes(withoutName)).toEqual(['name:missing']);
    expect(codes({ ...enterprise(), status: 3 })).toEqual(['status:type']);
    expect(codes({ ...enterprise(), industry: 'mining' })).toEqual(['industry:oneOf']);
    expect(codes({ ...enterprise(), address: '路'.repeat(201) })).toEqual(['address:tooLong']);
    expect(codes({ ...enterprise(), nickname: 'x' })).toEqual(['nickname:unknownField']);
    expect(codes({ ...enterprise(), _deleted: 'yes' })).toEqual(['_deleted:type']);
    expect(codes(null)).toEqual([':notObject']);
    expect(codes([enterprise()])).toEqual([':notObject']);
    expect(validateSubjectDocument({ ...enterprise(), name: 5 }, context)).toEqual([
      { field: 'name', code: 'type', params: { expected: 'string' } },
    ]);
  });

  test('checks the stamp fields every document carries', () => {
    expect(codes(enterprise({ id: 'subject-1' }))).toEqual(['id:uuid']);
    expect(codes(enterprise({ county: '41052' }))).toEqual(['county:divisionCode']);
    expect(codes(enterprise({ createdAt: '2026-05-01' }))).toEqual(['createdAt:isoInstant']);
    expect(codes(enterprise({ updatedAt: '2026-13-01T00:00:00Z' }))).toEqual(['updatedAt:isoInstant']);
    expect(codes(enterprise({ updatedBy: '' }))).toEqual(['updatedBy:required']);
  });

  test('applies the domain rules of subjects', () => {
    const code = uscc('410526', 99);
    const wrongCheck = `${code.slice(0, 17)}${code[17] === 'A' ? 'B' : 'A'}`;
    expect(codes(enterprise({ code: wrongCheck }))).toEqual(['code:uscc.checkChar']);
    expect(codes(enterprise({ legalRepresentative: '' }))).toEqual(['legalRepresentative:required']);
    expect(codes(enterprise({ phone: '12345' }))).toEqual(['phone:phone']);
    const unborn = `41052630000101001`;
    expect(
      codes(enterprise({ kind: 'practitioner', code: `${unborn}${idCheckChar(unborn)}`, division: '' })),
    ).toEqual(['code:residentId.birthFuture']);
  });

  test('refuses values that are valid only after normalization', () => {
    expect(codes(enterprise({ name: '示范建设工程有限公司 ' }))).toEqual(['name:notNormalized']);
    expect(codes(enterprise({ code: uscc('410526', 5).replace(/^9/, '\uFF19') }))).toEqual([
      'code:notNormalized',
    ]);
    expect(codes(enterprise({ phone: '138 0000 0000' }))).toEqual(['phone:notNormalized']);
  });

  test('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(Array.isArray(validateSubjectDocument(value, context))).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...Object.keys(enterprise())), fc.jsonValue()), (fields) => {
        expect(Array.isArray(validateSubjectDocument({ ...enterprise(), ...fields }, context))).toBe(true);
      }),
    );
  });

  test('every registered validator refuses what is not a document and never throws', () => {
    const registered = Object.entries(documentValidators);
    expect(registered.map(([name]) => name)).toContain('subjects');
    for (const [, validate] of registered) {
      expect(validate(null, context)).toEqual([{ field: '', code: 'notObject' }]);
      fc.assert(
        fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (fields) => {
          expect(Array.isArray(validate({ ...fields, _deleted: false }, context))).toBe(true);
        }),
        { numRuns: 50 },
      );
      // Fields named like Object.prototype members must not make a validator throw.
      const prototypeNames = { toString: false, constructor: 1, valueOf: 'x', id: 'a', _deleted: false };
      expect(Array.isArray(validate(prototypeNames, context))).toBe(true);
    }
  });
});

describe('JSON schema check', () => {
  const schema = {
    properties: {
      n: { type: 'integer' },
      x: { type: 'number' },
      b: { type: 'boolean' },
      list: { type: 'array' },
    },
    required: ['n'],
    additionalProperties: true,
  };

  test('checks numbers, booleans and arrays; allows extra fields when the schema does', () => {
    expect(validateAgainstJsonSchema({ n: 1, x: 1.5, b: true, list: [], extra: 1 }, schema)).toEqual([]);
    expect(
      validateAgainstJsonSchema({ n: 1.5, x: Number.NaN, b: 'no', list: {} }, schema).map((i) => i.field),
    ).toEqual(['n', 'x', 'b', 'list']);
  });
});
