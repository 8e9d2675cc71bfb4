import type { Clock } from '../../clock.js';
import type { DbExecutor } from '../../db/index.js';
import { auditLog, type Cohort } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';

export interface AuditEntry {
  orgId: string | null;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  data?: Record<string, unknown>;
  requestId?: string | null;
  at: Date;
}

/** Appends to the audit log, inside the caller's transaction so the entry commits with the change. */
export async function recordAudit(db: DbExecutor, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    orgId: entry.orgId,
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    data: entry.data ?? {},
    requestId: entry.requestId ?? null,
    at: entry.at,
  });
}

/** An audit writer for changes to a cohort and what hangs off it, by the acting user, at the clock's now. */
export function cohortAuditor(clock: Clock) {
  return (
    tx: DbExecutor,
    actor: Actor,
    cohort: Pick<Cohort, 'id' | 'orgId'>,
    action: string,
    data: Record<string, unknown> = {},
  ) =>
    recordAudit(tx, {
      orgId: cohort.orgId,
      actorId: actor.userId,
      action,
      entityType: 'cohort',
      entityId: cohort.id,
      data,
      requestId: actor.requestId,
      at: clock.now(),
    });
}
