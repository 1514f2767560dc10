//! Embeds the reader app (Trunk's release output in the repository's `dist/`) into the
//! `folio` binary, so `folio init` and `folio build` can write a deployable site anywhere.
//! Without a `dist/` the list is empty and those commands say how to build it.

#[path = "src/app_file.rs"]
mod app_file;

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dist");
    println!("cargo:rerun-if-changed={}", dist.display());
    let mut names: Vec<String> = std::fs::read_dir(&dist)
        .map(|entries| {
            entries
                .flatten()
                .filter(|entry| entry.path().is_file())
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .filter(|name| app_file::is_app_file(name))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut code = String::from(
        "/// The reader app's files: (name, bytes).\npub static APP_FILES: &[(&str, &[u8])] = &[\n",
    );
    for name in &names {
        let path = dist.join(name).canonicalize().expect("listed file exists");
        writeln!(
            code,
            "    ({name:?}, include_bytes!({:?})),",
            path.display().to_string()
        )
        .expect("write to String");
    }
    code.push_str("];\n");
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("app_files.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
