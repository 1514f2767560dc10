// Inside the sandboxed diagram frame (diagram.html): draws the Mermaid source the page
// sends, in the page's theme (the fragment: #light or #dark), then tells the page how tall
// the drawing is (and again when it reflows). The page changes the fragment when the
// reader changes the theme: the diagram is drawn again in it.
(() => {
  'use strict';
  let source = null;
  let observed = false;
  // The drawing's own height, so the frame shrinks too when the page narrows.
  const report = () => parent.postMessage({ height: document.body.getBoundingClientRect().height }, '*');

  async function draw() {
    const dark = window.location.hash === '#dark';
    // The same scheme as the page's, so the frame stays transparent on it.
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
    window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default' });
    if (source === null) return;
    try {
      const { svg } = await window.mermaid.render('diagram', source);
      document.body.innerHTML = svg;
      document.body.dataset.theme = dark ? 'dark' : 'light';
      report();
      if (!observed) {
        observed = true;
        new ResizeObserver(report).observe(document.body);
      }
    } catch (error) {
      parent.postMessage({ error: String(error && error.message || error) }, '*');
    }
  }

  window.addEventListener('message', (event) => {
    if (event.source !== parent || !event.data || typeof event.data.source !== 'string') return;
    source = event.data.source;
    draw();
  });
  window.addEventListener('hashchange', draw);
  parent.postMessage('ready', '*');
})();
