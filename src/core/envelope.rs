//! The envelopes that make a failure look like a success: WordPress.com's `http_envelope=1`
//! (`rest/v1.x`) and core's `_envelope` (`wp/v2`, `wpcom/v2`). Both answer HTTP 200 and put
//! the real status, headers and body inside (`../shared/wpcom-contract.md`, "Responses that mean
//! failure although the status is 2xx"):
//!
//! - `http_envelope=1`: `{"code":403,"headers":[{"name":…,"value":…}],"body":{…}}` (a list);
//! - `_envelope`: `{"body":…,"status":401,"headers":{"X-WP-Total":"12"}}` (an object).
//!
//! The client reads an envelope only when its own request asked for one (the query it sent),
//! so a body that merely looks like one is never mistaken for it.

use super::quirks::Seen;
use super::text::parse_digits;
use alloc::string::String;

/// Which envelope a request asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Envelope {
    /// `http_envelope=1` on WordPress.com's REST API: the status in `code`, the headers a list
    /// of `{name, value}`.
    Http,
    /// `_envelope` on the core REST API: the status in `status`, the headers an object.
    Core,
}

impl Envelope {
    /// The envelope a request on `namespace` with `query` asks for: `http_envelope` with a
    /// truthy value on `rest/v1.x` (not `""`, `0` or `false`), `_envelope` with any value on
    /// `wp/v2` and `wpcom/v2` (core tests `isset`).
    pub fn asked(namespace: &str, query: &[(String, String)]) -> Option<Envelope> {
        let rest = namespace.starts_with("rest/");
        query.iter().find_map(|(key, value)| match key.as_str() {
            "http_envelope" if rest && !matches!(value.trim_ascii(), "" | "0" | "false") => {
                Some(Envelope::Http)
            }
            "_envelope" if !rest => Some(Envelope::Core),
            _ => None,
        })
    }

    /// The key that holds the real HTTP status.
    pub fn status_key(self) -> &'static str {
        match self {
            Envelope::Http => "code",
            Envelope::Core => "status",
        }
    }

    /// The real status, from what [`Envelope::status_key`] holds: a number from 100 to 599, or
    /// its digits. `None` when it holds none: the answer is then no envelope and is read as is.
    pub fn status(seen: Seen<'_>) -> Option<u16> {
        let n = match seen {
            Seen::Number(n) if (100.0..600.0).contains(&n) => n as u64,
            Seen::Text(s) => parse_digits(s.trim_ascii())?,
            _ => return None,
        };
        u16::try_from(n).ok().filter(|n| (100..600).contains(n))
    }
}
