// The calculator's data tools: the framework's example, files (export, import), share links and
// clearing everything. Nothing the person typed is lost by a tap: whatever would replace it
// asks first, and clearing everything, which asks too, can still be undone afterwards.

import { ask } from './dialogs.js';
import { download } from './download.js';
import { isBlankOffer } from './form-values.js';
import { clearSaved } from './saved-state.js';

const SHARE_PREFIX = '#offers=';

function describe(problems) {
  return problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ');
}

/** The document without the offers that hold nothing: a file or a link carries what was typed. */
function withoutBlankOffers(doc) {
  return { ...doc, offers: (doc.offers ?? []).filter((offer) => !isBlankOffer(offer)) };
}

export class DataTools {
  /** @param {import('./calculator-app.js').Calculator} app */
  constructor(app) {
    this._app = app;
  }

  /**
   * Replace what the form shows with `doc`. If the person typed anything, ask first (`question`
   * says what is about to happen); an empty calculator needs no question.
   */
  async replaceWith(doc, done, question) {
    const app = this._app;
    if (!app.form.isBlank() && !(await ask(app.root, question))) {
      app.tell('Nothing was changed: your offers are as they were.');
      return false;
    }
    app.report(done, app.replaceDocument(doc));
    return true;
  }

  loadExample() {
    return this.replaceWith(structuredClone(this._app.example), 'Loaded the framework\'s example offers.', {
      title: 'Replace your offers with the example?',
      text: 'The framework\'s example takes the place of the offers and settings you entered. Export yours first if you want to keep them.',
      yes: 'Load the example',
      no: 'Keep my offers',
    });
  }

  async exportAs(format) {
    const app = this._app;
    const answer = await this._ask('dump', { document: withoutBlankOffers(app.form.collect()), format });
    if (!answer) return;
    if (!answer.ok) {
      app.tell(`Not exported: ${describe(answer.problems)}`);
      return;
    }
    download(answer.text, `offers.${format}`, format === 'json' ? 'application/json' : 'application/yaml');
    app.tell(`Exported offers.${format}: \`offereval compare\` reads it as it is.`);
  }

  async importFile(input) {
    const app = this._app;
    const file = input.files[0];
    if (!file) return;
    // No more than the engine reads: it refuses a larger file, naming its limit, and a huge one
    // is never copied into memory whole.
    const text = await file.slice(0, this._app.limits.file_bytes + 1).text();
    input.value = ''; // choosing the same file again imports it again
    const generation = app.generation;
    const answer = await this._ask('load', { text, filename: file.name });
    // Offers replaced or deleted while the engine read the file win over it.
    if (!answer || generation !== app.generation) return;
    if (!answer.ok) {
      app.tell(`Not imported, nothing was changed: ${file.name}: ${describe(answer.problems)}`);
      return;
    }
    await this.replaceWith(answer.document, `Imported ${file.name}.`, {
      title: `Replace your offers with ${file.name}?`,
      text: 'The file\'s offers and settings take the place of those you entered. Export yours first if you want to keep them.',
      yes: 'Import the file',
      no: 'Keep my offers',
    });
  }

  async share() {
    const app = this._app;
    const answer = await this._ask('toFragment', { document: withoutBlankOffers(app.form.collect()) });
    if (!answer) return;
    if (!answer.ok) {
      app.tell(`No link made: ${describe(answer.problems)}`);
      return;
    }
    const url = new URL(location.href);
    url.hash = `${SHARE_PREFIX.slice(1)}${answer.fragment}`;
    const field = /** @type {HTMLInputElement} */ (app.part('share-link'));
    field.value = url.href;
    app.part('share').hidden = false;
    field.select();
    app.tell('The link carries your offers in its fragment (after #), which browsers never send to a server.');
  }

  async copyLink() {
    const app = this._app;
    const field = /** @type {HTMLInputElement} */ (app.part('share-link'));
    try {
      await navigator.clipboard.writeText(field.value);
      app.tell('Link copied.');
    } catch {
      field.select();
      app.tell('Select the link and copy it.');
    }
  }

  /**
   * A page opened from a share link shows the offers in the link (and saves them). Offers in
   * the form (saved, or typed while the engine read the link) are only replaced when the
   * person agrees; offers replaced or deleted meanwhile win over the link.
   */
  async openSharedLink() {
    const app = this._app;
    if (!location.hash.startsWith(SHARE_PREFIX)) return;
    const fragment = location.hash.slice(SHARE_PREFIX.length);
    history.replaceState(null, '', location.pathname + location.search);
    const generation = app.generation;
    const answer = await this._ask('fromFragment', { fragment });
    if (!answer || generation !== app.generation) return;
    if (!answer.ok) {
      app.tell(`The link's offers could not be read: ${describe(answer.problems)}`);
      return;
    }
    const question = {
      title: 'Open the offers from this link?',
      text: 'They replace the offers in the form. Export yours first if you want to keep them.',
      yes: 'Open the link\'s offers',
      no: 'Keep my offers',
    };
    if (!(await this.replaceWith(answer.document, 'Loaded the offers from the link.', question))) {
      app.tell('Kept the offers saved in this browser; the link\'s offers were not opened.');
    }
  }

  async clearAll() {
    const app = this._app;
    const agreed = await ask(app.root, {
      title: 'Delete all your data?',
      text: 'This deletes the offers and results saved in this browser. You can undo it for a few seconds, or export them first.',
      yes: 'Delete everything',
      no: 'Keep my data',
    });
    if (!agreed) return;
    const before = app.form.collect();
    // Work in flight for the offers deleted (an evaluation, a link or a file being read) is dropped.
    clearSaved();
    app.showCleared();
    app.part('share').hidden = true;
    app.tell('All your data was deleted from this browser.');
    app.offerUndo('All your data was deleted.', before);
  }

  /** Ask the engine; on failure, say so and return null. */
  async _ask(action, payload) {
    const app = this._app;
    try {
      if (!app.engine.isReady) app.tell('Waiting for the calculator to start…');
      return await app.engine.request(action, payload);
    } catch (error) {
      app.tell(`The engine failed: ${error.message}`);
      return null;
    }
  }
}
