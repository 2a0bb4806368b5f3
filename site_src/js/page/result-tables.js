// The engine's detail tables and bar charts as elements. Every cell is text the engine wrote and
// every bar's width a percentage it gave; nothing here computes or reformats a number.
//
// A table also says how it reads best on a phone (`phone`): as it is ("table"), as the
// `transposed` table it carries (offers as columns), or as "cards" (a row each). The page keeps
// both forms and the width of the results decides which one shows (css/calculator.css), so no
// table is ever cut off on a phone.

import { el, uniqueId } from './dom.js';

/** @typedef {import('./contract').Table} Table */
/** @typedef {import('./contract').Transposed} Transposed */
/** @typedef {import('./contract').Chart} Chart */

/**
 * @param {(Table | Transposed) & {caption: string, column_tags?: string[][]}} table
 * @param {string} id
 */
function tableElement(table, id) {
  // The engine says per column whether it holds figures (right) or words (left), and in a
  // turned table, what each column's offer is (column_tags: "leader", "eliminated").
  const columnTags = (index) => (table.column_tags?.[index] ?? []).map((tag) => `col-${tag}`);
  const align = (index) => [table.align?.[index] ? `align-${table.align[index]}` : '', ...columnTags(index)].join(' ').trim() || null;
  const head = el('tr', {}, ...table.columns.map((column, index) => el('th', { scope: 'col', class: align(index), text: column })));
  const rows = table.rows.map((row) => {
    const [first, ...rest] = row.cells;
    const classes = (row.tags ?? []).map((tag) => `row-${tag}`).join(' ');
    return el(
      'tr',
      { class: classes || null, dataset: { tags: (row.tags ?? []).join(' ') } },
      el('th', { scope: 'row', class: align(0), text: first }),
      // data-label: the column's name, which a row shown as a card writes before each value.
      ...rest.map((cell, index) => el('td', { class: align(index + 1), dataset: { label: table.columns[index + 1] }, text: cell })),
    );
  });
  return el(
    'table',
    { id, class: 'result-table__table' },
    el('caption', { text: table.caption }),
    el('thead', {}, head),
    el('tbody', {}, ...rows),
  );
}

/**
 * One table of the view, in the forms it reads best in at each width.
 * @param {Table} table
 */
export function renderTable(table) {
  const phone = table.phone ?? 'table';
  const forms = [el('div', { class: 'result-table__form result-table__wide' }, tableElement(table, `result-${table.id}`))];
  if (phone === 'transposed' && table.transposed) {
    const turned = { ...table.transposed, caption: table.caption };
    forms.push(el('div', { class: 'result-table__form result-table__narrow' }, tableElement(turned, `result-${table.id}-transposed`)));
  }
  return el(
    'section',
    { class: 'result-table', dataset: { table: table.id, phone } },
    ...forms,
    table.note ? el('p', { class: 'result-note', text: table.note }) : null,
  );
}

/**
 * A bar chart: a bar of parts per offer (or year), each part as wide as the engine says.
 * @param {Chart} chart
 */
export function renderChart(chart) {
  const titleId = uniqueId('chart');
  const legend = el(
    'ul',
    { class: 'chart-legend' },
    ...chart.legend.map((item) => el('li', { class: `part-${item.part}` }, el('span', { class: 'swatch', 'aria-hidden': 'true' }), item.label)),
  );
  const labels = new Map(chart.legend.map((item) => [item.part, item.label]));
  const bars = chart.bars.map((bar) => {
    const segments = bar.segments.map((segment) => {
      const piece = el('span', { class: `segment part-${segment.part}`, title: segment.text });
      // The width comes from the engine as a percentage; CSSOM keeps strict CSP happy.
      piece.style.width = `${segment.percent}%`;
      return piece;
    });
    const parts = bar.segments.map((segment) => el('li', { text: `${labels.get(segment.part) ?? segment.part}: ${segment.text}` }));
    return el(
      'li',
      { class: 'chart-bar' },
      el('span', { class: 'bar-label' }, el('span', { text: bar.label }), el('span', { class: 'bar-total', text: bar.total_text })),
      el('span', { class: 'bar-track', 'aria-hidden': 'true' }, ...segments),
      el('ul', { class: 'visually-hidden' }, ...parts),
    );
  });
  return el(
    'figure',
    { class: 'result-chart', dataset: { chart: chart.id }, 'aria-labelledby': titleId },
    el('figcaption', { id: titleId, text: chart.title }),
    legend,
    el('ul', { class: 'chart-bars' }, ...bars),
  );
}
