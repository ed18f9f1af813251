/**
 * The current interface language and the functions that turn keys, categories, predicates and
 * concepts into text in it. Concept labels follow the language when the concept has a label in it.
 */
import type { Category, ConceptAttributes, Lang } from '../../../server/model/types';
import type { LinkType } from '../app/domain';
import { CATEGORY_NAMES, MESSAGES, PREDICATE_NAMES, type MessageKey } from './messages';

let current: Lang = 'en';

export function setLang(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

export const getLang = (): Lang => current;

/** The message for a key in the current language, with `{name}` placeholders filled. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const template = MESSAGES[current][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export const categoryName = (c: Category): string => CATEGORY_NAMES[current][c];
export const linkName = (p: LinkType): string => PREDICATE_NAMES[current][p];

/** The label a concept shows in a language: its label in that language, else the other one, else its main label. */
export function conceptLabel(c: Pick<ConceptAttributes, 'label' | 'labels'>, lang: Lang = current): string {
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  return c.labels[lang] ?? c.labels[other] ?? c.label;
}

/** Formats a number for the current language (grouping, up to `digits` decimals). */
export const formatNumber = (n: number, digits = 0): string =>
  n.toLocaleString(current === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: digits });
