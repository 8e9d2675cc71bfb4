import { bearer, scheduleAhead, scheduleCohort } from './fixtures.js';
import type { TestContext } from './context.js';
import { makePeople } from './roster-files.js';

export interface Person {
  enrollmentId: string;
  nip: string;
  name: string;
  userId: string;
}

export interface BlendedCohort {
  id: string;
  code: string;
  online: string;
  classroom: string;
  people: Person[];
}

/** An instant given as WIB wall-clock time, e.g. wib('2024-11-11T08:00:00'). */
export const wib = (local: string) => new Date(`${local}+07:00`).toISOString();

/**
 * A Jambi-style cohort: the MOOC 23 Oct – 8 Nov 2024 (45 JP), the classroom 11–15 Nov 2024 at
 * BPSDM, and `size` participants (seed-distinct NIPs) enrolled with their full profile.
 */
export async function blendedCohort(
  ctx: TestContext,
  admin: { Authorization: string },
  courseId: string,
  code: string,
  size: number,
  seed: number,
): Promise<BlendedCohort> {
  const created = await ctx.http
    .post('/v1/cohorts')
    .set(admin)
    .send({ courseId, code, name: `Angkatan ${code}` });
  const phased = await ctx.http
    .put(`/v1/cohorts/${created.body.id}/phases`)
    .set(admin)
    .send({
      phases: [
        { kind: 'online', name: 'MOOC', startDate: '2024-10-23', endDate: '2024-11-08', requiredJp: 45 },
        { kind: 'classroom', name: 'Klasikal', startDate: '2024-11-11', endDate: '2024-11-15', venue: 'Aula BPSDM' },
      ],
    })
    .expect(200);
  const people: Person[] = [];
  for (const p of makePeople(size, seed)) {
    const res = await ctx.http
      .post(`/v1/cohorts/${created.body.id}/enrollments`)
      .set(admin)
      .send({
        nip: p.nip,
        name: p.nama,
        category: p.kategori,
        unit: p.unitKerja,
        birthPlace: p.tempatLahir,
        birthDate: p.tanggalLahir,
        rank: p.pangkat,
        position: p.jabatan,
      })
      .expect(201);
    people.push({ enrollmentId: res.body.id, nip: p.nip, name: p.nama, userId: res.body.participant.id });
  }
  // Scheduled ahead of its dates where the test drives time; on the real clock its 2024 dates are
  // long past, and the missed transitions are applied at once.
  if ('set' in ctx.deps.clock) await scheduleAhead(ctx, admin, created.body.id, '2024-10-01T00:00:00Z');
  else await scheduleCohort(ctx, admin, created.body.id, 'apply');
  const [online, classroom] = phased.body.phases as Array<{ id: string }>;
  return { id: created.body.id, code, online: online!.id, classroom: classroom!.id, people };
}

/** Gives a participant a password and logs them in. */
export async function participantToken(
  ctx: TestContext,
  admin: { Authorization: string },
  p: Pick<Person, 'userId' | 'nip'>,
) {
  await ctx.http.patch(`/v1/users/${p.userId}`).set(admin).send({ password: 'peserta-password' }).expect(200);
  const login = await ctx.http.post('/v1/auth/login').send({ login: p.nip, password: 'peserta-password' });
  return bearer(login.body.accessToken as string);
}
