/**
 * The page the QR code opens: the certificate's status and what the paper shows, so that an
 * edited PDF is caught. Indonesian first, English on request; no script, no external resource,
 * printable; served with a policy that allows plain HTTP (no upgrade-insecure-requests), since
 * it is often opened at a server's LAN address.
 */

/** 199003152024212001 → "**************2001": enough to match the paper, not to reuse. */
export function maskNip(nip: string | null): string | null {
  if (!nip) return null;
  return '*'.repeat(Math.max(0, nip.length - 4)) + nip.slice(-4);
}

export type Lang = 'id' | 'en';

/** `?lang=` wins; else the first language the browser names; Indonesian by default. */
export function languageOf(query: string | undefined, acceptLanguage: string | undefined): Lang {
  if (query === 'en' || query === 'id') return query;
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'id';
}

export const VERIFY_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface VerifyView {
  status: 'valid' | 'revoked' | 'replaced';
  number: string;
  name: string;
  nip: string | null;
  program: string;
  organizer: string;
  cohort: string;
  startDate: string | null;
  endDate: string | null;
  totalJp: number | null;
  predikat: string;
  date: string;
  signatories: Array<{ position: string; name: string }>;
  signed: boolean;
  revokedAt: Date | null;
  revokeCategory: string | null;
  replacedBy: { code: string; verifyUrl: string } | null;
}

const TEXT = {
  id: {
    title: 'Verifikasi Sertifikat',
    valid: 'SAH — sertifikat ini terdaftar dan berlaku.',
    revoked: 'DICABUT — sertifikat ini tidak berlaku lagi.',
    replaced: 'DIGANTI — sertifikat ini dicabut dan diganti dengan sertifikat baru.',
    newOne: 'Lihat sertifikat pengganti',
    revokedOn: 'Dicabut pada',
    reason: 'Alasan',
    number: 'Nomor',
    name: 'Nama',
    nip: 'NIP',
    program: 'Pelatihan',
    organizer: 'Penyelenggara',
    cohort: 'Angkatan',
    dates: 'Tanggal pelaksanaan',
    jp: 'Jumlah JP',
    predikat: 'Predikat',
    issued: 'Tanggal terbit',
    signatory: 'Penandatangan',
    signed: 'Ditandatangani secara elektronik (TTE) saat diterbitkan.',
    unsigned: 'Dokumen PDF ini tidak ditandatangani secara elektronik; keasliannya dibuktikan oleh halaman ini.',
    compare:
      'Bandingkan data di atas dengan sertifikat yang Anda pegang: setiap perbedaan berarti dokumen telah diubah.',
    until: 's.d.',
    categories: {
      data_correction: 'perbaikan data',
      result_changed: 'perubahan hasil penilaian',
      issued_in_error: 'diterbitkan karena kekeliruan',
      misconduct: 'pelanggaran',
      other: 'lainnya',
    } as Record<string, string>,
    locale: 'id-ID',
  },
  en: {
    title: 'Certificate verification',
    valid: 'VALID — this certificate is on record and in force.',
    revoked: 'REVOKED — this certificate is no longer valid.',
    replaced: 'REPLACED — this certificate was revoked and replaced by a new one.',
    newOne: 'See the replacing certificate',
    revokedOn: 'Revoked on',
    reason: 'Reason',
    number: 'Number',
    name: 'Name',
    nip: 'NIP (civil-service number)',
    program: 'Program',
    organizer: 'Organizer',
    cohort: 'Cohort',
    dates: 'Dates',
    jp: 'Total lesson hours (JP)',
    predikat: 'Qualification',
    issued: 'Issued on',
    signatory: 'Signed by',
    signed: 'Signed electronically when it was issued.',
    unsigned: 'This PDF carries no electronic signature; this page is what proves it genuine.',
    compare: 'Compare these details with the certificate you hold: any difference means the document was altered.',
    until: 'to',
    categories: {
      data_correction: 'data correction',
      result_changed: 'assessment result changed',
      issued_in_error: 'issued in error',
      misconduct: 'misconduct',
      other: 'other',
    } as Record<string, string>,
    locale: 'en-GB',
  },
} as const;

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function verifyPage(v: VerifyView, lang: Lang): string {
  const t = TEXT[lang];
  const dateFmt = new Intl.DateTimeFormat(t.locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const day = (d: string | null) => (d ? dateFmt.format(new Date(`${d}T00:00:00Z`)) : '-');
  const jp = v.totalJp === null ? null : new Intl.NumberFormat(t.locale).format(v.totalJp);
  const rows: Array<[string, string | null]> = [
    [t.number, v.number],
    [t.name, v.name],
    [t.nip, v.nip],
    [t.program, v.program],
    [t.organizer, v.organizer],
    [t.cohort, v.cohort],
    [t.dates, v.startDate === v.endDate ? day(v.startDate) : `${day(v.startDate)} ${t.until} ${day(v.endDate)}`],
    [t.jp, jp],
    [t.predikat, v.predikat],
    [t.issued, day(v.date)],
    ...v.signatories.map((s): [string, string] => [t.signatory, `${s.name} — ${s.position}`]),
  ];
  const statusLine = t[v.status];
  const revoked =
    v.revokedAt && v.status !== 'valid'
      ? `<p>${t.revokedOn} ${escape(dateFmt.format(v.revokedAt))} · ${t.reason}: ${escape(t.categories[v.revokeCategory ?? 'other'] ?? v.revokeCategory ?? '')}</p>`
      : '';
  // Links relative to the page, so that they work at whatever address it was opened.
  const replaced = v.replacedBy ? `<p><a href="${escape(v.replacedBy.code)}">${t.newOne}</a></p>` : '';
  const other = lang === 'id' ? ['en', 'English'] : ['id', 'Bahasa Indonesia'];
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${t.title} ${escape(v.number)}</title>
<style>
body{font-family:system-ui,"Noto Sans",Arial,sans-serif;margin:0;background:#f4f6f9;color:#1b1b1b}
main{max-width:46rem;margin:1.5rem auto;background:#fff;padding:1.5rem;border:1px solid #d5dbe3;border-radius:6px}
h1{font-size:1.3rem;color:#1f3a5f;margin-top:0}
.status{padding:.8rem 1rem;border-radius:4px;font-weight:700}
.valid{background:#e3f4e6;color:#135b25}.revoked,.replaced{background:#fde8e8;color:#8a1616}
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{text-align:left;padding:.4rem .3rem;border-bottom:1px solid #e5e9ef;vertical-align:top}
th{width:35%;font-weight:600;color:#444}.note{font-size:.9rem;color:#444}nav{text-align:right;font-size:.9rem}
@media print{body{background:#fff}main{border:0;margin:0}nav{display:none}}
</style>
</head>
<body>
<main>
<nav><a href="?lang=${other[0]}" hreflang="${other[0]}">${other[1]}</a></nav>
<h1>${t.title}</h1>
<p class="status ${v.status}" data-status="${v.status}">${statusLine}</p>
${revoked}${replaced}
<table>
${rows.map(([k, val]) => `<tr><th scope="row">${escape(k)}</th><td>${escape(val ?? '-')}</td></tr>`).join('\n')}
</table>
<p class="note">${v.signed ? t.signed : t.unsigned}</p>
<p class="note">${t.compare}</p>
</main>
</body>
</html>
`;
}
