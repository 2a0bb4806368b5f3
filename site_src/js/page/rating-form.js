// Step 2, rating the offers, for all offers at once: the six ratings as one grid (a row per
// factor, a column per offer), the career-growth rubric with its questions and the full text of
// each level, and a red-flag checklist per offer. The rubric and the checklists fold away, and
// are open whenever they hold a value.

import { el, uniqueId } from './dom.js';
import { flagsGroup, radioGroup } from './form-blocks.js';

/** A span whose text follows offer `index`'s company name (see OfferForm.refreshNames). */
export function offerName(index) {
  return el('span', { dataset: { offerName: index }, text: `Offer ${index + 1}` });
}

/**
 * A rating, typed: the engine reads it (the framework rates 1 to 5; 4.5 is a rating too) and
 * says at the cell what it cannot read. A field, not a list to pick from: a list could not show
 * a 4.5 from a file, and a list added to the page is laid out at once even out of view, which
 * with fifty offers held the page.
 */
function ratingField(factor, index) {
  const input = el('input', {
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
    placeholder: '–',
    id: uniqueId('rating'),
    dataset: { key: `ratings.${factor.id}`, kind: 'rating', offer: index },
  });
  const label = el('label', { class: 'visually-hidden', for: input.id }, `${factor.name} for `, offerName(index));
  return el(
    'td',
    { dataset: { path: `offers[${index}].ratings.${factor.id}` } },
    label,
    input,
    el('p', { class: 'field-message', hidden: true }),
  );
}

/**
 * The whole of step 2 for the document's offers: the ratings grid (a row per factor, a column
 * per offer), the rubric (per area its questions and levels, then a choice per offer) and a
 * red-flag checklist per offer. Built once, empty of offers; each document's offers are then
 * added in turn (see reset and add), so that fifty offers can be shown a few at a time.
 */
export class Ratings {
  /**
   * @param {HTMLElement} root  the [data-ratings] element
   * @param {import('./contract').FormAnswer} spec
   * @param {any} framework  bridge.framework(): the rubric's areas
   */
  constructor(root, spec, framework) {
    this._spec = spec;
    this._areas = framework.growth_areas;
    this._levels = spec.growth_levels.map((level) => ({ value: level, label: level[0].toUpperCase() + level.slice(1) }));
    this._head = el('tr', {}, el('th', { scope: 'col', text: 'Factor' }));
    this._rows = spec.factors.map((factor) =>
      el(
        'tr',
        {},
        el(
          'th',
          { scope: 'row' },
          el('span', { class: 'ratings-factor', text: factor.name }),
          el('span', { class: 'ratings-questions', text: factor.questions }),
        ),
      ),
    );
    this._areaSections = this._areas.map((area) =>
      el(
        'section',
        { class: 'rubric-area', 'aria-labelledby': `rubric-${area.id}` },
        el('h4', { id: `rubric-${area.id}`, text: area.name }),
        el('ul', { class: 'rubric-questions' }, ...area.questions.map((q) => el('li', { text: q }))),
        el(
          'dl',
          { class: 'rubric-levels' },
          ...this._levels.flatMap((level) => [el('dt', { text: level.label }), el('dd', { text: area[level.value] })]),
        ),
      ),
    );
    // What each row and area shows whatever the offers: the factor, the area's text.
    this._fixed = new Map([this._head, ...this._rows, ...this._areaSections].map((part) => [part, [...part.children]]));
    this._flags = el('div', { class: 'offers-flags' });
    this._rubric = /** @type {HTMLDetailsElement} */ (el(
      'details',
      { class: 'rate-section rubric', dataset: { section: 'growth' } },
      el('summary', { text: 'Career growth rubric: scope, learning, promotion, exits' }),
      el('p', { class: 'field-help', text: 'Rate each offer high, medium or low on each part; the average is its Career Growth rating unless you give one above.' }),
      ...this._areaSections,
    ));
    root.replaceChildren(
      el(
        'div',
        { class: 'ratings-grid' },
        el(
          'table',
          {},
          el('caption', { text: 'Your ratings, from 1 (poor) to 5 (excellent)' }),
          el('thead', {}, this._head),
          el('tbody', {}, ...this._rows),
        ),
        el(
          'p',
          { class: 'field-help' },
          'Left empty, Compensation is suggested from the totals and Career Growth comes from the rubric below.',
        ),
      ),
      this._rubric,
      this._flags,
    );
  }

  /**
   * Take out every offer's column, choices and red flags, for a document with `offers`: the
   * rubric is open when one of them has a growth level.
   * @param {{growth?: object}[]} offers
   */
  reset(offers) {
    for (const [part, fixed] of this._fixed) part.replaceChildren(...fixed);
    this._flags.replaceChildren();
    this._rubric.open = offers.some((offer) => offer.growth && Object.keys(offer.growth).length > 0);
  }

  /**
   * Add offer `index` (0-based; offers are added in order): its column of the grid, its choices
   * in the rubric and its red flags, filled by the caller.
   * @param {{red_flags?: string[]}} offer
   * @param {number} index
   * @returns {HTMLElement[]} the elements added, in the order of the page
   */
  add(offer, index) {
    const head = el('th', { scope: 'col' }, offerName(index));
    this._head.append(head);
    const cells = this._spec.factors.map((factor, row) => this._rows[row].appendChild(ratingField(factor, index)));
    const groups = this._areas.map((area, at) => {
      const group = radioGroup(`offers[${index}].growth.${area.id}`, '', `growth.${area.id}`, index, this._levels);
      group.querySelector('legend')?.replaceChildren(`${area.name}: `, offerName(index));
      return this._areaSections[at].appendChild(group);
    });
    const flags = this._flags.appendChild(redFlags(this._spec, index, (offer.red_flags ?? []).length > 0));
    return [head, ...cells, ...groups, flags];
  }
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
