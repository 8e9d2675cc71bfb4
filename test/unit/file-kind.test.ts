import { describe, expect, test } from 'vitest';
import { FileKindError, HEAD_BYTES, recognizeFile } from '../../src/modules/submissions/file-kind.js';
import { docmFile, docxFile, exeFile, pdfFile, pngFile, pptxFile, xlsxFile, zipFile } from '../support/upload-files.js';

const recognize = (bytes: Buffer) =>
  recognizeFile(bytes.subarray(0, HEAD_BYTES), bytes.length, async (start, end) => bytes.subarray(start, end));

async function refusal(bytes: Buffer): Promise<FileKindError> {
  const error = await recognize(bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FileKindError);
  return error as FileKindError;
}

describe('a file is what its content says', () => {
  test('PDF, PNG, JPEG, DOCX, XLSX and PPTX are recognized', async () => {
    expect(await recognize(await pdfFile())).toBe('pdf');
    expect(await recognize(pngFile())).toBe('png');
    expect(await recognize(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200)]))).toBe('jpg');
    expect(await recognize(docxFile())).toBe('docx');
    expect(await recognize(await xlsxFile())).toBe('xlsx');
    expect(await recognize(pptxFile())).toBe('pptx');
  });

  test('a program, a text, an empty file, a bare ZIP and a document with macros are refused, each with why', async () => {
    const exe = await refusal(exeFile());
    expect(exe).toMatchObject({ status: 415, code: 'UNSUPPORTED_FILE_TYPE' });
    expect(exe.message).toContain('application/x-msdownload');
    expect((await refusal(Buffer.from('Ini bukan PDF, hanya teks biasa.\n'))).message).toContain('no known type');
    expect((await refusal(Buffer.alloc(0))).message).toContain('empty');
    expect((await refusal(zipFile({ 'foto.txt': 'halo' }))).message).toContain('ZIP archive, not an office document');
    expect((await refusal(docmFile())).message).toMatch(/macro/i);
  });

  test('macros are found in the ZIP directory even where the first bytes look like a plain document', async () => {
    const declared =
      '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
    const hidden = zipFile({
      'word/vbaProject.bin': Buffer.from([0xd0, 0xcf, 0x11, 0xe0]),
      '[Content_Types].xml': declared,
      'word/document.xml': '<w:document/>',
    });
    expect((await refusal(hidden)).message).toContain('Documents with macros are not accepted');
    expect(await recognize(zipFile({ '[Content_Types].xml': declared, 'word/document.xml': '<w:document/>' }))).toBe(
      'docx',
    );
  });

  test('a ZIP that only pretends to be a Word document is refused', async () => {
    // Content types naming a main part the archive does not have.
    const hollow = zipFile({
      '[Content_Types].xml':
        '<Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    });
    expect((await refusal(hollow)).message).toContain('not a Word, Excel or PowerPoint document');
    const cut = docxFile().subarray(0, 200);
    expect((await refusal(cut)).message).toContain('not a complete one');
  });
});
