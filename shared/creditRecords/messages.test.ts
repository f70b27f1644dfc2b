import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from './defaultCatalog.ts';
import { derivePenaltyRecord } from '../disclosures/derivation.ts';
import { asDocument, samplePenalty } from './testFixtures.ts';
import { validateHolidayCalendar } from '../base/calendar/workdays.ts';
import { checkWorkflowAction } from './workflow.ts';
import { importReportingFile } from '../disclosures/file.ts';
import { encodeUtf8 } from '../base/io/web.ts';
import {
  catalogPenaltySeverities,
  defaultCreditCategories,
  disclosureAttributes,
  sharingMethods,
  updateFrequencies,
  validateCatalog,
} from './catalog.ts';
import {
  creditRecordSources,
  creditRecordStatuses,
  emptyCreditRecordInput,
  validateCreditRecordInput,
  workflowActions,
} from './model.ts';
import {
  columnsOf,
  emptyDisclosureInput,
  idTypes,
  licenceCategories,
  licenceStatuses,
  partyCategories,
  penaltyCategories,
  penaltySeverities,
  validateDisclosureInput,
} from '../disclosures/model.ts';
import { creditMessages } from './messages.ts';

const zh = creditMessages['zh-CN'];
const en = creditMessages.en;

/** Codes whose messages the app already has (renderer/i18n and shared/sync/messages.ts). */
const appCommonCode = /^(required|tooLong|oneOf|uuid|uscc\.\w+|residentId\.\w+)$/;

describe('credit messages', () => {
  it('has the same keys in both languages and no empty message', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const messages of [zh, en]) {
      expect(Object.entries(messages).filter(([, text]) => text.trim() === '')).toEqual([]);
    }
  });

  it('can be nested as i18next resources: no key is also a group', () => {
    const keys = Object.keys(zh);
    const clashes = keys.filter((key) => keys.some((other) => other.startsWith(`${key}.`)));
    expect(clashes).toEqual([]);
  });

  it('explains every rule the credit validators, workflow, calendar and importer break', async () => {
    const codes = new Set<string>();
    const collect = (issues: { code: string }[]) => {
      for (const found of issues) codes.add(found.code);
    };
    const brokenItem = {
      ...defaultCatalog[0]!,
      code: 'bad code',
      basis: [],
      subjectTypes: ['enterprise', 'enterprise'] as never,
      validFrom: '2026-02-30',
      catalogVersion: 'v'.repeat(30),
      penaltySeverity: 'general' as const,
    };
    collect(validateCatalog([brokenItem, { ...defaultCatalog[1]!, code: 'bad code' }]));
    collect(
      validateCatalog([{ ...defaultCatalog[0]!, validUntil: '2020-01-01', basis: Array(11).fill('x') }]),
    );
    for (const publicity of [
      { whileValid: false, minMonths: 5, maxMonths: 4, defaultMonths: 4 },
      { whileValid: true, minMonths: 1, maxMonths: 2, defaultMonths: 1 },
      { whileValid: false, minMonths: -1, maxMonths: 4, defaultMonths: 4 },
      { whileValid: false, minMonths: 13, maxMonths: 20, defaultMonths: 20 },
    ]) {
      collect(validateCatalog([{ ...defaultCatalog.find((i) => i.code === 'WY-YB-01')!, publicity }]));
      collect(validateCatalog([{ ...defaultCatalog[0]!, publicity }]));
    }

    const context = { catalog: defaultCatalog, today: '2026-04-01' };
    for (const overrides of [
      { catalogCode: 'NOPE', decisionDate: '2026-05-01' },
      {
        catalogCode: 'WY-YB-01',
        category: 'basic',
        decisionDate: '2020-01-01',
        publicityStart: '2019-01-01',
      },
      {
        catalogCode: 'WY-YB-01',
        category: 'generalDishonest',
        publicityStart: '2026-01-01',
        publicityEnd: '2025-01-01',
      },
      {
        catalogCode: 'WY-YB-01',
        category: 'generalDishonest',
        publicityStart: '2026-01-01',
        publicityEnd: '2026-02-01',
      },
      {
        catalogCode: 'WY-YB-01',
        category: 'generalDishonest',
        publicityStart: '2026-01-01',
        publicityEnd: '2029-02-01',
      },
      {
        decisionDate: 'x',
        attachments: Array(51).fill({ sha256: 'x', name: '', mimeType: 'x', size: -1 }),
        workflow: [{ action: 'submit' as const, by: 'u', at: 'yesterday', note: 'n'.repeat(501) }],
      },
    ]) {
      const result = validateCreditRecordInput({ ...emptyCreditRecordInput(), ...overrides }, context);
      if (!result.ok) collect(result.issues);
    }

    for (const overrides of [
      {
        fineAmount: '-1',
        confiscatedAmount: '1.1234567',
        decisionDate: '2026-05-01',
        reportedAt: '2026-06-01',
      },
      {
        fineAmount: 'x',
        partyCategory: '02',
        partyIdType: '02',
        partyIdNumber: '#',
        validUntil: '2026-01-01',
      },
      {
        publicityEnd: '2026-03-06',
        reportedAt: '2026-03-01',
        licenceCategory: '01',
        decisionDate: '2026-03-06',
      },
    ]) {
      const result = validateDisclosureInput(samplePenalty(overrides), '2026-04-01');
      if (!result.ok) collect(result.issues);
    }
    const licence = {
      ...emptyDisclosureInput('licence'),
      validFrom: '2026-02-02',
      validUntil: '2026-02-01',
      decisionDate: 'x',
    };
    const licenceResult = validateDisclosureInput(licence, '2026-04-01');
    if (!licenceResult.ok) collect(licenceResult.issues);

    const record = { status: 'approved' as const, workflow: [], createdBy: 'u' };
    collect(checkWorkflowAction(record, 'submit', { userId: '', canApprove: false }));
    collect(checkWorkflowAction(record, 'revoke', { userId: 'u', canApprove: false }));
    collect(checkWorkflowAction(record, 'revoke', { userId: 'u', canApprove: true }));

    const calendar = validateHolidayCalendar({
      kind: 'holidayCalendar',
      year: 1999,
      source: '',
      holidays: ['2027-01-01', 'x', ...Array(120).fill('2027-01-02')],
      workdays: ['2027-01-04'],
    });
    if (!calendar.ok) collect(calendar.issues);

    const missing = [...codes].filter((code) => !appCommonCode.test(code) && !(`validation.${code}` in en));
    expect(codes.size).toBeGreaterThan(40);
    expect(missing).toEqual([]);

    const fileCodes = new Set<string>();
    for (const bytes of [
      new Uint8Array(),
      encodeUtf8('"open'),
      encodeUtf8('XK_XDR_MC\r\nx\r\n'),
      encodeUtf8('a\r\nb\r\n'),
      encodeUtf8('CF_JDRQ,CF_JDRQ\r\nx,y\r\n'),
      encodeUtf8('CF_JDRQ\r\nx\r\n'),
      encodeUtf8(
        `${columnsOf('penalty')
          .map((c) => c.code)
          .join(',')}\r\n`,
      ),
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]),
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]),
      new Uint8Array([0x50, 0x4b, 0x05, 0x06]),
      new Uint8Array([0, 1, 2]),
    ]) {
      const result = await importReportingFile('penalty', bytes, { today: '2026-04-01' });
      if (!result.ok) fileCodes.add(result.error.code);
    }
    expect(fileCodes.size).toBeGreaterThanOrEqual(10);
    expect([...fileCodes].filter((code) => !(`validation.${code}` in zh))).toEqual([]);
  });

  it('labels every code value the model defines', () => {
    const expected = [
      ...defaultCreditCategories.map((c) => `credit.category.${c.code}`),
      ...disclosureAttributes.map((a) => `credit.disclosure.${a}`),
      ...sharingMethods.map((m) => `credit.sharingMethod.${m}`),
      ...updateFrequencies.map((f) => `credit.updateFrequency.${f}`),
      ...creditRecordStatuses.map((s) => `credit.status.${s}`),
      ...creditRecordSources.map((s) => `credit.source.${s}`),
      ...workflowActions.map((a) => `credit.workflow.action.${a}`),
      ...penaltySeverities.map((s) => `disclosure.severity.${s}`),
      ...catalogPenaltySeverities.filter((s) => s !== '').map((s) => `disclosure.severity.${s}`),
      ...partyCategories.map((e) => `disclosure.partyCategory.${e.code}`),
      ...idTypes.map((e) => `disclosure.idType.${e.code}`),
      ...licenceCategories.map((e) => `disclosure.licenceCategory.${e.code}`),
      ...licenceStatuses.map((e) => `disclosure.licenceStatus.${e.code}`),
      ...penaltyCategories.map((e) => `disclosure.penaltyCategory.${e.code}`),
      ...[...columnsOf('licence'), ...columnsOf('penalty')].map((c) => `disclosure.field.${c.code}`),
      ...['reporting', 'compliance', 'timeliness'].flatMap((r) => [
        `credit.rate.${r}.name`,
        `credit.rate.${r}.help`,
      ]),
      'warning.calendarMissingYear',
      'credit.derivation.simpleProcedure',
      'credit.derivation.minorSeverity',
      'credit.derivation.notPenalty',
      'credit.derivation.noCatalogItem',
    ];
    expect(expected.filter((key) => !(key in zh) || !(key in en))).toEqual([]);
    expect(zh['disclosure.field.CF_JDRQ']).toBe('处罚决定日期');
    expect(zh['disclosure.penaltyCategory.03']).toBe('罚款');
  });

  it('renders parameters and nested code labels with i18next', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'zh-CN',
      resources: { 'zh-CN': { translation: zh }, en: { translation: en } },
      interpolation: { escapeValue: false },
    });
    expect(i18n.t('validation.publicity.tooShort', { min: 3 })).toBe('公示期不能短于 3 个月');
    expect(i18n.t('validation.workflow.illegalTransition', { from: 'draft', action: 'approve' })).toBe(
      '状态为“草稿”的记录不能执行“审核通过”',
    );
    expect(i18n.t('warning.calendarMissingYear', { year: 2027 })).toBe(
      '尚未载入 2027 年的节假日安排，该年仅按周末计算工作日',
    );
    const excluded = derivePenaltyRecord(asDocument(samplePenalty({ partyCategory: '02' }), 1), []);
    expect(excluded.outcome).toBe('noCatalogItem');
    if (excluded.outcome === 'noCatalogItem') {
      expect(i18n.t('credit.derivation.noCatalogItem', excluded)).toBe(
        '目录中没有接收一般处罚的从业人员信息项',
      );
    }
    await i18n.changeLanguage('en');
    expect(i18n.t('validation.file.wrongKind', { kind: 'licence' })).toBe(
      'The file does not hold administrative licence records',
    );
    expect(i18n.t('credit.rate.timeliness.help', { days: 7 })).toContain('within 7 working days');
  });
});
