'use strict';

// DOM helpers shared by the live page's scripts (charts.js, app.js), loaded before them.
window.Dom = (function () {
  /** A new element with an optional class and text (textContent: never parsed as HTML). */
  function node(tag, className, text) {
    const e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text != null) {
      e.textContent = text;
    }
    return e;
  }

  return { node: node };
})();
