//! The sign-ins started here and not finished yet: one single-use `state` each, with a deadline.
//!
//! Several sign-ins may be in flight at once (two tabs, a popup beside a redirect, a user who
//! clicks twice): each `authorize_url()` adds its state, and a redirect consumes only the one it
//! carries, so one flow never spoils another.
//!
//! A state may carry a payload: what the flow must remember until it comes back (the
//! application-password flow keeps the site it sent the user to, `core::site::connect`).

use super::text::{cat, cut, parse_digits, pieces, push_u64};
use alloc::{string::String, vec::Vec};

/// How long a started sign-in may take, in milliseconds (10 minutes).
pub const STATE_LIFETIME_MS: f64 = 600_000.0;

/// At most this many sign-ins are kept; starting one more forgets the oldest. An app that
/// builds an authorize link on every render must not grow its storage without end.
pub const MAX_PENDING: usize = 10;

/// The pending states of one client, oldest first, each with its deadline in ms since the epoch
/// and its payload (empty for none).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PendingStates(Vec<(String, u64, String)>);

impl PendingStates {
    /// Reads what [`PendingStates::to_storage_string`] wrote (`state:deadline[:payload]` items
    /// separated by spaces), dropping expired and malformed items.
    pub fn parse(stored: Option<&str>, now_ms: f64) -> PendingStates {
        let items = pieces(stored.unwrap_or(""), b' ').filter_map(|item| {
            let (state, rest) = cut(item, b':')?;
            let (deadline, payload) = cut(rest, b':').unwrap_or((rest, ""));
            let deadline = parse_digits(deadline)?;
            (!state.is_empty() && deadline as f64 > now_ms)
                .then(|| (String::from(state), deadline, String::from(payload)))
        });
        PendingStates(items.collect())
    }

    /// The storage form; `None` when nothing is pending.
    pub fn to_storage_string(&self) -> Option<String> {
        let mut out = String::new();
        for (state, deadline, payload) in &self.0 {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&cat(&[state, ":"]));
            push_u64(&mut out, *deadline);
            if !payload.is_empty() {
                out.push_str(&cat(&[":", payload]));
            }
        }
        (!out.is_empty()).then_some(out)
    }

    /// Adds `state`, valid for [`STATE_LIFETIME_MS`] from `now_ms`.
    pub fn add(&mut self, state: &str, now_ms: f64) {
        self.add_with(state, now_ms, "");
    }

    /// Adds `state` with `payload`, which must hold no space and no `:` (percent-encode it).
    pub fn add_with(&mut self, state: &str, now_ms: f64, payload: &str) {
        // `retain`, not `remove`: `Vec::remove` panics with a formatted message, and the
        // formatting machinery would cost kilobytes of wasm.
        let excess = (self.0.len() + 1).saturating_sub(MAX_PENDING);
        let mut seen = 0;
        self.0.retain(|_| {
            seen += 1;
            seen > excess
        });
        let deadline = (now_ms + STATE_LIFETIME_MS).max(0.0) as u64;
        self.0
            .push((String::from(state), deadline, String::from(payload)));
    }

    /// Removes `state` and says whether it was pending. Each stored state is compared in time
    /// that depends only on the lengths.
    pub fn take(&mut self, state: &str) -> bool {
        self.take_with(state).is_some()
    }

    /// Removes `state` and returns its payload (`""` for none) when it was pending.
    pub fn take_with(&mut self, state: &str) -> Option<String> {
        let mut found = None;
        self.0.retain(|(s, _, payload)| {
            let hit = found.is_none() && same_state(s, state);
            if hit {
                found = Some(payload.clone());
            }
            !hit
        });
        found
    }

    /// Whether no sign-in is pending.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Compares two states in time that depends only on their length.
fn same_state(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}
