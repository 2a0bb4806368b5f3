// The calculator's engine as the page sees it: the module worker running offereval on Pyodide,
// its start-up shown in the status line and progress bar (in bytes while the runtime downloads),
// and requests that wait until it has started. The root's data-engine says loading, ready or
// failed; it fires 'ready' each time it has started.
//
// The start has deadlines: a download that stops (no byte for STALL_MS) or breaks off, or a start
// that never ends, is reported with a Retry button, and every request waiting for it is refused,
// so nothing waits forever. "The calculator is ready." is said only once the form is ready too.

import { serviceWorkerInCharge } from './app-update.js';
import { el } from './dom.js';
import { WorkerMessenger } from './worker-messenger.js';

const WORKER_URL = new URL('../worker/engine-worker.js', import.meta.url);
// A first visit saves the pages first; the worker then downloads the runtime through the service
// worker, once, instead of beside it. How long to wait for that before starting anyway.
const SERVICE_WORKER_WAIT_MS = 20_000;
// A download with no new byte for this long has stalled.
const STALL_MS = 15_000;
// Installing and starting Python, once downloaded, on a slow phone.
const START_MS = 90_000;
const STAGE_TEXT = {
  install: 'Installing the calculator…',
  start: 'Starting the calculator…',
};
// Sizes as "2.1MB": the platform formats them, no arithmetic here.
const SIZE = new Intl.NumberFormat('en', {
  notation: 'compact',
  style: 'unit',
  unit: 'byte',
  unitDisplay: 'narrow',
  maximumFractionDigits: 1,
});

export class Engine extends EventTarget {
  /** Start the worker now; `root` holds [data-status] and [data-progress]. */
  constructor(root) {
    super();
    this._root = root;
    this._status = root.querySelector('[data-status]');
    this._progress = root.querySelector('[data-progress]');
    this._retry = el('button', { type: 'button', class: 'md-button calculator-engine__retry', text: 'Retry', hidden: true });
    this._retry.addEventListener('click', () => this._start());
    this._status.after(this._retry);
    this._start();
  }

  get isReady() {
    return this._root.dataset.engine === 'ready';
  }

  /**
   * Run a bridge action once the engine has started; rejects if it cannot start or fails.
   * Resolves with the bridge's answer, typed by the engine's contract (contract.d.ts).
   * @template {keyof import('./contract').Answers} A
   * @param {A} action
   * @param {object} payload
   * @returns {Promise<import('./contract').Answers[A]>}
   */
  async request(action, payload) {
    await this._ready;
    if (!this._messenger) throw new Error('the engine has not started');
    return this._messenger.request(action, payload);
  }

  _start() {
    const attempt = {};
    this._attempt = attempt;
    this._ready = new Promise((resolve, reject) => {
      attempt.resolve = resolve;
      attempt.reject = reject;
    });
    this._ready.catch(() => {}); // a failed start is shown in the status line
    this._retry.hidden = true;
    this._root.dataset.engine = 'loading';
    this._progress.hidden = false;
    this._progress.removeAttribute('value');
    this._say('Starting the calculator…');
    this._watch(SERVICE_WORKER_WAIT_MS + STALL_MS, 'the service worker did not answer');
    serviceWorkerInCharge(SERVICE_WORKER_WAIT_MS).then(() => {
      if (this._attempt !== attempt) return;
      this._messenger = new WorkerMessenger(WORKER_URL, (message) => this._onStatus(attempt, message));
      this._watch(STALL_MS, 'the download stopped');
    });
  }

  /** Fail this attempt unless something happens within `ms`. */
  _watch(ms, reason) {
    clearTimeout(this._deadline);
    const attempt = this._attempt;
    this._deadline = setTimeout(() => this._fail(attempt, reason), ms);
  }

  _onStatus(attempt, message) {
    if (attempt !== this._attempt || this._root.dataset.engine === 'failed') return;
    if (message.type === 'progress' && message.stage === 'download') {
      this._watch(STALL_MS, 'the download stopped');
      // The offereval wheel downloads while installing: the line keeps saying "Installing".
      if (attempt.installing) return;
      this._progress.max = message.total;
      this._progress.value = message.loaded;
      this._say(`Downloading the calculator: ${SIZE.format(message.loaded)} of ${SIZE.format(message.total)}`);
    } else if (message.type === 'progress') {
      this._watch(START_MS, 'Python did not start in time');
      if (message.stage === 'downloaded' && attempt.installing) return;
      attempt.installing = message.stage === 'install';
      this._progress.removeAttribute('value');
      this._say(STAGE_TEXT[message.stage] ?? STAGE_TEXT.start);
    } else if (message.type === 'ready') {
      clearTimeout(this._deadline);
      this._root.dataset.engine = 'ready';
      this._progress.hidden = true;
      this._sayReadyWithTheForm();
      attempt.resolve();
      this.dispatchEvent(new Event('ready'));
    } else if (message.type === 'failed') {
      this._fail(attempt, message.error);
    }
  }

  /** "Ready" once the form is ready too; if the form failed, its message stays. */
  _sayReadyWithTheForm() {
    const say = () => {
      if (this.isReady && this._root.dataset.form === 'ready') this._say('The calculator is ready.');
      return this._root.dataset.form === 'ready' || this._root.dataset.form === 'failed';
    };
    if (say()) return;
    const observer = new MutationObserver(() => {
      if (say()) observer.disconnect();
    });
    observer.observe(this._root, { attributes: true, attributeFilter: ['data-form'] });
  }

  /** Show `text` in the status line, unless the form failed: its message stays. */
  _say(text) {
    if (this._root.dataset.form !== 'failed') this._status.textContent = text;
  }

  _fail(attempt, reason) {
    if (attempt !== this._attempt) return;
    clearTimeout(this._deadline);
    this._attempt = null;
    this._messenger?.terminate(`The calculator could not start: ${reason}.`);
    this._messenger = null;
    this._root.dataset.engine = 'failed';
    this._progress.hidden = true;
    this._say(`The calculator could not start: ${reason}. Your offers are still saved here.`);
    this._retry.hidden = false;
    attempt.reject(new Error(`The calculator could not start: ${reason}`));
  }
}
