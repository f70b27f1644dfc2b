import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createIpcHandlers,
  electronFileDialogs,
  type FileDialogs,
  type HandlerDependencies,
} from './handlers.ts';
import { createSecretStore } from './secrets.ts';
import { FakeSafeStorage, FakeWebContents, invokeEvent } from './testing/fakes.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'creditdesk-handlers-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Dialogs that answer with a queued path (null = cancel) and remember what they were asked. */
class ScriptedDialogs implements FileDialogs {
  answers: Array<string | null> = [];
  saveOptions: SaveDialogOptions[] = [];
  openOptions: OpenDialogOptions[] = [];

  async save(_owner: unknown, options: SaveDialogOptions) {
    this.saveOptions.push(options);
    return this.answers.shift() ?? null;
  }

  async open(_owner: unknown, options: OpenDialogOptions) {
    this.openOptions.push(options);
    return this.answers.shift() ?? null;
  }
}

function setup(languages = ['en-US']) {
  const dialogs = new ScriptedDialogs();
  const opened: string[] = [];
  const deps: HandlerDependencies = {
    app: {
      getVersion: () => '0.1.0',
      getLocale: () => 'en-US',
      getPreferredSystemLanguages: () => languages,
      getPath: () => '/home/clerk/Documents',
    },
    dialogs,
    ownerOf: () => null,
    openExternal: async (url) => {
      opened.push(url);
    },
    secrets: createSecretStore(new FakeSafeStorage(), join(dir, 'secrets.json'), 'linux'),
    config: { platformUrl: 'http://127.0.0.1:8787/', demo: true, demoEnrollmentCode: '' },
    platform: 'linux',
    maxOpenFileBytes: 16,
  };
  const sender = new FakeWebContents();
  return { handlers: createIpcHandlers(deps), dialogs, opened, sender, event: invokeEvent(sender) };
}

describe('app:info', () => {
  it('reports the shell, version, preferred language and start options', async () => {
    const { handlers, event } = setup(['zh-Hans-CN', 'en-US']);
    expect(await handlers['app:info'](undefined, event)).toEqual({
      version: '0.1.0',
      shell: 'electron',
      locale: 'zh-Hans-CN',
      platform: 'linux',
      platformUrl: 'http://127.0.0.1:8787/',
      demo: true,
      demoEnrollmentCode: '',
    });
  });
});

describe('file:save', () => {
  it('writes text and bytes where the user chose', async () => {
    const { handlers, dialogs, event } = setup();
    dialogs.answers = [join(dir, 'out.csv'), join(dir, 'out.bin')];
    const text = { suggestedName: '名单.csv', mimeType: 'text/csv', data: '统一社会信用代码\n' };
    expect(await handlers['file:save'](text, event)).toEqual({ saved: true });
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('统一社会信用代码\n');
    const bytes = {
      suggestedName: 'a.bin',
      mimeType: 'application/octet-stream',
      data: new Uint8Array([0, 1, 255]),
    };
    expect(await handlers['file:save'](bytes, event)).toEqual({ saved: true });
    expect([...readFileSync(join(dir, 'out.bin'))]).toEqual([0, 1, 255]);
    expect(dialogs.saveOptions[0]).toMatchObject({
      title: 'Save file',
      defaultPath: '/home/clerk/Documents/名单.csv',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
  });

  it('writes nothing when the user cancels', async () => {
    const { handlers, event } = setup();
    expect(
      await handlers['file:save']({ suggestedName: 'a.txt', mimeType: 'text/plain', data: 'x' }, event),
    ).toEqual({
      saved: false,
    });
  });
});

describe('file:open', () => {
  it('returns the name and bytes of the chosen file', async () => {
    const { handlers, dialogs, event } = setup(['zh-CN']);
    writeFileSync(join(dir, 'import.csv'), 'a,b\n1,2\n');
    dialogs.answers = [join(dir, 'import.csv')];
    const opened = await handlers['file:open']({ extensions: ['xlsx', 'csv'] }, event);
    expect(opened?.name).toBe('import.csv');
    expect(Buffer.from(opened?.data ?? []).toString()).toBe('a,b\n1,2\n');
    expect(opened?.data).toBeInstanceOf(Uint8Array);
    expect(dialogs.openOptions[0]).toMatchObject({
      title: '选择文件',
      properties: ['openFile'],
      filters: [{ name: '支持的文件（xlsx, csv）', extensions: ['xlsx', 'csv'] }],
    });
  });

  it('returns null when the user cancels', async () => {
    const { handlers, event } = setup();
    expect(await handlers['file:open']({ extensions: ['csv'] }, event)).toBeNull();
  });

  it('refuses a file over the size limit', async () => {
    const { handlers, dialogs, event } = setup();
    writeFileSync(join(dir, 'big.csv'), 'x'.repeat(17));
    dialogs.answers = [join(dir, 'big.csv')];
    await expect(handlers['file:open']({ extensions: ['csv'] }, event)).rejects.toThrow(
      /desktop\.error\.fileTooLarge/,
    );
  });

  it('refuses a file of another type typed into the dialog', async () => {
    const { handlers, dialogs, event } = setup();
    writeFileSync(join(dir, 'run.sh'), 'echo');
    dialogs.answers = [join(dir, 'run.sh')];
    await expect(handlers['file:open']({ extensions: ['csv'] }, event)).rejects.toThrow(
      /desktop\.error\.fileTypeRejected/,
    );
  });
});

describe('print:pdf', () => {
  it('prints the sender to the chosen path, adding .pdf to the suggested name', async () => {
    const { handlers, dialogs, sender, event } = setup();
    dialogs.answers = [join(dir, 'report.pdf')];
    expect(await handlers['print:pdf']({ suggestedName: '信用报告' }, event)).toEqual({ saved: true });
    expect(readFileSync(join(dir, 'report.pdf'), 'utf8')).toBe('%PDF-1.7 fake');
    expect(sender.printed).toBe(1);
    expect(dialogs.saveOptions[0]?.defaultPath).toBe('/home/clerk/Documents/信用报告.pdf');
  });

  it('does not render when the user cancels', async () => {
    const { handlers, sender, event } = setup();
    expect(await handlers['print:pdf']({ suggestedName: 'x.pdf' }, event)).toEqual({ saved: false });
    expect(sender.printed).toBe(0);
  });
});

describe('shell:open-external', () => {
  it('opens vetted https links and refuses anything else', async () => {
    const { handlers, opened, event } = setup();
    await handlers['shell:open-external']('https://www.creditchina.gov.cn/', event);
    await expect(handlers['shell:open-external']('smb://server/share', event)).rejects.toThrow(
      /externalUrlRejected/,
    );
    expect(opened).toEqual(['https://www.creditchina.gov.cn/']);
  });
});

describe('secret channels', () => {
  it('store, read, protect and delete through the secret store', async () => {
    const { handlers, event } = setup();
    await handlers['secret:set']({ key: 'platform.token', value: 's3cret' }, event);
    expect(await handlers['secret:get']('platform.token', event)).toBe('s3cret');
    expect(await handlers['secret:protection'](undefined, event)).toBe('os');
    await handlers['secret:delete']('platform.token', event);
    expect(await handlers['secret:get']('platform.token', event)).toBeNull();
  });
});

describe('electronFileDialogs', () => {
  it('maps cancelled and answered dialogs to null or a path, modal to the owner when given', async () => {
    const calls: unknown[][] = [];
    const dialogs = electronFileDialogs({
      showSaveDialog: async (...args: unknown[]) => {
        calls.push(args);
        return args.length === 2
          ? { canceled: false, filePath: '/tmp/a.csv' }
          : { canceled: true, filePath: '' };
      },
      showOpenDialog: async (...args: unknown[]) => {
        calls.push(args);
        return { canceled: false, filePaths: ['/tmp/b.csv'] };
      },
    } as never);
    const owner = {} as never;
    expect(await dialogs.save(owner, {})).toBe('/tmp/a.csv');
    expect(await dialogs.save(null, {})).toBeNull();
    expect(await dialogs.open(null, {})).toBe('/tmp/b.csv');
    expect(calls.map((args) => args.length)).toEqual([2, 1, 1]);
  });
});
