import type { NipKind } from '../../db/schema.js';
import { msg, translate, type Message, type MessageKey } from '../../i18n/index.js';

/**
 * The 18-digit number of every ASN, in its two structures:
 * - PNS NIP: birth date YYYYMMDD · TMT CPNS YYYYMM (month of appointment) · sex 1|2 · sequence of 3.
 * - PPPK number (NI PPPK): birth date YYYYMMDD · TMT year YYYY · 2 (the PPPK code) · appointment
 *   frequency 1–9 · sex 1|2 · sequence of 3.
 * Digit 13 tells them apart: the tens of a PNS appointment month are 0 or 1, a PPPK number has 2.
 */
export type NipCheck =
  | { ok: true; kind: NipKind }
  | {
      ok: false;
      /** In English, for logs and code; people read `message`. */
      reason: string;
      /** The reason as the catalogue's text, about "the NIP". */
      message: Message;
      /** The same reason naming the number, for a list of many (an import). */
      named: (nip: string) => Message;
    };

function refused(key: MessageKey, params: Record<string, string> = {}): NipCheck {
  const about = (named: string) => msg(key, { ...params, named });
  return {
    ok: false,
    reason: translate('en', key, { ...params, named: '' }),
    message: about(''),
    named: (nip) => about(` ${nip}`),
  };
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * A number as people type it: `19900101 202221 2 001`, `19900101.202221.2.001`, `'1990…` (Excel's
 * text marker). Only spaces, dots, dashes and the marker go; anything else is left for the check.
 */
export function normalizeNip(text: string): string {
  return text
    .trim()
    .replace(/^'/, '')
    .replace(/[\s.\-\u00a0]+/g, '');
}

/** Whether a login or lookup key is a NIP (after normalizing) rather than an email address. */
export function looksLikeNip(text: string): boolean {
  return !text.includes('@') && /^\d{18}$/.test(normalizeNip(text));
}

/** The birth date a NIP encodes, as YYYY-MM-DD, or null when the digits are not a real date. */
export function nipBirthDate(nip: string): string | null {
  if (!/^\d{18}$/.test(nip)) return null;
  const year = Number(nip.slice(0, 4));
  const month = Number(nip.slice(4, 6));
  const day = Number(nip.slice(6, 8));
  if (year < 1900 || !isRealDate(year, month, day)) return null;
  return `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
}

/** PNS or PPPK, for a number that passed `checkNip`. */
export function nipKindOf(nip: string): NipKind {
  return nip[12] === '2' ? 'pppk' : 'pns';
}

function plausibleYear(year: number): boolean {
  return year >= 1950 && year <= 2100;
}

export function checkNip(nip: string, birthDate?: string | null): NipCheck {
  if (!/^\d{18}$/.test(nip)) return refused('nip.digits');
  const encoded = nipBirthDate(nip);
  if (!encoded) return refused('nip.birthDate');
  const kind = nipKindOf(nip);
  if (kind === 'pppk') {
    if (!plausibleYear(Number(nip.slice(8, 12)))) return refused('nip.pppkYear');
    if (nip[13] === '0') return refused('nip.pppkFrequency');
  } else {
    const month = Number(nip.slice(12, 14));
    if (month < 1 || month > 12 || !plausibleYear(Number(nip.slice(8, 12)))) return refused('nip.appointment');
  }
  if (nip[14] !== '1' && nip[14] !== '2') return refused('nip.sex');
  if (birthDate && birthDate !== encoded) {
    return refused('nip.birthDateMismatch', { encoded, given: birthDate });
  }
  return { ok: true, kind };
}
