import type { DbExecutor } from '../../db/index.js';
import { auditLog } from '../../db/schema.js';

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
