//! `/search?q=WORDS`: instant search over titles, summaries, tags and categories. The
//! query lives only in the URL; typing replaces the history entry, so Back leaves the
//! search page in one step.

use folio_core::query::{self, count_label};
use folio_core::Route;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::components::search_hit::SearchHit;
use crate::pages::{set_view_title, with_site, Readiness};
use crate::{href, route_path};

/// The id of the search box, which `/` and Ctrl+K focus from any page.
pub const SEARCH_INPUT_ID: &str = "search-input";

/// The search page.
#[component]
pub fn SearchPage() -> impl IntoView {
    let query_map = use_query_map();
    let navigate = use_navigate();
    let words = move || query_map.read().get("q").unwrap_or_default();
    let on_input = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        let target = route_path(&href(Route::Search(&value)));
        navigate(
            &target,
            NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            },
        );
    };
    // Esc leaves the box (the keyboard shortcuts then work again).
    let on_keydown = |event: leptos::ev::KeyboardEvent| {
        if event.key() == "Escape" {
            let input: web_sys::HtmlInputElement = event_target(&event);
            let _ = input.blur();
        }
    };
    let results = with_site(Readiness::WithSite, move |manifest| {
        let words = words();
        let hits = query::search(&manifest, &words);
        let title = if words.trim().is_empty() {
            "Search".to_string()
        } else {
            format!("Search: {}", words.trim())
        };
        set_view_title(Some(&title), &manifest);
        if words.trim().is_empty() {
            return view! { <p class="count">"Type to search titles, summaries, tags and categories."</p> }.into_any();
        }
        let summary = match hits.len() {
            0 => format!("No posts match “{}”.", words.trim()),
            n => format!("{} for “{}”", count_label(n), words.trim()),
        };
        let list = hits
            .into_iter()
            .map(|hit| view! { <SearchHit hit /> })
            .collect_view();
        view! {
            <p class="count" role="status">{summary}</p>
            <div class="post-list">{list}</div>
        }
        .into_any()
    });
    view! {
        <h1 class="page-heading">"Search"</h1>
        <form class="search-form" role="search" on:submit=|event| event.prevent_default()>
            <label for=SEARCH_INPUT_ID class="visually-hidden">"Search posts"</label>
            <input
                id=SEARCH_INPUT_ID
                type="search"
                placeholder="Search posts…"
                autocomplete="off"
                prop:value=move || query_map.get_untracked().get("q").unwrap_or_default()
                on:input=on_input
                on:keydown=on_keydown
            />
            <span class="hint">"Press / or Ctrl+K from any page"</span>
        </form>
        {results}
    }
}
