import { createApiClient, type components } from '../../clients/typescript/index.js';

export type Schemas = components['schemas'];

interface Session {
  accessToken: string;
  refreshToken: string;
}

const KEY = 'asn.session';
let session: Session | undefined = readSession();
const listeners = new Set<() => void>();

function readSession(): Session | undefined {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : undefined;
  } catch {
    return undefined;
  }
}

export function isLoggedIn(): boolean {
  return session !== undefined;
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setSession(tokens: Session | undefined): void {
  session = tokens ? { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken } : undefined;
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
  for (const l of listeners) l();
}

let refreshing: Promise<boolean> | undefined;

/** A new token pair from the refresh token; only one refresh at a time (refresh tokens rotate). */
function refresh(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      if (!session) return false;
      const res = await fetch('/v1/auth/refresh', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: session.refreshToken }),
      });
      if (res.status === 401 || res.status === 400) {
        setSession(undefined);
        return false;
      }
      if (!res.ok) return false;
      setSession((await res.json()) as Session);
      return true;
    } finally {
      refreshing = undefined;
    }
  })();
  return refreshing;
}

/** fetch with the bearer token; an expired access token is refreshed once and the request retried. */
async function authorizedFetch(input: Request): Promise<Response> {
  const retry = input.clone();
  const first = await fetch(withToken(input));
  if (first.status !== 401 || !session) return first;
  if (!(await refresh())) return first;
  return fetch(withToken(retry));
}

function withToken(request: Request): Request {
  if (session) request.headers.set('Authorization', `Bearer ${session.accessToken}`);
  return request;
}

export const api = createApiClient(location.origin, { fetch: authorizedFetch });

/** A raw authorized request, for files (PDF, credential, uploads). */
export function authorized(path: string, init: RequestInit = {}): Promise<Response> {
  return authorizedFetch(new Request(path, init));
}

/** The `detail` of a problem answer, else a generic message. */
export function problemMessage(error: unknown, fallback: string): string {
  if (error && typeof error === 'object' && 'detail' in error && typeof error.detail === 'string') return error.detail;
  return fallback;
}
