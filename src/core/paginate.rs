//! Reading a collection page by page, sans IO: the query of the next page's request, and when
//! the collection is done. One mechanism for every collection of the public API host.
//!
//! - **WordPress.com's REST API** (`rest/v1.x`): the opaque `page_handle` that a page's
//!   `meta.next_page` gives (posts, media); where the first page gives none (comments), `page` =
//!   2, 3, …. Done on an empty page, once `found` items are read (when the server counted them:
//!   `found` ≥ 0), when a page read by handle names no next one, or on a short page when nothing
//!   was counted (`../shared/wpcom-contract.md`, "Posts" and "Comments and follows").
//! - **The core WordPress REST API** (`wp/v2`, `wpcom/v2`): `page` = 2, 3, … with the caller's
//!   `per_page`. Done on an empty page, at `X-WP-TotalPages` when the page can read it (public-api
//!   is not known to expose it cross-origin), else on a short page; core's
//!   `400 rest_post_invalid_page_number` for a page past the last one ends it too.
//!
//! A page is short when it holds fewer items than the largest page before it (or, for the
//! first, than the `number`/`per_page` asked for): no guess of a route's default page size.
//! The walk always ends: a `page_handle` already sent is never sent again (a server repeating
//! one would be asked the same question forever), and every other step asks for a new page
//! number until a page is empty.

use super::endpoint::invalid;
use super::error::Error;
use super::quirks::Seen;
use super::text::{parse_digits, u64_text};
use alloc::{string::String, vec::Vec};

/// How a namespace pages its collections.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// WordPress.com's REST API: `page_handle` from `meta.next_page`, else `page`; `number`
    /// items per page; the total in `found`.
    Rest,
    /// The core WordPress REST API and `wpcom/v2`: `page` and `per_page`; the total pages in
    /// `X-WP-TotalPages`; the page is the JSON array itself.
    Core,
}

impl Style {
    /// The style of `namespace` (one of [`super::path::NAMESPACES`]).
    pub fn of(namespace: &str) -> Style {
        if namespace.starts_with("rest/") {
            Style::Rest
        } else {
            Style::Core
        }
    }

    /// The query key of the page size: `number` or `per_page`.
    pub fn size_key(self) -> &'static str {
        match self {
            Style::Rest => "number",
            Style::Core => "per_page",
        }
    }
}

/// What the next request asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
    /// The caller's query as given (the first page).
    First,
    /// `page_handle=…`.
    Handle(String),
    /// `page=…`.
    Page(u64),
    /// Nothing: the collection is read.
    Done,
}

/// What one page held, as far as the pager needs to know.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageInfo {
    /// The number of items on the page.
    pub items: u64,
    /// `found` (WordPress.com's REST API), when the server counted the items (see [`found`]).
    pub found: Option<u64>,
    /// `meta.next_page`, when it is a usable handle (see [`handle`]).
    pub next_page: Option<String>,
    /// `X-WP-TotalPages` (the core REST API), when the page could read it.
    pub total_pages: Option<u64>,
}

/// A walk over a collection, one request per page.
#[derive(Clone, Debug)]
pub struct Pager {
    style: Style,
    /// The caller's query without the paging keys.
    query: Vec<(String, String)>,
    /// The page size the caller asked for.
    size: Option<u64>,
    step: Step,
    /// The page number the last request asked for (1 for a first page).
    page: u64,
    /// Whether the walk pages by handle (decided by the first page).
    by_handle: bool,
    /// Whether the walk started at the first item, so that `found` says when it is over.
    from_start: bool,
    /// The handles already sent.
    sent: Vec<String>,
    /// Items read so far.
    items: u64,
    /// The largest page read so far.
    largest: u64,
}

impl Pager {
    /// A walk over the collection of `namespace` with the caller's `query`.
    ///
    /// A `page` (or, on `rest/v1.x`, a `page_handle`) in `query` says where to start;
    /// `offset` is refused (`invalid_config`): the pager pages by itself.
    pub fn new(namespace: &str, query: &[(String, String)]) -> Result<Pager, Error> {
        Pager::with_style(Style::of(namespace), query)
    }

    /// A walk paged in `style` (a WordPress site's own REST API pages in [`Style::Core`],
    /// whatever the namespace), with the caller's `query` as for [`Pager::new`].
    pub fn with_style(style: Style, query: &[(String, String)]) -> Result<Pager, Error> {
        let mut kept = Vec::new();
        let mut step = Step::First;
        let mut page = 1;
        let mut size = None;
        for (key, value) in query {
            match key.as_str() {
                "offset" => return Err(invalid("leave out offset: the pager pages by itself")),
                "page" => {
                    page = parse_digits(value.trim_ascii())
                        .filter(|n| *n > 0)
                        .ok_or_else(|| invalid("page must be a positive integer"))?;
                    if page > 1 {
                        step = Step::Page(page);
                    }
                }
                "page_handle" if style == Style::Rest && !value.is_empty() => {
                    step = Step::Handle(value.clone());
                }
                _ => {
                    if key == style.size_key() {
                        size = parse_digits(value.trim_ascii());
                    }
                    kept.push((key.clone(), value.clone()));
                }
            }
        }
        let from_start = step == Step::First;
        let mut sent = Vec::new();
        if let Step::Handle(handle) = &step {
            sent.push(handle.clone());
        }
        Ok(Pager {
            style,
            query: kept,
            size,
            by_handle: matches!(step, Step::Handle(_)),
            step,
            page,
            from_start,
            sent,
            items: 0,
            largest: 0,
        })
    }

    /// How this walk pages.
    pub fn style(&self) -> Style {
        self.style
    }

    /// The page number the request of [`Pager::next_query`] asks for (1 for a first page
    /// without `page`); meaningless for a walk by `page_handle`.
    pub fn page(&self) -> u64 {
        self.page
    }

    /// The query of the next page's request; `None` once the collection is read.
    pub fn next_query(&self) -> Option<Vec<(String, String)>> {
        let mut query = self.query.clone();
        match &self.step {
            Step::First => {}
            Step::Handle(handle) => query.push((String::from("page_handle"), handle.clone())),
            Step::Page(page) => query.push((String::from("page"), u64_text(*page))),
            Step::Done => return None,
        }
        Some(query)
    }

    /// Whether the collection is read.
    pub fn is_done(&self) -> bool {
        self.step == Step::Done
    }

    /// Ends the walk (a failed page, a caller that stops).
    pub fn stop(&mut self) {
        self.step = Step::Done;
    }

    /// Takes in the page the last request returned; [`Pager::next_query`] then says what comes
    /// next. Returns whether the page is worth handing to the caller: an empty page is only when
    /// it is the first (a collection with no items still has a first page, with its `found`).
    pub fn read(&mut self, page: &PageInfo) -> bool {
        let first = self.items == 0 && self.largest == 0;
        let expected = if first {
            self.size.unwrap_or(0)
        } else {
            self.largest
        };
        let short = page.items < expected;
        self.items = self.items.saturating_add(page.items);
        self.largest = self.largest.max(page.items);
        let asked = self.page;
        let counted = page
            .found
            .filter(|_| self.style == Style::Rest && self.from_start);
        let ended = page.items == 0
            || counted.is_some_and(|found| self.items >= found)
            || page.total_pages.is_some_and(|total| asked >= total);
        self.step = if ended {
            Step::Done
        } else {
            self.after(page, short, counted.is_some())
        };
        page.items > 0 || first
    }

    /// The step after a page that did not end the walk by itself.
    fn after(&mut self, page: &PageInfo, short: bool, counted: bool) -> Step {
        let handle = page
            .next_page
            .as_ref()
            .filter(|_| self.style == Style::Rest);
        // The first page decides: a route that gives a handle pages by handle.
        let by_handle = self.by_handle || (self.step == Step::First && handle.is_some());
        if by_handle {
            self.by_handle = true;
            return match handle {
                Some(h) if !self.sent.contains(h) => {
                    self.sent.push(h.clone());
                    Step::Handle(h.clone())
                }
                // No next page named, or one already asked for.
                _ => Step::Done,
            };
        }
        // Uncounted (or core's without a readable total): a short page is the last.
        if short && !counted && page.total_pages.is_none() {
            return Step::Done;
        }
        self.page = self.page.saturating_add(1);
        Step::Page(self.page)
    }

    /// Whether `error`, the answer to the last request, only means the collection ended:
    /// core's `400 rest_post_invalid_page_number` (`rest_…_invalid_page_number`) for a page
    /// past the last, which a walk without `X-WP-TotalPages` asks for when the last page was
    /// full. The walk is over either way.
    pub fn ends_with(&mut self, error: &Error) -> bool {
        let past_the_end = self.style == Style::Core
            && self.page > 1
            && self.items > 0
            && error.status == Some(400)
            && error.code.as_str().ends_with("invalid_page_number");
        self.stop();
        past_the_end
    }
}

/// A usable `meta.next_page`: a non-blank string (a number is taken as its digits); anything
/// else (`null`, `false`, an object, `""`) is no handle.
pub fn handle(seen: Seen<'_>) -> Option<String> {
    match seen {
        Seen::Text(s) if !s.trim_ascii().is_empty() => Some(String::from(s)),
        Seen::Number(n) if (1.0..=9_007_199_254_740_991.0).contains(&n) => Some(u64_text(n as u64)),
        _ => None,
    }
}

/// `found` when the server counted: a whole number ≥ 0 (or its digits); `-1` (WordPress.com's
/// "not counted", seen on comments), other numbers and non-numbers are `None`.
pub fn found(seen: Seen<'_>) -> Option<u64> {
    match seen {
        Seen::Number(n) if (0.0..=9_007_199_254_740_991.0).contains(&n) => Some(n as u64),
        Seen::Text(s) => parse_digits(s.trim_ascii()),
        _ => None,
    }
}

/// `X-WP-TotalPages` or `X-WP-Total` (a header's text, or an envelope's value): digits, ASCII
/// spaces around; `None` for anything else.
pub fn total_pages(text: &str) -> Option<u64> {
    parse_digits(text.trim_ascii())
}

/// `bad_response` for a page that is not a collection: on `rest/v1.x` an object with a list
/// in it, on the core REST API a JSON array. A single object is read with `request()`.
pub fn not_a_collection() -> Error {
    Error::new(
        super::error::ErrorCode::BadResponse,
        "not a collection (no list): use request()",
    )
    .reached_server(true)
}
