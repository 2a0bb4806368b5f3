// The engine's results on the page. The engine sends a VIEW: tables, charts, messages and the
// decision, every number already formatted as text and every bar's width as a percentage. This
// module only turns that into elements; it never computes or reformats a number.

import { el, uniqueId } from './dom.js';

function renderTable(table) {
  const captionId = uniqueId('table');
  // The engine says per column whether it holds figures (right) or words (left).
  const align = (index) => (table.align?.[index] ? `align-${table.align[index]}` : null);
  const head = el('tr', {}, ...table.columns.map((column, index) => el('th', { scope: 'col', class: align(index), text: column })));
  const rows = table.rows.map((row) => {
    const [first, ...rest] = row.cells;
    const classes = (row.tags ?? []).map((tag) => `row-${tag}`).join(' ');
    return el(
      'tr',
      { class: classes || null, dataset: { tags: (row.tags ?? []).join(' ') } },
      el('th', { scope: 'row', class: align(0), text: first }),
      ...rest.map((cell, index) => el('td', { class: align(index + 1), text: cell })),
    );
  });
  // A wide table scrolls sideways inside its own box on a narrow phone, reachable by keyboard.
  return el(
    'section',
    { class: 'result-table', dataset: { table: table.id } },
    el(
      'div',
      { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': captionId },
      el(
        'table',
        { id: `result-${table.id}`, class: 'result-table__table' },
        el('caption', { id: captionId, text: table.caption }),
        el('thead', {}, head),
        el('tbody', {}, ...rows),
      ),
    ),
    table.note ? el('p', { class: 'result-note', text: table.note }) : null,
  );
}

function renderChart(chart) {
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

/**
 * Replace the contents of `container` with the view: where the decision stands, the notes, then
 * the charts (their totals fit a phone's width) before the tables with every figure.
 */
export function renderView(container, view) {
  const decision = view.decision
    ? el('p', { class: `result-decision decision-${view.decision.status}`, text: view.decision.text })
    : null;
  const messages = (view.messages ?? []).map((message) =>
    el('p', { class: `result-message message-${message.kind}`, text: message.text }),
  );
  container.replaceChildren(
    ...[decision, ...messages].filter(Boolean),
    ...(view.charts ?? []).map(renderChart),
    ...(view.tables ?? []).map(renderTable),
  );
}
