import { eq } from 'drizzle-orm';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/index.js';
import { users } from '../../db/schema.js';
import { ConflictError } from '../../http/errors.js';
import { recordAudit } from '../audit/record.js';
import { hashPassword } from './passwords.js';

/**
 * Creates the first platform administrator, or resets the password of an existing one with that
 * email: running it twice leaves one account that logs in with the last password given.
 */
export async function ensurePlatformAdmin(
  db: Db,
  clock: Clock,
  input: { email: string; password: string; name: string },
): Promise<{ id: string; outcome: 'created' | 'updated' }> {
  const email = input.email.toLowerCase();
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const now = clock.now();
    const existing = await tx.query.users.findFirst({ where: eq(users.email, email) });
    if (existing && !existing.platformAdmin) {
      throw new ConflictError(`${email} belongs to an organization member's account`, 'EMAIL_TAKEN').with(
        { email },
        'EMAIL_TAKEN.member',
      );
    }
    const [row] = existing
      ? await tx
          .update(users)
          .set({
            passwordHash,
            status: 'active',
            activatedAt: existing.activatedAt ?? now,
            updatedAt: now,
          })
          .where(eq(users.id, existing.id))
          .returning({ id: users.id })
      : await tx
          .insert(users)
          .values({
            platformAdmin: true,
            email,
            name: input.name,
            passwordHash,
            status: 'active',
            activatedAt: now,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: users.id });
    const outcome = existing ? 'updated' : 'created';
    await recordAudit(tx, {
      orgId: null,
      actorId: null,
      action: `platform_admin.${outcome}`,
      entityType: 'user',
      entityId: row!.id,
      data: { via: 'cli' },
      at: now,
    });
    return { id: row!.id, outcome };
  });
}
