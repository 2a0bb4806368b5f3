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

/** @typedef {import('../page/contract').Answers} Answers */
/**
 * offereval.bridge as Pyodide hands it over: each function takes and returns JSON text.
 * @typedef {object} Bridge
 * @property {(document: string, now: string) => string} evaluate
 * @property {(text: string, filename: string) => string} load
 * @property {(document: string, format: string) => string} dump
 * @property {(document: string) => string} to_fragment
 * @property {(fragment: string) => string} from_fragment
 */
/**
 * What the page sends with each action: the document as the form holds it, or a file's text.
 * @typedef {object} Payloads
 * @property {{document: object, now: string}} evaluate
 * @property {{text: string, filename: string}} load
 * @property {{document: object, format: string}} dump
 * @property {{document: object}} toFragment
 * @property {{fragment: string}} fromFragment
 */

let started = false;

/** The message of an error, or of whatever was thrown or rejected instead of one. */
function messageOf(/** @type {unknown} */ error) {
  const message = typeof error === 'object' && error !== null && 'message' in error ? error.message : undefined;
  return String(message ?? error);
}

function fail(/** @type {unknown} */ error) {
  if (!started) self.postMessage({ type: 'failed', error: messageOf(error) });
  started = true;
}

/**
 * Counts the bytes of the runtime's downloads as they arrive, and reports them. When the last
 * download under way ends, it says so: Python starts, and the page waits on the CPU, not on the
 * network, until Pyodide downloads again.
 */
class DownloadProgress {
  /** @param {number} total  the bytes of every download, from downloads.json */
  constructor(total) {
    this.total = total;
    this.loaded = 0;
    this.open = 0;
    this._last = 0;
  }

  /** @param {number} bytes */
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

  /** @param {number} now */
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
 * @param {string} name
 * @param {ReadableStream<Uint8Array>} copy  the body of a copy of the response
 * @param {DownloadProgress} progress
 */
async function count(name, copy, progress) {
  const reader = copy.getReader();
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
 * @param {DownloadProgress} progress
 */
function countDownloads(progress) {
  const plainFetch = self.fetch.bind(self);
  self.fetch = async (input, init) => {
    const name = new URL(String(input instanceof Request ? input.url : input), self.location.href).pathname.split('/').pop() ?? '';
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
    const copy = response.ok ? response.clone().body : null;
    if (copy) count(name, copy, progress).finally(() => progress.ended());
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
 * The answer's type is the engine's (offereval._answers, checked by mypy and a test there).
 * @template {keyof Answers} A
 * @param {A} _action  the action whose answer this is
 * @param {string} answer
 * @returns {Answers[A]}
 */
function parsed(_action, answer) {
  try {
    const value = JSON.parse(answer);
    if (typeof value?.ok === 'boolean') return value;
  } catch {
    // not JSON: reported below
  }
  // Empty readings, questions and rate fields, so that it is also the refusal of a form
  // (EvaluateRefusal).
  /** @type {import('../page/contract').EvaluateRefusal} */
  const stopped = {
    ok: false,
    problems: [{ path: '', message: 'the engine stopped answering: reload the page to start it again' }],
    readings: {},
    questions: [],
    rate_fields: [],
  };
  return /** @type {Answers[A]} */ (stopped); // every action's refusal is a Refusal, as this is
}

// Each action receives the request's payload and the bridge; it returns the parsed answer.
// (The form's description and the example come with the page, in data/calculator.json.)
/** @type {{[A in keyof Answers]: (payload: Payloads[A], bridge: Bridge) => Answers[A]}} */
const actions = {
  evaluate: ({ document, now }, bridge) => parsed('evaluate', bridge.evaluate(JSON.stringify(document), now)),
  load: ({ text, filename }, bridge) => parsed('load', bridge.load(text, filename)),
  dump: ({ document, format }, bridge) => parsed('dump', bridge.dump(JSON.stringify(document), format)),
  toFragment: ({ document }, bridge) => parsed('toFragment', bridge.to_fragment(JSON.stringify(document))),
  fromFragment: ({ fragment }, bridge) => parsed('fromFragment', bridge.from_fragment(fragment)),
};

/**
 * Run one action; the page's messenger (page/worker-messenger.js) sends what it names.
 * @template {keyof Answers} A
 * @param {A} action
 * @param {Payloads[A]} payload
 * @param {Bridge} bridge
 * @returns {Answers[A]}
 */
function run(action, payload, bridge) {
  return actions[action](payload, bridge);
}

/**
 * Whether a request names an action of the table above.
 * @param {unknown} action
 * @returns {action is keyof Answers}
 */
function isAction(action) {
  return typeof action === 'string' && Object.hasOwn(actions, action);
}

self.addEventListener('message', async (/** @type {MessageEvent<{id: number, action: unknown, payload?: object}>} */ event) => {
  const { id, action, payload } = event.data;
  try {
    if (!isAction(action)) throw new Error(`Unknown action: ${action}`);
    const bridge = await bridgeReady;
    // The payload is the page's, sent with the action it names (engine.js); not checked here.
    self.postMessage({ id, result: run(action, /** @type {Payloads[typeof action]} */ (payload ?? {}), bridge) });
  } catch (error) {
    self.postMessage({ id, error: messageOf(error) });
  }
});
