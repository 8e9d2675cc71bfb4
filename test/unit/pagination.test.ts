import { describe, expect, test } from 'vitest';
import { decodeCursor, encodeCursor, page } from '../../src/http/pagination.js';

describe('cursor pagination', () => {
  const row = (i: number) => ({
    createdAt: new Date(Date.UTC(2024, 0, 1, 0, 0, i)),
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  });

  test('a cursor round-trips position to the millisecond', () => {
    const p = { createdAt: new Date('2024-10-23T01:02:03.456Z'), id: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f' };
    expect(decodeCursor(encodeCursor(p))).toEqual(p);
  });

  test('a page trims the look-ahead row and points past its last item', () => {
    const rows = [row(1), row(2), row(3)];
    const result = page(rows, 2);
    expect(result.items).toEqual([row(1), row(2)]);
    expect(decodeCursor(result.nextCursor!)).toEqual(row(2));
    expect(page(rows, 3).nextCursor).toBeNull();
  });

  test('a forged cursor is a validation error', () => {
    expect(() => decodeCursor('bm90LWEtY3Vyc29y')).toThrowError(
      expect.objectContaining({ code: 'INVALID_CURSOR', status: 400 }),
    );
  });
});
