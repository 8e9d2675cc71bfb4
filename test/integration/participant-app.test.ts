import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { until } from '../support/until.js';
import { createTestContext, type TestContext } from '../support/context.js';
import { localDay } from '../support/dates.js';
import { bearer, seedOrg, scheduleCohort } from '../support/fixtures.js';
import { makePeople } from '../support/roster-files.js';

/**
 * The participant app in a real browser (Debian's Chromium, driven by playwright-core) against the
 * real server: activate, log in, read, go offline, keep reading and answer a quiz, reload offline,
 * come back online, and the credit the page shows is the server's, counted once.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const shipped = JSON.parse(readFileSync(new URL('../../curricula/orientasi-pppk.json', import.meta.url), 'utf8'));
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const screenshots = new URL('../../docs/screenshots/', import.meta.url).pathname;
const WAIT = { timeout: 60_000 };

let ctx: TestContext;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let base: string;
let outDir: string;
let enrollmentId: string;
let readingId: string;
let readingTitle: string;
let orgAdmin: { Authorization: string };
const person = makePeople(1, 4242)[0]!;
const password = 'sandi-peserta-2024';
const cspViolations: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  // The app built once, as `npm run build` does, into a directory of its own.
  outDir = mkdtempSync(join(tmpdir(), 'asn-app-'));
  const root = new URL('../..', import.meta.url).pathname;
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', 'app', '--outDir', outDir], {
    cwd: root,
    stdio: 'pipe',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  ctx = await createTestContext({ env: { WEB_APP_DIR: outDir } });
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  const address = ctx.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  base = `http://127.0.0.1:${address.port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  mkdirSync(screenshots, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await ctx?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

async function axe(name: string) {
  // Evaluated through the DevTools protocol: the page's own policy allows no inline script.
  await page.evaluate(axeSource);
  const violations = await page.evaluate<Array<{ id: string; impact: string; nodes: number }>>(`
    axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })))`);
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `${name}: ${JSON.stringify(serious)}`).toEqual([]);
}

/**
 * A screenshot for the docs. `hide` is CSS for what differs on every run (a fresh activation code),
 * so the file changes only when the page does.
 */
async function shot(name: string, hide?: string) {
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: false, style: hide });
}
const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

async function dbCredit(lessonId: string): Promise<number> {
  const { rows } = await ctx.deps.pool.query<{ s: number }>(
    'select credited_seconds as s from lesson_progress where enrollment_id = $1 and lesson_id = $2',
    [enrollmentId, lessonId],
  );
  return rows[0]?.s ?? 0;
}

describe('the participant app in Chromium', () => {
  test('activate, log in, learn offline, reload offline, come back: credited once, as the server says', async () => {
    // An organizer, the Orientasi PPPK course and a cohort whose online phase is open today.
    const platform = await ctx.platformAdminToken();
    const org = await seedOrg(ctx, platform, 'KOTA-APP');
    const admin = bearer(org.admin.token);
    orgAdmin = admin;
    const courseId = (await ctx.http.post('/v1/courses/import?publish=true').set(admin).send(shipped)).body
      .courseId as string;
    const modules = (await ctx.http.get(`/v1/courses/${courseId}`).set(admin)).body.version.modules as Array<{
      title: string;
      lessons: Array<{ id: string; kind: string; title: string }>;
    }>;
    const reading = modules[0]!.lessons.find((l) => l.kind === 'reading')!;
    readingId = reading.id;
    readingTitle = reading.title;
    const quiz = modules[0]!.lessons.find((l) => l.kind === 'quiz')!;
    const { attemptLimit } = (await ctx.http.get(`/v1/lessons/${quiz.id}`).set(admin).expect(200)).body.quiz as {
      attemptLimit: number;
    };
    const cohortId = (
      await ctx.http.post('/v1/cohorts').set(admin).send({ courseId, code: 'APP-1', name: 'Angkatan I' })
    ).body.id as string;
    await ctx.http
      .put(`/v1/cohorts/${cohortId}/phases`)
      .set(admin)
      .send({
        phases: [
          {
            kind: 'online',
            name: 'MOOC',
            startDate: localDay(-1),
            endDate: localDay(14),
            requiredJp: 45,
            remedialDays: 7,
          },
          { kind: 'classroom', name: 'Klasikal', startDate: localDay(20), endDate: localDay(24), requiredJp: 24 },
        ],
      })
      .expect(200);
    await scheduleCohort(ctx, admin, cohortId);
    enrollmentId = (
      await ctx.http
        .post(`/v1/cohorts/${cohortId}/enrollments`)
        .set(admin)
        .send({ nip: person.nip, name: person.nama, email: person.email })
        .expect(201)
    ).body.id;
    const codes = parse((await ctx.http.get(`/v1/cohorts/${cohortId}/activation-codes`).set(admin).expect(200)).text, {
      bom: true,
      columns: true,
    }) as Array<Record<string, string>>;
    const code = codes.find((r) => r.NIP === person.nip)!['Kode Aktivasi']!;

    context = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: 'allow' });
    // Heartbeats every 2 seconds instead of 30, so the test needs seconds, not minutes.
    await context.addInitScript("localStorage.setItem('asn.heartbeatSeconds', '2')");
    page = await context.newPage();
    page.on('console', (m) => {
      if (/content security policy/i.test(m.text())) cspViolations.push(m.text());
    });
    page.on('pageerror', (e) => pageErrors.push(String(e)));

    // 1. The activation link from the email or the organizers' letter: login and code filled in.
    await page.goto(`${base}/activate?login=${person.nip}&code=${encodeURIComponent(code)}`);
    await heading('Aktivasi akun').waitFor(WAIT);
    expect(await page.getByLabel('Kode aktivasi').inputValue()).toBe(code);
    expect(await page.getByLabel('NIP atau email').inputValue()).toBe(person.nip);
    await axe('activate');
    await shot('activate', '#code { -webkit-text-security: disc; }');
    await page.getByLabel('Kata sandi baru').fill(password);
    await page.getByRole('button', { name: 'Aktifkan dan masuk' }).click();
    await heading('Program saya').waitFor(WAIT);

    // 2. Log out, and in again by NIP.
    await page.getByRole('button', { name: 'Keluar' }).click();
    await heading('Masuk').waitFor(WAIT);
    await axe('login');
    await shot('login');
    await page.getByLabel('NIP atau email').fill(person.nip);
    await page.getByLabel('Kata sandi').fill(password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await heading('Program saya').waitFor(WAIT);
    await page.getByText('Angkatan I').first().waitFor(WAIT);
    // The service worker controls the page before anything is fetched for offline use.
    await page.waitForFunction(
      () => (globalThis as unknown as InPage).navigator.serviceWorker.controller !== null,
      undefined,
      WAIT,
    );
    await axe('programs');
    await shot('programs');

    // 3. The program: phases with local dates, JP against required, and every lesson kept for offline.
    await page.getByRole('link', { name: shipped.title }).click();
    await page
      .getByTestId('offline-ready')
      .filter({ hasText: /Tersedia luring: (\d+) dari \1 materi/ })
      .waitFor(WAIT);
    await axe('program');
    await shot('program');

    // 4. Read a lesson online: heartbeats go out and the server credits them.
    await page.getByRole('link', { name: reading.title }).first().click();
    await heading(reading.title)
      .waitFor(WAIT)
      .catch((e) => {
        throw new Error(`${e}\npage errors: ${pageErrors.join('\n')}`);
      });
    await page.mouse.move(100, 300);
    await page.waitForFunction(
      () =>
        Number(
          (globalThis as unknown as InPage).document.querySelector('[data-testid=credited-seconds]')?.textContent,
        ) > 0,
      undefined,
      WAIT,
    );
    await axe('lesson');
    await shot('lesson');

    // 5. Offline: reading goes on, and the heartbeats wait on the device.
    await context.setOffline(true);
    await page.getByText('Luring: kegiatan Anda disimpan di perangkat ini').waitFor(WAIT);
    for (let y = 0; y < 6; y++) await page.mouse.wheel(0, 200);
    await page.waitForFunction(
      () =>
        Number(
          (globalThis as unknown as InPage).document.querySelector('[data-testid=pending-seconds]')?.textContent,
        ) >= 4,
      undefined,
      WAIT,
    );

    // Honest time: a hidden page counts nothing (nor would a visible one without input for two minutes).
    const hiddenAt = await page.evaluate<number>(setVisibility('hidden'));
    await page.getByText('Waktu tidak dihitung').waitFor(WAIT);
    // A negative check needs a stretch of time: three heartbeat intervals in which nothing may be counted.
    await page.waitForTimeout(6000);
    // Hiding sends the seconds counted until then; nothing is counted after.
    const afterHiding = (await page.evaluate<Queued[]>(readQueue)).filter(
      (e) => Date.parse(e.occurredAt) > hiddenAt + 1000,
    );
    expect(afterHiding).toEqual([]);
    await page.evaluate(setVisibility('visible'));
    await page.getByText('Waktu belajar sedang dihitung').waitFor(WAIT);

    // ... and a quiz, answered offline: the answers stay on the device, the submission waits for a connection.
    await page.getByRole('link', { name: 'Kembali' }).click();
    await page.getByRole('link', { name: quiz.title }).first().click();
    await heading(quiz.title).waitFor(WAIT);
    const questions = page.locator('fieldset');
    await questions.first().waitFor(WAIT);
    const count = await questions.count();
    for (let i = 0; i < count; i++) await questions.nth(i).locator('input').first().check();
    const submit = page.getByRole('button', { name: 'Kirim jawaban' });
    expect(await submit.isDisabled()).toBe(true);
    await page.getByText('Mengirim jawaban perlu koneksi').waitFor(WAIT);
    await axe('quiz');
    await shot('quiz-offline');
    await page.getByTestId('pending-count').filter({ hasText: 'menunggu dikirim' }).waitFor(WAIT);

    // 6. Reload while offline: the service worker serves the app, IndexedDB still holds the queue and the answers.
    await page.reload();
    await heading(quiz.title).waitFor(WAIT);
    await page.getByTestId('pending-count').waitFor(WAIT);
    await questions.first().waitFor(WAIT);
    for (let i = 0; i < count; i++) expect(await questions.nth(i).locator('input').first().isChecked()).toBe(true);
    const queued = await page.evaluate<Queued[]>(readQueue);
    expect(queued.filter((e) => e.status === 'pending').length).toBeGreaterThan(0);

    // 7. Online again: the queue goes out, the quiz is submitted and graded by the server.
    await context.setOffline(false);
    await page.getByTestId('all-sent').waitFor(WAIT);
    await submit.waitFor(WAIT);
    await page.waitForFunction(
      () =>
        (globalThis as unknown as InPage).document.querySelector('form.quiz button[type=submit]')?.disabled === false,
      undefined,
      WAIT,
    );
    await submit.click();
    await page.getByTestId('quiz-result').waitFor(WAIT);
    await page
      .getByTestId('quiz-info')
      .filter({ hasText: `Sisa percobaan: ${attemptLimit - 1}` })
      .waitFor(WAIT);
    const attempts = await ctx.deps.pool.query('select 1 from quiz_attempts where enrollment_id = $1', [enrollmentId]);
    expect(attempts.rowCount).toBe(1);

    // 8. The credit: every event the device made reached the server once, and the page shows the server's number.
    const sent = await page.evaluate<Queued[]>(readQueue);
    expect(sent.filter((e) => e.status === 'pending')).toEqual([]);
    expect(sent.filter((e) => e.status === 'rejected')).toEqual([]);
    const stored = await ctx.deps.pool.query<{ client_event_id: string; credited_seconds: number }>(
      'select client_event_id, credited_seconds from progress_events where enrollment_id = $1',
      [enrollmentId],
    );
    expect(stored.rows.map((r) => r.client_event_id).sort()).toEqual(sent.map((e) => e.clientEventId).sort());
    const creditedByDevice = sent.reduce((n, e) => n + (e.creditedSeconds ?? 0), 0);
    const creditedByServer = stored.rows.reduce((n, r) => n + r.credited_seconds, 0);
    expect(creditedByDevice).toBe(creditedByServer);
    const offlineSeconds = sent.filter((e) => e.lessonId === reading.id).reduce((n, e) => n + e.activeSeconds, 0);
    expect(offlineSeconds).toBeGreaterThanOrEqual(4);

    await page.goto(`${base}/programs/${enrollmentId}/lessons/${reading.id}`);
    await heading(reading.title).waitFor(WAIT);
    // Leaving the page queues its last seconds; wait until every one of them is answered, then compare.
    await page.getByTestId('all-sent').waitFor(WAIT);
    await page.waitForFunction(
      () =>
        Number(
          (globalThis as unknown as InPage).document.querySelector('[data-testid=credited-seconds]')?.textContent,
        ) > 0,
      undefined,
      WAIT,
    );
    // Heartbeats go on while the page is open, so the page and the server are compared until they agree:
    // the page must come to show exactly the server's number (never a local sum of its own claims).
    await expect
      .poll(
        async () => {
          const onPage = Number(await page.getByTestId('credited-seconds').textContent());
          return onPage > 0 && onPage === (await dbCredit(reading.id));
        },
        { timeout: 60_000, interval: 250 },
      )
      .toBe(true);
    // The API says the same as the database.
    await page.goto(`${base}/jp`);
    await heading('JP tahunan').waitFor(WAIT);
    await page.getByTestId('all-sent').waitFor(WAIT);
    const token0 = (await ctx.http.post('/v1/auth/login').send({ login: person.nip, password })).body.accessToken;
    const fresh = await ctx.http.get(`/v1/me/enrollments/${enrollmentId}`).set(bearer(token0)).expect(200);
    const byApi = fresh.body.progress.lessons.find(
      (l: { lessonId: string }) => l.lessonId === reading.id,
    ).creditedSeconds;
    expect(byApi).toBe(await dbCredit(reading.id));
    // And the annual JP on the page is the server's (a minute of reading is still 0 JP at 45 minutes a JP).
    const year = await page.evaluate(() => new Date().getFullYear());
    await page.reload();
    await page.getByTestId('jp-total').waitFor(WAIT);
    const jp = await ctx.http.get(`/v1/me/jp?year=${year}`).set(bearer(token0)).expect(200);
    const shownJp = (await page.getByTestId('jp-total').textContent())!.split(' ')[0];
    expect(Number(shownJp)).toBeCloseTo(jp.body.totalJp, 2);

    // 9. Sending the whole queue again changes nothing: the server answers duplicate for every event.
    const all = await page.evaluate<Queued[]>(readQueue);
    const token = (await ctx.http.post('/v1/auth/login').send({ login: person.nip, password })).body.accessToken;
    const before = await ctx.deps.pool.query<{ s: string }>(
      'select coalesce(sum(credited_seconds), 0) as s from lesson_progress where enrollment_id = $1',
      [enrollmentId],
    );
    const again = await ctx.http
      .post('/v1/me/progress')
      .set(bearer(token))
      .send({
        enrollmentId,
        events: all.map((e) => ({
          clientEventId: e.clientEventId,
          type: e.type,
          lessonId: e.lessonId,
          occurredAt: e.occurredAt,
          activeSeconds: e.activeSeconds,
        })),
      })
      .expect(200);
    expect(again.body.results.every((r: { status: string }) => r.status === 'duplicate')).toBe(true);
    expect(again.body.creditedSeconds).toBe(0);
    const after = await ctx.deps.pool.query<{ s: string }>(
      'select coalesce(sum(credited_seconds), 0) as s from lesson_progress where enrollment_id = $1',
      [enrollmentId],
    );
    expect(after.rows[0]!.s).toBe(before.rows[0]!.s);
  }, 300_000);

  test('a visible page without input for two minutes stops counting, and input starts it again', async () => {
    // A browser context of its own, since the fake clock is the whole context's: two minutes of
    // nobody at the screen pass in a moment, and only when the test moves the clock.
    const tokens = (await ctx.http.post('/v1/auth/login').send({ login: person.nip, password }).expect(200)).body;
    const own = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: 'block' });
    try {
      await own.addInitScript(
        `localStorage.setItem('asn.heartbeatSeconds', '2');
         localStorage.setItem('asn.session', ${JSON.stringify(JSON.stringify({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken }))});`,
      );
      await own.clock.install();
      const idle = await own.newPage();
      await idle.goto(`${base}/programs/${enrollmentId}/lessons/${readingId}`);
      await idle.getByRole('heading', { level: 1, name: readingTitle }).waitFor(WAIT);
      // Offline, so the heartbeats stay on the device to be counted (they are dated by the fake clock).
      await own.setOffline(true);
      await idle.clock.pauseAt(Date.now() + 1000);
      const seconds = async () =>
        (await idle.evaluate<Queued[]>(readQueue))
          .filter((e) => e.lessonId === readingId)
          .reduce((n, e) => n + e.activeSeconds, 0);
      const before = await seconds();
      await idle.mouse.move(120, 320);
      await idle.clock.runFor(110_000);
      await idle.getByText('Waktu belajar sedang dihitung').waitFor(WAIT);
      await idle.clock.runFor(15_000);
      await idle.getByText('Waktu tidak dihitung').waitFor(WAIT);
      // A minute and a half more with nobody there: nothing more is counted. What was counted is the
      // two minutes after the last input, and the second or two before it.
      await idle.clock.runFor(95_000);
      await until(async () => ((await seconds()) - before >= 119 ? true : undefined));
      const counted = (await seconds()) - before;
      expect(counted).toBeGreaterThanOrEqual(119);
      expect(counted).toBeLessThanOrEqual(123);
      // Someone is back: counting resumes.
      await idle.mouse.move(200, 400);
      await idle.clock.runFor(2_000);
      await idle.getByText('Waktu belajar sedang dihitung').waitFor(WAIT);
    } finally {
      await own.close();
    }
  }, 120_000);

  test('the annual JP, certificates, password screens and the English switch', async () => {
    await page.goto(`${base}/jp`);
    await heading('JP tahunan').waitFor(WAIT);
    await page.getByTestId('jp-total').waitFor(WAIT);
    await axe('jp');
    await shot('jp');

    await page.goto(`${base}/certificates`);
    await heading('Sertifikat').waitFor(WAIT);
    await page.getByText('Belum ada sertifikat.').waitFor(WAIT);
    await axe('certificates');

    await page.getByRole('button', { name: /English/ }).click();
    await heading('Certificates').waitFor(WAIT);
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    await page.getByRole('button', { name: /Bahasa Indonesia/ }).click();
    await heading('Sertifikat').waitFor(WAIT);

    await page.getByRole('button', { name: 'Keluar' }).click();
    await heading('Masuk').waitFor(WAIT);
    // Forgot the password: the reset mail's link opens the app, and the new password logs in.
    await page.goto(`${base}/forgot-password`);
    await heading('Lupa kata sandi').waitFor(WAIT);
    await axe('forgot-password');
    await page.getByLabel('NIP atau email').fill(person.nip);
    await page.getByRole('button', { name: 'Kirim tautan' }).click();
    await page.getByText('Bila akun itu ada dan punya email').waitFor(WAIT);
    // No SMTP server here: the mail is in the local outbox, where the organizer's admin reads it.
    const mail = await until(async () => {
      const items = (await ctx.http.get('/v1/mails?kind=password_reset').set(orgAdmin).expect(200)).body
        .items as Array<{
        id: string;
        to: { address: string };
      }>;
      return items.find((m) => m.to.address === person.email);
    });
    const text = (await ctx.http.get(`/v1/mails/${mail.id}`).set(orgAdmin).expect(200)).body.text as string;
    const link = /https?:\/\/\S+(\/reset-password\?token=[\w-]+)/.exec(text)!;
    expect(link, text).not.toBeNull();
    await page.goto(`${base}${link[1]}`);
    await heading('Buat kata sandi baru').waitFor(WAIT);
    await axe('reset-password');
    const newPassword = 'sandi-baru-setelah-lupa';
    await page.getByRole('textbox', { name: /^Kata sandi baru/ }).fill(newPassword);
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await page.getByText('Kata sandi sudah diganti').waitFor(WAIT);
    await page.goto(`${base}/login`);
    await page.getByLabel('NIP atau email').fill(person.nip);
    await page.getByLabel('Kata sandi', { exact: true }).fill(newPassword);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await heading('Program saya').waitFor(WAIT);
    // The link worked once.
    const again = await ctx.http
      .post('/v1/auth/password-reset/confirm')
      .send({ token: link[1]!.split('token=')[1], password: 'sandi-ketiga-kalinya' });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('PASSWORD_RESET_INVALID');

    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});

interface Queued {
  clientEventId: string;
  type: string;
  lessonId: string;
  occurredAt: string;
  activeSeconds: number;
  status: string;
  creditedSeconds?: number;
}

/**
 * What the functions polled in the page use of it. They must be functions, not strings: the page's
 * content security policy forbids evaluating strings there. The test is compiled without the DOM library.
 */
interface InPage {
  document: { querySelector(selector: string): { textContent: string | null; disabled?: boolean } | null };
  navigator: { serviceWorker: { controller: unknown } };
}

/** Runs in the page: the page as hidden or visible, as the Page Visibility API reports it; the time. */
const setVisibility = (state: 'hidden' | 'visible') => `(() => {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => '${state}' });
  document.dispatchEvent(new Event('visibilitychange'));
  return Date.now();
})()`;

/** Runs in the page: every event in the app's IndexedDB outbox. */
const readQueue = `new Promise((resolve, reject) => {
  const open = indexedDB.open('asn-participant');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const request = open.result.transaction('events').objectStore('events').getAll();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  };
})`;
