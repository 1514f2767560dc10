//! `folio new`: a new post file with front matter and today's date.

use std::path::Path;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{bail, Context, Result};
use folio_core::slug::post_slug_from;
use folio_core::PostDate;

/// What `folio new` was asked to create.
pub struct NewPost {
    /// The title.
    pub title: String,
    /// Tags.
    pub tags: Vec<String>,
    /// The category.
    pub category: Option<String>,
    /// Whether it is a draft.
    pub is_draft: bool,
    /// The date, YYYY-MM-DD; today when absent.
    pub date: Option<String>,
}

/// Writes `posts/SLUG.md` in `site`; refuses to overwrite.
pub fn run(site: &Path, post: &NewPost) -> Result<ExitCode> {
    let Some(slug) = post_slug_from(&post.title) else {
        bail!("no slug can be made from {:?}; use a title with Latin letters or digits, and edit the slug field", post.title);
    };
    let date = match &post.date {
        Some(date) if PostDate::parse(date).is_some() => date.clone(),
        Some(date) => bail!("--date {date:?} is not a date; use YYYY-MM-DD"),
        None => today(),
    };
    let folder = site.join("posts");
    std::fs::create_dir_all(&folder)
        .with_context(|| format!("could not create {}", folder.display()))?;
    let path = folder.join(format!("{slug}.md"));
    let mut front = format!("---\ntitle: {}\ndate: {date}\n", yaml_string(&post.title));
    if let Some(category) = &post.category {
        front.push_str(&format!("category: {}\n", yaml_string(category)));
    }
    if !post.tags.is_empty() {
        let tags: Vec<String> = post
            .tags
            .iter()
            .map(|tag| yaml_string(tag.trim()))
            .collect();
        front.push_str(&format!("tags: [{}]\n", tags.join(", ")));
    }
    if post.is_draft {
        front.push_str("draft: true\n");
    }
    front.push_str("---\n\nWrite the first paragraph here; it becomes the summary.\n");
    // create_new: never overwrite an existing post, even if it appeared a moment ago.
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .with_context(|| {
            format!(
                "{} already exists; choose another title or edit that post",
                path.display()
            )
        })?;
    std::io::Write::write_all(&mut file, front.as_bytes())?;
    println!("{}", path.display());
    Ok(ExitCode::SUCCESS)
}

/// A YAML double-quoted string.
fn yaml_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// Today's date in UTC.
fn today() -> String {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(seconds / 86_400).unwrap_or(0);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}
