// Trunk post-build step: copies the libraries that posts with math or diagrams load (and
// only those posts: see style/rich-content.js) from npm into the build, flat, so `folio
// build` embeds and deploys them like the rest of the app. No CDN.
//   node .ci/vendor.mjs DIR
// - KaTeX: katex.min.js, katex.min.css (its fonts referenced flat, WOFF2 only, which every
//   browser Folio supports reads) and the KaTeX_*.woff2 fonts.
// - Mermaid: mermaid.min.js, loaded only inside the sandboxed diagram frame.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const modules = path.join(repo, 'node_modules');

export function katexCss(css) {
  // src:url(fonts/X.woff2) format("woff2"),url(fonts/X.woff) format("woff"),url(fonts/X.ttf) format("truetype")
  return css.replace(/url\(fonts\/([\w-]+)\.woff2\) format\("woff2"\)(,url\(fonts\/[\w-]+\.(woff|ttf)\) format\("(woff|truetype)"\))*/g,
    (_, name) => `url(${name}.woff2) format("woff2")`);
}

export function vendor(dir) {
  const katex = path.join(modules, 'katex', 'dist');
  fs.copyFileSync(path.join(katex, 'katex.min.js'), path.join(dir, 'katex.min.js'));
  const css = katexCss(fs.readFileSync(path.join(katex, 'katex.min.css'), 'utf8'));
  if (/url\(fonts\//.test(css)) throw new Error('katex.min.css still names fonts/: its format changed');
  fs.writeFileSync(path.join(dir, 'katex.min.css'), css);
  for (const font of fs.readdirSync(path.join(katex, 'fonts')).filter((name) => name.endsWith('.woff2'))) {
    fs.copyFileSync(path.join(katex, 'fonts', font), path.join(dir, font));
  }
  fs.copyFileSync(path.join(modules, 'mermaid', 'dist', 'mermaid.min.js'), path.join(dir, 'mermaid.min.js'));
}

if (import.meta.url === `file://${process.argv[1]}`) vendor(process.argv[2]);
