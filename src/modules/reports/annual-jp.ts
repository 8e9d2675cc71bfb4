import { PassThrough, Readable } from 'node:stream';
import { setImmediate } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import type pg from 'pg';
import type { Clock } from '../../clock.js';
import { csvStream } from '../../csv.js';
import type { Actor } from '../../http/actor.js';
import { ValidationError } from '../../http/errors.js';
import { translate, type Lang, type MessageKey } from '../../i18n/index.js';
import { localDateOf } from '../cohorts/calendar.js';
import type { DirectoryService } from '../identity/directory-service.js';

/**
 * The question every BKPSDM is asked each year: which of our staff are below their 20 JP, by
 * unit. For the home organization (instansi): every person whose home it is, their JP of the year
 * from every organizer and every external training, against their target (PNS `annualJpTarget`,
 * PPPK `annualJpTargetPppk`), and totals per unit. Rows come from a server-side cursor in
 * batches and are written as they come, so memory stays flat for 50,000 people.
 */

export interface AnnualJpDeps {
  pool: pg.Pool;
  clock: Clock;
  directory: DirectoryService;
}

export type AnnualJpFormat = 'json' | 'csv' | 'xlsx';

export interface AnnualJpQuery {
  orgId?: string | undefined;
  year?: number | undefined;
  unit?: string | undefined;
  category?: string | undefined;
  below?: boolean | undefined;
  view: 'staff' | 'units';
  format: AnnualJpFormat;
}

export interface StaffRow {
  userId: string;
  nip: string | null;
  kind: 'pns' | 'pppk' | null;
  name: string;
  unit: string | null;
  category: string | null;
  position: string | null;
  rank: string | null;
  jp: number;
  externalJp: number;
  targetJp: number;
  shortfallJp: number;
  below: boolean;
}

export interface UnitTotal {
  unit: string | null;
  staff: number;
  met: number;
  below: number;
  totalJp: number;
  averageJp: number;
}

// Rows fetched per round trip; between batches the event loop serves other requests.
const BATCH = 250;
const round2 = (n: number) => Math.round(n * 100) / 100;

export const KIND_LABEL = { pns: 'PNS', pppk: 'PPPK' } as const;

type Columns<T> = Array<[string, (row: T) => string | number]>;

/** The staff sheet's columns, headed in `lang`. */
export function staffColumns(lang: Lang): Columns<StaffRow> {
  const t = (key: MessageKey) => translate(lang, key);
  return [
    [t('report.col.nip'), (r) => r.nip ?? ''],
    [t('report.col.name'), (r) => r.name],
    [t('annualJp.col.kind'), (r) => (r.kind ? KIND_LABEL[r.kind] : t('annualJp.nonAsn'))],
    [t('report.col.unit'), (r) => r.unit ?? ''],
    [t('report.col.category'), (r) => r.category ?? ''],
    [t('report.col.position'), (r) => r.position ?? ''],
    [t('report.col.rank'), (r) => r.rank ?? ''],
    [t('annualJp.col.jp'), (r) => r.jp],
    [t('annualJp.col.externalJp'), (r) => r.externalJp],
    [t('annualJp.col.target'), (r) => r.targetJp],
    [t('annualJp.col.shortfall'), (r) => r.shortfallJp],
    [t('annualJp.col.note'), (r) => t(r.below ? 'annualJp.below' : 'annualJp.met')],
  ];
}

/** The unit totals' columns, headed in `lang`. */
export function unitColumns(lang: Lang): Columns<UnitTotal> {
  const t = (key: MessageKey) => translate(lang, key);
  return [
    [t('report.col.unit'), (u) => u.unit ?? t('annualJp.noUnit')],
    [t('annualJp.col.staff'), (u) => u.staff],
    [t('annualJp.col.met'), (u) => u.met],
    [t('annualJp.col.below'), (u) => u.below],
    [t('annualJp.col.totalJp'), (u) => u.totalJp],
    [t('annualJp.col.averageJp'), (u) => u.averageJp],
  ];
}

/** The statement's filters and parameters: staff of the organization with their JP in the year. */
function staffSelect(p: { orgId: string; from: string; to: string; pns: number; pppk: number } & AnnualJpFilters) {
  const params: unknown[] = [p.orgId, p.from, p.to, p.pns, p.pppk];
  const where: string[] = [];
  if (p.unit !== undefined) {
    params.push(p.unit);
    where.push(`lower(coalesce(u.unit, '')) = lower($${params.length})`);
  }
  if (p.category !== undefined) {
    params.push(p.category);
    where.push(`lower(coalesce(u.category, '')) = lower($${params.length})`);
  }
  // Every entry of the year counts, whoever organized it: programs here and elsewhere, external
  // trainings, adjustments. An entry's local date is the day the learning happened, where it did.
  const text = `
    with year_jp as (
      select j.user_id, sum(j.jp) as jp, sum(j.jp) filter (where j.source = 'external') as external_jp
        from jp_ledger j join users s on s.id = j.user_id
       where s.home_org_id = $1::uuid and j.local_date >= $2::date and j.local_date <= $3::date
       group by j.user_id
    ), staff as (
      select u.id, u.nip, u.nip_kind, u.name, u.unit, u.category, u.position, u.rank,
             round(coalesce(y.jp, 0), 2)::float8 as jp, round(coalesce(y.external_jp, 0), 2)::float8 as external_jp,
             (case when u.nip_kind = 'pppk' then $5::numeric else $4::numeric end)::float8 as target_jp
        from users u left join year_jp y on y.user_id = u.id
       where u.home_org_id = $1::uuid and not u.platform_admin and u.status <> 'disabled'
             ${where.map((w) => `and ${w}`).join(' ')}
    )`;
  return { text, params };
}

interface AnnualJpFilters {
  unit?: string | undefined;
  category?: string | undefined;
}

export function createAnnualJpReport({ pool, clock, directory }: AnnualJpDeps) {
  /** Staff rows in unit and name order, read from a cursor a batch at a time. */
  async function* staffRows(select: ReturnType<typeof staffSelect>, belowOnly: boolean): AsyncGenerator<StaffRow> {
    const client = await pool.connect();
    let failed = false;
    try {
      await client.query('begin read only');
      await client.query(
        `declare annual_jp no scroll cursor for ${select.text}
         select * from staff ${belowOnly ? 'where jp < target_jp' : ''}
          order by unit nulls last, name, id`,
        select.params,
      );
      for (;;) {
        const { rows } = await client.query<{
          id: string;
          nip: string | null;
          nip_kind: 'pns' | 'pppk' | null;
          name: string;
          unit: string | null;
          category: string | null;
          position: string | null;
          rank: string | null;
          jp: number;
          external_jp: number;
          target_jp: number;
        }>(`fetch ${BATCH} from annual_jp`);
        for (const r of rows) {
          yield {
            userId: r.id,
            nip: r.nip,
            kind: r.nip_kind,
            name: r.name,
            unit: r.unit,
            category: r.category,
            position: r.position,
            rank: r.rank,
            jp: r.jp,
            externalJp: r.external_jp,
            targetJp: r.target_jp,
            shortfallJp: round2(Math.max(0, r.target_jp - r.jp)),
            below: r.jp < r.target_jp,
          };
        }
        if (rows.length < BATCH) break;
        await setImmediate();
      }
      await client.query('commit');
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      // A download cut short leaves the transaction open: roll it back, or drop the connection if it broke.
      if (!failed) await client.query('rollback').catch(() => undefined);
      client.release(failed ? true : undefined);
    }
  }

  async function unitTotals(select: ReturnType<typeof staffSelect>, belowOnly: boolean): Promise<UnitTotal[]> {
    const { rows } = await pool.query<{ unit: string | null; staff: number; below: number; total_jp: number }>(
      `${select.text}
       select unit, count(*)::int as staff, count(*) filter (where jp < target_jp)::int as below,
              coalesce(sum(jp), 0)::float8 as total_jp
         from staff ${belowOnly ? 'where jp < target_jp' : ''}
        group by unit order by unit nulls last`,
      select.params,
    );
    return rows.map((r) => ({
      unit: r.unit,
      staff: r.staff,
      met: r.staff - r.below,
      below: r.below,
      totalJp: round2(r.total_jp),
      averageJp: r.staff ? round2(r.total_jp / r.staff) : 0,
    }));
  }

  return {
    /** Checks access and reads the totals first, so errors are answered before streaming. */
    async open(actor: Actor, query: AnnualJpQuery, lang: Lang = 'id') {
      const orgId = actor.scope.kind === 'org' ? actor.scope.orgId : query.orgId;
      if (!orgId)
        throw new ValidationError(
          'Platform administrators name the organization: ?orgId=',
          [{ path: 'querystring.orgId', message: 'Required for platform administrators' }],
          'VALIDATION_FAILED',
        );
      const org = await directory.getOrganization(actor, orgId);
      const settings = await directory.organizationSettings(org.id);
      const year = query.year ?? Number(localDateOf(clock.now(), org.timeZone).slice(0, 4));
      const select = staffSelect({
        orgId: org.id,
        from: `${year}-01-01`,
        to: `${year}-12-31`,
        pns: settings.annualJpTarget,
        pppk: settings.annualJpTargetPppk,
        unit: query.unit,
        category: query.category,
      });
      const belowOnly = query.below ?? false;
      const units = await unitTotals(select, belowOnly);
      const sum = (f: (u: UnitTotal) => number) => units.reduce((a, u) => a + f(u), 0);
      const totals = {
        staff: sum((u) => u.staff),
        met: sum((u) => u.met),
        below: sum((u) => u.below),
        totalJp: round2(sum((u) => u.totalJp)),
      };
      const head = {
        organization: { id: org.id, code: org.code, name: org.name, timeZone: org.timeZone },
        year,
        targets: { pns: settings.annualJpTarget, pppk: settings.annualJpTargetPppk },
        filters: { unit: query.unit ?? null, category: query.category ?? null, below: belowOnly },
        totals,
        units,
      };
      const name = `jp-${org.code.replace(/[^A-Za-z0-9.-]+/g, '-')}-${year}${query.view === 'units' ? '-unit' : ''}`;
      return {
        filename: `${name}.${query.format}`,
        stream: render(query, head, () => staffRows(select, belowOnly), lang),
      };
    },
  };
}

/** Until the reader has taken what is buffered; fails when the download was cut short, which ends the cursor. */
function drained(stream: NodeJS.WritableStream & { destroyed: boolean }): Promise<void> {
  if (stream.destroyed) return Promise.reject(new Error('the download was cut short'));
  return new Promise((resolve, reject) => {
    const done = () => {
      stream.off('close', cut);
      resolve();
    };
    const cut = () => {
      stream.off('drain', done);
      reject(new Error('the download was cut short'));
    };
    stream.once('drain', done);
    stream.once('close', cut);
  });
}

function render(
  query: AnnualJpQuery,
  head: { units: UnitTotal[] } & Record<string, unknown>,
  rows: () => AsyncGenerator<StaffRow>,
  lang: Lang,
): Readable {
  const staffCols = staffColumns(lang);
  const unitCols = unitColumns(lang);
  if (query.format === 'json') {
    return Readable.from(
      (async function* () {
        if (query.view === 'units') {
          yield JSON.stringify(head);
          return;
        }
        yield `${JSON.stringify(head).slice(0, -1)},"staff":[`;
        let first = true;
        for await (const row of rows()) {
          yield (first ? '' : ',') + JSON.stringify(row);
          first = false;
        }
        yield ']}';
      })(),
    );
  }
  if (query.format === 'csv') {
    const columns = query.view === 'units' ? unitCols : staffCols;
    const csv = csvStream(columns.map(([h]) => h));
    void (async () => {
      try {
        if (query.view === 'units') {
          for (const u of head.units) csv.write(unitCols.map(([, f]) => f(u)));
        } else {
          for await (const row of rows()) {
            if (!csv.write(staffCols.map(([, f]) => f(row)))) await drained(csv);
          }
        }
        csv.end();
      } catch (error) {
        csv.destroy(error as Error);
      }
    })();
    return csv;
  }
  const out = new PassThrough();
  void (async () => {
    try {
      const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
      if (query.view === 'staff') {
        const sheet = book.addWorksheet(translate(lang, 'annualJp.sheet.staff'), {
          views: [{ state: 'frozen', ySplit: 1 }],
        });
        sheet.columns = staffCols.map(([header], i) => ({ header, width: [20, 32, 10, 28, 18, 28, 20][i] ?? 14 }));
        sheet.getRow(1).font = { bold: true };
        sheet.getRow(1).commit();
        for await (const row of rows()) {
          sheet.addRow(staffCols.map(([, f]) => f(row))).commit();
          // The client reads slower than the cursor: wait for it rather than buffer the workbook.
          if (out.writableNeedDrain) await drained(out);
        }
        sheet.commit();
      }
      const units = book.addWorksheet(translate(lang, 'annualJp.sheet.units'), {
        views: [{ state: 'frozen', ySplit: 1 }],
      });
      units.columns = unitCols.map(([header], i) => ({ header, width: i === 0 ? 32 : 16 }));
      units.getRow(1).font = { bold: true };
      units.getRow(1).commit();
      for (const u of head.units) units.addRow(unitCols.map(([, f]) => f(u))).commit();
      units.commit();
      await book.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}

export type AnnualJpReport = ReturnType<typeof createAnnualJpReport>;
