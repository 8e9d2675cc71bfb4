import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../http/errors.js';
import { msg, type MessageKey } from '../../i18n/index.js';

/** What a submission may be, recognized from its bytes; the name a client gives is never trusted. */
export const ACCEPTED_KINDS = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
} as const;
export type FileKind = keyof typeof ACCEPTED_KINDS;

/** Enough of the start of a file for every signature file-type knows. */
export const HEAD_BYTES = 4100;

// The content type of each office document's main part, as its [Content_Types].xml declares it.
const OFFICE_MAIN_PARTS: Record<'docx' | 'xlsx' | 'pptx', string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
};
const MAX_DIRECTORY_BYTES = 4 * 1024 * 1024;
const MAX_CONTENT_TYPES_BYTES = 256 * 1024;

const WHAT_IS_ACCEPTED = 'a PDF, a PNG, JPEG or WebP image, or a DOCX, XLSX or PPTX document';

type Refusal = 'empty' | 'unknown' | 'kind' | 'zip' | 'macros' | 'otherOffice' | 'zip64' | 'damaged';

/** A file refused for its content: the reason in English for the log, in the caller's language for them. */
export class FileKindError extends AppError {
  constructor(reason: string, refusal: Refusal, params: { kind?: string } = {}) {
    super(415, 'UNSUPPORTED_FILE_TYPE', `${reason}; send ${WHAT_IS_ACCEPTED}`);
    this.with({ ...params, accepted: msg('file.accepted') }, `UNSUPPORTED_FILE_TYPE.${refusal}` satisfies MessageKey);
  }
}

/** Reads bytes [start, end) of the stored file. */
type ReadRange = (start: number, end: number) => Promise<Buffer>;

/**
 * The kind of a stored file, from its first bytes and, for office documents (ZIP containers), from
 * the ZIP's central directory and its [Content_Types].xml read back from storage: a renamed ZIP,
 * a macro-enabled document or anything else is refused with FileKindError.
 */
export async function recognizeFile(head: Buffer, size: number, readRange: ReadRange): Promise<FileKind> {
  if (size === 0) throw new FileKindError('The file is empty', 'empty');
  const found = await fileTypeFromBuffer(head);
  if (!found) throw new FileKindError('The content of the file is of no known type', 'unknown');
  if (found.ext === 'pdf' || found.ext === 'png' || found.ext === 'jpg' || found.ext === 'webp') return found.ext;
  if (found.mime === 'application/zip' || found.ext === 'docx' || found.ext === 'xlsx' || found.ext === 'pptx')
    return officeKind(size, readRange);
  throw new FileKindError(`The content of the file is ${found.mime}`, 'kind', { kind: found.mime });
}

interface ZipEntry {
  method: number;
  compressedSize: number;
  localOffset: number;
}

async function officeKind(size: number, readRange: ReadRange): Promise<FileKind> {
  const entries = await zipDirectory(size, readRange);
  const contentTypes = entries.get('[Content_Types].xml');
  if (!contentTypes) throw new FileKindError('The file is a ZIP archive, not an office document', 'zip');
  if ([...entries.keys()].some((name) => /vbaProject\.bin$/i.test(name)))
    throw new FileKindError('Documents with macros are not accepted', 'macros');
  const xml = await entryText(contentTypes, size, readRange);
  if (/macroEnabled/i.test(xml)) throw new FileKindError('Documents with macros are not accepted', 'macros');
  for (const [kind, mainType] of Object.entries(OFFICE_MAIN_PARTS) as Array<[FileKind, string]>) {
    for (const override of xml.matchAll(/<Override\b[^>]*>/g)) {
      const partName = /PartName="\/?([^"]+)"/.exec(override[0])?.[1];
      const type = /ContentType="([^"]+)"/.exec(override[0])?.[1];
      if (type === mainType && partName && entries.has(decodeURIComponent(partName))) return kind;
    }
  }
  throw new FileKindError('The file is an OOXML package, but not a Word, Excel or PowerPoint document', 'otherOffice');
}

/** The names of a ZIP's entries, from the central directory at its end. */
async function zipDirectory(size: number, readRange: ReadRange): Promise<Map<string, ZipEntry>> {
  const tailStart = Math.max(0, size - (22 + 0xffff));
  const tail = await readRange(tailStart, size);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new FileKindError('The file starts like a ZIP archive but is not a complete one', 'damaged');
  const count = tail.readUInt16LE(eocd + 10);
  const directorySize = tail.readUInt32LE(eocd + 12);
  const directoryOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff)
    throw new FileKindError('ZIP64 archives are not accepted', 'zip64');
  if (directorySize > MAX_DIRECTORY_BYTES || directoryOffset + directorySize > size)
    throw new FileKindError('The ZIP directory of the file is not valid', 'damaged');
  const directory = await readRange(directoryOffset, directoryOffset + directorySize);
  const entries = new Map<string, ZipEntry>();
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== 0x02014b50)
      throw new FileKindError('The ZIP directory of the file is not valid', 'damaged');
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const name = directory.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    entries.set(name, {
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      localOffset: directory.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

async function entryText(entry: ZipEntry, size: number, readRange: ReadRange): Promise<string> {
  if (entry.compressedSize > MAX_CONTENT_TYPES_BYTES || entry.localOffset + 30 > size)
    throw new FileKindError('The [Content_Types].xml of the file is not valid', 'damaged');
  const header = await readRange(entry.localOffset, entry.localOffset + 30);
  if (header.readUInt32LE(0) !== 0x04034b50)
    throw new FileKindError('The ZIP entries of the file are not valid', 'damaged');
  const start = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const data = await readRange(start, start + entry.compressedSize);
  try {
    if (entry.method === 0) return data.toString('utf8');
    if (entry.method === 8)
      return inflateRawSync(data, { maxOutputLength: MAX_CONTENT_TYPES_BYTES * 8 }).toString('utf8');
  } catch {
    throw new FileKindError('The [Content_Types].xml of the file cannot be read', 'damaged');
  }
  throw new FileKindError('The ZIP entries of the file use an unknown compression', 'damaged');
}

/**
 * Wraps an upload: counts its bytes and refuses past `maxBytes` (413, before the rest is read),
 * hashes it, and keeps its first HEAD_BYTES for recognizing its kind.
 */
export function meter(source: AsyncIterable<Buffer>, maxBytes: number) {
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  async function* chunks() {
    for await (const chunk of source) {
      size += chunk.length;
      if (size > maxBytes)
        throw new AppError(413, 'PAYLOAD_TOO_LARGE', `The file is larger than allowed (${maxBytes} bytes)`).with(
          { maxBytes },
          'PAYLOAD_TOO_LARGE.fileMax',
        );
      hash.update(chunk);
      if (headLength < HEAD_BYTES) {
        const part = chunk.subarray(0, HEAD_BYTES - headLength);
        head.push(Buffer.from(part));
        headLength += part.length;
      }
      yield chunk;
    }
  }
  return {
    chunks: chunks(),
    summary: () => ({ size, sha256: hash.digest('hex'), head: Buffer.concat(head) }),
  };
}
