import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import {
  detectFormat,
  failuresIn,
  parseRoster as parseRosterMessages,
  RosterFileError,
  type RosterRow,
} from '../../src/modules/cohorts/roster.js';
import { makePeople, rosterCsv, rosterXlsx, type RosterPerson } from '../support/roster-files.js';

type RosterFailure = ReturnType<typeof failuresIn>[number];

/** The parse with its row reasons rendered in English, as an `Accept-Language: en` import answers. */
async function parseRoster(...args: Parameters<typeof parseRosterMessages>) {
  const parsed = await parseRosterMessages(...args);
  return { ...parsed, failed: failuresIn('en', parsed.failed) };
}

const HEADER = 'NIP,Nama,Email,Jabatan,Unit Kerja,Kategori,Pangkat/Golongan,Tempat Lahir,Tanggal Lahir';

/** The rows parseRoster should give for people written from line 2 on. */
function expectedRows(people: RosterPerson[]): RosterRow[] {
  return people.map((p, i) => ({
    line: i + 2,
    nip: p.nip,
    name: p.nama,
    email: p.email,
    position: p.jabatan,
    unit: p.unitKerja,
    category: p.kategori,
    rank: p.pangkat,
    birthPlace: p.tempatLahir,
    birthDate: p.tanggalLahir,
  }));
}

function csv(...lines: string[]): Buffer {
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

async function xlsx(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Peserta');
  rows.forEach((values, i) => {
    const row = sheet.getRow(i + 1);
    values.forEach((value, j) => {
      row.getCell(j + 1).value = value;
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function fileError(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(RosterFileError);
  return (error as RosterFileError).message;
}

describe('roster files', () => {
  test('the test people are valid, unique and split by category like Pontianak 2025', () => {
    const people = makePeople(589);
    expect(makePeople(589)).toEqual(people);
    expect(new Set(people.map((p) => p.nip)).size).toBe(589);
    expect(new Set(people.map((p) => p.email)).size).toBe(589);
    const count = (kategori: string) => people.filter((p) => p.kategori === kategori).length;
    expect([count('tenaga teknis'), count('guru'), count('tenaga kesehatan')]).toEqual([447, 90, 52]);
    expect(new Set(makePeople(2500).map((p) => p.nip)).size).toBe(2500);
  });
});

describe('parseRoster: headers', () => {
  const people = makePeople(30, 7);

  test('Indonesian and English headers in any order give the same rows', async () => {
    const reordered = [
      [
        '  TGL. LAHIR ',
        'e-Mail',
        'pangkat / gol.',
        'Nama Lengkap',
        'Satuan Kerja',
        'nip',
        'KATEGORI',
        'Jabatan',
        'tempat lahir',
      ],
      ...people.map((p) => [
        p.tanggalLahir,
        p.email,
        p.pangkat,
        p.nama,
        p.unitKerja,
        p.nip,
        p.kategori,
        p.jabatan,
        p.tempatLahir,
      ]),
    ];
    const reorderedCsv = Buffer.from(
      reordered.map((cells) => cells.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')).join('\r\n'),
    );

    const expected = { rows: expectedRows(people), failed: [], ignoredColumns: [] };
    expect(await parseRoster(rosterCsv(people, { headers: 'id' }), 'csv')).toEqual(expected);
    expect(await parseRoster(rosterCsv(people, { headers: 'en' }), 'csv')).toEqual(expected);
    expect(await parseRoster(reorderedCsv, 'csv')).toEqual(expected);
    expect(await parseRoster(await rosterXlsx(people, { headers: 'en' }), 'xlsx')).toEqual({
      ...expected,
      ignoredColumns: ['No'],
    });
  });

  test('semicolon-separated CSV', async () => {
    const file = rosterCsv(people, { delimiter: ';' });
    expect(file.toString('utf8').split('\n')[0]).toBe(HEADER.replaceAll(',', ';'));
    expect((await parseRoster(file, 'csv')).rows).toEqual(expectedRows(people));
  });

  test('a UTF-8 byte order mark is not part of the first header', async () => {
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), rosterCsv(people, { delimiter: ';' })]);
    expect(await parseRoster(file, 'csv')).toEqual({ rows: expectedRows(people), failed: [], ignoredColumns: [] });
  });

  test('unknown columns are ignored and listed', async () => {
    const result = await parseRoster(
      csv('No;NIP;Nama;Keterangan', '1;198507142010011003;Budi Santoso;hadir', '2;198703222010012004;Siti Aminah;'),
      'csv',
    );
    expect(result.ignoredColumns).toEqual(['No', 'Keterangan']);
    expect(result.rows).toEqual([
      { line: 2, nip: '198507142010011003', name: 'Budi Santoso' },
      { line: 3, nip: '198703222010012004', name: 'Siti Aminah' },
    ]);
  });

  test('a missing NIP or name column makes the file unusable, naming the column and accepted headers', async () => {
    const noNip = await fileError(parseRoster(csv('Nama,Email', 'Budi,budi@example.com'), 'csv'));
    expect(noNip).toMatch(/^Missing required column NIP \(accepted headers: NIP/);
    expect(noNip).not.toContain('Nama');

    const noName = await fileError(
      parseRoster(
        await xlsx([
          ['NIP', 'Email'],
          ['198507142010011003', 'x@y.id'],
        ]),
        'xlsx',
      ),
    );
    expect(noName).toContain('Missing required column Nama (accepted headers: Nama, Nama Lengkap');
    expect(noName).toContain('Full Name');
  });

  test('a file whose first row is data, not a header, is unusable', async () => {
    const message = await fileError(parseRoster(csv('198507142010011003,Budi Santoso'), 'csv'));
    expect(message).toContain('not a header');
    expect(message).toContain('"198507142010011003"');
  });
});

describe('parseRoster: the same people as CSV and XLSX', () => {
  test('650 people give identical rows', async () => {
    const people = makePeople(650, 2024);
    const fromCsv = await parseRoster(rosterCsv(people), 'csv');
    const fromXlsx = await parseRoster(await rosterXlsx(people), 'xlsx');
    expect(fromCsv.failed).toEqual([]);
    expect(fromXlsx.failed).toEqual([]);
    expect(fromCsv.rows).toHaveLength(650);
    expect(fromXlsx.rows).toEqual(fromCsv.rows);
    expect(fromCsv.rows).toEqual(expectedRows(people));
    expect(fromCsv.ignoredColumns).toEqual([]);
    expect(fromXlsx.ignoredColumns).toEqual(['No']);
  });
});

describe('parseRoster: row validation', () => {
  const people = makePeople(100, 5);
  const bad = [...people];
  const shortNip = people[10]!.nip.slice(0, 17);
  bad[10] = { ...people[10]!, nip: shortNip };
  const otherBirthDate = people[25]!.tanggalLahir === '1990-01-01' ? '1990-01-02' : '1990-01-01';
  bad[25] = { ...people[25]!, tanggalLahir: otherBirthDate };
  bad[40] = { ...people[40]!, nama: '' };
  bad[60] = { ...people[60]!, tanggalLahir: '31-02-1990' };
  bad[80] = { ...people[80]!, nip: people[5]!.nip, tanggalLahir: people[5]!.tanggalLahir };
  const encoded = (nip: string) => `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
  const expectedFailures: RosterFailure[] = [
    { line: 12, nip: shortNip, reason: `NIP ${shortNip} must be exactly 18 digits` },
    {
      line: 27,
      nip: people[25]!.nip,
      reason: `The NIP ${people[25]!.nip} encodes birth date ${encoded(people[25]!.nip)}, not ${otherBirthDate}`,
    },
    { line: 42, nip: people[40]!.nip, reason: 'Nama (name) is missing' },
    {
      line: 62,
      nip: people[60]!.nip,
      reason: 'Tanggal lahir "31-02-1990" is not a date (write it as DD-MM-YYYY)',
    },
    { line: 82, nip: people[5]!.nip, reason: `NIP ${people[5]!.nip} also on line 7` },
  ];

  test.each([
    ['csv', () => rosterCsv(bad)],
    ['xlsx', () => rosterXlsx(bad)],
  ] as const)('100 people with 5 bad rows (%s): exactly those 5 fail', async (format, file) => {
    const result = await parseRoster(await file(), format);
    expect(result.failed).toEqual(expectedFailures);
    expect(result.rows).toHaveLength(95);
    const failedLines = new Set(expectedFailures.map((f) => f.line));
    expect(result.rows).toEqual(expectedRows(people).filter((row) => !failedLines.has(row.line)));
  });

  test('each row gets one reason, in order: NIP missing, birth date, NIP, name, email, duplicate', async () => {
    const result = await parseRoster(
      csv(
        'NIP,Nama,Email,Tanggal Lahir',
        ',,not-an-email,bukan tanggal',
        '198507142010011003,,not-an-email,bukan tanggal',
        '198507142010011,,not-an-email,',
        '198507142010011003,,not-an-email,14-07-1985',
        '198507142010011003,Budi,not-an-email,14-07-1985',
        '198507142010011003,Budi,budi@example.com,14-07-1985',
        '198703222010012004,Siti,SITI@Example.COM,22-03-1987',
        '198513012010011003,Budi,,',
      ),
      'csv',
    );
    expect(result.failed).toEqual([
      { line: 2, nip: null, reason: 'NIP is missing' },
      {
        line: 3,
        nip: '198507142010011003',
        reason: 'Tanggal lahir "bukan tanggal" is not a date (write it as DD-MM-YYYY)',
      },
      { line: 4, nip: '198507142010011', reason: 'NIP 198507142010011 must be exactly 18 digits' },
      { line: 5, nip: '198507142010011003', reason: 'Nama (name) is missing' },
      { line: 6, nip: '198507142010011003', reason: 'Email "not-an-email" is not a valid email address' },
      // The first occurrence failed for another reason, but the NIP is still taken.
      { line: 7, nip: '198507142010011003', reason: 'NIP 198507142010011003 also on line 5' },
      {
        line: 9,
        nip: '198513012010011003',
        reason: 'The first eight digits of the NIP 198513012010011003 are not a real birth date (YYYYMMDD)',
      },
    ]);
    expect(result.rows).toEqual([
      { line: 8, nip: '198703222010012004', name: 'Siti', email: 'siti@example.com', birthDate: '1987-03-22' },
    ]);
  });

  test('values are trimmed, whitespace in names collapsed, NIP spaces removed', async () => {
    const result = await parseRoster(
      csv(
        'NIP;Nama;Jabatan;Kategori',
        '"  1985 0714 2010 01 1 003 ";"  Budi    Santoso ";" ";"  tenaga teknis "',
        "'198703222010012004;Siti Aminah;Guru Kelas;guru",
      ),
      'csv',
    );
    expect(result.failed).toEqual([]);
    expect(result.rows).toEqual([
      { line: 2, nip: '198507142010011003', name: 'Budi Santoso', category: 'tenaga teknis' },
      { line: 3, nip: '198703222010012004', name: 'Siti Aminah', position: 'Guru Kelas', category: 'guru' },
    ]);
  });

  test.each([
    ['14 Juli 1985', '1985-07-14'],
    ['14 Jul 1985', '1985-07-14'],
    ['14-Jul-1985', '1985-07-14'],
    ['3 Agustus 1990', '1990-08-03'],
    ['3 Agt 1990', '1990-08-03'],
    ['1 Desember 1979', '1979-12-01'],
    ['29 Februari 1988', '1988-02-29'],
    ['9 Mei 1970', '1970-05-09'],
    ['July 14, 1985', '1985-07-14'],
    ['14 October 1985', '1985-10-14'],
    ['1985-07-14', '1985-07-14'],
    ['14-07-1985', '1985-07-14'],
    ['14/07/1985', '1985-07-14'],
    ['14.07.1985', '1985-07-14'],
    ['7/3/1990', '1990-03-07'],
  ])('tanggal lahir %s is %s', async (written, iso) => {
    const nip = `${iso.replaceAll('-', '')}2024101001`;
    const result = await parseRoster(csv('NIP,Nama,Tgl. Lahir', `${nip},Budi,"${written}"`), 'csv');
    expect(result.failed).toEqual([]);
    expect(result.rows).toEqual([{ line: 2, nip, name: 'Budi', birthDate: iso }]);
  });

  test.each(['31 Juni 1985', '29 Februari 1987', '14 Juliet 1985', '07/14/1985', '14-07-85', '1985-13-01'])(
    'tanggal lahir %s is not a date',
    async (written) => {
      const result = await parseRoster(csv('NIP,Nama,Tanggal Lahir', `198507142024101001,Budi,${written}`), 'csv');
      expect(result.rows).toEqual([]);
      expect(result.failed).toEqual([
        {
          line: 2,
          nip: '198507142024101001',
          reason: `Tanggal lahir "${written}" is not a date (write it as DD-MM-YYYY)`,
        },
      ]);
    },
  );
});

describe('parseRoster: CSV details', () => {
  test.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('a quoted multi-line field does not shift later line numbers (%s)', async (_name, eol) => {
    const file = Buffer.from(
      [
        'NIP,Nama,Unit Kerja',
        '198507142010011003,Budi Santoso,"Dinas Pendidikan',
        'Kota Pontianak"',
        '198703222010012004,"Siti',
        '',
        'Aminah",Dinas Kesehatan',
        '199001012010011005,Andi,Dinas Perhubungan',
        '1990010120100110,Rina,Sekretariat Daerah',
      ].join(eol) + eol,
    );
    const result = await parseRoster(file, 'csv');
    expect(result.rows).toEqual([
      { line: 2, nip: '198507142010011003', name: 'Budi Santoso', unit: 'Dinas Pendidikan Kota Pontianak' },
      { line: 4, nip: '198703222010012004', name: 'Siti Aminah', unit: 'Dinas Kesehatan' },
      { line: 7, nip: '199001012010011005', name: 'Andi', unit: 'Dinas Perhubungan' },
    ]);
    expect(result.failed).toEqual([
      { line: 8, nip: '1990010120100110', reason: 'NIP 1990010120100110 must be exactly 18 digits' },
    ]);
  });

  test('a NIP in scientific notation is reported as mangled by the spreadsheet', async () => {
    const result = await parseRoster(csv('NIP;Nama', '1.98507E+17;Budi', '1,98703E+17;Siti'), 'csv');
    expect(result.rows).toEqual([]);
    expect(result.failed).toEqual([
      {
        line: 2,
        nip: '1.98507E+17',
        reason: 'NIP 1.98507E+17 was turned into a number by the spreadsheet; format the column as text',
      },
      {
        line: 3,
        nip: '1,98703E+17',
        reason: 'NIP 1,98703E+17 was turned into a number by the spreadsheet; format the column as text',
      },
    ]);
  });

  test('empty lines and rows of empty cells are skipped without failures', async () => {
    const people = makePeople(3, 9);
    const file = rosterCsv(people, { extraRows: ['', ',,,,,,,,', '   ', '"",,'] });
    const lines = file.toString('utf8').split('\n');
    lines.splice(2, 0, '', ',,,');
    const result = await parseRoster(Buffer.from(lines.join('\n')), 'csv');
    expect(result.failed).toEqual([]);
    expect(result.rows.map((r) => [r.line, r.nip])).toEqual([
      [2, people[0]!.nip],
      [5, people[1]!.nip],
      [6, people[2]!.nip],
    ]);
  });

  test('Windows-1252 text (Excel\'s plain "CSV") is read', async () => {
    const file = Buffer.concat([
      Buffer.from('NIP;Nama\n198507142010011003;Ren'),
      Buffer.from([0xe9]),
      Buffer.from('\n'),
    ]);
    expect((await parseRoster(file, 'csv')).rows).toEqual([{ line: 2, nip: '198507142010011003', name: 'René' }]);
  });

  test('files that are not usable CSV', async () => {
    expect(await fileError(parseRoster(Buffer.from(''), 'csv'))).toBe('The file is empty');
    expect(await fileError(parseRoster(Buffer.from('\uFEFF\n\n;;\n'), 'csv'))).toBe('The file is empty');
    expect(await fileError(parseRoster(csv(HEADER), 'csv'))).toBe('The file has a header row but no participants');
    expect(await fileError(parseRoster(await rosterXlsx(makePeople(2)), 'csv'))).toContain('not CSV');
    expect(await fileError(parseRoster(csv(HEADER, '198507142010011003,"Budi'), 'csv'))).toContain('could not be read');
  });

  test('more than maxRows participant rows make the file unusable', async () => {
    const people = makePeople(11);
    expect((await parseRoster(rosterCsv(people.slice(0, 10)), 'csv', { maxRows: 10 })).rows).toHaveLength(10);
    expect(await fileError(parseRoster(rosterCsv(people), 'csv', { maxRows: 10 }))).toBe(
      'The file has more than 10 participant rows; at most 10 are allowed at once',
    );
    expect(await fileError(parseRoster(await rosterXlsx(people), 'xlsx', { maxRows: 10 }))).toContain('at most 10');
  });
});

describe('parseRoster: XLSX details', () => {
  test('cells are read as displayed: rich text, formulas, hyperlinks, dates; numeric NIPs fail', async () => {
    const file = await xlsx([
      [null],
      ['No.', 'NIP', 'Nama', 'E-mail', 'Tanggal Lahir', 'Pangkat'],
      [
        1,
        '198507142010011003',
        { richText: [{ text: 'Budi ' }, { text: 'Santoso', font: { bold: true } }] },
        { text: 'Budi@Example.com', hyperlink: 'mailto:budi@example.com' },
        new Date(Date.UTC(1985, 6, 14)),
        'Penata Muda (III/a)',
      ],
      [],
      [2, 198703222010012000, 'Siti Aminah', 'siti@example.com', '22 Maret 1987', 'IX'],
      [
        3,
        '199001012010011005',
        { formula: 'UPPER("andi")', result: 'ANDI' },
        { formula: 'LOWER("A@B.ID")', result: 'a@b.id' },
        '01-01-1990',
        'V',
      ],
      // A numbered template row with nothing else filled in is empty; a row with a name is not.
      [4, null, null, '', null, null],
      [5, null, 'Rina', null, null, null],
    ]);
    const result = await parseRoster(file, 'xlsx');
    expect(result.ignoredColumns).toEqual(['No.']);
    expect(result.rows).toEqual([
      {
        line: 3,
        nip: '198507142010011003',
        name: 'Budi Santoso',
        email: 'budi@example.com',
        birthDate: '1985-07-14',
        rank: 'Penata Muda (III/a)',
      },
      { line: 6, nip: '199001012010011005', name: 'ANDI', email: 'a@b.id', birthDate: '1990-01-01', rank: 'V' },
    ]);
    expect(result.failed).toEqual([
      {
        line: 5,
        nip: '198703222010012000',
        reason: 'NIP 198703222010012000 was turned into a number by the spreadsheet; format the column as text',
      },
      { line: 8, nip: null, reason: 'NIP is missing' },
    ]);
  });

  test('a file that is not an XLSX workbook is unusable', async () => {
    expect(await fileError(parseRoster(csv(HEADER), 'xlsx'))).toBe(
      'The file could not be read as an Excel (XLSX) workbook',
    );
  });
});

describe('detectFormat', () => {
  test.each([
    ['peserta.csv', 'text/csv', 'csv'],
    ['PESERTA.CSV', 'application/vnd.ms-excel', 'csv'],
    ['peserta.csv', 'application/octet-stream', 'csv'],
    [undefined, 'text/csv; charset=utf-8', 'csv'],
    ['peserta.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
    ['Daftar Peserta.XLSX', 'application/octet-stream', 'xlsx'],
    ['peserta', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
    ['peserta.xls', 'application/vnd.ms-excel', null],
    [undefined, 'application/vnd.ms-excel', null],
    ['peserta.pdf', 'application/pdf', null],
    [undefined, undefined, null],
  ] as const)('%s (%s) is %s', (filename, mimetype, format) => {
    expect(detectFormat(filename, mimetype)).toBe(format);
  });
});
