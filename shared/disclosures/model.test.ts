import { describe, expect, it } from 'vitest';
import { fixtureCodes, sampleLicence, samplePenalty, withIdCheck } from '../creditRecords/testFixtures.ts';
import {
  columnsOf,
  type DisclosureInput,
  defaultDisclosureRules,
  fieldOfStandardCode,
  linkDerivedRecord,
  normalizePenaltyCategory,
  standardFieldCode,
  validateDisclosureInput,
} from './model.ts';

const today = '2026-03-20';
const wrongCheckId = fixtureCodes.person.slice(0, 17) + (fixtureCodes.person.endsWith('0') ? '1' : '0');

function problems(input: DisclosureInput): [string, string][] {
  const result = validateDisclosureInput(input, today);
  return result.ok ? [] : result.issues.map((i) => [i.field, i.code]);
}

describe('standard field codes', () => {
  it('maps properties to codes per kind and back', () => {
    expect(standardFieldCode('penalty', 'decisionDate')).toBe('CF_JDRQ');
    expect(standardFieldCode('licence', 'decisionDate')).toBe('XK_JDRQ');
    expect(standardFieldCode('licence', 'validUntil')).toBe('XK_YXQZI');
    expect(standardFieldCode('licence', 'fineAmount')).toBeNull();
    expect(fieldOfStandardCode('penalty', 'CF_NR_FK')).toBe('fineAmount');
    expect(fieldOfStandardCode('penalty', 'XK_NR')).toBeNull();
  });

  it('lists every field of the reference for each kind, in file order', () => {
    expect(columnsOf('licence').map((c) => c.code)).toHaveLength(28);
    expect(columnsOf('penalty').map((c) => c.code)).toHaveLength(30);
    expect(
      columnsOf('penalty')
        .slice(0, 2)
        .map((c) => c.code),
    ).toEqual(['CF_XDR_MC', 'CF_XDR_LB']);
    expect(columnsOf('licence').at(-1)?.code).toBe('BZ');
  });
});

describe('valid records', () => {
  it('accepts a licence and a penalty of a legal person', () => {
    expect(problems(sampleLicence())).toEqual([]);
    expect(problems(samplePenalty())).toEqual([]);
  });

  it('accepts a natural person with a resident ID and normalizes codes', () => {
    const person = samplePenalty({
      partyName: '王五',
      partyCategory: '02',
      partyUscc: '',
      legalRepresentative: '',
      partyIdType: '01',
      partyIdNumber: ` ${fixtureCodes.person.toLowerCase()} `,
    });
    const result = validateDisclosureInput(person, today);
    expect(result.ok && result.value.partyIdNumber).toBe(fixtureCodes.person);
  });

  it('accepts a passport number for a foreign natural person', () => {
    const foreigner = samplePenalty({ partyCategory: '02', partyIdType: '02', partyIdNumber: 'E12345678' });
    expect(problems(foreigner)).toEqual([]);
  });

  it('maps legacy and named penalty categories', () => {
    expect(normalizePenaltyCategory('1')).toBe('03');
    expect(normalizePenaltyCategory('0')).toBe('01');
    expect(normalizePenaltyCategory('罚款')).toBe('03');
    expect(normalizePenaltyCategory('10')).toBe('10');
    const legacy = validateDisclosureInput(samplePenalty({ penaltyCategories: ['0', '1', '罚款'] }), today);
    expect(legacy.ok && legacy.value.penaltyCategories).toEqual(['01', '03']);
  });
});

describe('invalid records name the standard field and the rule', () => {
  it.each<[string, Partial<DisclosureInput>, string, string]>([
    ['missing decision date', { decisionDate: '' }, 'CF_JDRQ', 'required'],
    ['malformed decision date', { decisionDate: '2026/03/06' }, 'CF_JDRQ', 'dateFormat'],
    ['decision in the future', { decisionDate: '2026-03-21' }, 'CF_JDRQ', 'dateInFuture'],
    [
      'valid-until before decision',
      { validUntil: '2026-03-05' },
      'CF_YXQ',
      'disclosure.validUntilBeforeDecision',
    ],
    [
      'publicity end on the decision day',
      { publicityEnd: '2026-03-06' },
      'CF_GSJZQ',
      'disclosure.publicityEndNotAfterDecision',
    ],
    ['missing USCC of a legal person', { partyUscc: '' }, 'CF_XDR_SHXYM', 'required'],
    ['wrong USCC check character', { partyUscc: '91350100M000100Y44' }, 'CF_XDR_SHXYM', 'uscc.checkChar'],
    ['short USCC', { partyUscc: '91350100M000100' }, 'CF_XDR_SHXYM', 'uscc.length'],
    ['authority code with I', { authorityCode: '11150303MB123456I0' }, 'CF_CFJGDM', 'uscc.character'],
    ['missing legal representative', { legalRepresentative: '' }, 'CF_FRDB', 'required'],
    ['unknown party category', { partyCategory: '04' }, 'CF_XDR_LB', 'oneOf'],
    [
      'natural person without ID type',
      { partyCategory: '02', partyIdNumber: fixtureCodes.person },
      'CF_XDR_ZJLX',
      'required',
    ],
    [
      'natural person without ID number',
      { partyCategory: '02', partyIdType: '01' },
      'CF_XDR_ZJHM',
      'required',
    ],
    [
      'bad resident ID check',
      { partyCategory: '02', partyIdType: '01', partyIdNumber: wrongCheckId },
      'CF_XDR_ZJHM',
      'residentId.checkChar',
    ],
    [
      'resident ID born in the future',
      { partyCategory: '02', partyIdType: '01', partyIdNumber: withIdCheck('15030320300101201') },
      'CF_XDR_ZJHM',
      'residentId.birthFuture',
    ],
    [
      'malformed passport number',
      { partyCategory: '02', partyIdType: '02', partyIdNumber: 'E1#' },
      'CF_XDR_ZJHM',
      'idNumber.format',
    ],
    [
      'unknown ID type',
      { partyCategory: '02', partyIdType: '09', partyIdNumber: 'E12345678' },
      'CF_XDR_ZJLX',
      'oneOf',
    ],
    ['representative ID type without number', { legalRepIdType: '01' }, 'CF_FR_ZJHM', 'required'],
    ['no penalty category', { penaltyCategories: [] }, 'CF_CFLB', 'required'],
    ['unknown penalty category', { penaltyCategories: ['03', '42'] }, 'CF_CFLB', 'oneOf'],
    ['fine without amount', { fineAmount: '' }, 'CF_NR_FK', 'required'],
    ['negative fine', { fineAmount: '-1' }, 'CF_NR_FK', 'amount.negative'],
    ['fine with text', { fineAmount: '2万' }, 'CF_NR_FK', 'amount.format'],
    ['fine with 7 decimals', { fineAmount: '0.1234567' }, 'CF_NR_FK', 'amount.decimals'],
    ['bad confiscation amount', { confiscatedAmount: '1,5' }, 'CF_NR_WFFF', 'amount.format'],
    ['revocation without licence named', { penaltyCategories: ['08'] }, 'CF_NR_ZKDX', 'required'],
    ['too long facts', { violationFacts: '事'.repeat(2001) }, 'CF_SY', 'tooLong'],
    ['licence field on a penalty', { licenceCategory: '01' }, 'licenceCategory', 'disclosure.notApplicable'],
    ['unknown severity', { severity: 'grave' as never }, 'severity', 'oneOf'],
    [
      'report before decision',
      { reportedAt: '2026-03-05' },
      'reportedAt',
      'disclosure.reportedBeforeDecision',
    ],
    ['report in the future', { reportedAt: '2026-03-21' }, 'reportedAt', 'dateInFuture'],
    ['subject id not a UUID', { subjectId: 'abc' }, 'subjectId', 'uuid'],
  ])('penalty: %s', (_, overrides, field, code) => {
    expect(problems(samplePenalty(overrides))).toContainEqual([field, code]);
  });

  it.each<[string, Partial<DisclosureInput>, string, string]>([
    ['missing licence category', { licenceCategory: '' }, 'XK_XKLB', 'required'],
    ['unknown licence category', { licenceCategory: '07' }, 'XK_XKLB', 'oneOf'],
    ['unknown status', { licenceStatus: '9' }, 'XK_ZT', 'oneOf'],
    [
      'valid-until before valid-from',
      { validFrom: '2026-03-06', validUntil: '2026-03-05' },
      'XK_YXQZI',
      'disclosure.validUntilBeforeValidFrom',
    ],
    [
      'valid-until before the decision',
      { validUntil: '2026-03-01' },
      'XK_YXQZI',
      'disclosure.validUntilBeforeDecision',
    ],
    ['missing decision document name', { documentName: '' }, 'XK_XKWS', 'required'],
    ['bad source unit code', { sourceUnitCode: '123' }, 'XK_LYDWDM', 'uscc.length'],
    ['penalty field on a licence', { fineAmount: '1' }, 'fineAmount', 'disclosure.notApplicable'],
    [
      'penalty categories on a licence',
      { penaltyCategories: ['01'] },
      'penaltyCategories',
      'disclosure.notApplicable',
    ],
    ['severity on a licence', { severity: 'general' }, 'severity', 'disclosure.notApplicable'],
    [
      'simple procedure on a licence',
      { simpleProcedure: true },
      'simpleProcedure',
      'disclosure.notApplicable',
    ],
    ['too long remarks', { remarks: 'x'.repeat(513) }, 'BZ', 'tooLong'],
  ])('licence: %s', (_, overrides, field, code) => {
    expect(problems(sampleLicence(overrides))).toContainEqual([field, code]);
  });

  it('reports nothing else for a single broken field', () => {
    expect(problems(samplePenalty({ decisionDate: '2026-03-21' }))).toEqual([['CF_JDRQ', 'dateInFuture']]);
    expect(problems(sampleLicence({ licenceStatus: '' }))).toEqual([['XK_ZT', 'required']]);
  });

  it('rejects an unknown kind outright', () => {
    const result = validateDisclosureInput({ ...samplePenalty(), kind: 'permit' as never }, today);
    expect(result).toEqual({ ok: false, issues: [{ field: 'kind', code: 'oneOf' }] });
  });

  it('takes required fields from configuration', () => {
    const relaxed = {
      ...defaultDisclosureRules,
      required: { ...defaultDisclosureRules.required, licence: ['partyName' as const] },
    };
    const sparse = sampleLicence({ documentName: '', licenceStatus: '' });
    expect(validateDisclosureInput(sparse, today, relaxed).ok).toBe(true);
  });
});

describe('derived record link', () => {
  it('records the derived credit record on the penalty', () => {
    const penalty = samplePenalty();
    expect(linkDerivedRecord(penalty, '0190a000-0000-7000-8000-000000000009').derivedRecordId).toBe(
      '0190a000-0000-7000-8000-000000000009',
    );
    expect(penalty.derivedRecordId).toBe('');
  });
});
