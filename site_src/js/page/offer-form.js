// The offers editor, built from the engine's description of the offers file (bridge.form()):
// one fieldset per offer, then the person's own settings and the decision record. Every control
// carries data-key (where its value goes in the document) and sits in an element with data-path
// (the engine's name for that place), so a problem reported for a path is shown beside it.

import { el, uniqueId } from './dom.js';
import { collectInto, fillFrom } from './form-values.js';

// Sections shown open; the others fold away to keep a phone screen short.
const OPEN_SECTIONS = new Set(['offer', 'cash', 'equity']);
const SECTION_TITLES = {
  offer: 'Offer',
  cash: 'Salary and bonus',
  equity: 'Equity',
  options: 'Stock options',
  dealbreakers: 'Dealbreaker check',
  matrix: 'Decision matrix ratings (1-5)',
  growth: 'Career growth rubric',
  red_flags: 'Red flags',
};

/** One labelled control with its help text and a place for the engine's message. */
function fieldBlock(path, label, control, help) {
  const helpId = help ? uniqueId('help') : null;
  const messageId = uniqueId('message');
  control.setAttribute('aria-describedby', [helpId, messageId].filter(Boolean).join(' '));
  const labelElement = el('label', { for: control.id, text: label });
  const checkbox = control.type === 'checkbox';
  return el(
    'div',
    { class: checkbox ? 'field field-checkbox' : 'field', dataset: { path } },
    ...(checkbox ? [control, labelElement] : [labelElement, control]),
    el('p', { class: 'field-message', id: messageId, hidden: true }),
    help ? el('p', { class: 'field-help', id: helpId, text: help }) : null,
  );
}

/** A group of controls (a fieldset) that a problem can also point at as a whole. */
function groupBlock(path, legend, className, ...children) {
  return el(
    'fieldset',
    { class: `group ${className}`, dataset: { path } },
    el('legend', { text: legend }),
    el('p', { class: 'field-message', hidden: true }),
    ...children,
  );
}

/** The control for one field of the engine's description. */
function controlFor(field, key) {
  const common = { id: uniqueId('field'), dataset: { key, kind: field.kind } };
  switch (field.kind) {
    case 'select':
      return el('select', common, ...field.choices.map((c) => el('option', { value: c.value, text: c.label })));
    case 'boolean':
      return el('input', { ...common, type: 'checkbox', checked: field.default === true });
    case 'text':
      return el('input', { ...common, type: 'text', autocomplete: 'off', required: field.required });
    case 'integer':
      return el('input', { ...common, type: 'text', inputmode: 'numeric', autocomplete: 'off' });
    case 'percent_list':
      return el('input', { ...common, type: 'text', inputmode: 'decimal', autocomplete: 'off' });
    default: // money, number, ratio, percent
      return el('input', { ...common, type: 'text', inputmode: 'decimal', autocomplete: 'off', required: field.required });
  }
}

export class OfferForm {
  /**
   * @param {HTMLFormElement} form  holds [data-offers] (the offer fieldsets) and [data-settings]
   *   (weights, limits and the decision record)
   * @param {object} spec  bridge.form()
   * @param {object} framework  bridge.framework(): the stages and the default assumptions
   */
  constructor(form, spec, framework) {
    this._form = form;
    this._framework = framework;
    this._offersRoot = form.querySelector('[data-offers]');
    this._settingsRoot = form.querySelector('[data-settings]');
    this._spec = spec;
    this._base = { offers: [] };
    this._buildSettings();
  }

  /** Show a whole document: one fieldset per offer, the settings filled in. */
  render(doc) {
    this._base = structuredClone(doc);
    const offers = doc.offers ?? [];
    this._offersRoot.replaceChildren(...offers.map((offer, index) => this._offerFieldset(index, offer)));
    this._refreshChoices(doc.decision?.choice ?? '');
    // Defaults are shown in the fields, so what the engine assumes is there to see and change.
    const assumptions = this.defaultAssumptions();
    const given = doc.assumptions ?? {};
    assumptions.stage_factors = { ...assumptions.stage_factors, ...given.stage_factors };
    fillFrom(
      { ...doc, weights: doc.weights ?? this.defaultWeights(), assumptions: { ...assumptions, ...given, stage_factors: assumptions.stage_factors } },
      this._settingsRoot,
    );
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
      const company = fieldset.querySelector('[data-key="company"]').value.trim();
      const legend = fieldset.querySelector('legend.offer-legend');
      legend.textContent = company ? `${fieldset.dataset.label} — ${company}` : fieldset.dataset.label;
    }
    this._refreshChoices();
  }

  /** Show each problem beside the control it is about; return those with no place in the form. */
  showProblems(problems) {
    for (const message of this._form.querySelectorAll('.field-message')) {
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
      const message = target.querySelector(':scope > .field-message');
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

  /** The decision matrix's weights as the framework sets them. */
  defaultWeights() {
    return Object.fromEntries(this._spec.factors.map((factor) => [factor.id, factor.weight]));
  }

  /** The framework's assumptions: equity counted per stage, signing tenure, projection years. */
  defaultAssumptions() {
    const framework = this._framework;
    return {
      stage_factors: Object.fromEntries(framework.stages.map((stage) => [stage.id, stage.factor])),
      signing_tenure_years: framework.signing_tenure_years,
      projection_years: framework.projection_years,
    };
  }

  /** Move keyboard focus to an offer's first field (after adding or duplicating it). */
  focusOffer(index) {
    const fieldset = this._offersRoot.querySelectorAll('fieldset.offer')[index];
    // With no offer left, focus goes to the button that adds one.
    const target = fieldset?.querySelector('[data-key]') ?? this._form.querySelector('[data-action="add"]');
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
    const title = this._spec.sections?.[section] ?? SECTION_TITLES[section] ?? section;
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
    if (field.kind === 'flags') return this._flags(path, field.label, 'red_flags');
    return fieldBlock(path, field.label, controlFor(field, field.key), field.help);
  }

  _ratings(path, field) {
    const scale = this._spec.rating_scale ?? ['1', '2', '3', '4', '5'];
    const blocks = this._spec.factors.map((factor) => {
      const control = el(
        'select',
        { id: uniqueId('rating'), dataset: { key: `ratings.${factor.id}`, kind: 'rating' } },
        el('option', { value: '', text: 'Not rated' }),
        ...scale.map((value) => el('option', { value: String(value), text: String(value) })),
      );
      return fieldBlock(`${path}.${factor.id}`, factor.name, control, factor.questions);
    });
    return groupBlock(path, field.label, 'ratings', el('p', { class: 'field-help', text: field.help }), ...blocks);
  }

  _growth(path, field) {
    const levels = this._spec.growth_levels.map((level) => (typeof level === 'string' ? { id: level } : level));
    const blocks = this._spec.growth_areas.map((area) => {
      const control = el(
        'select',
        { id: uniqueId('growth'), dataset: { key: `growth.${area.id}`, kind: 'level' } },
        el('option', { value: '', text: 'Not rated' }),
        ...levels.map((level) => el('option', { value: level.id, text: `${level.name ?? level.id}: ${area[level.id]}` })),
      );
      return fieldBlock(`${path}.${area.id}`, area.name, control, (area.questions ?? []).join(' '));
    });
    return groupBlock(path, field.label, 'growth', ...blocks);
  }

  /** Red flag checkboxes by category: an offer's flags, or the dealbreakers of the settings. */
  _flags(path, legend, key) {
    const categories = this._spec.flag_categories.map((category) => {
      const boxes = this._spec.red_flags
        .filter((flag) => flag.category === category.id)
        .map((flag) => {
          const control = el('input', { type: 'checkbox', id: uniqueId('flag'), dataset: { key, kind: 'flag', flag: flag.id } });
          return el('div', { class: 'field field-checkbox' }, control, el('label', { for: control.id, text: flag.text }));
        });
      return el('fieldset', { class: 'flag-category' }, el('legend', { text: category.name }), ...boxes);
    });
    return groupBlock(path, legend, 'flags', ...categories);
  }

  _buildSettings() {
    const spec = this._spec;
    const weights = spec.factors.map((factor) => {
      const control = controlFor({ kind: 'percent' }, `weights.${factor.id}`);
      return fieldBlock(`weights.${factor.id}`, factor.name, control, factor.questions);
    });
    const minimum = fieldBlock(
      'minimum_total_comp',
      'Minimum total compensation',
      controlFor({ kind: 'money' }, 'minimum_total_comp'),
      'Step 1: an offer whose annualized total is below your minimum threshold is eliminated. Empty: no minimum.',
    );
    this._choice = el('select', { id: uniqueId('choice'), dataset: { key: 'decision.choice', kind: 'select' } });
    const decidedAt = controlFor({ kind: 'text' }, 'decision.decided_at');
    const committed = controlFor({ kind: 'boolean' }, 'decision.committed');
    const stageFactors = this._framework.stages.map((stage) => {
      const key = `assumptions.stage_factors.${stage.id}`;
      return fieldBlock(key, `${stage.name} equity counted at`, controlFor({ kind: 'ratio' }, key), 'Share of the paper value counted, from 0 to 1.');
    });
    const assumptions = el(
      'details',
      { class: 'settings-section' },
      el('summary', { text: 'Assumptions' }),
      groupBlock(
        'assumptions',
        'Assumptions',
        'assumptions',
        ...stageFactors,
        fieldBlock(
          'assumptions.signing_tenure_years',
          'Signing bonus spread over (years)',
          controlFor({ kind: 'number' }, 'assumptions.signing_tenure_years'),
          'How long you expect to stay: the signing bonus is spread over these years in the annualized total.',
        ),
        fieldBlock(
          'assumptions.projection_years',
          'Years to project',
          controlFor({ kind: 'integer' }, 'assumptions.projection_years'),
          'How many years the year-by-year projection shows.',
        ),
      ),
    );
    this._settingsRoot.replaceChildren(
      groupBlock('weights', 'Decision matrix weights (%)', 'weights', ...weights),
      minimum,
      assumptions,
      this._flags('dealbreakers', 'Dealbreakers: red flags that rule an offer out', 'dealbreakers'),
      groupBlock(
        'decision',
        'Decision record',
        'decision',
        fieldBlock('decision.choice', 'Your choice', this._choice, 'The offer you have decided to take.'),
        fieldBlock('decision.decided_at', 'Decided at', decidedAt, 'When you made the decision (date, time and time zone).'),
        el('button', { type: 'button', class: 'md-button', dataset: { action: 'record-decision' }, text: 'Record my decision now' }),
        fieldBlock('decision.committed', 'Committed: I have slept on it and stop second-guessing', committed, null),
      ),
    );
    this._settingsRoot.dataset.scope = 'document';
  }

  /** The decision's choices are the offers' companies; a choice no longer among them stays listed. */
  _refreshChoices(selected = this._choice.value) {
    const companies = [...this._offersRoot.querySelectorAll('[data-key="company"]')]
      .map((input) => input.value.trim())
      .filter(Boolean);
    const names = [...new Set(selected && !companies.includes(selected) ? [...companies, selected] : companies)];
    this._choice.replaceChildren(
      el('option', { value: '', text: 'Not decided yet' }),
      ...names.map((name) => el('option', { value: name, text: name })),
    );
    this._choice.value = selected ?? '';
  }

  /** Put the time now into the decision record (the engine judges how long ago that was). */
  recordDecisionNow() {
    this._settingsRoot.querySelector('[data-key="decision.decided_at"]').value = new Date().toISOString();
  }
}
