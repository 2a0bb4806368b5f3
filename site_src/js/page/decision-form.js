// Steps 4 and 5, the decision record: the offer chosen, when (a date-time control, "now" unless
// changed), and the commitment. Whether 24 hours have passed, and how long is left, is the
// engine's to say (view.decision); the page shows it and asks for a second, explicit
// confirmation before an early commitment (see calculator-app.js).

import { el, uniqueId } from './dom.js';
import { controlFor, fieldBlock, groupBlock } from './form-blocks.js';
import { fillFrom } from './form-values.js';

// "2026-11-25 09:30" in the device's own time zone: the form a datetime-local control shows.
const LOCAL_MINUTE = new Intl.DateTimeFormat('sv-SE', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const LOCAL_TEXT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;

/** A moment as a datetime-local control's value, in the device's time zone. */
export function localDateTime(date = new Date()) {
  return LOCAL_MINUTE.format(date).replace(' ', 'T');
}

/** A document's date-time as the control shows it: local text as it is, a zoned one in local time. */
function forControl(value) {
  if (typeof value !== 'string' || value === '') return '';
  if (LOCAL_TEXT.test(value) && !/(Z|[+-]\d{2}:?\d{2})$/.test(value)) return value.replace(' ', 'T');
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : localDateTime(date);
}

export class DecisionForm {
  /**
   * @param {HTMLElement} root  the [data-decision] element
   * @param {object} framework  bridge.framework(): step 4's advice comes from its decision steps
   */
  constructor(root, framework) {
    this._root = root;
    const sleep = framework.decision_steps.find((step) => step.id === 'sleep_on_it');
    this._advice = sleep ? [sleep.action, ...sleep.checks].map((text) => text.replace(/[.?!]?$/, (end) => end || '.')).join(' ') : null;
    this._choice = /** @type {HTMLSelectElement} */ (el('select', { id: uniqueId('choice'), dataset: { key: 'decision.choice', kind: 'select' } }));
    this._decidedAt = /** @type {HTMLInputElement} */ (controlFor({ kind: 'datetime' }, 'decision.decided_at'));
    this._committed = /** @type {HTMLInputElement} */ (controlFor({ kind: 'boolean' }, 'decision.committed'));
    this._committedAt = /** @type {HTMLInputElement} */ (el('input', { type: 'hidden', dataset: { key: 'decision.committed_at', kind: 'hidden' } }));
    this._early = /** @type {HTMLInputElement} */ (el('input', { type: 'hidden', dataset: { key: 'decision.early_commit_confirmed', kind: 'hidden-boolean' } }));
    this._status = el('p', { class: 'decision-status', role: 'status', hidden: true });
    this._details = /** @type {HTMLDetailsElement} */ (el(
      'details',
      { class: 'decision-section' },
      el('summary', { text: 'Record your decision: sleep on it, then commit' }),
      groupBlock(
        'decision',
        'Decision record',
        'decision',
        fieldBlock('decision.choice', 'Your choice', this._choice, 'The offer you have decided to take.'),
        el(
          'div',
          { class: 'decided-at' },
          fieldBlock('decision.decided_at', 'Decided at (your local time)', this._decidedAt, 'Now, unless you decided earlier.'),
          el('button', { type: 'button', class: 'md-button', dataset: { action: 'decided-now' }, text: 'Now' }),
        ),
        this._status,
        fieldBlock(
          'decision.committed',
          'Committed: I have slept on it and stop second-guessing',
          this._committed,
          this._advice,
        ),
        this._committedAt,
        this._early,
      ),
    ));
    this._root.replaceChildren(this._details);
  }

  controls() {
    return [...this._root.querySelectorAll('[data-key]')];
  }

  get choice() {
    return this._choice.value;
  }

  get commitBox() {
    return this._committed;
  }

  fill(doc) {
    const decision = doc.decision ?? {};
    fillFrom({ decision: { ...decision, decided_at: forControl(decision.decided_at) } }, this.controls());
    this._details.open = doc.decision !== undefined;
  }

  /** The decision's choices are the offers' companies; a choice no longer among them stays listed. */
  setCompanies(companies, selected = this._choice.value) {
    const names = [...new Set(selected && !companies.includes(selected) ? [...companies, selected] : companies)];
    this._choice.replaceChildren(
      el('option', { value: '', text: 'Not decided yet' }),
      ...names.map((name) => el('option', { value: name, text: name })),
    );
    this._choice.value = selected ?? '';
  }

  /** A choice just made gets the time now, unless a time is already there. */
  choiceChanged() {
    if (this._choice.value && !this._decidedAt.value) this._decidedAt.value = localDateTime();
  }

  setDecidedNow() {
    this._decidedAt.value = localDateTime();
  }

  /** Record the commitment (now), or take it back. */
  setCommitted(committed, early = false) {
    this._committed.checked = committed;
    this._committedAt.value = committed ? new Date().toISOString() : '';
    this._early.value = committed && early ? 'true' : '';
  }

  /**
   * The engine's word on where the decision stands ("Sleep on it: 23 hours to go ...").
   * @param {import('./contract').DecisionView | undefined} decision
   */
  showStatus(decision) {
    this._status.textContent = decision?.text ?? '';
    this._status.hidden = !decision?.text;
  }
}
