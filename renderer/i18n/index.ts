import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { commitmentMessages } from '../../shared/commitments/messages.ts';
import { creditMessages } from '../../shared/creditRecords/messages.ts';
import { desktopMessages } from '../../shared/base/platform/messages.ts';
import { gradingMessages } from '../../shared/grading/messages.ts';
import { listMessages } from '../../shared/lists/messages.ts';
import { listsUiMessages } from '../lists/messages.ts';
import { securityMessages } from '../../shared/base/security/messages.ts';
import { syncMessages as syncProtocolMessages } from '../../shared/sync/messages.ts';
import { inspectionMessages } from '../../shared/inspections/messages.ts';
import { planMessages } from '../../shared/inspections/planMessages.ts';
import { caseMessages } from '../cases/messages.ts';
import { figureMessages } from '../reports/figureMessages.ts';
import { reportMessages } from '../reports/messages.ts';
import { verificationMessages } from '../verification/messages.ts';
import { commitmentUiMessages } from '../commitments/messages.ts';
import { inspectionUiMessages } from '../inspections/messages.ts';
import { rectificationUiMessages } from '../inspections/rectificationMessages.ts';
import { planUiMessages } from '../inspections/planUiMessages.ts';
import { declarationUiMessages } from '../inspections/declarationMessages.ts';
import { publicityUiMessages } from '../inspections/publicityMessages.ts';
import { checklistUiMessages } from '../inspections/checklistUiMessages.ts';
import { creditUiMessages } from './credit.ts';
import { en } from './en.ts';
import { securityUiMessages } from './security.ts';
import { syncMessages } from './sync.ts';
import { workbenchMessages } from './workbench.ts';
import { zhCN } from './zh-CN.ts';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

/** Chinese for any zh-* locale, English for everything else. */
export function languageForLocale(locale: string): Language {
  return locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

type Tree = { [key: string]: string | Tree };
type FlatMessages = Readonly<Record<string, string>>;

/** Message modules written as flat dotted keys (shared/, electron/), merged under the app's own text. */
const flatModules: Readonly<Record<Language, FlatMessages>>[] = [
  desktopMessages,
  creditMessages,
  securityMessages,
  syncProtocolMessages,
  commitmentMessages,
  commitmentUiMessages,
  inspectionMessages,
  inspectionUiMessages,
  rectificationUiMessages,
  planMessages,
  planUiMessages,
  declarationUiMessages,
  gradingMessages,
  listMessages,
  caseMessages,
  reportMessages,
  figureMessages,
  verificationMessages,
  listsUiMessages,
  publicityUiMessages,
  checklistUiMessages,
];

/** Feature modules written as nested trees like zh-CN.ts and en.ts, merged under the app's own text too. */
const nestedModules: Readonly<Record<Language, object>>[] = [
  creditUiMessages,
  securityUiMessages,
  syncMessages,
  workbenchMessages,
];

function insert(tree: Tree, key: string, message: string): void {
  const path = key.split('.');
  const last = path.pop() as string;
  let node = tree;
  for (const part of path) {
    const child = node[part] ?? {};
    if (typeof child === 'string') throw new Error(`Message group ${key} is also a message`);
    node[part] = child;
    node = child;
  }
  if (typeof node[last] === 'object') throw new Error(`Message key ${key} is also a group`);
  if (typeof node[last] === 'string') throw new Error(`Message key ${key} is defined twice`);
  node[last] = message;
}

function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[prefix + key, value] as [string, string]]
      : flatten(value, `${prefix}${key}.`),
  );
}

/**
 * Merges message modules into one tree. A key defined by two modules is an error, never a silent
 * override: each message has exactly one home.
 */
export function mergeMessages(modules: readonly (FlatMessages | Tree)[]): Tree {
  const tree: Tree = {};
  for (const module of modules) {
    for (const [key, message] of flatten(module as Tree)) insert(tree, key, message);
  }
  return tree;
}

/** The complete message tree of one language. */
export function messagesFor(language: Language): Tree {
  return mergeMessages([
    ...flatModules.map((module) => module[language]),
    ...nestedModules.map((module) => module[language] as Tree),
    (language === 'zh-CN' ? zhCN : en) as Tree,
  ]);
}

/** Every message key of a language, dotted. */
export function messageKeys(language: Language): string[] {
  return flatten(messagesFor(language)).map(([key]) => key);
}

export async function createI18n(language: Language): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    resources: { 'zh-CN': { translation: messagesFor('zh-CN') }, en: { translation: messagesFor('en') } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** The message for a validation issue code such as `uscc.checkChar`. */
export function validationKey(code: string): string {
  return `validation.${code}`;
}
