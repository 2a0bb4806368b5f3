// The engine's results on the page, answer first: the verdict, the offers set aside with what
// they lack, a summary card per offer, where the decision stands, then the details (charts and
// tables). The engine sends a VIEW with every figure and sentence already written; this module
// only turns it into elements, and never computes or reformats a number.

import { el, yieldToPage } from './dom.js';
import { renderChart, renderTable } from './result-tables.js';

/** @typedef {import('./contract').View} View */
/** @typedef {import('./contract').IncompleteView} IncompleteView */
/** @typedef {import('./contract').SummaryCard} SummaryCard */

// The two figures of each summary card the answer bar shows (the engine's labels).
const BAR_FIGURES = ['Annualized total', 'Score'];

/**
 * The verdict's sentences, each a paragraph.
 * @param {HTMLElement} container
 * @param {View} view
 */
export function renderVerdict(container, view) {
  container.replaceChildren(...(view.verdict?.sentences ?? []).map((sentence) => el('p', { text: sentence })));
}

/**
 * Offers set aside until complete: the engine's sentence, and a way to the offer.
 * @param {IncompleteView[]} items
 */
function renderIncomplete(items) {
  if (!items?.length) return null;
  return el(
    'section',
    { class: 'result-incomplete', 'aria-labelledby': 'result-incomplete-title', dataset: { incomplete: '' } },
    el('h3', { id: 'result-incomplete-title', text: 'Not compared yet' }),
    el(
      'ul',
      {},
      ...items.map((item) =>
        el(
          'li',
          {},
          el('span', { text: item.text }),
          ' ',
          el('button', { type: 'button', class: 'link-button', dataset: { action: 'go-to', path: item.path }, text: `Complete ${item.label}` }),
        ),
      ),
    ),
  );
}

/**
 * Figures as a list of terms and values.
 * @param {string} className
 * @param {import('./contract').Figure[]} figures
 */
function figureList(className, figures) {
  return el(
    'dl',
    { class: className },
    ...figures.flatMap((figure) => [
      el('dt', { text: figure.label }),
      el('dd', { class: figure.label === 'Red flags' ? 'figure-words' : null, text: figure.text }),
    ]),
  );
}

/**
 * The pay before and after tax side by side, then the taxes one by one behind a disclosure.
 * @param {import('./contract').AfterTaxView} after
 * @param {boolean} open  whether the taxes were open before these results came
 */
function renderAfterTax(after, open) {
  const [corner, ...heads] = after.columns;
  const table = el(
    'table',
    { class: 'after-tax__table' },
    el('caption', {}, el('span', { class: 'after-tax__title', text: after.title }), ' ', el('span', { class: 'after-tax__place', text: after.place })),
    el('thead', {}, el('tr', {}, el('td', { text: corner }), ...heads.map((head) => el('th', { scope: 'col', text: head })))),
    el(
      'tbody',
      {},
      ...after.rows.map(([label, ...cells]) => el('tr', {}, el('th', { scope: 'row', text: label }), ...cells.map((cell) => el('td', { text: cell })))),
    ),
  );
  return el(
    'div',
    { class: 'after-tax', dataset: { afterTax: '' } },
    table,
    figureList('summary-card__figures after-tax__figures', after.figures),
    el(
      'details',
      { class: 'after-tax__breakdown', open },
      el('summary', { text: after.breakdown_title }),
      figureList('summary-card__figures', after.breakdown),
      el('p', { class: 'after-tax__note', text: after.note }),
    ),
  );
}

/**
 * One summary card: the offer, its marks in words, its standing, its figures; and, when its tax
 * is known, its pay before and after tax (in place of the figures that show the same).
 * @param {SummaryCard} card
 * @param {Set<string>} openTaxes  the paths of the offers whose taxes were open
 */
function renderCard(card, openTaxes) {
  const shownElsewhere = new Set(card.after_tax?.replaces ?? []);
  return el(
    'li',
    { class: `summary-card state-${card.state}`, dataset: { path: card.path } },
    el('h3', { class: 'summary-card__company', text: card.company }),
    card.marks.length ? el('p', { class: 'summary-card__marks' }, ...card.marks.map((mark) => el('span', { class: 'mark', text: mark }))) : null,
    el('p', { class: 'summary-card__status', text: card.status }),
    card.after_tax ? renderAfterTax(card.after_tax, openTaxes.has(card.path)) : null,
    figureList(
      'summary-card__figures',
      card.figures.filter((figure) => !shownElsewhere.has(figure.label)),
    ),
  );
}

// Summary cards shown at once; with more offers, the others follow four at a time, each four a
// task of their own (see DetailsView).
const CARDS_AT_ONCE = 6;
const CARDS_EACH_TIME = 4;

/**
 * Show the view's summary: the offers set aside, the summary cards, the decision and the notes.
 * The first cards are shown at once; the steps returned show the others, each a task's worth.
 * Throws on a view laid out otherwise (one saved by an older build).
 * @param {HTMLElement} body
 * @param {View} view
 * @returns {(() => void)[]}
 */
export function renderView(body, view) {
  if (!Array.isArray(view.tables) || !Array.isArray(view.summary)) throw new TypeError('a view laid out otherwise');
  const decision = view.decision?.text
    ? el(
        'section',
        { class: 'result-decision-section', 'aria-labelledby': 'result-decision-title' },
        el('h3', { id: 'result-decision-title', text: 'Your decision' }),
        el('p', { class: `result-decision decision-${view.decision.status}`, text: view.decision.text }),
      )
    : null;
  // Taxes a person opened stay open when the results are updated.
  const openTaxes = new Set(
    [...body.querySelectorAll('.summary-card:has(> .after-tax > details[open])')].flatMap((card) => /** @type {HTMLElement} */ (card).dataset.path ?? []),
  );
  const messages = (view.messages ?? []).map((message) => el('p', { class: `result-message message-${message.kind}`, text: message.text }));
  const cards = el('ul', { class: 'summary-cards', 'aria-label': 'Each offer at a glance', dataset: { summary: '' } });
  const add = (from, to) => () => cards.append(...view.summary.slice(from, to).map((card) => renderCard(card, openTaxes)));
  add(0, CARDS_AT_ONCE)();
  body.replaceChildren(...[renderIncomplete(view.incomplete), cards, decision, ...messages].filter((part) => part !== null));
  const rest = [];
  for (let from = CARDS_AT_ONCE; from < view.summary.length; from += CARDS_EACH_TIME) rest.push(add(from, from + CARDS_EACH_TIME));
  return rest;
}

/**
 * Every figure: the charts, whose totals fit a phone's width, then the tables. With fifty offers
 * they are thousands of elements, so they are shown a chart or a table at a time, each its own
 * task, and one the engine sent unchanged keeps the elements it has (typing in one offer changes
 * a few rows, not every table). Results that come meanwhile take over from the ones being shown.
 */
export class DetailsView {
  /** @param {HTMLElement} container */
  constructor(container) {
    this._container = container;
    this._title = el('h3', { class: 'result-details-title', text: 'Every figure' });
    /** @type {Map<string, Element>} the sections shown, by the engine's text of each */
    this._shown = new Map();
    /**
     * Work still to do, in order: a step of the summary (no place), or a section to build in
     * the place of what shows there now.
     * @type {{key: string, build: () => (Element | void), place: Element | null}[]}
     */
    this._todo = [];
    this._run = 0;
  }

  /** Show nothing, and drop the sections still to build. */
  clear() {
    this._run += 1;
    this._todo = [];
    this._shown = new Map();
    this._container.replaceChildren();
  }

  /**
   * Show the charts and tables of `view`, after the `first` steps (the summary cards still to
   * show). Resolves when all are shown, or to false when newer results (or none) took over
   * before, or `stale` says these are no longer wanted.
   * @param {View} view
   * @param {() => boolean} [stale]
   * @param {(() => void)[]} [first]
   * @returns {Promise<boolean>}
   */
  async show(view, stale = () => false, first = []) {
    const run = ++this._run;
    const wanted = [
      ...(view.charts ?? []).map((chart) => ({ key: `chart ${JSON.stringify(chart)}`, build: () => renderChart(chart) })),
      ...view.tables.map((table) => ({ key: `table ${JSON.stringify(table)}`, build: () => renderTable(table) })),
    ];
    const before = this._shown;
    this._shown = new Map();
    const kept = new Set(wanted.map(({ key }) => before.get(key)).filter(Boolean));
    const container = this._container;
    if (container.firstElementChild !== this._title) container.prepend(this._title);
    this._todo = first.map((step) => ({ key: '', build: step, place: null }));
    // In the page's order: what is unchanged stays where it is; the others take the place of
    // the section shown there before (or of an empty one), until they are built.
    let here = this._title.nextElementSibling;
    for (const { key, build } of wanted) {
      const element = before.get(key);
      if (element) {
        if (here !== element) container.insertBefore(element, here);
        else here = here.nextElementSibling;
        this._shown.set(key, element);
        continue;
      }
      let place = here && !kept.has(here) ? here : null;
      if (place) here = place.nextElementSibling;
      else place = container.insertBefore(el('div', { class: 'result-placeholder' }), here);
      this._todo.push({ key, build, place });
    }
    while (here) {
      const next = here.nextElementSibling;
      here.remove();
      here = next;
    }
    while (this._todo.length) {
      await yieldToPage();
      if (run !== this._run || stale()) return false;
      this._buildNext();
    }
    return true;
  }

  /** Build every section still to build, at once (the page is about to be printed). */
  finish() {
    while (this._todo.length) this._buildNext();
  }

  _buildNext() {
    const next = this._todo.shift();
    if (!next) return;
    const element = next.build();
    if (!next.place || !element) return;
    next.place.replaceWith(element);
    this._shown.set(next.key, element);
  }
}

/**
 * The answer bar's list: each offer's name, annualized total and score; offers set aside.
 * @param {HTMLElement} list
 * @param {View | null} view
 */
export function renderAnswerBar(list, view) {
  if (!view) {
    list.replaceChildren(el('li', { class: 'answer-bar__empty', text: 'No results yet: complete an offer.' }));
    return;
  }
  const cards = view.summary.map((card) =>
    el(
      'li',
      { class: `answer-bar__offer state-${card.state}` },
      el('span', { class: 'answer-bar__name', text: card.company }),
      ...card.figures
        .filter((figure) => BAR_FIGURES.includes(figure.label))
        .map((figure) => el('span', { class: 'answer-bar__figure' }, el('span', { class: 'visually-hidden', text: `${figure.label}: ` }), figure.text)),
    ),
  );
  const waiting = (view.incomplete ?? []).map((item) =>
    el(
      'li',
      { class: 'answer-bar__offer state-incomplete' },
      el('span', { class: 'answer-bar__name', text: item.company || item.label }),
      el('span', { class: 'answer-bar__figure', text: 'not compared yet' }),
    ),
  );
  list.replaceChildren(...cards, ...waiting);
}
