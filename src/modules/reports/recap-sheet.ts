import type { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { AssessmentComponent } from '../../db/schema.js';
import { translate, type Lang, type MessageKey } from '../../i18n/index.js';
import type { ReportRow } from './service.js';

type Value = string | number | null;
interface Column {
  header: string;
  /** Characters; a column is never narrower than its header. */
  width: number;
  value: (r: ReportRow) => Value;
}

/** What the recap says about its program, above the table. */
export interface RecapHeading {
  organizer: string;
  program: string;
  cohortCode: string;
  cohortName: string;
  startDate: string | null;
  endDate: string | null;
  jp: number;
  generatedAt: Date;
  timeZone: string;
}

const ZONE_NAMES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

const locale = (lang: Lang) => (lang === 'id' ? 'id-ID' : 'en-GB');

/** 2024-10-23 → "23 Oktober 2024" (Indonesian) or "23 October 2024". */
export function longDate(lang: Lang, date: string): string {
  return new Intl.DateTimeFormat(locale(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** An instant as the cohort's local time with its zone: "29 November 2026 21.55 WIB". */
export function localDateTime(lang: Lang, at: Date, timeZone: string): string {
  const date = new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone });
  const time = new Intl.DateTimeFormat(locale(lang), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  return `${date.format(at)} ${time.format(at)} ${ZONE_NAMES[timeZone] ?? timeZone}`;
}

/** A missing score stays blank: a final score and predikat computed over a missing score are not shown. */
const scoreShown = (r: ReportRow) => !r.reasons.includes('SCORE_MISSING');

/**
 * The recap's columns, the same in the CSV and the XLSX, in `lang`: statuses and fail reasons in
 * words, position and rank from the enrollment's profile, classroom and field JP apart.
 */
export function recapColumns(lang: Lang, components: AssessmentComponent[]) {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
  const columns: Column[] = [
    { header: t('report.col.nip'), width: 21, value: (r) => r.nip },
    { header: t('report.col.name'), width: 32, value: (r) => r.name },
    { header: t('report.col.position'), width: 30, value: (r) => r.position },
    { header: t('report.col.rank'), width: 20, value: (r) => r.rank },
    { header: t('report.col.category'), width: 14, value: (r) => r.category },
    { header: t('report.col.unit'), width: 30, value: (r) => r.unit },
    { header: t('report.col.onlineJp'), width: 11, value: (r) => r.onlineJp },
    { header: t('report.col.classroomJp'), width: 11, value: (r) => r.classroomJp },
    { header: t('report.col.fieldJp'), width: 11, value: (r) => r.fieldJp },
    { header: t('report.col.present'), width: 8, value: (r) => r.attendance.present },
    { header: t('report.col.late'), width: 10, value: (r) => r.attendance.late },
    { header: t('report.col.excused'), width: 8, value: (r) => r.attendance.excused },
    { header: t('report.col.absent'), width: 11, value: (r) => r.attendance.absent },
    { header: t('report.col.absentJp'), width: 14, value: (r) => r.attendance.absentJp },
    ...components.map((c): Column => ({
      header: t('report.col.score', { name: c.name, weight: c.weight }),
      width: 14,
      value: (r) => r.scores[c.code] ?? null,
    })),
    { header: t('report.col.finalScore'), width: 11, value: (r) => (scoreShown(r) ? r.finalScore : null) },
    { header: t('report.col.predikat'), width: 18, value: (r) => (scoreShown(r) ? r.predikat : null) },
    { header: t('report.col.status'), width: 18, value: (r) => t(`enrollmentStatus.${r.status}` as MessageKey) },
    {
      header: t('report.col.reasons'),
      width: 40,
      value: (r) => (r.reasons.length > 0 ? r.reasons.map((x) => t(`failReason.${x}` as MessageKey)).join('; ') : null),
    },
    { header: t('report.col.certificate'), width: 30, value: (r) => r.certificateNumber },
  ];
  return {
    headers: columns.map((c) => c.header),
    widths: columns.map((c) => Math.max(c.width, c.header.length + 2)),
    values: (r: ReportRow) => columns.map((c) => c.value(r)),
  };
}

export type RecapColumns = ReturnType<typeof recapColumns>;

export interface RecapSummary {
  participants: number;
  byStatus: Record<string, number>;
  byCategory: Record<string, number>;
  byPredikat: Record<string, number>;
  certificatesIssued: number;
}

/**
 * Writes the recap workbook to `out` as rows arrive: sheet Peserta (the heading, then the table
 * under a frozen header row) and sheet Ringkasan. Every value is a plain string or number: no
 * cell is ever a formula, whatever a name says.
 */
export async function writeRecapXlsx(
  out: PassThrough,
  lang: Lang,
  heading: RecapHeading,
  summary: RecapSummary,
  source: AsyncIterable<ReportRow>,
  columns: RecapColumns,
): Promise<void> {
  const t = (key: MessageKey) => translate(lang, key);
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const block: Array<[string, Value]> = [
    [t('report.organizer'), heading.organizer],
    [t('report.program'), heading.program],
    [t('report.cohort'), `${heading.cohortCode} \u2013 ${heading.cohortName}`],
    [
      t('report.dates'),
      heading.startDate && heading.endDate
        ? `${longDate(lang, heading.startDate)} \u2013 ${longDate(lang, heading.endDate)}`
        : null,
    ],
    [t('report.jp'), heading.jp],
    [t('report.generatedAt'), localDateTime(lang, heading.generatedAt, heading.timeZone)],
  ];
  // The title, the block, a blank line, then the header row: everything above the table stays in view.
  const headerRow = block.length + 3;
  const sheet = book.addWorksheet(t('report.sheet.participants'), {
    views: [{ state: 'frozen', xSplit: 2, ySplit: headerRow }],
  });
  sheet.columns = columns.widths.map((width) => ({ width }));
  const title = sheet.addRow([t('report.title')]);
  title.font = { bold: true, size: 14 };
  title.commit();
  for (const [label, value] of block) {
    const row = sheet.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { horizontal: 'left' };
    row.commit();
  }
  sheet.addRow([]).commit();
  const header = sheet.addRow(columns.headers);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.commit();
  for await (const row of source) sheet.addRow(columns.values(row)).commit();
  sheet.commit();

  const recap = book.addWorksheet(t('report.sheet.summary'), { views: [{ state: 'frozen', ySplit: 1 }] });
  recap.columns = [{ width: 16 }, { width: 28 }, { width: 10 }];
  const recapHeader = recap.addRow([t('report.summary.group'), t('report.summary.value'), t('report.summary.count')]);
  recapHeader.font = { bold: true };
  recapHeader.commit();
  recap.addRow([t('report.summary.participants'), t('report.summary.all'), summary.participants]).commit();
  for (const [status, n] of Object.entries(summary.byStatus))
    recap.addRow([t('report.summary.status'), t(`enrollmentStatus.${status}` as MessageKey), n]).commit();
  for (const [category, n] of Object.entries(summary.byCategory))
    recap.addRow([t('report.summary.category'), category, n]).commit();
  for (const [predikat, n] of Object.entries(summary.byPredikat))
    recap.addRow([t('report.summary.predikat'), predikat, n]).commit();
  recap.addRow([t('report.summary.certificates'), t('report.summary.issued'), summary.certificatesIssued]).commit();
  recap.commit();
  await book.commit();
}
