import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { CertificateFields } from '../../db/schema.js';

/** `{seq}/{cohortCode}/{year}` → `17/PPPK-2024-I/2024`. Unknown placeholders stay as written. */
export function certificateNumber(
  template: string,
  values: { seq: number; cohortCode: string; orgCode: string; courseCode: string; year: number },
): string {
  return template.replace(/\{(seq|cohortCode|orgCode|courseCode|year)\}/g, (_, key: keyof typeof values) =>
    String(values[key]),
  );
}

const longDate = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** 2024-10-23 → "23 Oktober 2024". */
export function tanggal(date: string | null): string {
  return date ? longDate.format(new Date(`${date}T00:00:00Z`)) : '-';
}

/**
 * The certificate as an A4 landscape PDF: every field DOMAIN.md lists, and a QR code of the
 * public verification URL, so anyone holding the paper can check it.
 */
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

export async function renderCertificate(number: string, f: CertificateFields, verifyUrl: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 50,
    info: { Title: `Sertifikat ${number}`, Subject: `${f.program} — ${f.cohortName}`, Author: f.instansi },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 100;
  doc
    .rect(25, 25, doc.page.width - 50, doc.page.height - 50)
    .lineWidth(2)
    .stroke('#1f3a5f');
  doc
    .font('Helvetica')
    .fontSize(13)
    .fillColor('#1f3a5f')
    .text(f.instansi.toUpperCase(), 50, 55, { width, align: 'center' });
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(30).text('SERTIFIKAT', { width, align: 'center' });
  doc.font('Helvetica').fontSize(11).fillColor('black').text(`Nomor: ${number}`, { width, align: 'center' });
  doc.moveDown(1).fontSize(12).text('diberikan kepada', { width, align: 'center' });
  doc.moveDown(0.4).font('Helvetica-Bold').fontSize(22).text(f.name, { width, align: 'center' });
  doc.moveDown(0.6);

  const rows: Array<[string, string]> = [
    ['NIP', f.nip ?? '-'],
    ['Tempat, Tanggal Lahir', `${f.birthPlace ?? '-'}, ${tanggal(f.birthDate)}`],
    ['Pangkat/Golongan', f.rank ?? '-'],
    ['Jabatan', f.position ?? '-'],
    ['Instansi', f.instansi],
  ];
  const labelX = 200;
  const valueX = 360;
  doc.font('Helvetica').fontSize(12);
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.text(label, labelX, y, { width: valueX - labelX - 10 });
    doc.text(`: ${value}`, valueX, y, { width: doc.page.width - valueX - 200 });
    doc.moveDown(0.2);
  }
  const period =
    f.startDate === f.endDate ? tanggal(f.startDate) : `${tanggal(f.startDate)} s.d. ${tanggal(f.endDate)}`;
  doc
    .moveDown(0.8)
    .text(
      `telah mengikuti ${f.program}, ${f.cohortName} (${f.cohortCode}), yang diselenggarakan pada ${period}${f.venue ? ` di ${f.venue}` : ''}, dengan predikat`,
      50,
      doc.y,
      { width, align: 'center' },
    );
  doc.moveDown(0.4).font('Helvetica-Bold').fontSize(18).text(f.predikat.toUpperCase(), { width, align: 'center' });
  doc
    .font('Helvetica')
    .fontSize(11)
    .text(`Nilai akhir ${f.finalScore.toFixed(2)}`, { width, align: 'center' });

  const bottom = doc.page.height - 50 - 110;
  drawQr(doc, verifyUrl, 60, bottom, 100);
  doc
    .fontSize(8)
    .fillColor('#444444')
    .text('Verifikasi keaslian sertifikat ini:', 170, bottom + 30, { width: 300 })
    .text(verifyUrl, 170, doc.y, { width: 320, link: verifyUrl });
  doc
    .fontSize(11)
    .fillColor('black')
    .text(`Diterbitkan ${tanggal(f.issuedOn)}`, doc.page.width - 300, bottom + 40, { width: 250, align: 'center' });
  doc.end();
  return done;
}
