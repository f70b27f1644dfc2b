import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalHash, canonicalJson, canonicalSize } from './canonicalJson.ts';

describe('canonical JSON', () => {
  it('sorts keys at every level and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('sorts by UTF-16 code units, not by locale', () => {
    expect(canonicalJson({ b: 0, B: 0, 名: 0, '\u{1F600}': 0, '\uFB01': 0 })).toBe(
      '{"B":0,"b":0,"名":0,"\u{1F600}":0,"\uFB01":0}',
    );
  });

  it('writes numbers as ECMAScript does and -0 as 0', () => {
    expect(canonicalJson([1e21, 0.1, -0, 1.5e-7, 100])).toBe('[1e+21,0.1,0,1.5e-7,100]');
  });

  it('leaves out undefined properties and escapes strings as JSON.stringify does', () => {
    expect(canonicalJson({ a: undefined, b: 'quote " and \n' })).toBe('{"b":"quote \\" and \\n"}');
  });

  it('refuses what is not plain JSON data', () => {
    for (const bad of [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      1n,
      () => 1,
      Symbol('s'),
      new Date(0),
      new Map(),
    ]) {
      expect(() => canonicalJson({ field: bad })).toThrow(TypeError);
    }
    expect(() => canonicalJson([undefined])).toThrow(/\$\[0\]/);
    expect(() => canonicalJson({ a: { b: new Uint8Array(1) } })).toThrow(/\$\.a\.b/);
  });

  it('gives the same text for the same data in any key order (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
        expect(JSON.parse(canonicalJson(record))).toEqual(JSON.parse(JSON.stringify(record)));
      }),
    );
  });

  it('hashes the canonical text with SHA-256', async () => {
    // SHA-256 of the three bytes '{}' and of '{"a":1}', computed independently.
    expect(await canonicalHash({})).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
    expect(await canonicalHash({ a: 1 })).toBe(
      '015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862',
    );
    expect(await canonicalHash({ a: 1, b: undefined })).toBe(await canonicalHash({ a: 1 }));
  });

  it('measures size in UTF-8 bytes', () => {
    expect(canonicalSize('名')).toBe(5);
  });
});
