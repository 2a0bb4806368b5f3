// A promise for every request to a worker: each message carries an id, and the worker's answer
// with the same id settles the promise. Messages without an id (start-up progress) go to
// onStatus.

export class WorkerMessenger {
  /**
   * @param {URL|string} url  the module worker's script
   * @param {(message: object) => void} onStatus  called with the worker's progress messages
   */
  constructor(url, onStatus) {
    this._nextId = 0;
    this._pending = new Map();
    this._onStatus = onStatus;
    this._worker = new Worker(url, { type: 'module' });
    this._worker.addEventListener('message', (event) => this._onMessage(event.data));
    this._worker.addEventListener('error', (event) => {
      this._onStatus({ type: 'failed', error: event.message || 'The engine could not start.' });
    });
  }

  /** Ask the worker to run `action` with `payload`; resolves with its result, rejects with its error. */
  request(action, payload = {}) {
    const id = ++this._nextId;
    return new Promise((resolve, reject) => {
      this._pending.set(id, { resolve, reject });
      this._worker.postMessage({ id, action, payload });
    });
  }

  /** Stop the worker; every request still waiting is rejected with `reason`. */
  terminate(reason) {
    this._worker.terminate();
    for (const { reject } of this._pending.values()) reject(new Error(reason));
    this._pending.clear();
  }

  _onMessage(message) {
    if (message.id === undefined) {
      this._onStatus(message);
      return;
    }
    const pending = this._pending.get(message.id);
    if (!pending) return;
    this._pending.delete(message.id);
    if ('error' in message) pending.reject(new Error(message.error));
    else pending.resolve(message.result);
  }
}
