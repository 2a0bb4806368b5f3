// The calculator's form, built from the engine's description of the offers file (bridge.form())
// and the framework's items (bridge.framework()), in the order of the method:
//   1. the offers, each a short fieldset (offer-fieldset.js);
//   2. rating them: the ratings grid, the rubric, the red flags (rating-form.js);
//   3. the person's priorities (settings-form.js);
//   4. the decision record (decision-form.js).
// Every control carries data-key and, for an offer, data-offer; each sits in an element whose
// data-path is the engine's name for that place, where the engine's remarks are shown.

import { el, yieldToPage } from './dom.js';
import { DecisionForm } from './decision-form.js';
import { collectInto, fillFrom, isBlankOffer } from './form-values.js';
import { offerFieldset } from './offer-fieldset.js';
import { showPlaceFields, Suggestions } from './place-fields.js';
import { Ratings } from './rating-form.js';
import { SettingsForm } from './settings-form.js';

// Offers are shown in slices of work of about this many milliseconds, each a task of its own, so
// that the page answers a tap or a key between them however many offers and however slow the
// phone. The first slice, with the rest of the form, shows at least one offer and at most
// three (a comparison is mostly two or three: those appear at once).
const AT_ONCE = 3;
const SLICE_MS = 12;
// From this many offers, what is out of view is drawn only once scrolled to (calculator.css):
// with fewer, all is drawn at once, and nothing moves while the reader scrolls. The price, on a
// phone four times slower than a desktop (measured): typing a number into one of eight offers
// drawn whole blocks the page for up to 84 ms in all, in tasks of up to 76 ms; into one of four,
// up to 25 ms; drawn only once scrolled to, not at all.
const DRAWN_WHEN_SEEN_FROM = 9;

export class OfferForm {
  /**
   * @param {HTMLFormElement} form  holds [data-offers], [data-ratings], [data-settings] and
   *   [data-decision]
   * @param {import('./contract').FormAnswer} spec  bridge.form()
   * @param {object} framework  bridge.framework()
   */
  constructor(form, spec, framework) {
    this._form = form;
    const parts = new Map(['offers', 'ratings', 'settings', 'decision'].map((name) => [name, /** @type {HTMLElement} */ (form.querySelector(`[data-${name}]`))]));
    this._part = (name) => /** @type {HTMLElement} */ (parts.get(name));
    this._spec = spec;
    this._base = { offers: [] };
    // Renders so far (a newer one stops an older one still showing offers), and how many of the
    // document's offers are shown.
    this._renders = 0;
    this._built = 0;
    // What the engine last said about the form (bridge.evaluate's answer).
    this._remarks = null;
    /** @type {HTMLElement[][]} each offer's controls, by offer index, as its offers are shown */
    this._byOffer = [];
    this._suggestions = new Suggestions(spec);
    form.append(...this._suggestions.elements());
    this._ratings = new Ratings(this._part('ratings'), spec, framework);
    this.settings = new SettingsForm(this._part('settings'), spec, framework, this._suggestions);
    this.decision = new DecisionForm(this._part('decision'), framework);
  }

  /**
   * Show a whole document: a fieldset per offer, the ratings, the settings, the decision. The
   * first offers are shown at once, the others a few at a time; the promise resolves when all
   * are shown, or when a newer render takes over. Meanwhile the form reads as the whole
   * document: an offer not shown yet is read as it was given.
   * @returns {Promise<void>}
   */
  render(doc) {
    const end = performance.now() + SLICE_MS;
    const run = ++this._renders;
    this._base = structuredClone(doc);
    this._built = 0;
    this._remarks = null;
    this._part('offers').replaceChildren();
    this._form.dataset.offers = (doc.offers?.length ?? 0) >= DRAWN_WHEN_SEEN_FROM ? 'many' : 'few';
    this._byOffer = [];
    this._ratings.reset(this._base.offers ?? []);
    this.settings.fill(doc);
    this.decision.setCompanies(this._companies(), doc.decision?.choice ?? '');
    this.decision.fill(doc);
    this._showSlice(end, AT_ONCE);
    return this._showTheRest(run);
  }

  /** Show the next offers, one at least, until `end` (a performance.now() time) or `upTo` shown. */
  _showSlice(end, upTo) {
    const total = this._base.offers?.length ?? 0;
    do this._showNext();
    while (this._built < upTo && this._built < total && performance.now() < end);
  }

  /**
   * Show the document's next offer. Only what this adds is searched: a search of the whole
   * form per offer would cost more with every offer shown.
   */
  _showNext() {
    const offers = this._base.offers ?? [];
    const index = this._built;
    if (index >= offers.length) return;
    const offer = offers[index];
    const fieldset = offerFieldset(this._spec, this._suggestions, index, offer);
    const added = [fieldset, ...this._ratings.add(offer, index)];
    this._part('offers').append(fieldset);
    this._built = index + 1;
    const controls = [];
    for (const part of added) controls.push(.../** @type {NodeListOf<HTMLElement>} */ (part.querySelectorAll('[data-key][data-offer]')));
    this._byOffer[index] = controls;
    fillFrom(offer, controls);
    showPlaceFields(fieldset, this._spec);
    this._nameOffersIn(added);
  }

  async _showTheRest(run) {
    const total = this._base.offers?.length ?? 0;
    while (this._built < total) {
      await yieldToPage();
      if (run !== this._renders) return;
      this._showSlice(performance.now() + SLICE_MS, total);
    }
    // What the engine said about offers that were not shown yet finds its fields now.
    if (this._remarks) this.showRemarks(this._remarks);
  }

  /** The document as the form shows it now; keys no control shows are kept from the last render. */
  collect() {
    const { offers = [], ...settings } = this._base;
    const doc = collectInto(settings, [...this.settings.controls(), ...this.decision.controls()]);
    this.settings.dropDefaults(doc);
    const controls = this._byOffer;
    doc.offers = offers.map((offer, index) =>
      index < this._built ? collectInto(offer ?? {}, controls[index] ?? []) : structuredClone(offer),
    );
    return doc;
  }

  /** Whether the form holds nothing the person typed: only empty offers, no settings. */
  isBlank() {
    const { offers, ...rest } = this.collect();
    return Object.keys(rest).length === 0 && offers.every(isBlankOffer);
  }

  /** Keep every place that names an offer ("Offer 2 — Company") in step with typing. */
  refreshNames() {
    this._nameOffersIn([this._form]);
    this.decision.setCompanies(this._companies());
  }

  /** Name the offers in `parts` (the whole form, or what a piece just added) after their company. */
  _nameOffersIn(parts) {
    const names = new Map();
    const company = (index) => {
      if (!names.has(index)) names.set(index, this._companyInput(index)?.value.trim());
      return names.get(index);
    };
    for (const part of parts) {
      const fieldsets = part.matches('fieldset.offer') ? [part] : part.querySelectorAll('fieldset.offer');
      for (const fieldset of /** @type {Iterable<HTMLFieldSetElement>} */ (fieldsets)) {
        const name = company(Number(fieldset.dataset.offerIndex));
        setText(fieldset.querySelector('legend.offer-legend'), name ? `${fieldset.dataset.label} — ${name}` : fieldset.dataset.label);
      }
      for (const span of /** @type {NodeListOf<HTMLElement>} */ (part.querySelectorAll('[data-offer-name]'))) {
        const index = Number(span.dataset.offerName);
        setText(span, company(index) || `Offer ${index + 1}`);
      }
    }
  }

  /**
   * Show what the engine says about each field: problems (red, the field is invalid),
   * questions (something to check, read anyway) and readings ("read as 200,000"). Offers that
   * hold nothing yet are spared their "is required". The exchange rates the engine asks
   * for get their fields first, so that its words about them have a place. Returns the
   * problems and questions that have no place in the form.
   * @param {{problems?: import('./contract').ProblemView[], questions?: import('./contract').ProblemView[], readings?: Record<string, string>, rate_fields?: import('./contract').Choice[]}} answer
   * @param {any} [doc]  what the form shows, when the caller has just read it (reading fifty
   *   offers again would cost as much)
   * @returns {import('./contract').ProblemView[]}
   */
  showRemarks(answer, doc = this.collect()) {
    const { problems = [], questions = [], readings = {}, rate_fields: rateFields } = answer;
    this._remarks = answer;
    if (Array.isArray(rateFields)) this.settings.showRates(rateFields, doc.exchange_rates ?? {});
    // Only the slots showing something are emptied: touching every field's slots restyles them all.
    const shown = '.field-message:not([hidden]), .field-question:not([hidden]), .field-reading:not([hidden])';
    for (const slot of /** @type {NodeListOf<HTMLElement>} */ (this._form.querySelectorAll(shown))) {
      slot.replaceChildren();
      slot.hidden = true;
    }
    for (const control of this._form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
    const blank = (path) => {
      const index = offerIndexOf(path);
      return index !== null && isBlankOffer(doc.offers[index]);
    };
    const unplaced = [];
    const place = (remark, slotClass, invalid) => {
      if (this._notShownYet(remark.path)) return; // placed once its offer is shown
      const target = this._placeFor(remark.path);
      const slot = /** @type {HTMLElement | null} */ (target?.querySelector(`:scope > .${slotClass}`));
      if (!target || !slot) {
        unplaced.push(remark);
        return;
      }
      slot.append(el('span', { text: remark.message }));
      slot.hidden = false;
      if (invalid) target.querySelector(':scope > [data-key]')?.setAttribute('aria-invalid', 'true');
      const folded = target.closest('details');
      if (folded) folded.open = true;
    };
    for (const problem of problems) if (!blank(problem.path)) place(problem, 'field-message', true);
    for (const question of questions) place(question, 'field-question', false);
    for (const [path, text] of Object.entries(readings)) place({ path, message: text }, 'field-reading', false);
    return unplaced;
  }

  /** Whether `path` is in an offer the form does not show yet. */
  _notShownYet(path) {
    const index = offerIndexOf(path);
    return index !== null && index >= this._built;
  }

  /** Move keyboard focus to an offer's first field (after adding or duplicating it). */
  focusOffer(index) {
    const target = this._companyInput(index) ?? /** @type {HTMLElement} */ (this._form.querySelector('[data-action="add"]'));
    target?.focus();
  }

  /** The element of the first problem's field, to bring into view. */
  fieldFor(path) {
    return this._placeFor(path);
  }

  /** @returns {HTMLInputElement | null} */
  _companyInput(index) {
    const input = this._byOffer[index]?.find((control) => control.dataset.key === 'company');
    return /** @type {HTMLInputElement | undefined} */ (input) ?? null;
  }

  /** Each offer's company, as typed (or as given, for an offer not shown yet). */
  _companies() {
    const offers = this._base.offers ?? [];
    return offers
      .map((offer, index) => (index < this._built ? this._companyInput(index)?.value : String(offer?.company ?? ''))?.trim())
      .filter(Boolean);
  }

  /** The element for a path, or for the nearest enclosing path the form shows. */
  _placeFor(path) {
    let current = path;
    while (current) {
      const target = this._form.querySelector(`[data-path="${CSS.escape(current)}"]`);
      if (target) return target;
      const shorter = current.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
      if (shorter === current) break;
      current = shorter;
    }
    return null;
  }
}

/** The index of the offer an engine path is in ("offers[2].base_salary" is 2), or null. */
function offerIndexOf(path) {
  const match = /^offers\[(\d+)\]/.exec(path ?? '');
  return match === null ? null : Number(match[1]);
}

/** Set an element's text only when it changes: an unchanged text need not be laid out again. */
function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}
