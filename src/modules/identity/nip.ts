/**
 * NIP (Nomor Induk Pegawai), the 18-digit civil-servant number:
 * digits 1–8 birth date (YYYYMMDD), 9–14 appointment month (YYYYMM), 15 sex (1 or 2), 16–18 sequence.
 */
export type NipCheck = { ok: true } | { ok: false; reason: string };

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
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

export function checkNip(nip: string, birthDate?: string | null): NipCheck {
  if (!/^\d{18}$/.test(nip)) return { ok: false, reason: 'NIP must be exactly 18 digits' };
  const encoded = nipBirthDate(nip);
  if (!encoded) return { ok: false, reason: 'The first eight digits of the NIP are not a real birth date (YYYYMMDD)' };
  const month = Number(nip.slice(12, 14));
  if (month < 1 || month > 12)
    return { ok: false, reason: 'Digits 9–14 of the NIP are not a real appointment month (YYYYMM)' };
  if (nip[14] !== '1' && nip[14] !== '2') return { ok: false, reason: 'Digit 15 of the NIP must be 1 or 2' };
  if (birthDate && birthDate !== encoded) {
    return { ok: false, reason: `The NIP encodes birth date ${encoded}, not ${birthDate}` };
  }
  return { ok: true };
}
