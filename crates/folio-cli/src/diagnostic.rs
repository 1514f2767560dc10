//! Problems as `path:line:col: error|warning: message`, colored on a terminal.

use std::fmt;
use std::io::IsTerminal;

use folio_core::Severity;

/// One problem at a place in a file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// Site-relative file.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
}

impl Diagnostic {
    /// A problem of `severity` at the start of `line` of `file`.
    pub fn at_line(file: &str, line: usize, severity: Severity, message: String) -> Diagnostic {
        Diagnostic {
            file: file.into(),
            line,
            column: 1,
            severity,
            message,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {label}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

fn use_color() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal()
}

/// Prints diagnostics to stderr, errors in red and warnings in yellow on a terminal.
pub fn print_all(diagnostics: &[Diagnostic]) {
    let color = use_color();
    for diagnostic in diagnostics {
        let text = diagnostic.to_string();
        match (color, diagnostic.severity) {
            (true, Severity::Error) => eprintln!("\x1b[31m{text}\x1b[0m"),
            (true, Severity::Warning) => eprintln!("\x1b[33m{text}\x1b[0m"),
            (false, _) => eprintln!("{text}"),
        }
    }
}

/// Prints a command's failure and its causes, one per line (as zola's `unravel_errors`).
pub fn print_error(error: &anyhow::Error) {
    let (start, end) = if use_color() {
        ("\x1b[31m", "\x1b[0m")
    } else {
        ("", "")
    };
    eprintln!("{start}error: {error}{end}");
    for cause in error.chain().skip(1) {
        eprintln!("  because: {cause}");
    }
}
