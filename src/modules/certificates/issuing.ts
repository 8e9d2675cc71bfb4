import { randomBytes } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import type { DbExecutor } from '../../db/index.js';
import {
  certificates,
  certificateSigning,
  resultRuns,
  type CertificateFields,
  type Cohort,
  type EnrollmentProfile,
  type results,
  type users,
} from '../../db/schema.js';
import { certificateNumber } from './document.js';
import type { AttendanceCounts, CohortFacts } from './facts.js';
import type { PdfPool, PdfTask } from './render-pool.js';
import type { SecretBox } from './secrets.js';
import { gatewaySigner, type GatewaySettings, type PdfSigner, type SignatureMeta } from './signers.js';

// 20 characters of base32: 100 bits, not guessable, easy to type from paper.
export const verificationCode = () =>
  [...randomBytes(20)].map((b) => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[b % 32]).join('');

export async function latestRun(tx: DbExecutor, cohortId: string) {
  const [run] = await tx
    .select()
    .from(resultRuns)
    .where(eq(resultRuns.cohortId, cohortId))
    .orderBy(desc(resultRuns.version))
    .limit(1);
  return run;
}

/** The cohort's highest sequence so far; numbering happens under the cohort's row lock. */
export async function lastSeq(tx: DbExecutor, cohortId: string): Promise<number> {
  const [{ last }] = (await tx
    .select({ last: sql<number>`coalesce(max(${certificates.seq}), 0)::int` })
    .from(certificates)
    .where(eq(certificates.cohortId, cohortId))) as [{ last: number }];
  return last;
}

export function numberFor(template: string, seq: number, cohort: Cohort, facts: CohortFacts, issuedOn: string) {
  return certificateNumber(template, {
    seq,
    cohortCode: cohort.code,
    orgCode: facts.org.code,
    courseCode: facts.course.code,
    // The program's year (its last local date), whenever the certificate is issued or reissued.
    year: Number((cohort.endsOn ?? issuedOn).slice(0, 4)),
    issueYear: Number(issuedOn.slice(0, 4)),
  });
}

/** What the certificate says, frozen at issue from the person, the result and the cohort. */
export function fieldsFor(
  cohort: Cohort,
  facts: CohortFacts,
  user: typeof users.$inferSelect,
  profile: EnrollmentProfile,
  result: typeof results.$inferSelect,
  attendance: AttendanceCounts,
  issuedOn: string,
): CertificateFields {
  return {
    name: user.name,
    nip: user.nip,
    birthPlace: user.birthPlace,
    birthDate: user.birthDate,
    // As the organizer recorded them for this training, not as the profile reads today.
    rank: profile.rank ?? user.rank,
    position: profile.position ?? user.position,
    instansi: profile.instansi ?? facts.org.name,
    program: facts.course.title,
    cohortCode: cohort.code,
    cohortName: cohort.name,
    startDate: cohort.startsOn,
    endDate: cohort.endsOn,
    venue: facts.venue,
    predikat: result.predikat,
    finalScore: result.finalScore,
    issuedOn,
    totalJp: facts.totalJp,
    place: facts.place,
    signatories: facts.signatories,
    transcript: {
      subjects: facts.subjects,
      onlineJp: Math.round(result.onlineJp * 100) / 100,
      classroomJp: Math.round(result.classroomJp * 100) / 100,
      fieldJp: facts.fieldJp,
      attendance,
    },
  };
}

export interface Signing {
  kind: 'pkcs12' | 'gateway';
  pkcs12?: { file: Buffer; passphrase: string };
  gateway?: PdfSigner;
}

/** The organization's signing configuration, decrypted for this use only; null when none. */
export async function signingOf(
  tx: DbExecutor,
  orgId: string,
  secrets: SecretBox,
  gateway: GatewaySettings | undefined,
): Promise<Signing | null> {
  const [row] = await tx.select().from(certificateSigning).where(eq(certificateSigning.orgId, orgId));
  if (!row) return null;
  const passphrase = secrets.open(row.passphrase).toString('utf8');
  if (row.kind === 'pkcs12') return { kind: 'pkcs12', pkcs12: { file: secrets.open(row.pkcs12!), passphrase } };
  if (!gateway) throw new Error('This organization signs through the gateway, but SIGNING_GATEWAY_URL is not set');
  return { kind: 'gateway', gateway: gatewaySigner(gateway, row.signerId!, passphrase) };
}

/**
 * The PDFs of a batch, in order: rendered (and signed with a PKCS#12 file) on the pool's threads,
 * then, for the gateway, sent a few at a time to be signed.
 */
export async function pdfsFor(
  pool: PdfPool,
  tasks: Array<Omit<PdfTask, 'pkcs12'>>,
  signing: Signing | null,
  meta: SignatureMeta,
): Promise<Buffer[]> {
  const rendered = await Promise.all(
    tasks.map((task) => pool.run(signing?.pkcs12 ? { ...task, pkcs12: { ...signing.pkcs12, meta } } : task)),
  );
  if (!signing?.gateway) return rendered;
  const signed: Buffer[] = new Array(rendered.length);
  const lanes = 4;
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(lanes, rendered.length) }, async () => {
      for (let i = next++; i < rendered.length; i = next++) signed[i] = await signing.gateway!.sign(rendered[i]!, meta);
    }),
  );
  return signed;
}
