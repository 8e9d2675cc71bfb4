import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

/**
 * Text on the certificate: the Noto Sans fonts shipped as npm packages (Latin with diacritics,
 * common symbols; Noto Sans Arabic for Arabic script), cleaned of bidi controls and of characters
 * no font can draw, and fitted into fixed boxes by shrinking, so that no value ever moves the
 * layout or spills onto another page.
 */
const require = createRequire(import.meta.url);
const fontFile = (pkg: string, file: string) => readFileSync(require.resolve(`${pkg}/${file}`));

export const FONTS = {
  sans: fontFile('@expo-google-fonts/noto-sans', '400Regular/NotoSans_400Regular.ttf'),
  sansBold: fontFile('@expo-google-fonts/noto-sans', '700Bold/NotoSans_700Bold.ttf'),
  arabic: fontFile('@expo-google-fonts/noto-sans-arabic', '400Regular/NotoSansArabic_400Regular.ttf'),
  arabicBold: fontFile('@expo-google-fonts/noto-sans-arabic', '700Bold/NotoSansArabic_700Bold.ttf'),
} as const;

// Parsed once per process and handed to every document: parsing the OpenType tables again for
// each certificate took most of its rendering time.
const faces = {
  Sans: fontkit.create(FONTS.sans),
  'Sans-Bold': fontkit.create(FONTS.sansBold),
  Arabic: fontkit.create(FONTS.arabic),
  'Arabic-Bold': fontkit.create(FONTS.arabicBold),
} as unknown as Record<string, { hasGlyphForCodePoint(cp: number): boolean }>;
const latinFace = faces.Sans!;
const arabicFace = faces.Arabic!;

// pdfkit shapes each word once per document and keeps the result per font; the fonts being the
// same objects across documents, so can the shaped words (glyph ids and advances, never the
// document's subset), and a cohort's certificates shape their common words once.
const shaped = new Map<string, Record<string, unknown>>();
let documents = 0;

export function registerFonts(doc: PDFKit.PDFDocument) {
  // Started afresh now and then, so that names and places of past cohorts do not pile up.
  if (++documents % 2000 === 0) shaped.clear();
  for (const [name, face] of Object.entries(faces)) {
    // pdfkit accepts a parsed fontkit font where its types name only paths and buffers.
    doc.registerFont(name, face as unknown as Buffer);
    let cache = shaped.get(name);
    if (!cache) shaped.set(name, (cache = Object.create(null) as Record<string, unknown>));
    (doc.font(name) as unknown as { _font: { layoutCache?: Record<string, unknown> } })._font.layoutCache = cache;
  }
}

// LRM, RLM, ALM, the embeddings and overrides, the isolates: they could reorder what a reader sees.
const BIDI_CONTROLS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;
const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]/;

/** NFC, no bidi controls, no control characters, and only what one of the fonts can draw. */
export function cleanText(value: string): string {
  const normalized = value
    .normalize('NFC')
    .replace(BIDI_CONTROLS, '')
    .replace(/[\p{Cc}]+/gu, ' ');
  let out = '';
  for (const ch of normalized) {
    const cp = ch.codePointAt(0)!;
    if (ch === ' ' || latinFace.hasGlyphForCodePoint(cp) || arabicFace.hasGlyphForCodePoint(cp)) out += ch;
  }
  return out.replace(/\s+/g, ' ').trim();
}

const isArabicChar = (ch: string) => ARABIC.test(ch);

interface Run {
  text: string;
  arabic: boolean;
}

/**
 * Splits a line into runs of Arabic script and of everything else, in the order they are seen:
 * a line that starts with Arabic reads right to left, so its runs are laid out from the right.
 * Within an Arabic run the font's shaping reorders the glyphs.
 */
function visualRuns(line: string): Run[] {
  const runs: Run[] = [];
  for (const ch of line) {
    const arabic = isArabicChar(ch);
    const neutral = !arabic && !LATIN_LETTER.test(ch) && !/[0-9]/.test(ch);
    const last = runs.at(-1);
    if (last && (last.arabic === arabic || neutral)) last.text += ch;
    else runs.push({ text: ch, arabic });
  }
  // Spaces at a run's edge belong between runs, not inside a right-to-left run.
  const trimmed: Run[] = [];
  for (const run of runs) {
    const core = run.text.trim();
    if (!core) continue;
    if (trimmed.length > 0) trimmed.push({ text: ' ', arabic: false });
    trimmed.push({ text: core, arabic: run.arabic });
  }
  const firstStrong = [...line].find((ch) => isArabicChar(ch) || LATIN_LETTER.test(ch));
  return firstStrong && isArabicChar(firstStrong) ? trimmed.reverse() : trimmed;
}

export interface Style {
  bold?: boolean;
  color?: string;
}

const fontOf = (run: Run, style: Style) =>
  run.arabic ? (style.bold ? 'Arabic-Bold' : 'Arabic') : style.bold ? 'Sans-Bold' : 'Sans';

// Widths at 1 pt, by font and word, kept across documents: shaping the same words again for every
// size tried and every certificate was most of the rendering time. Kerning across a space is
// negligible, so a line's width is the sum of its words and spaces.
const widths = new Map<string, number>();
function unitWidth(doc: PDFKit.PDFDocument, font: string, word: string): number {
  const key = `${font}\u0000${word}`;
  let width = widths.get(key);
  if (width === undefined) {
    if (widths.size > 100_000) widths.clear();
    width = doc.font(font).fontSize(1000).widthOfString(word) / 1000;
    widths.set(key, width);
  }
  return width;
}

export function lineWidth(doc: PDFKit.PDFDocument, line: string, size: number, style: Style = {}): number {
  let width = 0;
  for (const run of visualRuns(line)) {
    const font = fontOf(run, style);
    const words = run.text.split(' ');
    width += (words.length - 1) * unitWidth(doc, font, ' ');
    for (const word of words) if (word) width += unitWidth(doc, font, word);
  }
  return width * size;
}

function drawLine(
  doc: PDFKit.PDFDocument,
  line: string,
  x: number,
  y: number,
  width: number,
  size: number,
  style: Style,
  align: 'left' | 'center' | 'right',
) {
  const total = lineWidth(doc, line, size, style);
  let cursor = align === 'left' ? x : align === 'center' ? x + (width - total) / 2 : x + width - total;
  doc.fillColor(style.color ?? 'black');
  for (const run of visualRuns(line)) {
    const font = fontOf(run, style);
    // Arabic words are shaped one at a time and set from the right: a whole right-to-left run
    // handed to the PDF library loses spaces between its words.
    const pieces = run.arabic ? run.text.split(' ').reverse() : [run.text];
    const space = unitWidth(doc, font, ' ') * size;
    pieces.forEach((piece, i) => {
      if (i > 0) cursor += space;
      doc.font(font).fontSize(size).text(piece, cursor, y, { lineBreak: false });
      cursor += lineWidth(doc, piece, size, style);
    });
  }
}

/** Greedy word wrap at one size; a word wider than the line is cut where it must be. */
function wrap(doc: PDFKit.PDFDocument, text: string, width: number, size: number, style: Style): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const candidate = current ? `${current} ${word}` : word;
    if (lineWidth(doc, candidate, size, style) <= width) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    current = word;
    while (lineWidth(doc, current, size, style) > width && current.length > 1) {
      let cut = current.length - 1;
      while (cut > 1 && lineWidth(doc, current.slice(0, cut), size, style) > width) cut--;
      lines.push(current.slice(0, cut));
      current = current.slice(cut);
    }
  }
  if (current) lines.push(current);
  return lines;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FitOptions extends Style {
  size: number;
  minSize?: number;
  maxLines?: number;
  align?: 'left' | 'center' | 'right';
  lineGap?: number;
}

/**
 * Draws `value` inside the box: at its size when it fits, smaller (down to minSize) when it does
 * not, and cut with an ellipsis when even that is too long. Returns the size used.
 */
export function fitText(doc: PDFKit.PDFDocument, value: string, box: Box, options: FitOptions): number {
  const text = cleanText(value) || '-';
  const { size: largest, minSize = Math.min(6, largest), maxLines = 1, align = 'left', lineGap = 0.15 } = options;
  for (let size = largest; size >= minSize; size -= 0.5) {
    const lineHeight = size * (1.2 + lineGap);
    const lines = wrap(doc, text, box.width, size, options);
    if (lines.length <= maxLines && lines.length * lineHeight <= box.height + size * lineGap) {
      const top = box.y + (box.height - lines.length * lineHeight) / 2;
      lines.forEach((line, i) => drawLine(doc, line, box.x, top + i * lineHeight, box.width, size, options, align));
      return size;
    }
  }
  const lineHeight = minSize * (1.2 + lineGap);
  const room = Math.max(1, Math.min(maxLines, Math.floor((box.height + minSize * lineGap) / lineHeight)));
  const lines = wrap(doc, text, box.width, minSize, options).slice(0, room);
  let last = lines[room - 1] ?? '';
  while (last.length > 1 && lineWidth(doc, `${last}…`, minSize, options) > box.width) last = last.slice(0, -1);
  lines[room - 1] = `${last}…`;
  const top = box.y + (box.height - lines.length * lineHeight) / 2;
  lines.forEach((line, i) => drawLine(doc, line, box.x, top + i * lineHeight, box.width, minSize, options, align));
  return minSize;
}

const decimal = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const jpFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });

/** 93.8 → "93,80": the Indonesian decimal comma. */
export const nilai = (score: number) => decimal.format(score);
/** 1.5 → "1,5"; 33 → "33". */
export const jpText = (jp: number) => jpFormat.format(jp);
