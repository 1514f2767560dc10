//! `folio`: Folio's authoring tool. This first version checks a site's manifest.
#[cfg(target_arch = "wasm32")]
compile_error!("folio-cli is a native tool; build the app with `-p folio-app` for wasm32.");

use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::SUCCESS
}
