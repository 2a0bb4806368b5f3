// The offers editor, built from the engine's description of the offers file (bridge.form()):
// one fieldset per offer, then the person's own settings and the decision record. Every control
// carries data-key (where its value goes in the document) and sits in an element with data-path
// (the engine's name for that place), so a problem reported for a path is shown beside it.

import { el, uniqueId } from './dom.js';
import { controlFor, fieldBlock, flagsGroup, groupBlock } from './form-blocks.js';
import { collectInto, fillFrom } from './form-values.js';
import { SettingsForm } from './settings-form.js';

// Sections shown open; the others fold away to keep a phone screen short.
const OPEN_SECTIONS = new Set(['offer', 'cash', 'equity']);
const SECTION_TITLES = {
  offer: 'Offer',
  cash: 'Salary and bonus',
  equity: 'Equity',
  options: 'Stock options',
  location: 'Location, taxes and currency',
  dealbreakers: 'Dealbreaker check',
  matrix: 'Decision matrix ratings (1-5)',
  growth: 'Career growth rubric',
  red_flags: 'Red flags',
};

export class OfferForm {
  /**
   * @param {HTMLFormElement} form  holds [data-offers] (the offer fieldsets) and [data-settings]
   *   (weights, limits and the decision record)
   * @param {object} spec  bridge.form()
   * @param {object} framework  bridge.framework(): the stages and the default assumptions
   */
  constructor(form, spec, framework) {
    this._form = form;
    this._offersRoot = /** @type {HTMLElement} */ (form.querySelector('[data-offers]'));
    this._settingsRoot = /** @type {HTMLElement} */ (form.querySelector('[data-settings]'));
    this._spec = spec;
    this._base = { offers: [] };
    this.settings = new SettingsForm(this._settingsRoot, spec, framework);
  }

  /** Show a whole document: one fieldset per offer, the settings filled in. */
  render(doc) {
    this._base = structuredClone(doc);
    const offers = doc.offers ?? [];
    this._offersRoot.replaceChildren(...offers.map((offer, index) => this._offerFieldset(index, offer)));
    this.settings.setCompanies(this._companies(), doc.decision?.choice ?? '');
    this.settings.fill(doc);
    this.refreshNames();
  }

  /** The document as the form shows it now; keys no control shows are kept from the last render. */
  collect() {
    const { offers, ...settings } = this._base;
    const doc = collectInto(settings, this._settingsRoot);
    doc.offers = [...this._offersRoot.querySelectorAll('fieldset.offer')].map((fieldset, index) =>
      collectInto(offers?.[index] ?? {}, fieldset),
    );
    return doc;
  }

  /** Keep legends ("Offer 2 — Company") and the decision's list of companies in step with typing. */
  refreshNames() {
    for (const fieldset of this._offersRoot.querySelectorAll('fieldset.offer')) {
      if (!(fieldset instanceof HTMLFieldSetElement)) continue;
      const company = /** @type {HTMLInputElement} */ (fieldset.querySelector('[data-key="company"]')).value.trim();
      const legend = fieldset.querySelector('legend.offer-legend');
      legend.textContent = company ? `${fieldset.dataset.label} — ${company}` : fieldset.dataset.label;
    }
    this.settings.setCompanies(this._companies());
  }

  _companies() {
    const inputs = /** @type {NodeListOf<HTMLInputElement>} */ (this._offersRoot.querySelectorAll('[data-key="company"]'));
    return [...inputs].map((input) => input.value.trim()).filter(Boolean);
  }

  /** Show each problem beside the control it is about; return those with no place in the form. */
  showProblems(problems) {
    for (const message of /** @type {NodeListOf<HTMLElement>} */ (this._form.querySelectorAll('.field-message'))) {
      message.textContent = '';
      message.hidden = true;
    }
    for (const control of this._form.querySelectorAll('[aria-invalid]')) {
      control.removeAttribute('aria-invalid');
    }
    const unplaced = [];
    for (const problem of problems) {
      const target = this._placeFor(problem.path);
      if (!target) {
        unplaced.push(problem);
        continue;
      }
      const message = /** @type {HTMLElement} */ (target.querySelector(':scope > .field-message'));
      message.append(el('span', { text: problem.message }));
      message.hidden = false;
      const control = target.querySelector(':scope > [data-key]');
      if (control) control.setAttribute('aria-invalid', 'true');
      const folded = target.closest('details');
      if (folded) folded.open = true;
    }
    return unplaced;
  }

  /** The values an offer's fields start with, from the engine's field description. */
  offerDefaults() {
    const defaults = {};
    for (const field of this._spec.offer_fields) {
      if (field.default !== null && field.default !== undefined) defaults[field.key] = field.default;
      else if (field.kind === 'select' && field.choices.length) defaults[field.key] = field.choices[0].value;
    }
    return defaults;
  }

  /** Move keyboard focus to an offer's first field (after adding or duplicating it). */
  focusOffer(index) {
    const fieldset = this._offersRoot.querySelectorAll('fieldset.offer')[index];
    // With no offer left, focus goes to the button that adds one.
    const target = /** @type {HTMLElement | null} */ (fieldset?.querySelector('[data-key]') ?? this._form.querySelector('[data-action="add"]'));
    target?.focus();
  }

  /** The element for a problem's path, or for the nearest enclosing path the form shows. */
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

  _offerFieldset(index, offer) {
    const path = `offers[${index}]`;
    const label = `Offer ${index + 1}`;
    const legend = el('legend', { class: 'offer-legend', id: uniqueId('offer'), text: label });
    const actions = el(
      'div',
      { class: 'offer-actions' },
      el('button', { type: 'button', class: 'md-button', dataset: { action: 'duplicate', index }, 'aria-describedby': legend.id, text: 'Duplicate' }),
      el('button', { type: 'button', class: 'md-button', dataset: { action: 'remove', index }, 'aria-describedby': legend.id, text: 'Remove' }),
    );
    const sections = new Map();
    for (const field of this._spec.offer_fields) {
      if (!sections.has(field.section)) sections.set(field.section, []);
      sections.get(field.section).push(this._offerField(path, field));
    }
    const fieldset = el(
      'fieldset',
      { class: 'offer', dataset: { path, scope: 'offer', label } },
      legend,
      el('p', { class: 'field-message', hidden: true }),
      ...[...sections].map(([section, blocks]) => this._section(section, blocks, offer)),
      actions,
    );
    fillFrom({ ...this.offerDefaults(), ...offer }, fieldset);
    return fieldset;
  }

  _section(section, blocks, offer) {
    const title = SECTION_TITLES[section] ?? section;
    if (OPEN_SECTIONS.has(section)) {
      return el('div', { class: 'offer-section' }, el('h3', { text: title }), ...blocks);
    }
    // A folded section opens by itself when the offer already has something in it.
    const keys = this._spec.offer_fields.filter((f) => f.section === section).map((f) => f.key);
    const filled = keys.some((key) => offer[key] !== undefined && offer[key] !== null);
    return el('details', { class: 'offer-section', open: filled }, el('summary', { text: title }), ...blocks);
  }

  _offerField(offerPath, field) {
    const path = `${offerPath}.${field.key}`;
    if (field.kind === 'ratings') return this._ratings(path, field);
    if (field.kind === 'growth') return this._growth(path, field);
    if (field.kind === 'flags') return flagsGroup(this._spec, path, field.label, 'red_flags');
    return fieldBlock(path, field.label, controlFor(field, field.key), field.help);
  }

  _ratings(path, field) {
    const scale = ['1', '2', '3', '4', '5']; // the framework's "Rate each factor 1-5"
    const blocks = this._spec.factors.map((factor) => {
      const control = el(
        'select',
        { id: uniqueId('rating'), dataset: { key: `ratings.${factor.id}`, kind: 'rating' } },
        el('option', { value: '', text: 'Not rated' }),
        ...scale.map((value) => el('option', { value, text: value })),
      );
      return fieldBlock(`${path}.${factor.id}`, factor.name, control, factor.questions);
    });
    return groupBlock(path, field.label, 'ratings', el('p', { class: 'field-help', text: field.help }), ...blocks);
  }

  _growth(path, field) {

    const blocks = this._spec.growth_areas.map((area) => {
      const control = el(
        'select',
        { id: uniqueId('growth'), dataset: { key: `growth.${area.id}`, kind: 'level' } },
        el('option', { value: '', text: 'Not rated' }),
        ...this._spec.growth_levels.map((level) => el('option', { value: level, text: `${level}: ${area[level]}` })),
      );
      return fieldBlock(`${path}.${area.id}`, area.name, control, (area.questions ?? []).join(' '));
    });
    return groupBlock(path, field.label, 'growth', ...blocks);
  }
}
