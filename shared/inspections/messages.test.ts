import { describe, expect, it } from 'vitest';
import { creditMessages } from '../creditRecords/messages.ts';
import { securityMessages } from '../base/security/messages.ts';
import { syncMessages } from '../sync/messages.ts';
import { inspectionIssueCodes, inspectionMessages } from './messages.ts';
import { planMessages } from './planMessages.ts';
import { declarationWorkflow } from './declarations.ts';
import { inspectionWorkflow, rectificationWorkflow } from './workflows.ts';

/** The sources of this folder, read by Vite at test time. */
const sources = (
  import.meta as unknown as {
    glob: (pattern: string[], options: object) => Record<string, string>;
  }
).glob(['./*.ts', '!./*.test.ts'], { query: '?raw', import: 'default', eager: true });

/** Codes the app's own messages hold (renderer/i18n/en.ts and zh-CN.ts). */
const appCodes = ['required', 'tooLong', 'oneOf', 'notApplicable', 'divisionCode', 'uuid'];

describe('inspection messages', () => {
  it('name every issue code the rules report, in both languages', () => {
    const known = new Set<string>([
      ...inspectionIssueCodes,
      ...appCodes,
      ...[creditMessages.en, securityMessages.en, syncMessages.en, planMessages.en].flatMap((messages) =>
        Object.keys(messages)
          .filter((key) => key.startsWith('validation.'))
          .map((key) => key.slice('validation.'.length)),
      ),
    ]);
    const reported = new Set<string>();
    for (const source of Object.values(sources)) {
      for (const match of source.matchAll(/issue\(\s*[^,]+,\s*'([^']+)'/g)) reported.add(match[1]!);
    }
    expect(reported.size).toBeGreaterThan(25);
    expect([...reported].filter((code) => !known.has(code))).toEqual([]);
    expect(inspectionIssueCodes.filter((code) => !reported.has(code))).toEqual([]);
  });

  it('name every workflow step, and say the same keys in zh-CN and English', () => {
    for (const table of [inspectionWorkflow, rectificationWorkflow, declarationWorkflow]) {
      for (const step of Object.keys(table.transitions)) {
        expect(inspectionMessages.en).toHaveProperty([`${table.namespace}.${step}`]);
      }
    }
    expect(Object.keys(inspectionMessages['zh-CN']).sort()).toEqual(
      Object.keys(inspectionMessages.en).sort(),
    );
    for (const text of [
      ...Object.values(inspectionMessages.en),
      ...Object.values(inspectionMessages['zh-CN']),
    ]) {
      expect(text.trim()).not.toBe('');
    }
  });
});
