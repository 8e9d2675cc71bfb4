import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { addDays } from '../../src/modules/cohorts/calendar.js';

/** Participant lists as an admin would upload them, for roster import tests. */

export interface RosterPerson {
  nip: string;
  nama: string;
  email: string;
  jabatan: string;
  unitKerja: string;
  kategori: string;
  pangkat: string;
  tempatLahir: string;
  /** YYYY-MM-DD; anything else is written to files as is, to make bad rows. */
  tanggalLahir: string;
}

const MALE = [
  'Budi',
  'Agus',
  'Ahmad',
  'Muhammad',
  'Rizky',
  'Dedi',
  'Hendra',
  'Fajar',
  'Yusuf',
  'Andi',
  'Teguh',
  'Rahmat',
  'Imam',
  'Hadi',
  'Bayu',
  'Dimas',
  'Eko',
  'Irwan',
  'Syarif',
  'Gusti',
];
const FEMALE = [
  'Siti',
  'Nur',
  'Dewi',
  'Sri',
  'Rina',
  'Putri',
  'Ayu',
  'Fitri',
  'Wulan',
  'Lestari',
  'Indah',
  'Ratna',
  'Yuni',
  'Maya',
  'Dian',
  'Nurul',
  'Rahma',
  'Utin',
  'Eka',
  'Sari',
];
const MIDDLE = ['', '', '', 'Aditya', 'Nur', 'Dwi', 'Tri', 'Wahyu', 'Putra', 'Kurnia', 'Fitriani', 'Sukma'];
const FAMILY = [
  'Santoso',
  'Wijaya',
  'Saputra',
  'Hidayat',
  'Pratama',
  'Kurniawan',
  'Setiawan',
  'Rahmawati',
  'Lestari',
  'Hasibuan',
  'Siregar',
  'Nasution',
  'Sinaga',
  'Tan',
  'Alkadrie',
  'Firmansyah',
  'Maulana',
  'Susanti',
  'Handayani',
  'Permata',
  'Syahputra',
  'Ramadhan',
];
const PLACES = [
  'Pontianak',
  'Pontianak',
  'Pontianak',
  'Singkawang',
  'Sambas',
  'Ketapang',
  'Sintang',
  'Mempawah',
  'Kubu Raya',
  'Sanggau',
  'Jakarta',
  'Medan',
  'Yogyakarta',
];

const CATEGORIES = {
  'tenaga teknis': {
    jabatan: [
      'Pengelola Umum Operasional',
      'Operator Layanan Operasional',
      'Penata Layanan Operasional',
      'Pranata Komputer Ahli Pertama',
      'Pengadministrasi Perkantoran',
      'Arsiparis Terampil',
    ],
    unit: [
      'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
      'Dinas Perhubungan',
      'Dinas Lingkungan Hidup',
      'Sekretariat Daerah',
      'Kecamatan Pontianak Barat',
      'Dinas Kependudukan dan Pencatatan Sipil',
      'Satuan Polisi Pamong Praja',
    ],
    pppk: ['V', 'V', 'VII', 'IX'],
    title: [''],
  },
  guru: {
    jabatan: ['Guru Ahli Pertama', 'Guru Kelas', 'Guru Mata Pelajaran', 'Guru Bimbingan dan Konseling'],
    unit: [
      'Dinas Pendidikan dan Kebudayaan',
      'SD Negeri 12 Pontianak',
      'SMP Negeri 3 Pontianak',
      'SD Negeri 47 Pontianak',
    ],
    pppk: ['IX'],
    title: [', S.Pd.', ', S.Pd.', ', S.Pd.I.', ', M.Pd.'],
  },
  'tenaga kesehatan': {
    jabatan: [
      'Perawat Terampil',
      'Bidan Ahli Pertama',
      'Pranata Laboratorium Kesehatan',
      'Apoteker Ahli Pertama',
      'Nutrisionis',
    ],
    unit: [
      'Dinas Kesehatan',
      'RSUD Sultan Syarif Mohamad Alkadrie',
      'Puskesmas Kampung Dalam',
      'Puskesmas Siantan Hulu',
    ],
    pppk: ['VII', 'IX'],
    title: [', A.Md.Kep.', ', S.Kep., Ns.', ', A.Md.Keb.', ', S.Farm.'],
  },
} as const;
type Category = keyof typeof CATEGORIES;

const PNS_RANKS = [
  'Pengatur Muda (II/a)',
  'Pengatur (II/c)',
  'Penata Muda (III/a)',
  'Penata Muda Tingkat I (III/b)',
  'Penata (III/c)',
];

/** Mulberry32: small, seedable, good enough for test data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` valid people with unique NIPs and emails (also across seeds), the same for the same seed. Categories follow
 * Pontianak 2025 (447 tenaga teknis, 90 guru, 52 tenaga kesehatan of 589). `kind` chooses the number structure: PNS
 * NIPs, PPPK numbers (as an Orientasi PPPK cohort has them), or a mix of both.
 */
export function makePeople(count: number, seed = 1, kind: 'pns' | 'pppk' | 'mixed' = 'pns'): RosterPerson[] {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

  const guru = Math.round((count * 90) / 589);
  const kesehatan = Math.round((count * 52) / 589);
  const categories: Category[] = Array.from({ length: count }, (_, i) =>
    i < guru ? 'guru' : i < guru + kesehatan ? 'tenaga kesehatan' : 'tenaga teknis',
  );
  for (let i = categories.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [categories[i], categories[j]] = [categories[j] as Category, categories[i] as Category];
  }

  const from = Date.UTC(1965, 0, 1); // birth dates from 1965-01-01
  const days = (Date.UTC(2001, 11, 31) - from) / 86_400_000;
  const nips = new Set<string>();
  // The appointment month (TMT) encodes the seed, so people of different seeds never share a NIP.
  const tmt = `${2000 + (seed % 25)}${String(1 + (Math.floor(seed / 25) % 12)).padStart(2, '0')}`;
  // PPPK: TMT year, the PPPK code 2 and the appointment round (1–9), which encode the seed likewise.
  const pppkTmt = `${2021 + (seed % 5)}2${1 + (Math.floor(seed / 5) % 9)}`;
  return categories.map((kategori, i) => {
    const pppk = kind === 'pppk' || (kind === 'mixed' && rand() < 0.5);
    const female = rand() < 0.5;
    let nip: string;
    let tanggalLahir: string;
    // Birth date, sex and sequence vary together; re-draw the rare collision.
    do {
      tanggalLahir = addDays('1965-01-01', Math.floor(rand() * (days + 1)));
      const sequence = String(1 + Math.floor(rand() * 999)).padStart(3, '0');
      nip = `${tanggalLahir.replaceAll('-', '')}${pppk ? pppkTmt : tmt}${female ? 2 : 1}${sequence}`;
    } while (nips.has(nip));
    nips.add(nip);

    const spec = CATEGORIES[kategori];
    const first = pick(female ? FEMALE : MALE);
    const middle = pick(MIDDLE);
    const last = pick(FAMILY);
    const nama = [first, middle, last].filter(Boolean).join(' ') + pick(spec.title);
    return {
      nip,
      nama,
      email: `${first}.${last}${i + 1}.${seed}@example.com`.toLowerCase(),
      jabatan: pick(spec.jabatan),
      unitKerja: pick(spec.unit),
      kategori,
      pangkat: kind === 'pns' ? (rand() < 0.8 ? pick(spec.pppk) : pick(PNS_RANKS)) : pick(pppk ? spec.pppk : PNS_RANKS),
      tempatLahir: pick(PLACES),
      tanggalLahir,
    };
  });
}

const COLUMNS = {
  nip: { id: 'NIP', en: 'NIP' },
  nama: { id: 'Nama', en: 'Name' },
  email: { id: 'Email', en: 'Email' },
  jabatan: { id: 'Jabatan', en: 'Position' },
  unitKerja: { id: 'Unit Kerja', en: 'Work Unit' },
  kategori: { id: 'Kategori', en: 'Category' },
  pangkat: { id: 'Pangkat/Golongan', en: 'Rank' },
  tempatLahir: { id: 'Tempat Lahir', en: 'Place of Birth' },
  tanggalLahir: { id: 'Tanggal Lahir', en: 'Date of Birth' },
} as const satisfies Record<keyof RosterPerson, { id: string; en: string }>;
type Column = keyof typeof COLUMNS;

const CSV_ORDER: readonly Column[] = [
  'nip',
  'nama',
  'email',
  'jabatan',
  'unitKerja',
  'kategori',
  'pangkat',
  'tempatLahir',
  'tanggalLahir',
];
// Deliberately not the CSV order, to show the parser goes by header names.
const XLSX_ORDER: readonly Column[] = [
  'nama',
  'nip',
  'tanggalLahir',
  'tempatLahir',
  'jabatan',
  'pangkat',
  'unitKerja',
  'kategori',
  'email',
];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A CSV as a spreadsheet exports it. Indonesian headers write dates as DD-MM-YYYY, English ones as
 * YYYY-MM-DD. `extraRows` are raw lines appended after the people.
 */
export function rosterCsv(
  people: RosterPerson[],
  options: { headers?: 'id' | 'en'; delimiter?: ',' | ';'; extraRows?: string[] } = {},
): Buffer {
  const { headers = 'id', delimiter = ',', extraRows = [] } = options;
  const records = [
    CSV_ORDER.map((column) => COLUMNS[column][headers]),
    ...people.map((person) =>
      CSV_ORDER.map((column) =>
        column === 'tanggalLahir' && headers === 'id'
          ? person.tanggalLahir.replace(ISO_DATE, '$3-$2-$1')
          : person[column],
      ),
    ),
  ];
  const csv = stringify(records, { delimiter }) + extraRows.map((row) => `${row}\n`).join('');
  return Buffer.from(csv, 'utf8');
}

/**
 * An XLSX with a leading "No" column and columns in another order than rosterCsv. NIPs are text
 * cells, birth dates real date cells, emails mailto hyperlinks.
 */
export async function rosterXlsx(people: RosterPerson[], options: { headers?: 'id' | 'en' } = {}): Promise<Buffer> {
  const { headers = 'id' } = options;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Peserta');
  sheet.addRow(['No', ...XLSX_ORDER.map((column) => COLUMNS[column][headers])]);
  sheet.getColumn(XLSX_ORDER.indexOf('nip') + 2).numFmt = '@';
  people.forEach((person, i) => {
    sheet.addRow([
      i + 1,
      ...XLSX_ORDER.map((column): ExcelJS.CellValue => {
        const value = person[column];
        if (column === 'email' && value) return { text: value, hyperlink: `mailto:${value}` };
        const date = column === 'tanggalLahir' ? ISO_DATE.exec(value) : null;
        if (date) return new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])));
        return value === '' ? null : value;
      }),
    ]);
  });
  sheet.getColumn(XLSX_ORDER.indexOf('tanggalLahir') + 2).numFmt = 'dd-mm-yyyy';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
