// Evaluations of the form, one at a time and always of its latest state. A change asks for an
// evaluation, which starts at once when the engine is idle; changes made while it computes are
// folded into one evaluation that runs when it is done. None is ever queued stale, and there is
// no fixed delay: the results follow an edit as fast as the engine computes.

export class LatestOnly {
  /** @param {() => Promise<void>} run  evaluates the form's state at the time it is called */
  constructor(run) {
    this._run = run;
    this._running = false;
    this._wanted = false;
  }

  /** A newer state than the one being evaluated is waiting: that evaluation's answer is stale. */
  get superseded() {
    return this._wanted;
  }

  /** An evaluation is running or about to. */
  get busy() {
    return this._running;
  }

  /** Ask for an evaluation of the state the form has now. */
  request() {
    this._wanted = true;
    // Events of one change (input, then change) arrive in the same turn: one evaluation.
    if (!this._running) {
      this._running = true;
      queueMicrotask(() => this._drain());
    }
  }

  async _drain() {
    while (this._wanted) {
      this._wanted = false;
      try {
        await this._run();
      } catch {
        // the run shows its own errors; the next state is still evaluated
      }
    }
    this._running = false;
  }
}
