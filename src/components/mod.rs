//! Components: props in, view out. No fetching and no logic beyond mapping core results.

pub mod layout;
pub mod load_error;
pub mod markdown_body;
pub mod pager;
pub mod post_card;
pub mod post_list;
pub mod post_meta;
pub mod skipped_notice;
pub mod term_list;
