/** The languages every text a person reads comes in; Indonesian is the default. */
export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'id';

export function isLang(value: unknown): value is Lang {
  return value === 'id' || value === 'en';
}

/**
 * The best of our languages for an `Accept-Language` header (RFC 9110 §12.5.4): ranges weighed by
 * their q-value, `en-US` matching `en`, `*` matching any, `q=0` refusing; ties go to the earlier
 * range. Nothing acceptable, or no header: Indonesian.
 */
export function negotiate(header: string | undefined): Lang {
  if (!header) return DEFAULT_LANG;
  let best: { lang: Lang; q: number } | null = null;
  const refused = new Set<Lang>();
  const ranges = header
    .split(',')
    .slice(0, 50)
    .map((part) => {
      const [range = '', ...params] = part.trim().split(';');
      const qParam = params.map((p) => p.trim()).find((p) => /^q=/i.test(p));
      const q = qParam === undefined ? 1 : Number(qParam.slice(2));
      return { range: range.trim().toLowerCase(), q: Number.isFinite(q) && q >= 0 && q <= 1 ? q : 0 };
    });
  for (const { range, q } of ranges) {
    const primary = range.split('-')[0];
    if (q === 0 && isLang(primary)) refused.add(primary);
  }
  for (const { range, q } of ranges) {
    if (q === 0) continue;
    const primary = range.split('-')[0];
    // `in` is the withdrawn ISO 639 code for Indonesian, still sent by some older systems.
    const lang: Lang | '*' | null = range === '*' ? '*' : primary === 'in' ? 'id' : isLang(primary) ? primary : null;
    if (lang === null) continue;
    const chosen =
      lang === '*'
        ? (LANGS.find((l) => !refused.has(l) && !ranges.some((r) => r.range.split('-')[0] === l)) ?? null)
        : lang;
    if (chosen === null || refused.has(chosen)) continue;
    if (best === null || q > best.q) best = { lang: chosen, q };
  }
  return best?.lang ?? DEFAULT_LANG;
}
