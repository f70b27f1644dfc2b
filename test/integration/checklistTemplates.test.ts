/**
 * Checklist templates as city-published versions: the platform publishes a version (the `publish
 * reference` command), refusing a broken one and never changing a published one; a device pulls it and a
 * new inspection uses it, while an inspection started under the earlier version keeps that version and
 * still saves and renders with it.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../server/admin/commands.ts';
import { addCounty } from '../../server/accounts/counties.ts';
import { seedCountyStaff } from '../../server/fixtures/users.ts';
import { createRows, refusals, temporaryDir, usePlatform } from '../../server/test/harness.ts';
import { InspectionRepository } from '../../renderer/inspections/repository.ts';
import type { SignedInSession } from '../../renderer/kernel/security/session.ts';
import { cityOf } from '../../shared/base/identifiers.ts';
import { ruleSetId } from '../../shared/grading/ruleSet.ts';
import { type ChecklistTemplate, defaultTemplateFor } from '../../shared/inspections/checklists.ts';
import { checklistVersion } from '../../shared/inspections/checklistVersions.ts';
import { enterpriseInput, openProfile, type Profile, registerSubject } from './creditHarness.ts';
import { testCounty, testStaff } from './harness.ts';
import { uuidv7 } from '../../shared/base/uuid.ts';

const inspector: SignedInSession = {
  userId: testStaff.inspector,
  userName: '陈检',
  county: testCounty.code,
  username: testStaff.inspector,
  roles: ['inspector'],
};

/** Version 2 of the construction checklist: a dust-control item added as a core item. */
function version2(): ChecklistTemplate {
  const base = structuredClone(defaultTemplateFor('construction'));
  const added = {
    code: 'SG-99',
    text: { zh: '施工现场扬尘治理措施落实', en: 'Dust control measures in place on site' },
    basis: ['《大气污染防治法》第六十九条'],
    catalogCode: base.items[0]!.catalogCode,
    level: 1 as const,
  };
  return { ...base, version: 2, items: [...base.items, added] };
}

function versionDocument(county: string, checklist: ChecklistTemplate) {
  return {
    county: cityOf(county),
    createdAt: '2026-03-01T00:00:00.000Z',
    updatedAt: '2026-03-01T00:00:00.000Z',
    createdBy: 'city-operator',
    updatedBy: 'city-operator',
    kind: 'ruleSet',
    ruleSet: 'checklist',
    code: checklist.industry,
    version: checklist.version,
    validFrom: '2026-03-01',
    checklist,
    _deleted: false,
  };
}

let profile: Profile | undefined;

/** A profile with one subject, signed in as an inspector, and how to start an ad hoc construction inspection. */
async function inspectionProfile() {
  const opened = await openProfile('2026-03-06T02:00:00.000Z');
  profile = opened;
  const subject = await registerSubject(opened, enterpriseInput());
  opened.signIn(inspector);
  const inspections = new InspectionRepository(opened.db.inspections, opened.context, {
    journal: opened.journal,
    local: opened.local,
    attachments: opened.records.attachments,
    standingOf: async () => ({ grade: '', raised: false, conflicted: [] }),
    records: opened.records,
    reference: opened.reference,
    officeName: '示范县住房和城乡建设局',
  });
  const start = {
    subjectId: subject.id,
    projectId: '',
    planId: '',
    adHocReason: 'complaint' as const,
    adHocNote: '群众投诉扬尘',
    inspectors: [inspector.userId, testStaff.reviewer],
    industry: 'construction' as const,
  };
  return { opened, inspections, start };
}
afterEach(async () => {
  await profile?.close();
  profile = undefined;
});

describe('a published checklist version', () => {
  const env = usePlatform('pglite');
  const dataDir = temporaryDir('checklists');

  const output: string[] = [];
  afterEach(() => {
    output.length = 0;
    rmSync(dataDir, { recursive: true, force: true });
  });
  /** The platform's `publish reference` command on a file of these documents; its exit code. */
  const publish = async (documents: object[]) => {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, `checklists-${output.length}.json`);
    writeFileSync(file, JSON.stringify(documents));
    return runCli(['publish', 'reference', file], {
      database: env.platform.database,
      print: (line) => output.push(line),
      readPassword: async () => '',
      env: {},
    });
  };

  it('reaches a device, where new inspections use it and older ones keep theirs', async () => {
    const county = await env.newCounty();
    const device = await env.enroll(county);

    // A broken version is refused whole, naming the rule.
    const broken = version2();
    broken.items[0] = { ...broken.items[0]!, basis: [] };
    expect(await publish([versionDocument(county, broken)])).toBe(1);
    expect(output.join('\n')).toContain('inspection.template.basisMissing');
    expect((await device.pullAll('reference')).filter((doc) => doc.kind === 'ruleSet')).toEqual([]);

    output.length = 0;
    expect(await publish([versionDocument(county, version2())])).toBe(0);
    expect(output).toEqual(['1 written, 0 unchanged, 0 refused']);
    // A published version never changes.
    const changed = version2();
    changed.items[0] = { ...changed.items[0]!, level: 3 };
    expect(await publish([versionDocument(county, changed)])).toBe(1);
    expect(output.join('\n')).toContain('ruleSet.versionPublished');

    const pulled = (await device.pullAll('reference')).filter((doc) => doc.kind === 'ruleSet');
    expect(pulled).toMatchObject([
      { id: await ruleSetId('checklist', 'construction', 2), checklist: version2() },
    ]);

    const { opened, inspections, start } = await inspectionProfile();
    const older = await inspections.start(start);
    if (!older.ok) throw new Error(JSON.stringify(older.issues));
    expect(older.value.templateVersion).toBe(1);

    // As the sync writes pulled documents.
    const { _deleted, ...document } = pulled[0] as Record<string, unknown>;
    await opened.db.reference.insert(document as never);
    await expect.poll(() => opened.reference.checklists().length).toBe(1);

    const newer = await inspections.start(start);
    if (!newer.ok) throw new Error(JSON.stringify(newer.issues));
    expect(newer.value.templateVersion).toBe(2);
    expect(newer.value.items.map((item) => item.code)).toContain('SG-99');

    // The older inspection keeps version 1: it saves against it and renders with it.
    const { id, kind: _k, state: _s, steps: _st, rectifications: _r, ...rest } = older.value;
    const fields = Object.fromEntries(
      Object.entries(rest).filter(
        ([key]) => !['county', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy'].includes(key),
      ),
    ) as unknown as Parameters<InspectionRepository['saveDraft']>[1];
    const saved = await inspections.saveDraft(id, {
      ...fields,
      items: fields.items.map((item, index) => (index === 0 ? { ...item, result: 'compliant' } : item)),
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved.issues));
    expect(saved.value.templateVersion).toBe(1);
    expect(saved.value.items.map((item) => item.code)).not.toContain('SG-99');
    const rendered = checklistVersion(opened.reference.checklists(), 'construction', 1);
    expect(rendered).toBe(defaultTemplateFor('construction'));
    // An item version 2 does not hold is refused on the older inspection.
    const foreign = await inspections.saveDraft(id, {
      ...fields,
      items: [...fields.items, { code: 'SG-99', result: '', note: '', photos: [] }],
    });
    expect(foreign.ok ? [] : foreign.issues.map((found) => found.code)).toEqual([
      'inspection.itemNotInTemplate',
    ]);
  });

  it('is what the platform checks pushed inspections against: version, item codes and depth', async () => {
    await addCounty(env.platform.database, testCounty);
    await seedCountyStaff(env.platform.database, testCounty.code);
    const device = await env.enroll(testCounty.code);
    expect(await publish([versionDocument(testCounty.code, version2())])).toBe(0);
    const { opened, inspections, start } = await inspectionProfile();
    const [pulled] = (await device.pullAll('reference')).filter((doc) => doc.kind === 'ruleSet');
    const { _deleted, ...document } = pulled as Record<string, unknown>;
    await opened.db.reference.insert(document as never);
    await expect.poll(() => opened.reference.checklists().length).toBe(1);
    const started = await inspections.start(start);
    if (!started.ok) throw new Error(JSON.stringify(started.issues));
    const draft = started.value;
    // Ungraded: standard depth, so SG-12 (full depth only) is not on this checklist.
    expect([draft.templateVersion, draft.depth]).toEqual([2, 'standard']);
    expect(draft.items.map((item) => item.code)).not.toContain('SG-12');

    const unknownVersion = { ...draft, id: uuidv7(), templateVersion: 3 };
    const foreignItem = {
      ...draft,
      id: uuidv7(),
      items: [...draft.items, { code: 'SG-77', result: '' as const, note: '', photos: [] }],
    };
    const tooDeep = {
      ...draft,
      id: uuidv7(),
      items: [...draft.items, { code: 'SG-12', result: 'compliant' as const, note: '', photos: [] }],
    };
    const pushed = await device.push(
      'inspections',
      createRows([draft, unknownVersion, foreignItem, tooDeep]),
    );
    expect(pushed.status).toBe(200);
    expect(refusals(pushed.body.rejected)).toEqual({
      [unknownVersion.id]: ['templateVersion inspection.templateUnknown'],
      [foreignItem.id]: [`items.${draft.items.length}.code inspection.itemNotInTemplate`],
      [tooDeep.id]: [`items.${draft.items.length}.result inspection.itemNotAtDepth`],
    });
    expect((await device.pullAll('inspections')).map((doc) => doc.id)).toEqual([draft.id]);

    // The device refuses the same with the same rule before writing.
    const { id, kind: _k, state: _s, steps: _st, rectifications: _r, ...rest } = draft;
    const fields = Object.fromEntries(
      Object.entries(rest).filter(
        ([key]) => !['county', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy'].includes(key),
      ),
    ) as unknown as Parameters<InspectionRepository['saveDraft']>[1];
    const refused = await inspections.saveDraft(id, { ...fields, items: tooDeep.items });
    expect(refused.ok ? [] : refused.issues.map((found) => found.code)).toEqual([
      'inspection.itemNotAtDepth',
    ]);
  });
});
