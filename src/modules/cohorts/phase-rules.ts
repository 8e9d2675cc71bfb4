import type { FieldError } from '../../http/errors.js';
import { isRealDate } from './calendar.js';

export type PhaseKind = 'online' | 'classroom' | 'field';
export type PhaseState = 'pending' | 'open' | 'closed';

export interface PhaseInput {
  id?: string | undefined;
  kind: PhaseKind;
  name: string;
  startDate: string;
  endDate: string;
  requiredJp: number;
  venue?: string | null | undefined;
  remedialDays: number;
}

export interface ExistingPhase {
  id: string;
  kind: PhaseKind;
  name: string;
  startDate: string;
  endDate: string;
  requiredJp: number;
  venue: string | null;
  remedialDays: number;
  state: PhaseState;
}

/**
 * Every reason the new list of phases cannot replace the current one, all at once. Phases run in
 * the order given, without overlap. A closed phase is history and stays exactly as it is; an open
 * phase keeps its kind and start, but its end may move (an extension for the whole cohort).
 */
export function phaseProblems(input: PhaseInput[], existing: ExistingPhase[], at = 'body.phases'): FieldError[] {
  const problems: FieldError[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const byId = new Map(existing.map((p) => [p.id, p]));
  const seen = new Map<string, number>();

  input.forEach((phase, i) => {
    const p = `${at}[${i}]`;
    const startOk = isRealDate(phase.startDate);
    const endOk = isRealDate(phase.endDate);
    if (!startOk) add(`${p}.startDate`, `${phase.startDate} is not a real date (YYYY-MM-DD)`);
    if (!endOk) add(`${p}.endDate`, `${phase.endDate} is not a real date (YYYY-MM-DD)`);
    if (startOk && endOk && phase.startDate > phase.endDate) {
      add(`${p}.endDate`, `The phase ends (${phase.endDate}) before it starts (${phase.startDate})`);
    }
    if (!(phase.requiredJp >= 0)) add(`${p}.requiredJp`, 'Required JP cannot be negative');
    if (!(phase.remedialDays >= 0)) add(`${p}.remedialDays`, 'Remedial days cannot be negative');
    if (phase.remedialDays > 0 && phase.kind !== 'online')
      add(`${p}.remedialDays`, 'Only an online phase has a remedial window');

    // Measured against the later of the previous phase's dates, so a reversed phase still orders.
    const previous = input[i - 1];
    const previousLast = [previous?.startDate, previous?.endDate]
      .filter((d): d is string => !!d && isRealDate(d))
      .sort()
      .at(-1);
    if (previousLast && startOk && phase.startDate <= previousLast) {
      add(
        `${p}.startDate`,
        `Starts ${phase.startDate}, before the previous phase ends (${previousLast}): phases run in order without overlap`,
      );
    }

    if (phase.id === undefined) return;
    const current = byId.get(phase.id);
    if (!current) {
      add(`${p}.id`, 'No phase of this cohort has this id');
      return;
    }
    if (seen.has(phase.id)) add(`${p}.id`, `The same phase is also ${at}[${seen.get(phase.id)}]`);
    seen.set(phase.id, i);
    if (current.state === 'closed') {
      const same =
        current.kind === phase.kind &&
        current.name === phase.name &&
        current.startDate === phase.startDate &&
        current.endDate === phase.endDate &&
        current.requiredJp === phase.requiredJp &&
        (current.venue ?? null) === (phase.venue ?? null) &&
        current.remedialDays === phase.remedialDays;
      if (!same) add(p, 'The phase is closed and cannot change');
    } else if (current.state === 'open') {
      if (current.kind !== phase.kind) add(`${p}.kind`, 'The phase is open: its kind cannot change');
      if (current.startDate !== phase.startDate)
        add(`${p}.startDate`, 'The phase is open: its start cannot move (its end can)');
    }
  });

  for (const current of existing) {
    if (current.state !== 'pending' && !input.some((phase) => phase.id === current.id)) {
      add(at, `The ${current.state} phase "${current.name}" (${current.id}) cannot be removed`);
    }
  }
  return problems;
}
