import type { ErrorCode } from '../http/error-codes.js';
import { DEFAULT_LANG, type Lang } from './lang.js';
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
