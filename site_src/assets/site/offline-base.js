// The offline page (offline.html) is what the service worker shows for any address the site never
// saved, at any depth. Material for MkDocs finds the site's root from the page's own address and
// a relative "base" in its configuration, which would point below the root there; this file sits
// at <root>/assets/site/, so the root is two folders up, as in theme-scope.js. It runs before the
// theme's bundle reads the configuration.
(function () {
  "use strict";
  var config = /** @type {HTMLElement} */ (document.getElementById("__config"));
  var data = JSON.parse(config.textContent || "{}");
  data.base = new URL("../../", /** @type {HTMLScriptElement} */ (document.currentScript).src).href;
  config.textContent = JSON.stringify(data);
})();
