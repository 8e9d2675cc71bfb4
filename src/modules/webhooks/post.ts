import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { checkTarget, type AllowedNetworks, type ResolveHost } from './target.js';

/**
 * What the delivery log may say about an attempt. Deliberately coarse: the receiver's error text,
 * or whether a port was closed or filtered, tells a tenant about networks that are not theirs.
 */
export type DeliveryOutcome =
  | { ok: true; status: number }
  | { ok: false; status: number | null; error: 'TARGET_NOT_ALLOWED' | 'HTTP_ERROR' | 'UNREACHABLE' };

export interface PostOptions {
  allowed: AllowedNetworks;
  resolve: ResolveHost;
  timeoutMs: number;
}

/**
 * POSTs a body to a receiver whose address is checked first; the connection then goes to exactly
 * the address that was checked, so a name that resolves differently a moment later (DNS
 * rebinding) cannot reach anything else. Redirects are not followed: a 3xx is a failed attempt.
 */
export async function postToReceiver(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: PostOptions,
): Promise<DeliveryOutcome> {
  const check = await checkTarget(url, options.allowed, options.resolve);
  if (!check.ok) {
    return { ok: false, status: null, error: check.reason === 'not_allowed' ? 'TARGET_NOT_ALLOWED' : 'UNREACHABLE' };
  }
  const address = check.addresses[0]!;
  const family = address.includes(':') ? 6 : 4;
  const pinned: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise<DeliveryOutcome>((resolve) => {
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: pinned,
        agent: false,
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (response) => {
        const status = response.statusCode ?? 0;
        // Only the status matters; the receiver's body is never read.
        response.destroy();
        resolve(status >= 200 && status < 300 ? { ok: true, status } : { ok: false, status, error: 'HTTP_ERROR' });
      },
    );
    request.on('error', () => resolve({ ok: false, status: null, error: 'UNREACHABLE' }));
    request.end(body);
  });
}
