// Asking before a step that cannot be taken back, and offering Undo after one that can: the
// page's one question dialog and its one toast. Both give the keyboard focus back where it was.

// How long Undo stays on screen; the time starts again whenever the pointer or focus leaves it.
const UNDO_MS = 15_000;

/**
 * Ask a question in the page's dialog ([data-dialog]); resolves true for "yes".
 * @param {HTMLElement} root  the calculator, holding the dialog
 * @param {{title: string, text: string, yes: string, no: string}} question
 */
export function ask(root, { title, text, yes, no }) {
  const dialog = /** @type {HTMLDialogElement} */ (root.querySelector('[data-dialog]'));
  const part = (name) => /** @type {HTMLElement} */ (dialog.querySelector(`[data-dialog-${name}]`));
  part('title').textContent = title;
  part('text').textContent = text;
  part('yes').textContent = yes;
  part('no').textContent = no;
  const before = /** @type {HTMLElement | null} */ (document.activeElement);
  // Closing with Escape leaves returnValue as it was: start from "no" every time.
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener(
      'close',
      () => {
        if (before?.isConnected) before.focus();
        resolve(dialog.returnValue === 'yes');
      },
      { once: true },
    );
  });
}

/** The toast ([data-toast]): a message, with an Undo button while undoing is possible. */
export class Toast {
  /** @param {HTMLElement} root  the calculator, holding the toast */
  constructor(root) {
    this._toast = /** @type {HTMLElement} */ (root.querySelector('[data-toast]'));
    this._text = /** @type {HTMLElement} */ (this._toast.querySelector('[data-toast-text]'));
    this._undo = /** @type {HTMLButtonElement} */ (this._toast.querySelector('[data-toast-undo]'));
    /** @type {number | undefined} */
    this._timer = undefined;
    this._onUndo = null;
    this._afterClose = null;
    this._undo.addEventListener('click', () => {
      const undo = this._onUndo;
      this.close(false);
      undo?.();
    });
    // Never taken away from someone reading it or about to press Undo.
    for (const event of ['pointerenter', 'focusin']) this._toast.addEventListener(event, () => this._stop());
    for (const event of ['pointerleave', 'focusout']) this._toast.addEventListener(event, () => this._start());
    this._toast.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.close(true);
    });
  }

  /**
   * Show `text` with an Undo button that calls `onUndo`, and put the focus on it.
   * @param {() => void} afterClose  where the focus goes if it is still on the toast when it closes
   */
  offerUndo(text, onUndo, afterClose) {
    this._text.textContent = text;
    this._onUndo = onUndo;
    this._afterClose = afterClose;
    this._undo.hidden = false;
    this._toast.dataset.open = 'undo';
    this._start();
    this._undo.focus(); // pauses the time until the focus moves on
  }

  /** Close the toast; `moveFocus` sends the focus on when it was inside. */
  close(moveFocus = true) {
    this._stop();
    const hadFocus = this._toast.contains(document.activeElement);
    this._text.textContent = '';
    this._undo.hidden = true;
    this._onUndo = null;
    delete this._toast.dataset.open;
    if (hadFocus && moveFocus) this._afterClose?.();
  }

  _start() {
    this._stop();
    if (this._onUndo) this._timer = setTimeout(() => this.close(true), UNDO_MS);
  }

  _stop() {
    clearTimeout(this._timer);
    this._timer = undefined;
  }
}
