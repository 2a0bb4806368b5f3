// Building elements without HTML strings: attributes through setAttribute, text through text
// nodes, so a company called "<script>" is shown as those characters and never parsed.

/**
 * Create an element.
 * @param {string} tag
 * @param {Object<string, *>} attributes  `text` sets textContent, `dataset` sets data-*;
 *   `true` gives an empty attribute, `false`, `null` and `undefined` leave it out.
 * @param {...(Node|string|null)} children  strings become text nodes
 */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'text') node.textContent = value;
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

/**
 * The element `selector` finds in `root`, one the page's template always has: a page built
 * otherwise fails here, saying what it lacks, rather than later on a null.
 * @param {ParentNode} root
 * @param {string} selector
 * @returns {HTMLElement}
 */
export function required(root, selector) {
  const found = root.querySelector(selector);
  if (!(found instanceof HTMLElement)) throw new Error(`the page has no ${selector}`);
  return found;
}

let lastId = 0;

/** A document-unique id for tying labels, help and messages to their control. */
export function uniqueId(prefix) {
  lastId += 1;
  return `${prefix}-${lastId}`;
}

/**
 * Let the page answer a tap or a key before the next piece of work.
 * @returns {Promise<void>}
 */
export function yieldToPage() {
  const scheduler = /** @type {{scheduler?: {yield?: () => Promise<void>}}} */ (globalThis).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
