import { describe, expect, it } from 'vitest';
import { isDocumentPath, valuesAt } from './paths.ts';

describe('document paths', () => {
  it('finds the elements of a top-level list', () => {
    const doc = { attachments: [{ sha256: 'a' }, { sha256: 'b' }] };
    expect(valuesAt(doc, 'attachments[]')).toEqual([
      { path: 'attachments.0', value: { sha256: 'a' } },
      { path: 'attachments.1', value: { sha256: 'b' } },
    ]);
  });

  it('walks lists inside lists at any depth', () => {
    const doc = {
      findings: [
        { photos: [{ sha256: 'p1' }] },
        { photos: [] },
        { note: 'no photos field' },
        { photos: [{ sha256: 'p2' }, { sha256: 'p3' }] },
      ],
    };
    expect(valuesAt(doc, 'findings[].photos[]').map((found) => found.path)).toEqual([
      'findings.0.photos.0',
      'findings.3.photos.0',
      'findings.3.photos.1',
    ]);
    expect(valuesAt({ a: { b: [{ c: [{ d: 1 }] }] } }, 'a.b[].c[].d')).toEqual([
      { path: 'a.b.0.c.0.d', value: 1 },
    ]);
  });

  it('finds nothing where a field is missing, not a list or not an object', () => {
    expect(valuesAt({}, 'attachments[]')).toEqual([]);
    expect(valuesAt({ attachments: 'x' }, 'attachments[]')).toEqual([]);
    expect(valuesAt({ findings: [1, null, [2]] }, 'findings[].photos[]')).toEqual([]);
    expect(valuesAt(null, 'a')).toEqual([]);
    // Inherited properties are not document fields.
    expect(valuesAt({}, 'constructor')).toEqual([]);
  });

  it('refuses malformed paths', () => {
    expect(isDocumentPath('findings[].photos[]')).toBe(true);
    for (const bad of ['', 'a..b', '[]', 'a[]x', 'a.[]', 'a[][]']) expect(isDocumentPath(bad)).toBe(false);
    expect(() => valuesAt({}, 'a..b')).toThrow('Not a document path');
  });
});
