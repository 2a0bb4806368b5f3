// Saving text as a file on the user's device, without any server: a Blob and a download link.

import { el } from './dom.js';

/** Offer `text` for download as `filename`. */
export function download(text, filename, type) {
  const link = /** @type {HTMLAnchorElement} */ (el('a', { href: URL.createObjectURL(new Blob([text], { type })), download: filename, hidden: true }));
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob after click() returns; give them time before freeing it.
  setTimeout(() => URL.revokeObjectURL(link.href), 30_000);
}
