import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type DisclosureDocument,
  type DisclosureInput,
  emptyDisclosureInput,
} from '../../shared/disclosures/model.ts';
import type { SubjectDocument } from '../../shared/subjects/model.ts';
import { encodeCsv } from '../../shared/base/io/csv.ts';
import { reportingRows } from '../../shared/disclosures/file.ts';
import {
  codes,
  enterpriseInput,
  creditFileCollections,
  openProfile,
  type Profile,
  recordPenalty,
  registerSubject,
} from './creditHarness.ts';

const march = { from: '2026-03-01', to: '2026-03-31' };
const opened: Profile[] = [];
let profile: Profile;
let enterprise: SubjectDocument;

async function freshProfile(now = '2026-03-20T02:00:00.000Z'): Promise<Profile> {
  const next = await openProfile(now, undefined, creditFileCollections);
  opened.push(next);
  return next;
}

beforeEach(async () => {
  profile = await freshProfile();
  enterprise = await registerSubject(profile, enterpriseInput());
});

afterEach(async () => {
  for (const each of opened.splice(0)) await each.close();
});

function penalty(
  target: Profile,
  subject: SubjectDocument,
  overrides: Partial<DisclosureInput>,
): Promise<DisclosureDocument> {
  return recordPenalty(target, subject, {
    violationType: '违法分包',
    violationFacts: '将承接的工程分包给不具备相应资质的单位。',
    legalBasis: '《建设工程质量管理条例》第六十二条',
    content: '罚款人民币五万元',
    fineAmount: '5',
    validUntil: '2027-03-20',
    publicityEnd: '2027-03-20',
    ...overrides,
  });
}

/** A decision as both profiles should hold it, without what each profile stamps itself. */
function content(doc: DisclosureDocument) {
  const {
    id: _id,
    createdAt: _ca,
    updatedAt: _ua,
    createdBy: _cb,
    updatedBy: _ub,
    subjectId: _s,
    derivedRecordId: _d,
    ...rest
  } = doc;
  return rest;
}

describe('reporting rates', () => {
  it('counts reported, compliant and timely decisions of the period, with the ids behind each', async () => {
    const onTime = await penalty(profile, enterprise, {
      documentNumber: '武建罚字〔2026〕第1号',
      decisionDate: '2026-03-06',
    });
    const late = await penalty(profile, enterprise, {
      documentNumber: '武建罚字〔2026〕第2号',
      decisionDate: '2026-03-02',
    });
    await penalty(profile, enterprise, {
      documentNumber: '武建罚字〔2026〕第3号',
      decisionDate: '2026-03-19',
    });

    let rates = await profile.disclosures.rates(march);
    expect(rates.reporting).toMatchObject({ numerator: 0, denominator: 3, rate: 0 });
    expect(rates.timeliness.rate).toBeNull();

    // Decided Friday 03-06, due the 7th working day after: Tuesday 03-17.
    expect(profile.disclosures.timing(onTime)).toMatchObject({ deadline: '2026-03-17', late: true });
    await profile.disclosures.markReported(onTime.id, '2026-03-17');
    await profile.disclosures.markReported(late.id, '2026-03-20');
    rates = await profile.disclosures.rates(march);
    expect(rates.reporting).toMatchObject({ numerator: 2, denominator: 3 });
    expect(rates.compliance).toMatchObject({ numerator: 2, denominator: 2, rate: 1 });
    expect(rates.timeliness).toMatchObject({ numerator: 1, denominator: 2, shortfallIds: [late.id] });

    const lateRows = await profile.disclosures.list({ ...march, timing: 'late' });
    expect(lateRows.map((row) => row.disclosure.id)).toEqual([late.id]);
    const behind = await profile.disclosures.list({ ids: rates.timeliness.numeratorIds });
    expect(behind.map((row) => row.disclosure.documentNumber)).toEqual(['武建罚字〔2026〕第1号']);
  });
});

describe('reporting deadlines', () => {
  it('count working days by the holiday calendar: Spring Festival off, its make-up Saturdays on', async () => {
    // Decided Thursday 02-12: working days 02-13, Saturday 02-14 (make-up), 02-24 to 02-27 after the
    // holiday, and Saturday 02-28 (make-up) is the 7th. Weekends alone would give Monday 02-23.
    const decided = await penalty(profile, enterprise, {
      documentNumber: '武建罚字〔2026〕第31号',
      decisionDate: '2026-02-12',
    });
    expect(profile.disclosures.timing({ ...decided, reportedAt: '2026-02-27' })).toMatchObject({
      deadline: '2026-02-28',
      late: false,
    });
    expect(profile.disclosures.timing({ ...decided, reportedAt: '2026-03-02' })).toMatchObject({
      deadline: '2026-02-28',
      late: true,
    });
  });
});

describe('reporting files', () => {
  it('round-trips a month through CSV and XLSX into a fresh profile with the same result', async () => {
    const first = await penalty(profile, enterprise, {
      documentNumber: '武建罚字〔2026〕第7号',
      decisionDate: '2026-03-10',
    });
    await penalty(profile, enterprise, {
      documentNumber: '武建罚字〔2026〕第8号',
      decisionDate: '2026-03-12',
      severity: 'serious',
    });
    await penalty(profile, enterprise, {
      documentNumber: '武建罚字〔2026〕第9号',
      decisionDate: '2026-02-27',
    });
    await profile.disclosures.markReported(first.id, '2026-03-18');
    const original = await profile.disclosures.list({ ...march, kind: 'penalty' });
    const originalRates = await profile.disclosures.rates(march);

    for (const format of ['csv', 'xlsx'] as const) {
      const exported = await profile.disclosures.files.exportFile('penalty', format, march, '月度上报');
      if (!exported.ok) throw new Error(JSON.stringify(exported.issues));
      expect(exported.value).toMatchObject({ name: `行政处罚_2026-03-01_2026-03-31.${format}`, count: 2 });

      const target = await freshProfile();
      const subject = await registerSubject(target, enterpriseInput());
      const check = await target.disclosures.files.previewImport('penalty', exported.value.data, {
        severity: 'general',
        reportedAt: '',
      });
      if (!check.ok) throw new Error(JSON.stringify(check.error));
      expect(check.preview).toMatchObject({ errors: [], warnings: [] });
      expect(await target.db.disclosures.count().exec()).toBe(0);
      const committed = await target.disclosures.files.commitImport(check.preview);
      expect(committed).toEqual({ ok: true, value: { disclosures: 2, records: 2 } });

      const imported = await target.disclosures.list({ ...march, kind: 'penalty' });
      expect(imported.map((row) => row.disclosure.subjectId)).toEqual([subject.id, subject.id]);
      // The file carries neither the report date nor the severity: the import options supply them.
      expect(imported.map((row) => content(row.disclosure))).toEqual(
        original.map((row) => content({ ...row.disclosure, reportedAt: '', severity: 'general' })),
      );
      const file = await target.records.list({ subjectId: subject.id });
      expect(
        file.items.map((record) => [record.source, record.documentNumber, record.category]).sort(),
      ).toEqual([
        ['penalty', '武建罚字〔2026〕第7号', 'generalDishonest'],
        ['penalty', '武建罚字〔2026〕第8号', 'generalDishonest'],
      ]);
      expect((await target.disclosures.rates(march)).reporting).toMatchObject({
        numerator: 0,
        denominator: 2,
      });
      // RxDB's open edition holds few collections at once: one extra profile at a time.
      await target.close();
      opened.pop();
    }
    expect(originalRates.reporting).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('takes the report date for the whole file, giving the same rates as the exporting office', async () => {
    const decided = await penalty(profile, enterprise, {
      documentNumber: '武建罚字〔2026〕第5号',
      decisionDate: '2026-03-16',
    });
    await profile.disclosures.markReported(decided.id, '2026-03-18');
    const exported = await profile.disclosures.files.exportFile('penalty', 'xlsx', march, '月度上报');
    if (!exported.ok) throw new Error('export');

    const target = await freshProfile();
    await registerSubject(target, enterpriseInput());
    const check = await target.disclosures.files.previewImport('penalty', exported.value.data, {
      severity: 'general',
      reportedAt: '2026-03-18',
    });
    if (!check.ok) throw new Error(JSON.stringify(check.error));
    await target.disclosures.files.commitImport(check.preview);
    const strip = (rates: Awaited<ReturnType<typeof profile.disclosures.rates>>) =>
      [rates.reporting, rates.compliance, rates.timeliness].map(({ numerator, denominator }) => [
        numerator,
        denominator,
      ]);
    expect(strip(await target.disclosures.rates(march))).toEqual(
      strip(await profile.disclosures.rates(march)),
    );
  });

  it('reports bad rows by row number and writes only the good ones once confirmed', async () => {
    const good = await penalty(profile, enterprise, {
      documentNumber: '武建罚字〔2026〕第21号',
      decisionDate: '2026-03-10',
    });
    const rows = reportingRows('penalty', [
      good,
      { ...good, documentNumber: '武建罚字〔2026〕第22号', fineAmount: '-3' },
      { ...good, documentNumber: '武建罚字〔2026〕第23号', decisionDate: '2026-04-30' },
      {
        ...good,
        documentNumber: '武建罚字〔2026〕第24号',
        partyUscc: codes.otherEnterprise,
        partyName: '外县企业',
      },
    ]);
    const target = await freshProfile();
    await registerSubject(target, enterpriseInput());
    const check = await target.disclosures.files.previewImport('penalty', encodeCsv(rows), {
      severity: 'general',
      reportedAt: '',
    });
    if (!check.ok) throw new Error(JSON.stringify(check.error));
    const party = good.partyName;
    expect(check.preview.errors).toEqual([
      {
        row: 3,
        field: 'CF_NR_FK',
        code: 'amount.negative',
        documentNumber: '武建罚字〔2026〕第22号',
        partyName: party,
      },
      {
        row: 4,
        field: 'CF_JDRQ',
        code: 'dateInFuture',
        documentNumber: '武建罚字〔2026〕第23号',
        partyName: party,
      },
    ]);
    expect(check.preview.warnings).toEqual([
      {
        row: 5,
        field: 'CF_XDR_SHXYM',
        code: 'disclosure.noSubject',
        documentNumber: '武建罚字〔2026〕第24号',
        partyName: '外县企业',
      },
    ]);
    expect(await target.db.disclosures.count().exec()).toBe(0);
    expect(await target.disclosures.files.commitImport(check.preview)).toEqual({
      ok: true,
      value: { disclosures: 2, records: 1 },
    });
    const unmatched = await target.disclosures.list({ subjectId: '' });
    expect(unmatched.map((row) => [row.disclosure.documentNumber, row.disclosure.derivedRecordId])).toEqual([
      ['武建罚字〔2026〕第24号', ''],
    ]);

    const again = await target.disclosures.files.previewImport('penalty', encodeCsv(rows), {
      severity: 'general',
      reportedAt: '',
    });
    if (!again.ok) throw new Error('preview');
    expect(again.preview.disclosures).toEqual([]);
    expect(
      again.preview.errors
        .filter((found) => found.code === 'disclosure.duplicateDocument')
        .map((found) => [found.row, found.documentNumber]),
    ).toEqual([
      [2, '武建罚字〔2026〕第21号'],
      [5, '武建罚字〔2026〕第24号'],
    ]);
    expect(await target.disclosures.files.commitImport(check.preview)).toMatchObject({
      ok: false,
      issues: [{ code: 'disclosure.duplicateDocument' }],
    });
    expect(await target.db.disclosures.count().exec()).toBe(2);
  });

  it('refuses a file that is unusable as a whole, writing nothing', async () => {
    const licenceFile = encodeCsv(reportingRows('licence', []).concat([['x']]));
    const wrongKind = await profile.disclosures.files.previewImport('penalty', licenceFile, {
      severity: 'general',
      reportedAt: '',
    });
    expect(wrongKind).toEqual({ ok: false, error: { code: 'file.wrongKind', params: { kind: 'penalty' } } });
    const header = reportingRows('penalty', [])[0]!.filter((code) => code !== 'CF_JDRQ');
    const missing = await profile.disclosures.files.previewImport('penalty', encodeCsv([header, header]), {
      severity: 'general',
      reportedAt: '',
    });
    expect(missing).toEqual({
      ok: false,
      error: { code: 'file.missingColumns', params: { columns: 'CF_JDRQ' } },
    });
    expect(await profile.db.disclosures.count().exec()).toBe(0);
  });
});

describe('matching imported decisions to subjects', () => {
  it('warns when the party name disagrees with the subject of its code, and links only if told to', async () => {
    const decided = await penalty(profile, enterprise, {
      documentNumber: '武建罚字〔2026〕第41号',
      decisionDate: '2026-03-10',
    });
    // Same subject in other spelling (full-width, spaces, suffix) and a wholly different name.
    const sameParty = `${enterprise.name.replace(/有限公司$/, '')} `.replace(/(.)/, '$1 ');
    const rows = reportingRows('penalty', [
      { ...decided, documentNumber: '武建罚字〔2026〕第42号', partyName: sameParty },
      { ...decided, documentNumber: '武建罚字〔2026〕第43号', partyName: '毫不相干的商贸公司' },
    ]);
    for (const linkMismatched of [false, true]) {
      const target = await freshProfile();
      const subject = await registerSubject(target, enterpriseInput());
      const check = await target.disclosures.files.previewImport('penalty', encodeCsv(rows), {
        severity: 'general',
        reportedAt: '',
      });
      if (!check.ok) throw new Error(JSON.stringify(check.error));
      expect(check.preview.nameMismatches).toMatchObject([
        {
          row: 3,
          documentNumber: '武建罚字〔2026〕第43号',
          partyName: '毫不相干的商贸公司',
          subjectName: subject.name,
        },
      ]);
      expect(check.preview.warnings).toEqual([
        {
          row: 3,
          field: 'CF_XDR_MC',
          code: 'disclosure.partyNameMismatch',
          params: { name: subject.name },
          documentNumber: '武建罚字〔2026〕第43号',
          partyName: '毫不相干的商贸公司',
        },
      ]);
      expect(await target.disclosures.files.commitImport(check.preview, { linkMismatched })).toEqual({
        ok: true,
        value: { disclosures: 2, records: linkMismatched ? 2 : 1 },
      });
      const linked = await target.disclosures.list({ subjectId: subject.id });
      expect(linked.map((row) => row.disclosure.documentNumber).sort()).toEqual(
        linkMismatched ? ['武建罚字〔2026〕第42号', '武建罚字〔2026〕第43号'] : ['武建罚字〔2026〕第42号'],
      );
      await target.close();
      opened.pop();
    }
  });

  it('says of a licence without a subject only that it is unlinked: licences derive no credit record', async () => {
    const licence = {
      ...emptyDisclosureInput('licence'),
      partyName: '外县企业',
      partyCategory: '01',
      partyUscc: codes.otherEnterprise,
      legalRepresentative: '赵六',
      documentName: '行政许可决定书',
      documentNumber: '武建许字〔2026〕第1号',
      licenceCategory: '01',
      content: '建筑业企业资质',
      decisionDate: '2026-03-10',
      validFrom: '2026-03-10',
      validUntil: '2031-03-10',
      authority: '武陟县住房和城乡建设局',
      authorityCode: codes.authority,
      sourceUnit: '武陟县住房和城乡建设局',
      sourceUnitCode: codes.authority,
      licenceStatus: '1',
    };
    const check = await profile.disclosures.files.previewImport(
      'licence',
      encodeCsv(reportingRows('licence', [licence])),
      { severity: 'general', reportedAt: '' },
    );
    if (!check.ok) throw new Error(JSON.stringify(check.error));
    expect(check.preview.errors).toEqual([]);
    expect(check.preview.warnings.map((found) => [found.row, found.code])).toEqual([
      [2, 'disclosure.noSubjectLicence'],
    ]);
  });
});
