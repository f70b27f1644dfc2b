import { describe, expect, it } from 'vitest';
import type { SaveFileRequest } from '../../../shared/base/platform/bridge.ts';
import { saveMadeFile } from './saveMadeFile.ts';

describe('saving a file the app made', () => {
  it('hands the bridge exactly the bytes of the view, in a buffer of their own', async () => {
    const requests: SaveFileRequest[] = [];
    const bridge = {
      async saveFile(request: SaveFileRequest) {
        requests.push(request);
        return { saved: requests.length === 1 };
      },
    };
    const buffer = new Uint8Array(256).map((_, i) => i);
    const view = buffer.subarray(10, 20);
    expect(await saveMadeFile(bridge, { name: '报告.pdf', mimeType: 'application/pdf', bytes: view })).toBe(
      true,
    );
    const sent = requests[0]!.data as Uint8Array;
    expect([...sent]).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(sent.buffer.byteLength).toBe(10);
    expect(requests[0]).toMatchObject({ suggestedName: '报告.pdf', mimeType: 'application/pdf' });
    expect(await saveMadeFile(bridge, { name: 'b.xlsx', mimeType: 'x', bytes: view })).toBe(false);
  });
});
