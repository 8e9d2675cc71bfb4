import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { normalizeNip } from './nip.js';

/**
 * Finding people in a list: by NIP prefix, part of the name, unit, or one box for either. The
 * same parameters on users, a cohort's enrollments and its progress. Name search is a
 * case-insensitive `ILIKE '%…%'` served by a trigram index (`pg_trgm`, in PostgreSQL's contrib
 * and in the embedded PostgreSQL); NIP prefixes by a pattern index on the NIP.
 */
export const personSearchQuery = {
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('One box: digits are a NIP prefix (spaces, dots and dashes ignored), anything else part of the name'),
  nip: z
    .string()
    .max(40)
    .transform(normalizeNip)
    .pipe(z.string().regex(/^\d{1,18}$/, 'A NIP prefix is 1–18 digits'))
    .optional()
    .describe('The NIP starts with these digits (spaces, dots and dashes ignored)'),
  name: z.string().trim().min(1).max(100).optional().describe('Part of the name, case-insensitive'),
  unit: z.string().trim().min(1).max(200).optional().describe('The unit (unit kerja), case-insensitive, whole name'),
};

export interface PersonSearch {
  q?: string | undefined;
  nip?: string | undefined;
  name?: string | undefined;
  unit?: string | undefined;
}

/** `%` and `_` typed by a person are letters, not wildcards. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const nipPrefix = (nip: AnyPgColumn, digits: string) => sql`${nip} like ${`${digits}%`}`;
const nameContains = (name: AnyPgColumn, part: string) => sql`${name} ilike ${`%${likeLiteral(part)}%`}`;

/** The conditions for the search parameters given, against the columns of the list's query. */
export function personSearchConditions(
  search: PersonSearch,
  columns: { nip: AnyPgColumn; name: AnyPgColumn; unit: AnyPgColumn | SQL },
): SQL[] {
  const conditions: SQL[] = [];
  if (search.nip) conditions.push(nipPrefix(columns.nip, search.nip));
  if (search.name) conditions.push(nameContains(columns.name, search.name));
  if (search.unit) conditions.push(sql`lower(${columns.unit}) = lower(${search.unit})`);
  if (search.q) {
    const digits = normalizeNip(search.q);
    conditions.push(/^\d{1,18}$/.test(digits) ? nipPrefix(columns.nip, digits) : nameContains(columns.name, search.q));
  }
  return conditions;
}
