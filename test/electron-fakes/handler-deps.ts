// Real main-process dependencies for handler tests: the secret store and platform access on files in
// `dir`, links through the real opener, and a scripted native question.
import { join } from 'node:path';
import { createExternalLinkOpener } from '../../electron/external-links.ts';
import type { FileDialogs, HandlerDependencies, Question } from '../../electron/handlers.ts';
import { openPlatformAccess } from '../../electron/platform-access.ts';
import { createSecretStore } from '../../electron/secrets.ts';
import { FakeSafeStorage } from './fakes.ts';

export interface TestHandlerOptions {
  dir: string;
  dialogs: FileDialogs;
  languages?: string[];
  platform?: string;
  platformUrl?: string;
}

export async function testHandlerDependencies(options: TestHandlerOptions) {
  const opened: string[] = [];
  const questions: Question[] = [];
  /** The answers the user gives to the next questions (none left: cancel). */
  const answers: boolean[] = [];
  const platformAccess = await openPlatformAccess(
    join(options.dir, 'platform.json'),
    options.platformUrl ?? 'http://127.0.0.1:8787/',
  );
  const confirm: HandlerDependencies['confirm'] = async (_owner, question) => {
    questions.push(question);
    return answers.shift() ?? false;
  };
  const deps: HandlerDependencies = {
    app: {
      getVersion: () => '0.1.0',
      getLocale: () => 'en-US',
      getPreferredSystemLanguages: () => options.languages ?? ['en-US'],
      getPath: () => '/home/clerk/Documents',
    },
    dialogs: options.dialogs,
    ownerOf: () => null,
    confirm,
    openLink: createExternalLinkOpener({
      platformUrl: platformAccess.current,
      openExternal: async (url) => {
        opened.push(url);
      },
      confirmLink: (url) =>
        confirm(null, { message: 'open?', detail: url, confirmLabel: 'Open', cancelLabel: 'Cancel' }),
    }),
    platformAccess,
    secrets: createSecretStore(new FakeSafeStorage(), join(options.dir, 'secrets.json'), 'linux'),
    config: { demo: true, demoEnrollmentCode: '' },
    platform: options.platform ?? 'linux',
    maxOpenFileBytes: 16,
  };
  return { deps, opened, questions, answers, platformAccess };
}
