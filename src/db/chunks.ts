// PostgreSQL's wire protocol numbers bind parameters with 16 bits: one statement takes at most 65,535.
const MAX_PARAMETERS = 65_535;

/** Rows split so that one multi-row INSERT of each part stays within the parameter limit. */
export function parameterChunks<T extends object>(rows: T[]): T[][] {
  if (rows.length === 0) return [];
  const perRow = Math.max(1, ...rows.slice(0, 50).map((r) => Object.keys(r).length));
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / perRow) - 1);
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
