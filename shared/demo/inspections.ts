/**
 * The demo's on-site inspections (`npm start`): three projects in the register, a drawn 双随机 plan for
 * construction enterprises, and two inspections — one the plan drew, closed with a non-compliant item whose
 * rectification order is open, and one ad hoc after a complaint, still being filled in on site.
 */
import type { ProjectContent, ProjectRole } from '../inspections/project.ts';
import type { FindingSeverity } from '../inspections/record.ts';
import type { Industry } from '../subjects/model.ts';

/** An enterprise of the demo: the `pick`-th active enterprise (by name) of this industry. */
export interface DemoEnterprise {
  industry: Industry;
  pick: number;
}

export interface DemoProject extends Omit<ProjectContent, 'enterprises' | 'division'> {
  enterprises: (DemoEnterprise & { role: ProjectRole })[];
}

export const demoProjects: readonly DemoProject[] = [
  {
    name: '滨河花园二期住宅工程',
    type: 'construction',
    address: '武陟县木城街道滨河路东段',
    constructionPermit: '410823202604150101',
    presalePermit: '',
    enterprises: [
      { role: 'builder', industry: 'construction', pick: 3 },
      { role: 'developer', industry: 'realEstateDevelopment', pick: 1 },
    ],
  },
  {
    name: '龙泉湾三期',
    type: 'development',
    address: '武陟县龙源街道龙泉大道与沁河路交叉口',
    constructionPermit: '410823202509220203',
    presalePermit: '武房预售证字（2026）第018号',
    enterprises: [
      { role: 'developer', industry: 'realEstateDevelopment', pick: 2 },
      { role: 'builder', industry: 'construction', pick: 4 },
    ],
  },
  {
    name: '沁园小区',
    type: 'property',
    address: '武陟县木城街道沁园路88号',
    constructionPermit: '',
    presalePermit: '',
    enterprises: [{ role: 'propertyService', industry: 'propertyServices', pick: 0 }],
  },
];

/** The demo's plan, made and drawn by the demo reviewer with the two demo inspectors as its pool. */
export const demoPlan = {
  name: '本季度建筑施工企业“双随机、一公开”抽查',
  industries: ['construction'] as Industry[],
} as const;

/** A finding on the checklist's `item`-th item (0-based), found non-compliant. */
export interface DemoFinding {
  item: number;
  severity: FindingSeverity;
  description: string;
}

/** The inspection the plan drew first: recorded, signed, submitted and closed; its order stays open. */
export const demoClosedInspection = {
  finding: {
    item: 1,
    severity: 'major',
    description: '项目负责人未在岗，现场由未取得相应执业资格的人员代为管理。',
  } satisfies DemoFinding,
  representative: '李建国',
  conclusion: '发现 1 项问题，已当场告知，责令限期整改，到期复查。',
  closingOpinion: '同意办结，按期复查整改情况。',
} as const;

/** An ad hoc inspection after a complaint at the first project, still being filled in on site. */
export const demoOpenInspection = {
  builder: { industry: 'construction', pick: 3 } satisfies DemoEnterprise,
  note: '群众来电反映滨河花园二期工地夜间施工、扬尘未覆盖。',
  /** How many items (from the top) are already judged compliant. */
  judged: 3,
} as const;

/** The representative's signature on the closed inspection, as a small PNG drawn on the pad. */
export const demoSignaturePng =
  'iVBORw0KGgoAAAANSUhEUgAAAPAAAABQCAAAAAACIqegAAABz0lEQVR42u3aQY7EIAwEQL/E//8lexjtLlKAYNztjJTmNgeGVMDEJrH2smYCCyywwAILLLDAAgsssMACCyywwAIL3DX/tLeA/a+9A+x9ewH4V1oiTgxh+Gugg1PryAj3nCtORo4x1hhT7Mm9ggImiv+hh2LjbCI0cffHZ2IceDAR5O35aBCjTDBLDIgco0wwSYyIHONMMEU8+Mf4GEaaYILYZ5FTDZ6O2T0rEWm2TyOnFrwY0ocNO84z4L20KELejtboPTTiBA8S/T3w9d4s+gXFxpzgs53suh7WCyMmtktndmV618M9GAj1YGgQ9LrNwJ8meqNelrv+o233dn369cpDf7i6UQBwg4NzKck6FCw13uFzFbblDsS9cwMcm7LjPAL1UL1E/uhxdg92tneVNR0mYrNVfAtuJeBVgZU/64olHvuDpkoBSCFw0t9ixd5Wspc5JGnsZoEqrFs0+VcqiGIeA26LvAVU6aGOa4BgH3kb9I1Z2VH2fbU0zu6mvyFifxzsYN5aXPeS1fYytUYDe613cgCwV3mDxF7pnZ14FL3Of+CjAUtmajBxexjcqi6k+qMQfaclsMACCyywwAILLLDAAgsssMACCyywwF/efgCy2O0JRRZz4wAAAABJRU5ErkJggg==';
