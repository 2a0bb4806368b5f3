// The calculator's engine: the offereval package running on Pyodide, in a module worker so that
// the page never waits on Python. The page sends {id, action, payload}; the worker answers
// {id, result} or {id, error}, and reports start-up with {type: 'progress' | 'ready' | 'failed'}.
//
// Only JSON text crosses into Python: the worker calls offereval.bridge's functions with strings
// and parses the strings they return, so nothing depends on Pyodide's object conversions.

const runtimeUrl = new URL('../../pyodide/', import.meta.url);

function report(stage, detail = '') {
  self.postMessage({ type: 'progress', stage, detail });
}

async function startEngine() {
  report('runtime', 'Downloading Python');
  const { loadPyodide } = await import(new URL('pyodide.mjs', runtimeUrl).href);
  const pyodide = await loadPyodide({
    indexURL: runtimeUrl.href,
    // Our lockfile lists only offereval, with the sha256 Pyodide checks before installing it.
    lockFileURL: new URL('pyodide-lock.json', runtimeUrl).href,
    packageBaseUrl: runtimeUrl.href,
  });
  report('package', 'Installing the offereval engine');
  await pyodide.loadPackage('offereval', {
    checkIntegrity: true,
    messageCallback: (message) => report('package', message),
  });
  report('import', 'Starting the engine');
  return pyodide.pyimport('offereval.bridge');
}

let started = false;

function fail(error) {
  if (!started) self.postMessage({ type: 'failed', error: String(error?.message ?? error) });
  started = true;
}

// When the WebAssembly download fails, the runtime gives up inside its own promise chain rather
// than rejecting loadPyodide(); those errors surface here, and the page must hear about them.
self.addEventListener('unhandledrejection', (event) => fail(event.reason));
self.addEventListener('error', (event) => fail(event.error ?? event.message));

const bridgeReady = startEngine();

bridgeReady.then(() => {
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
