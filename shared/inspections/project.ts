/**
 * The projects register (工程项目 / 物业项目 / 楼盘): where inspections happen, with its permits and the
 * enterprises in their roles. Stored in the `inspections` collection as kind `project` (document.ts), not
 * in `subjects`: a project is no credit subject (no code, no grade, no list entry), and every subject
 * consumer (grading, lists, reports, the subject index) would otherwise have to skip it.
 */
import { issue, type Validated, type ValidationIssue } from '../base/validation.ts';
import { isUuid } from '../base/uuid.ts';

export const projectTypes = ['construction', 'property', 'development'] as const;
export type ProjectType = (typeof projectTypes)[number];

export const projectRoles = ['builder', 'developer', 'supervisor', 'propertyService'] as const;
export type ProjectRole = (typeof projectRoles)[number];

/** The state a project always has: the register keeps no workflow. */
export const projectState = 'registered';

export interface ProjectContent {
  name: string;
  type: ProjectType | '';
  address: string;
  /** Administrative division code (6 digits). */
  division: string;
  /** 施工许可证号, or ''. */
  constructionPermit: string;
  /** 预售许可证号, or ''. */
  presalePermit: string;
  enterprises: { role: ProjectRole; subjectId: string }[];
}

export const projectLimits = { name: 100, address: 200, permit: 50, enterprises: 20 } as const;

export function emptyProject(): ProjectContent {
  return {
    name: '',
    type: '',
    address: '',
    division: '',
    constructionPermit: '',
    presalePermit: '',
    enterprises: [],
  };
}

/** Trims the text fields, as the form and the platform both store them. */
export function normalizeProject(project: ProjectContent): ProjectContent {
  return {
    ...project,
    name: project.name.trim(),
    address: project.address.trim(),
    division: project.division.trim(),
    constructionPermit: project.constructionPermit.trim(),
    presalePermit: project.presalePermit.trim(),
  };
}

/**
 * Checks a project. Issue codes: `required`, `tooLong`, `oneOf`, `divisionCode`, `uuid`,
 * `project.enterpriseTwice`, `project.tooManyEnterprises`.
 */
export function validateProject(raw: ProjectContent): Validated<ProjectContent> {
  const project = normalizeProject(raw);
  const issues: ValidationIssue[] = [];
  const at = (field: string) => `project.${field}`;
  if (project.name === '') issues.push(issue(at('name'), 'required'));
  if (project.type === '') issues.push(issue(at('type'), 'required'));
  else if (!projectTypes.includes(project.type)) issues.push(issue(at('type'), 'oneOf'));
  const limits: [keyof ProjectContent, number][] = [
    ['name', projectLimits.name],
    ['address', projectLimits.address],
    ['constructionPermit', projectLimits.permit],
    ['presalePermit', projectLimits.permit],
  ];
  for (const [field, max] of limits) {
    if ((project[field] as string).length > max) issues.push(issue(at(field), 'tooLong', { max }));
  }
  if (project.division !== '' && !/^\d{6}$/.test(project.division)) {
    issues.push(issue(at('division'), 'divisionCode'));
  }
  if (project.enterprises.length > projectLimits.enterprises) {
    issues.push(issue(at('enterprises'), 'project.tooManyEnterprises', { max: projectLimits.enterprises }));
  }
  const seen = new Set<string>();
  project.enterprises.forEach((entry, index) => {
    const field = at(`enterprises.${index}`);
    if (!projectRoles.includes(entry.role)) issues.push(issue(`${field}.role`, 'oneOf'));
    if (!isUuid(entry.subjectId)) issues.push(issue(`${field}.subjectId`, 'uuid'));
    const key = `${entry.role}:${entry.subjectId}`;
    if (seen.has(key)) issues.push(issue(field, 'project.enterpriseTwice'));
    seen.add(key);
  });
  return issues.length === 0 ? { ok: true, value: project } : { ok: false, issues };
}

/** Whether a project matches a search: its name, address or either permit number contains the words. */
export function projectMatches(project: ProjectContent, query: string): boolean {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const text = [project.name, project.address, project.constructionPermit, project.presalePermit]
    .join(' ')
    .toLowerCase();
  return words.every((word) => text.includes(word));
}
