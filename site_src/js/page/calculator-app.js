// The calculator page: the form, the results and the engine (offereval on Pyodide in a worker).
// The form works at once; the engine starts in the background and every change is saved in this
// browser straight away, then evaluated as soon as the engine can answer.

import { claimHeardRedFlags, ownItems } from './call-record.js';
import { el } from './dom.js';
import { download } from './download.js';
import { Engine } from './engine.js';
import { LatestOnly } from './evaluation-scheduler.js';
import { OfferForm } from './offer-form.js';
import { renderView } from './results-view.js';
import { clearSaved, loadSaved, save } from './saved-state.js';

const FORM_URL = new URL('../../data/calculator.json', import.meta.url);
const SHARE_PREFIX = '#offers=';

export class Calculator {
  constructor(root) {
    this.root = root;
    this.part = (name) => root.querySelector(`[data-${name}]`);
    this._evaluations = new LatestOnly(() => this._evaluate());
    this.engine = new Engine(root);
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
    const first = this._newOffer([]);
    this._blank = { offers: [first, this._newOffer([first])] };
    const saved = loadSaved();
    this.form.render(this._savedDocument(saved, data.form));
    this._lastView = saved?.view && this._showSavedView(saved.view) ? saved.view : null;
    if (this._lastView) {
      this._setResults('saved', 'Your last results, recalculating when the engine is ready.');
    } else {
      this._setResults('none', 'Enter your offers, or load the framework\'s example, to see the results.');
    }
    this._wire();
    this.root.dataset.form = 'ready';
    await this._openSharedLink(saved !== null);
    this._evaluations.request();
  }

  /**
   * What was saved, ready for the form: a document saved by a checklist before any offer was
   * entered gets the blank offers, and red flags ticked on a call join the company's offer.
   */
  _savedDocument(saved, spec) {
    if (!saved) return this._blank;
    const doc = { ...this._blank, ...saved.document };
    const flags = new Set([...spec.red_flags, ...ownItems(doc, 'own_red_flags')].map((flag) => flag.id));
    claimHeardRedFlags(doc, (id) => flags.has(id));
    return doc;
  }

  /**
   * Show results saved by an earlier visit. A build whose results are laid out differently may
   * have saved them: then they are dropped (the offers stay) and the engine recomputes them.
   */
  _showSavedView(view) {
    try {
      renderView(this.part('results-body'), view);
      return true;
    } catch {
      this.part('results-body').replaceChildren();
      return false;
    }
  }

  _wire() {
    const form = this.part('form');
    form.addEventListener('input', () => this._changed());
    form.addEventListener('change', () => this._changed());
    form.addEventListener('submit', (event) => event.preventDefault());
    this.root.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-action]');
      if (button && this.root.contains(button)) this._act(button.dataset.action, button);
    });
    this.part('import').addEventListener('change', (event) => this._import(event.target));
    // A share link opened in a tab already showing the calculator changes only the fragment.
    window.addEventListener('hashchange', () => this._openSharedLink(true));
  }

  _act(action, button) {
    const handlers = {
      add: () => this._editOffers((offers) => offers.push(this._newOffer(offers)), -1),
      duplicate: () => this._duplicate(Number(button.dataset.index)),
      remove: () => this._remove(Number(button.dataset.index)),
      example: () => this._replaceDocument(structuredClone(this.example), 'Loaded the framework\'s example offers.'),
      'record-decision': () => {
        this.form.settings.recordDecisionNow();
        this._changed();
      },
      'export-json': () => this._export('json'),
      'export-yaml': () => this._export('yaml'),
      share: () => this._share(),
      'copy-link': () => this._copyLink(),
      clear: async () => {
        if (await this._confirm('clear-dialog')) this._clearAll();
      },
    };
    handlers[action]?.();
  }

  /** The user changed something: save it as typed, then recompute soon. */
  _changed() {
    // Results on screen no longer match the form until the engine answers.
    if (this.root.dataset.results !== 'none') this.root.dataset.results = 'pending';
    this.form.refreshNames();
    if (!save(this.form.collect(), this._lastView)) {
      this._tell('This browser refused to save your offers; export them to keep a copy.');
    }
    this._evaluations.request();
  }

  async _evaluate() {
    const doc = this.form.collect();
    let answer;
    try {
      answer = await this.engine.request('evaluate', { document: doc, now: new Date().toISOString() });
    } catch (error) {
      const hasResults = this.part('results-body').childElementCount > 0;
      if (!this._evaluations.superseded) this._setResults(hasResults ? 'stale' : 'none', `No results: ${error.message}`);
      return;
    }
    if (this._evaluations.superseded) return; // a newer change is evaluated next
    if (answer.ok === true) {
      this.form.showProblems([]);
      this._showProblems([]);
      this._lastView = answer.view;
      renderView(this.part('results-body'), answer.view);
      save(doc, answer.view);
      this._setResults('current', 'Up to date.');
    } else {
      this._showProblems(this.form.showProblems(answer.problems));
      const hasResults = this.part('results-body').childElementCount > 0;
      this._setResults(
        hasResults ? 'stale' : 'none',
        hasResults
          ? 'Showing the last results that could be computed: fix the fields marked above to update them.'
          : 'Fix the fields marked above to see the results.',
      );
    }
  }

  /** Problems that belong to no single field are listed above the results. */
  _showProblems(problems) {
    this.part('problems').replaceChildren(
      ...problems.map((p) => el('li', { text: p.path ? `${p.path}: ${p.message}` : p.message })),
    );
  }

  _setResults(state, text) {
    this.root.dataset.results = state;
    this.part('results-status').textContent = text;
  }

  _tell(text) {
    const message = this.part('tools-message');
    message.textContent = text;
    message.hidden = false;
  }

  // --- Offers: add, duplicate, remove -------------------------------------------------------

  /** A new offer: a name of its own; the form fills in the engine's defaults. */
  _newOffer(offers) {
    const taken = new Set(offers.map((offer) => offer.company));
    let number = offers.length;
    let company;
    do {
      number += 1;
      company = `Company ${number}`;
    } while (taken.has(company));
    return { company };
  }

  /** Change the list of offers, show it again, and put focus on the offer at `focusIndex`. */
  _editOffers(edit, focusIndex) {
    const doc = this.form.collect();
    doc.offers = doc.offers ?? [];
    edit(doc.offers);
    this.form.render(doc);
    this.form.focusOffer(focusIndex < 0 ? doc.offers.length - 1 : focusIndex);
    this._changed();
  }

  _duplicate(index) {
    this._editOffers((offers) => {
      const copy = structuredClone(offers[index]);
      const taken = new Set(offers.map((offer) => offer.company));
      let company = `${copy.company ?? 'Offer'} (copy)`;
      while (taken.has(company)) company = `${company} (copy)`;
      offers.splice(index + 1, 0, { ...copy, company });
    }, index + 1);
    this._tell('Offer duplicated; the copy follows the original.');
  }

  _remove(index) {
    const doc = this.form.collect();
    const name = doc.offers[index]?.company || 'the offer';
    this._editOffers((offers) => offers.splice(index, 1), Math.min(index, doc.offers.length - 2));
    this._tell(`Removed ${name}.`);
  }

  /** Show a whole new document (the example, an imported file, a shared link). */
  _replaceDocument(doc, message) {
    this.form.render(doc);
    this.form.showProblems([]);
    this._lastView = null;
    this._changed();
    this._tell(message);
  }

  // --- Files and links ----------------------------------------------------------------------

  async _export(format) {
    const answer = await this._ask('dump', { document: this.form.collect(), format });
    if (!answer) return;
    if (!answer.ok) {
      this._tell(`Not exported: ${this._describe(answer.problems)}`);
      return;
    }
    download(answer.text, `offers.${format}`, format === 'json' ? 'application/json' : 'application/yaml');
    this._tell(`Exported offers.${format}: \`offereval compare\` reads it as it is.`);
  }

  async _import(input) {
    const file = input.files[0];
    if (!file) return;
    // No more than the engine reads: it refuses a larger file, naming its limit, and a huge one
    // is never copied into memory whole.
    const text = await file.slice(0, this.limits.file_bytes + 1).text();
    input.value = ''; // choosing the same file again imports it again
    const answer = await this._ask('load', { text, filename: file.name });
    if (!answer) return;
    if (!answer.ok) {
      this._tell(`Not imported, nothing was changed: ${file.name}: ${this._describe(answer.problems)}`);
      return;
    }
    this._replaceDocument(answer.document, `Imported ${file.name}.`);
  }

  async _share() {
    const answer = await this._ask('toFragment', { document: this.form.collect() });
    if (!answer) return;
    if (!answer.ok) {
      this._tell(`No link made: ${this._describe(answer.problems)}`);
      return;
    }
    const url = new URL(location.href);
    url.hash = `${SHARE_PREFIX.slice(1)}${answer.fragment}`;
    this.part('share-link').value = url.href;
    this.part('share').hidden = false;
    this.part('share-link').select();
    this._tell('The link carries your offers in its fragment (after #), which browsers never send to a server.');
  }

  async _copyLink() {
    try {
      await navigator.clipboard.writeText(this.part('share-link').value);
      this._tell('Link copied.');
    } catch {
      this.part('share-link').select();
      this._tell('Select the link and copy it.');
    }
  }

  /**
   * A page opened from a share link shows the offers in the link (and saves them). Offers
   * already saved in this browser are only replaced when the user agrees.
   */
  async _openSharedLink(hasSavedOffers) {
    if (!location.hash.startsWith(SHARE_PREFIX)) return;
    const fragment = location.hash.slice(SHARE_PREFIX.length);
    history.replaceState(null, '', location.pathname + location.search);
    const answer = await this._ask('fromFragment', { fragment });
    if (!answer) return;
    if (!answer.ok) {
      this._tell(`The link's offers could not be read: ${this._describe(answer.problems)}`);
    } else if (hasSavedOffers && !(await this._confirm('share-dialog'))) {
      this._tell('Kept the offers saved in this browser; the link\'s offers were not opened.');
    } else {
      this._replaceDocument(answer.document, 'Loaded the offers from the link.');
    }
  }

  /** Ask with one of the page's dialogs; true when its "yes" button (value="yes") closed it. */
  _confirm(name) {
    const dialog = this.part(name);
    // Closing with Escape leaves returnValue as it was: start from "no" every time.
    dialog.returnValue = '';
    dialog.showModal();
    return new Promise((resolve) => {
      dialog.addEventListener('close', () => resolve(dialog.returnValue === 'yes'), { once: true });
    });
  }

  _clearAll() {
    clearSaved();
    this._lastView = null;
    this.form.render(this._blank);
    this.form.showProblems([]);
    this._showProblems([]);
    this.part('results-body').replaceChildren();
    this.part('share').hidden = true;
    this._setResults('none', 'Enter your offers, or load the framework\'s example, to see the results.');
    this._tell('All your data was deleted from this browser.');
  }

  /** Ask the engine; on failure, say so and return null. */
  async _ask(action, payload) {
    try {
      if (!this.engine.isReady) this._tell('Waiting for the calculator to start…');
      return await this.engine.request(action, payload);
    } catch (error) {
      this._tell(`The engine failed: ${error.message}`);
      return null;
    }
  }

  _describe(problems) {
    return problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ');
  }
}
