import { describe, expect, it } from 'vitest';
import { emptyProject, projectMatches, validateProject } from './project.ts';

const builder = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

describe('projects register', () => {
  it('accepts a project with its permits and enterprises, trimmed', () => {
    const checked = validateProject({
      ...emptyProject(),
      name: ' 滨河花园二期 ',
      type: 'development',
      division: '150302',
      presalePermit: '乌房预售字（2026）第 012 号',
      enterprises: [{ role: 'developer', subjectId: builder }],
    });
    expect(checked.ok && checked.value.name).toBe('滨河花园二期');
  });

  it('refuses a project without a name or type, with a bad division or an enterprise twice', () => {
    const checked = validateProject({
      ...emptyProject(),
      division: '15',
      enterprises: [
        { role: 'builder', subjectId: builder },
        { role: 'builder', subjectId: builder },
      ],
    });
    expect(checked.ok ? [] : checked.issues.map((found) => `${found.field}:${found.code}`)).toEqual([
      'project.name:required',
      'project.type:required',
      'project.division:divisionCode',
      'project.enterprises.1:project.enterpriseTwice',
    ]);
  });

  it('finds a project by name, address or permit number', () => {
    const project = {
      ...emptyProject(),
      name: '滨河花园',
      address: '海勃湾区',
      presalePermit: 'YS-2026-012',
    };
    expect(projectMatches(project, 'ys-2026')).toBe(true);
    expect(projectMatches(project, '滨河 海勃湾')).toBe(true);
    expect(projectMatches(project, '锦绣')).toBe(false);
  });
});
