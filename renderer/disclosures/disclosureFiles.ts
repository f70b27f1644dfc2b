import { chinaDateOf } from '../../shared/base/calendar/dates.ts';
import type { CreditRecordDocument } from '../../shared/creditRecords/model.ts';
import {
  type DisclosureDocument,
  type DisclosureInput,
  type DisclosureKind,
  type PenaltySeverity,
  partyCodeField,
  partyNamesAgree,
  standardFieldCode,
  validateDisclosureInput,
} from '../../shared/disclosures/model.ts';
import type { SubjectDocument } from '../../shared/subjects/model.ts';
import { issue, type Validated, type ValidationIssue } from '../../shared/base/validation.ts';
import {
  exportReportingFile,
  type FileIssue,
  importReportingFile,
  type ReportingFormat,
  type ReportingPeriod,
  sheetNames,
} from '../../shared/disclosures/file.ts';
import { authorOf, creationOf, type WriteJournal } from '../kernel/db/writeJournal.ts';
import { actingUser, type RepositoryContext } from '../kernel/security/repositoryContext.ts';
import type { SignedInSession } from '../kernel/security/session.ts';
import type { SubjectRepository } from '../subjects/repository.ts';

/** What the reporting files need of the decisions repository (disclosures.ts), which owns them. */
export interface DecisionStore {
  inPeriod(query: { kind?: DisclosureKind; from?: string; to?: string }): Promise<DisclosureDocument[]>;
  documentNumbersTaken(kind: DisclosureKind, numbers: readonly string[]): Promise<Set<string>>;
  stamp(session: SignedInSession, input: DisclosureInput): DisclosureDocument;
  derive(
    session: SignedInSession,
    penalty: DisclosureDocument,
    subject: SubjectDocument,
  ): { record: CreditRecordDocument | null; note: { key: string; params?: Record<string, string> } | null };
}

export interface ImportOptions {
  /** Severity given to imported penalties: the file does not carry it. */
  severity: PenaltySeverity;
  /** When the file's records were already reported: the date they were ('' when not yet). */
  reportedAt: string;
}

/** A problem of one record in an import: its spreadsheet row, document number and party as in the file. */
export interface ImportProblem extends ValidationIssue {
  row: number;
  documentNumber: string;
  partyName: string;
}

/** A record whose party code names a registered subject of another name. */
export interface NameMismatch {
  /** The prepared decision's id. */
  id: string;
  row: number;
  documentNumber: string;
  partyName: string;
  subjectName: string;
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
  /** The worksheet read ('' for CSV) and the signature rows skipped below the table. */
  sheet: string;
  footerRows: number[];
  /** The date every record will be marked reported on, '' when they are not reported yet. */
  reportedAt: string;
  /** Records linked by code to a subject whose name differs: linked only when the clerk says so. */
  nameMismatches: NameMismatch[];
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
 * The standard reporting files of 双公示 decisions (shared/disclosures/file.ts): a period's file to
 * report, and a file read back with every row checked before anything is written.
 */
export class DisclosureFiles {
  readonly #decisions: DecisionStore;
  readonly #subjects: SubjectRepository;
  readonly #journal: WriteJournal;
  readonly #context: RepositoryContext;

  constructor(
    decisions: DecisionStore,
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
      today: chinaDateOf(this.#context.clock()),
      severity: options.severity,
    });
    if (!read.ok) return read;
    const preview: ImportPreview = {
      kind,
      disclosures: [],
      records: [],
      errors: [...read.errors],
      warnings: [...read.warnings],
      ignoredColumns: read.ignoredColumns,
      sheet: read.sheet,
      footerRows: read.footerRows,
      reportedAt: options.reportedAt,
      nameMismatches: [],
    };
    const taken = await this.#decisions.documentNumbersTaken(
      kind,
      read.rows.map(({ record }) => record.documentNumber),
    );
    const numberField = standardFieldCode(kind, 'documentNumber') ?? 'documentNumber';
    for (const { row, record } of read.rows) {
      const about = { row, documentNumber: record.documentNumber, partyName: record.partyName };
      if (taken.has(record.documentNumber)) {
        preview.errors.push({ ...about, ...issue(numberField, 'disclosure.duplicateDocument') });
        continue;
      }
      const checked = validateDisclosureInput(
        { ...record, reportedAt: options.reportedAt },
        chinaDateOf(this.#context.clock()),
      );
      if (!checked.ok) {
        preview.errors.push(...checked.issues.map((found) => ({ ...about, ...found })));
        continue;
      }
      const codeField = partyCodeField(checked.value);
      const subject = await this.#subjects.findByCode(checked.value[codeField]);
      const disclosure = this.#decisions.stamp(acting.session, {
        ...checked.value,
        subjectId: subject?.id ?? '',
      });
      if (!subject) {
        const field = standardFieldCode(kind, codeField) ?? codeField;
        const code = kind === 'licence' ? 'disclosure.noSubjectLicence' : 'disclosure.noSubject';
        preview.warnings.push({ ...about, ...issue(field, code) });
      } else {
        if (!partyNamesAgree(disclosure.partyName, subject.name)) {
          preview.nameMismatches.push({ id: disclosure.id, ...about, subjectName: subject.name });
          const field = standardFieldCode(kind, 'partyName') ?? 'partyName';
          preview.warnings.push({
            ...about,
            ...issue(field, 'disclosure.partyNameMismatch', { name: subject.name }),
          });
        }
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
    preview.errors.sort((a, b) => a.row - b.row);
    preview.warnings.sort((a, b) => a.row - b.row);
    return { ok: true, preview };
  }

  /**
   * Writes a previewed import in one bulk write per collection, after checking again that no decision
   * was recorded meanwhile under one of its document numbers (then nothing is written). Records whose
   * party name disagrees with the subject of their code are linked to it only with `linkMismatched`;
   * otherwise they are written unlinked, without a derived credit record.
   */
  async commitImport(
    preview: ImportPreview,
    choice: { linkMismatched: boolean } = { linkMismatched: false },
  ): Promise<Validated<{ disclosures: number; records: number }>> {
    const acting = actingUser(this.#context, 'disclosure.create');
    if (!acting.ok) return acting;
    const numbers = preview.disclosures.map((doc) => doc.documentNumber);
    const taken = await this.#decisions.documentNumbersTaken(preview.kind, numbers);
    if (taken.size > 0) {
      const field = standardFieldCode(preview.kind, 'documentNumber') ?? 'documentNumber';
      return { ok: false, issues: [issue(field, 'disclosure.duplicateDocument')] };
    }
    const unlinked = new Set(choice.linkMismatched ? [] : preview.nameMismatches.map((found) => found.id));
    const dropped = new Set<string>();
    const disclosures = preview.disclosures.map((doc) => {
      if (!unlinked.has(doc.id)) return doc;
      dropped.add(doc.derivedRecordId);
      return { ...doc, subjectId: '', derivedRecordId: '' };
    });
    const records = preview.records.filter((record) => !dropped.has(record.id));
    await this.#journal.run(authorOf(acting.session), [
      creationOf('disclosures', disclosures),
      creationOf('creditRecords', records),
    ]);
    return { ok: true, value: { disclosures: disclosures.length, records: records.length } };
  }
}
