import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  concatBytes,
  constantTimeEqual,
  fromBase64,
  fromBase64Url,
  fromUtf8,
  toBase64,
  toBase64Url,
  toHex,
  utf8,
} from './encoding.ts';

describe('byte encodings', () => {
  it('matches RFC 4648 test vectors', () => {
    const vectors = ['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'];
    const expected = ['', 'Zg', 'Zm8', 'Zm9v', 'Zm9vYg', 'Zm9vYmE', 'Zm9vYmFy'];
    expect(vectors.map((text) => toBase64(utf8(text)))).toEqual(expected);
    expect(expected.map((text) => fromUtf8(fromBase64(text)!))).toEqual(vectors);
  });

  it('uses - and _ in base64url', () => {
    const bytes = new Uint8Array([0xfb, 0xff, 0xbf]);
    expect(toBase64(bytes)).toBe('+/+/');
    expect(toBase64Url(bytes)).toBe('-_-_');
  });

  it('round-trips any bytes and agrees with Node’s encoder (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        expect(toBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
        expect(fromBase64(toBase64(bytes))).toEqual(bytes);
      }),
    );
  });

  it('refuses malformed text instead of guessing', () => {
    expect(fromBase64Url('Zg==')).toBeNull();
    expect(fromBase64Url('Z')).toBeNull();
    expect(fromBase64Url('Zh')).toBeNull(); // non-zero leftover bits
    expect(fromBase64('Zm9v!')).toBeNull();
    expect(fromBase64Url('Zm9v+')).toBeNull();
  });

  it('decodes UTF-8 strictly', () => {
    expect(fromUtf8(utf8('信用档案'))).toBe('信用档案');
    expect(fromUtf8(new Uint8Array([0xe4, 0xbf]))).toBeNull();
  });

  it('compares bytes and joins them', () => {
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
    expect(constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1]), new Uint8Array([1, 0]))).toBe(false);
    expect(toHex(concatBytes(new Uint8Array([0, 15]), new Uint8Array([255])))).toBe('000fff');
  });
});
