// The person's own priorities, for every offer at once: the decision matrix's weights, the
// minimum total compensation, the dealbreakers and the assumptions; and the taxes and currencies
// (home currency, the exchange rates typed by the person, tax year, filing status). They fold
// away and are open whenever they differ from the framework's. The framework's weights and
// assumptions are shown in their fields, so what the engine assumes is there to see and change; a
// field left at the framework's value is left out of the document.

import { el } from './dom.js';
import { controlFor, fieldBlock, flagsGroup, groupBlock } from './form-blocks.js';
import { fillFrom, getPath } from './form-values.js';

const TAX_KEYS = ['home_currency', 'exchange_rates', 'tax_year', 'filing_status'];

export class SettingsForm {
  /**
   * @param {HTMLElement} root  the [data-settings] element
   * @param {object} spec  bridge.form()
   * @param {object} framework  bridge.framework(): the stages and the default assumptions
   * @param {import('./place-fields.js').Suggestions} suggestions  the form's lists of places and currencies
   */
  constructor(root, spec, framework, suggestions) {
    this._root = root;
    this._suggestions = suggestions;
    this._spec = spec;
    this._framework = framework;
    this._defaults = {
      weights: Object.fromEntries(spec.factors.map((factor) => [factor.id, factor.weight])),
      assumptions: {
        stage_factors: Object.fromEntries(framework.stages.map((stage) => [stage.id, stage.factor])),
        signing_tenure_years: framework.signing_tenure_years,
        projection_years: framework.projection_years,
      },
      filing_status: 'single',
    };
    /** @type {Map<string, HTMLElement>} the exchange rate fields, by currency */
    this._rates = new Map();
    this._rateList = el('div', { class: 'weights-fields' });
    this._rateGroup = groupBlock(
      'exchange_rates',
      'Exchange rates',
      'exchange-rates',
      el('p', { class: 'field-help', text: 'Type each rate yourself: nothing is looked up. Each currency an offer is paid or taxed in needs one.' }),
      this._rateList,
    );
    this._rateGroup.hidden = true;
    this._details = this._priorities();
    this._taxes = this._taxesAndCurrencies();
    this._root.replaceChildren(this._details, this._taxes);
  }

  /** The controls whose values belong to the document itself. */
  controls() {
    return [...this._root.querySelectorAll('[data-key]')];
  }

  /** Fill the settings from a document, with the framework's values where it has none. */
  fill(doc) {
    const given = doc.assumptions ?? {};
    const assumptions = {
      ...this._defaults.assumptions,
      ...given,
      stage_factors: { ...this._defaults.assumptions.stage_factors, ...given.stage_factors },
    };
    fillFrom({ ...doc, weights: doc.weights ?? this._defaults.weights, assumptions, filing_status: doc.filing_status ?? 'single' }, this.controls());
    const own = ['weights', 'minimum_total_comp', 'dealbreakers', 'assumptions'].some((key) => doc[key] !== undefined);
    this._details.open = own;
    this._taxes.open = TAX_KEYS.some((key) => doc[key] !== undefined);
  }

  /**
   * Ask for the exchange rates the engine names (bridge.evaluate's rate_fields: "Value of 1 GBP
   * in USD"), each filled from `rates` (the document's exchange_rates) when it is new. Fields
   * already shown keep what is being typed; only their labels follow the engine's.
   * @param {import('./contract').Choice[]} fields
   * @param {Record<string, unknown>} rates
   */
  showRates(fields, rates) {
    const wanted = new Set(fields.map((field) => field.value));
    for (const [code, block] of this._rates) {
      // A field that holds a rate stays, whatever the answer (a refusal may name none).
      const holds = /** @type {HTMLInputElement} */ (block.querySelector('[data-key]')).value.trim() !== '';
      if (!wanted.has(code) && !holds) {
        block.remove();
        this._rates.delete(code);
      }
    }
    // New fields go in their place in the engine's order; the others are never moved, so a
    // field being typed in keeps the focus.
    let previous = null;
    for (const field of fields) {
      let block = this._rates.get(field.value);
      if (block) {
        /** @type {HTMLLabelElement} */ (block.querySelector('label')).textContent = field.label;
      } else {
        const key = `exchange_rates.${field.value}`;
        const control = controlFor({ kind: 'number' }, key);
        block = fieldBlock(key, field.label, control, null);
        fillFrom({ exchange_rates: rates }, [control]);
        if (previous) previous.after(block);
        else this._rateList.prepend(block);
        this._rates.set(field.value, block);
      }
      previous = block;
    }
    this._rateGroup.hidden = this._rates.size === 0;
  }

  /**
   * Leave out of `doc` what still shows the framework's own value, as typed: the weights when
   * none was changed (they go together, summing to 100), and each assumption left as it was.
   */
  dropDefaults(doc) {
    const same = (key) => String(getPath(doc, key) ?? '') === String(getPath(this._defaults, key));
    const weightKeys = this._spec.factors.map((factor) => `weights.${factor.id}`);
    if (weightKeys.every(same)) delete doc.weights;
    if (doc.assumptions) {
      for (const stage of this._framework.stages) {
        if (same(`assumptions.stage_factors.${stage.id}`)) delete doc.assumptions.stage_factors?.[stage.id];
      }
      if (doc.assumptions.stage_factors && Object.keys(doc.assumptions.stage_factors).length === 0) {
        delete doc.assumptions.stage_factors;
      }
      for (const key of ['signing_tenure_years', 'projection_years']) {
        if (same(`assumptions.${key}`)) delete doc.assumptions[key];
      }
      if (Object.keys(doc.assumptions).length === 0) delete doc.assumptions;
    }
    if (doc.filing_status === 'single') delete doc.filing_status;
    return doc;
  }

  /** The weights, the minimum pay, the dealbreakers and the assumptions, folded. */
  _priorities() {
    const spec = this._spec;
    const weights = spec.factors.map((factor) => {
      const control = controlFor({ kind: 'percent' }, `weights.${factor.id}`);
      return fieldBlock(`weights.${factor.id}`, `${factor.name} (%)`, control, null);
    });
    const minimum = fieldBlock(
      'minimum_total_comp',
      'Minimum total compensation (a year)',
      controlFor({ kind: 'money' }, 'minimum_total_comp'),
      'Step 1: an offer whose annualized total is below your minimum is eliminated. Empty: no minimum.',
    );
    const stageFactors = this._framework.stages.map((stage) => {
      const key = `assumptions.stage_factors.${stage.id}`;
      return fieldBlock(key, `${stage.name} equity counted at (share of its value)`, controlFor({ kind: 'ratio' }, key), null);
    });
    const assumptions = groupBlock(
      'assumptions',
      'Assumptions',
      'assumptions',
      el('p', { class: 'field-help', text: 'The framework\'s values; change them only if you disagree. A share is from 0 to 1, or a percentage.' }),
      ...stageFactors,
      fieldBlock(
        'assumptions.signing_tenure_years',
        'Signing bonus spread over (years)',
        controlFor({ kind: 'number' }, 'assumptions.signing_tenure_years'),
        'How long you expect to stay: the signing bonus is spread over these years in the annualized total.',
      ),
      fieldBlock(
        'assumptions.projection_years',
        'Years to project (years)',
        controlFor({ kind: 'integer' }, 'assumptions.projection_years'),
        'How many years the year-by-year projection shows.',
      ),
    );
    return /** @type {HTMLDetailsElement} */ (el(
      'details',
      { class: 'settings-section' },
      el('summary', { text: 'Weights, minimum pay, dealbreakers and assumptions' }),
      groupBlock(
        'weights',
        'Decision matrix weights (%)',
        'weights',
        el('p', { class: 'field-help', text: 'How much each factor counts, in percent; together they must make 100.' }),
        el('div', { class: 'weights-fields' }, ...weights),
      ),
      minimum,
      flagsGroup(spec, 'dealbreakers', 'Dealbreakers: red flags that rule an offer out', 'dealbreakers'),
      assumptions,
    ));
  }

  /** Taxes and currencies: the engine's own fields, and a place for the exchange rates. */
  _taxesAndCurrencies() {
    const fields = this._spec.tax_settings.map((field) => {
      const control = controlFor({ ...field, list: this._suggestions.idFor(field.kind) }, field.key);
      return fieldBlock(field.key, field.full_label, control, field.help);
    });
    return /** @type {HTMLDetailsElement} */ (el(
      'details',
      { class: 'settings-section' },
      el('summary', { text: 'Taxes and currencies: home currency, exchange rates, tax year, filing status' }),
      el('div', { class: 'offer-fields' }, ...fields),
      this._rateGroup,
    ));
  }
}
