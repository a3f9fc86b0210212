//! [`Client::check_connection_with`]: what the token is worth now, by the rules of
//! [`crate::core::connection`], one request (`token-info`) or two (then `/me`) at most.

use super::client::{field, Client, Operation};
use super::env;
use super::transport::Done;
use crate::core::connection::{after_me, after_token_info, Verdict};
use crate::core::routes;
use crate::core::text::parse_digits;
use crate::core::{Connection, ConnectionStatus, Error, Token};
use alloc::boxed::Box;
use wasm_bindgen::JsValue;

/// The outcome of `checkConnection`: `None` when there is no token to judge.
pub type Checked = Result<Option<Connection>, Error>;

/// The next step of a check: a call to make, or the outcome.
pub(crate) enum Step {
    /// Make this call, then [`Client::next_check_step`].
    Call(Operation),
    /// Done.
    Done(Checked),
}

impl Client {
    /// Judges the token: calls `done` once with `None` when there is none (nothing is sent),
    /// else with its [`Connection`]: `expired` from the stored expiry (the token is then
    /// dropped, as [`super::Auth::token`] does), else from `GET /oauth2/token-info` and, when
    /// that cannot tell a revoked token from another app's, `GET /me`. A `revoked` token is
    /// dropped too (the `Auth`'s signed-out hooks fire with `invalid_token`); a `foreign` one is
    /// left for the app to drop. Errors: `invalid_config` without the app's client ID, and what
    /// the calls fail with otherwise (`network`, `timeout`, `rate_limited`, `aborted`…).
    /// Rust code awaits [`Client::check_connection`] (feature `rust-api`).
    pub fn check_connection_with(&self, done: Done<Option<Connection>>) {
        let (step, local) = self.first_check_step();
        self.drive_check(step, local, done);
    }

    /// Runs `step` and the ones after it on the JS surface's transport.
    fn drive_check(&self, step: Step, local: Option<Token>, done: Done<Option<Connection>>) {
        let operation = match step {
            Step::Done(outcome) => return done(outcome),
            Step::Call(operation) => operation,
        };
        let client = self.clone();
        let asked = operation.clone();
        self.start(
            operation,
            Box::new(move |result| {
                let next = next_check_step(&asked, result, local.as_ref());
                client.drive_check(next, local, done);
            }),
        );
    }

    /// The first step: settled from the stored token alone, or `token-info`; and the stored
    /// token, whose blog and scope the verdicts without details report.
    pub(crate) fn first_check_step(&self) -> (Step, Option<Token>) {
        let Some(auth) = self.auth() else {
            let step = match self.has_fixed_token() {
                true => Step::Call(Operation::TokenInfo),
                false => Step::Done(Ok(None)),
            };
            return (step, None);
        };
        let Some(token) = auth.stored_token() else {
            return (Step::Done(Ok(None)), None);
        };
        if auth.token().is_none() {
            // Expired: token() has just dropped it and told the signed-out hooks.
            let expired = Connection::of_token(ConnectionStatus::Expired, Some(&token), None);
            return (Step::Done(Ok(Some(expired))), Some(token));
        }
        (Step::Call(Operation::TokenInfo), Some(token))
    }
}

/// The step after `asked` (token-info or `/me`) gave `result`.
pub(crate) fn next_check_step(
    asked: &Operation,
    result: Result<JsValue, Error>,
    local: Option<&Token>,
) -> Step {
    let on_token_info = matches!(asked, Operation::TokenInfo);
    let answer = result.as_ref().ok().cloned().unwrap_or(JsValue::UNDEFINED);
    let seen = result.map(|_| ());
    let verdict = if on_token_info {
        after_token_info(seen)
    } else {
        after_me(seen)
    };
    let status = match verdict {
        Verdict::Status(status) => status,
        Verdict::AskMe => return Step::Call(Operation::route(&routes::ME)),
        Verdict::Fail(error) => return Step::Done(Err(error)),
    };
    let connection = match status {
        // token-info's answer, normalised: `user_id` and `blog_id` strings, `scope` a list.
        ConnectionStatus::Connected => Connection {
            status,
            user_id: id(&field(&answer, "user_id")),
            blog_id: id(&field(&answer, "blog_id")),
            scope: env::strings(&field(&answer, "scope")),
        },
        ConnectionStatus::Foreign => Connection::of_token(status, local, id(&field(&answer, "ID"))),
        _ => Connection::of_token(status, local, None),
    };
    Step::Done(Ok(Some(connection)))
}

/// A numeric ID given as a number or a string of digits; `None` for `null`, `0` or garbage.
fn id(value: &JsValue) -> Option<u64> {
    // `as` saturates: a negative number is 0, which is no ID.
    let id = match value.as_f64() {
        Some(n) => n as u64,
        None => parse_digits(&value.as_string()?)?,
    };
    (id != 0).then_some(id)
}
