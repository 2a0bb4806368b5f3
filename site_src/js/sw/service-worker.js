// The site's service worker, served as sw.js from the site's root so that it controls every page.
// The build fills it in (sitebuild/service_worker.py): workbox-build puts the list of every
// file of the site, each with a hash of its content, into SITE_FILES below; the build's id, a
// hash of the file it made (so of every file's hash), then replaces the BUILD placeholder.
//
// Pages first, engine after (as Squoosh does): installing saves the pages and their assets; the
// Pyodide runtime, 90% of the bytes and needed only by the calculator, is saved after, once the
// pages ask for it (CACHE_RUNTIME), or as the calculator's worker downloads it through here. Each
// file is downloaded once: the worker's request and the background download share it, and what
// the page just loaded is revalidated (a 304), not sent again.
//
// Updates: Workbox's revisioned precache keeps one cache, whose keys carry each file's hash. A
// new deployment downloads only the files that changed, beside the old ones, while open pages
// keep the files of their own version; it takes over only when the user agrees (the page posts
// SKIP_WAITING and reloads), and the entries no version lists any more are deleted then. No page
// ever runs on files from two builds: Pyodide refuses a runtime whose parts differ.

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
// The calculator's runtime: Pyodide, the standard library, the lockfile and offereval's wheel.
const RUNTIME_DIR = 'pyodide/';

/** @typedef {import('workbox-precaching').PrecacheEntry} PrecacheEntry */
const SITE_FILES = self.__WB_MANIFEST;
/** @type {(entry: PrecacheEntry | string) => entry is PrecacheEntry} */
const isRuntime = (entry) => typeof entry !== 'string' && entry.url.startsWith(RUNTIME_DIR);
const SHELL = SITE_FILES.filter((entry) => !isRuntime(entry));
const RUNTIME = SITE_FILES.filter(isRuntime);

// Every project site of a GitHub account shares one origin: our caches carry the app's name and
// our exact scope, and no other cache is ever touched.
workbox.core.setCacheNameDetails({ prefix: APP, precache: 'precache', suffix: SCOPE });
const RUNTIME_CACHE = `${APP}-runtime-${SCOPE}`;

/**
 * Caches of the earlier layout, one per build ("offereval-precache-<build>-<scope>").
 * @param {string} name
 */
function isEarlierBuildsCache(name) {
  const head = `${APP}-precache-`;
  const tail = `-${SCOPE}`;
  if (!name.startsWith(head) || !name.endsWith(tail)) return false;
  return /^[0-9a-f]{16}$/.test(name.slice(head.length, -tail.length));
}

// Workbox asks the network with `cache: 'reload'`, which downloads again what the page has just
// loaded. Revalidating is as safe (the server says whether the copy is current) and costs a 304.
workbox.precaching.addPlugins([
  { requestWillFetch: async ({ request }) => new Request(request, { cache: 'no-cache' }) },
]);

// Every page and asset, answered as itself: a directory URL such as checklists/questions/ is its
// index.html, and a query string (a checklist's ?company=) does not change which file it is.
workbox.precaching.precacheAndRoute(SHELL, {
  directoryIndex: 'index.html',
  ignoreURLParametersMatching: [/.*/],
  cleanURLs: false,
});

// ---- The runtime: saved after the pages, downloaded once ------------------------------------

/** Each runtime file's URL and its cache key: the URL with its revision, as Workbox writes them. */
const runtimeKeys = new Map(
  RUNTIME.map(({ url, revision }) => {
    const href = new URL(url, SCOPE).href;
    return [href, `${href}?__WB_REVISION__=${revision}`];
  }),
);
// No new byte for this long: the download has stalled (the page gives up after 15 s).
const STALL_MS = 10_000;

/**
 * One download of a runtime file, shared by every reader: each gets every byte from the first as
 * it arrives, however late it joins (the cache, the calculator's worker, a page's request to
 * save everything). A download with no new byte for STALL_MS is given up, so that the page's
 * Retry starts a new one.
 */
class SharedDownload {
  /**
   * @param {string} url
   * @param {Cache} cache  where the file is saved once it is whole
   * @param {string} key  its key there: the URL with its revision
   */
  constructor(url, cache, key) {
    this._url = url;
    /** @type {Uint8Array[]} */
    this._chunks = [];
    /** @type {unknown} */
    this._end = null; // 'done', or the error that ended it
    /** @type {((value?: unknown) => void)[]} the readers waiting for a byte, each woken once */
    this._wake = [];
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this._timer = undefined;
    this._abort = new AbortController();
    this.response = this._fetch();
    this.stored = this.response.then((response) =>
      response.ok && response.body ? cache.put(key, new Response(this.stream(), response)) : undefined,
    );
  }

  /** The file's bytes from the first, as they arrive; ends with the download's error, if any. */
  stream() {
    let next = 0;
    return new ReadableStream({
      pull: async (controller) => {
        while (next === this._chunks.length && this._end === null) {
          await new Promise((wake) => this._wake.push(wake));
        }
        if (next < this._chunks.length) controller.enqueue(this._chunks[next++]);
        else if (this._end === 'done') controller.close();
        else controller.error(this._end);
      },
    });
  }

  async _fetch() {
    this._watch();
    try {
      const response = await fetch(this._url, {
        cache: 'no-cache',
        credentials: 'same-origin',
        signal: this._abort.signal,
      });
      if (response.ok && response.body) this._pump(response.body.getReader());
      else this._finish(new Error(`${this._url}: ${response.status}`));
      return response;
    } catch (error) {
      this._finish(error);
      throw error;
    }
  }

  /** @param {ReadableStreamDefaultReader<Uint8Array>} reader */
  async _pump(reader) {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        this._watch();
        this._chunks.push(value);
        this._notify();
      }
      this._finish('done');
    } catch (error) {
      this._finish(error);
    }
  }

  _watch() {
    clearTimeout(this._timer);
    this._timer = setTimeout(() => this._abort.abort(new Error(`${this._url} stalled`)), STALL_MS);
  }

  /** @param {unknown} end  'done', or the error that ended the download */
  _finish(end) {
    clearTimeout(this._timer);
    this._end = end;
    this._notify();
  }

  _notify() {
    for (const wake of this._wake.splice(0)) wake();
  }
}

/** @type {Map<string, SharedDownload>} Downloads under way, by URL. */
const downloads = new Map();

/**
 * A runtime file as a response, and the promise of its being saved: from the cache when it is
 * there; else from the one download of it, started now or joined, as its bytes arrive.
 * @param {string} url  one of runtimeKeys
 */
async function runtimeFile(url) {
  const cache = await caches.open(RUNTIME_CACHE);
  const key = runtimeKeys.get(url);
  if (key === undefined) throw new Error(`${url} is not a file of the runtime`);
  const saved = await cache.match(key);
  if (saved) return { response: saved, stored: Promise.resolve() };
  let download = downloads.get(url);
  if (!download) {
    download = new SharedDownload(url, cache, key);
    downloads.set(url, download);
    const forget = () => downloads.delete(url);
    download.stored.then(forget, forget);
  }
  const response = await download.response;
  if (!response.ok || !response.body) return { response: response.clone(), stored: download.stored };
  return { response: new Response(download.stream(), response), stored: download.stored };
}

/** Save every runtime file that is not saved yet; rejects if one cannot be downloaded. */
async function cacheRuntime() {
  await Promise.all(
    [...runtimeKeys.keys()].map(async (url) => {
      const { response, stored } = await runtimeFile(url);
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      await response.body?.cancel(); // the cache's copy goes on
      await stored;
    }),
  );
}

/** Whether the runtime was saved by this version or an earlier one (the cache has any entry). */
async function hasRuntime() {
  const cache = await caches.open(RUNTIME_CACHE);
  return (await cache.keys()).length > 0;
}

// The calculator's worker asks for the runtime: the cache's copy, or one shared download.
workbox.routing.registerRoute(
  ({ url }) => runtimeKeys.has(url.origin + url.pathname),
  async ({ url, event }) => {
    const { response, stored } = await runtimeFile(url.origin + url.pathname);
    /** @type {ExtendableEvent} */ (event).waitUntil(stored.catch(() => {}));
    return response;
  },
);

// ---- Pages that were never saved ------------------------------------------------------------

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
/** @type {import('workbox-core/types').WorkboxPlugin} */
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

// ---- Life cycle -----------------------------------------------------------------------------

// An update, when the version in charge had saved the runtime: the new version saves its own
// before it is offered, so that the calculator keeps working offline (files that did not change
// are in the cache already, under the same key). A first install saves only the pages.
sw.addEventListener('install', (event) => {
  event.waitUntil(hasRuntime().then((saved) => (saved ? cacheRuntime() : undefined)));
});

sw.addEventListener('message', (event) => {
  // The user agreed to the new version (the page's "Reload" button).
  if (event.data?.type === 'SKIP_WAITING') sw.skipWaiting();
  // A page of this version asks that the site be saved whole; it hears when it is (or is not).
  if (event.data?.type === 'CACHE_RUNTIME') {
    const client = /** @type {Client} */ (event.source);
    const done = cacheRuntime().then(
      () => client.postMessage({ type: 'OFFLINE', state: 'ready', build: BUILD }),
      () => client.postMessage({ type: 'OFFLINE', state: 'failed', build: BUILD }),
    );
    event.waitUntil(done);
  }
});

// Once this version is in charge: runtime files no version lists any more go (Workbox does the
// same for the pages' cache), and so do the caches of the earlier one-cache-per-build layout.
sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(RUNTIME_CACHE);
      const current = new Set(runtimeKeys.values());
      const outdated = (await cache.keys()).filter((request) => !current.has(request.url));
      await Promise.all(outdated.map((request) => cache.delete(request)));
      const earlier = (await caches.keys()).filter(isEarlierBuildsCache);
      await Promise.all(earlier.map((name) => caches.delete(name)));
    })(),
  );
});

// The first version installed takes charge of the pages already open: they came from the
// network, as its files did. An update waits for SKIP_WAITING instead, and the pages reload then.
workbox.core.clientsClaim();
