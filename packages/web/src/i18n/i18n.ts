import { createStore, persisted, useStore } from '../store';
import { en } from './messages-en';
import { type MessageKey, zh } from './messages-zh';

export type Lang = 'zh-CN' | 'en';
export type { MessageKey };
export type Params = Record<string, string | number>;

const LANG_KEY = 'fazhi.lang';
const dictionaries: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zh, en };

export const isLang = (value: unknown): value is Lang => value === 'zh-CN' || value === 'en';

/** Chinese unless the person chose English before; the choice is remembered on this browser. */
export function initialLang(stored: string | undefined): Lang {
  return isLang(stored) ? stored : 'zh-CN';
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const template = dictionaries[lang][key] ?? zh[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

export const langStore = createStore<Lang>(initialLang(persisted.read(LANG_KEY)));

export function setLang(lang: Lang): void {
  persisted.write(LANG_KEY, lang);
  langStore.set(lang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export type Translate = (key: MessageKey, params?: Params) => string;

export interface I18n {
  lang: Lang;
  t: Translate;
  /** Picks the server's Chinese or English text, falling back to Chinese when no English was given. */
  pick: (zhText: string, enText: string | undefined) => string;
  /** Name of a clock kind: the server's label in Chinese, our dictionary's (or the server's) in English. */
  kindLabel: (kind: string, zhLabel: string, enLabel?: string) => string;
}

export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(zh, key);

const cache = new Map<Lang, I18n>();

/** One object per language, so `t` keeps its identity between renders and can sit in hook dependencies. */
export function i18nFor(lang: Lang): I18n {
  const cached = cache.get(lang);
  if (cached) return cached;
  const i18n: I18n = {
    lang,
    t: (key, params) => translate(lang, key, params),
    pick: (zhText, enText) => (lang === 'en' && enText ? enText : zhText),
    kindLabel: (kind, zhLabel, enLabel) => {
      const key = `kind.${kind}`;
      if (lang === 'zh-CN') return zhLabel || (isMessageKey(key) ? translate(lang, key) : kind);
      return enLabel || (isMessageKey(key) ? translate(lang, key) : zhLabel);
    },
  };
  cache.set(lang, i18n);
  return i18n;
}

export function useI18n(): I18n {
  return i18nFor(useStore(langStore));
}
