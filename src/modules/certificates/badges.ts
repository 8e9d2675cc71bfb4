import { createHash, createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { CompactSign } from 'jose';
import type { Clock } from '../../clock.js';
import type { Db } from '../../db/index.js';
import { badgeKeys, certificates, organizations, type Certificate } from '../../db/schema.js';
import { NotFoundError } from '../../http/errors.js';
import type { SecretBox } from './secrets.js';

/**
 * Every certificate also exists as an Open Badges 3.0 `OpenBadgeCredential` (W3C Verifiable
 * Credentials Data Model 2.0), secured as VC-JWT (VC-JOSE-COSE: a JWS whose payload is the
 * credential, `typ: vc+jwt`) with the organization's Ed25519 key (EdDSA). The public keys are a
 * JWKS at /.well-known/jwks.json; revocation is a Bitstring Status List credential per
 * organization, made from the certificates table whenever it is asked for.
 */
export const OB_CONTEXT = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
];
// The smallest list the Bitstring Status List spec allows: 16 KiB, so an index says little.
const MIN_LIST_BITS = 131_072;

export function createBadges({
  db,
  clock,
  secrets,
  baseUrl,
}: {
  db: Db;
  clock: Clock;
  secrets: SecretBox;
  baseUrl: string;
}) {
  const issuerUrl = (orgId: string) => `${baseUrl}/v1/organizations/${orgId}/issuer`;
  const statusListUrl = (orgId: string) => `${baseUrl}/v1/organizations/${orgId}/status-list`;

  /** The organization's key, made on first use (two callers at once keep the first one stored). */
  async function keyOf(orgId: string) {
    const [found] = await db.select().from(badgeKeys).where(eq(badgeKeys.orgId, orgId));
    if (found) return found;
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const jwk = publicKey.export({ format: 'jwk' }) as Record<string, string>;
    const kid = `${issuerUrl(orgId)}#key-${randomBytes(4).toString('hex')}`;
    await db
      .insert(badgeKeys)
      .values({
        orgId,
        kid,
        publicJwk: { ...jwk, kid, alg: 'EdDSA', use: 'sig' },
        privateKey: secrets.seal(privateKey.export({ format: 'der', type: 'pkcs8' })),
        createdAt: clock.now(),
      })
      .onConflictDoNothing();
    const [stored] = await db.select().from(badgeKeys).where(eq(badgeKeys.orgId, orgId));
    return stored!;
  }

  async function sign(orgId: string, payload: object): Promise<string> {
    const key = await keyOf(orgId);
    const privateKey = createPrivateKey({ key: secrets.open(key.privateKey), format: 'der', type: 'pkcs8' });
    return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'vc+jwt', cty: 'vc' })
      .sign(privateKey);
  }

  async function issuerProfile(orgId: string) {
    const [org] = await db.select().from(organizations).where(eq(organizations.id, orgId));
    if (!org) throw new NotFoundError('Issuer', 'ISSUER_NOT_FOUND');
    return { id: issuerUrl(org.id), type: ['Profile'], name: org.name, url: baseUrl };
  }

  /** The credential of one certificate, as JSON (unsigned): what the VC-JWT carries. */
  async function credentialOf(c: Certificate, verifyUrl: string) {
    const f = c.fields;
    const issuer = await issuerProfile(c.orgId);
    // The NIP only as a salted hash: the holder can prove it, nobody can read it off the badge.
    const salt = createHash('sha256').update(c.code).digest('hex').slice(0, 16);
    return {
      '@context': OB_CONTEXT,
      id: `urn:uuid:${c.id}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      name: `${f.program} — ${f.cohortName}`,
      issuer,
      validFrom: c.issuedAt.toISOString(),
      credentialSubject: {
        type: ['AchievementSubject'],
        identifier: [
          { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: f.name },
          ...(f.nip
            ? [
                {
                  type: 'IdentityObject',
                  identityType: 'identifier',
                  hashed: true,
                  salt,
                  identityHash: `sha256$${createHash('sha256')
                    .update(f.nip + salt)
                    .digest('hex')}`,
                },
              ]
            : []),
        ],
        achievement: {
          id: `${baseUrl}/v1/cohorts/${c.cohortId}/achievement`,
          type: ['Achievement'],
          achievementType: 'Certificate',
          name: f.program,
          description: `${f.program}, ${f.cohortName} (${f.cohortCode})${f.totalJp !== undefined ? `, ${f.totalJp} JP` : ''}`,
          criteria: { narrative: 'Lulus evaluasi pelatihan sesuai skema penilaian angkatan.' },
          creator: issuer,
        },
        result: [{ type: ['Result'], value: f.predikat }],
      },
      evidence: [{ id: verifyUrl, type: ['Evidence'], name: `Sertifikat ${c.number}` }],
      credentialStatus: {
        id: `${statusListUrl(c.orgId)}#${c.statusIndex}`,
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: String(c.statusIndex),
        statusListCredential: statusListUrl(c.orgId),
      },
    };
  }

  return {
    issuerProfile,
    credentialOf,

    /** The certificate's OpenBadgeCredential as a VC-JWT. */
    async badgeOf(c: Certificate, verifyUrl: string): Promise<string> {
      return sign(c.orgId, await credentialOf(c, verifyUrl));
    },

    /** Every organization's public key, for verifiers. */
    async jwks() {
      const rows = await db.select({ jwk: badgeKeys.publicJwk }).from(badgeKeys);
      return { keys: rows.map((r) => r.jwk) };
    },

    /** The organization's revocation list: bit `statusIndex` set for each revoked certificate. */
    async statusList(orgId: string): Promise<string> {
      const issuer = await issuerProfile(orgId);
      const revoked = await db
        .select({ index: certificates.statusIndex })
        .from(certificates)
        .where(and(eq(certificates.orgId, orgId), isNotNull(certificates.revokedAt)));
      // The list must reach the highest index handed out, whichever organization it went to.
      const [{ top }] = (await db
        .select({ top: sql<number>`coalesce(max(${certificates.statusIndex}), 0)::int` })
        .from(certificates)) as [{ top: number }];
      const bits = Math.max(MIN_LIST_BITS, Math.ceil((top + 1) / 8) * 8);
      const list = Buffer.alloc(bits / 8);
      for (const { index } of revoked) list[index >> 3]! |= 0x80 >> (index & 7);
      const url = statusListUrl(orgId);
      return sign(orgId, {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        id: url,
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        issuer: issuer.id,
        validFrom: clock.now().toISOString(),
        credentialSubject: {
          id: `${url}#list`,
          type: 'BitstringStatusList',
          statusPurpose: 'revocation',
          encodedList: `u${gzipSync(list).toString('base64url')}`,
        },
      });
    },
  };
}

export type Badges = ReturnType<typeof createBadges>;
