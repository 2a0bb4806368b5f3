// One offer's fieldset: the framework's own fields, always shown, then everything else behind a
// disclosure that is open whenever it holds a value. Built from the engine's description of the
// offer keys (bridge.form()), so labels, units and hints are the engine's words.

import { el, uniqueId } from './dom.js';
import { controlFor, fieldBlock } from './form-blocks.js';
import { showPlaceFields } from './place-fields.js';

// The framework's calculate_annual_tc fields, in the order an offer letter gives them, and
// "this is my current job", which changes what the verdict compares with.
const SHORT_FIELDS = [
  'company',
  'current_job',
  'company_stage',
  'base_salary',
  'equity_grant',
  'vesting_years',
  'target_bonus',
  'bonus_payout_history',
  'signing_bonus',
];
// Kinds shown elsewhere in the form: the ratings grid, the rubric, the red flags.
const SHOWN_ELSEWHERE = new Set(['ratings', 'growth', 'flags']);
const MORE_TITLE = 'More details: vesting schedule, cliff, refreshers, raise, stock options, benefits, location and taxes, notes';

/** The offer fields of the engine's description that sit behind the disclosure, in its order. */
export function moreFields(spec) {
  return spec.offer_fields.filter((f) => !SHORT_FIELDS.includes(f.key) && !SHOWN_ELSEWHERE.has(f.kind));
}

/** Whether `offer` holds a value for any of `fields`. */
function holdsAny(offer, fields) {
  return fields.some((f) => offer[f.key] !== undefined && offer[f.key] !== null && offer[f.key] !== '');
}

/** @param {import('./place-fields.js').Suggestions} suggestions */
function block(suggestions, path, index, field) {
  const placeholder = field.key === 'company_stage' ? 'Choose the stage' : undefined;
  const control = controlFor({ ...field, placeholder, list: suggestions.idFor(field.kind) }, field.key, index);
  return fieldBlock(`${path}.${field.key}`, field.full_label ?? field.label, control, field.help);
}

/**
 * The fieldset of offer `index` (0-based), filled by the caller.
 * @param {import('./place-fields.js').Suggestions} suggestions  the form's lists of places and currencies
 */
export function offerFieldset(spec, suggestions, index, offer) {
  const path = `offers[${index}]`;
  const label = `Offer ${index + 1}`;
  const legend = el('legend', { class: 'offer-legend', id: uniqueId('offer'), text: label });
  const byKey = new Map(spec.offer_fields.map((f) => [f.key, f]));
  const short = SHORT_FIELDS.filter((key) => byKey.has(key)).map((key) => block(suggestions, path, index, byKey.get(key)));
  const more = moreFields(spec);
  const details = el(
    'details',
    { class: 'offer-more', open: holdsAny(offer, more) },
    el('summary', { text: MORE_TITLE }),
    el('div', { class: 'offer-fields' }, ...more.map((field) => block(suggestions, path, index, field))),
  );
  details.addEventListener('input', (event) => {
    if (/** @type {HTMLElement} */ (event.target).dataset.key === 'location') showPlaceFields(details, spec);
  });
  const actions = el(
    'div',
    { class: 'offer-actions' },
    el('button', { type: 'button', class: 'md-button', dataset: { action: 'duplicate', index }, 'aria-describedby': legend.id, text: 'Duplicate' }),
    el('button', { type: 'button', class: 'md-button', dataset: { action: 'remove', index }, 'aria-describedby': legend.id, text: 'Remove' }),
  );
  return el(
    'fieldset',
    { class: 'offer', dataset: { path, offerIndex: index, label } },
    legend,
    el('p', { class: 'field-message', hidden: true }),
    el('div', { class: 'offer-fields' }, ...short),
    details,
    actions,
  );
}
