// The person's own settings, below the offers: the decision matrix's weights, the minimum total
// compensation, the assumptions, the dealbreakers and the decision record. The framework's
// defaults are shown in the fields, so what the engine assumes is there to see and change.

import { el, uniqueId } from './dom.js';
import { controlFor, fieldBlock, flagsGroup, groupBlock } from './form-blocks.js';
import { fillFrom } from './form-values.js';

export class SettingsForm {
  /**
   * @param {HTMLElement} root  the [data-settings] element
   * @param {object} spec  bridge.form()
   * @param {object} framework  bridge.framework(): the stages and the default assumptions
   */
  constructor(root, spec, framework) {
    this._root = root;
    this._spec = spec;
    this._framework = framework;
    this._build();
  }

  /** Fill the settings from a document, with the framework's values where it has none. */
  fill(doc) {
    const defaults = this._defaultAssumptions();
    const given = doc.assumptions ?? {};
    const assumptions = { ...defaults, ...given, stage_factors: { ...defaults.stage_factors, ...given.stage_factors } };
    fillFrom({ ...doc, weights: doc.weights ?? this._defaultWeights(), assumptions }, this._root);
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

  /** Put the time now into the decision record (the engine judges how long ago that was). */
  recordDecisionNow() {
    const decidedAt = /** @type {HTMLInputElement} */ (this._root.querySelector('[data-key="decision.decided_at"]'));
    decidedAt.value = new Date().toISOString();
  }

  _defaultWeights() {
    return Object.fromEntries(this._spec.factors.map((factor) => [factor.id, factor.weight]));
  }

  _defaultAssumptions() {
    const framework = this._framework;
    return {
      stage_factors: Object.fromEntries(framework.stages.map((stage) => [stage.id, stage.factor])),
      signing_tenure_years: framework.signing_tenure_years,
      projection_years: framework.projection_years,
    };
  }

  _build() {
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
    this._choice = /** @type {HTMLSelectElement} */ (el('select', { id: uniqueId('choice'), dataset: { key: 'decision.choice', kind: 'select' } }));
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
    this._root.replaceChildren(
      groupBlock('weights', 'Decision matrix weights (%)', 'weights', ...weights),
      minimum,
      assumptions,
      flagsGroup(spec, 'dealbreakers', 'Dealbreakers: red flags that rule an offer out', 'dealbreakers'),
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
    this._root.dataset.scope = 'document';
  }
}
