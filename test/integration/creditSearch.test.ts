import { afterEach, describe, expect, it } from 'vitest';
import {
  enterpriseInput,
  openProfile,
  type Profile,
  recordFields,
  registerSubject,
} from './creditHarness.ts';

let profile: Profile | null = null;
afterEach(async () => {
  await profile?.close();
  profile = null;
});

describe('the credit-record list’s search box', () => {
  it('finds records by words of the title or document number, or by the subject the words name', async () => {
    profile = await openProfile();
    const subject = await registerSubject(profile, enterpriseInput());
    const first = await profile.records.create(recordFields(subject.id));
    const second = await profile.records.create(
      recordFields(subject.id, { title: '拖欠农民工工资', documentNumber: '武建罚字〔2026〕第7号' }),
    );
    if (!first.ok || !second.ok) throw new Error('records refused');
    const titles = async (text: string, textSubjects: string[] = []) =>
      (await profile!.records.list({ text, textSubjects })).items.map((record) => record.title).sort();
    expect(await titles('竣工验收')).toEqual(['未按规定办理竣工验收备案']);
    expect(await titles('第7号')).toEqual(['拖欠农民工工资']);
    expect(await titles('宏达', [subject.id])).toHaveLength(2);
    expect(await titles('宏达')).toEqual([]);
    expect(await titles('')).toHaveLength(2);
  });
});
