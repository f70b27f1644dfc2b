/**
 * Red and black lists (including the city-wide serious-dishonesty list) and the credit grade, in a credit
 * report and a credit check. The public variant shows list entries standing today and published grades
 * only: a grade this computer computes is the office's working figure until a reviewer publishes it.
 */
import type { CityBlackListEntry } from '../lists/cityBlackList.ts';
import { type ListingDocument, listingActiveOn } from '../lists/listing.ts';
import type { ListKind } from '../lists/rules.ts';
import {
  type CheckItem,
  facts,
  newestFirst,
  type ReportEntry,
  type SectionScope,
  type SubjectCreditFile,
} from './file.ts';

const listNames: Readonly<Record<ListKind, string>> = {
  seriousDishonesty: '严重失信主体名单',
  realEstateSeriousDishonesty: '房地产市场严重失信主体名单',
  red: '诚信红榜',
};

const listNamesEn: Readonly<Record<ListKind, string>> = {
  seriousDishonesty: 'Serious-dishonesty list',
  realEstateSeriousDishonesty: 'Real-estate serious-dishonesty list',
  red: 'Honesty red list',
};

const exitReasonNames: Readonly<Record<string, string>> = {
  revoked: '触发的信用记录已撤销',
  repaired: '触发的信用记录已修复',
  periodEnded: '列入期限届满',
  noLongerQualifies: '不再符合列入条件',
};

/** A list entry as both sources hold it: this county's listing or the city's copy of another county's. */
interface ListEntry {
  id: string;
  list: ListKind;
  decisionNumber: string;
  start: string;
  end: string;
  exitedOn: string;
  exitReason: string;
  basis: readonly string[];
  measures: readonly { zh: string }[];
  /** Decided by another county (known through the city-wide list). */
  elsewhere: boolean;
}

function ownEntry(listing: ListingDocument & { list: ListKind }): ListEntry {
  return { ...listing, elsewhere: false };
}

function cityEntry(entry: CityBlackListEntry): ListEntry {
  return { ...entry, exitReason: '', elsewhere: true };
}

/** This county's decided entries, then the city's entries from other counties. */
function listEntriesOf(file: SubjectCreditFile): ListEntry[] {
  const own = file.listings
    .filter(
      (listing): listing is ListingDocument & { list: ListKind } =>
        listing.list !== '' && (listing.status === 'listed' || listing.status === 'exited'),
    )
    .map(ownEntry);
  const ownIds = new Set(own.map((entry) => entry.id));
  return [...own, ...file.cityListEntries.filter((entry) => !ownIds.has(entry.id)).map(cityEntry)];
}

const standing = (entry: ListEntry, today: string) => listingActiveOn({ ...entry, status: 'listed' }, today);

/** The entry's days overlap the period. */
function overlaps(entry: ListEntry, scope: SectionScope): boolean {
  const last = entry.exitedOn || entry.end;
  return entry.start <= scope.period.to && (last === '' || last >= scope.period.from);
}

function listEntry(entry: ListEntry, today: string): ReportEntry {
  return {
    title: listNames[entry.list],
    facts: facts([
      ['列入决定文书号', entry.decisionNumber],
      ['决定机关', entry.elsewhere ? '本市其他区县（全市严重失信主体名单）' : '本单位'],
      ['列入日期', entry.start],
      ['列入期限至', entry.end],
      ['移出日期', entry.exitedOn],
      ['移出原因', exitReasonNames[entry.exitReason] ?? ''],
      ['列入依据', entry.basis.join('；')],
      ['相关措施', entry.measures.map((measure) => measure.zh).join('；')],
      ['状态', standing(entry, today) ? '在列' : '已不在列'],
    ]),
  };
}

export function listReportEntries(file: SubjectCreditFile, scope: SectionScope): ReportEntry[] {
  return listEntriesOf(file)
    .filter((entry) => (scope.publicOnly ? standing(entry, scope.today) : overlaps(entry, scope)))
    .sort(newestFirst((entry) => entry.start))
    .map((entry) => listEntry(entry, scope.today));
}

export function listCheckItems(file: SubjectCreditFile, today: string): CheckItem[] {
  return listEntriesOf(file)
    .filter((entry) => standing(entry, today))
    .sort(newestFirst((entry) => entry.start))
    .map((entry) => ({
      id: entry.id,
      title: listNames[entry.list],
      date: entry.start,
      detail: [entry.decisionNumber, entry.elsewhere ? '全市严重失信主体名单' : '']
        .filter(Boolean)
        .join(' · '),
      en: {
        title: listNamesEn[entry.list],
        detail: [entry.decisionNumber, entry.elsewhere ? 'city-wide serious-dishonesty list' : '']
          .filter(Boolean)
          .join(' · '),
      },
    }));
}

/** Whether the subject stands on a serious-dishonesty list (this county's or another's) today. */
export function onBlackList(file: SubjectCreditFile, today: string): boolean {
  return listEntriesOf(file).some((entry) => entry.list !== 'red' && standing(entry, today));
}

const modelText = (name: string, version: number) => `${name}（第 ${version} 版）`;

/** Grades a reviewer published (listings of kind grade), decided in the period. */
function publishedGrades(file: SubjectCreditFile, scope: SectionScope): ReportEntry[] {
  return file.listings
    .filter(
      (listing) =>
        listing.kind === 'grade' &&
        listing.status === 'listed' &&
        listing.start >= scope.period.from &&
        listing.start <= scope.period.to,
    )
    .sort(newestFirst((listing) => listing.start))
    .map((listing) => ({
      title: `公布的信用等级：${listing.grade}`,
      facts: facts([
        ['评价得分', String(listing.score)],
        ['评价日期', listing.start],
        ['评价模型版本', `第 ${listing.modelVersion} 版`],
        ['公布决定文书号', listing.decisionNumber],
      ]),
    }));
}

/** The grade today (full variant), then the published grades of the period. */
export function gradeReportEntries(file: SubjectCreditFile, scope: SectionScope): ReportEntry[] {
  const published = publishedGrades(file, scope);
  if (scope.publicOnly || !file.grade) return published;
  const { result, gradeName, modelName } = file.grade;
  const current: ReportEntry = {
    title: `当前信用等级：${gradeName.zh}`,
    facts: facts([
      ['评价得分', String(result.score)],
      ['评价日期', result.asOf],
      ['评价模型', modelText(modelName.zh, result.modelVersion)],
      ['一票否决', result.vetoedBy ? '因列入严重失信主体名单直接评定' : ''],
    ]),
  };
  return [current, ...published];
}

export function gradeCheckItems(file: SubjectCreditFile): CheckItem[] {
  if (!file.grade) return [];
  const { result, gradeName, modelName } = file.grade;
  return [
    {
      id: `grade:${result.modelCode}:${result.modelVersion}:${result.asOf}`,
      title: gradeName.zh,
      date: result.asOf,
      detail: `${result.score} 分 · ${modelText(modelName.zh, result.modelVersion)}`,
      en: {
        title: gradeName.en,
        detail: `${result.score} points · ${modelName.en} (version ${result.modelVersion})`,
      },
    },
  ];
}
