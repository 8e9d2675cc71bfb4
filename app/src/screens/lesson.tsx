import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, authorized, problemMessage } from '../api.js';
import { trackLesson, type Tracker } from '../activity.js';
import { deleteDraft, getDraft, putDraft } from '../db.js';
import { useI18n } from '../i18n.js';
import { renderMarkdown } from '../markdown.js';
import { enqueue, onOutboxChange, outboxState, type OutboxState } from '../outbox.js';
import { useData } from '../use-data.js';
import { Screen, Status } from '../ui.js';

type Lesson = NonNullable<Awaited<ReturnType<typeof getLesson>>['data']>;
type QuizResult = NonNullable<Awaited<ReturnType<typeof submitAttempt>>['data']>;
const getLesson = (id: string) => api.GET('/v1/lessons/{id}', { params: { path: { id } } });
const submitAttempt = (
  lessonId: string,
  enrollmentId: string,
  answers: Array<{ questionId: string; selected: string[] }>,
) =>
  api.POST('/v1/lessons/{id}/quiz-attempts', { params: { path: { id: lessonId } }, body: { enrollmentId, answers } });

function useOutbox(): OutboxState {
  const [s, setS] = useState(outboxState());
  useEffect(() => onOutboxChange(setS), []);
  return s;
}

export function LessonScreen({ enrollmentId, lessonId }: { enrollmentId: string; lessonId: string }) {
  const { t } = useI18n();
  const outbox = useOutbox();
  const lesson = useData(`lesson/${lessonId}`, () => getLesson(lessonId));
  const detail = useData(`me/enrollments/${enrollmentId}/${outbox.syncedAt}`, () =>
    api.GET('/v1/me/enrollments/{id}', { params: { path: { id: enrollmentId } } }),
  );
  const progress = detail.data?.progress.lessons.find((l) => l.lessonId === lessonId);
  const [active, setActive] = useState(true);
  const tracker = useRef<Tracker | undefined>(undefined);
  useEffect(() => {
    const tr = trackLesson(enrollmentId, lessonId);
    tr.onChange(setActive);
    tracker.current = tr;
    return () => void tr.stop();
  }, [enrollmentId, lessonId]);

  return (
    <Screen title={lesson.data?.title ?? t.loading}>
      <p>
        <a href={`/programs/${enrollmentId}`}>{t.back}</a>
      </p>
      <div class="card credit" aria-live="polite">
        <p>
          {t.credited}: <strong data-testid="credited-seconds">{progress?.creditedSeconds ?? 0}</strong>{' '}
          {t.seconds(progress?.creditedSeconds ?? 0).replace(/^\d+\s*/, '')} ·{' '}
          {progress ? t.lessonState[progress.state] : ''}
        </p>
        <p>
          {t.pending}: <strong data-testid="pending-seconds">{outbox.pendingByLesson[lessonId] ?? 0}</strong>{' '}
          {t.seconds(0).replace(/^\d+\s*/, '')}
        </p>
        <p class="hint">{active ? t.activeNow : t.idleNow}</p>
      </div>
      <Status state={lesson}>
        {(l) => (
          <LessonBody
            lesson={l}
            enrollmentId={enrollmentId}
            attempts={progress?.attempts ?? 0}
            bestScore={progress?.bestScore ?? null}
            completed={progress?.state === 'completed'}
            onPlaying={(p) => tracker.current?.setPlaying(p)}
            online={outbox.online}
            onChanged={detail.reload}
          />
        )}
      </Status>
    </Screen>
  );
}

function LessonBody(props: {
  lesson: Lesson;
  enrollmentId: string;
  attempts: number;
  bestScore: number | null;
  completed: boolean;
  online: boolean;
  onPlaying(p: boolean): void;
  onChanged(): void;
}) {
  const { t } = useI18n();
  const { lesson } = props;
  const html = useMemo(() => (lesson.body ? renderMarkdown(lesson.body) : ''), [lesson.body]);
  const [marked, setMarked] = useState(false);
  return (
    <article class="card lesson">
      <p class="hint">
        {t.lessonKind[lesson.kind]} · {t.minutes(lesson.durationMinutes)}
      </p>
      {lesson.kind === 'video' && lesson.mediaUrl && (
        <>
          <video
            controls
            preload="none"
            src={lesson.mediaUrl}
            onPlay={() => props.onPlaying(true)}
            onPause={() => props.onPlaying(false)}
            onEnded={() => props.onPlaying(false)}
          />
          <p>
            <a href={lesson.mediaUrl} target="_blank" rel="noopener noreferrer">
              {t.openVideo}
            </a>
          </p>
        </>
      )}
      {/* Lesson text from the published course, rendered without raw HTML (see markdown.ts). */}
      {html && <div class="prose" dangerouslySetInnerHTML={{ __html: html }} />}
      {lesson.kind === 'quiz' && lesson.quiz && (
        <Quiz
          lesson={lesson}
          enrollmentId={props.enrollmentId}
          attempts={props.attempts}
          bestScore={props.bestScore}
          online={props.online}
          onDone={props.onChanged}
        />
      )}
      {lesson.kind === 'assignment' && lesson.submission && (
        <Assignment lesson={lesson} enrollmentId={props.enrollmentId} online={props.online} />
      )}
      {lesson.manualCompletion && !props.completed && (
        <button
          type="button"
          disabled={marked}
          onClick={async () => {
            setMarked(true);
            await enqueue({
              enrollmentId: props.enrollmentId,
              lessonId: lesson.id,
              type: 'lesson_completed',
              activeSeconds: 0,
            });
          }}
        >
          {marked ? t.markedDone : t.markDone}
        </button>
      )}
    </article>
  );
}

function Quiz(props: {
  lesson: Lesson;
  enrollmentId: string;
  attempts: number;
  bestScore: number | null;
  online: boolean;
  onDone(): void;
}) {
  const { t } = useI18n();
  const quiz = props.lesson.quiz!;
  const key = `${props.enrollmentId}:${props.lesson.id}`;
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [result, setResult] = useState<QuizResult>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void getDraft(key).then((d) => d && setAnswers(d.answers));
  }, [key]);
  const left = result ? result.attemptsLeft : Math.max(0, quiz.attemptLimit - props.attempts);
  const choose = (questionId: string, option: string, multiple: boolean, checked: boolean) => {
    const current = answers[questionId] ?? [];
    const next = multiple ? (checked ? [...current, option] : current.filter((o) => o !== option)) : [option];
    const all = { ...answers, [questionId]: next };
    setAnswers(all);
    setResult(undefined);
    // Kept on the device at once: a reload, or a day offline, loses nothing.
    void putDraft({ key, answers: all });
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const { data, error } = await submitAttempt(
        props.lesson.id,
        props.enrollmentId,
        quiz.questions.map((q) => ({ questionId: q.id, selected: answers[q.id] ?? [] })),
      );
      if (data) {
        setResult(data);
        await deleteDraft(key);
        props.onDone();
      } else setError(problemMessage(error, t.errorGeneric));
    } catch {
      setError(t.needsConnection);
    } finally {
      setBusy(false);
    }
  };
  const outcome = new Map(result?.questions.map((q) => [q.questionId, q]));
  return (
    <form onSubmit={submit} class="quiz">
      <p data-testid="quiz-info">
        {t.quizInfo(left, quiz.passScore)}
        {props.bestScore !== null && ` · ${t.bestScore(props.bestScore)}`}
      </p>
      {quiz.questions.map((q, i) => {
        const multiple = q.kind === 'multiple';
        const o = outcome.get(q.id);
        return (
          <fieldset key={q.id}>
            <legend>
              {t.question(i + 1)}. {q.prompt}
            </legend>
            {q.options.map((opt) => (
              <label key={opt.key} class="option">
                <input
                  type={multiple ? 'checkbox' : 'radio'}
                  name={`q-${q.id}`}
                  value={opt.key}
                  checked={(answers[q.id] ?? []).includes(opt.key)}
                  onChange={(e) => choose(q.id, opt.key, multiple, (e.target as HTMLInputElement).checked)}
                />{' '}
                {opt.key}. {opt.text}
              </label>
            ))}
            {o && (
              <p class={o.correct ? 'ok' : 'error'}>
                {o.correct ? t.correct : t.wrong}
                {o.correctAnswers && !o.correct && ` · ${t.correctAnswer(o.correctAnswers.join(', '))}`}
              </p>
            )}
          </fieldset>
        );
      })}
      {result && (
        <p role="status" class={result.passed ? 'ok' : 'error'} data-testid="quiz-result">
          {t.score(result.score)} · {result.passed ? t.passed : t.notPassed}
        </p>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {!props.online && <p class="notice">{t.quizOffline}</p>}
      {left === 0 && <p class="notice">{t.quizNoAttempts}</p>}
      <button type="submit" class="primary" disabled={busy || !props.online || left === 0}>
        {t.submitQuiz}
      </button>
    </form>
  );
}

function Assignment({ lesson, enrollmentId, online }: { lesson: Lesson; enrollmentId: string; online: boolean }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ ok?: string; error?: string }>({});
  const [round, setRound] = useState(0);
  const path = `/v1/enrollments/${enrollmentId}/lessons/${lesson.id}/submissions`;
  const list = useData(`${path}/${round}`, () =>
    api.GET('/v1/enrollments/{id}/lessons/{lessonId}/submissions', {
      params: { path: { id: enrollmentId, lessonId: lesson.id } },
    }),
  );
  const accepts = lesson.submission!.accepts;
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const file = (form.elements.namedItem('file') as HTMLInputElement | null)?.files?.[0];
    let res: Response;
    try {
      if (file) {
        const body = new FormData();
        body.append('file', file);
        res = await authorized(path, { method: 'POST', body });
      } else {
        res = await authorized(path, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text }),
        });
      }
    } catch {
      setMessage({ error: t.needsConnection });
      return;
    }
    if (res.ok) {
      setMessage({ ok: t.assignmentSent });
      setText('');
      form.reset();
      setRound((r) => r + 1);
    } else setMessage({ error: problemMessage(await res.json().catch(() => undefined), t.errorGeneric) });
  };
  return (
    <section aria-labelledby="assignment-title">
      <h2 id="assignment-title">{t.assignmentTitle}</h2>
      <form onSubmit={submit}>
        {accepts !== 'text' && (
          <div class="field">
            <label for="file">{t.assignmentFile}</label>
            <input id="file" name="file" type="file" />
          </div>
        )}
        {accepts !== 'file' && (
          <div class="field">
            <label for="text">{t.assignmentText}</label>
            <textarea
              id="text"
              rows={5}
              value={text}
              onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
            />
          </div>
        )}
        {message.error && (
          <p role="alert" class="error">
            {message.error}
          </p>
        )}
        {message.ok && (
          <p role="status" class="ok">
            {message.ok}
          </p>
        )}
        {!online && <p class="notice">{t.needsConnection}</p>}
        <button type="submit" class="primary" disabled={!online}>
          {t.assignmentSubmit}
        </button>
      </form>
      {list.data && list.data.length > 0 && (
        <>
          <h3>{t.submissions}</h3>
          <ul>
            {list.data.map((s) => (
              <li key={s.id}>
                v{s.version} · {t.submissionStatus[s.status] ?? s.status}
                {s.reviewComment && ` · ${s.reviewComment}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
