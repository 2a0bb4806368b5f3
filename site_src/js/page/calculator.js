// Entry point of the calculator page: start it on the page's [data-calculator] element.
import { Calculator } from './calculator-app.js';

const root = /** @type {HTMLElement | null} */ (document.querySelector('[data-calculator]'));
if (root) {
  new Calculator(root).start().catch((error) => {
    root.dataset.form = 'failed';
    /** @type {HTMLElement} */ (root.querySelector('[data-status]')).textContent = `The calculator could not start: ${error.message}`;
  });
}
