import { describe, expect, test } from 'vitest';
import { syncMessages } from './messages.ts';
import {
  isSyncErrorName,
  syncErrorByCode,
  syncErrorCodes,
  syncErrorNames,
  syncErrorStatus,
} from './errors.ts';

const placeholders = (message: string) =>
  [...message.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe('error catalogue', () => {
  test('codes are unique, map back to their names and carry a 4xx or 5xx status', () => {
    const codes = syncErrorNames.map((name) => syncErrorCodes[name]);
    expect(new Set(codes).size).toBe(codes.length);
    for (const name of syncErrorNames) {
      expect(syncErrorByCode(syncErrorCodes[name])).toBe(name);
      expect(syncErrorStatus(name)).toBeGreaterThanOrEqual(400);
      expect(syncErrorStatus(name)).toBeLessThan(600);
      expect(isSyncErrorName(name)).toBe(true);
    }
    expect(isSyncErrorName('toString')).toBe(false);
    expect(syncErrorByCode(499.9)).toBeUndefined();
  });

  test('every message exists in both languages with the same parameters', () => {
    const english = syncMessages.en;
    const chinese = syncMessages['zh-CN'];
    expect(Object.keys(chinese).sort()).toEqual(Object.keys(english).sort());
    for (const name of syncErrorNames) expect(english[`syncError.${name}`]).toBeTruthy();
    for (const key of Object.keys(english) as (keyof typeof english)[]) {
      expect(chinese[key], key).not.toBe('');
      expect(placeholders(chinese[key]), key).toEqual(placeholders(english[key]));
    }
  });
});
