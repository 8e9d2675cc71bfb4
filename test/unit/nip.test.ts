import { describe, expect, test } from 'vitest';
import { checkNip, nipBirthDate } from '../../src/modules/identity/nip.js';

describe('NIP', () => {
  test('a well-formed NIP passes and yields its birth date', () => {
    expect(checkNip('198507142010011003')).toEqual({ ok: true });
    expect(nipBirthDate('198507142010011003')).toBe('1985-07-14');
    expect(checkNip('198507142010011003', '1985-07-14')).toEqual({ ok: true });
  });

  test.each([
    ['19850714201001100', 'exactly 18 digits'],
    ['19850714201001100A', 'exactly 18 digits'],
    ['198502302010011003', 'real birth date'],
    ['198513012010011003', 'real birth date'],
    ['188501012010011003', 'real birth date'],
    ['198507142010131003', 'appointment month'],
    ['198507142010013003', 'Digit 15'],
  ])('%s is rejected (%s)', (nip, reason) => {
    const result = checkNip(nip);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });

  test('the NIP must agree with a given birth date', () => {
    const result = checkNip('198507142010011003', '1985-07-15');
    expect(result).toEqual({ ok: false, reason: 'The NIP encodes birth date 1985-07-14, not 1985-07-15' });
  });
});
