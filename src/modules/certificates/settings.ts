import { and, eq, isNull } from 'drizzle-orm';
import PDFDocument from 'pdfkit';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/index.js';
import {
  certificateLogos,
  certificateSignatories,
  certificateSigning,
  organizations,
  type CertificateSignatory,
} from '../../db/schema.js';
import type { Actor } from '../../http/actor.js';
import { AppError, NotFoundError } from '../../http/errors.js';
import { owningOrg } from '../../http/tenancy.js';
import type { CohortsService } from '../cohorts/service.js';
import type { Logo } from './document.js';
import type { SecretBox } from './secrets.js';
import { checkPkcs12, type GatewaySettings } from './signers.js';

export const LOGO_MAX_BYTES = 512 * 1024;

/** The logo's type from its bytes, never from its name or the declared type; null when unusable. */
export function logoType(data: Buffer): Logo['type'] | null {
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  const head = data
    .subarray(0, 4096)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  // An SVG document: markup whose root is <svg>, with no script, entity or external reference.
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(head)) {
    const all = data.toString('utf8');
    if (/<script|<!ENTITY|<foreignObject|\bon[a-z]+\s*=|(?:xlink:)?href\s*=\s*["'](?!#|data:)/i.test(all)) return null;
    return 'image/svg+xml';
  }
  return null;
}

/** PNG and JPEG must also decode: a truncated file would break every certificate of the organization. */
function decodes(data: Buffer): boolean {
  try {
    (new PDFDocument({ autoFirstPage: false }) as unknown as { openImage(d: Buffer): unknown }).openImage(data);
    return true;
  } catch {
    return false;
  }
}

const signatory = (s: CertificateSignatory): CertificateSignatory => ({
  position: s.position,
  name: s.name,
  nip: s.nip ?? null,
  rank: s.rank ?? null,
});

export interface CertificateSettingsDeps {
  db: Db;
  clock: Clock;
  cohorts: CohortsService;
  secrets: SecretBox;
  gateway: GatewaySettings | undefined;
  /** A small PDF to sign when a PKCS#12 file is configured, proving file and passphrase go together. */
  samplePdf: () => Promise<Buffer>;
}

/**
 * What an organization sets once for its certificates: logo, signatories (for the organization or
 * for one cohort) and the electronic signature. Secrets go in encrypted and never come back out.
 */
export function createCertificateSettings({
  db,
  clock,
  cohorts,
  secrets,
  gateway,
  samplePdf,
}: CertificateSettingsDeps) {
  async function orgOr404(actor: Actor, orgId: string) {
    const id = owningOrg(actor.scope, orgId);
    const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, id));
    if (!org) throw new NotFoundError('Organization');
    return org.id;
  }

  return {
    async setLogo(actor: Actor, orgId: string, data: Buffer) {
      const id = await orgOr404(actor, orgId);
      if (data.length > LOGO_MAX_BYTES)
        throw new AppError(413, 'LOGO_TOO_LARGE', `A logo may have at most ${LOGO_MAX_BYTES / 1024} KiB`).with({
          maxKib: LOGO_MAX_BYTES / 1024,
        });
      const type = logoType(data);
      if (!type || (type !== 'image/svg+xml' && !decodes(data)))
        throw new AppError(
          415,
          'LOGO_UNSUPPORTED',
          'The logo must be a PNG, a JPEG or an SVG without scripts or external references',
        );
      const now = clock.now();
      await db
        .insert(certificateLogos)
        .values({ orgId: id, contentType: type, data, updatedAt: now, updatedBy: actor.userId })
        .onConflictDoUpdate({
          target: certificateLogos.orgId,
          set: { contentType: type, data, updatedAt: now, updatedBy: actor.userId },
        });
      return { contentType: type, bytes: data.length, updatedAt: now };
    },

    async logo(actor: Actor, orgId: string) {
      const id = await orgOr404(actor, orgId);
      const [row] = await db.select().from(certificateLogos).where(eq(certificateLogos.orgId, id));
      if (!row) throw new NotFoundError('Logo', 'LOGO_NOT_FOUND');
      return row;
    },

    /** The organization's signatories (cohortId undefined) or one cohort's. */
    async setSignatories(
      actor: Actor,
      target: { orgId: string } | { cohortId: string },
      body: { place: string | null; signatories: CertificateSignatory[] },
    ) {
      let orgId: string;
      let cohortId: string | null = null;
      if ('cohortId' in target) {
        const cohort = await cohorts.cohortInScope(db, actor, target.cohortId);
        orgId = cohort.orgId;
        cohortId = cohort.id;
      } else orgId = await orgOr404(actor, target.orgId);
      const now = clock.now();
      const values = { place: body.place, signatories: body.signatories.map(signatory), updatedAt: now };
      const where = and(
        eq(certificateSignatories.orgId, orgId),
        cohortId ? eq(certificateSignatories.cohortId, cohortId) : isNull(certificateSignatories.cohortId),
      );
      await db.transaction(async (tx) => {
        await tx.delete(certificateSignatories).where(where);
        await tx.insert(certificateSignatories).values({ orgId, cohortId, ...values, updatedBy: actor.userId });
      });
      return { scope: cohortId ? ('cohort' as const) : ('organization' as const), ...values };
    },

    async configurePkcs12(actor: Actor, orgId: string, file: Buffer, passphrase: string) {
      const id = await orgOr404(actor, orgId);
      try {
        await checkPkcs12(file, passphrase, await samplePdf());
      } catch {
        // The library's words could echo parts of the file; the answer names only the problem.
        throw new AppError(
          422,
          'PKCS12_INVALID',
          'The PKCS#12 file could not be opened with this passphrase, or holds no signing key and certificate',
          [{ path: 'body.file', message: 'Not a usable PKCS#12 file for this passphrase' }],
        );
      }
      return save(id, actor, { kind: 'pkcs12', pkcs12: secrets.seal(file), signerId: null, passphrase });
    },

    async configureGateway(actor: Actor, orgId: string, signerId: string, passphrase: string) {
      const id = await orgOr404(actor, orgId);
      if (!gateway)
        throw new AppError(
          409,
          'SIGNING_GATEWAY_NOT_CONFIGURED',
          'No signing gateway is configured on this server (SIGNING_GATEWAY_URL)',
        );
      return save(id, actor, { kind: 'gateway', pkcs12: null, signerId, passphrase });
    },

    async signing(actor: Actor, orgId: string) {
      const id = await orgOr404(actor, orgId);
      const [row] = await db
        .select({
          kind: certificateSigning.kind,
          signerId: certificateSigning.signerId,
          updatedAt: certificateSigning.updatedAt,
        })
        .from(certificateSigning)
        .where(eq(certificateSigning.orgId, id));
      return row ? { configured: true, ...row } : { configured: false, kind: null, signerId: null, updatedAt: null };
    },

    async removeSigning(actor: Actor, orgId: string) {
      const id = await orgOr404(actor, orgId);
      await db.delete(certificateSigning).where(eq(certificateSigning.orgId, id));
    },
  };

  async function save(
    orgId: string,
    actor: Actor,
    v: { kind: 'pkcs12' | 'gateway'; pkcs12: Buffer | null; signerId: string | null; passphrase: string },
  ) {
    const now = clock.now();
    const row = {
      kind: v.kind,
      pkcs12: v.pkcs12,
      signerId: v.signerId,
      passphrase: secrets.seal(v.passphrase),
      updatedAt: now,
      updatedBy: actor.userId,
    };
    await db
      .insert(certificateSigning)
      .values({ orgId, ...row })
      .onConflictDoUpdate({ target: certificateSigning.orgId, set: row });
    return { configured: true, kind: v.kind, signerId: v.signerId, updatedAt: now };
  }
}

export type CertificateSettings = ReturnType<typeof createCertificateSettings>;
