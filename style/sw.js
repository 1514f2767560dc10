// Folio's service worker: a reader who has visited the blog can read it offline.
//
// - The app shell (the page, the app's JS, wasm and CSS, the render worker, under the
//   hashed names the pages and the worker's loader give them) is cached when the worker
//   installs; hashed files are served from the cache, the rest from the network first.
// - posts.json is fetched from the network when online (and the cache refreshed), from the
//   cache when not.
// - Every post a reader opens (its Markdown and images) is kept, so it reads offline.
// - Pages: the network first; offline, the cached page or else the app shell (404.html,
//   which is the app without prerendered content), and the app routes from there.
// - A new version waits until every tab of the old one is closed: nothing changes mid-read.
//   The first install takes control at once, so the first visit is already cached.
const CACHE = 'folio-v1';
const SHELL = ['./', '404.html', 'posts.json', 'folio-render-worker_loader.js', 'folio-render-worker.js', 'folio-render-worker_bg.wasm'];
// Trunk writes its 64-bit content hash without leading zeros (`{:x}`): one build in 16
// names a file with 15 digits, one in 256 with 14 (tests/e2e/hosting.spec.js).
const HASHED = /-[0-9a-f]{8,16}(_bg\.wasm|\.js|\.css)$/;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await Promise.all(SHELL.map((url) => cache.add(url).catch(() => {})));
    // The app's hashed files, as the home page, the app shell and the render worker's
    // loader name them: a page prerendered by folio build names the app only in its
    // loader's script, and folio build gives the worker hashed names in its loader.
    const assets = new Set();
    for (const file of ['./', '404.html', 'folio-render-worker_loader.js']) {
      const response = await cache.match(file);
      const text = response ? await response.text() : '';
      for (const [, name] of text.matchAll(/["']([^"'\s]+)["']/g)) {
        if (HASHED.test(name)) assets.add(new URL(name, self.registration.scope).href);
      }
    }
    await Promise.all([...assets].map((url) => cache.add(url).catch(() => {})));
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    // A new version activates only once no page uses the old one (no skipWaiting), so
    // claiming can only ever take pages that had no worker: the first visit.
    await self.clients.claim();
  })());
});

async function networkFirst(request, fallback) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = (await cache.match(request, { ignoreSearch: request.mode === 'navigate' }))
      || (fallback && (await cache.match(fallback)));
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // An event stream (folio serve's live reload) never ends: fetched and cached here, it
  // would stay open after its page is gone, and six of them take every connection the
  // browser allows the site. The browser handles it alone.
  if (request.headers.get('accept') === 'text/event-stream') return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, '404.html'));
  } else if (HASHED.test(url.pathname)) {
    event.respondWith(cacheFirst(request));
  } else {
    event.respondWith(networkFirst(request));
  }
});
