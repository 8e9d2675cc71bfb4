import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { createCanvas } from '@napi-rs/canvas';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { manualClock } from '../../src/clock.js';
import { createServices } from '../../src/services.js';
import { blendedCohort, participantToken, type BlendedCohort, type Person } from '../support/classroom.js';
import { createTestContext, type TestContext } from '../support/context.js';
import { bearer, seedOrg, type SeededOrg } from '../support/fixtures.js';
import { makeTestKeys, pdfsig, startGatewayStandIn, type GatewayStandIn, type TestKeys } from '../support/signing.js';

const run = promisify(execFile);
const shipped = JSON.parse(
  readFileSync(new URL('../../curricula/orientasi-pppk.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

// After the Jambi cohorts' last phase: results are final, certificates are issued on 20 December.
const clock = manualClock('2024-12-20T03:00:00Z');
const GATEWAY_PORT = 7141;
let ctx: TestContext;
let keys: TestKeys;
let gateway: GatewayStandIn;
let jambi: SeededOrg;
let admin: { Authorization: string };
let courseId: string;
let services: ReturnType<typeof createServices>;
let seed = 4100;

/** A certificate as the API lists it, as far as these tests read it. */
interface Issued {
  id: string;
  code: string;
  number: string;
  enrollmentId: string;
  signed: boolean;
  verifyUrl: string;
  pdfUrl: string;
  fields: {
    name: string;
    nip: string;
    birthPlace: string | null;
    totalJp: number;
    signatories: Array<{ name: string }>;
    transcript: { subjects: Array<{ title: string }> };
  };
}

function binary(res: NodeJS.ReadableStream, done: (err: Error | null, body: unknown) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/** A cohort whose participants all passed with 93.8, its results final. */
async function passedCohort(code: string, size: number): Promise<BlendedCohort> {
  const c = await blendedCohort(ctx, admin, courseId, code, size, ++seed);
  await ctx.http
    .put(`/v1/cohorts/${c.id}/assessment-scheme`)
    .set(admin)
    .send({ components: [{ code: 'sikap', name: 'Sikap', weight: 100, source: 'manual' }], requireOnlineJp: false })
    .expect(200);
  await ctx.http
    .put(`/v1/cohorts/${c.id}/scores/sikap`)
    .set(admin)
    .send({ scores: c.people.map((p) => ({ nip: p.nip, score: 93.8 })) })
    .expect(200);
  await services.schedule.reconcile();
  const results = await ctx.http.post(`/v1/cohorts/${c.id}/results`).set(admin).expect(201);
  expect(results.body.final).toBe(true);
  return c;
}

async function issueAll(c: BlendedCohort) {
  const res = await ctx.http.post(`/v1/cohorts/${c.id}/certificates`).set(admin).expect(202);
  await services.certificates.runIssueJob(res.body.jobId as string);
  const job = (await ctx.http.get(`/v1/jobs/${res.body.jobId}`).set(admin)).body;
  expect(job.status, JSON.stringify(job)).toBe('done');
  return (await ctx.http.get(`/v1/cohorts/${c.id}/certificates`).set(admin).expect(200)).body.items as Issued[];
}

async function pdfOf(cert: { pdfUrl: string }): Promise<Buffer> {
  const res = await ctx.http
    .get(cert.pdfUrl)
    .set(admin)
    .buffer(true)
    .parse(binary as never)
    .expect(200);
  return res.body as Buffer;
}

async function pdfText(pdf: Buffer, page?: number): Promise<string> {
  const file = path.join(keys.dir, `text-${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, pdf);
  const args = page ? ['-f', String(page), '-l', String(page), file, '-'] : [file, '-'];
  return (await run('pdftotext', args)).stdout;
}

async function pages(pdf: Buffer): Promise<number> {
  const file = path.join(keys.dir, `info-${Math.random().toString(36).slice(2)}.pdf`);
  await writeFile(file, pdf);
  return Number(/Pages:\s+(\d+)/.exec((await run('pdfinfo', [file])).stdout)![1]);
}

function png(): Buffer {
  const canvas = createCanvas(120, 120);
  const g = canvas.getContext('2d');
  g.fillStyle = '#1f3a5f';
  g.fillRect(10, 10, 100, 100);
  return canvas.toBuffer('image/png');
}

beforeAll(async () => {
  keys = await makeTestKeys('Kepala BKPSDM Kota Jambi');
  await writeFile(path.join(keys.dir, 'gateway-ca.pem'), keys.tlsCert);
  gateway = await startGatewayStandIn(keys, { nik: '1571010101800001', passphrase: 'bsre-passphrase' }, GATEWAY_PORT);
  ctx = await createTestContext({
    clock,
    env: {
      SIGNING_GATEWAY_URL: gateway.url,
      SIGNING_GATEWAY_CA_FILE: path.join(keys.dir, 'gateway-ca.pem'),
      CERTIFICATE_RENDER_THREADS: '2',
      PUBLIC_URL: 'http://192.0.2.10:3000',
    },
  });
  services = createServices(ctx.deps, () => '');
  jambi = await seedOrg(ctx, await ctx.platformAdminToken(), 'KOTA-JAMBI');
  admin = bearer(jambi.admin.token);
  courseId = (await ctx.http.post('/v1/courses/import?publish=true').set(admin).send(shipped)).body.courseId;
});
afterAll(async () => {
  await ctx?.close();
  await gateway?.close();
  await keys?.remove();
});

describe('organization settings', () => {
  test('a logo is checked by its content, not by its name or declared type', async () => {
    const put = (data: Buffer, name: string, type: string) =>
      ctx.http
        .put(`/v1/organizations/${jambi.id}/certificate-logo`)
        .set(admin)
        .attach('file', data, { filename: name, contentType: type });
    const fake = await put(Buffer.from('not an image at all'), 'logo.png', 'image/png');
    expect(fake.status).toBe(415);
    expect(fake.headers['content-type']).toContain('application/problem+json');
    expect(fake.body.code).toBe('LOGO_UNSUPPORTED');
    const truncated = await put(png().subarray(0, 40), 'logo.png', 'image/png');
    expect(truncated.body.code).toBe('LOGO_UNSUPPORTED');
    const scripted = await put(
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      'logo.svg',
      'image/svg+xml',
    );
    expect(scripted.body.code).toBe('LOGO_UNSUPPORTED');
    const svg = await put(
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>'),
      'logo.txt',
      'text/plain',
    );
    expect(svg.status).toBe(200);
    expect(svg.body.contentType).toBe('image/svg+xml');
    const ok = await put(png(), 'lambang.bin', 'application/octet-stream').expect(200);
    expect(ok.body.contentType).toBe('image/png');
    const stored = await ctx.http
      .get(`/v1/organizations/${jambi.id}/certificate-logo`)
      .set(admin)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    expect((stored.body as Buffer).equals(png())).toBe(true);
  });

  test('signatories are set for the organization, and a cohort may have its own', async () => {
    const bad = await ctx.http
      .put(`/v1/organizations/${jambi.id}/certificate-signatories`)
      .set(admin)
      .send({ place: 'Jambi', signatories: [] });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const org = await ctx.http
      .put(`/v1/organizations/${jambi.id}/certificate-signatories`)
      .set(admin)
      .send({
        place: 'Jambi',
        signatories: [
          {
            position: 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Jambi',
            name: 'Dr. H. Ahmad Syukri, S.E., M.Si.',
            nip: '197001011995031001',
            rank: 'Pembina Utama Muda (IV/c)',
          },
        ],
      })
      .expect(200);
    expect(org.body.scope).toBe('organization');
  });

  test('a PKCS#12 file is tried before it is kept, and neither it nor its passphrase ever comes back', async () => {
    const put = (passphrase: string) =>
      ctx.http
        .put(`/v1/organizations/${jambi.id}/certificate-signing/pkcs12`)
        .set(admin)
        .field('passphrase', passphrase)
        .attach('file', keys.p12, { filename: 'tte.p12', contentType: 'application/x-pkcs12' });
    const wrong = await put('not-the-passphrase');
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('PKCS12_INVALID');
    const ok = await put(keys.passphrase).expect(200);
    expect(ok.body).toEqual({ configured: true, kind: 'pkcs12', signerId: null, updatedAt: expect.any(String) });
    const read = await ctx.http.get(`/v1/organizations/${jambi.id}/certificate-signing`).set(admin).expect(200);
    expect(read.body.kind).toBe('pkcs12');
    const everything = JSON.stringify([wrong.body, ok.body, read.body, ctx.logs]);
    expect(everything).not.toContain(keys.passphrase);
    expect(everything).not.toContain('not-the-passphrase');
    // Kept encrypted: the stored bytes are neither the file nor the passphrase.
    const { rows } = await ctx.deps.pool.query('select pkcs12, passphrase from certificate_signing where org_id = $1', [
      jambi.id,
    ]);
    expect((rows[0].pkcs12 as Buffer).includes(keys.p12.subarray(0, 64))).toBe(false);
    expect((rows[0].passphrase as Buffer).toString('latin1')).not.toContain(keys.passphrase);
  });
});

let signedCohort: BlendedCohort;
let signedCerts: Issued[];

describe('issued certificates', () => {
  test('are two-page official documents, signed with the PKCS#12: pdfsig finds the signature valid', async () => {
    signedCohort = await passedCohort('TTE-2024', 3);
    await ctx.http
      .put(`/v1/cohorts/${signedCohort.id}/certificate-signatories`)
      .set(admin)
      .send({
        place: 'Kota Jambi',
        signatories: [
          { position: 'Kepala BPSDM Provinsi Jambi', name: 'Ir. Sri Wahyuni, M.T.', nip: null, rank: null },
          {
            position: 'Ketua Penyelenggara',
            name: 'Budi Santoso, S.Kom.',
            nip: '198001012005011001',
            rank: 'Penata (III/c)',
          },
        ],
      })
      .expect(200);
    signedCerts = await issueAll(signedCohort);
    expect(signedCerts).toHaveLength(3);
    const cert = signedCerts[0]!;
    expect(cert.signed).toBe(true);
    expect(cert.verifyUrl).toMatch(/^http:\/\/192\.0\.2\.10:3000\/v1\/certificates\/verify\/[A-Z2-9]{20}$/);
    expect(cert.fields.signatories.map((s: { name: string }) => s.name)).toEqual([
      'Ir. Sri Wahyuni, M.T.',
      'Budi Santoso, S.Kom.',
    ]);
    expect(cert.fields.totalJp).toBeGreaterThan(0);
    expect(cert.fields.transcript.subjects.length).toBeGreaterThan(3);
    const pdf = await pdfOf(cert);
    expect(await pages(pdf)).toBe(2);
    const sig = await pdfsig(pdf, keys.dir);
    expect(sig).toContain('Signature Type: ETSI.CAdES.detached');
    expect(sig).toContain('Signer Certificate Common Name: Kepala BKPSDM Kota Jambi');
    expect(sig).toContain('Signature Validation: Signature is Valid.');
    expect(sig).toContain('Total document signed');
    // The organization's logo (the PNG uploaded above) is the front page's one image.
    const file = path.join(keys.dir, 'logo-check.pdf');
    await writeFile(file, pdf);
    const images = (await run('pdfimages', ['-list', file])).stdout
      .trim()
      .split('\n')
      .slice(2)
      .filter((line) => /^\s*\d+\s+\d+\s+image\s/.test(line));
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/^\s*1\s+\d+\s+image\s+120\s+120\s/);
    const front = (await pdfText(pdf, 1)).replace(/\s+/g, ' ');
    expect(front).toContain('Nilai akhir 93,80');
    expect(front).toContain(`sebanyak ${String(cert.fields.totalJp).replace('.', ',')} JP`);
    expect(front).toContain('Kota Jambi, 20 Desember 2024');
    expect(front).toContain('Budi Santoso, S.Kom.');
    expect(front).toContain('NIP 198001012005011001');
    const back = (await pdfText(pdf, 2)).replace(/\s+/g, ' ');
    expect(back).toContain('TRANSKRIP MATA PELATIHAN');
    for (const s of cert.fields.transcript.subjects.slice(0, 3)) expect(back).toContain(s.title.slice(0, 20));

    // An edited PDF no longer verifies.
    const tampered = Buffer.from(pdf);
    const at = tampered.indexOf('/Title');
    tampered[at + 1] = 'X'.charCodeAt(0);
    expect(await pdfsig(tampered, keys.dir)).not.toContain('Signature is Valid.');
  });

  test('through the remote signing gateway (local stand-in of its contract)', async () => {
    const noGateway = await ctx.http
      .put(`/v1/organizations/${jambi.id}/certificate-signing/gateway`)
      .set(admin)
      .send({ signerId: '1571010101800001' });
    expect(noGateway.status).toBe(400);
    await ctx.http
      .put(`/v1/organizations/${jambi.id}/certificate-signing/gateway`)
      .set(admin)
      .send({ signerId: '1571010101800001', passphrase: 'bsre-passphrase' })
      .expect(200);
    const c = await passedCohort('BSRE-2024', 2);
    const certs = await issueAll(c);
    expect(certs.map((x) => x.signed)).toEqual([true, true]);
    expect(gateway.requests.filter((r) => r.nik === '1571010101800001').length).toBeGreaterThanOrEqual(2);
    expect(gateway.requests.every((r) => r.tampilan === 'invisible')).toBe(true);
    const sig = await pdfsig(await pdfOf(certs[0]!), keys.dir);
    expect(sig).toContain('Signature Validation: Signature is Valid.');
    expect(JSON.stringify(ctx.logs)).not.toContain('bsre-passphrase');

    // A wrong passphrase at the gateway fails the job with the gateway's words, never the passphrase.
    await ctx.http
      .put(`/v1/organizations/${jambi.id}/certificate-signing/gateway`)
      .set(admin)
      .send({ signerId: '1571010101800001', passphrase: 'salah-passphrase' })
      .expect(200);
    const refused = await passedCohort('BSRE-SALAH', 1);
    const res = await ctx.http.post(`/v1/cohorts/${refused.id}/certificates`).set(admin).expect(202);
    await expect(services.certificates.runIssueJob(res.body.jobId as string)).rejects.toThrow(/Passphrase anda salah/);
    const job = (await ctx.http.get(`/v1/jobs/${res.body.jobId}`).set(admin)).body;
    expect(job.status).toBe('failed');
    expect(JSON.stringify(job)).not.toContain('salah-passphrase');
    expect((await ctx.http.get(`/v1/cohorts/${refused.id}/certificates`).set(admin)).body.items).toEqual([]);

    await ctx.http.delete(`/v1/organizations/${jambi.id}/certificate-signing`).set(admin).expect(204);
  });
});

describe('verification page', () => {
  test('in Indonesian for a browser, English on request, JSON for Accept: application/json', async () => {
    const cert = signedCerts[0]!;
    const url = `/v1/certificates/verify/${cert.code}`;
    const page = await ctx.http.get(url).set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8').expect(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-language']).toBe('id');
    // Opened at the server's plain-HTTP address, nothing is upgraded to HTTPS.
    expect(page.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(page.text).toContain('data-status="valid"');
    expect(page.text).toContain('SAH');
    expect(page.text).toContain(cert.fields.name);
    expect(page.text).toContain(`**************${cert.fields.nip.slice(-4)}`);
    expect(page.text).not.toContain(cert.fields.nip);
    expect(page.text).toContain('Ditandatangani secara elektronik');
    expect(page.text).toContain('Ir. Sri Wahyuni, M.T.');
    expect(page.text).toContain('20 Desember 2024');
    expect(page.text).not.toContain(cert.fields.birthPlace ?? '\u0000');
    expect(page.text).not.toMatch(/<script/i);

    const english = await ctx.http.get(`${url}?lang=en`).set('Accept', 'text/html').expect(200);
    expect(english.text).toContain('VALID');
    expect(english.text).toContain('20 December 2024');
    const byHeader = await ctx.http.get(url).set('Accept', 'text/html').set('Accept-Language', 'en-US,en;q=0.9');
    expect(byHeader.headers['content-language']).toBe('en');

    const json = await ctx.http.get(url).set('Accept', 'application/json').expect(200);
    expect(json.headers['content-type']).toContain('application/json');
    expect(json.body).toMatchObject({ status: 'valid', number: cert.number, signed: true });

    const missing = await ctx.http.get('/v1/certificates/verify/ZZZZZZZZZZZZZZZZZZZZ').set('Accept', 'text/html');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('CERTIFICATE_NOT_FOUND');
  });

  test('an unsigned certificate says so', async () => {
    const c = await passedCohort('TANPA-TTE', 1);
    const [cert] = await issueAll(c);
    expect(cert!.signed).toBe(false);
    const page = await ctx.http.get(`/v1/certificates/verify/${cert!.code}`).set('Accept', 'text/html').expect(200);
    expect(page.text).toContain('tidak ditandatangani secara elektronik');
  });
});

describe('reissue', () => {
  test('a revoked certificate is reissued once, even under concurrent calls; the old one points to the new', async () => {
    const old = signedCerts[1]!;
    const person = signedCohort.people.find((p: Person) => p.enrollmentId === old.enrollmentId)!;
    const early = await ctx.http.post(`/v1/certificates/${old.id}/reissue`).set(admin);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('CERTIFICATE_NOT_REVOKED');

    const badCategory = await ctx.http
      .post(`/v1/certificates/${old.id}/revoke`)
      .set(admin)
      .send({ reason: 'Nama salah ketik', category: 'typo' });
    expect(badCategory.status).toBe(400);
    await ctx.http
      .post(`/v1/certificates/${old.id}/revoke`)
      .set(admin)
      .send({ reason: 'Nama salah ketik', category: 'data_correction' })
      .expect(200);
    const revokedPage = await ctx.http.get(`/v1/certificates/verify/${old.code}`).set('Accept', 'text/html');
    expect(revokedPage.text).toContain('data-status="revoked"');
    expect(revokedPage.text).toContain('perbaikan data');
    expect(revokedPage.text).not.toContain('Nama salah ketik');

    // Signing is on again (it was switched off above), the name is corrected, then eight reissues race.
    await ctx.http
      .put(`/v1/organizations/${jambi.id}/certificate-signing/pkcs12`)
      .set(admin)
      .field('passphrase', keys.passphrase)
      .attach('file', keys.p12, { filename: 'tte.p12', contentType: 'application/x-pkcs12' })
      .expect(200);
    await ctx.http.patch(`/v1/users/${person.userId}`).set(admin).send({ name: 'Nama Yang Benar, S.Pd.' }).expect(200);
    const calls = await Promise.all(
      Array.from({ length: 8 }, () => ctx.http.post(`/v1/certificates/${old.id}/reissue`).set(admin)),
    );
    const created = calls.filter((c) => c.status === 201);
    expect(created).toHaveLength(1);
    for (const c of calls.filter((x) => x.status !== 201)) {
      expect(c.status).toBe(409);
      expect(['CERTIFICATE_ALREADY_REISSUED', 'CERTIFICATE_VALID_EXISTS']).toContain(c.body.code);
    }
    const fresh = created[0]!.body;
    expect(fresh.code).not.toBe(old.code);
    expect(fresh.fields.name).toBe('Nama Yang Benar, S.Pd.');
    // Numbering rule: the cohort's next sequence number, through the same template.
    expect(fresh.number).toBe('4/TTE-2024/2024');
    expect(fresh.signed).toBe(true);
    expect(await pdfsig(await pdfOf(fresh), keys.dir)).toContain('Signature Validation: Signature is Valid.');

    const { rows } = await ctx.deps.pool.query(
      'select count(*) filter (where revoked_at is null)::int as valid, count(*)::int as total from certificates where enrollment_id = $1',
      [old.enrollmentId],
    );
    expect(rows[0]).toEqual({ valid: 1, total: 2 });

    const replaced = await ctx.http.get(`/v1/certificates/verify/${old.code}`).set('Accept', 'application/json');
    expect(replaced.body).toMatchObject({
      status: 'replaced',
      revokeCategory: 'data_correction',
      replacedBy: { code: fresh.code, verifyUrl: fresh.verifyUrl },
    });
    const page = await ctx.http.get(`/v1/certificates/verify/${old.code}`).set('Accept', 'text/html');
    expect(page.text).toContain('data-status="replaced"');
    // Relative, so it works at whatever address the page was opened.
    expect(page.text).toContain(`href="${fresh.code}"`);
    expect((await ctx.http.get(`/v1/certificates/verify/${fresh.code}`)).body.status).toBe('valid');

    const again = await ctx.http.post(`/v1/certificates/${old.id}/reissue`).set(admin);
    expect(again.body.code).toBe('CERTIFICATE_ALREADY_REISSUED');
    const issueAgain = await ctx.http.post(`/v1/cohorts/${signedCohort.id}/certificates`).set(admin).expect(202);
    await services.certificates.runIssueJob(issueAgain.body.jobId as string);
    const after = await ctx.deps.pool.query('select count(*)::int as n from certificates where cohort_id = $1', [
      signedCohort.id,
    ]);
    expect(after.rows[0].n).toBe(4);
  });
});

interface Credential {
  '@context': string[];
  type: string[];
  issuer: { id: string; type: string[]; name: string };
  validFrom: string;
  credentialSubject: {
    achievement: Record<string, unknown>;
    identifier: Array<Record<string, unknown>>;
    result: Array<{ value: string }>;
  };
  credentialStatus: { statusListCredential: string; statusListIndex: string; type: string; statusPurpose: string };
}

describe('Open Badges 3.0', () => {
  /**
   * A verifier's view: the VC-JWT's signature checked by jose against the published JWKS, then the
   * credential's entry looked up in the issuer's Bitstring Status List (itself a signed VC-JWT).
   * The server's URLs are read through the app, never fetched at PUBLIC_URL's address.
   */
  async function verifyBadge(jwt: string): Promise<{ status: 'valid' | 'revoked'; credential: Credential }> {
    const jwks = createLocalJWKSet((await ctx.http.get('/.well-known/jwks.json').expect(200)).body);
    const { payload, protectedHeader } = await jwtVerify(jwt, jwks, { typ: 'vc+jwt', algorithms: ['EdDSA'] });
    expect(protectedHeader.alg).toBe('EdDSA');
    const credential = payload as unknown as Credential;
    const entry = credential.credentialStatus;
    const list = await ctx.http.get(new URL(entry.statusListCredential).pathname).expect(200);
    expect(list.headers['content-type']).toContain('application/vc+jwt');
    const { payload: listCredential } = await jwtVerify(list.text, jwks, { typ: 'vc+jwt' });
    const subject = (listCredential as { credentialSubject: { encodedList: string } }).credentialSubject;
    expect(subject).toMatchObject({ type: 'BitstringStatusList', statusPurpose: 'revocation' });
    const bits = gunzipSync(Buffer.from(subject.encodedList.slice(1), 'base64url'));
    expect(bits.length).toBeGreaterThanOrEqual(16_384);
    const index = Number(entry.statusListIndex);
    const revoked = (bits[index >> 3]! & (0x80 >> (index & 7))) !== 0;
    return { status: revoked ? 'revoked' : 'valid', credential };
  }

  test('each certificate is an OpenBadgeCredential that verifies, then fails once revoked', async () => {
    const cert = signedCerts[2]!;
    const res = await ctx.http
      .get(`/v1/certificates/${cert.id}/badge`)
      .set(admin)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    expect(res.headers['content-type']).toContain('application/vc+jwt');
    const jwt = (res.body as Buffer).toString('utf8');
    const { status, credential } = await verifyBadge(jwt);
    expect(status).toBe('valid');
    expect(credential['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.issuer).toMatchObject({ type: ['Profile'], name: expect.stringContaining('') });
    expect(credential.validFrom).toBe('2024-12-20T03:00:00.000Z');
    expect(credential.credentialSubject.achievement).toMatchObject({
      type: ['Achievement'],
      achievementType: 'Certificate',
    });
    expect(credential.credentialSubject.identifier[0]).toMatchObject({
      identityType: 'name',
      identityHash: cert.fields.name,
    });
    // The NIP only salted and hashed.
    expect(JSON.stringify(credential)).not.toContain(cert.fields.nip);
    expect(credential.credentialStatus).toMatchObject({
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
    });
    const issuer = await ctx.http.get(new URL(credential.issuer.id).pathname).expect(200);
    expect(issuer.body.id).toBe(credential.issuer.id);

    // A changed credential no longer verifies.
    const [h, p, sig] = jwt.split('.');
    const forged = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Credential;
    forged.credentialSubject.result[0]!.value = 'Sangat Memuaskan Sekali';
    await expect(
      verifyBadge(`${h}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${sig}`),
    ).rejects.toThrow(/signature verification failed/);

    await ctx.http
      .post(`/v1/certificates/${cert.id}/revoke`)
      .set(admin)
      .send({ reason: 'Uji pencabutan', category: 'issued_in_error' })
      .expect(200);
    expect((await verifyBadge(jwt)).status).toBe('revoked');
    // Others in the same list are untouched.
    const other = await ctx.http
      .get(`/v1/certificates/${signedCerts[0]!.id}/badge`)
      .set(admin)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    expect((await verifyBadge((other.body as Buffer).toString('utf8'))).status).toBe('valid');
  });

  test('the participant downloads their own badge next to the PDF, and no one else gets it', async () => {
    const cert = signedCerts[0]!;
    const owner = signedCohort.people.find((p) => p.enrollmentId === cert.enrollmentId)!;
    const stranger = signedCohort.people.find((p) => p.enrollmentId !== cert.enrollmentId)!;
    const own = await participantToken(ctx, admin, owner);
    const [mine] = (await ctx.http.get('/v1/me/certificates').set(own).expect(200)).body as Array<{
      badgeUrl: string;
      pdfUrl: string;
    }>;
    expect(mine!.badgeUrl).toBe(`/v1/certificates/${cert.id}/badge`);
    const badge = await ctx.http.get(mine!.badgeUrl).set(own).expect(200);
    expect(badge.headers['content-disposition']).toContain('.jwt');
    expect((await ctx.http.get(mine!.badgeUrl).set(await participantToken(ctx, admin, stranger))).status).toBe(404);
  });
});
