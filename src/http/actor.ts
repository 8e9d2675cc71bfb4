import type { FastifyRequest } from 'fastify';
import type { UserRole } from '../db/schema.js';
import { ALL_TENANTS, type TenantScope } from './tenancy.js';

/** Who is acting, what they may see, and from which request: services audit every change with it. */
export interface Actor {
  /** null for the system itself (CLI, scheduled jobs). */
  userId: string | null;
  role: UserRole | 'system';
  scope: TenantScope;
  requestId: string | null;
}

export function actorOf(request: FastifyRequest): Actor {
  return { userId: request.user.userId, role: request.user.role, scope: request.tenant, requestId: request.id };
}

export const systemActor: Actor = Object.freeze({ userId: null, role: 'system', scope: ALL_TENANTS, requestId: null });
