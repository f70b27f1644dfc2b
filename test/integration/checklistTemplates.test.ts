/**
 * Checklist templates as city-published versions: the platform publishes a version (the `publish
 * reference` command), refusing a broken one and never changing a published one; a device pulls it and a
 * new inspection uses it, while an inspection started under the earlier version keeps that version and
 * still saves and renders with it.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../server/admin/commands.ts';
import { temporaryDir, usePlatform } from '../../server/test/harness.ts';
import { InspectionRepository } from '../../renderer/inspections/repository.ts';
import type { SignedInSession } from '../../renderer/kernel/security/session.ts';
import { cityOf } from '../../shared/base/identifiers.ts';
import { ruleSetId } from '../../shared/grading/ruleSet.ts';
import { type ChecklistTemplate, defaultTemplateFor } from '../../shared/inspections/checklists.ts';
import { checklistVersion } from '../../shared/inspections/checklistVersions.ts';
import { enterpriseInput, openProfile, type Profile, registerSubject } from './creditHarness.ts';
import { testCounty, testStaff } from './harness.ts';

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
afterEach(async () => {
  await profile?.close();
  profile = undefined;
});

describe('a published checklist version', () => {
  const env = usePlatform('pglite');
  const dataDir = temporaryDir('checklists');
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('reaches a device, where new inspections use it and older ones keep theirs', async () => {
    const county = await env.newCounty();
    const device = await env.enroll(county);
    const output: string[] = [];
    const publish = async (documents: object[]) => {
      const file = join(dataDir, `checklists-${output.length}.json`);
      writeFileSync(file, JSON.stringify(documents));
      return runCli(['publish', 'reference', file], {
        database: env.platform.database,
        print: (line) => output.push(line),
        readPassword: async () => '',
        env: {},
      });
    };

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

    profile = await openProfile('2026-03-06T02:00:00.000Z');
    const subject = await registerSubject(profile, enterpriseInput());
    profile.signIn(inspector);
    const inspections = new InspectionRepository(profile.db.inspections, profile.context, {
      journal: profile.journal,
      local: profile.local,
      attachments: profile.records.attachments,
      standingOf: async () => ({ grade: '', raised: false, conflicted: [] }),
      records: profile.records,
      reference: profile.reference,
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
    const older = await inspections.start(start);
    if (!older.ok) throw new Error(JSON.stringify(older.issues));
    expect(older.value.templateVersion).toBe(1);

    // As the sync writes pulled documents.
    const { _deleted, ...document } = pulled[0] as Record<string, unknown>;
    await profile.db.reference.insert(document as never);
    await expect.poll(() => profile!.reference.checklists().length).toBe(1);

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
    const rendered = checklistVersion(profile.reference.checklists(), 'construction', 1);
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
});
