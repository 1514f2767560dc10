//! `folio`: Folio's authoring tool. One file per subcommand under `cmd/`.
#[cfg(target_arch = "wasm32")]
compile_error!("folio-cli is a native tool; build the app with `-p folio-app` for wasm32.");

mod app_file;
mod cmd;
mod diagnostic;
mod feeds;
mod front_matter;
mod json_position;
mod parallel;
mod prerender;
mod progress;
mod site;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Writes, checks and builds a Folio blog: Markdown posts plus a `posts.json` manifest.
#[derive(Debug, Parser)]
#[command(name = "folio", version, about)]
struct Cli {
    /// No progress bars or summaries; only problems are printed.
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create a new site in DIR (which must be empty or absent).
    Init {
        /// Where to create the site.
        dir: PathBuf,
        /// The blog's title.
        #[arg(long, default_value = "My Folio blog")]
        title: String,
        /// The absolute URL the site will be served at (site.base_url), such as
        /// https://example.org/blog/: feeds, the sitemap and canonical links need it.
        #[arg(long)]
        base_url: Option<String>,
    },
    /// Create a new post with front matter and today's date.
    New {
        /// The post's title; the slug and file name come from it.
        title: String,
        /// Comma-separated tags.
        #[arg(long, value_delimiter = ',')]
        tags: Vec<String>,
        /// The category.
        #[arg(long)]
        category: Option<String>,
        /// Mark the post as a draft.
        #[arg(long)]
        draft: bool,
        /// The site folder.
        #[arg(long, default_value = ".")]
        site: PathBuf,
        /// The date to write (YYYY-MM-DD); today by default.
        #[arg(long)]
        date: Option<String>,
    },
    /// Rebuild posts.json from the posts' front matter, keeping the site block.
    Index {
        /// The site folder.
        #[arg(default_value = ".")]
        site: PathBuf,
        /// The folder of posts, relative to the site.
        #[arg(long, default_value = "posts")]
        content: String,
    },
    /// Write a deployable folder: the app, manifest, posts, feeds, sitemap.
    Build {
        /// The site folder.
        #[arg(default_value = ".")]
        site: PathBuf,
        /// Output folder (default: SITE/dist); replaced if an earlier build wrote it.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Absolute URL the site is served at (default: site.base_url), such as https://example.org/blog/.
        #[arg(long)]
        base_url: Option<String>,
        /// The folder of posts, relative to the site.
        #[arg(long, default_value = "posts")]
        content: String,
        /// Take the reader app from this Trunk output folder instead of the built-in one.
        #[arg(long)]
        app: Option<PathBuf>,
        /// Split the manifest into chunks of this many posts; 0 never splits (default: sites
        /// of more than 5,000 posts, in chunks of 10,000).
        #[arg(long)]
        chunk_posts: Option<usize>,
    },
    /// Preview the site on http://127.0.0.1:PORT/, rebuilding and reloading on changes.
    Serve {
        /// The site folder.
        #[arg(default_value = ".")]
        site: PathBuf,
        /// The port; 0 picks a free one.
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// The folder of posts, relative to the site.
        #[arg(long, default_value = "posts")]
        content: String,
    },
    /// Report every problem in the site; exit 1 if any is an error.
    Check {
        /// The site folder.
        #[arg(default_value = ".")]
        site: PathBuf,
        /// The folder of posts, relative to the site.
        #[arg(long, default_value = "posts")]
        content: String,
    },
}

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        eprintln!("{}", internal_error_line(info.payload(), info.location()));
    }));
    // Lets the tests check the hook on the real binary; debug builds only.
    if cfg!(debug_assertions) && std::env::var_os("FOLIO_TEST_PANIC").is_some() {
        panic!("panic requested by FOLIO_TEST_PANIC");
    }
    let cli = Cli::parse();
    if cli.quiet {
        progress::set_quiet();
    }
    let result = match cli.command {
        Command::Init {
            dir,
            title,
            base_url,
        } => cmd::init::run(&dir, &title, base_url.as_deref()),
        Command::New {
            title,
            tags,
            category,
            draft,
            site,
            date,
        } => cmd::new::run(
            &site,
            &cmd::new::NewPost {
                title,
                tags,
                category,
                is_draft: draft,
                date,
            },
        ),
        Command::Index { site, content } => cmd::index::run(&site, &content),
        Command::Check { site, content } => cmd::check::run(&site, &content),
        Command::Serve {
            site,
            port,
            content,
        } => cmd::serve::run(&site, port, &content),
        Command::Build {
            site,
            out,
            base_url,
            content,
            app,
            chunk_posts,
        } => cmd::build::run(
            &site,
            &cmd::build::BuildOptions {
                out,
                base_url,
                content,
                app,
                chunk_posts,
            },
        ),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            diagnostic::print_error(&error);
            ExitCode::FAILURE
        }
    }
}

/// The one line a panic prints: the last line of defence when a bug slips through (outside
/// data should always give a problem with its file and line instead). No backtrace and no
/// `RUST_BACKTRACE` note: an author can do nothing with those, but can report the line.
fn internal_error_line(
    payload: &(dyn std::any::Any + Send),
    location: Option<&std::panic::Location<'_>>,
) -> String {
    let message = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a panic without a message");
    // One line, even when the message has several.
    let message = message.split_whitespace().collect::<Vec<_>>().join(" ");
    let place = location.map_or(String::new(), |at| {
        format!(" (at {}:{})", at.file(), at.line())
    });
    format!("folio: internal error: {message}{place}, please report it")
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_panic_is_one_plain_line() {
        let payload: Box<dyn std::any::Any + Send> =
            Box::new(String::from("byte index 3\nis not a char boundary"));
        assert_eq!(
            super::internal_error_line(payload.as_ref(), None),
            "folio: internal error: byte index 3 is not a char boundary, please report it"
        );
    }
}
