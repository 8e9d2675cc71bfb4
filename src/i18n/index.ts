import type { ErrorCode } from '../http/error-codes.js';
import { DEFAULT_LANG, LANGS, type Lang } from './lang.js';
import { MESSAGES, type MessageKey } from './messages.js';
import { PROBLEMS, type ProblemText } from './problems.js';

export { DEFAULT_LANG, LANGS, isLang, negotiate, type Lang } from './lang.js';
export { MESSAGES, type MessageKey } from './messages.js';
export { PROBLEMS } from './problems.js';

/** A text to be rendered later, in the language of whoever reads it. */
export interface Message {
  key: MessageKey;
  params?: Params;
}
/** Facts a text names: plain values, or texts of their own (a status, a field's label). */
export type Params = Readonly<Record<string, string | number | Message>>;

export const msg = (key: MessageKey, params?: Params): Message => (params ? { key, params } : { key });

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as Message).key === 'string';
}

/** `{name}` → the param's value (a Message param is translated first); unknown names stay as written. */
export function interpolate(lang: Lang, template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return isMessage(value) ? translate(lang, value.key, value.params) : String(value);
  });
}

/** The text of `key` in `lang`, with its params filled in. */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const entry = MESSAGES[key] as Record<Lang, string> | undefined;
  return interpolate(lang, entry?.[lang] ?? entry?.[DEFAULT_LANG] ?? key, params);
}

export const render = (lang: Lang, message: Message): string => translate(lang, message.key, message.params);

/** The title and detail of an error code in `lang`; `detailKey` picks another wording of the detail. */
export function problemText(lang: Lang, code: string, params?: Params, detailKey?: MessageKey): ProblemText {
  const entry = (PROBLEMS as Record<string, Record<Lang, ProblemText>>)[code];
  const text = entry?.[lang] ?? PROBLEMS.INTERNAL[lang];
  return {
    title: text.title,
    detail: detailKey ? translate(lang, detailKey, params) : interpolate(lang, text.detail, params),
  };
}

export type { ErrorCode };

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

/**
 * What the catalogue lacks: every error code of `codes` without a title or detail in one of the
 * languages, and every text whose languages name different `{params}`. Empty when complete.
 */
export function catalogueGaps(
  codes: readonly string[],
  problems: Partial<Record<string, Partial<Record<Lang, Partial<ProblemText>>>>> = PROBLEMS,
  messages: Record<string, Partial<Record<Lang, string>>> = MESSAGES,
): string[] {
  const gaps: string[] = [];
  for (const code of codes) {
    for (const lang of LANGS) {
      const text = problems[code]?.[lang];
      if (!text?.title?.trim()) gaps.push(`${code}: no ${lang} title`);
      if (!text?.detail?.trim()) gaps.push(`${code}: no ${lang} detail`);
    }
    const [first, ...others] = LANGS.map((lang) => placeholders(problems[code]?.[lang]?.detail ?? '').join(','));
    if (others.some((o) => o !== first)) gaps.push(`${code}: the languages name different params`);
  }
  for (const [key, texts] of Object.entries(messages)) {
    for (const lang of LANGS) if (!texts[lang]?.trim()) gaps.push(`${key}: no ${lang} text`);
    const [first, ...others] = LANGS.map((lang) => placeholders(texts[lang] ?? '').join(','));
    if (others.some((o) => o !== first)) gaps.push(`${key}: the languages name different params`);
  }
  return gaps;
}
