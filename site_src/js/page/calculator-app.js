// The calculator page: the form, the results and the engine (offereval on Pyodide in a worker).
// The form works at once; the engine starts in the background and every change is saved in this
// browser straight away, then evaluated as soon as the engine can answer.

import { claimHeardRedFlags, ownItems } from './call-record.js';
import { DataTools } from './data-tools.js';
import { ask, Toast } from './dialogs.js';
import { el } from './dom.js';
import { Engine } from './engine.js';
import { LatestOnly } from './evaluation-scheduler.js';
import { OfferForm } from './offer-form.js';
import { renderAnswerBar, renderVerdict, renderView } from './results-view.js';
import { loadSaved, save } from './saved-state.js';

const FORM_URL = new URL('../../data/calculator.json', import.meta.url);
const DETAILS_CLOSED = 'Show every figure: totals, years, matrix';
const NO_RESULTS = 'Enter your offers, or load the framework\'s example: the results appear as soon as one offer has a company, a company stage and a base salary.';
// The date on a printed report, in the reader's own words for dates.
const REPORT_DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' });

export class Calculator {
  constructor(root) {
    this.root = root;
    this.part = (name) => root.querySelector(`[data-${name}]`);
    this._evaluations = new LatestOnly(() => this._evaluate());
    this._announced = '';
    this.engine = new Engine(root);
    this.toast = new Toast(root);
    this.tools = new DataTools(this);
    // After a Retry: the results of what the form shows now.
    this.engine.addEventListener('ready', () => {
      if (this.form && !this._evaluations.busy) this._evaluations.request();
    });
  }

  /** Build the form, show what was saved, and wire every control. */
  async start() {
    const response = await fetch(FORM_URL);
    if (!response.ok) throw new Error(`Could not load the calculator's form (${response.status})`);
    const data = await response.json();
    this.example = data.example;
    this.limits = data.form.limits;
    this.form = new OfferForm(this.part('form'), data.form, data.framework);
    this.blank = { offers: [{}, {}] };
    const saved = loadSaved();
    this.form.render(this._savedDocument(saved, data.form));
    this._lastView = saved?.view && this._showView(saved.view) ? saved.view : null;
    if (this._lastView) this._setResults('saved', 'Your last results, recalculating when the engine is ready.');
    else this._showNoView(NO_RESULTS);
    this._wire();
    this.root.dataset.form = 'ready';
    await this.tools.openSharedLink(saved !== null);
    this._evaluations.request();
  }

  /**
   * What was saved, ready for the form: a document saved by a checklist before any offer was
   * entered gets the blank offers, and red flags ticked on a call join the company's offer.
   */
  _savedDocument(saved, spec) {
    if (!saved) return structuredClone(this.blank);
    const doc = { ...structuredClone(this.blank), ...saved.document };
    const flags = new Set([...spec.red_flags, ...ownItems(doc, 'own_red_flags')].map((flag) => flag.id));
    claimHeardRedFlags(doc, (id) => flags.has(id));
    return doc;
  }

  /** Show a view (from the engine, or saved by an earlier visit); false if it cannot be shown. */
  _showView(view) {
    try {
      renderView({ body: this.part('results-body'), details: this.part('results-details') }, view);
      renderVerdict(this.part('verdict'), view);
      renderAnswerBar(this.part('answer-offers'), view);
      this.form.decision.showStatus(view.decision);
      this.part('details-toggle').hidden = false;
      this._dateReport();
      return true;
    } catch {
      // Results saved by a build that laid them out differently: dropped, and recomputed.
      this._showNoView(NO_RESULTS);
      return false;
    }
  }

  /** The printed report's date: now, in the reader's own words for dates. */
  _dateReport() {
    this.part('report-date').textContent = REPORT_DATE.format(new Date());
  }

  _showNoView(text) {
    this.part('results-body').replaceChildren();
    this.part('results-details').replaceChildren();
    this.part('verdict').replaceChildren(el('p', { class: 'result-verdict__empty', text }));
    renderAnswerBar(this.part('answer-offers'), null);
    this.part('details-toggle').hidden = true;
  }

  _wire() {
    const form = this.part('form');
    form.addEventListener('input', () => this.changed());
    form.addEventListener('change', (event) => this._onChange(event));
    form.addEventListener('submit', (event) => event.preventDefault());
    this.root.addEventListener('click', (event) => {
      const target = /** @type {HTMLElement} */ (event.target);
      const button = target.closest('button[data-action]');
      if (button instanceof HTMLButtonElement && this.root.contains(button)) this._act(button.dataset.action, button);
    });
    this.part('import').addEventListener('change', (event) => this.tools.importFile(event.target));
    // A share link opened in a tab already showing the calculator changes only the fragment.
    window.addEventListener('hashchange', () => this.tools.openSharedLink(true));
    window.addEventListener('beforeprint', () => this._dateReport());
  }

  _act(action, button) {
    const handlers = {
      add: () => this._editOffers((offers) => offers.push({}), -1),
      duplicate: () => this._duplicate(Number(button.dataset.index)),
      remove: () => this._remove(Number(button.dataset.index)),
      example: () => this.tools.loadExample(),
      'decided-now': () => {
        this.form.decision.setDecidedNow();
        this.changed();
      },
      'show-results': () => this._goTo(this.part('results-section').querySelector('h2')),
      'toggle-details': () => this._toggleDetails(button),
      'go-to': () => this._goToField(button.dataset.path),
      'export-json': () => this.tools.exportAs('json'),
      'export-yaml': () => this.tools.exportAs('yaml'),
      share: () => this.tools.share(),
      'copy-link': () => this.tools.copyLink(),
      clear: () => this.tools.clearAll(),
    };
    handlers[action]?.();
  }

  _onChange(event) {
    const target = event.target;
    if (target === this.form.decision.commitBox) {
      this._commitChanged();
      return;
    }
    if (target instanceof HTMLSelectElement && target.dataset.key === 'decision.choice') this.form.decision.choiceChanged();
    // One offer at most is the current job: ticking one clears the others.
    if (target instanceof HTMLInputElement && target.dataset.key === 'current_job' && target.checked) {
      for (const box of this.part('form').querySelectorAll('input[data-key="current_job"]')) {
        if (box !== target) /** @type {HTMLInputElement} */ (box).checked = false;
      }
    }
    this.changed();
  }

  /** On a phone every figure is behind a button, so that the form follows the answer closely. */
  _toggleDetails(button) {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? 'Hide the figures' : DETAILS_CLOSED;
    this.root.dataset.details = open ? 'open' : 'closed';
  }

  /** Bring an element into view and give it the focus (a heading has tabindex="-1"). */
  _goTo(element) {
    element?.scrollIntoView({ block: 'start' });
    element?.focus({ preventScroll: true });
  }

  /** From an offer set aside: to the first of its fields the engine has something to say about. */
  _goToField(path) {
    const inside = [...this.root.querySelectorAll('[data-path]')].filter(
      (node) => node instanceof HTMLElement && (node.dataset.path === path || node.dataset.path.startsWith(`${path}.`)),
    );
    const remarked = inside.find((node) => node.querySelector(':scope > .field-message:not([hidden]), :scope > .field-question:not([hidden])'));
    const place = remarked ?? this.form.fieldFor(path);
    const control = /** @type {HTMLElement | null} */ (place?.querySelector('[data-key]') ?? place);
    const folded = control?.closest('details');
    if (folded) folded.open = true;
    control?.scrollIntoView({ block: 'center' });
    control?.focus({ preventScroll: true });
  }

  /** The user changed something: save it as typed, then recompute soon. */
  changed() {
    // Results on screen no longer match the form until the engine answers.
    if (this.root.dataset.results !== 'none') this.root.dataset.results = 'pending';
    this.form.refreshNames();
    if (!save(this.form.collect(), this._lastView)) {
      this.tell('This browser refused to save your offers; export them to keep a copy.');
    }
    this._evaluations.request();
  }

  /**
   * Ask the engine about the form as it is now.
   * @returns {Promise<import('./contract').Answers['evaluate']>}
   */
  _request(doc) {
    return this.engine.request('evaluate', { document: doc, now: new Date().toISOString() });
  }

  async _evaluate() {
    const doc = this.form.collect();
    let answer;
    try {
      answer = await this._request(doc);
    } catch (error) {
      if (!this._evaluations.superseded) this._setResults(this._lastView ? 'stale' : 'none', `No results: ${error.message}`);
      return;
    }
    if (this._evaluations.superseded) return; // a newer change is evaluated next
    const unplaced = this.form.showRemarks(answer);
    if (answer.ok === true) {
      this._lastView = answer.view;
      this._showView(answer.view);
      this._showUnplaced([]);
      save(doc, answer.view);
      this._setResults('current', 'Up to date.');
      this._announce(answer.view.verdict?.text ?? '');
    } else {
      this._showUnplaced(unplaced);
      if (!this._lastView) this._showNoView(NO_RESULTS);
      this._setResults(
        this._lastView ? 'stale' : 'none',
        this._lastView ? 'Showing the last results that could be computed: fix the fields marked in the form to update them.' : '',
      );
    }
  }

  /** Say the verdict to screen readers when it changes, and only then. */
  _announce(text) {
    if (text === this._announced) return;
    this._announced = text;
    this.part('verdict-live').textContent = text;
  }

  /** Problems and questions that belong to no single field are listed above the results. */
  _showUnplaced(remarks) {
    this.part('problems').replaceChildren(...remarks.map((p) => el('li', { text: p.path ? `${p.path}: ${p.message}` : p.message })));
  }

  _setResults(state, text) {
    this.root.dataset.results = state;
    this.part('results-status').textContent = text;
  }

  /** A short message under the data tools. */
  tell(text) {
    const message = this.part('tools-message');
    message.textContent = text;
    message.hidden = false;
  }

  // --- Offers: add, duplicate, remove; the decision's commitment ----------------------------

  /** Change the list of offers, show it again, and put focus on the offer at `focusIndex`. */
  _editOffers(edit, focusIndex) {
    const doc = this.form.collect();
    edit(doc.offers);
    this.form.render(doc);
    this.form.focusOffer(focusIndex < 0 ? doc.offers.length - 1 : focusIndex);
    this.changed();
  }

  _duplicate(index) {
    this._editOffers((offers) => {
      const copy = structuredClone(offers[index]);
      const taken = new Set(offers.map((offer) => offer.company));
      let company = `${copy.company ?? 'Offer'} (copy)`;
      while (taken.has(company)) company = `${company} (copy)`;
      offers.splice(index + 1, 0, { ...copy, company });
    }, index + 1);
    this.tell('Offer duplicated; the copy follows the original.');
  }

  _remove(index) {
    const before = this.form.collect();
    const name = before.offers[index]?.company || `Offer ${index + 1}`;
    this._editOffers((offers) => offers.splice(index, 1), Math.min(index, before.offers.length - 2));
    this.offerUndo(`Removed ${name}.`, before, () => this.form.focusOffer(Math.min(index, before.offers.length - 2)));
  }

  /** After a change that replaced or deleted what was typed: Undo brings `before` back. */
  offerUndo(text, before, afterClose = () => this.form.focusOffer(0)) {
    this.toast.offerUndo(
      text,
      () => {
        this.replaceDocument(before);
        this.tell('Undone: your offers are back.');
        this.form.focusOffer(0);
      },
      afterClose,
    );
  }

  /** Show a whole new document (the example, an imported file, a shared link, an undo). */
  replaceDocument(doc) {
    this.form.render(doc);
    this.form.showRemarks({});
    this._lastView = null;
    this._showNoView('Recalculating…');
    this.changed();
  }

  /**
   * The commitment box was ticked or unticked. Ticked before the engine's 24-hour mark, it asks
   * first, with the framework's advice and the time still to wait; both come from the engine,
   * which judges the decision as the form shows it now.
   */
  async _commitChanged() {
    const box = this.form.decision.commitBox;
    if (!box.checked) {
      this.form.decision.setCommitted(false);
      this.changed();
      return;
    }
    box.checked = false; // not committed until this is settled
    let answer;
    try {
      answer = await this._request(this.form.collect());
    } catch (error) {
      this.tell(`Not committed: ${error.message}`);
      return;
    }
    const decision = answer.ok ? answer.view.decision : null;
    if (!decision) {
      this.tell('Not committed: the offers have problems to fix first.');
      return;
    }
    let early = false;
    if (decision.needs_confirmation) {
      early = await ask(this.root, {
        title: 'Commit before sleeping on it?',
        text: [decision.advice, decision.text].filter(Boolean).join(' '),
        yes: 'Commit now anyway',
        no: 'Wait',
      });
      if (!early) {
        this.tell('Not committed yet: sleep on it first.');
        return;
      }
    }
    this.form.decision.setCommitted(true, early);
    this.changed();
  }
}
