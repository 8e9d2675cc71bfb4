import { eq, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Principal } from './auth.js';
import { NotFoundError, ValidationError } from './errors.js';
import { msg } from '../i18n/index.js';

/**
 * What part of the data a caller may see. Platform admins see every organization; everyone else
 * sees only their own. Repositories take a scope and apply it with `inTenant`: this is the one
 * place the rule lives, so another tenant's row is simply never found (404, never 403).
 */
export type TenantScope = { kind: 'all' } | { kind: 'org'; orgId: string };

export const ALL_TENANTS: TenantScope = { kind: 'all' };

export function tenantScopeOf(principal: Principal): TenantScope {
  if (principal.role === 'platform_admin') return ALL_TENANTS;
  // A non-platform account without an organization cannot exist (database check); fail closed anyway.
  return { kind: 'org', orgId: principal.orgId ?? '00000000-0000-0000-0000-000000000000' };
}

/**
 * The scope for a person reading what is their own (a lesson of a course they take, a session of
 * their cohort, their result or certificate): a participant's own things may be at any organizer,
 * so they are found across organizations and the caller must check they are the participant's.
 * Staff keep their organization's scope.
 */
export function ownDataScope(actor: { role: string; scope: TenantScope }): TenantScope {
  return actor.role === 'participant' ? ALL_TENANTS : actor.scope;
}

/** The WHERE condition that keeps a query inside the scope (undefined: no restriction). */
export function inTenant(orgColumn: PgColumn, scope: TenantScope): SQL | undefined {
  return scope.kind === 'all' ? undefined : eq(orgColumn, scope.orgId);
}

/**
 * The organization a new org-owned resource belongs to: the caller's own, or for platform admins
 * the one they name. Naming another organization from inside one is treated as not found.
 */
export function owningOrg(scope: TenantScope, requested: string | undefined): string {
  if (scope.kind === 'org') {
    if (requested !== undefined && requested !== scope.orgId) throw new NotFoundError('Organization');
    return scope.orgId;
  }
  if (!requested) {
    throw new ValidationError('orgId is required for platform administrators', [
      { path: 'body.orgId', message: msg('field.required') },
    ]).with(undefined, 'VALIDATION_FAILED.orgId');
  }
  return requested;
}
