export type Pace = 'on_track' | 'behind' | 'inactive' | 'not_started' | 'finished' | 'withdrawn';

// Below this share of the JP the elapsed time calls for, a participant is behind.
const BEHIND_SHARE = 0.8;

/**
 * Where a participant stands in the online phase: the JP they should have by now is the required
 * JP times the share of the phase that has passed. No activity for `inactiveDays` (or none at all
 * once a tenth of the phase has passed) is inactive, whatever the JP.
 */
export function paceOf(args: {
  earnedJp: number;
  requiredJp: number;
  phases: Array<{ opensAt: Date; closesAt: Date }>;
  lastActivityAt: Date | null;
  now: Date;
  inactiveDays: number;
  withdrawn: boolean;
}): Pace {
  const { earnedJp, requiredJp, phases, lastActivityAt, now } = args;
  if (args.withdrawn) return 'withdrawn';
  if (requiredJp > 0 && earnedJp >= requiredJp) return 'finished';
  const opens = phases.reduce<number | null>(
    (a, p) => (a === null || p.opensAt.getTime() < a ? p.opensAt.getTime() : a),
    null,
  );
  const closes = phases.reduce<number | null>(
    (a, p) => (a === null || p.closesAt.getTime() > a ? p.closesAt.getTime() : a),
    null,
  );
  if (opens === null || closes === null || now.getTime() < opens) return 'not_started';
  const elapsed = Math.min(1, (now.getTime() - opens) / (closes - opens));
  const idleSince = lastActivityAt ? now.getTime() - lastActivityAt.getTime() : Infinity;
  if (idleSince > args.inactiveDays * 86_400_000 && (lastActivityAt || elapsed > 0.1)) return 'inactive';
  // Once the phase is over there is no more time to catch up: anything short of the requirement is behind.
  const due = elapsed >= 1 ? requiredJp : BEHIND_SHARE * requiredJp * elapsed;
  return earnedJp >= due ? 'on_track' : 'behind';
}
