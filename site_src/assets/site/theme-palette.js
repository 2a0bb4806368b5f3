// Applies the colour palette the reader chose last time (saved by Material for MkDocs), before
// the page is painted. The theme's own inline script, moved to a file for a strict
// Content-Security-Policy; it runs right after the palette toggle is in the document.
(function () {
  "use strict";
  var palette = __md_get("__palette");
  if (!palette || !palette.color) {
    return;
  }
  if (palette.color.media === "(prefers-color-scheme)") {
    var light = matchMedia("(prefers-color-scheme: light)").matches;
    var input = document.querySelector(
      light
        ? "[data-md-color-media='(prefers-color-scheme: light)']"
        : "[data-md-color-media='(prefers-color-scheme: dark)']"
    );
    if (!input) {
      return;
    }
    palette.color.media = input.getAttribute("data-md-color-media");
    palette.color.scheme = input.getAttribute("data-md-color-scheme");
    palette.color.primary = input.getAttribute("data-md-color-primary");
    palette.color.accent = input.getAttribute("data-md-color-accent");
  }
  Object.entries(palette.color).forEach(function (entry) {
    document.body.setAttribute("data-md-color-" + entry[0], entry[1]);
  });
})();
