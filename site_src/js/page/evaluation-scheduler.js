// Evaluations of the form, one at a time and always of its latest state. A change asks for an
// evaluation, which starts at once when the engine is idle; changes made while it computes are
// folded into one evaluation that runs when it is done. None is ever queued stale, and there is
// no fixed delay: the results follow an edit as fast as the engine computes.

export class LatestOnly {
  /**
   * @param {() => Promise<void>} run  evaluates the form's state at the time it is called
   * @param {(busy: boolean) => void} [onBusy]  told when evaluations start and when all are done
   */
  constructor(run, onBusy = () => {}) {
    this._run = run;
    this._onBusy = onBusy;
    this._running = false;
    this._wanted = false;
    // Counts supersede() calls; each run remembers the count it started under.
    this._generation = 0;
    this._runGeneration = 0;
  }

  /**
   * A newer state than the one being evaluated is waiting, or the data was replaced or deleted
   * since it started: that evaluation's answer is stale, and must neither be shown nor saved.
   */
  get superseded() {
    return this._wanted || this._runGeneration !== this._generation;
  }

  /** The data was replaced or deleted: whatever is being evaluated now is stale. */
  supersede() {
    this._generation += 1;
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
      this._onBusy(true);
      queueMicrotask(() => this._drain());
    }
  }

  async _drain() {
    while (this._wanted) {
      this._wanted = false;
      this._runGeneration = this._generation;
      try {
        await this._run();
      } catch {
        // the run shows its own errors; the next state is still evaluated
      }
    }
    this._running = false;
    this._onBusy(false);
  }
}
