import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/index.js';
import { passwordResetTokens, users } from '../../db/schema.js';
import { ValidationError } from '../../http/errors.js';
import { ALL_TENANTS } from '../../http/tenancy.js';
import { recordAudit } from '../audit/record.js';
import type { LoginThrottle } from '../login-throttle/service.js';
import { queueMails } from '../mail/outbox.js';
import type { MailLang } from '../mail/templates.js';
import { isOwnIdentifier, OWN_IDENTIFIER } from './password-policy.js';
import { hashPassword } from './passwords.js';
import * as repo from './repo.js';

export interface PasswordResetDeps {
  db: Db;
  clock: Clock;
  throttle: LoginThrottle;
  settings: { ttlMinutes: number; minResponseMs: number };
}

interface RequestContext {
  requestId: string;
  ip: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

// Reset requests are counted like failed logins, under their own key, so they never delay a login.
const throttleKey = (login: string) => `reset:${login}`;

// A second request for one account this soon sends no second mail (the first link still works).
const RESEND_AFTER_MS = 60_000;

/**
 * "Forgot password": a single-use token, stored hashed and expiring, mailed as a link; the link sets
 * a new password and ends every session. Asking reveals nothing: known, unknown and disabled logins
 * get the same answer after the same minimum time.
 */
export function createPasswordReset({ db, clock, throttle, settings }: PasswordResetDeps) {
  const invalid = (detail: string) => new ValidationError(detail, [], 'PASSWORD_RESET_INVALID');

  return {
    async request(login: string, ctx: RequestContext, lang: MailLang = 'id'): Promise<void> {
      const started = performance.now();
      await throttle.check(throttleKey(login), ctx.ip);
      await throttle.failed(throttleKey(login), ctx.ip);
      const user = await repo.findUserByLogin(db, login);
      if (user?.email && user.status !== 'disabled') {
        await db.transaction(async (tx) => {
          const now = clock.now();
          // Locks the person's row: two requests at once write one token and one mail.
          await tx.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for('update');
          const [recent] = await tx
            .select({ id: passwordResetTokens.id })
            .from(passwordResetTokens)
            .where(
              and(
                eq(passwordResetTokens.userId, user.id),
                isNull(passwordResetTokens.usedAt),
                gt(passwordResetTokens.createdAt, new Date(now.getTime() - RESEND_AFTER_MS)),
              ),
            );
          if (recent) return;
          // Only the newest link works.
          await tx
            .update(passwordResetTokens)
            .set({ usedAt: now })
            .where(and(eq(passwordResetTokens.userId, user.id), isNull(passwordResetTokens.usedAt)));
          const token = randomBytes(32).toString('base64url');
          await tx.insert(passwordResetTokens).values({
            userId: user.id,
            tokenHash: hashToken(token),
            expiresAt: new Date(now.getTime() + settings.ttlMinutes * 60_000),
            createdAt: now,
          });
          await queueMails(
            tx,
            [
              {
                // The home organization's admins could set this person's password anyway.
                orgId: user.homeOrgId,
                userId: user.id,
                kind: 'password_reset',
                // The language the person chose wins over the one the request asked in.
                lang: (user.locale as MailLang | null) ?? lang,
                toAddress: user.email!,
                toName: user.name,
                params: { name: user.name, ttlMinutes: settings.ttlMinutes },
                secret: token,
              },
            ],
            now,
          );
          await recordAudit(tx, {
            orgId: user.homeOrgId,
            actorId: user.id,
            action: 'auth.password_reset_requested',
            entityType: 'user',
            entityId: user.id,
            data: { ip: ctx.ip },
            requestId: ctx.requestId,
            at: now,
          });
        });
      }
      // Whether a mail was written or not, the answer comes no sooner than this.
      const left = settings.minResponseMs - (performance.now() - started);
      if (left > 0) await sleep(left);
    },

    /** Sets a new password with a token; every session of the person ends. */
    async confirm(token: string, password: string, ctx: RequestContext): Promise<void> {
      const check = (row: typeof passwordResetTokens.$inferSelect | undefined, now: Date) => {
        if (!row) throw invalid('The reset link is not valid; ask for a new one');
        if (row.usedAt)
          throw invalid('The reset link was already used or replaced by a newer one; ask for a new one').with(
            undefined,
            'PASSWORD_RESET_INVALID.used',
          );
        if (row.expiresAt <= now)
          throw invalid('The reset link has expired; ask for a new one').with(
            undefined,
            'PASSWORD_RESET_INVALID.expired',
          );
        return row;
      };
      const byHash = eq(passwordResetTokens.tokenHash, hashToken(token));
      // Checked before the (deliberately slow) password hash, so a made-up token costs nothing.
      check((await db.select().from(passwordResetTokens).where(byHash))[0], clock.now());
      const passwordHash = await hashPassword(password);
      const user = await db.transaction(async (tx) => {
        const now = clock.now();
        // Again under the row's lock: of two uses at once, one gets through.
        const row = check((await tx.select().from(passwordResetTokens).where(byHash).for('update'))[0], now);
        const person = await repo.findUser(tx, ALL_TENANTS, row.userId);
        if (!person || person.status === 'disabled') throw invalid('The reset link is not valid; ask for a new one');
        if (isOwnIdentifier(password, [person.nip, person.email])) {
          throw new ValidationError(OWN_IDENTIFIER, [{ path: 'body.password', message: OWN_IDENTIFIER }]);
        }
        await tx
          .update(passwordResetTokens)
          .set({ usedAt: now })
          .where(and(eq(passwordResetTokens.userId, person.id), isNull(passwordResetTokens.usedAt)));
        await tx
          .update(users)
          .set({
            passwordHash,
            // A pending account that never used its invitation is activated by its own mailbox.
            status: 'active',
            activatedAt: person.activatedAt ?? now,
            updatedAt: now,
          })
          .where(eq(users.id, person.id));
        await repo.revokeAllOfUser(tx, person.id, now);
        await recordAudit(tx, {
          orgId: person.homeOrgId,
          actorId: person.id,
          action: 'auth.password_reset',
          entityType: 'user',
          entityId: person.id,
          data: { ip: ctx.ip },
          requestId: ctx.requestId,
          at: now,
        });
        return person;
      });
      // The old password's failures no longer matter.
      await throttle.unlock([user.nip, user.email].filter((v): v is string => !!v));
    },
  };
}

export type PasswordReset = ReturnType<typeof createPasswordReset>;
