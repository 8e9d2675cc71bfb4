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
 * A form's submit: one at a time, the form's error cleared first. `send` answers with the problem
 * to show, or nothing when it went through; a request that could not be made says so.
 */
function useSubmit(send: () => Promise<string | undefined>) {
  const { t } = useI18n();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      setError(await send());
    } catch {
      setError(t.needsConnection);
    } finally {
      setBusy(false);
    }
  };
  return { submit, error, busy };
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
  const { submit, error, busy } = useSubmit(async () => {
    const { data, error } = await api.POST('/v1/auth/login', { body: { login: login.trim(), password } });
    if (!data) return problemMessage(error, t.errorGeneric);
    setSession(data);
    await actAsParticipant().catch(() => undefined);
    navigate('/', true);
    return undefined;
  });
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
  const { submit, error, busy } = useSubmit(async () => {
    const { data, error } = await api.POST('/v1/auth/activate', {
      body: { login: login.trim(), code: code.trim(), password },
    });
    if (!data) return problemMessage(error, t.errorGeneric);
    setSession(data);
    navigate('/', true);
    return undefined;
  });
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

export function ForgotPassword() {
  const { t } = useI18n();
  const [login, setLogin] = useState('');
  const [sent, setSent] = useState(false);
  const { submit, error, busy } = useSubmit(async () => {
    const { response, error } = await api.POST('/v1/auth/password-reset', { body: { login: login.trim() } });
    if (!response.ok) return problemMessage(error, t.errorGeneric);
    setSent(true);
    return undefined;
  });
  return (
    <Screen title={t.forgotTitle}>
      <p>{t.forgotIntro}</p>
      <form onSubmit={submit} class="card">
        <Field id="login" label={t.loginLabel} value={login} onInput={setLogin} autocomplete="username" />
        <Message error={error} ok={sent ? t.forgotSent : undefined} />
        <button type="submit" class="primary" disabled={busy || sent}>
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
  const [done, setDone] = useState(false);
  const { submit, error, busy } = useSubmit(async () => {
    const { response, error } = await api.POST('/v1/auth/password-reset/confirm', { body: { token, password } });
    if (!response.ok) return problemMessage(error, t.errorGeneric);
    setDone(true);
    return undefined;
  });
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
          <button type="submit" class="primary" disabled={busy || done}>
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
