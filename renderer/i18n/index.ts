import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { creditMessages } from '../../shared/i18n/credit.ts';
import { desktopMessages } from '../../shared/i18n/desktop.ts';
import { securityMessages } from '../../shared/i18n/security.ts';
import { syncMessages as syncProtocolMessages } from '../../shared/i18n/sync.ts';
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
];

/** Feature modules written as nested trees like zh-CN.ts and en.ts, merged under the app's own text too. */
const nestedModules: Readonly<Record<Language, object>>[] = [
  creditUiMessages,
  securityUiMessages,
  syncMessages,
  workbenchMessages,
];

function insert(tree: Tree, path: string[], message: string): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    if (typeof tree[head] === 'object') throw new Error(`Message key ${path.join('.')} is also a group`);
    tree[head] = message;
    return;
  }
  const child = tree[head] ?? {};
  if (typeof child === 'string') throw new Error(`Message group ${head} is also a message`);
  tree[head] = child;
  insert(child, rest, message);
}

function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[prefix + key, value] as [string, string]]
      : flatten(value, `${prefix}${key}.`),
  );
}

/** The complete message tree of one language. */
export function messagesFor(language: Language): Tree {
  const tree: Tree = {};
  const own = (language === 'zh-CN' ? zhCN : en) as Tree;
  // Where modules and the app's own text name the same key, the app's own wording wins: it goes last.
  for (const module of flatModules) {
    for (const [key, message] of Object.entries(module[language])) insert(tree, key.split('.'), message);
  }
  for (const module of nestedModules) {
    for (const [key, message] of flatten(module[language] as Tree)) insert(tree, key.split('.'), message);
  }
  for (const [key, message] of flatten(own)) insert(tree, key.split('.'), message);
  return tree;
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
