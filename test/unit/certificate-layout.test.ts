import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CertificateFields } from '../../src/db/schema.js';
import { PAGE, renderCertificate } from '../../src/modules/certificates/document.js';
import { cleanText, nilai } from '../../src/modules/certificates/typesetting.js';

const run = promisify(execFile);

const arabicName =
  'محمد عبد الرحمن بن عبد العزيز الفلاني القحطاني الهاشمي البغدادي الدمشقي المصري الإسكندراني الحلبي الموصلي';
const position = (
  'Kepala Seksi Pengembangan Kompetensi Teknis dan Fungsional pada Bidang Pengembangan Sumber Daya Manusia ' +
  'Aparatur Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Daerah Kota Jambi Provinsi Jambi Indonesia'
).slice(0, 200);

const subjects = Array.from({ length: 24 }, (_, i) => ({
  agenda: `Agenda ${1 + (i % 3)}: Sikap Perilaku Bela Negara dan Nilai Dasar ASN BerAKHLAK`,
  title: `Mata pelatihan ${i + 1}: wawasan kebangsaan, nilai-nilai bela negara, analisis isu kontemporer`,
  jp: 3 + (i % 4) / 2,
}));

const fields: CertificateFields = {
  name: `${arabicName} \u202Eevil\u202C`,
  nip: '199003152024212001',
  birthPlace: 'Kabupaten Tanjung Jabung Barat',
  birthDate: '1990-03-15',
  rank: 'Ahli Pertama (IX)',
  position,
  instansi: 'Pemerintah Kabupaten Tanjung Jabung Barat Provinsi Jambi',
  program: 'Orientasi Pegawai Pemerintah dengan Perjanjian Kerja (PPPK) Formasi Guru, Tenaga Kesehatan dan Teknis',
  cohortCode: 'PPPK-2024-I',
  cohortName: 'Angkatan I Tahun 2024',
  startDate: '2024-10-23',
  endDate: '2024-12-18',
  venue: 'Aula Badan Pengembangan Sumber Daya Manusia Provinsi Jambi',
  predikat: 'Sangat Memuaskan',
  finalScore: 93.8,
  issuedOn: '2024-12-20',
  totalJp: subjects.reduce((s, x) => s + x.jp, 0),
  place: 'Kuala Tungkal',
  signatories: [
    {
      position: 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kabupaten Tanjung Jabung Barat',
      name: 'Dr. H. Ahmad Syukri Al-Fattah, S.E., M.Si., M.M.',
      nip: '197001011995031001',
      rank: 'Pembina Utama Muda (IV/c)',
    },
    { position: 'Kepala Bidang Pengembangan Kompetensi', name: 'Rina Marlina, S.Sos.', nip: null, rank: null },
  ],
  transcript: {
    subjects,
    onlineJp: 20,
    classroomJp: 21.5,
    fieldJp: 10,
    attendance: { present: 3, late: 1, excused: 0, absent: 0 },
  },
};

const url = 'https://diklat.example.go.id/v1/certificates/verify/ABCDEFGHJKLMNPQRSTUV';
let dir: string;
let pdfPath: string;

interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word poppler finds, with its box in points (`pdftotext -bbox`). */
async function words(): Promise<Word[]> {
  const { stdout } = await run('pdftotext', ['-bbox', pdfPath, '-'], { maxBuffer: 20 * 1024 * 1024 });
  const out: Word[] = [];
  let page = 0;
  for (const line of stdout.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) out.push({ page, xMin: +m[1]!, yMin: +m[2]!, xMax: +m[3]!, yMax: +m[4]!, text: m[5]! });
  }
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'certificate-layout-'));
  pdfPath = path.join(dir, 'c.pdf');
  await writeFile(pdfPath, await renderCertificate('800/1234/BKPSDM/PPPK-2024-I/2024', fields, url));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('certificate layout', () => {
  test('a long Arabic-script name and a 200-character position still make exactly two pages', async () => {
    const { stdout } = await run('pdfinfo', [pdfPath]);
    expect(stdout).toMatch(/Pages:\s+2\n/);
    expect(stdout).toMatch(/Page size:\s+841.89 x 595.28 pts/);
    await run('pdftoppm', ['-r', '40', '-png', pdfPath, path.join(dir, 'page')]);
    expect((await readdir(dir)).filter((f) => f.startsWith('page')).sort()).toEqual(['page-1.png', 'page-2.png']);
  });

  test('as images, nothing is drawn outside the frame', async () => {
    const dpi = 40;
    await run('pdftoppm', ['-r', String(dpi), '-png', pdfPath, path.join(dir, 'frame')]);
    for (const file of ['frame-1.png', 'frame-2.png']) {
      const image = await loadImage(await readFile(path.join(dir, file)));
      const canvas = createCanvas(image.width, image.height);
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      // The frame line sits at 25 pt; everything outside it, less a pixel for antialiasing, is white.
      const edge = Math.floor(((PAGE.frame - 2) * dpi) / 72);
      let inked = 0;
      for (let y = 0; y < image.height; y++)
        for (let x = 0; x < image.width; x++) {
          if (x >= edge && x < image.width - edge && y >= edge && y < image.height - edge) continue;
          const i = (y * image.width + x) * 4;
          if (data[i]! < 250 || data[i + 1]! < 250 || data[i + 2]! < 250) inked++;
        }
      expect([file, inked]).toEqual([file, 0]);
    }
  });

  test('every word stays inside the frame, and the table rows do not run into each other', async () => {
    const all = await words();
    expect(all.length).toBeGreaterThan(100);
    for (const w of all) {
      expect(w.xMin, w.text).toBeGreaterThanOrEqual(PAGE.frame);
      expect(w.xMax, w.text).toBeLessThanOrEqual(PAGE.width - PAGE.frame);
      expect(w.yMin, w.text).toBeGreaterThanOrEqual(PAGE.frame);
      expect(w.yMax, w.text).toBeLessThanOrEqual(PAGE.height - PAGE.frame);
    }
    const front = all.filter((w) => w.page === 1);
    const label = (text: string) => front.find((w) => w.text === text)!;
    // The position (Jabatan) sits between its own label's row and the next row's label (Instansi).
    const jabatan = label('Jabatan');
    const instansi = front.find((w) => w.text === 'Instansi' && w.xMin < 200)!;
    const positionWords = front.filter((w) => w.xMin >= 330 && w.yMin > jabatan.yMin - 12 && w.yMax < instansi.yMin);
    expect(positionWords.map((w) => w.text).join(' ')).toContain('Kompetensi Teknis');
    expect(positionWords.map((w) => w.text).join(' ')).toContain(position.split(' ').slice(-3).join(' '));
    // The QR code's URL, the signatories and the date share the bottom band without overlapping.
    const boxes = front.filter((w) => w.yMin > 430);
    for (const a of boxes)
      for (const b of boxes) {
        if (a === b) continue;
        const overlap =
          a.xMin < b.xMax - 0.5 && b.xMin < a.xMax - 0.5 && a.yMin < b.yMax - 0.5 && b.yMin < a.yMax - 0.5;
        expect(overlap, `${a.text} / ${b.text}`).toBe(false);
      }
  });

  test('the back lists every subject with its JP; numbers read the Indonesian way', async () => {
    const { stdout: back } = await run('pdftotext', ['-f', '2', '-l', '2', '-layout', pdfPath, '-']);
    expect(back).toContain('TRANSKRIP MATA PELATIHAN');
    for (const s of subjects) expect(back).toContain(`Mata pelatihan ${subjects.indexOf(s) + 1}:`);
    expect(back).toMatch(/Jumlah\s+90\n/); // 24 subjects: 3 + 3,5 + 4 + 4,5, six times
    expect(back).toContain('3,5');
    expect(back).toMatch(/JP klasikal: 21,5/);
    const { stdout: front } = await run('pdftotext', ['-f', '1', '-l', '1', pdfPath, '-']);
    expect(front).toContain('Nilai akhir 93,80');
    expect(front).toContain('sebanyak 90 JP');
    expect(front).toContain('NIP 197001011995031001');
    expect(front).toContain('Kuala Tungkal, 20 Desember 2024');
    expect(front).not.toMatch(/[\u202A-\u202E\u2066-\u2069]evil/);
    expect(nilai(93.8)).toBe('93,80');
  });

  test('text is cleaned of bidi controls and of what no shipped font draws', () => {
    expect(cleanText('Siti\u202E Rahma\u2066wati\u2069 😀 ')).toBe('Siti Rahmawati');
    expect(cleanText('Nguyê\u0303n')).toBe('Nguyễn');
    expect(cleanText('محمد\u200F')).toBe('محمد');
  });
});
