import { describe, expect, test } from 'vitest';
import { phaseProblems, type ExistingPhase, type PhaseInput } from '../../src/modules/cohorts/phase-rules.js';

const online: PhaseInput = {
  kind: 'online',
  name: 'MOOC',
  startDate: '2024-10-23',
  endDate: '2024-11-08',
  requiredJp: 45,
  remedialDays: 15,
};
const classroom: PhaseInput = {
  kind: 'classroom',
  name: 'Klasikal',
  startDate: '2024-11-11',
  endDate: '2024-12-18',
  requiredJp: 24,
  remedialDays: 0,
  venue: 'Aula Griya Mayang',
};

const existing = (state: ExistingPhase['state'], phase: PhaseInput, id: string): ExistingPhase => ({
  id,
  kind: phase.kind,
  name: phase.name,
  startDate: phase.startDate,
  endDate: phase.endDate,
  requiredJp: phase.requiredJp,
  venue: phase.venue ?? null,
  remedialDays: phase.remedialDays,
  state,
});

const paths = (input: PhaseInput[], current: ExistingPhase[] = []) => phaseProblems(input, current).map((p) => p.path);

describe('phase validation', () => {
  test('the Kota Jambi 2024 schedule is valid', () => {
    expect(phaseProblems([online, classroom], [])).toEqual([]);
  });

  test('every problem of a bad schedule is reported at once', () => {
    const problems = phaseProblems(
      [
        { ...online, startDate: '2024-02-30', requiredJp: -1 },
        { ...classroom, startDate: '2024-11-20', endDate: '2024-11-19', remedialDays: 3 },
        { ...classroom, name: 'Overlapping', startDate: '2024-11-15', endDate: '2024-11-30' },
      ],
      [],
    );
    expect(problems).toEqual([
      { path: 'body.phases[0].startDate', message: '2024-02-30 is not a real date (YYYY-MM-DD)' },
      { path: 'body.phases[0].requiredJp', message: 'Required JP cannot be negative' },
      { path: 'body.phases[1].endDate', message: 'The phase ends (2024-11-19) before it starts (2024-11-20)' },
      { path: 'body.phases[1].remedialDays', message: 'Only an online phase has a remedial window' },
      {
        path: 'body.phases[2].startDate',
        message: 'Starts 2024-11-15, before the previous phase ends (2024-11-20): phases run in order without overlap',
      },
    ]);
  });

  test('phases out of order are refused', () => {
    expect(paths([classroom, online])).toEqual(['body.phases[1].startDate']);
  });

  test('a closed phase cannot change or disappear', () => {
    const closed = existing('closed', online, 'p1');
    expect(paths([{ ...online, id: 'p1' }, classroom], [closed])).toEqual([]);
    expect(paths([{ ...online, id: 'p1', endDate: '2024-11-10' }, classroom], [closed])).toEqual(['body.phases[0]']);
    expect(paths([classroom], [closed])).toEqual(['body.phases']);
  });

  test('an open phase may move its end, not its start or kind, and cannot disappear', () => {
    const open = existing('open', online, 'p1');
    expect(paths([{ ...online, id: 'p1', endDate: '2024-11-09' }, classroom], [open])).toEqual([]);
    expect(paths([{ ...online, id: 'p1', startDate: '2024-10-24' }, classroom], [open])).toEqual([
      'body.phases[0].startDate',
    ]);
    expect(paths([{ ...online, id: 'p1', kind: 'field', remedialDays: 0 }, classroom], [open])).toEqual([
      'body.phases[0].kind',
    ]);
    expect(paths([classroom], [open])).toEqual(['body.phases']);
  });

  test('unknown and repeated ids are refused; pending phases may be dropped', () => {
    const pending = existing('pending', online, 'p1');
    expect(paths([{ ...online, id: 'nope' }])).toEqual(['body.phases[0].id']);
    expect(
      paths(
        [
          { ...online, id: 'p1' },
          { ...classroom, id: 'p1' },
        ],
        [pending],
      ),
    ).toEqual(['body.phases[1].id']);
    expect(paths([classroom], [pending])).toEqual([]);
  });
});
