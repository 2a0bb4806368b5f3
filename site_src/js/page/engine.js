// The calculator's engine as the page sees it: the module worker running offereval on Pyodide,
// its start-up shown in the status line and progress bar, and requests that wait until it has
// started. The root's data-engine says loading, ready or failed.

import { WorkerMessenger } from './worker-messenger.js';

const WORKER_URL = new URL('../worker/engine-worker.js', import.meta.url);
// The worker's start-up stages, as steps of the progress bar (its max is their number).
const STAGE_STEPS = { runtime: 1, package: 2, import: 3 };

export class Engine {
  /** Start the worker now; `root` holds [data-status] and [data-progress]. */
  constructor(root) {
    this._root = root;
    this._status = root.querySelector('[data-status]');
    this._progress = root.querySelector('[data-progress]');
    this._ready = new Promise((resolve, reject) => {
      this._started = resolve;
      this._failed = reject;
    });
    this._ready.catch(() => {}); // a failed start is shown in the status line
    this._messenger = new WorkerMessenger(WORKER_URL, (message) => this._onStatus(message));
  }

  get isReady() {
    return this._root.dataset.engine === 'ready';
  }

  /** Run a bridge action once the engine has started; rejects if it cannot start or fails. */
  async request(action, payload) {
    await this._ready;
    return this._messenger.request(action, payload);
  }

  _onStatus(message) {
    if (message.type === 'progress') {
      this._root.dataset.engine = 'loading';
      if (STAGE_STEPS[message.stage]) this._progress.value = STAGE_STEPS[message.stage];
      this._status.textContent = `Starting the calculator: ${message.detail}…`;
    } else if (message.type === 'ready') {
      this._root.dataset.engine = 'ready';
      this._progress.hidden = true;
      this._status.textContent = 'The calculator is ready.';
      this._started();
    } else if (message.type === 'failed') {
      this._root.dataset.engine = 'failed';
      this._progress.hidden = true;
      this._status.textContent = `The calculator could not start: ${message.error}. Your offers are still saved here.`;
      this._failed(new Error(message.error));
    }
  }
}
