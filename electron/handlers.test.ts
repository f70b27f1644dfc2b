import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIpcHandlers, electronFileDialogs, type FileDialogs } from './handlers.ts';
import { openPlatformAccess } from './platform-access.ts';
import { FakeWebContents, invokeEvent } from '../test/electron-fakes/fakes.ts';
import { testHandlerDependencies } from '../test/electron-fakes/handler-deps.ts';

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

async function setup(languages = ['en-US'], platform = 'linux') {
  const dialogs = new ScriptedDialogs();
  const { deps, ...rest } = await testHandlerDependencies({ dir, dialogs, languages, platform });
  const sender = new FakeWebContents();
  return { handlers: createIpcHandlers(deps), dialogs, sender, event: invokeEvent(sender), ...rest };
}

describe('app:info', () => {
  it('reports the shell, version, preferred language and start options', async () => {
    const { handlers, event } = await setup(['zh-Hans-CN', 'en-US']);
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
    const { handlers, dialogs, event } = await setup();
    dialogs.answers = [join(dir, 'out.csv'), join(dir, 'out.cdbackup')];
    const text = { suggestedName: '名单.csv', mimeType: 'text/csv', data: '统一社会信用代码\n' };
    expect(await handlers['file:save'](text, event)).toEqual({ saved: true });
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('统一社会信用代码\n');
    const bytes = {
      suggestedName: 'creditdesk-410823.cdbackup',
      mimeType: 'application/octet-stream',
      data: new Uint8Array([0, 1, 255]),
    };
    expect(await handlers['file:save'](bytes, event)).toEqual({ saved: true });
    expect([...readFileSync(join(dir, 'out.cdbackup'))]).toEqual([0, 1, 255]);
    expect(existsSync(join(dir, 'out.cdbackup:Zone.Identifier'))).toBe(false);
    expect(dialogs.saveOptions[0]).toMatchObject({
      title: 'Save file',
      defaultPath: '/home/clerk/Documents/名单.csv',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
  });

  it('writes a report PDF made in the renderer byte for byte as given', async () => {
    const { handlers, dialogs, event } = await setup(['zh-CN']);
    dialogs.answers = [join(dir, 'report.pdf')];
    // Every byte value, over a megabyte, as the renderer's PDF code hands it to the bridge.
    const pdf = new Uint8Array(1_500_000).map((_, i) => (i * 131 + (i >> 8)) % 256);
    pdf.set(new TextEncoder().encode('%PDF-1.7\n'));
    const request = { suggestedName: 'XYBG-410823-2026-000001.pdf', mimeType: 'application/pdf', data: pdf };
    expect(await handlers['file:save'](request, event)).toEqual({ saved: true });
    expect(Buffer.compare(readFileSync(join(dir, 'report.pdf')), Buffer.from(pdf))).toBe(0);
    expect(dialogs.saveOptions[0]?.filters).toEqual([{ name: 'PDF', extensions: ['pdf'] }]);
  });

  it('writes nothing when the user cancels', async () => {
    const { handlers, event } = await setup();
    expect(
      await handlers['file:save']({ suggestedName: 'a.csv', mimeType: 'text/csv', data: 'x' }, event),
    ).toEqual({
      saved: false,
    });
  });

  it('refuses an executable type, even behind a bidi override, before showing a dialog', async () => {
    const { handlers, dialogs, event } = await setup();
    const request = {
      suggestedName: 'Invoice\u202Efdp.exe',
      mimeType: 'application/pdf',
      data: new Uint8Array([0x4d, 0x5a]),
    };
    await expect(handlers['file:save'](request, event)).rejects.toThrow(/desktop\.error\.saveTypeRejected/);
    await expect(
      handlers['file:save']({ ...request, suggestedName: 'setup.exe', source: 'attachment' }, event),
    ).rejects.toThrow(/saveTypeRejected/);
    expect(dialogs.saveOptions).toEqual([]);
  });

  it('offers a name without bidi controls, trailing dots or a reserved device name', async () => {
    const { handlers, dialogs, event } = await setup();
    const save = (suggestedName: string) =>
      handlers['file:save']({ suggestedName, mimeType: 'text/csv', data: 'x' }, event);
    await save('名单\u202Evsc.csv');
    await save('CON.csv. ');
    expect(dialogs.saveOptions.map((options) => options.defaultPath)).toEqual([
      '/home/clerk/Documents/名单vsc.csv',
      '/home/clerk/Documents/_CON.csv',
    ]);
    expect(dialogs.saveOptions[0]?.filters).toEqual([{ name: 'CSV', extensions: ['csv'] }]);
  });

  it('refuses a path whose extension was changed in the dialog, and a file over its limit', async () => {
    const { handlers, dialogs, event } = await setup();
    dialogs.answers = [join(dir, 'list.exe')];
    await expect(
      handlers['file:save']({ suggestedName: 'list.csv', mimeType: 'text/csv', data: 'x' }, event),
    ).rejects.toThrow(/saveTypeRejected/);
    expect(existsSync(join(dir, 'list.exe'))).toBe(false);
    const photo = {
      suggestedName: 'photo.jpg',
      mimeType: 'image/jpeg',
      source: 'attachment' as const,
      data: new Uint8Array(20 * 1024 * 1024 + 1),
    };
    await expect(handlers['file:save'](photo, event)).rejects.toThrow(/desktop\.error\.saveTooLarge/);
  });

  it('writes the Mark of the Web with an attachment saved on Windows', async () => {
    const { handlers, dialogs, event } = await setup(['en-US'], 'win32');
    dialogs.answers = [join(dir, 'decision.docx'), join(dir, 'export.xlsx')];
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    const saved = await handlers['file:save'](
      { suggestedName: 'decision.docx', mimeType: docx, data: 'PK', source: 'attachment' },
      event,
    );
    expect(saved).toEqual({ saved: true });
    expect(readFileSync(join(dir, 'decision.docx:Zone.Identifier'), 'utf8')).toBe(
      '[ZoneTransfer]\r\nZoneId=3\r\n',
    );
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    await handlers['file:save']({ suggestedName: 'export.xlsx', mimeType: xlsx, data: 'PK' }, event);
    expect(existsSync(join(dir, 'export.xlsx:Zone.Identifier'))).toBe(false);
  });
});

describe('file:open', () => {
  it('returns the name and bytes of the chosen file', async () => {
    const { handlers, dialogs, event } = await setup(['zh-CN']);
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
    const { handlers, event } = await setup();
    expect(await handlers['file:open']({ extensions: ['csv'] }, event)).toBeNull();
  });

  it('refuses a file over the size limit', async () => {
    const { handlers, dialogs, event } = await setup();
    writeFileSync(join(dir, 'big.csv'), 'x'.repeat(17));
    dialogs.answers = [join(dir, 'big.csv')];
    await expect(handlers['file:open']({ extensions: ['csv'] }, event)).rejects.toThrow(
      /desktop\.error\.fileTooLarge/,
    );
  });

  it('refuses a device file behind a link with an allowed extension, and a folder', async () => {
    const { handlers, dialogs, event } = await setup();
    symlinkSync('/dev/zero', join(dir, 'zero.csv'));
    mkdirSync(join(dir, 'folder.csv'));
    dialogs.answers = [join(dir, 'zero.csv'), join(dir, 'folder.csv')];
    await expect(handlers['file:open']({ extensions: ['csv'] }, event)).rejects.toThrow(
      /desktop\.error\.notRegularFile/,
    );
    await expect(handlers['file:open']({ extensions: ['csv'] }, event)).rejects.toThrow(/notRegularFile/);
  }, 5_000);

  it('stops reading at the limit when the size on disk says nothing (a /proc file reports 0 bytes)', async () => {
    const { handlers, dialogs, event } = await setup();
    expect(statSync('/proc/self/environ').size).toBe(0);
    symlinkSync('/proc/self/environ', join(dir, 'environ.csv'));
    dialogs.answers = [join(dir, 'environ.csv')];
    await expect(handlers['file:open']({ extensions: ['csv'] }, event)).rejects.toThrow(/fileTooLarge/);
  });

  it('refuses a file of another type typed into the dialog', async () => {
    const { handlers, dialogs, event } = await setup();
    writeFileSync(join(dir, 'run.sh'), 'echo');
    dialogs.answers = [join(dir, 'run.sh')];
    await expect(handlers['file:open']({ extensions: ['csv'] }, event)).rejects.toThrow(
      /desktop\.error\.fileTypeRejected/,
    );
  });
});

describe('print:pdf', () => {
  it('prints the sender to the chosen path, adding .pdf to the suggested name', async () => {
    const { handlers, dialogs, sender, event } = await setup();
    dialogs.answers = [join(dir, 'report.pdf')];
    expect(await handlers['print:pdf']({ suggestedName: '信用报告' }, event)).toEqual({ saved: true });
    expect(readFileSync(join(dir, 'report.pdf'), 'utf8')).toBe('%PDF-1.7 fake');
    expect(sender.printed).toBe(1);
    expect(dialogs.saveOptions[0]?.defaultPath).toBe('/home/clerk/Documents/信用报告.pdf');
  });

  it('does not render when the user cancels', async () => {
    const { handlers, sender, event } = await setup();
    expect(await handlers['print:pdf']({ suggestedName: 'x.pdf' }, event)).toEqual({ saved: false });
    expect(sender.printed).toBe(0);
  });
});

describe('shell:open-external', () => {
  it('opens vetted links, asks before others, and refuses anything but https', async () => {
    const { handlers, opened, questions, answers, event } = await setup();
    await handlers['shell:open-external']('https://www.creditchina.gov.cn/', event);
    answers.push(false, true);
    await handlers['shell:open-external']('https://evil.example/a', event);
    await handlers['shell:open-external']('https://example.org/b', event);
    await handlers['shell:open-external']('smb://server/share', event);
    expect(opened).toEqual(['https://www.creditchina.gov.cn/', 'https://example.org/b']);
    expect(questions.map((question) => question.detail)).toEqual([
      'https://evil.example/a',
      'https://example.org/b',
    ]);
  });
});

describe('platform:allow', () => {
  it('answers ready for the platform the page may reach already, without asking', async () => {
    const { handlers, questions, sender, event } = await setup();
    expect(await handlers['platform:allow']('http://127.0.0.1:8787/api', event)).toBe('ready');
    expect(questions).toEqual([]);
    expect(sender.reloaded).toBe(0);
  });

  it('changes nothing when the user declines another platform', async () => {
    const { handlers, questions, platformAccess, sender, event } = await setup(['zh-CN']);
    expect(await handlers['platform:allow']('http://10.1.2.3:8080/', event)).toBe('declined');
    expect(questions[0]).toMatchObject({
      message: '允许信用档案连接到平台 http://10.1.2.3:8080？',
      confirmLabel: '允许并重新启动',
      cancelLabel: '取消',
    });
    expect(platformAccess.policy()).toContain("connect-src 'self' http://127.0.0.1:8787;");
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(sender.reloaded).toBe(0);
  });

  it('stores an agreed platform, computes its policy and restarts the window', async () => {
    const { handlers, answers, platformAccess, sender, event } = await setup();
    answers.push(true);
    expect(await handlers['platform:allow']('http://10.1.2.3:8080/sync', event)).toBe('restarting');
    expect(platformAccess.policy()).toContain("connect-src 'self' http://10.1.2.3:8080;");
    expect(platformAccess.policy()).not.toContain('127.0.0.1');
    await vi.waitFor(() => expect(sender.reloaded).toBe(1));
    expect(await handlers['app:info'](undefined, event)).toMatchObject({
      platformUrl: 'http://10.1.2.3:8080/sync',
    });
    const reopened = await openPlatformAccess(join(dir, 'platform.json'), 'http://127.0.0.1:8787/');
    expect(reopened.current()).toBe('http://10.1.2.3:8080/sync');
  });
});

describe('secret channels', () => {
  it('store, read, protect and delete through the secret store', async () => {
    const { handlers, event } = await setup();
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
