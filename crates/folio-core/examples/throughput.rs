//! Native Markdown throughput of `folio_core::markdown::render_counted`, for profiling the
//! renderer without a browser: `cargo run --release -p folio-core --example throughput -- FILE.md...`
//! (or a `posts20.json` from the benchmark, `{"docs": [...]}`).

use std::time::Instant;

use folio_core::markdown::{render_counted, RenderOptions};
use folio_core::sanitize::RawHtml;

fn main() {
    let mut docs: Vec<String> = Vec::new();
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("cannot read {path}");
            std::process::exit(2);
        };
        if path.ends_with(".json") {
            let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
            let listed = value["docs"].as_array().cloned().unwrap_or_default();
            docs.extend(
                listed
                    .iter()
                    .filter_map(|doc| doc.as_str().map(str::to_string)),
            );
        } else {
            docs.push(text);
        }
    }
    let bytes: usize = docs.iter().map(String::len).sum();
    let options = RenderOptions::from_parts(
        "posts/a.md",
        "posts/a",
        Vec::new(),
        RawHtml::Allowlist,
        folio_core::i18n::Lang::En,
    );
    let mut best = f64::MAX;
    let mut sink = 0;
    for _ in 0..30 {
        let start = Instant::now();
        for doc in &docs {
            sink += render_counted(doc, &options).html.as_str().len();
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "{} docs, {:.3} MB: best {:.2} ms, {:.1} MB/s ({sink} bytes of HTML)",
        docs.len(),
        bytes as f64 / 1e6,
        best * 1e3,
        bytes as f64 / 1e6 / best
    );
}
