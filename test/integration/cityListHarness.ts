/** A city-wide serious-dishonesty list entry naming a subject of this county, as another county decided it. */
import { cityOf } from '../../renderer/reference/repository.ts';
import type { CityBlackListEntry } from '../../shared/lists/cityBlackList.ts';
import type { SubjectDocument } from '../../shared/subjects/model.ts';
import { uuidv7 } from '../../shared/base/uuid.ts';

export function cityEntryFor(
  subject: Pick<SubjectDocument, 'county' | 'code' | 'name'>,
  start: string,
  end: string,
): CityBlackListEntry {
  return {
    id: uuidv7(),
    county: cityOf(subject.county),
    createdAt: `${start}T00:00:00.000Z`,
    updatedAt: `${start}T00:00:00.000Z`,
    createdBy: 'platform',
    updatedBy: 'platform',
    kind: 'cityBlackList',
    subjectKey: `uscc:${subject.code}`,
    subjectName: subject.name,
    list: 'seriousDishonesty',
    sourceCounty: '410822',
    sourceListing: uuidv7(),
    basis: ['《建筑市场信用管理暂行办法》'],
    measures: [],
    decisionNumber: '博建信〔2026〕2号',
    start,
    end,
    exitedOn: '',
  };
}
