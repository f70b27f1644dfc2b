import { describe, expect, test } from 'vitest';
import { documentContent, sameDocumentContent } from './documentContent.ts';
import { formatCheckpointParam, parseCheckpointParam, pullQuerySchema, syncPaths } from './protocol.ts';

describe('checkpoint parameter', () => {
  test('absent, JSON and bare sequences', () => {
    expect(parseCheckpointParam(undefined)).toEqual({ ok: true, checkpoint: null });
    expect(parseCheckpointParam('')).toEqual({ ok: true, checkpoint: null });
    expect(parseCheckpointParam('null')).toEqual({ ok: true, checkpoint: null });
    expect(parseCheckpointParam('42')).toEqual({ ok: true, checkpoint: { sequence: 42 } });
    expect(parseCheckpointParam(formatCheckpointParam({ sequence: 7 }))).toEqual({
      ok: true,
      checkpoint: { sequence: 7 },
    });
  });

  test('anything else is refused', () => {
    for (const raw of [
      '-1',
      '1.5',
      'abc',
      '{"sequence":-1}',
      '{"sequence":"3"}',
      '{}',
      '[]',
      '{',
      '99999999999999999',
    ]) {
      expect(parseCheckpointParam(raw)).toEqual({ ok: false });
    }
  });

  test('pull queries default their limit', () => {
    expect(pullQuerySchema.parse({})).toEqual({ limit: 200 });
    expect(pullQuerySchema.parse({ limit: '5', checkpoint: '3' })).toEqual({ limit: 5, checkpoint: '3' });
    expect(pullQuerySchema.safeParse({ limit: '0' }).success).toBe(false);
  });

  test('paths escape collection names', () => {
    expect(syncPaths.pull('subjects')).toBe('/sync/v1/subjects/pull');
    expect(syncPaths.push('a/b')).toBe('/sync/v1/a%2Fb/push');
  });
});

describe('document content', () => {
  test('local metadata and key order do not make two states differ; content does', () => {
    const a = { id: '1', name: 'x', _deleted: false, _rev: '1-a', _meta: { lwt: 1 } };
    const b = { name: 'x', id: '1', _attachments: {} };
    expect(documentContent(b)).toEqual({ name: 'x', id: '1', _deleted: false });
    expect(sameDocumentContent(a, b)).toBe(true);
    expect(sameDocumentContent(a, { ...b, _deleted: true })).toBe(false);
    expect(sameDocumentContent(a, { ...b, name: 'y' })).toBe(false);
  });
});
