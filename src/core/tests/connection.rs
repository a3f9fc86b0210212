use super::prelude::*;

use crate::core::connection::{after_me, after_token_info, Connection, ConnectionStatus, Verdict};
use crate::core::error::{Error, ErrorCode};
use crate::core::token::{AccessToken, Token};

fn failed(code: ErrorCode) -> Result<(), Error> {
    Err(Error::new(code, "x"))
}

#[test]
fn token_info_settles_connected_and_revoked_and_asks_me_when_it_cannot_tell() {
    use ConnectionStatus::*;
    assert_eq!(after_token_info(Ok(())), Verdict::Status(Connected));
    assert_eq!(
        after_token_info(failed(ErrorCode::InvalidToken)),
        Verdict::Status(Revoked)
    );
    // "The specified token is invalid.": another app's token, or a revoked one.
    assert_eq!(
        after_token_info(failed(ErrorCode::TokenClientMismatch)),
        Verdict::AskMe
    );
    for code in [
        ErrorCode::Network,
        ErrorCode::Timeout,
        ErrorCode::RateLimited,
        ErrorCode::ServerError,
        ErrorCode::Aborted,
    ] {
        assert_eq!(
            after_token_info(failed(code.clone())),
            Verdict::Fail(Error::new(code, "x"))
        );
    }
}

#[test]
fn me_tells_a_foreign_token_from_a_revoked_one() {
    use ConnectionStatus::*;
    assert_eq!(after_me(Ok(())), Verdict::Status(Foreign));
    assert_eq!(
        after_me(failed(ErrorCode::InvalidToken)),
        Verdict::Status(Revoked)
    );
    assert_eq!(
        after_me(failed(ErrorCode::Network)),
        Verdict::Fail(Error::new(ErrorCode::Network, "x"))
    );
}

#[test]
fn statuses_have_their_wire_names_and_a_token_gives_blog_and_scope() {
    use ConnectionStatus::*;
    let names: Vec<_> = [Connected, Expired, Revoked, Foreign]
        .iter()
        .map(|s| s.as_str())
        .collect();
    assert_eq!(names, ["connected", "expired", "revoked", "foreign"]);
    let token = Token {
        access_token: AccessToken::new("t"),
        token_type: "bearer".into(),
        expires_at: Some(1.0),
        site_id: Some(42),
        scope: vec!["posts".into(), "media".into()],
    };
    let c = Connection::of_token(Expired, Some(&token), None);
    assert_eq!(
        (c.user_id, c.blog_id, c.scope),
        (
            None,
            Some(42),
            vec!["posts".to_string(), "media".to_string()]
        )
    );
    let none = Connection::of_token(Foreign, None, Some(7));
    assert_eq!(
        (none.user_id, none.blog_id, none.scope),
        (Some(7), None, vec![])
    );
}
