// Material for MkDocs keeps the reader's preferences (such as the colour palette) in
// localStorage under keys scoped to the site's root, through these four globals. The theme
// defines them in an inline script; they live in this file so that the site can forbid inline
// scripts. The file sits at <root>/assets/site/, so the root is two folders up: the same scope
// at / and under any prefix.
(function () {
  "use strict";
  var scope = new URL("../../", /** @type {HTMLScriptElement} */ (document.currentScript).src);
  window.__md_scope = scope;
  window.__md_hash = function (text) {
    return Array.from(text).reduce(function (hash, char) {
      return (hash << 5) - hash + char.charCodeAt(0);
    }, 0);
  };
  window.__md_get = function (key, storage, base) {
    storage = storage || localStorage;
    base = base || scope;
    return JSON.parse(storage.getItem(base.pathname + "." + key) ?? "null");
  };
  window.__md_set = function (key, value, storage, base) {
    storage = storage || localStorage;
    base = base || scope;
    try {
      storage.setItem(base.pathname + "." + key, JSON.stringify(value));
    } catch (error) {
      // Storage may be full or disabled (private mode): the preference is simply not kept.
    }
  };
})();
