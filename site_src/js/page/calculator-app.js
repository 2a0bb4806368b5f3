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
import { DetailsView, renderAnswerBar, renderVerdict, renderView } from './results-view.js';
import { download } from './download.js';
import { discardKeptAside, keepCurrentAside, keptAside, loadSaved, newerSaved, onSavedElsewhere, save } from './saved-state.js';

/** @typedef {import('./contract').View} View */

const FORM_URL = new URL('../../data/calculator.json', import.meta.url);
const DETAILS_CLOSED = 'Show every figure: totals, years, matrix';
const NO_RESULTS = 'Enter your offers, or load the framework\'s example: the results appear as soon as one offer has a company, a company stage and a base salary.';
const NOT_SAVED = 'Shown here, but not saved: this browser refused to keep your offers (its storage may be full or turned off). They stay on this page until you close it: export them to keep a copy.';
const TAKEN_FROM_ANOTHER_TAB = 'Updated with the changes saved in another tab.';
// The date on a printed report, in the reader's own words for dates.
const REPORT_DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' });

export class Calculator {
  constructor(root) {
    this.root = root;
    this.part = (name) => root.querySelector(`[data-${name}]`);
    /** @type {OfferForm | null} built by start(), from the engine's description of the form */
    this._form = null;
    // data-evaluating says whether an evaluation is running or about to (for the tests).
    this._evaluations = new LatestOnly(
      () => this._evaluate(),
      (busy) => {
        root.dataset.evaluating = busy ? 'yes' : 'no';
      },
    );
    this._announced = '';
    // Counts the replacements of the whole document (and deletions): work that waited for the
    // engine while one happened is stale, and dropped.
    this.generation = 0;
    // The document as last saved here or taken from storage, as JSON: a change event that
    // changes nothing (a field left) saves nothing.
    this._savedText = null;
    this._details = new DetailsView(this.part('results-details'));
    // The details of the results last shown: resolves to true once they are all on the page.
    /** @type {Promise<boolean>} */
    this._detailsShown = Promise.resolve(true);
    this.engine = new Engine(root);
    this.toast = new Toast(root);
    this.tools = new DataTools(this);
    // After a Retry: the results of what the form shows now.
    this.engine.addEventListener('ready', () => {
      if (this._form && !this._evaluations.busy) this._evaluations.request();
    });
  }

  /** The form: there is one once start() has built it. */
  get form() {
    if (!this._form) throw new Error('the calculator has not started');
    return this._form;
  }

  /** Build the form, show what was saved, and wire every control. */
  async start() {
    const response = await fetch(FORM_URL);
    if (!response.ok) throw new Error(`Could not load the calculator's form (${response.status})`);
    const data = await response.json();
    this.example = data.example;
    this.limits = data.form.limits;
    this._form = new OfferForm(this.part('form'), data.form, data.framework);
    this._spec = data.form;
    this.blank = { offers: [{}, {}] };
    let saved = loadSaved();
    try {
      await this.form.render(this._savedDocument(saved));
    } catch {
      // A record of a shape the form cannot show: kept aside as it is, and a blank form.
      keepCurrentAside();
      saved = null;
      this.form.render(structuredClone(this.blank));
    }
    this._savedText = JSON.stringify(this.form.collect());
    this._showKeptAside();
    this._lastView = saved?.view && this._showView(saved.view) ? saved.view : null;
    if (this._lastView && (await this._detailsShown)) this._setResults('saved', 'Your last results, recalculating when the engine is ready.');
    else this._showNoView(NO_RESULTS);
    this._wire();
    this.root.dataset.form = 'ready';
    onSavedElsewhere((record) => this._takeNewer(record));
    await this.tools.openSharedLink();
    this._evaluations.request();
  }

  /**
   * What was saved, ready for the form: a document saved by a checklist before any offer was
   * entered gets the blank offers, and red flags ticked on a call join the company's offer.
   */
  _savedDocument(saved) {
    if (!saved) return structuredClone(this.blank);
    const doc = { ...structuredClone(this.blank), ...structuredClone(saved.document) };
    const flags = new Set([...this._spec.red_flags, ...ownItems(doc, 'own_red_flags')].map((flag) => flag.id));
    claimHeardRedFlags(doc, (id) => flags.has(id));
    return doc;
  }

  /**
   * Show a view (from the engine, or saved by an earlier visit); false if it cannot be shown.
   * Its details follow a piece at a time: `_detailsShown` says when they are all there, unless
   * `stale` says first that newer results are coming.
   * @param {View} view
   * @param {() => boolean} [stale]
   */
  _showView(view, stale) {
    try {
      const cards = renderView(this.part('results-body'), view);
      renderVerdict(this.part('verdict'), view);
      renderAnswerBar(this.part('answer-offers'), view);
      this.form.decision.showStatus(view.decision);
      this.part('details-toggle').hidden = false;
      this._dateReport();
      // Details laid out otherwise (saved by an older build) are dropped, and recomputed.
      this._detailsShown = this._details.show(view, stale, cards).catch(() => {
        this._details.clear();
        return false;
      });
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
    this._details.clear();
    this._detailsShown = Promise.resolve(true);
    this.part('verdict').replaceChildren(el('p', { class: 'result-verdict__empty', text }));
    renderAnswerBar(this.part('answer-offers'), null);
    this.part('details-toggle').hidden = true;
  }

  _wire() {
    const form = this.part('form');
    form.addEventListener('input', (event) => this.changed(/** @type {HTMLInputElement} */ (event.target)));
    form.addEventListener('change', (event) => this._onChange(event));
    form.addEventListener('submit', (event) => event.preventDefault());
    this.root.addEventListener('click', (event) => {
      const target = /** @type {HTMLElement} */ (event.target);
      const button = target.closest('button[data-action]');
      if (button instanceof HTMLButtonElement && this.root.contains(button)) this._act(button.dataset.action, button);
    });
    this.part('import').addEventListener('change', (event) => this.tools.importFile(event.target));
    // A share link opened in a tab already showing the calculator changes only the fragment.
    window.addEventListener('hashchange', () => this.tools.openSharedLink());
    window.addEventListener('beforeprint', () => {
      this._details.finish();
      this._dateReport();
    });
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
      'download-aside': () => keptAside().forEach((text, index) => download(text, `offereval-saved-record-${index + 1}.json`, 'application/json')),
      'discard-aside': () => this._discardKeptAside(),
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
    this.changed(target);
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
      (node) => node instanceof HTMLElement && (node.dataset.path === path || node.dataset.path?.startsWith(`${path}.`)),
    );
    const remarked = inside.find((node) => node.querySelector(':scope > .field-message:not([hidden]), :scope > .field-question:not([hidden])'));
    const place = remarked ?? this.form.fieldFor(path);
    const control = /** @type {HTMLElement | null} */ (place?.querySelector('[data-key]') ?? place);
    const folded = control?.closest('details');
    if (folded) folded.open = true;
    control?.scrollIntoView({ block: 'center' });
    control?.focus({ preventScroll: true });
  }

  /**
   * The user changed something (`edited`, when a field): save it as typed, then recompute soon.
   * A save never writes over what another tab saved since: that is shown instead, with the
   * edited field's value kept. `replace` (a whole new document chosen by the user) writes anyway.
   * @param {HTMLInputElement | null} [edited]  the field (a select or a text area reads alike)
   * @param {{replace?: boolean}} [options]
   * @returns {'saved' | 'refused' | 'newer'}
   */
  changed(edited = null, { replace = false } = {}) {
    const doc = this.form.collect();
    const text = JSON.stringify(doc);
    if (!replace && text === this._savedText) return 'saved'; // nothing changed (a field left)
    // Results on screen no longer match the form until the engine answers.
    if (this.root.dataset.results !== 'none') this.root.dataset.results = 'pending';
    // Only a company's name changes how offers are named (a new document names them itself).
    if (edited?.dataset.key === 'company') this.form.refreshNames();
    const result = save(doc, this._lastView, { force: replace });
    if (result.status === 'newer') {
      this._takeNewer(result.record, edited);
      return 'newer';
    }
    if (result.status === 'saved') this._savedText = text;
    else this.tell(NOT_SAVED, { offerExport: true });
    this._evaluations.request();
    return result.status;
  }

  /**
   * Show what another tab saved (`record`; null when it deleted everything), keeping the focus
   * where it was; `edited`, a field changed here, keeps the value typed in it, and is saved.
   * @param {{document: object, view: object | null} | null} record
   * @param {HTMLInputElement | null} [edited]
   */
  _takeNewer(record, edited = null) {
    const text = JSON.stringify(record?.document ?? null);
    if (!edited && (text === this._savedText || (record === null && this.form.isBlank()))) return;
    const focused = document.activeElement instanceof HTMLElement && this.root.contains(document.activeElement) ? document.activeElement : null;
    const focus = focused?.dataset.key ? { ...describeControl(focused), ...caretOf(focused) } : null;
    const kept = edited?.dataset.key ? { ...describeControl(edited), value: edited.value, checked: edited.checked } : null;
    this.form.render(this._savedDocument(record));
    this._savedText = JSON.stringify(this.form.collect());
    this._lastView = record?.view && this._showView(record.view) ? record.view : null;
    if (!this._lastView) this._showNoView(record ? 'Recalculating…' : NO_RESULTS);
    const again = kept ? /** @type {HTMLInputElement | null} */ (this._controlLike(kept)) : null;
    if (kept && again && (again.type === 'checkbox' || again.type === 'radio')) again.checked = kept.checked;
    else if (kept && again) again.value = kept.value;
    if (focus) restoreFocus(this._controlLike(focus), focus);
    else focused?.focus({ preventScroll: true });
    this.tell(TAKEN_FROM_ANOTHER_TAB);
    if (again) this.changed(again);
    else this._evaluations.request();
  }

  /** The control of the form with the place of `described` (see describeControl). */
  _controlLike(described) {
    const controls = /** @type {HTMLElement[]} */ ([...this.part('form').querySelectorAll('[data-key]')]);
    return controls.find((control) => sameControl(describeControl(control), described)) ?? null;
  }

  /** The records kept aside: said above the form, with buttons to download or discard them. */
  _showKeptAside() {
    this.part('saved-notice').hidden = keptAside().length === 0;
  }

  async _discardKeptAside() {
    const agreed = await ask(this.root, {
      title: 'Discard the record kept aside?',
      text: 'It cannot be brought back: download it first if you might want it.',
      yes: 'Discard the record',
      no: 'Keep it',
    });
    if (!agreed) return;
    discardKeptAside();
    this._showKeptAside();
    this.tell('The record kept aside was discarded.');
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
    // Not superseded: the form shows `doc` still.
    const unplaced = this.form.showRemarks(answer, doc);
    if (answer.ok === true) {
      this._lastView = answer.view;
      this._showView(answer.view, () => this._evaluations.superseded);
      this._showUnplaced([]);
      const saved = save(doc, answer.view);
      if (saved.status === 'newer') {
        this._takeNewer(saved.record);
        return;
      }
      // "Up to date" once every figure is shown, unless newer results took over meanwhile.
      if (!(await this._detailsShown) || this._evaluations.superseded) return;
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

  /** A short message under the data tools; `offerExport` adds a button that exports. */
  tell(text, { offerExport = false } = {}) {
    const message = this.part('tools-message');
    const button = offerExport ? el('button', { type: 'button', class: 'md-button', dataset: { action: 'export-json' }, text: 'Export JSON' }) : null;
    message.replaceChildren(text, ...(button ? [' ', button] : []));
    message.hidden = false;
  }

  /** After an action that replaced the offers: `done` if they were saved, else that they were not. */
  report(done, status) {
    if (status === 'refused') this.tell(NOT_SAVED, { offerExport: true });
    else this.tell(done);
  }

  // --- Offers: add, duplicate, remove; the decision's commitment ----------------------------

  /** Change the list of offers, show it again, and put focus on the offer at `focusIndex`. */
  async _editOffers(edit, focusIndex) {
    const newer = newerSaved();
    if (newer !== undefined) this._takeNewer(newer);
    const doc = this.form.collect();
    edit(doc.offers);
    const shown = this.form.render(doc);
    this.changed();
    await shown;
    this.form.focusOffer(focusIndex < 0 ? doc.offers.length - 1 : focusIndex);
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

  async _remove(index) {
    const before = this.form.collect();
    const name = before.offers[index]?.company || `Offer ${index + 1}`;
    await this._editOffers((offers) => offers.splice(index, 1), Math.min(index, before.offers.length - 2));
    this.offerUndo(`Removed ${name}.`, before, () => this.form.focusOffer(Math.min(index, before.offers.length - 2)));
  }

  /** After a change that replaced or deleted what was typed: Undo brings `before` back. */
  offerUndo(text, before, afterClose = () => this.form.focusOffer(0)) {
    this.toast.offerUndo(
      text,
      () => {
        this.report('Undone: your offers are back.', this.replaceDocument(before));
        this.form.focusOffer(0);
      },
      afterClose,
    );
  }

  /**
   * Show a whole new document (the example, an imported file, a shared link, an undo) and save
   * it over whatever was saved; work in flight for the document it replaces is dropped.
   * @returns {'saved' | 'refused' | 'newer'}
   */
  replaceDocument(doc) {
    this.supersede();
    this.form.render(doc);
    this.form.showRemarks({});
    this._lastView = null;
    this._showNoView('Recalculating…');
    return this.changed(null, { replace: true });
  }

  /** Show the blank form after everything was deleted; nothing is saved. */
  showCleared() {
    this.supersede();
    this.form.render(structuredClone(this.blank));
    this.form.showRemarks({});
    this._savedText = JSON.stringify(this.form.collect());
    this._lastView = null;
    this._showNoView(NO_RESULTS);
    this._showUnplaced([]);
    this._setResults('none', '');
  }

  /** The document is replaced or deleted: evaluations and engine requests under way are stale. */
  supersede() {
    this.generation += 1;
    this._evaluations.supersede();
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
    const generation = this.generation;
    let answer;
    try {
      answer = await this._request(this.form.collect());
    } catch (error) {
      this.tell(`Not committed: ${error.message}`);
      return;
    }
    if (generation !== this.generation) return; // the offers were replaced meanwhile
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

/** Where a control sits: its key, its offer, and which flag or choice it is. */
function describeControl(control) {
  const { key, offer = '', flag = '' } = control.dataset;
  const choice = control instanceof HTMLInputElement && control.type === 'radio' ? control.value : '';
  return { key, offer, flag, choice };
}

function sameControl(a, b) {
  return a.key === b.key && a.offer === b.offer && a.flag === b.flag && a.choice === b.choice;
}

/** The caret or selection of a text field (nothing for other controls). */
function caretOf(control) {
  const field = /** @type {HTMLInputElement} */ (control);
  return { start: field.selectionStart ?? 0, end: field.selectionEnd ?? 0 };
}

/** Give the focus back to `control`, with the caret or selection it had (`place`). */
function restoreFocus(control, place) {
  if (!control) return;
  control.focus({ preventScroll: true });
  if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) {
    try {
      control.setSelectionRange(place.start, place.end);
    } catch {
      // a control without a caret (a checkbox, a date)
    }
  }
}
