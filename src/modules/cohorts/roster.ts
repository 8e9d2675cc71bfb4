import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { checkNip, normalizeNip } from '../identity/nip.js';
import { participantProfile } from './schemas.js';
import { checkZip } from './zip-limits.js';
import { MESSAGES, msg, render, type Lang, type Message, type MessageKey } from '../../i18n/index.js';

/**
 * Participant rosters: the CSV or XLSX list an admin uploads to enroll people in a cohort, turned
 * into validated rows. Pure: no database. A problem with the file as a whole throws RosterFileError;
 * a problem with one row becomes a RosterFailure and the other rows still count.
 */

export type RosterFormat = 'csv' | 'xlsx';

export interface RosterRow {
  /** Line (CSV) or sheet row (XLSX) where the row starts; the header is line 1. */
  line: number;
  /** Absent only for a participant without a NIP, known by email (when the organization allows it). */
  nip?: string;
  name: string;
  email?: string;
  /** The participant's employing agency, as written in the file. */
  instansi?: string;
  position?: string;
  unit?: string;
  category?: string;
  rank?: string;
  birthPlace?: string;
  /** YYYY-MM-DD */
  birthDate?: string;
}

export interface RosterFailure {
  line: number;
  nip: string | null;
  /** Rendered in the reader's language when the import is answered (`failuresIn`). */
  reason: Message;
}

/** Failures as a person reads them, in `lang`. */
export function failuresIn(
  lang: Lang,
  failed: RosterFailure[],
): Array<Omit<RosterFailure, 'reason'> & { reason: string }> {
  return failed.map((f) => ({ ...f, reason: render(lang, f.reason) }));
}

export interface ParsedRoster {
  rows: RosterRow[];
  failed: RosterFailure[];
  /** Header texts of the columns that were not recognised, in file order. */
  ignoredColumns: string[];
}

export class RosterFileError extends Error {
  /** `tooLarge`: the file is over a size or row limit (413), not malformed (400). */
  constructor(
    public readonly reason: Message,
    public readonly tooLarge = false,
  ) {
    super(render('en', reason));
    this.name = 'RosterFileError';
  }
}

export const DEFAULT_MAX_ROSTER_ROWS = 20_000;
// An XLSX of 20,000 participants inflates to a few tens of MB; a workbook has a handful of parts.
const XLSX_LIMITS = { maxEntries: 1000, maxInflatedBytes: 128 * 1024 * 1024 };

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_MIMES = new Set(['text/csv', 'application/csv', 'text/comma-separated-values']);

export function detectFormat(filename: string | undefined, mimetype: string | undefined): RosterFormat | null {
  const extension = /\.([^./\\]+)$/.exec(filename?.trim().toLowerCase() ?? '')?.[1];
  if (extension === 'csv') return 'csv';
  if (extension === 'xlsx') return 'xlsx';
  // Windows browsers send CSV as application/vnd.ms-excel, which is also the type of real .xls files,
  // so that type alone decides nothing.
  const mime = mimetype?.split(';')[0]?.trim().toLowerCase();
  if (mime === XLSX_MIME) return 'xlsx';
  if (mime && CSV_MIMES.has(mime)) return 'csv';
  return null;
}

export interface RosterOptions {
  maxRows?: number;
  /** Rows without a NIP but with an email are participants without a NIP (non-ASN staff). */
  allowWithoutNip?: boolean;
}

export async function parseRoster(
  data: Buffer,
  format: RosterFormat,
  options: RosterOptions = {},
): Promise<ParsedRoster> {
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROSTER_ROWS;
  const sheet = format === 'csv' ? readCsv(data, maxRows) : await readXlsx(data);
  return validateSheet(sheet, maxRows, options.allowWithoutNip ?? false);
}

// ---- reading files into rows of cells ----

/** Strings from CSV; XLSX cells keep numbers and dates so a NIP mangled into a number can be told apart. */
type Cell = string | number | Date | undefined;

interface SheetRow {
  line: number;
  cells: Cell[];
}

const tooManyRows = (maxRows: number) => new RosterFileError(msg('roster.tooManyRows', { max: maxRows }), true);

function readCsv(data: Buffer, maxRows: number): SheetRow[] {
  if (isZip(data)) throw new RosterFileError(msg('roster.xlsxNotCsv'));
  if (data.includes(0)) throw new RosterFileError(msg('roster.binary'));
  // Normalising line ends first keeps csv-parse's line count right: it counts a CRLF inside a
  // quoted field as two lines.
  const text = decodeText(data).replace(/\r\n?/g, '\n');
  const lines: number[] = [];
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      // Parsing stops past the limit (the header, the rows allowed, one more to know it is over)
      // instead of reading a million rows to refuse them afterwards.
      to: maxRows + 2,
      // context.lines is the line the record ends on; newlines inside quoted fields take us back to its start.
      on_record: (record: string[], context) => {
        lines.push(context.lines - record.reduce((n, field) => n + countNewlines(field), 0));
        return record;
      },
    });
  } catch (err) {
    throw new RosterFileError(msg('roster.csvUnreadable', { error: err instanceof Error ? err.message : String(err) }));
  }
  if (records.length >= maxRows + 2) throw tooManyRows(maxRows);
  return records.map((cells, i) => ({ line: lines[i] ?? 0, cells }));
}

function isZip(data: Buffer): boolean {
  return data.length >= 4 && data.readUInt32BE(0) === 0x504b0304;
}

/** Drops a UTF-8 byte order mark (TextDecoder does that by default). */
function decodeText(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    // Excel's plain "CSV" (not "CSV UTF-8") on Windows writes Windows-1252.
    return new TextDecoder('windows-1252').decode(data);
  }
}

function countNewlines(text: string): number {
  let n = 0;
  for (const ch of text) if (ch === '\n') n++;
  return n;
}

/** Semicolon or comma, whichever the header line (the first non-blank line) uses more outside quotes. */
function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  let started = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === '\n') {
      if (started) break;
    } else if (ch === ',') commas++;
    else if (ch === ';') semicolons++;
    if (ch.trim() !== '') started = true;
  }
  return semicolons > commas ? ';' : ',';
}

async function readXlsx(data: Buffer): Promise<SheetRow[]> {
  const zip = await checkZip(data, XLSX_LIMITS);
  if (!zip.ok && zip.reason !== 'malformed') {
    throw new RosterFileError(
      msg('roster.workbookTooLarge', { mb: XLSX_LIMITS.maxInflatedBytes / 1024 / 1024, parts: XLSX_LIMITS.maxEntries }),
      true,
    );
  }
  if (!zip.ok) throw new RosterFileError(msg('roster.notXlsx'));
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type, which Node's Buffer does not satisfy on paper.
    await workbook.xlsx.load(data as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new RosterFileError(msg('roster.notXlsx'));
  }
  const worksheet = workbook.worksheets[0];
  if (!worksheet) throw new RosterFileError(msg('roster.noWorksheet'));
  const rows: SheetRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = xlsxCell(cell.value);
    });
    rows.push({ line: rowNumber, cells });
  });
  return rows;
}

/** The value a spreadsheet user sees in the cell. */
function xlsxCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  // Hyperlink text is typed as a string but can itself be rich text.
  if ('hyperlink' in value) return xlsxCell(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return xlsxCell(value.result);
  if ('error' in value) return value.error;
  return undefined;
}

// ---- header ----

type Field =
  'nip' | 'name' | 'email' | 'position' | 'unit' | 'category' | 'rank' | 'birthPlace' | 'birthDate' | 'instansi';

/** Accepted header names, as shown in error messages; matching is on normalizeHeader(). */
const HEADERS: Record<Field, readonly string[]> = {
  nip: ['NIP', 'Nomor Induk Pegawai'],
  name: ['Nama', 'Nama Lengkap', 'Nama Pegawai', 'Nama Peserta', 'Name', 'Full Name'],
  email: ['Email', 'E-mail', 'Surel', 'Alamat Email', 'Email Address'],
  position: ['Jabatan', 'Position', 'Job Title'],
  unit: ['Unit Kerja', 'Unit', 'Work Unit', 'Satuan Kerja', 'Satker'],
  category: ['Kategori', 'Category'],
  rank: [
    'Pangkat/Golongan',
    'Pangkat',
    'Golongan',
    'Pangkat/Gol',
    'Golongan/Ruang',
    'Gol/Ruang',
    'Gol',
    'Rank',
    'Grade',
  ],
  birthPlace: ['Tempat Lahir', 'Birth Place', 'Birthplace', 'Place of Birth'],
  birthDate: ['Tanggal Lahir', 'Tgl Lahir', 'Birth Date', 'Birthdate', 'Date of Birth'],
  instansi: ['Instansi', 'Instansi Asal', 'Asal Instansi', 'Nama Instansi', 'Kode Instansi', 'Agency'],
};

const REQUIRED: readonly Field[] = ['nip', 'name'];

const FIELD_BY_HEADER = new Map<string, Field>(
  Object.entries(HEADERS).flatMap(([field, names]) => names.map((name) => [normalizeHeader(name), field as Field])),
);

/** "  Tgl. Lahir ", "PANGKAT / GOL." and "NIP*" become "tgl lahir", "pangkat/gol" and "nip". */
function normalizeHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/[\s_]+/g, ' ')
    .replace(/ ?\/ ?/g, '/')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

function headerField(text: string): Field | undefined {
  return (
    FIELD_BY_HEADER.get(normalizeHeader(text)) ??
    // "Tanggal Lahir (DD-MM-YYYY)": a hint in parentheses
    FIELD_BY_HEADER.get(normalizeHeader(text.replace(/\([^)]*\)/g, ' ')))
  );
}

function mapColumns(header: Cell[]): { columns: Map<Field, number>; ignoredColumns: string[] } {
  const columns = new Map<Field, number>();
  const ignoredColumns: string[] = [];
  for (let i = 0; i < header.length; i++) {
    const text = cellText(header[i]);
    if (text === undefined) continue;
    const field = headerField(text);
    // A second column for the same field (say "Nama" and "Name") is ignored, not merged.
    if (field && !columns.has(field)) columns.set(field, i);
    else ignoredColumns.push(text);
  }
  if (columns.size === 0) {
    const found = header.map(cellText).filter((t) => t !== undefined);
    throw new RosterFileError(
      msg('roster.noHeader', {
        found: found
          .slice(0, 5)
          .map((t) => JSON.stringify(t))
          .join(', '),
      }),
    );
  }
  const missing = REQUIRED.filter((field) => !columns.has(field));
  if (missing.length > 0) {
    throw new RosterFileError(
      msg('roster.missingColumn', {
        column: missing.map((field) => HEADERS[field][0]).join(', '),
        accepted: missing.map((field) => HEADERS[field].join(', ')).join('; '),
      }),
    );
  }
  return { columns, ignoredColumns };
}

// ---- rows ----

function validateSheet(sheet: SheetRow[], maxRows: number, allowWithoutNip: boolean): ParsedRoster {
  const isBlank = (cells: Cell[]) => cells.every((cell) => cellText(cell) === undefined);
  const headerIndex = sheet.findIndex((row) => !isBlank(row.cells));
  const header = sheet[headerIndex];
  if (!header) throw new RosterFileError(msg('roster.empty'));
  const { columns, ignoredColumns } = mapColumns(header.cells);
  // Only the columns we read count: templates often come with the "No" column numbered far ahead.
  const data = sheet.slice(headerIndex + 1).filter((row) => !isBlank([...columns.values()].map((i) => row.cells[i])));
  if (data.length === 0) throw new RosterFileError(msg('roster.noRows'));
  if (data.length > maxRows) {
    throw new RosterFileError(msg('roster.rowCount', { count: data.length, max: maxRows }), true);
  }

  const rows: RosterRow[] = [];
  const failed: RosterFailure[] = [];
  const firstLineOfNip = new Map<string, number>();
  for (const { line, cells } of data) {
    const cell = (field: Field): Cell => {
      const index = columns.get(field);
      return index === undefined ? undefined : cells[index];
    };
    const result = validateRow(line, cell, firstLineOfNip, allowWithoutNip);
    if ('reason' in result) failed.push(result);
    else rows.push(result);
  }
  return { rows, failed, ignoredColumns };
}

const emailSchema = z.email().max(254);

function validateRow(
  line: number,
  cell: (field: Field) => Cell,
  firstLineOfKey: Map<string, number>,
  allowWithoutNip: boolean,
): RosterRow | RosterFailure {
  const fail = (nip: string | null, reason: Message): RosterFailure => ({ line, nip, reason });

  const nipCell = cell('nip');
  // Past 2^53 a number has lost its last digits, so a numeric NIP cannot be trusted whatever it shows.
  if (typeof nipCell === 'number') return fail(String(nipCell), msg('roster.nipMangled', { nip: String(nipCell) }));
  const rawNip = cellText(nipCell);
  if (/^\d+(?:[.,]\d+)?e\+?\d+$/i.test(rawNip?.replace(/\s+/g, '') ?? ''))
    return fail(rawNip!, msg('roster.nipMangled', { nip: rawNip! }));
  // Spaces, dots and dashes as typed for readability; a leading apostrophe is Excel's text marker.
  const nip = rawNip === undefined ? undefined : normalizeNip(rawNip);
  if (!nip) return withoutNip(line, cell, firstLineOfKey, allowWithoutNip);

  const birthDateText = cellText(cell('birthDate'));
  const birthDate = dateCell(cell('birthDate'));
  if (birthDateText !== undefined && birthDate === null) {
    return fail(nip, msg('roster.birthDateInvalid', { value: birthDateText }));
  }

  const nipCheck = checkNip(nip, birthDate);
  if (!nipCheck.ok) return fail(nip, nipCheck.named(nip));
  // A well-formed NIP belongs to its first row even when that row fails later on: two rows with one
  // NIP are a mistake to show the admin, not something to settle by picking one.
  const firstLine = firstLineOfKey.get(nip);
  if (firstLine === undefined) firstLineOfKey.set(nip, line);

  const name = cellText(cell('name'));
  if (!name) return fail(nip, msg('roster.nameMissing'));

  const rawEmail = cellText(cell('email'));
  const email = rawEmail?.toLowerCase();
  if (email !== undefined && !emailSchema.safeParse(email).success) {
    return fail(nip, msg('roster.emailInvalid', { email: rawEmail! }));
  }

  if (firstLine !== undefined) return fail(nip, msg('roster.nipDuplicate', { nip, line: firstLine }));

  const row: RosterRow = { line, nip, name };
  if (email) row.email = email;
  addProfile(row, cell);
  if (birthDate) row.birthDate = birthDate;
  return withinLimits(row) ?? row;
}

function addProfile(row: RosterRow, cell: (field: Field) => Cell): void {
  for (const field of ['position', 'unit', 'category', 'rank', 'birthPlace', 'instansi'] as const) {
    const value = cellText(cell(field));
    if (value !== undefined) row[field] = value;
  }
}

/** A row with no NIP: a participant known by email, where the organization admits them. */
function withoutNip(
  line: number,
  cell: (field: Field) => Cell,
  firstLineOfKey: Map<string, number>,
  allowed: boolean,
): RosterRow | RosterFailure {
  const rawEmail = cellText(cell('email'));
  const email = rawEmail?.toLowerCase();
  if (!allowed || email === undefined) {
    return {
      line,
      nip: null,
      reason: msg(allowed ? 'roster.nipAndEmailMissing' : 'roster.nipMissing'),
    };
  }
  if (!emailSchema.safeParse(email).success)
    return { line, nip: null, reason: msg('roster.emailInvalid', { email: rawEmail ?? '' }) };
  const birthDate = dateCell(cell('birthDate'));
  if (birthDate === null)
    return {
      line,
      nip: null,
      reason: msg('roster.birthDateInvalid', { value: cellText(cell('birthDate')) ?? '' }),
    };
  const key = `email:${email}`;
  const firstLine = firstLineOfKey.get(key);
  if (firstLine !== undefined)
    return { line, nip: null, reason: msg('roster.emailDuplicate', { email, line: firstLine }) };
  firstLineOfKey.set(key, line);
  const name = cellText(cell('name'));
  if (!name) return { line, nip: null, reason: msg('roster.nameMissing') };
  const row: RosterRow = { line, name, email };
  addProfile(row, cell);
  if (birthDate) row.birthDate = birthDate;
  return withinLimits(row) ?? row;
}

const fieldLabel = (field: string): Message | string =>
  `roster.field.${field}` in MESSAGES ? msg(`roster.field.${field}` as MessageKey) : field;

/** The same limits as a participant added through the JSON API: no 60,000-character names. */
function withinLimits(row: RosterRow): RosterFailure | undefined {
  const { line, nip, ...fields } = row;
  for (const [field, value] of Object.entries(fields)) {
    if (typeof value === 'string' && value.includes('\u0000')) {
      return { line, nip: nip ?? null, reason: msg('roster.nul', { field: fieldLabel(field) }) };
    }
  }
  const checked = participantProfile.safeParse(fields);
  if (checked.success) return undefined;
  const issue = checked.error.issues[0]!;
  const field = String(issue.path[0] ?? '');
  const reason =
    issue.code === 'too_big'
      ? msg('roster.fieldTooLong', { field: fieldLabel(field), max: String(issue.maximum) })
      : msg('roster.fieldInvalid', { field: fieldLabel(field) });
  return { line, nip: nip ?? null, reason };
}

// ---- cell values ----

/** Trimmed text with whitespace runs (line breaks included) collapsed; undefined when empty. */
function cellText(cell: Cell): string | undefined {
  if (cell === undefined) return undefined;
  const text = (cell instanceof Date ? utcDate(cell) : String(cell)).replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}

/** YYYY-MM-DD; undefined when the cell is empty, null when it holds something that is not a date. */
function dateCell(cell: Cell): string | null | undefined {
  // exceljs gives date cells as Dates at UTC midnight.
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : utcDate(cell);
  const text = cellText(cell);
  return text === undefined ? undefined : parseDate(text);
}

function utcDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const MONTH_NAMES: readonly (readonly string[])[] = [
  ['januari', 'january'],
  ['februari', 'pebruari', 'february'],
  ['maret', 'march'],
  ['april'],
  ['mei', 'may'],
  ['juni', 'june'],
  ['juli', 'july'],
  ['agustus', 'agt', 'ags', 'august'],
  ['september'],
  ['oktober', 'october'],
  ['november', 'nopember'],
  ['desember', 'december'],
];

/** 1–12 for a month name or an abbreviation of at least three letters ("Jul", "Agu", "Des"). */
function monthNumber(word: string): number | null {
  const w = word.toLowerCase();
  const index = MONTH_NAMES.findIndex((names) => names.some((n) => n === w || (w.length >= 3 && n.startsWith(w))));
  return index === -1 ? null : index + 1;
}

/**
 * Birth dates as people write them: 1985-07-14, 14-07-1985, 14/7/1985, 14.07.1985, 14 Juli 1985,
 * 14-Jul-1985, July 14, 1985. Day before month: 07/03/1990 is 7 March.
 */
function parseDate(text: string): string | null {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/.exec(text);
  if (m) return isoDate(Number(m[4]), Number(m[3]), Number(m[1]));
  m = /^(\d{1,2})[\s-]+(\p{L}+)\.?[\s-]+(\d{4})$/u.exec(text);
  if (m) return isoDate(Number(m[3]), monthNumber(m[2] ?? ''), Number(m[1]));
  m = /^(\p{L}+)\.? (\d{1,2}),? (\d{4})$/u.exec(text);
  if (m) return isoDate(Number(m[3]), monthNumber(m[1] ?? ''), Number(m[2]));
  return null;
}

function isoDate(year: number, month: number | null, day: number): string | null {
  if (month === null || year < 1900 || year > 2100) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return utcDate(date);
}
