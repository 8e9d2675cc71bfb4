import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { manualClock } from '../../src/clock.js';
import { transportOf } from '../../src/modules/mail/service.js';
import { createServices } from '../../src/services.js';
import { startWorker, type RunningWorker } from '../../src/worker.js';
import { createTestContext, type TestContext } from '../support/context.js';
import { localDay } from '../support/dates.js';
import { bearer, login, makeNip, scheduleCohort, seedOrg, type SeededOrg } from '../support/fixtures.js';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../support/smtp.js';
import { until } from '../support/until.js';

const shipped = JSON.parse(
  readFileSync(new URL('../../curricula/orientasi-pppk.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

const PUBLIC_URL = 'https://diklat.example.go.id';
const clock = manualClock(new Date());
let smtp: TestSmtpServer;
let ctx: TestContext;
let org: SeededOrg;
let admin: { Authorization: string };
let worker: RunningWorker;
let cohortId: string;

const people = [
  { nip: makeNip('1991-02-03'), name: 'Siti Rahmawati', email: 'siti.rahmawati@example.org' },
  { nip: makeNip('1992-04-05'), name: 'Budi Santoso', email: 'budi.santoso@example.org' },
];

const subjectOf = (m: ReceivedMail) => m.headers.subject ?? '';
const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));
const linkIn = (m: ReceivedMail, path: string) => {
  const found = new RegExp(`${PUBLIC_URL.replaceAll('.', '\\.')}${path}\\?[^\\s"<>]+`).exec(m.body);
  if (!found) throw new Error(`no ${path} link in ${m.body}`);
  return new URL(found[0].replaceAll('&amp;', '&'));
};

async function mailRows(kind: string) {
  const { rows } = await ctx.deps.pool.query<{ id: string; status: string; to_address: string; attempts: number }>(
    'select id, status, to_address, attempts from mails where kind = $1 order by created_at, to_address',
    [kind],
  );
  return rows;
}

/** Waits until no mail is pending or being sent, then gives the SMTP server a moment for stragglers. */
async function settled() {
  await until(async () => {
    const { rows } = await ctx.deps.pool.query<{ n: number }>(
      "select count(*)::int as n from mails where status in ('pending', 'sending')",
    );
    return rows[0]!.n === 0 ? true : undefined;
  });
  await new Promise((r) => setTimeout(r, 300));
}

async function restartWorker() {
  await worker.close();
  worker = await startWorker(ctx.deps);
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  ctx = await createTestContext({
    clock,
    env: {
      SMTP_URL: `smtp://mailer:mailer-secret@127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'Diklat ASN <no-reply@diklat.example.go.id>',
      PUBLIC_URL,
      MAIL_DISPATCH_INTERVAL_MS: '150',
      MAIL_RETRY_BASE_MS: '1000',
      MAIL_SEND_TIMEOUT_MS: '3000',
      PASSWORD_RESET_MIN_ANSWER_MS: '150',
      // Reminders run when the test says so.
      PACE_REMINDER_INTERVAL_MS: '86400000',
    },
  });
  org = await seedOrg(ctx, await ctx.platformAdminToken(), 'KOTA-JAMBI');
  admin = bearer(org.admin.token);
  const courseId = (await ctx.http.post('/v1/courses/import?publish=true').set(admin).send(shipped)).body.courseId;
  const cohort = await ctx.http
    .post('/v1/cohorts')
    .set(admin)
    .send({ courseId, code: 'ORIENTASI-I', name: 'Orientasi PPPK Angkatan I' });
  cohortId = cohort.body.id;
  await ctx.http
    .put(`/v1/cohorts/${cohortId}/phases`)
    .set(admin)
    .send({
      phases: [{ kind: 'online', name: 'MOOC', startDate: localDay(-3), endDate: localDay(10), requiredJp: 45 }],
    })
    .expect(200);
  worker = await startWorker(ctx.deps);
});

afterAll(async () => {
  await worker?.close();
  await ctx?.close();
  await smtp?.stop();
});

describe('mail over a real SMTP server', () => {
  test('enrolling pending persons with an email mails each one invitation whose link activates the account', async () => {
    for (const p of people) {
      await ctx.http.post(`/v1/cohorts/${cohortId}/enrollments`).set(admin).send(p).expect(201);
    }
    await settled();
    for (const p of people) {
      const got = mailsTo(p.email);
      expect(got).toHaveLength(1);
      const mail = got[0]!;
      expect(subjectOf(mail)).toContain('Undangan aktivasi akun');
      expect(mail.headers.from).toContain('no-reply@diklat.example.go.id');
      expect(mail.body).toContain(`Yth. ${p.name}`);
      expect(mail.body).toContain('Orientasi PPPK Angkatan I');
      // Both parts: plain text and HTML.
      expect(mail.raw).toMatch(/text\/plain/);
      expect(mail.raw).toMatch(/text\/html/);
      const link = linkIn(mail, '/activate');
      expect(link.searchParams.get('login')).toBe(p.nip);
      expect(link.searchParams.get('code')).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    }
    const rows = await mailRows('invitation');
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ['sent', 1],
      ['sent', 1],
    ]);
    // The Message-ID is the row's, the same for every attempt.
    const siti = rows.find((r) => r.to_address === people[0]!.email)!;
    expect(mailsTo(people[0]!.email)[0]!.headers['message-id']).toBe(`<${siti.id}@diklat.example.go.id>`);

    // A CSV of printed codes made afterwards does not void the mailed link.
    await ctx.http.get(`/v1/cohorts/${cohortId}/activation-codes`).set(admin).expect(200);
    const link = linkIn(mailsTo(people[0]!.email)[0]!, '/activate');
    const activated = await ctx.http.post('/v1/auth/activate').send({
      login: link.searchParams.get('login'),
      code: link.searchParams.get('code'),
      password: 'Kata-Sandi-Siti-2025',
    });
    expect(activated.status).toBe(200);
    // Used once: the same link no longer works.
    const again = await ctx.http.post('/v1/auth/activate').send({
      login: link.searchParams.get('login'),
      code: link.searchParams.get('code'),
      password: 'Kata-Sandi-Lain-2025',
    });
    expect(again.body.code).toBe('ACTIVATION_INVALID');
  });

  test('a password reset is mailed once, works once, ends every session, and says nothing about unknown logins', async () => {
    await restartWorker();
    const siti = people[0]!;
    const session = await login(ctx, siti.nip, 'Kata-Sandi-Siti-2025');

    const known = await ctx.http.post('/v1/auth/password-reset').send({ login: siti.nip });
    const unknown = await ctx.http.post('/v1/auth/password-reset').send({ login: '199901012024011999' });
    const unknownEmail = await ctx.http.post('/v1/auth/password-reset').send({ login: 'nobody@example.org' });
    for (const res of [known, unknown, unknownEmail]) {
      expect(res.status).toBe(202);
      expect(res.text).toBe('');
    }
    await settled();
    const resets = mailsTo(siti.email).filter((m) => subjectOf(m).includes('Atur ulang kata sandi'));
    expect(resets).toHaveLength(1);
    expect(smtp.received.filter((m) => m.to.includes('nobody@example.org'))).toHaveLength(0);
    const token = linkIn(resets[0]!, '/reset-password').searchParams.get('token')!;
    expect(token.length).toBeGreaterThan(30);

    // Stored hashed, and the mail row forgot it once the SMTP server took the mail.
    const { rows } = await ctx.deps.pool.query(
      "select (select count(*)::int from password_reset_tokens where token_hash = $1) as plain, (select count(*)::int from mails where kind = 'password_reset' and secret is not null) as kept",
      [token],
    );
    expect(rows[0]).toEqual({ plain: 0, kept: 0 });

    const weak = await ctx.http.post('/v1/auth/password-reset/confirm').send({ token, password: 'password' });
    expect(weak.status).toBe(400);
    await ctx.http
      .post('/v1/auth/password-reset/confirm')
      .send({ token, password: 'Sandi-Baru-Siti-2025' })
      .expect(204);
    const reused = await ctx.http
      .post('/v1/auth/password-reset/confirm')
      .send({ token, password: 'Sandi-Lagi-Siti-2025' });
    expect(reused.status).toBe(400);
    expect(reused.body.code).toBe('PASSWORD_RESET_INVALID');
    const unknownToken = await ctx.http
      .post('/v1/auth/password-reset/confirm')
      .send({ token: 'x'.repeat(43), password: 'Sandi-Lagi-Siti-2025' });
    expect(unknownToken.body.code).toBe('PASSWORD_RESET_INVALID');

    expect(
      (await ctx.http.post('/v1/auth/login').send({ login: siti.nip, password: 'Kata-Sandi-Siti-2025' })).status,
    ).toBe(401);
    await login(ctx, siti.nip, 'Sandi-Baru-Siti-2025');
    // The session from before the reset is over (access tokens follow within seconds, as after any password change).
    const refreshed = await ctx.http.post('/v1/auth/refresh').send({ refreshToken: session.refreshToken });
    expect(refreshed.status).toBe(401);
    expect(refreshed.body.code).toBe('REFRESH_TOKEN_REVOKED');

    // The mail row the admin sees in SMTP mode masks the token.
    const list = await ctx.http.get('/v1/mails?kind=password_reset').set(admin).expect(200);
    const detail = await ctx.http.get(`/v1/mails/${list.body.items[0].id}`).set(admin).expect(200);
    expect(detail.body.secretShown).toBe(false);
    expect(detail.body.text).not.toContain(token);
    expect(detail.body.html).not.toContain(token);
  });

  test('a reset token expires', async () => {
    const budi = people[1]!;
    // Budi never activated: a reset is his way in too.
    await ctx.http.post('/v1/auth/password-reset?lang=en').send({ login: budi.email }).expect(202);
    await settled();
    const mail = mailsTo(budi.email).find((m) => subjectOf(m) === 'Reset your password')!;
    expect(mail.body).toContain('Dear Budi Santoso');
    const token = linkIn(mail, '/reset-password').searchParams.get('token')!;
    clock.advance(61 * 60_000);
    const expired = await ctx.http
      .post('/v1/auth/password-reset/confirm')
      .send({ token, password: 'Sandi-Baru-Budi-2025' });
    expect(expired.status).toBe(400);
    expect(expired.body.code).toBe('PASSWORD_RESET_INVALID');
    expect(expired.body.detail).toContain('kedaluwarsa');

    await ctx.http.post('/v1/auth/password-reset').send({ login: budi.nip }).expect(202);
    await settled();
    const fresh = mailsTo(budi.email).filter((m) => m.headers.subject === 'Atur ulang kata sandi');
    expect(fresh).toHaveLength(1);
    await ctx.http
      .post('/v1/auth/password-reset/confirm')
      .send({ token: linkIn(fresh[0]!, '/reset-password').searchParams.get('token'), password: 'Sandi-Baru-Budi-2025' })
      .expect(204);
    await login(ctx, budi.nip, 'Sandi-Baru-Budi-2025');
  });

  test('participants behind pace get one reminder a day; phase notices reach every participant', async () => {
    await restartWorker();
    await scheduleCohort(ctx, admin, cohortId);
    // The worker runs reminders on a schedule; here the test runs the job's work when it chooses.
    expect(await ctx.deps.producers.mail.getJobScheduler('pace-reminders')).toBeTruthy();
    const reminders = createServices(ctx.deps, () => '').mail;
    const remind = () => reminders.remindBehindPace();
    expect(await remind()).toBe(2);
    expect(await remind()).toBe(0);
    await settled();
    for (const p of people) {
      const got = mailsTo(p.email);
      expect(got.filter((m) => subjectOf(m).startsWith('Pengingat'))).toHaveLength(1);
      expect(got.filter((m) => subjectOf(m).startsWith('MOOC telah dibuka'))).toHaveLength(1);
    }
    const reminder = mailsTo(people[0]!.email).find((m) => subjectOf(m).startsWith('Pengingat'))!;
    expect(reminder.body).toContain('0 dari 45 JP');

    // The next local day: one more each.
    clock.advance(24 * 3600_000);
    expect(await remind()).toBe(2);
    await settled();
    for (const p of people) {
      expect(mailsTo(p.email).filter((m) => subjectOf(m).startsWith('Pengingat'))).toHaveLength(2);
    }

    // An organization that turns reminders off gets none.
    await ctx.http
      .patch(`/v1/organizations/${org.id}`)
      .set(bearer(await ctx.platformAdminToken()))
      .send({ settings: { paceReminders: false } })
      .expect(200);
    clock.advance(24 * 3600_000);
    expect(await remind()).toBe(0);
    expect((await mailRows('pace_reminder')).length).toBe(4);
  });

  test('across every restart, each mail reached the SMTP server exactly once', async () => {
    const ids = smtp.received.map((m) => m.headers['message-id']);
    expect(new Set(ids).size).toBe(ids.length);
    const { rows } = await ctx.deps.pool.query<{ n: number }>(
      "select count(*)::int as n from mails where status = 'sent'",
    );
    expect(smtp.received.length).toBe(rows[0]!.n);
  });

  test('a worker that stopped after the SMTP server took a mail, before marking it sent, does not send it again', async () => {
    await worker.close();
    const siti = people[0]!;
    const before = mailsTo(siti.email).length;
    await ctx.http.post('/v1/auth/password-reset').send({ login: siti.email }).expect(202);
    const [row] = (await mailRows('password_reset')).filter((m) => m.status === 'pending');
    expect(row).toBeDefined();
    // A sender whose process dies the moment the server has accepted: it never comes back to mark the row.
    const real = transportOf(ctx.config);
    const dying = createServices(ctx.deps, () => '', {
      kind: 'smtp',
      send: async (m) => {
        await real.send(m);
        await new Promise(() => undefined);
      },
    }).mail;
    void dying.send(row!.id);
    await until(() => (mailsTo(siti.email).length === before + 1 ? true : undefined));
    expect((await mailRows('password_reset')).find((m) => m.id === row!.id)!.status).toBe('sending');

    worker = await startWorker(ctx.deps);
    // Past the claim's lease, the dispatcher finds the row: it may have been accepted, so it is not sent again.
    clock.advance(5 * 60_000);
    const after = await until(async () => {
      const found = (await mailRows('password_reset')).find((m) => m.id === row!.id)!;
      return found.status === 'uncertain' ? found : undefined;
    });
    expect(after.attempts).toBe(1);
    await new Promise((r) => setTimeout(r, 600));
    expect(mailsTo(siti.email).length).toBe(before + 1);
    const listed = await ctx.http.get('/v1/mails?status=uncertain').set(admin).expect(200);
    expect(listed.body.items.map((m: { id: string }) => m.id)).toEqual([row!.id]);
  });

  test('an SMTP server that is down or refuses for now gets the mail later, once', async () => {
    const before = smtp.received.length;
    await smtp.stop();
    const nip = makeNip('1993-06-07');
    await ctx.http
      .post(`/v1/cohorts/${cohortId}/enrollments`)
      .set(admin)
      .send({ nip, name: 'Dewi Lestari', email: 'dewi.lestari@example.org' })
      .expect(201);
    const first = await until(async () => {
      const [row] = await mailRows('invitation').then((r) =>
        r.filter((m) => m.to_address === 'dewi.lestari@example.org'),
      );
      return row && row.attempts >= 1 && row.status === 'pending' ? row : undefined;
    });
    expect(first.attempts).toBe(1);

    // Back up, but refusing recipients for now (451).
    smtp.mode = 'busy';
    await smtp.start();
    clock.advance(5_000);
    await until(async () => (smtp.refusals >= 1 ? true : undefined));
    await until(async () => {
      const { rows } = await ctx.deps.pool.query(
        "select status from mails where to_address = 'dewi.lestari@example.org'",
      );
      return rows[0]?.status === 'pending' ? true : undefined;
    });
    smtp.mode = 'accept';
    clock.advance(60_000);
    await settled();
    const got = mailsTo('dewi.lestari@example.org');
    expect(got).toHaveLength(1);
    expect(smtp.received.length).toBe(before + 1);
    const [row] = (await mailRows('invitation')).filter((m) => m.to_address === 'dewi.lestari@example.org');
    expect(row).toMatchObject({ status: 'sent', attempts: 3 });
  });

  test('a permanent refusal (5xx) is not retried', async () => {
    smtp.mode = 'refuse';
    const before = smtp.refusals;
    await ctx.http.post('/v1/auth/password-reset').send({ login: people[1]!.nip }).expect(202);
    // One minute after the last request for this account, a new mail is written.
    const row = await until(async () => {
      const { rows } = await ctx.deps.pool.query<{ status: string; last_error: string; secret: string | null }>(
        "select status, last_error, secret from mails where kind = 'password_reset' order by created_at desc limit 1",
      );
      return rows[0]?.status === 'failed' ? rows[0] : undefined;
    });
    expect(row.last_error).toContain('No such mailbox');
    expect(row.secret).toBeNull();
    clock.advance(3600_000);
    await new Promise((r) => setTimeout(r, 600));
    expect(smtp.refusals).toBe(before + 1);
    smtp.mode = 'accept';
  });
});
