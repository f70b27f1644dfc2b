/**
 * Publishing commitments (信用承诺公示): the public commitments of a period as rows of the publication
 * file, one column per field of the public credit platform's commitment record (commitments.md; the
 * official column codes were not available, so the headers are the fields' Chinese names). Drafts,
 * withdrawn letters and breaches still awaiting confirmation are not published; a practitioner's ID
 * number is masked as in every public listing.
 */
import { writeXlsx } from '../base/io/xlsx.ts';
import { encodeCsv } from '../base/io/csv.ts';
import { maskPersonalValue } from '../base/security/masking.ts';
import { type CommitmentMatter, findMatter } from './matters.ts';
import { commitmentMessages } from './messages.ts';
import type { CommitmentInput } from './model.ts';

const labels = commitmentMessages['zh-CN'];

const columns: readonly [header: string, value: (c: CommitmentInput, matter: string) => string][] = [
  ['承诺书编号', (c) => c.number],
  ['承诺主体名称', (c) => c.subjectName],
  ['主体类别', (c) => (c.subjectKind === 'enterprise' ? '法人及非法人组织' : '自然人')],
  [
    '统一社会信用代码或身份证号码',
    (c) => (c.subjectKind === 'enterprise' ? c.subjectCode : maskPersonalValue('idNumber', c.subjectCode)),
  ],
  ['承诺类型', (c) => labels[`commitment.type.${c.type}`]!],
  ['承诺事项', (_, matter) => matter],
  ['承诺事由', (c) => c.reason],
  ['承诺内容', (c) => c.content],
  ['违诺责任', (c) => c.liability],
  ['承诺日期', (c) => c.signingDate],
  ['受理单位', (c) => c.acceptingUnit],
  ['受理单位统一社会信用代码', (c) => c.acceptingUnitCode],
  [
    '履行状态',
    (c) => (c.outcome.result === '' ? '履行中' : labels[`commitment.status.${c.outcome.result}`]!),
  ],
  ['认定单位', (c) => c.outcome.decidingUnit],
  ['认定单位统一社会信用代码', (c) => c.outcome.decidingUnitCode],
  ['认定日期', (c) => c.outcome.decisionDate],
  ['未履行内容', (c) => c.outcome.unfulfilledContent],
  ['违诺处理措施', (c) => c.outcome.actionTaken],
];

const published = new Set(['accepted', 'fulfilled', 'partlyFulfilled', 'notFulfilled', 'falseCommitment']);

/** The public commitments signed in [from, to], in number order. */
export function publicationRecords<T extends CommitmentInput>(
  commitments: readonly T[],
  period?: { from: string; to: string },
): T[] {
  return commitments
    .filter(
      (c) =>
        c.publicity === 'public' &&
        published.has(c.status) &&
        (!period || (c.signingDate >= period.from && c.signingDate <= period.to)),
    )
    .sort((a, b) => a.number.localeCompare(b.number));
}

/** Header row, then one row per commitment; the matter by its name in the list of matters. */
export function publicationRows(
  commitments: readonly CommitmentInput[],
  matters: readonly CommitmentMatter[],
): string[][] {
  return [
    columns.map(([header]) => header),
    ...commitments.map((c) => {
      const matter = findMatter(matters, c.matterCode)?.name.zh ?? c.matterCode;
      return columns.map(([, value]) => value(c, matter));
    }),
  ];
}

export async function exportPublicationFile(
  commitments: readonly CommitmentInput[],
  matters: readonly CommitmentMatter[],
  format: 'csv' | 'xlsx',
  period?: { from: string; to: string },
): Promise<Uint8Array> {
  const rows = publicationRows(publicationRecords(commitments, period), matters);
  return format === 'csv' ? encodeCsv(rows) : writeXlsx([{ name: '信用承诺', rows }], { compress: true });
}
