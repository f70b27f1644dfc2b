import { describe, expect, it } from 'vitest';
import { judgeElectronPin } from './electron-version.ts';

const published = ['44.9.9', '45.0.0-beta.3', '45.3.4', '45.4.1', '45.5.0', '45.6.0', '45.6.1', '46.0.0'];

describe('judgeElectronPin', () => {
  it('accepts the newest release of the major line and the one before it', () => {
    expect(judgeElectronPin('45.6.1', published)).toEqual({ ok: true, newest: '45.6.1', behind: 0 });
    expect(judgeElectronPin('45.6.0', published)).toEqual({ ok: true, newest: '45.6.1', behind: 1 });
  });

  it('refuses a pin more than one release behind, counting only its own major line and stable releases', () => {
    expect(judgeElectronPin('45.3.4', published)).toEqual({
      ok: false,
      reason: 'behind',
      newest: '45.6.1',
      behind: 4,
      pinned: '45.3.4',
    });
  });

  it('refuses a version range, which would let installs drift', () => {
    expect(judgeElectronPin('^45.6.1', published)).toEqual({
      ok: false,
      reason: 'notExact',
      pinned: '^45.6.1',
    });
  });
});
