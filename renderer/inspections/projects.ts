/**
 * The projects register on this device (工程项目 / 物业项目 / 楼盘): kept by clerks, searched by name,
 * address or permit number, named by inspections. Its list and the forms' choosers page through the
 * [kind, updatedAt] index; a subject's projects are found by watching the register whole (no index
 * reads a project's enterprises).
 */
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import type { ProjectDocument } from '../../shared/inspections/document.ts';
import { type ProjectContent, projectState, validateProject } from '../../shared/inspections/project.ts';
import { issue, type Validated } from '../../shared/base/validation.ts';
import type { InspectionCollection } from '../kernel/db/database.ts';
import type { WriteJournal } from '../kernel/db/writeJournal.ts';
import { KindStore, unlinked } from './kindStore.ts';
import { mayAct, type RepositoryContext } from '../kernel/security/repositoryContext.ts';

/** Projects, read as KindStore reads them (watch, get, list), all watched by name. */
export class ProjectRepository extends KindStore<ProjectDocument> {
  readonly #context: RepositoryContext;

  constructor(collection: InspectionCollection, context: RepositoryContext, journal: WriteJournal) {
    super(collection, 'project', journal);
    this.#context = context;
  }

  /** Every project, by name, kept current. */
  override watchAll(): Observable<ProjectDocument[]> {
    return super
      .watchAll()
      .pipe(map((docs) => docs.sort((a, b) => a.project.name.localeCompare(b.project.name, 'zh-CN'))));
  }

  canEdit(): boolean {
    return mayAct(this.#context, 'subject.create');
  }

  /** Registers a project. Refused without a name or type, or with a bad division code. */
  async create(content: ProjectContent): Promise<Validated<ProjectDocument>> {
    const checked = validateProject(content);
    if (!checked.ok) return checked;
    return this.writeOne('subject.create', {
      ...unlinked,
      state: projectState,
      steps: [],
      project: checked.value,
    });
  }

  async update(id: string, content: ProjectContent): Promise<Validated<ProjectDocument>> {
    const before = await this.get(id);
    if (!before) return { ok: false, issues: [issue('id', 'notFound')] };
    const checked = validateProject(content);
    if (!checked.ok) return checked;
    return this.writeOne('subject.update', { ...before, project: checked.value }, before);
  }
}
