// The stored theme choice (the theme button's key), applied before the first paint.
try {
  var theme = localStorage.getItem('folio-theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.setAttribute('data-theme', theme);
} catch (e) {}
