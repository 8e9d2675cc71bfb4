import { createHmac, randomBytes } from 'node:crypto';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/index.js';
import type { Enqueue } from '../../deps.js';
import { outbox, webhookDeliveries, webhookEndpoints } from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { AppError, NotFoundError } from '../../http/errors.js';
import { inTenant, owningOrg } from '../../http/tenancy.js';
import { postToReceiver } from './post.js';
import { checkTarget, parseNetworks, type ResolveHost } from './target.js';

export interface WebhooksServiceDeps {
  db: Db;
  clock: Clock;
  enqueue: Enqueue;
  settings: { maxAttempts: number; retryBaseMs: number; timeoutMs: number; allowedNetworks: string[] };
  resolveHost: ResolveHost;
}

// Events handed to endpoints per dispatch round.
const DISPATCH_BATCH = 500;

/** `sha256=` HMAC of `timestamp.body` with the endpoint's secret: receivers recompute it to trust a delivery. */
export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

function endpointView(e: typeof webhookEndpoints.$inferSelect) {
  return { id: e.id, orgId: e.orgId, url: e.url, eventTypes: e.eventTypes, active: e.active, createdAt: e.createdAt };
}

/**
 * Outgoing events. Changes write outbox rows in their own transaction; a dispatcher hands each
 * event to every active endpoint of its organization that wants it (one delivery row each, never
 * two), and a delivery job posts it, signed, retrying with exponential backoff.
 */
export function createWebhooksService({ db, clock, enqueue, settings, resolveHost }: WebhooksServiceDeps) {
  const allowed = parseNetworks(settings.allowedNetworks);
  const enqueueDelivery = (id: string, attemptsMade: number) =>
    enqueue(
      'webhooks',
      'deliver',
      { deliveryId: id },
      {
        jobId: `delivery-${id}`,
        attempts: Math.max(1, settings.maxAttempts - attemptsMade),
        backoff: { type: 'exponential', delay: settings.retryBaseMs },
      },
    );

  return {
    async create(actor: Actor, input: { orgId?: string | undefined; url: string; eventTypes: string[] }) {
      const orgId = owningOrg(actor.scope, input.orgId);
      // Checked again at every delivery: what a name resolves to can change after registration.
      const target = await checkTarget(input.url, allowed, resolveHost);
      if (!target.ok) {
        throw new AppError(
          422,
          'WEBHOOK_TARGET_NOT_ALLOWED',
          target.reason === 'unresolvable'
            ? 'The endpoint\u2019s host name does not resolve'
            : 'The endpoint must be a public address; private, loopback, link-local and similar networks are refused unless allowed by the operator',
        ).with(undefined, target.reason === 'unresolvable' ? 'WEBHOOK_TARGET_NOT_ALLOWED.unresolvable' : undefined);
      }
      const secret = randomBytes(32).toString('base64url');
      const [row] = await db
        .insert(webhookEndpoints)
        .values({ orgId, url: input.url, eventTypes: input.eventTypes, secret, createdAt: clock.now() })
        .returning();
      return { ...endpointView(row!), secret };
    },

    async list(actor: Actor) {
      const rows = await db
        .select()
        .from(webhookEndpoints)
        .where(inTenant(webhookEndpoints.orgId, actor.scope))
        .orderBy(asc(webhookEndpoints.createdAt));
      return rows.map(endpointView);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      const deleted = await db
        .delete(webhookEndpoints)
        .where(and(eq(webhookEndpoints.id, id), inTenant(webhookEndpoints.orgId, actor.scope)))
        .returning({ id: webhookEndpoints.id });
      if (deleted.length === 0) throw new NotFoundError('Webhook endpoint');
    },

    async deliveries(actor: Actor, endpointId: string) {
      const [endpoint] = await db
        .select()
        .from(webhookEndpoints)
        .where(and(eq(webhookEndpoints.id, endpointId), inTenant(webhookEndpoints.orgId, actor.scope)));
      if (!endpoint) throw new NotFoundError('Webhook endpoint');
      const rows = await db
        .select({ d: webhookDeliveries, type: outbox.type })
        .from(webhookDeliveries)
        .innerJoin(outbox, eq(outbox.id, webhookDeliveries.outboxId))
        .where(eq(webhookDeliveries.endpointId, endpointId))
        .orderBy(desc(webhookDeliveries.createdAt))
        .limit(200);
      return rows.map(({ d, type }) => ({
        id: d.id,
        eventId: d.outboxId,
        eventType: type,
        status: d.status,
        attempts: d.attempts,
        lastStatusCode: d.lastStatusCode,
        lastError: d.lastError,
        deliveredAt: d.deliveredAt,
        createdAt: d.createdAt,
      }));
    },

    /** Hands new outbox events to the endpoints that want them. Safe to run twice at once. */
    async dispatch(): Promise<number> {
      const now = clock.now();
      const created = await db.transaction(async (tx) => {
        const events = await tx
          .select()
          .from(outbox)
          .where(isNull(outbox.deliveredAt))
          .orderBy(asc(outbox.id))
          .limit(DISPATCH_BATCH)
          .for('update', { skipLocked: true });
        if (events.length === 0) return [];
        const ids = events.map((e) => e.id);
        const rows = await tx.execute<{ id: string }>(sql`
          insert into webhook_deliveries (endpoint_id, outbox_id, created_at, updated_at)
          select w.id, o.id, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
            from outbox o join webhook_endpoints w on w.org_id = o.org_id and w.active
           where o.id = any(${sql.param(ids)}::bigint[])
             and (jsonb_array_length(w.event_types) = 0 or w.event_types ? o.type)
          on conflict do nothing
          returning id`);
        await tx
          .update(outbox)
          .set({ deliveredAt: now })
          .where(sql`${outbox.id} = any(${sql.param(ids)}::bigint[])`);
        return rows.rows.map((r) => r.id);
      });
      for (const id of created) await enqueueDelivery(id, 0);
      return created.length;
    },

    /**
     * Puts every pending delivery on the queue again, with the attempts it has left: after the queue
     * store lost its jobs, a delivery waiting for its retry would otherwise stay pending for ever.
     * A delivery whose job the queue still has keeps it (same job id).
     */
    async replanPending(): Promise<number> {
      const pending = await db
        .select({ id: webhookDeliveries.id, attempts: webhookDeliveries.attempts })
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.status, 'pending'));
      for (const d of pending) await enqueueDelivery(d.id, d.attempts);
      return pending.length;
    },

    /** Posts one delivery. Throws on failure, so the queue retries it with backoff. */
    async deliver(deliveryId: string): Promise<void> {
      const [row] = await db
        .select({ d: webhookDeliveries, e: webhookEndpoints, o: outbox })
        .from(webhookDeliveries)
        .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
        .innerJoin(outbox, eq(outbox.id, webhookDeliveries.outboxId))
        .where(eq(webhookDeliveries.id, deliveryId));
      if (!row || row.d.status === 'delivered') return;
      const body = JSON.stringify({ id: row.o.id, type: row.o.type, createdAt: row.o.createdAt, data: row.o.payload });
      const timestamp = String(Math.floor(clock.now().getTime() / 1000));
      const outcome = await postToReceiver(
        row.e.url,
        {
          'content-type': 'application/json',
          'x-webhook-id': deliveryId,
          'x-webhook-event': row.o.type,
          'x-webhook-timestamp': timestamp,
          'x-webhook-signature': signature(row.e.secret, timestamp, body),
        },
        body,
        { allowed, resolve: resolveHost, timeoutMs: settings.timeoutMs },
      );
      const status = outcome.status;
      const error = outcome.ok ? null : outcome.error;
      const now = clock.now();
      // Counted in PostgreSQL, not by the queue job: a delivery planned again keeps its count.
      const final = !!error && row.d.attempts + 1 >= settings.maxAttempts;
      await db
        .update(webhookDeliveries)
        .set({
          attempts: sql`${webhookDeliveries.attempts} + 1`,
          lastStatusCode: status,
          lastError: error,
          status: error ? (final ? 'failed' : 'pending') : 'delivered',
          deliveredAt: error ? null : now,
          updatedAt: now,
        })
        .where(eq(webhookDeliveries.id, deliveryId));
      if (error) throw new Error(`delivery ${deliveryId} failed: ${error}`);
    },
  };
}

export type WebhooksService = ReturnType<typeof createWebhooksService>;
