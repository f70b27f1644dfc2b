import {
  type DisclosureDocument,
  type DisclosureKind,
  type PenaltySeverity,
  standardFieldCode,
  validateDisclosureInput,
} from '../../shared/model/disclosure.ts';
import type { CreditRecordDocument } from '../../shared/model/creditRecord.ts';
import { issue, type Validated, type ValidationIssue } from '../../shared/model/validation.ts';
import {
  exportReportingFile,
  type FileIssue,
  importReportingFile,
  type ReportingFormat,
  type ReportingPeriod,
  sheetNames,
} from '../../shared/io/disclosureFile.ts';
import { authorOf, type WriteJournal } from '../db/writeJournal.ts';
import type { RepositoryContext } from '../security/repositoryContext.ts';
import { localDate } from '../session/session.ts';
import { actingUser } from './creditRecords.ts';
import { creationOf, type DisclosureRepository, partyCodeField } from './disclosures.ts';
import type { SubjectRepository } from './subjects.ts';

export interface ImportOptions {
  /** Severity given to imported penalties: the file does not carry it. */
  severity: PenaltySeverity;
  /** When the file's records were already reported: the date they were ('' when not yet). */
  reportedAt: string;
}

/** A problem of one record in an import: `row` is the spreadsheet row when known. */
export interface ImportProblem extends ValidationIssue {
  row: number | null;
  documentNumber: string;
  partyName: string;
}

export interface ImportPreview {
  kind: DisclosureKind;
  /** Documents ready to write, and the credit records their penalties derive. */
  disclosures: DisclosureDocument[];
  records: CreditRecordDocument[];
  /** Problems that leave a record out. */
  errors: ImportProblem[];
  /** Remarks on records that are imported all the same. */
  warnings: ImportProblem[];
  ignoredColumns: string[];
}

export type ImportCheck = { ok: true; preview: ImportPreview } | { ok: false; error: FileIssue };

export interface ExportedFile {
  name: string;
  mimeType: string;
  data: Uint8Array;
  count: number;
}

const mimeTypes: Record<ReportingFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * The standard reporting files of 双公示 decisions (shared/io/disclosureFile.ts): a period's file to
 * report, and a file read back with every row checked before anything is written.
 */
export class DisclosureFiles {
  readonly #decisions: DisclosureRepository;
  readonly #subjects: SubjectRepository;
  readonly #journal: WriteJournal;
  readonly #context: RepositoryContext;

  constructor(
    decisions: DisclosureRepository,
    dependencies: { subjects: SubjectRepository; journal: WriteJournal },
    context: RepositoryContext,
  ) {
    this.#decisions = decisions;
    this.#subjects = dependencies.subjects;
    this.#journal = dependencies.journal;
    this.#context = context;
  }

  /**
   * The standard reporting file of a kind for a period (decision dates, inclusive), simple-procedure
   * penalties left out. The export is audited with the reason given.
   */
  async exportFile(
    kind: DisclosureKind,
    format: ReportingFormat,
    period: ReportingPeriod,
    reason: string,
  ): Promise<Validated<ExportedFile>> {
    const acting = actingUser(this.#context, 'disclosure.submit');
    if (!acting.ok) return acting;
    if (reason.trim() === '') return { ok: false, issues: [issue('reason', 'required')] };
    const docs = await this.#decisions.inPeriod({ ...period, kind });
    const data = await exportReportingFile(kind, docs, format, period);
    const count = docs.filter((doc) => !doc.simpleProcedure).length;
    const name = `${sheetNames[kind]}_${period.from}_${period.to}.${format}`;
    await this.#context.audit.append(acting.session.userId, {
      action: 'export',
      collectionName: 'disclosures',
      after: { kind, format, from: period.from, to: period.to, records: count },
      reason: reason.trim(),
    });
    return { ok: true, value: { name, mimeType: mimeTypes[format], data, count } };
  }

  /**
   * Reads a reporting file and prepares everything an import would write, writing nothing: each record
   * is validated, matched to the subject holding its party's code, checked against decisions already
   * recorded (by document number) and, for penalties, given its derived credit record.
   */
  async previewImport(kind: DisclosureKind, bytes: Uint8Array, options: ImportOptions): Promise<ImportCheck> {
    const acting = actingUser(this.#context, 'disclosure.create');
    if (!acting.ok) {
      const [denied] = acting.issues;
      return {
        ok: false,
        error: { code: denied!.code, ...(denied!.params ? { params: denied!.params } : {}) },
      };
    }
    const read = await importReportingFile(kind, bytes, {
      today: localDate(this.#context.clock()),
      severity: options.severity,
    });
    if (!read.ok) return read;
    const preview: ImportPreview = {
      kind,
      disclosures: [],
      records: [],
      // The reader names the row of a refused record but not its number or party.
      errors: read.errors.map((found) => ({ ...found, documentNumber: '', partyName: '' })),
      warnings: [],
      ignoredColumns: read.ignoredColumns,
    };
    const taken = await this.#decisions.documentNumbersTaken(
      kind,
      read.rows.map((row) => row.documentNumber),
    );
    const numberField = standardFieldCode(kind, 'documentNumber') ?? 'documentNumber';
    for (const row of read.rows) {
      const about = { row: null, documentNumber: row.documentNumber, partyName: row.partyName };
      if (taken.has(row.documentNumber)) {
        preview.errors.push({ ...about, ...issue(numberField, 'disclosure.duplicateDocument') });
        continue;
      }
      const checked = validateDisclosureInput(
        { ...row, reportedAt: options.reportedAt },
        localDate(this.#context.clock()),
      );
      if (!checked.ok) {
        preview.errors.push(...checked.issues.map((found) => ({ ...about, ...found })));
        continue;
      }
      taken.add(row.documentNumber);
      const codeField = partyCodeField(checked.value);
      const summary = this.#subjects.index.findByCode(checked.value[codeField]);
      const subject = summary ? await this.#subjects.get(summary.id) : null;
      const disclosure = this.#decisions.stamp(acting.session, {
        ...checked.value,
        subjectId: subject?.id ?? '',
      });
      if (!subject) {
        const field = standardFieldCode(kind, codeField) ?? codeField;
        preview.warnings.push({ ...about, ...issue(field, 'disclosure.noSubject') });
      } else {
        const derived = this.#decisions.derive(acting.session, disclosure, subject);
        if (derived.record) {
          disclosure.derivedRecordId = derived.record.id;
          preview.records.push(derived.record);
        } else if (derived.note) {
          const params = { reason: derived.note.key, ...derived.note.params };
          preview.warnings.push({ ...about, ...issue('derivedRecordId', 'disclosure.notDerived', params) });
        }
      }
      preview.disclosures.push(disclosure);
    }
    return { ok: true, preview };
  }

  /**
   * Writes a previewed import in one bulk write per collection, after checking again that no decision
   * was recorded meanwhile under one of its document numbers (then nothing is written).
   */
  async commitImport(preview: ImportPreview): Promise<Validated<{ disclosures: number; records: number }>> {
    const acting = actingUser(this.#context, 'disclosure.create');
    if (!acting.ok) return acting;
    const numbers = preview.disclosures.map((doc) => doc.documentNumber);
    const taken = await this.#decisions.documentNumbersTaken(preview.kind, numbers);
    if (taken.size > 0) {
      const field = standardFieldCode(preview.kind, 'documentNumber') ?? 'documentNumber';
      return { ok: false, issues: [issue(field, 'disclosure.duplicateDocument')] };
    }
    await this.#journal.run(authorOf(acting.session), [
      creationOf('disclosures', preview.disclosures),
      creationOf('creditRecords', preview.records),
    ]);
    return { ok: true, value: { disclosures: preview.disclosures.length, records: preview.records.length } };
  }
}
