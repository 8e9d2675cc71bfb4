export type Pace = 'on_track' | 'behind' | 'inactive' | 'not_started' | 'finished' | 'withdrawn';

// Below this share of the JP the elapsed time calls for, a participant is behind.
const BEHIND_SHARE = 0.8;

/**
 * Where a participant stands in the online phases: the JP they should have by now is, for each
 * phase, its required JP times the share of it that has passed (all of it once it is over), so a
 * program with several online phases (Latsar) is judged phase by phase, not across the gaps between
 * them. No activity for `inactiveDays` (or none at all once a tenth of the time has passed) is
 * inactive, whatever the JP.
 */
export function paceOf(args: {
  earnedJp: number;
  requiredJp: number;
  /** Without `requiredJp`, a phase's share of `requiredJp` follows its length. */
  phases: Array<{ opensAt: Date; closesAt: Date; requiredJp?: number }>;
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
  // Once a phase is over there is no more time to catch up: anything short of its JP is behind.
  const total = phases.reduce((a, p) => a + (p.closesAt.getTime() - p.opensAt.getTime()), 0);
  let due = 0;
  for (const p of phases) {
    const length = p.closesAt.getTime() - p.opensAt.getTime();
    const jp = p.requiredJp ?? (requiredJp * length) / total;
    const share = Math.max(0, Math.min(1, (now.getTime() - p.opensAt.getTime()) / length));
    due += share >= 1 ? jp : BEHIND_SHARE * jp * share;
  }
  return earnedJp + 1e-9 >= due ? 'on_track' : 'behind';
}
