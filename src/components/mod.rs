//! Components: props in, view out. No fetching and no logic beyond mapping core results.

pub mod layout;
pub mod load_error;
pub mod markdown_body;
pub mod skipped_notice;
