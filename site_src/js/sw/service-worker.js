// The site's service worker, served as sw.js from the site's root so that it controls every page.
// The build fills it in (build.py, write_service_worker): workbox-build puts the list of every
// file of the site, each with a hash of its content, into precacheAndRoute below; the build's id,
// a hash of the file it made (so of every file's hash), then replaces the BUILD placeholder.
//
// One build, one cache. A new deployment installs into a cache of its own while open pages keep
// using the files of theirs; it takes over only when the user agrees (the page then posts
// SKIP_WAITING and reloads), so no page ever runs on files from two builds: Pyodide refuses a
// runtime whose parts differ.

/** This script's global scope: a service worker's. */
const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

importScripts(
  'workbox/workbox-core.prod.js',
  'workbox/workbox-routing.prod.js',
  'workbox/workbox-strategies.prod.js',
  'workbox/workbox-precaching.prod.js',
);

const APP = 'offereval';
const BUILD = '__OFFEREVAL_BUILD__';
const OFFLINE_PAGE = 'offline.html';
const NOT_FOUND_PAGE = '404.html';
const SCOPE = sw.registration.scope;

// "offereval-precache-<build>-<scope>": every project site of a GitHub account shares one
// origin, so a cache is ours only when the app, a build id and our exact scope are in its name.
workbox.core.setCacheNameDetails({ prefix: APP, precache: 'precache', suffix: `${BUILD}-${SCOPE}` });

/** Whether a cache was made by some build of this app for this scope. */
function isOwnPrecache(name) {
  const head = `${APP}-precache-`;
  const tail = `-${SCOPE}`;
  if (!name.startsWith(head) || !name.endsWith(tail)) return false;
  return /^[0-9a-f]{16}$/.test(name.slice(head.length, -tail.length));
}

// A file whose content did not change keeps its cache key (its URL and content hash): an update
// copies it from the previous build's cache instead of downloading megabytes of runtime again.
const reuseEarlierBuilds = {
  async cachedResponseWillBeUsed({ cacheName, request, cachedResponse, event }) {
    if (cachedResponse || event?.type !== 'install') return cachedResponse;
    for (const name of await caches.keys()) {
      if (name === cacheName || !isOwnPrecache(name)) continue;
      const earlier = await (await caches.open(name)).match(request);
      if (earlier) {
        await (await caches.open(cacheName)).put(request, earlier.clone());
        return earlier;
      }
    }
    return cachedResponse;
  },
};

workbox.precaching.addPlugins([reuseEarlierBuilds]);

// Every file of the site, answered as itself: a directory URL such as checklists/questions/ is its
// index.html, and a query string (a checklist's ?company=) does not change which file it is.
workbox.precaching.precacheAndRoute(self.__WB_MANIFEST, {
  directoryIndex: 'index.html',
  ignoreURLParametersMatching: [/.*/],
  cleanURLs: false,
});

/** The offline page, for an address that was never saved; its links are relative to the root. */
async function offlinePage() {
  const saved = await workbox.precaching.matchPrecache(OFFLINE_PAGE);
  if (!saved) return Response.error();
  // It answers for any address, at any depth: <base> keeps its relative links on the site's root.
  const html = (await saved.text()).replace('<head>', `<head><base href="${SCOPE}">`);
  return new Response(html, {
    status: 503,
    statusText: 'Offline',
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
}

// The network's "not found" for an address of this site: the site's 404 page, which the host
// serves as it is, with its links written from the site's root. At the depth of the missing
// address, <base> keeps them on the root, and the theme's search, which finds its index from the
// page's address rather than from <base>, is given the root as well.
const notFoundPage = {
  async handlerWillRespond({ response }) {
    if (response.status !== 404) return response;
    const saved = await workbox.precaching.matchPrecache(NOT_FOUND_PAGE);
    if (!saved) return response;
    const html = (await saved.text())
      .replace('<head>', `<head><base href="${SCOPE}">`)
      .replace('"base": "."', `"base": ${JSON.stringify(SCOPE)}`);
    return new Response(html, {
      status: 404,
      statusText: 'Not Found',
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
    });
  },
};

// A page of this site that is not saved (a mistyped address): the network's answer while there
// is one (the 404 page when it has no such page), the offline page otherwise. Other origins and
// other methods than GET are left alone.
workbox.routing.registerRoute(
  ({ request, sameOrigin }) => sameOrigin && request.mode === 'navigate',
  new workbox.strategies.NetworkOnly({ plugins: [{ handlerDidError: offlinePage }, notFoundPage] }),
);

// The user agreed to the new version (the page's "Reload" button).
sw.addEventListener('message', (event) => {
  if (event.data?.type === 'SKIP_WAITING') sw.skipWaiting();
});

// Once this build is in charge, earlier builds' caches go; nobody else's are ever touched.
sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const current = workbox.core.cacheNames.precache;
      const earlier = (await caches.keys()).filter((name) => name !== current && isOwnPrecache(name));
      await Promise.all(earlier.map((name) => caches.delete(name)));
    })(),
  );
});

// The first build installed takes charge of the pages already open: they came from the network,
// as its files did. An update waits for SKIP_WAITING instead, and the pages reload then.
workbox.core.clientsClaim();
