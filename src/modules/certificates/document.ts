import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import SVGtoPDF from 'svg-to-pdfkit';
import type { CertificateFields, CertificateSignatory } from '../../db/schema.js';
import { fitText, jpText, nilai, registerFonts, type Box } from './typesetting.js';

/** `{seq}/{cohortCode}/{year}` → `17/PPPK-2024-I/2024`. Unknown placeholders stay as written. */
export function certificateNumber(
  template: string,
  values: { seq: number; cohortCode: string; orgCode: string; courseCode: string; year: number; issueYear: number },
): string {
  return template.replace(/\{(seq|cohortCode|orgCode|courseCode|year|issueYear)\}/g, (_, key: keyof typeof values) =>
    String(values[key]),
  );
}

const longDate = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** 2024-10-23 → "23 Oktober 2024". */
export function tanggal(date: string | null): string {
  return date ? longDate.format(new Date(`${date}T00:00:00Z`)) : '-';
}

export interface Logo {
  type: 'image/png' | 'image/jpeg' | 'image/svg+xml';
  data: Buffer;
}

export interface RenderOptions {
  logo?: Logo | null;
}

/** The QR code drawn as vector squares: sharp at any zoom, and no image to encode. */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 1;
  const cell = size / (modules.size + 2 * quiet);
  for (let row = 0; row < modules.size; row++)
    for (let col = 0; col < modules.size; col++)
      if (modules.get(row, col)) doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell, cell);
  doc.fill('black');
}

function drawLogo(doc: PDFKit.PDFDocument, logo: Logo, box: Box) {
  if (logo.type === 'image/svg+xml') {
    SVGtoPDF(doc, logo.data.toString('utf8'), box.x, box.y, {
      width: box.width,
      height: box.height,
      preserveAspectRatio: 'xMidYMid meet',
    });
    return;
  }
  doc.image(logo.data, box.x, box.y, { fit: [box.width, box.height], align: 'center', valign: 'center' });
}

export const PAGE = { width: 841.89, height: 595.28, frame: 25, margin: 45 } as const;
const NAVY = '#1f3a5f';

function frame(doc: PDFKit.PDFDocument) {
  doc
    .rect(PAGE.frame, PAGE.frame, PAGE.width - 2 * PAGE.frame, PAGE.height - 2 * PAGE.frame)
    .lineWidth(2)
    .stroke(NAVY);
}

function period(f: CertificateFields) {
  return f.startDate === f.endDate ? tanggal(f.startDate) : `${tanggal(f.startDate)} s.d. ${tanggal(f.endDate)}`;
}

function signatoryBlock(doc: PDFKit.PDFDocument, s: CertificateSignatory, x: number, y: number, width: number) {
  fitText(doc, s.position, { x, y, width, height: 24 }, { size: 9, minSize: 5, maxLines: 2, align: 'center' });
  // Room for a wet signature and stamp, or the mark of an electronic one.
  fitText(doc, s.name, { x, y: y + 56, width, height: 14 }, { size: 10, minSize: 5, bold: true, align: 'center' });
  if (s.rank) fitText(doc, s.rank, { x, y: y + 71, width, height: 10 }, { size: 8, minSize: 5, align: 'center' });
  if (s.nip)
    fitText(doc, `NIP ${s.nip}`, { x, y: y + 83, width, height: 10 }, { size: 8, minSize: 5, align: 'center' });
}

function front(doc: PDFKit.PDFDocument, number: string, f: CertificateFields, verifyUrl: string, opts: RenderOptions) {
  const inner = PAGE.width - 2 * PAGE.margin;
  const x = PAGE.margin;
  frame(doc);
  if (opts.logo) drawLogo(doc, opts.logo, { x: PAGE.width / 2 - 30, y: 36, width: 60, height: 60 });
  fitText(
    doc,
    f.instansi.toUpperCase(),
    { x, y: 100, width: inner, height: 18 },
    {
      size: 14,
      minSize: 7,
      align: 'center',
      color: NAVY,
    },
  );
  fitText(
    doc,
    'SERTIFIKAT',
    { x, y: 120, width: inner, height: 36 },
    { size: 28, bold: true, align: 'center', color: NAVY },
  );
  fitText(doc, `Nomor: ${number}`, { x, y: 158, width: inner, height: 14 }, { size: 11, minSize: 6, align: 'center' });
  fitText(doc, 'diberikan kepada', { x, y: 176, width: inner, height: 14 }, { size: 11, align: 'center' });
  fitText(
    doc,
    f.name,
    { x: x + 40, y: 192, width: inner - 80, height: 34 },
    {
      size: 22,
      minSize: 8,
      maxLines: 2,
      bold: true,
      align: 'center',
    },
  );

  const rows: Array<[string, string]> = [
    ['NIP', f.nip ?? '-'],
    ['Tempat, Tanggal Lahir', `${f.birthPlace ?? '-'}, ${tanggal(f.birthDate)}`],
    ['Pangkat/Golongan', f.rank ?? '-'],
    ['Jabatan', f.position ?? '-'],
    ['Instansi', f.instansi],
  ];
  const labelX = 190;
  const valueX = 340;
  const valueWidth = PAGE.width - valueX - 150;
  rows.forEach(([label, value], i) => {
    const y = 232 + i * 24;
    fitText(doc, label, { x: labelX, y, width: valueX - labelX - 12, height: 22 }, { size: 10 });
    fitText(doc, ':', { x: valueX - 8, y, width: 6, height: 22 }, { size: 10 });
    fitText(doc, value, { x: valueX, y, width: valueWidth, height: 22 }, { size: 10, minSize: 5, maxLines: 2 });
  });

  const jp = f.totalJp !== undefined ? ` sebanyak ${jpText(f.totalJp)} JP` : '';
  fitText(
    doc,
    `telah mengikuti ${f.program}, ${f.cohortName} (${f.cohortCode})${jp}, yang diselenggarakan pada ${period(f)}${f.venue ? ` di ${f.venue}` : ''}, dengan predikat`,
    { x: x + 20, y: 356, width: inner - 40, height: 30 },
    { size: 10.5, minSize: 5, maxLines: 3, align: 'center' },
  );
  fitText(
    doc,
    f.predikat.toUpperCase(),
    { x, y: 388, width: inner, height: 22 },
    {
      size: 16,
      minSize: 8,
      bold: true,
      align: 'center',
    },
  );
  fitText(
    doc,
    `Nilai akhir ${nilai(f.finalScore)}`,
    { x, y: 410, width: inner, height: 14 },
    { size: 10, align: 'center' },
  );

  // The bottom band: the QR code and its URL at the left, date and signatories at the right.
  const bottom = 438;
  drawQr(doc, verifyUrl, x, bottom + 10, 82);
  fitText(
    doc,
    'Pindai untuk memeriksa keaslian:',
    { x, y: bottom + 96, width: 300, height: 10 },
    { size: 7, color: '#444444' },
  );
  fitText(doc, verifyUrl, { x, y: bottom + 106, width: 300, height: 10 }, { size: 7, minSize: 3, color: '#444444' });

  const signatories = (f.signatories ?? []).slice(0, 2);
  const blockWidth = 200;
  const right = PAGE.width - PAGE.margin;
  const dateLine = `${f.place ? `${f.place}, ` : ''}${tanggal(f.issuedOn)}`;
  fitText(
    doc,
    dateLine,
    { x: right - blockWidth, y: bottom - 6, width: blockWidth, height: 12 },
    {
      size: 9,
      minSize: 5,
      align: 'center',
    },
  );
  if (signatories.length === 0) return;
  signatories.forEach((s, i) => {
    const bx = right - blockWidth * (signatories.length - i) - (signatories.length - 1 - i) * 20;
    signatoryBlock(doc, s, bx, bottom + 8, blockWidth);
  });
}

function back(doc: PDFKit.PDFDocument, number: string, f: CertificateFields) {
  const inner = PAGE.width - 2 * PAGE.margin;
  const x = PAGE.margin;
  frame(doc);
  fitText(
    doc,
    'TRANSKRIP MATA PELATIHAN',
    { x, y: 40, width: inner, height: 22 },
    {
      size: 16,
      bold: true,
      align: 'center',
      color: NAVY,
    },
  );
  fitText(
    doc,
    `${f.name} · Nomor ${number}`,
    { x, y: 62, width: inner, height: 14 },
    {
      size: 10,
      minSize: 5,
      align: 'center',
    },
  );
  fitText(
    doc,
    `${f.program} — ${f.cohortName}`,
    { x, y: 76, width: inner, height: 14 },
    {
      size: 10,
      minSize: 5,
      align: 'center',
    },
  );

  const t = f.transcript;
  const subjects = t?.subjects ?? [];
  const tableTop = 100;
  const tableBottom = 470;
  const cols = { no: x, agenda: x + 30, title: x + 250, jp: x + inner - 60 };
  const header = 18;
  // Every subject on this one page: rows get shorter and the type smaller as the list grows.
  const rowHeight = Math.min(18, (tableBottom - tableTop - header) / Math.max(1, subjects.length + 1));
  const size = Math.max(4, Math.min(9.5, rowHeight * 0.62));
  const headStyle = { size: 9, bold: true };
  fitText(doc, 'No', { x: cols.no, y: tableTop, width: 26, height: header }, headStyle);
  fitText(
    doc,
    'Agenda',
    { x: cols.agenda, y: tableTop, width: cols.title - cols.agenda - 8, height: header },
    headStyle,
  );
  fitText(
    doc,
    'Mata Pelatihan',
    { x: cols.title, y: tableTop, width: cols.jp - cols.title - 8, height: header },
    headStyle,
  );
  fitText(doc, 'JP', { x: cols.jp, y: tableTop, width: 60, height: header }, { ...headStyle, align: 'right' });
  doc
    .moveTo(x, tableTop + header)
    .lineTo(x + inner, tableTop + header)
    .lineWidth(0.7)
    .stroke(NAVY);
  subjects.forEach((s, i) => {
    const y = tableTop + header + i * rowHeight;
    const style = { size, minSize: 3 };
    fitText(doc, String(i + 1), { x: cols.no, y, width: 26, height: rowHeight }, style);
    fitText(doc, s.agenda, { x: cols.agenda, y, width: cols.title - cols.agenda - 8, height: rowHeight }, style);
    fitText(doc, s.title, { x: cols.title, y, width: cols.jp - cols.title - 8, height: rowHeight }, style);
    fitText(doc, jpText(s.jp), { x: cols.jp, y, width: 60, height: rowHeight }, { ...style, align: 'right' });
  });
  const totalY = tableTop + header + subjects.length * rowHeight;
  doc
    .moveTo(x, totalY)
    .lineTo(x + inner, totalY)
    .lineWidth(0.7)
    .stroke(NAVY);
  fitText(
    doc,
    'Jumlah',
    { x: cols.title, y: totalY, width: cols.jp - cols.title - 8, height: rowHeight },
    { size, bold: true },
  );
  fitText(
    doc,
    jpText(f.totalJp ?? subjects.reduce((sum, s) => sum + s.jp, 0)),
    { x: cols.jp, y: totalY, width: 60, height: rowHeight },
    {
      size,
      bold: true,
      align: 'right',
    },
  );

  if (!t) return;
  const a = t.attendance;
  const lines = [
    `JP daring: ${jpText(t.onlineJp)} · JP klasikal: ${jpText(t.classroomJp)} · JP lapangan: ${jpText(t.fieldJp)}`,
    `Kehadiran sesi klasikal: hadir ${a.present}, terlambat ${a.late}, izin ${a.excused}, tidak hadir ${a.absent}`,
  ];
  lines.forEach((line, i) =>
    fitText(doc, line, { x, y: 485 + i * 16, width: inner, height: 14 }, { size: 9.5, minSize: 5 }),
  );
}

/**
 * The certificate as an A4 landscape PDF of exactly two pages: the official front (logo, number,
 * identity, program with its total JP, predikat and score, date, signatories, and a QR code of the
 * public verification URL) and the transcript on the back.
 */
export async function renderCertificate(
  number: string,
  f: CertificateFields,
  verifyUrl: string,
  opts: RenderOptions = {},
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 0,
    autoFirstPage: true,
    info: { Title: `Sertifikat ${number}`, Subject: `${f.program} — ${f.cohortName}`, Author: f.instansi },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFonts(doc);
  front(doc, number, f, verifyUrl, opts);
  doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
  back(doc, number, f);
  doc.end();
  return done;
}

/** A one-page PDF with nothing on it but a line: what a new signing configuration is tried on. */
export function samplePdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text('Uji tanda tangan elektronik');
  doc.end();
  return done;
}
