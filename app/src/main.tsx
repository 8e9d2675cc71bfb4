import { type ComponentType, render } from 'preact';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { isLoggedIn, onSessionChange, setSession } from './api.js';
import { forgetSent } from './db.js';
import { dictionaries, I18n, initialLang, type Lang, useI18n } from './i18n.js';
import { flush, onOutboxChange, outboxState, startOutbox } from './outbox.js';
import { navigate, onLinkClick, useLocation } from './router.js';
import { Activate, ForgotPassword, Login, ResetPassword } from './screens/auth.js';
import { ProgramDetail, Programs } from './screens/programs.js';
import './styles.css';

/**
 * A screen fetched when first opened: the lesson reader (with the markdown renderer) and the
 * records stay out of the first download. The service worker keeps every file, so they open offline.
 */
function lazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  return function Lazy(props: P) {
    const [, setReady] = useState(false);
    const t = useI18n().t;
    useEffect(() => {
      if (!loaded) void load().then((c) => ((loaded = c), setReady(true)));
    }, []);
    const C = loaded;
    return C ? <C {...props} /> : <p role="status">{t.loading}</p>;
  };
}

const LessonScreen = lazy(() => import('./screens/lesson.js').then((m) => m.LessonScreen));
const Certificates = lazy(() => import('./screens/records.js').then((m) => m.Certificates));
const AnnualJp = lazy(() => import('./screens/records.js').then((m) => m.AnnualJp));

const PUBLIC = ['/login', '/activate', '/forgot-password', '/reset-password'];

function SyncBar() {
  const { t } = useI18n();
  const [s, setS] = useState(outboxState());
  useEffect(() => onOutboxChange(setS), []);
  return (
    <div class={`syncbar ${s.online ? 'is-online' : 'is-offline'}`} role="status" data-testid="sync-status">
      <span>{s.online ? t.online : t.offline}</span>
      {' · '}
      {s.pending > 0 ? (
        <>
          <span data-testid="pending-count">{t.pendingEvents(s.pending, s.pendingSeconds)}</span>{' '}
          {s.online && (
            <button type="button" class="link" onClick={() => void flush()}>
              {t.sendNow}
            </button>
          )}
        </>
      ) : (
        <span data-testid="all-sent">{t.allSent}</span>
      )}
      {s.rejected > 0 && <span> · {t.rejectedEvents(s.rejected)}</span>}
    </div>
  );
}

function Routes({ url }: { url: URL }) {
  const path = url.pathname.replace(/\/+$/, '') || '/';
  let m: RegExpMatchArray | null;
  if (path === '/login') return <Login />;
  if (path === '/activate') return <Activate url={url} />;
  if (path === '/forgot-password') return <ForgotPassword />;
  if (path === '/reset-password') return <ResetPassword url={url} />;
  if (path === '/certificates') return <Certificates />;
  if (path === '/jp') return <AnnualJp />;
  if ((m = path.match(/^\/programs\/([\w-]+)\/lessons\/([\w-]+)$/)))
    return <LessonScreen key={path} enrollmentId={m[1]!} lessonId={m[2]!} />;
  if ((m = path.match(/^\/programs\/([\w-]+)$/))) return <ProgramDetail key={path} id={m[1]!} />;
  return <Programs />;
}

function App() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const [loggedIn, setLoggedIn] = useState(isLoggedIn());
  const url = useLocation();
  const t = dictionaries[lang];
  useEffect(() => onSessionChange(() => setLoggedIn(isLoggedIn())), []);
  // With the text, not a frame later: a screen reader must never read the new words in the old language.
  useLayoutEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const isPublic = PUBLIC.includes(url.pathname.replace(/\/+$/, ''));
  useEffect(() => {
    if (!loggedIn && !isPublic) navigate('/login', true);
  }, [loggedIn, isPublic]);
  const setLang = (l: Lang) => {
    localStorage.setItem('asn.lang', l);
    setLangState(l);
  };
  const logout = async () => {
    await fetch('/v1/auth/logout', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        refreshToken: JSON.parse(localStorage.getItem('asn.session') ?? '{}').refreshToken ?? '',
      }),
    }).catch(() => undefined);
    await forgetSent();
    navigator.serviceWorker?.controller?.postMessage('clear-api');
    setSession(undefined);
    navigate('/login', true);
  };
  const here = (p: string) =>
    url.pathname === p || (p === '/' && url.pathname.startsWith('/programs')) ? 'page' : undefined;
  return (
    <I18n.Provider value={{ t, lang, setLang }}>
      <a class="skip" href="#main">
        {t.skip}
      </a>
      <header class="top">
        <a href="/" class="brand">
          <img src="/icons/icon.svg" alt="" width={28} height={28} /> {t.appName}
        </a>
        <button
          type="button"
          class="link"
          lang={lang === 'id' ? 'en' : 'id'}
          aria-label={`${t.language}: ${t.switchLanguage}`}
          onClick={() => setLang(lang === 'id' ? 'en' : 'id')}
        >
          {t.switchLanguage}
        </button>
      </header>
      {loggedIn && !isPublic && (
        <nav aria-label={t.nav} class="nav">
          <a href="/" aria-current={here('/')}>
            {t.navPrograms}
          </a>
          <a href="/jp" aria-current={here('/jp')}>
            {t.navJp}
          </a>
          <a href="/certificates" aria-current={here('/certificates')}>
            {t.navCertificates}
          </a>
          <button type="button" class="link" onClick={() => void logout()}>
            {t.logout}
          </button>
        </nav>
      )}
      {loggedIn && !isPublic && <SyncBar />}
      <main id="main">{loggedIn || isPublic ? <Routes url={url} /> : null}</main>
    </I18n.Provider>
  );
}

startOutbox();
document.addEventListener('click', onLinkClick);
render(<App />, document.getElementById('app')!);

if ('serviceWorker' in navigator) {
  addEventListener('load', () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined));
}
