import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { manualClock } from '../../src/clock.js';
import { createServices } from '../../src/services.js';
import { startWorker, type RunningWorker } from '../../src/worker.js';
import { blendedCohort } from '../support/classroom.js';
import { createTestContext, type TestContext } from '../support/context.js';
import { bearer, makeNip, seedOrg, type SeededOrg } from '../support/fixtures.js';
import { until } from '../support/until.js';

const shipped = JSON.parse(
  readFileSync(new URL('../../curricula/orientasi-pppk.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

// After the Jambi cohort's last phase, on the day its certificates are issued.
const clock = manualClock('2024-12-20T03:00:00Z');
const MIN_RESPONSE_MS = 300;
let ctx: TestContext;
let worker: RunningWorker;
let jambi: SeededOrg;
let other: SeededOrg;
let platform: { Authorization: string };

interface MailView {
  id: string;
  kind: string;
  status: string;
  transport: string | null;
  to: { address: string };
  text: string;
  html: string;
  secretShown: boolean;
}

async function mailsOf(auth: { Authorization: string }, query = ''): Promise<MailView[]> {
  const res = await ctx.http.get(`/v1/mails${query}`).set(auth).expect(200);
  return res.body.items as MailView[];
}

async function delivered(kind: string, to: string): Promise<MailView> {
  return until(async () => {
    const found = (await mailsOf(platform, `?kind=${kind}&limit=200`)).find((m) => m.to.address === to);
    return found?.status === 'sent' ? found : undefined;
  });
}

beforeAll(async () => {
  // No SMTP_URL: the embedded default, where the outbox is where mails are read.
  ctx = await createTestContext({
    clock,
    env: { MAIL_DISPATCH_INTERVAL_MS: '150', PASSWORD_RESET_MIN_ANSWER_MS: String(MIN_RESPONSE_MS) },
  });
  platform = bearer(await ctx.platformAdminToken());
  jambi = await seedOrg(ctx, platform.Authorization.slice(7), 'KOTA-JAMBI');
  other = await seedOrg(ctx, platform.Authorization.slice(7), 'KOTA-LAIN');
  worker = await startWorker(ctx.deps);
});

afterAll(async () => {
  await worker?.close();
  await ctx?.close();
});

describe('the local outbox (no SMTP server)', () => {
  test('an invitation is delivered locally and readable by its organization\u2019s admins only', async () => {
    const nip = makeNip('1990-08-17');
    const created = await ctx.http
      .post('/v1/users')
      .set(bearer(jambi.admin.token))
      .send({ role: 'participant', nip, name: 'Rina Wulandari', email: 'rina@example.org' })
      .expect(201);
    const mail = await delivered('invitation', 'rina@example.org');
    expect(mail.transport).toBe('local');

    const detail = (await ctx.http.get(`/v1/mails/${mail.id}`).set(bearer(jambi.admin.token)).expect(200))
      .body as MailView;
    expect(detail.secretShown).toBe(true);
    expect(detail.text).toContain('Yth. Rina Wulandari');
    expect(detail.html).toContain('<html lang="id">');
    const link = /http:\/\/localhost:\d+\/activate\?login=(\d+)&code=([A-Z0-9-]+)/.exec(detail.text)!;
    expect(link[1]).toBe(nip);
    await ctx.http
      .post('/v1/auth/activate')
      .send({ login: nip, code: link[2], password: 'Sandi-Rina-2025' })
      .expect(200);

    // Another organization neither lists nor reads it; participants read no outbox.
    expect((await mailsOf(bearer(other.admin.token))).map((m) => m.id)).not.toContain(mail.id);
    await ctx.http.get(`/v1/mails/${mail.id}`).set(bearer(other.admin.token)).expect(404);
    await ctx.http.get('/v1/mails').set(bearer(jambi.participant.token)).expect(403);
    expect((await mailsOf(bearer(jambi.admin.token))).map((m) => m.id)).toContain(mail.id);
    expect(created.body.status).toBe('pending');
  });

  test('a reset token is read from the local outbox by the home organization\u2019s admin, who hands it over', async () => {
    const participant = jambi.participant;
    const started = performance.now();
    await ctx.http.post('/v1/auth/password-reset').send({ login: participant.email }).expect(202);
    const knownMs = performance.now() - started;
    const t2 = performance.now();
    await ctx.http.post('/v1/auth/password-reset').send({ login: 'unknown-person@example.org' }).expect(202);
    const unknownMs = performance.now() - t2;
    expect(knownMs).toBeGreaterThanOrEqual(MIN_RESPONSE_MS - 5);
    expect(unknownMs).toBeGreaterThanOrEqual(MIN_RESPONSE_MS - 5);

    const mail = await delivered('password_reset', participant.email);
    await ctx.http.get(`/v1/mails/${mail.id}`).set(bearer(other.admin.token)).expect(404);
    const detail = (await ctx.http.get(`/v1/mails/${mail.id}`).set(bearer(jambi.admin.token)).expect(200))
      .body as MailView;
    expect(detail.secretShown).toBe(true);
    const token = /\/reset-password\?token=([\w-]+)/.exec(detail.text)![1]!;
    // Used twice at once: one gets through.
    const both = await Promise.all(
      ['Sandi-Baru-Peserta-2025', 'Sandi-Lain-Peserta-2025'].map((password) =>
        ctx.http.post('/v1/auth/password-reset/confirm').send({ token, password }),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([204, 400]);
    const winner = both[0]!.status === 204 ? 'Sandi-Baru-Peserta-2025' : 'Sandi-Lain-Peserta-2025';
    await ctx.http.post('/v1/auth/login').send({ login: participant.nip, password: winner }).expect(200);

    // A platform admin's own reset belongs to no organization: no organization admin sees it.
    const root = await ctx.deps.pool.query<{ email: string }>('select email from users where platform_admin limit 1');
    await ctx.http.post('/v1/auth/password-reset').send({ login: root.rows[0]!.email }).expect(202);
    const rootMail = await delivered('password_reset', root.rows[0]!.email);
    await ctx.http.get(`/v1/mails/${rootMail.id}`).set(bearer(jambi.admin.token)).expect(404);
    await ctx.http.get(`/v1/mails/${rootMail.id}`).set(platform).expect(200);
  });

  test('a mail comes in the language its reader chose, else the one the request asked in, else Indonesian', async () => {
    // The participant chose English for themselves; the request asks in nothing.
    await ctx.http.patch('/v1/me').set(bearer(other.participant.token)).send({ locale: 'en' }).expect(200);
    await ctx.http.post('/v1/auth/password-reset').send({ login: other.participant.email }).expect(202);
    const chosen = await delivered('password_reset', other.participant.email);
    const english = (await ctx.http.get(`/v1/mails/${chosen.id}`).set(bearer(other.admin.token)).expect(200))
      .body as MailView & { lang: string };
    expect(english.lang).toBe('en');
    expect(english.html).toContain('<html lang="en">');

    // Nobody chose for the admin: the request's Accept-Language decides.
    await ctx.http
      .post('/v1/auth/password-reset')
      .set('Accept-Language', 'en-US,en;q=0.9')
      .send({ login: other.admin.email })
      .expect(202);
    const asked = await delivered('password_reset', other.admin.email);
    expect((asked as MailView & { lang: string }).lang).toBe('en');

    // And without either, Indonesian.
    await ctx.http.post('/v1/auth/password-reset').send({ login: other.instructor.email }).expect(202);
    const plain = await delivered('password_reset', other.instructor.email);
    expect((plain as MailView & { lang: string }).lang).toBe('id');
  });

  test('an organization sends as itself; its sender is checked', async () => {
    for (const mailFrom of [
      { name: 'BKPSDM\r\nBcc: x@example.org', address: 'diklat@jambikota.go.id' },
      { name: 'BKPSDM <Jambi>', address: 'diklat@jambikota.go.id' },
      { name: 'BKPSDM Kota Jambi', address: 'not an address' },
    ]) {
      const res = await ctx.http
        .patch(`/v1/organizations/${jambi.id}`)
        .set(bearer(jambi.admin.token))
        .send({ settings: { mailFrom } });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    await ctx.http
      .patch(`/v1/organizations/${jambi.id}`)
      .set(bearer(jambi.admin.token))
      .send({ settings: { mailFrom: { name: 'BKPSDM Kota Jambi', address: 'Diklat@JambiKota.go.id' } } })
      .expect(200);
    await ctx.http
      .post('/v1/users')
      .set(bearer(jambi.admin.token))
      .send({ role: 'participant', nip: makeNip('1989-01-02'), name: 'Andi', email: 'andi@example.org' })
      .expect(201);
    const mail = await delivered('invitation', 'andi@example.org');
    const detail = (await ctx.http.get(`/v1/mails/${mail.id}`).set(bearer(jambi.admin.token)).expect(200)).body;
    expect(detail.from).toEqual({ name: 'BKPSDM Kota Jambi', address: 'Diklat@JambiKota.go.id' });
    // The other organization has none of its own: the server's address under its own name.
    await ctx.http
      .post('/v1/users')
      .set(bearer(other.admin.token))
      .send({ role: 'participant', nip: makeNip('1989-03-04'), name: 'Beni', email: 'beni@example.org' })
      .expect(201);
    const second = await delivered('invitation', 'beni@example.org');
    const otherDetail = (await ctx.http.get(`/v1/mails/${second.id}`).set(bearer(other.admin.token)).expect(200)).body;
    expect(otherDetail.from).toEqual({ name: 'Organisasi KOTA-LAIN', address: 'no-reply@localhost' });
  });

  test('the outbox pages newest first with a cursor', async () => {
    const all = await mailsOf(platform, '?limit=200');
    expect(all.length).toBeGreaterThanOrEqual(3);
    const first = await ctx.http.get('/v1/mails?limit=1').set(platform).expect(200);
    expect(first.body.items[0].id).toBe(all[0]!.id);
    const second = await ctx.http.get(`/v1/mails?limit=1&cursor=${first.body.nextCursor}`).set(platform).expect(200);
    expect(second.body.items[0].id).toBe(all[1]!.id);
    await ctx.http.get('/v1/mails?cursor=bogus').set(platform).expect(400);
  });

  test('closing phases and issuing certificates mail each participant with an email', async () => {
    const admin = bearer(jambi.admin.token);
    const courseId = (await ctx.http.post('/v1/courses/import?publish=true').set(admin).send(shipped)).body.courseId;
    const c = await blendedCohort(ctx, admin, courseId, 'ANGKATAN-I', 2, 5200);
    // One participant has an email, the other not.
    await ctx.http
      .patch(`/v1/users/${c.people[0]!.userId}`)
      .set(admin)
      .send({ email: 'peserta.satu@example.org' })
      .expect(200);
    const services = createServices(ctx.deps, () => '');
    await services.schedule.reconcile();
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
    await ctx.http.post(`/v1/cohorts/${c.id}/results`).set(admin).expect(201);
    const issued = await ctx.http.post(`/v1/cohorts/${c.id}/certificates`).set(admin).expect(202);
    await services.certificates.runIssueJob(issued.body.jobId as string);

    const certificate = await delivered('certificate_issued', 'peserta.satu@example.org');
    const detail = (await ctx.http.get(`/v1/mails/${certificate.id}`).set(admin).expect(200)).body as MailView;
    expect(detail.text).toContain('Sertifikat Angkatan ANGKATAN-I');
    expect(detail.text).toMatch(/\/v1\/certificates\/verify\/\w+/);
    const { rows } = await ctx.deps.pool.query<{ kind: string; n: number }>(
      "select kind, count(*)::int as n from mails where kind in ('phase_closed', 'certificate_issued', 'phase_opened') group by kind order by kind",
    );
    // Both phases closed (each once), one certificate; only the participant with an email is written to.
    expect(rows.find((r) => r.kind === 'phase_closed')?.n).toBe(2);
    expect(rows.find((r) => r.kind === 'certificate_issued')?.n).toBe(1);
    // Running the clock again writes nothing new.
    await services.schedule.reconcile();
    const again = await ctx.deps.pool.query<{ n: number }>(
      "select count(*)::int as n from mails where kind = 'phase_closed'",
    );
    expect(again.rows[0]!.n).toBe(2);
  });
});
