import type { TestContext } from './context.js';

let seq = 0;

/** A NIP that passes every check: birth date, appointment month, sex digit, sequence. */
export function makeNip(birthDate = '1990-01-01', n = ++seq): string {
  return `${birthDate.replaceAll('-', '')}202401${1 + (n % 2)}${String(n % 1000).padStart(3, '0')}`;
}

export interface Member {
  id: string;
  token: string;
  nip: string;
  email: string;
  password: string;
}

export interface SeededOrg {
  id: string;
  code: string;
  admin: Member;
  instructor: Member;
  participant: Member;
}

export function bearer(token: string): { Authorization: string } {
  return { Authorization: `Bearer ${token}` };
}

export async function login(ctx: TestContext, login: string, password: string) {
  const res = await ctx.http.post('/v1/auth/login').send({ login, password });
  if (res.status !== 200) throw new Error(`login ${login} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { accessToken: string; refreshToken: string };
}

export async function createMember(
  ctx: TestContext,
  token: string,
  orgId: string,
  role: 'org_admin' | 'instructor' | 'participant',
): Promise<Member> {
  const nip = makeNip();
  const email = `${role}-${nip}@example.org`;
  const password = `pw-${nip}`;
  const res = await ctx.http
    .post('/v1/users')
    .set(bearer(token))
    .send({ orgId, role, nip, email, password, name: `${role} ${nip}`, birthDate: '1990-01-01' });
  if (res.status !== 201) throw new Error(`create ${role} failed: ${res.status} ${JSON.stringify(res.body)}`);
  const { accessToken } = await login(ctx, nip, password);
  return { id: res.body.id as string, token: accessToken, nip, email, password };
}

/** An organization with an admin, an instructor and a participant, each logged in. */
export async function seedOrg(ctx: TestContext, platformToken: string, code: string): Promise<SeededOrg> {
  const res = await ctx.http
    .post('/v1/organizations')
    .set(bearer(platformToken))
    .send({ code, name: `Organisasi ${code}` });
  if (res.status !== 201) throw new Error(`create org failed: ${res.status} ${JSON.stringify(res.body)}`);
  const id = res.body.id as string;
  return {
    id,
    code,
    admin: await createMember(ctx, platformToken, id, 'org_admin'),
    instructor: await createMember(ctx, platformToken, id, 'instructor'),
    participant: await createMember(ctx, platformToken, id, 'participant'),
  };
}

/**
 * Arms the phase clock of a draft cohort; transitions whose instants have passed (by the test's
 * clock) are applied now, as catch-ups.
 */
export async function scheduleCohort(
  ctx: TestContext,
  admin: { Authorization: string },
  cohortId: string,
  missed: 'apply' | 'past-program' = 'apply',
) {
  const res = await ctx.http.post(`/v1/cohorts/${cohortId}/schedule`).set(admin).send({ missed });
  if (res.status !== 200) throw new Error(`schedule ${cohortId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { status: string; pastProgram: boolean; phases: Array<{ id: string; state: string }> };
}

/**
 * Schedules a cohort as its organizer would have, ahead of its dates: the test's manual clock is
 * taken back to `at` (before the first phase opens) for the request, then restored. The clock then
 * acts on the cohort only when the test moves time or runs the reconciler, as it would in life.
 */
export async function scheduleAhead(ctx: TestContext, admin: { Authorization: string }, cohortId: string, at: string) {
  const clock = ctx.deps.clock as Partial<{ set(t: Date | string): void }> & { now(): Date };
  if (!clock.set) throw new Error('scheduleAhead needs a manual clock');
  const now = clock.now();
  clock.set(at);
  try {
    const res = await ctx.http.post(`/v1/cohorts/${cohortId}/schedule`).set(admin).send({});
    if (res.status !== 200) throw new Error(`schedule ${cohortId}: ${res.status} ${JSON.stringify(res.body)}`);
  } finally {
    clock.set(now);
  }
}
