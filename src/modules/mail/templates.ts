/**
 * The mails' words: Indonesian first, English when asked. Each template takes the row's params and
 * the secret (an activation code or reset token, or a mask when the reader may not see it) and
 * gives a subject, a plain-text body and an HTML body with the same content.
 */
export const MAIL_KINDS = [
  'invitation',
  'password_reset',
  'pace_reminder',
  'phase_opened',
  'phase_closed',
  'certificate_issued',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];
export const MAIL_LANGS = ['id', 'en'] as const;
export type MailLang = (typeof MAIL_LANGS)[number];

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

type Params = Record<string, unknown>;

interface Content {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  after?: string[];
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** A local date `YYYY-MM-DD` in words: "8 November 2024" / "8 November 2024". */
export function dateInWords(value: unknown, lang: MailLang): string {
  const s = str(value);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${s}T00:00:00Z`));
}

/** JP with a decimal comma in Indonesian. */
function jp(value: unknown, lang: MailLang): string {
  const n = Number(value);
  if (!Number.isFinite(n)) return str(value);
  return new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 2 }).format(n);
}

const PHASE_KIND: Record<MailLang, Record<string, string>> = {
  id: { online: 'daring', classroom: 'klasikal', field: 'pembelajaran lapangan' },
  en: { online: 'online', classroom: 'classroom', field: 'field' },
};

function contentOf(kind: MailKind, lang: MailLang, p: Params, secret: string, baseUrl: string): Content {
  const id = lang === 'id';
  const name = str(p.name);
  const greeting = id ? `Yth. ${name},` : `Dear ${name},`;
  const d = (v: unknown) => dateInWords(v, lang);
  switch (kind) {
    case 'invitation': {
      const url = `${baseUrl}/activate?login=${encodeURIComponent(str(p.login))}&code=${encodeURIComponent(secret)}`;
      const where = p.cohortName
        ? id
          ? ` sebagai peserta ${str(p.cohortName)}`
          : ` as a participant of ${str(p.cohortName)}`
        : '';
      return {
        subject: id ? `Undangan aktivasi akun – ${str(p.orgName)}` : `Activate your account – ${str(p.orgName)}`,
        greeting,
        paragraphs: id
          ? [
              `${str(p.orgName)} telah mendaftarkan Anda${where}.`,
              'Aktifkan akun Anda dan buat kata sandi melalui tautan berikut:',
            ]
          : [`${str(p.orgName)} has registered you${where}.`, 'Activate your account and choose a password here:'],
        action: { label: id ? 'Aktifkan akun' : 'Activate account', url },
        after: id
          ? [
              `Login: ${str(p.login)} · Kode aktivasi: ${secret}`,
              `Tautan dan kode berlaku sampai ${d(p.expiresOn)}.`,
              'Jika Anda tidak merasa terdaftar, abaikan email ini.',
            ]
          : [
              `Login: ${str(p.login)} · Activation code: ${secret}`,
              `The link and code are valid until ${d(p.expiresOn)}.`,
              'If you do not expect this, ignore this email.',
            ],
      };
    }
    case 'password_reset': {
      const url = `${baseUrl}/reset-password?token=${encodeURIComponent(secret)}`;
      return {
        subject: id ? 'Atur ulang kata sandi' : 'Reset your password',
        greeting,
        paragraphs: id
          ? ['Kami menerima permintaan untuk mengatur ulang kata sandi akun Anda.']
          : ['We received a request to reset the password of your account.'],
        action: { label: id ? 'Atur ulang kata sandi' : 'Reset password', url },
        after: id
          ? [
              `Tautan ini hanya dapat dipakai sekali dan berlaku ${str(p.ttlMinutes)} menit.`,
              'Jika Anda tidak memintanya, abaikan email ini; kata sandi Anda tidak berubah.',
            ]
          : [
              `The link works once and for ${str(p.ttlMinutes)} minutes.`,
              'If you did not ask for it, ignore this email; your password stays as it is.',
            ],
      };
    }
    case 'pace_reminder':
      return {
        subject: id
          ? `Pengingat: lanjutkan belajar di ${str(p.cohortName)}`
          : `Reminder: keep learning in ${str(p.cohortName)}`,
        greeting,
        paragraphs: id
          ? [
              `Kemajuan Anda pada ${str(p.phaseName)} (${str(p.cohortName)}) tertinggal dari jadwal: ${jp(p.onlineJp, lang)} dari ${jp(p.requiredJp, lang)} JP.`,
              `Fase ini ditutup setelah ${d(p.endDate)}. Luangkan waktu hari ini untuk melanjutkan materi.`,
            ]
          : [
              `Your progress in ${str(p.phaseName)} (${str(p.cohortName)}) is behind schedule: ${jp(p.onlineJp, lang)} of ${jp(p.requiredJp, lang)} JP.`,
              `The phase closes after ${d(p.endDate)}. Set aside some time today to continue.`,
            ],
        action: { label: id ? 'Lanjutkan belajar' : 'Continue learning', url: `${baseUrl}/` },
      };
    case 'phase_opened': {
      const kindName = PHASE_KIND[lang][str(p.phaseKind)] ?? str(p.phaseKind);
      return {
        subject: id
          ? `${str(p.phaseName)} telah dibuka – ${str(p.cohortName)}`
          : `${str(p.phaseName)} is open – ${str(p.cohortName)}`,
        greeting,
        paragraphs: id
          ? [
              `Fase ${kindName} ${str(p.phaseName)} pada ${str(p.cohortName)} telah dibuka.`,
              `Jadwal: ${d(p.startDate)} – ${d(p.endDate)}${p.venue ? `, di ${str(p.venue)}` : ''}.`,
            ]
          : [
              `The ${kindName} phase ${str(p.phaseName)} of ${str(p.cohortName)} is now open.`,
              `Dates: ${d(p.startDate)} – ${d(p.endDate)}${p.venue ? `, at ${str(p.venue)}` : ''}.`,
            ],
        action: { label: id ? 'Buka pelatihan' : 'Open the training', url: `${baseUrl}/` },
      };
    }
    case 'phase_closed':
      return {
        subject: id
          ? `${str(p.phaseName)} telah ditutup – ${str(p.cohortName)}`
          : `${str(p.phaseName)} has closed – ${str(p.cohortName)}`,
        greeting,
        paragraphs: id
          ? [
              `Fase ${str(p.phaseName)} pada ${str(p.cohortName)} telah ditutup pada akhir ${d(p.endDate)}.`,
              'Hasil dan langkah berikutnya dapat Anda lihat di aplikasi.',
            ]
          : [
              `The phase ${str(p.phaseName)} of ${str(p.cohortName)} closed at the end of ${d(p.endDate)}.`,
              'Your results and the next steps are in the app.',
            ],
        action: { label: id ? 'Lihat kemajuan' : 'See your progress', url: `${baseUrl}/` },
      };
    case 'certificate_issued':
      return {
        subject: id
          ? `Sertifikat Anda telah terbit – ${str(p.cohortName)}`
          : `Your certificate is ready – ${str(p.cohortName)}`,
        greeting,
        paragraphs: id
          ? [
              `Selamat! Sertifikat ${str(p.cohortName)} nomor ${str(p.number)} telah diterbitkan.`,
              'Anda dapat mengunduhnya dari aplikasi. Keasliannya dapat diperiksa siapa saja melalui tautan berikut:',
            ]
          : [
              `Congratulations! Your certificate for ${str(p.cohortName)}, number ${str(p.number)}, has been issued.`,
              'Download it from the app. Anyone can check that it is genuine here:',
            ],
        action: { label: id ? 'Periksa sertifikat' : 'Verify the certificate', url: str(p.verifyUrl) },
      };
  }
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const FOOTER: Record<MailLang, string> = {
  id: 'Email ini dikirim otomatis; mohon tidak membalas.',
  en: 'This email was sent automatically; please do not reply.',
};

export function renderMail(
  kind: MailKind,
  lang: MailLang,
  params: Params,
  options: { secret: string; baseUrl: string; senderName: string },
): RenderedMail {
  const c = contentOf(kind, lang, params, options.secret, options.baseUrl.replace(/\/$/, ''));
  const text = [
    c.greeting,
    '',
    ...c.paragraphs.flatMap((p) => [p, '']),
    ...(c.action ? [c.action.url, ''] : []),
    ...(c.after ?? []).flatMap((p) => [p, '']),
    '--',
    options.senderName,
    FOOTER[lang],
    '',
  ].join('\n');
  const para = (p: string) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`;
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(c.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1f2933">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">
${para(c.greeting)}
${c.paragraphs.map(para).join('\n')}
${
  c.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(c.action.url)}" style="background:#0b5cad;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(c.action.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#52606d;word-break:break-all">${escapeHtml(c.action.url)}</p>`
    : ''
}
${(c.after ?? []).map(para).join('\n')}
<p style="margin:24px 0 0;font-size:13px;color:#52606d">${escapeHtml(options.senderName)}<br>${escapeHtml(FOOTER[lang])}</p>
</div></body></html>
`;
  return { subject: c.subject, text, html };
}
