// The calculator's engine: the offereval package running on Pyodide, in a module worker so that
// the page never waits on Python. The page sends {id, action, payload}; the worker answers
// {id, result} or {id, error}, and reports start-up with {type: 'progress' | 'ready' | 'failed'}:
// progress is {stage: 'download', loaded, total} (bytes) while the runtime downloads,
// {stage: 'downloaded'} when no download is under way, then {stage: 'install'} and {stage: 'start'}.
//
// Only JSON text crosses into Python: the worker calls offereval.bridge's functions with strings
// and parses the strings they return, so nothing depends on Pyodide's object conversions.

const runtimeUrl = new URL('../../pyodide/', import.meta.url);
// The files Pyodide downloads with fetch() and their sizes, written by the build.
const DOWNLOADS_URL = new URL('downloads.json', runtimeUrl);
// At most this often, a progress message while bytes arrive.
const PROGRESS_EVERY_MS = 100;

let started = false;

function fail(error) {
  if (!started) self.postMessage({ type: 'failed', error: String(error?.message ?? error) });
  started = true;
}

/**
 * Counts the bytes of the runtime's downloads as they arrive, and reports them. When the last
 * download under way ends, it says so: Python starts, and the page waits on the CPU, not on the
 * network, until Pyodide downloads again.
 */
class DownloadProgress {
  constructor(total) {
    this.total = total;
    this.loaded = 0;
    this.open = 0;
    this._last = 0;
  }

  add(bytes) {
    this.loaded += bytes;
    const now = performance.now();
    if (now - this._last >= PROGRESS_EVERY_MS) this._report(now);
  }

  started() {
    this.open += 1;
    this._report(performance.now());
  }

  ended() {
    this.open -= 1;
    this._report(performance.now());
    if (this.open === 0) self.postMessage({ type: 'progress', stage: 'downloaded' });
  }

  _report(now) {
    this._last = now;
    self.postMessage({ type: 'progress', stage: 'download', loaded: this.loaded, total: this.total });
  }
}

/**
 * Count a response's bytes as they arrive, on a copy of it: the response itself goes to Pyodide
 * untouched, so that the browser still compiles the WebAssembly as it streams in and reuses the
 * compiled code it cached on an earlier visit. A download that breaks off fails the start at
 * once, whatever Pyodide then makes of it (it does not always say).
 */
async function count(name, copy, progress) {
  const reader = copy.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      progress.add(value.byteLength);
    }
  } catch {
    fail(`the download of ${name} broke off`);
  }
}

/**
 * Pyodide downloads with the global fetch(): count what it receives, and notice what fails. A
 * download is under way from the request until its last byte.
 */
function countDownloads(progress) {
  const plainFetch = self.fetch.bind(self);
  self.fetch = async (input, init) => {
    const name = new URL(String(input instanceof Request ? input.url : input), self.location.href).pathname.split('/').pop();
    progress.started();
    let response;
    try {
      response = await plainFetch(input, init);
    } catch (error) {
      fail(`${name} could not be downloaded`);
      progress.ended();
      throw error;
    }
    if (!response.ok) fail(`${name} could not be downloaded (${response.status})`);
    if (response.ok && response.body) count(name, response.clone(), progress).finally(() => progress.ended());
    else progress.ended();
    return response;
  };
}

async function startEngine() {
  const downloads = await (await fetch(DOWNLOADS_URL)).json();
  const progress = new DownloadProgress(downloads.total);
  countDownloads(progress);
  const { loadPyodide } = await import(new URL('pyodide.mjs', runtimeUrl).href);
  const pyodide = await loadPyodide({
    indexURL: runtimeUrl.href,
    // The standard library trimmed by the build to what offereval and Pyodide import.
    stdLibURL: new URL('python_stdlib.zip', runtimeUrl).href,
    // Our lockfile lists only offereval, with the sha256 Pyodide checks before installing it.
    lockFileURL: new URL('pyodide-lock.json', runtimeUrl).href,
    packageBaseUrl: runtimeUrl.href,
  });
  self.postMessage({ type: 'progress', stage: 'install' });
  await pyodide.loadPackage('offereval', { checkIntegrity: true, messageCallback: () => {} });
  self.postMessage({ type: 'progress', stage: 'start' });
  return pyodide.pyimport('offereval.bridge');
}

// When the WebAssembly download fails, the runtime gives up inside its own promise chain rather
// than rejecting loadPyodide(); those errors surface here, and the page must hear about them.
self.addEventListener('unhandledrejection', (event) => fail(event.reason));
self.addEventListener('error', (event) => fail(event.error ?? event.message));

const bridgeReady = startEngine();

bridgeReady.then(() => {
  if (started) return; // it failed on the way, and said so
  started = true;
  self.postMessage({ type: 'ready' });
}, fail);

/**
 * A bridge function's answer, parsed. The bridge always answers with JSON text, whatever the
 * input; anything else means the runtime itself failed, which the page shows as a refusal.
 */
function parsed(answer) {
  try {
    const value = JSON.parse(answer);
    if (typeof value?.ok === 'boolean') return value;
  } catch {
    // not JSON: reported below
  }
  return { ok: false, problems: [{ path: '', message: 'the engine stopped answering: reload the page to start it again' }] };
}

// Each action receives the request's payload and the bridge; it returns the parsed answer.
// (The form's description and the example come with the page, in data/calculator.json.)
const actions = {
  evaluate: ({ document, now }, bridge) => parsed(bridge.evaluate(JSON.stringify(document), now)),
  load: ({ text, filename }, bridge) => parsed(bridge.load(text, filename)),
  dump: ({ document, format }, bridge) => parsed(bridge.dump(JSON.stringify(document), format)),
  toFragment: ({ document }, bridge) => parsed(bridge.to_fragment(JSON.stringify(document))),
  fromFragment: ({ fragment }, bridge) => parsed(bridge.from_fragment(fragment)),
};

self.addEventListener('message', async (/** @type {MessageEvent} */ event) => {
  const { id, action, payload } = event.data;
  try {
    if (!Object.hasOwn(actions, action)) throw new Error(`Unknown action: ${action}`);
    const bridge = await bridgeReady;
    self.postMessage({ id, result: actions[action](payload ?? {}, bridge) });
  } catch (error) {
    self.postMessage({ id, error: String(error?.message ?? error) });
  }
});
