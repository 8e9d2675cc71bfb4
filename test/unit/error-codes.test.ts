import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { ERROR_CODES } from '../../src/http/error-codes.js';

const src = path.resolve(import.meta.dirname, '../../src');

/** The codes given to error constructors (`new XError(…, 'CODE')`) and the framework error table. */
async function codesInSource(): Promise<Set<string>> {
  const files = (await readdir(src, { recursive: true })).filter((f) => f.endsWith('.ts'));
  const codes = new Set<string>();
  for (const file of files) {
    const text = await readFile(path.join(src, file), 'utf8');
    for (const call of text.matchAll(/new [A-Z]\w*Error\(/g)) {
      let depth = 1;
      let end = call.index + call[0].length;
      while (end < text.length && depth > 0) {
        if (text[end] === '(') depth++;
        else if (text[end] === ')') depth--;
        end++;
      }
      const args = text.slice(call.index + call[0].length, end);
      for (const m of args.matchAll(/'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g)) codes.add(m[1]!);
    }
    if (file.endsWith(path.join('http', 'errors.ts')))
      for (const m of text.matchAll(/code(?: =|:) '([A-Z][A-Z0-9_]+)'/g)) codes.add(m[1]!);
  }
  return codes;
}

test('every error code the code can answer is in the documented list, and the list holds no other', async () => {
  const used = await codesInSource();
  const listed = new Set<string>(ERROR_CODES);
  expect(
    [...used].filter((c) => !listed.has(c)),
    'codes missing from src/http/error-codes.ts',
  ).toEqual([]);
  expect(
    [...listed].filter((c) => !used.has(c) && c !== 'INTERNAL' && c !== 'BAD_REQUEST'),
    'codes no longer used',
  ).toEqual([]);
});
