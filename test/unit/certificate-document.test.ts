import { createCanvas, loadImage } from '@napi-rs/canvas';
import jsQRModule from 'jsqr';
import { PDFParse } from 'pdf-parse';
import { describe, expect, test } from 'vitest';
import type { CertificateFields } from '../../src/db/schema.js';
import { certificateNumber, renderCertificate, tanggal } from '../../src/modules/certificates/document.js';

const fields: CertificateFields = {
  name: 'Siti Rahmawati, S.Pd.',
  nip: '199003152024212001',
  birthPlace: 'Jambi',
  birthDate: '1990-03-15',
  rank: 'Ahli Pertama (IX)',
  position: 'Guru Ahli Pertama',
  instansi: 'Pemerintah Kota Jambi',
  program: 'Orientasi PPPK',
  cohortCode: 'PPPK-2024-I',
  cohortName: 'Angkatan I Tahun 2024',
  startDate: '2024-10-23',
  endDate: '2024-12-18',
  venue: 'BPSDM Provinsi Jambi',
  predikat: 'Sangat Memuaskan',
  finalScore: 91.25,
  issuedOn: '2024-12-20',
};

// The package's CommonJS build exports the function itself; its types describe an ES default.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

/** Renders the page and reads the QR code on it, as a phone camera would. */
async function qrOf(pdf: Buffer): Promise<string | undefined> {
  const parser = new PDFParse({ data: pdf });
  try {
    const shot = await parser.getScreenshot({ scale: 1.5 });
    const image = await loadImage(Buffer.from(shot.pages[0]!.data));
    const canvas = createCanvas(image.width, image.height);
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height);
    return jsQR(new Uint8ClampedArray(pixels.data.buffer), image.width, image.height)?.data;
  } finally {
    await parser.destroy();
  }
}

async function textOf(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: pdf });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

describe('certificate document', () => {
  test('numbers follow the template', () => {
    const values = {
      seq: 17,
      cohortCode: 'PPPK-2024-I',
      orgCode: 'KOTA-JAMBI',
      courseCode: 'ORIENTASI-PPPK',
      // A program of 2024 whose certificates are issued in January 2025.
      year: 2024,
      issueYear: 2025,
    };
    expect(certificateNumber('{seq}/{cohortCode}/{year}', values)).toBe('17/PPPK-2024-I/2024');
    expect(certificateNumber('{seq}/{cohortCode}/{issueYear}', values)).toBe('17/PPPK-2024-I/2025');
    expect(certificateNumber('800/{seq}/{orgCode}/{courseCode}/{year}', values)).toBe(
      '800/17/KOTA-JAMBI/ORIENTASI-PPPK/2024',
    );
  });

  test('dates read in Indonesian', () => {
    expect(tanggal('2024-10-23')).toBe('23 Oktober 2024');
    expect(tanggal(null)).toBe('-');
  });

  test('the PDF carries the fields DOMAIN.md lists and the verification URL', async () => {
    const url = 'https://diklat.example.go.id/v1/certificates/verify/ABCDEFGHJKLMNPQRSTUV';
    const pdf = await renderCertificate('17/PPPK-2024-I/2024', fields, url);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await textOf(pdf)).replace(/\s+/g, ' ');
    for (const expected of [
      'SERTIFIKAT',
      'Nomor: 17/PPPK-2024-I/2024',
      'Siti Rahmawati, S.Pd.',
      '199003152024212001',
      'Jambi, 15 Maret 1990',
      'Ahli Pertama (IX)',
      'Guru Ahli Pertama',
      'Pemerintah Kota Jambi',
      'Orientasi PPPK',
      'Angkatan I Tahun 2024',
      '23 Oktober 2024 s.d. 18 Desember 2024',
      'BPSDM Provinsi Jambi',
      'SANGAT MEMUASKAN',
      url,
    ])
      expect(text).toContain(expected);
    expect(await qrOf(pdf)).toBe(url);
  });
});
