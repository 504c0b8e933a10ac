// The post office app's service worker: keeps the app itself (index.html and its content-hashed assets) so
// that a counter on a commune line can open or reload the app while the line is down, then work into the
// outbox. It never touches /api: every call to the services goes to the network, and what cannot be sent
// waits in the outbox (IndexedDB), not here.
const CACHE = 'bcci-post-office-app-shell-v1';
const SHELL = '/';

/** Keeps the page and the assets it names (Vite's /assets/<name>-<hash>.js|css); only new assets are fetched. */
async function cacheShell(page) {
  if (!page.ok) throw new Error(`the app page answered ${page.status}`);
  const html = await page.clone().text();
  const assets = [...new Set(html.match(/\/assets\/[^"'\s>]+/g) ?? [])];
  const cache = await caches.open(CACHE);
  const missing = [];
  for (const asset of assets) if (!(await cache.match(asset))) missing.push(asset);
  await cache.addAll(missing);
  await cache.put(SHELL, page);
  // Assets of earlier builds are dropped: the page now cached no longer names them.
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (path.startsWith('/assets/') && !assets.includes(path)) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    fetch(SHELL, { cache: 'no-store' })
      .then(cacheShell)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    // Network first, so a new build reaches the counter on its next load; the kept page when there is no answer.
    event.respondWith(
      fetch(request).then(
        (response) => {
          if (response.ok) event.waitUntil(cacheShell(response.clone()).catch(() => undefined));
          return response;
        },
        () => caches.match(SHELL).then((kept) => kept ?? Response.error()),
      ),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    // Content-hashed, so never stale: the kept copy first.
    event.respondWith(caches.match(request).then((kept) => kept ?? fetch(request)));
  }
});
