import { useEffect, useState } from 'preact/hooks';
import { api, setSession } from '../api.js';
import { formatDate, formatInstant, formatJp, useI18n } from '../i18n.js';
import { onOutboxChange, outboxState } from '../outbox.js';
import { useData } from '../use-data.js';
import { Meter, Screen, Status } from '../ui.js';

type MyEnrollmentShape = NonNullable<Awaited<ReturnType<typeof listEnrollments>>['data']>[number];
type Detail = NonNullable<Awaited<ReturnType<typeof getEnrollment>>['data']>;

const listEnrollments = () => api.GET('/v1/me/enrollments');
const getEnrollment = (id: string) => api.GET('/v1/me/enrollments/{id}', { params: { path: { id } } });

function PhaseList({ enrollment, detail }: { enrollment: MyEnrollmentShape; detail?: Detail }) {
  const { t, lang } = useI18n();
  const zone = enrollment.cohort.timeZone;
  return (
    <ol class="phases">
      {enrollment.phases.map((p) => {
        const earned = detail?.progress.phases.find((x) => x.phaseId === p.id)?.earnedJp;
        return (
          <li key={p.id} class={`phase phase-${p.state}`}>
            <strong>
              {p.name}
              {p.name.toLowerCase() !== t.phaseKind[p.kind]?.toLowerCase() && ` · ${t.phaseKind[p.kind]}`}
            </strong>{' '}
            <span class={`badge state-${p.state}`}>{t.phaseState[p.state]}</span>
            <br />
            {formatDate(p.startDate, lang)} – {formatDate(p.endDate, lang)}
            {p.kind === 'online' && earned !== undefined && (
              <div>
                <Meter
                  value={earned}
                  max={p.requiredJp}
                  label={`${p.name}: ${t.jpOf(formatJp(earned), formatJp(p.requiredJp))}`}
                />{' '}
                {t.jpOf(formatJp(earned), formatJp(p.requiredJp))}
              </div>
            )}
            {p.kind === 'online' && p.state !== 'closed' && (
              <div class="deadline">{t.deadline(formatInstant(p.closesAtForYou, zone, lang))}</div>
            )}
            {p.kind === 'online' && p.remedialDays > 0 && <div class="hint">{t.remedialWindow(p.remedialDays)}</div>}
          </li>
        );
      })}
    </ol>
  );
}

/** For people with roles in several organizations: which one this login acts in. */
function OrganizationChoice({ onSwitched }: { onSwitched(): void }) {
  const { t } = useI18n();
  const me = useData('me', () => api.GET('/v1/me'));
  if (!me.data || me.data.memberships.length < 2) return null;
  const switchTo = async (organizationId: string) => {
    const { data } = await api.POST('/v1/auth/switch-organization', { body: { organizationId } });
    if (data) {
      setSession(data);
      me.reload();
      onSwitched();
    }
  };
  return (
    <div class="field">
      <label for="organization">{t.organization}</label>
      <select
        id="organization"
        value={me.data.organization?.id ?? ''}
        onChange={(e) => void switchTo((e.target as HTMLSelectElement).value)}
      >
        {me.data.memberships.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Programs() {
  const { t } = useI18n();
  const state = useData('me/enrollments', listEnrollments);
  return (
    <Screen title={t.programsTitle}>
      <OrganizationChoice onSwitched={state.reload} />
      <Status state={state}>
        {(list) =>
          list.length === 0 ? (
            <p>{t.noPrograms}</p>
          ) : (
            <ul class="cards">
              {list.map((e) => (
                <li key={e.id} class="card">
                  <h2>
                    <a href={`/programs/${e.id}`}>{e.course.title}</a>
                  </h2>
                  <p>
                    {t.organizer}: {e.organizer.name}
                    <br />
                    {t.cohort}: {e.cohort.name} · <span class="badge">{t.enrollmentStatus[e.status]}</span>
                  </p>
                  {e.status === 'remedial' && <p class="notice">{t.remedialNow}</p>}
                  <PhaseList enrollment={e} />
                </li>
              ))}
            </ul>
          )
        }
      </Status>
    </Screen>
  );
}

/** Fetches each lesson once while online, so the service worker keeps it for reading offline. */
function useOfflineLessons(lessonIds: string[], enabled: boolean): number {
  const [ready, setReady] = useState(0);
  const key = lessonIds.join(',');
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    (async () => {
      let n = 0;
      for (const id of lessonIds) {
        if (!live) return;
        try {
          const { data } = await api.GET('/v1/lessons/{id}', { params: { path: { id } } });
          if (data) n++;
        } catch {
          // offline again: what was fetched stays
        }
        if (live) setReady(n);
      }
    })();
    return () => {
      live = false;
    };
  }, [key, enabled]);
  return ready;
}

export function ProgramDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const [syncedAt, setSyncedAt] = useState(outboxState().syncedAt);
  useEffect(() => onOutboxChange((s) => setSyncedAt(s.syncedAt)), []);
  const state = useData(`me/enrollments/${id}/${syncedAt}`, () => getEnrollment(id));
  const lessons = state.data?.modules.flatMap((m) => m.lessons.map((l) => l.id)) ?? [];
  const current = state.data?.phases.find((p) => p.id === state.data?.currentPhaseId);
  const ready = useOfflineLessons(lessons, navigator.onLine && current?.kind === 'online');
  return (
    <Screen title={state.data?.course.title ?? t.loading}>
      <p>
        <a href="/">{t.back}</a>
      </p>
      <Status state={state}>{(d) => <Detail detail={d} ready={ready} />}</Status>
    </Screen>
  );
}

function Detail({ detail, ready }: { detail: Detail; ready: number }) {
  const { t } = useI18n();
  const progress = new Map(detail.progress.lessons.map((l) => [l.lessonId, l]));
  const earned = new Map(detail.progress.modules.map((m) => [m.moduleId, m.earnedJp]));
  const total = detail.modules.reduce((n, m) => n + m.lessons.length, 0);
  const next = detail.modules
    .flatMap((m) => m.lessons)
    .find((l) => l.required && progress.get(l.id)?.state !== 'completed');
  return (
    <>
      <p>
        {t.organizer}: {detail.organizer.name} · {t.cohort}: {detail.cohort.name} ·{' '}
        <span class="badge">{t.enrollmentStatus[detail.status]}</span>
      </p>
      {detail.status === 'remedial' && <p class="notice">{t.remedialNow}</p>}
      <div class="card">
        <h2>{t.next}</h2>
        {next ? (
          <p>
            <a class="button primary" href={`/programs/${detail.id}/lessons/${next.id}`}>
              {next.title}
            </a>
          </p>
        ) : (
          <p>{t.nothingNext}</p>
        )}
        <p class="hint" data-testid="offline-ready">
          {t.offlineReady(ready, total)}
        </p>
      </div>
      <h2>{t.phases}</h2>
      <PhaseList enrollment={detail} detail={detail} />
      {detail.attendance.sessionsRecorded > 0 && (
        <p>
          {t.classroom}: {t.absence(detail.attendance.absentJp, detail.attendance.limit.maxJp)}
        </p>
      )}
      <h2>{t.modules}</h2>
      {detail.modules.map((m) => {
        const e = earned.get(m.id) ?? 0;
        return (
          <section key={m.id} class="card module" aria-labelledby={`m-${m.id}`}>
            <h3 id={`m-${m.id}`}>{m.title}</h3>
            <p class="hint">
              {m.agenda} · {t.jpOf(formatJp(e), formatJp(m.jp))}
            </p>
            <Meter value={e} max={m.jp} label={`${m.title}: ${t.jpOf(formatJp(e), formatJp(m.jp))}`} />
            <ul class="lessons">
              {m.lessons.map((l) => {
                const p = progress.get(l.id);
                return (
                  <li key={l.id}>
                    <a href={`/programs/${detail.id}/lessons/${l.id}`}>{l.title}</a>
                    <span class="hint">
                      {' '}
                      {t.lessonKind[l.kind]} · {t.minutes(l.durationMinutes)}
                      {!l.required && ` · ${t.optional}`} · {t.lessonState[p?.state ?? 'not_started']}
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </>
  );
}
