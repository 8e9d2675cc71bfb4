import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';

const inflate = promisify(inflateRaw);

export interface ZipLimits {
  maxEntries: number;
  maxInflatedBytes: number;
}

export type ZipCheck =
  { ok: true; inflatedBytes: number } | { ok: false; reason: 'too_large' | 'too_many_entries' | 'malformed' };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Inflates every entry of a ZIP (an XLSX is one) against one budget before anything else opens
 * it: sizes a ZIP declares can lie, so what counts is what inflating really produces, and it stops
 * the moment the budget is spent. A 1 MB file that would become 1 GB costs a few milliseconds.
 */
export async function checkZip(data: Buffer, limits: ZipLimits): Promise<ZipCheck> {
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65_535); i--) {
    if (data.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: 'malformed' };
  const entries = data.readUInt16LE(eocd + 10);
  if (entries > limits.maxEntries || entries === 0xffff) return { ok: false, reason: 'too_many_entries' };
  let at = data.readUInt32LE(eocd + 16);
  let spent = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL) return { ok: false, reason: 'malformed' };
    const method = data.readUInt16LE(at + 10);
    const compressed = data.readUInt32LE(at + 20);
    const local = data.readUInt32LE(at + 42);
    at += 46 + data.readUInt16LE(at + 28) + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
    if (local + 30 > data.length || data.readUInt32LE(local) !== LOCAL) return { ok: false, reason: 'malformed' };
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const body = data.subarray(start, start + compressed);
    const left = limits.maxInflatedBytes - spent;
    if (method === 0) {
      spent += body.length;
    } else if (method === 8) {
      try {
        spent += (await inflate(body, { maxOutputLength: Math.max(1, left) })).length;
      } catch (error) {
        return {
          ok: false,
          reason: (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too_large' : 'malformed',
        };
      }
    } else {
      return { ok: false, reason: 'malformed' };
    }
    if (spent > limits.maxInflatedBytes) return { ok: false, reason: 'too_large' };
  }
  return { ok: true, inflatedBytes: spent };
}
