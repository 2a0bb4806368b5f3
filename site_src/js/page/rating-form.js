// Step 2, rating the offers, for all offers at once: the six ratings as one grid (a row per
// factor, a column per offer), the career-growth rubric with its questions and the full text of
// each level, and a red-flag checklist per offer. The rubric and the checklists fold away, and
// are open whenever they hold a value.

import { el, uniqueId } from './dom.js';
import { flagsGroup, radioGroup } from './form-blocks.js';

const SCALE = ['1', '2', '3', '4', '5']; // the framework's "Rate each factor 1-5"

/** A span whose text follows offer `index`'s company name (see OfferForm.refreshNames). */
export function offerName(index) {
  return el('span', { dataset: { offerName: index }, text: `Offer ${index + 1}` });
}

function ratingSelect(factor, index) {
  const select = el(
    'select',
    { id: uniqueId('rating'), dataset: { key: `ratings.${factor.id}`, kind: 'rating', offer: index } },
    el('option', { value: '', text: '–' }),
    ...SCALE.map((value) => el('option', { value, text: value })),
  );
  const label = el('label', { class: 'visually-hidden', for: select.id }, `${factor.name} for `, offerName(index));
  return el(
    'td',
    { dataset: { path: `offers[${index}].ratings.${factor.id}` } },
    label,
    select,
    el('p', { class: 'field-message', hidden: true }),
  );
}

/**
 * The ratings of every offer: a row per factor, with its weight and questions; a column per offer.
 * @param {import('./contract').FormAnswer} spec
 * @param {number} count
 */
function ratingsGrid(spec, count) {
  const offers = [...Array(count).keys()];
  const head = el(
    'tr',
    {},
    el('th', { scope: 'col', text: 'Factor' }),
    ...offers.map((index) => el('th', { scope: 'col' }, offerName(index))),
  );
  const rows = spec.factors.map((factor) =>
    el(
      'tr',
      {},
      el(
        'th',
        { scope: 'row' },
        el('span', { class: 'ratings-factor', text: factor.name }),
        el('span', { class: 'ratings-questions', text: factor.questions }),
      ),
      ...offers.map((index) => ratingSelect(factor, index)),
    ),
  );
  return el(
    'div',
    { class: 'ratings-grid', dataset: { count } },
    el(
      'table',
      {},
      el('caption', { text: 'Your ratings, from 1 (poor) to 5 (excellent)' }),
      el('thead', {}, head),
      el('tbody', {}, ...rows),
    ),
    el(
      'p',
      { class: 'field-help' },
      'Left empty, Compensation is suggested from the totals and Career Growth comes from the rubric below.',
    ),
  );
}

/**
 * The rubric: per area its questions and the three levels in full, then a choice per offer.
 * @param {import('./contract').FormAnswer} spec
 * @param {number} count
 * @param {boolean} open
 */
function rubric(spec, framework, count, open) {
  const levels = spec.growth_levels.map((level) => ({ value: level, label: level[0].toUpperCase() + level.slice(1) }));
  const areas = framework.growth_areas.map((area) =>
    el(
      'section',
      { class: 'rubric-area', 'aria-labelledby': `rubric-${area.id}` },
      el('h4', { id: `rubric-${area.id}`, text: area.name }),
      el('ul', { class: 'rubric-questions' }, ...area.questions.map((q) => el('li', { text: q }))),
      el(
        'dl',
        { class: 'rubric-levels' },
        ...levels.flatMap((level) => [el('dt', { text: level.label }), el('dd', { text: area[level.value] })]),
      ),
      ...[...Array(count).keys()].map((index) => {
        const group = radioGroup(`offers[${index}].growth.${area.id}`, '', `growth.${area.id}`, index, levels);
        group.querySelector('legend').replaceChildren(`${area.name}: `, offerName(index));
        return group;
      }),
    ),
  );
  return el(
    'details',
    { class: 'rate-section rubric', open, dataset: { section: 'growth' } },
    el('summary', { text: 'Career growth rubric: scope, learning, promotion, exits' }),
    el('p', { class: 'field-help', text: 'Rate each offer high, medium or low on each part; the average is its Career Growth rating unless you give one above.' }),
    ...areas,
  );
}

/**
 * One offer's red flags, as a compact checklist that folds away.
 * @param {import('./contract').FormAnswer} spec
 * @param {number} index
 * @param {boolean} open
 */
function redFlags(spec, index, open) {
  const group = flagsGroup(spec, `offers[${index}].red_flags`, 'Red flags you saw', 'red_flags', index);
  return el(
    'details',
    { class: 'rate-section offer-flags', open, dataset: { section: 'red_flags' } },
    el('summary', {}, 'Red flags at ', offerName(index)),
    group,
  );
}

/**
 * The whole of step 2 for `offers` (the document's offers), filled by the caller.
 * @param {HTMLElement} root  the [data-ratings] element
 * @param {import('./contract').FormAnswer} spec
 */
export function renderRatings(root, spec, framework, offers) {
  const hasGrowth = offers.some((offer) => offer.growth && Object.keys(offer.growth).length > 0);
  root.replaceChildren(
    ratingsGrid(spec, offers.length),
    rubric(spec, framework, offers.length, hasGrowth),
    el(
      'div',
      { class: 'offers-flags' },
      ...offers.map((offer, index) => redFlags(spec, index, (offer.red_flags ?? []).length > 0)),
    ),
  );
}
