// Math and diagrams in posts. The app loads this script only on posts that have them
// (the renderer writes `<span class="math …">` for $…$ and $$…$$, and `<pre class="mermaid">`
// for ```mermaid blocks); it then draws every one on the page, and any that a later
// navigation adds.
//
// - Math: KaTeX (katex.min.js and katex.min.css, copied from npm into the build) draws the
//   TeX in place. KaTeX builds DOM nodes and sets their styles through the CSSOM, which the
//   strict Content-Security-Policy (no inline styles) allows.
// - Diagrams: Mermaid writes inline styles, which the policy refuses, and runs a lot of
//   code. So each diagram is drawn by diagram.html in an iframe sandboxed to scripts only:
//   an opaque origin that cannot touch this page, its storage or its cookies, with a policy
//   of its own. The page sends it the source and sets its height from the answer; the
//   source stays visible until the drawing arrives, so a failure leaves it readable.
(() => {
  'use strict';
  // A prerendered page and the app may both add this script: one copy does the work.
  if (window.folioRichContent) return;
  window.folioRichContent = true;
  const base = document.baseURI;
  const once = new Map();

  function load(tag, attributes) {
    const key = attributes.src || attributes.href;
    if (!once.has(key)) {
      once.set(key, new Promise((resolve, reject) => {
        const element = document.createElement(tag);
        Object.entries(attributes).forEach(([name, value]) => element.setAttribute(name, value));
        element.addEventListener('load', resolve);
        element.addEventListener('error', () => {
          // The next post (or navigation) tries again.
          once.delete(key);
          element.remove();
          reject(new Error(`${key} could not be loaded`));
        });
        document.head.append(element);
      }));
    }
    return once.get(key);
  }

  async function drawMath(spans) {
    await Promise.all([
      load('link', { rel: 'stylesheet', href: new URL('katex.min.css', base).href }),
      load('script', { src: new URL('katex.min.js', base).href }),
    ]);
    for (const span of spans) {
      try {
        window.katex.render(span.textContent, span, {
          displayMode: span.classList.contains('math-display'),
          throwOnError: false,
          output: 'htmlAndMathml',
        });
        span.dataset.drawn = 'math';
      } catch (error) {
        span.dataset.drawn = 'failed';
        span.title = String(error && error.message || error);
      }
    }
  }

  function theme() {
    const chosen = document.documentElement.dataset.theme;
    if (chosen) return chosen;
    return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  function drawDiagrams(blocks) {
    for (const pre of blocks) {
      const frame = document.createElement('iframe');
      frame.className = 'diagram';
      frame.title = pre.getAttribute('aria-label') || 'Diagram';
      frame.setAttribute('sandbox', 'allow-scripts');
      frame.src = new URL(`diagram.html#${theme()}`, base).href;
      frame.style.height = '0';
      pre.after(frame);
    }
  }

  // Answers from the diagram frames: "ready" (send the source), {height}, {error}.
  window.addEventListener('message', (event) => {
    const frame = [...document.querySelectorAll('iframe.diagram')]
      .find((candidate) => candidate.contentWindow === event.source);
    if (!frame) return;
    const pre = frame.previousElementSibling;
    const data = event.data;
    if (data === 'ready' && pre) {
      frame.contentWindow.postMessage({ source: pre.textContent }, '*');
    } else if (data && typeof data.height === 'number') {
      frame.style.height = `${Math.ceil(data.height)}px`;
      frame.classList.add('drawn');
      if (pre) pre.hidden = true;
    } else if (data && typeof data.error === 'string') {
      frame.remove();
      if (pre) pre.dataset.drawn = 'failed';
    }
  });

  function draw(root) {
    const spans = [...root.querySelectorAll('.math:not([data-drawn])')];
    spans.forEach((span) => { span.dataset.drawn = ''; });
    if (spans.length) {
      drawMath(spans).catch((error) => {
        console.warn(error.message);
        spans.forEach((span) => { delete span.dataset.drawn; });
      });
    }
    const blocks = [...root.querySelectorAll('pre.mermaid:not([data-drawn])')];
    blocks.forEach((pre) => { pre.dataset.drawn = ''; });
    if (blocks.length) drawDiagrams(blocks);
  }

  // A new theme (the theme button, or the system's setting): the diagram frames draw again
  // in it (a new fragment, so the frames do not reload).
  let shownTheme = theme();
  function followTheme() {
    const now = theme();
    if (now === shownTheme) return;
    shownTheme = now;
    for (const frame of document.querySelectorAll('iframe.diagram')) {
      frame.src = new URL(`diagram.html#${now}`, base).href;
    }
  }
  new MutationObserver(followTheme).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', followTheme);

  draw(document);
  // Posts the reader opens later.
  new MutationObserver(() => draw(document)).observe(document.body, { childList: true, subtree: true });
})();
