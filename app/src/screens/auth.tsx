import { useState } from 'preact/hooks';
import { api, problemMessage, setSession } from '../api.js';
import { useI18n } from '../i18n.js';
import { navigate } from '../router.js';
import { Screen } from '../ui.js';

function Field(props: {
  id: string;
  label: string;
  value: string;
  onInput(v: string): void;
  type?: 'text' | 'password';
  autocomplete?: string;
  hint?: string;
  inputMode?: 'numeric' | 'email' | 'text';
  minLength?: number;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        name={props.id}
        type={(props.type ?? 'text') as 'text'}
        value={props.value}
        required
        minLength={props.minLength}
        autoComplete={props.autocomplete}
        inputMode={props.inputMode}
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        onInput={(e) => props.onInput((e.target as HTMLInputElement).value)}
      />
      {props.hint && (
        <small id={`${props.id}-hint`} class="hint">
          {props.hint}
        </small>
      )}
    </div>
  );
}

function Message({ error, ok }: { error?: string; ok?: string }) {
  if (error)
    return (
      <p role="alert" class="error">
        {error}
      </p>
    );
  if (ok)
    return (
      <p role="status" class="ok">
        {ok}
      </p>
    );
  return null;
}

/**
 * A person with roles in several organizations logs in acting with the strongest one; a participant
 * view of their own programs spans every organizer only when acting as a participant, so the app
 * acts where the person is one.
 */
async function actAsParticipant(): Promise<void> {
  const { data: me } = await api.GET('/v1/me');
  if (!me || me.role === 'participant') return;
  const where = me.memberships.find((m) => m.roles.length === 1 && m.roles[0] === 'participant');
  if (!where) return;
  const { data } = await api.POST('/v1/auth/switch-organization', { body: { organizationId: where.id } });
  if (data) setSession(data);
}

export function Login() {
  const { t } = useI18n();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const { data, error } = await api.POST('/v1/auth/login', { body: { login: login.trim(), password } });
      if (data) {
        setSession(data);
        await actAsParticipant().catch(() => undefined);
        navigate('/', true);
      } else setError(problemMessage(error, t.errorGeneric));
    } catch {
      setError(t.needsConnection);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Screen title={t.loginTitle}>
      <form onSubmit={submit} class="card">
        <Field
          id="login"
          label={t.loginLabel}
          hint={t.loginHint}
          value={login}
          onInput={setLogin}
          autocomplete="username"
        />
        <Field
          id="password"
          label={t.password}
          type="password"
          value={password}
          onInput={setPassword}
          autocomplete="current-password"
        />
        <Message error={error} />
        <button type="submit" class="primary" disabled={busy}>
          {t.loginButton}
        </button>
      </form>
      <p>
        <a href="/forgot-password">{t.forgotLink}</a>
      </p>
      <p>
        <a href="/activate">{t.activateLink}</a>
      </p>
    </Screen>
  );
}

export function Activate({ url }: { url: URL }) {
  const { t } = useI18n();
  const [login, setLogin] = useState(url.searchParams.get('login') ?? '');
  const [code, setCode] = useState(url.searchParams.get('code') ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const { data, error } = await api.POST('/v1/auth/activate', {
        body: { login: login.trim(), code: code.trim(), password },
      });
      if (data) {
        setSession(data);
        navigate('/', true);
      } else setError(problemMessage(error, t.errorGeneric));
    } catch {
      setError(t.needsConnection);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Screen title={t.activateTitle}>
      <p>{t.activateIntro}</p>
      <form onSubmit={submit} class="card">
        <Field id="login" label={t.loginLabel} value={login} onInput={setLogin} autocomplete="username" />
        <Field id="code" label={t.activationCode} value={code} onInput={setCode} autocomplete="one-time-code" />
        <Field
          id="new-password"
          label={t.newPassword}
          type="password"
          minLength={8}
          value={password}
          onInput={setPassword}
          autocomplete="new-password"
        />
        <Message error={error} />
        <button type="submit" class="primary" disabled={busy}>
          {t.activateButton}
        </button>
      </form>
      <p>
        <a href="/login">{t.backToLogin}</a>
      </p>
    </Screen>
  );
}

/**
 * The password reset API: `POST /v1/auth/password-reset {login}` → 202, and
 * `POST /v1/auth/password-reset/confirm {token, password}` → 204. Called as plain requests: the
 * routes are not in every server's contract yet.
 */
async function post(path: string, body: unknown): Promise<Response> {
  return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

async function problemOf(res: Response, fallback: string): Promise<string> {
  try {
    return problemMessage(await res.json(), fallback);
  } catch {
    return fallback;
  }
}

export function ForgotPassword() {
  const { t } = useI18n();
  const [login, setLogin] = useState('');
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    try {
      const res = await post('/v1/auth/password-reset', { login: login.trim() });
      if (res.status === 202 || res.ok) setSent(true);
      else setError(await problemOf(res, t.errorGeneric));
    } catch {
      setError(t.needsConnection);
    }
  };
  return (
    <Screen title={t.forgotTitle}>
      <p>{t.forgotIntro}</p>
      <form onSubmit={submit} class="card">
        <Field id="login" label={t.loginLabel} value={login} onInput={setLogin} autocomplete="username" />
        <Message error={error} ok={sent ? t.forgotSent : undefined} />
        <button type="submit" class="primary" disabled={sent}>
          {t.forgotButton}
        </button>
      </form>
      <p>
        <a href="/login">{t.backToLogin}</a>
      </p>
    </Screen>
  );
}

export function ResetPassword({ url }: { url: URL }) {
  const { t } = useI18n();
  const token = url.searchParams.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    try {
      const res = await post('/v1/auth/password-reset/confirm', { token, password });
      if (res.ok) setDone(true);
      else setError(await problemOf(res, t.errorGeneric));
    } catch {
      setError(t.needsConnection);
    }
  };
  return (
    <Screen title={t.resetTitle}>
      {!token ? (
        <Message error={t.resetMissingToken} />
      ) : (
        <form onSubmit={submit} class="card">
          <Field
            id="new-password"
            label={t.newPassword}
            type="password"
            minLength={8}
            value={password}
            onInput={setPassword}
            autocomplete="new-password"
          />
          <Message error={error} ok={done ? t.resetDone : undefined} />
          <button type="submit" class="primary" disabled={done}>
            {t.resetButton}
          </button>
        </form>
      )}
      <p>
        <a href="/login">{t.backToLogin}</a>
      </p>
    </Screen>
  );
}
