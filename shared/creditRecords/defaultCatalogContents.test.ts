import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../base/security/canonicalJson.ts';
import { toHex, utf8 } from '../base/security/encoding.ts';
import { sha256 } from '../base/security/webCrypto.ts';
import { defaultCatalog } from './defaultCatalog.ts';

describe('the default catalog', () => {
  // Computed from the catalog as one file, before it was split into a file per sector: the split changed
  // no byte of its contents or order. A deliberate change of the catalog updates it (and the version).
  it('assembles exactly the contents it had as one file', async () => {
    const digest = toHex(await sha256(utf8(canonicalJson(defaultCatalog))));
    expect([defaultCatalog.length, digest]).toEqual([
      45,
      'e19434faabe7960d0835fcf322ad2d3614a4c0b471db7b8fafb43afc06722b80',
    ]);
  });
});
