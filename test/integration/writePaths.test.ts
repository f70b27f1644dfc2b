/**
 * Writes to the synced collections go through the one writer (renderer/kernel/db/writer.ts), whose
 * journal (writerJournal.ts) writes them, keeps the history and audits each step. This test scans
 * renderer/ for RxDB write calls and fails on any not listed below: a new write path must go through
 * the writer or be added here with its reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const writeCall =
  /\.(insert|bulkInsert|upsert|bulkUpsert|incrementalUpsert|patch|incrementalPatch|modify|incrementalModify|remove|bulkRemove|incrementalRemove)\(/g;

/** `file method` → how many calls are allowed there, and why. */
const allowed: Record<string, { count: number; why: string }> = {
  'renderer/kernel/db/writerJournal.ts bulkInsert': { count: 2, why: 'the writer creates documents' },
  'renderer/kernel/db/writerJournal.ts bulkUpsert': { count: 1, why: 'the writer restores documents' },
  'renderer/kernel/db/writerJournal.ts incrementalPatch': { count: 1, why: 'the writer writes new versions' },
  'renderer/kernel/db/writerJournal.ts remove': { count: 1, why: 'the writer removes documents' },
  'renderer/kernel/db/writerJournal.ts upsert': {
    count: 1,
    why: 'the writer brings back a deleted document',
  },
  'renderer/kernel/security/audit.ts bulkInsert': { count: 1, why: 'the audit chain appends its entries' },
  'renderer/subjects/subjectIndexKeeper.ts remove': {
    count: 2,
    why: 'the in-memory search index, not a collection',
  },
  'renderer/kernel/platform/browser.ts remove': { count: 1, why: 'a DOM element, not a collection' },
};

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$|test-setup\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('write paths', () => {
  it('writes to collections only where the list allows it', () => {
    const found: Record<string, number> = {};
    for (const path of sources(join(root, 'renderer'))) {
      const file = relative(root, path).split('\\').join('/');
      for (const match of readFileSync(path, 'utf8').matchAll(writeCall)) {
        const key = `${file} ${match[1]}`;
        found[key] = (found[key] ?? 0) + 1;
      }
    }
    const expected = Object.fromEntries(Object.entries(allowed).map(([key, entry]) => [key, entry.count]));
    expect(found).toEqual(expected);
  });
});
