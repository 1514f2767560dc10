// Applies the reader's theme choice before the first paint, so a dark-theme reader never
// sees a light flash. An external file, because the Content-Security-Policy allows no
// inline script. The app's theme button writes the same key.
try {
  var theme = localStorage.getItem('folio-theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.setAttribute('data-theme', theme);
} catch (e) {
  // Storage can be disabled; the system setting applies then.
}
