// Inside the sandboxed diagram frame (diagram.html): draws the Mermaid source the page
// sends, then tells the page how tall the drawing is (and again when it reflows).
(() => {
  'use strict';
  const dark = window.location.hash === '#dark';
  // The same scheme as the page's, so the frame stays transparent on it.
  document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default' });
  // The drawing's own height, so the frame shrinks too when the page narrows.
  const report = () => parent.postMessage({ height: document.body.getBoundingClientRect().height }, '*');
  window.addEventListener('message', async (event) => {
    if (event.source !== parent || !event.data || typeof event.data.source !== 'string') return;
    try {
      const { svg } = await window.mermaid.render('diagram', event.data.source);
      document.body.innerHTML = svg;
      report();
      new ResizeObserver(report).observe(document.body);
    } catch (error) {
      parent.postMessage({ error: String(error && error.message || error) }, '*');
    }
  });
  parent.postMessage('ready', '*');
})();
