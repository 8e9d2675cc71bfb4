import { describe, expect, test } from 'vitest';
import { completesByTime } from '../../src/modules/progress/credit.js';

describe('what completes a lesson', () => {
  test('time completes videos, readings and assignments without submissions; never quizzes or hand-ins', () => {
    expect(completesByTime({ kind: 'video' })).toBe(true);
    expect(completesByTime({ kind: 'reading', takesSubmissions: false })).toBe(true);
    expect(completesByTime({ kind: 'assignment', takesSubmissions: false })).toBe(true);
    expect(completesByTime({ kind: 'assignment', takesSubmissions: true })).toBe(false);
    expect(completesByTime({ kind: 'quiz' })).toBe(false);
  });
});
