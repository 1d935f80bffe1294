// Evident's service worker: precache the build, serve it offline, update only when asked.
//
// The release build's post-build hook (scripts/postbuild.py) rewrites the two lines
// between the markers with the build's version and the list of its files. Everything
// here is relative to the worker's own location, so the app works under any subpath.
// Nothing is ever fetched from another origin, and nothing is sent anywhere.

// @precache-start
const VERSION = 'dev';
const PRECACHE = ['./', './index.html'];
// @precache-end

const CACHE = `evident-${VERSION}`;
const PREFIX = 'evident-';
const SCOPE = self.registration.scope;
// Hashed file names never change content: the HTTP cache may serve them (Trunk's
// hashes drop leading zeros: 16 hex digits, rarely fewer). Anything
// else (index.html, the manifest, icons) is revalidated while precaching.
const HASHED = /-[0-9a-f]{13,16}(_bg)?\.[a-z]+$/;

self.addEventListener('install', (event) => {
  // No skipWaiting here: a new version waits until the page asks (the user pressed Reload).
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(
        PRECACHE.map((path) => new Request(new URL(path, SCOPE), { cache: HASHED.test(path) ? 'default' : 'no-cache' })),
      ),
    ),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  if (request.mode === 'navigate') {
    // Every screen is index.html plus a hash route.
    event.respondWith(
      caches
        .open(CACHE)
        .then((cache) => cache.match(new URL('./index.html', SCOPE)))
        .then((hit) => hit || fetch(request)),
    );
    return;
  }
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(request, { ignoreSearch: true }))
      .then((hit) => hit || fetch(request)),
  );
});
