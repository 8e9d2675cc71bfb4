/* global self, caches, fetch, URL */
// The participant app's service worker. The build fills in the version and the list of files.
const VERSION = '__VERSION__';
const PRECACHE = ['__PRECACHE__'];
const SHELL = `shell-${VERSION}`;
const API = 'api-v1';
// Paths the server answers itself: never the app's page.
const SERVER = /^\/(v1|docs|health|metrics|admin|\.well-known|openapi\.json)(\/|$)/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('shell-') && k !== SHELL).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  // Logging out forgets every answer kept for offline use.
  if (event.data === 'clear-api') event.waitUntil(caches.delete(API));
});

/** The network first; what was last fetched when there is none. */
async function networkFirst(request, cacheName, fallbackUrl) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(cacheName);
      await cache.put(request, response.clone());
    }
    return response;
  } catch (error) {
    const cached =
      (await caches.match(request, { ignoreVary: true, ignoreSearch: false })) ||
      (fallbackUrl ? await caches.match(fallbackUrl) : undefined);
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.mode === 'navigate' && !SERVER.test(url.pathname)) {
    event.respondWith(networkFirst(request, SHELL, '/'));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
  } else if (url.pathname.startsWith('/v1/') && !url.pathname.endsWith('.pdf') && !url.pathname.endsWith('/badge')) {
    event.respondWith(networkFirst(request, API));
  } else if (PRECACHE.includes(url.pathname)) {
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
  }
});
