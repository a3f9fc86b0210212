use super::prelude::*;

use crate::core::popup::{answers_connect, answers_sign_in};

const MINE: &str = "bWluZS1zdGF0ZS0yNTYtYml0cy1vZi1yYW5kb21uZXNz";
const OTHER: &str = "b3RoZXItc3RhdGUtb2YtYW5vdGhlci1zaWduLWlu";

fn callback(fragment: &str) -> String {
    format!("https://app.example/callback.html#{fragment}")
}

#[test]
fn a_token_answers_only_the_sign_in_whose_state_it_carries() {
    let token = |state: &str| {
        callback(&format!(
            "access_token=t&expires_in=60&token_type=bearer&site_id=0&scope=global&state={state}"
        ))
    };
    assert!(answers_sign_in(&token(MINE), MINE));
    // Another tab's sign-in, or a replay of an earlier one: not ours, so ignored.
    assert!(!answers_sign_in(&token(OTHER), MINE));
    assert!(
        !answers_sign_in(&token(&MINE[1..]), MINE),
        "a prefix is not the state"
    );
    assert!(
        !answers_sign_in(&token(""), MINE),
        "an empty state answers nothing"
    );
    assert!(
        !answers_sign_in(&callback("access_token=t"), MINE),
        "no state"
    );
}

#[test]
fn an_error_answers_with_this_state_or_with_none() {
    let denied = |state: &str| callback(&format!("error=access_denied&state={state}"));
    assert!(answers_sign_in(&denied(MINE), MINE));
    assert!(
        answers_sign_in(&denied(""), MINE),
        "WordPress.com may echo no state"
    );
    assert!(answers_sign_in(&callback("error=access_denied"), MINE));
    assert!(!answers_sign_in(&denied(OTHER), MINE));
    // The code flow's form: the error in the query string.
    let query = format!("https://app.example/callback.html?error=access_denied&state={MINE}");
    assert!(answers_sign_in(&query, MINE));
}

#[test]
fn what_is_not_a_readable_redirect_answers_nothing() {
    for url in [
        "https://app.example/callback.html".to_string(),
        callback(""),
        callback(&format!("state={MINE}")),
        // Duplicated keys: `bad_redirect` for handleRedirect, nothing here.
        callback(&format!("access_token=a&access_token=b&state={MINE}")),
        callback(&format!("access_token=%zz&state={MINE}")),
        "not a url".to_string(),
    ] {
        assert!(!answers_sign_in(&url, MINE), "{url}");
    }
}

#[test]
fn an_application_password_answers_only_the_connection_whose_state_it_carries() {
    let approved = |state: &str, at: &str| {
        let site = "http%3A%2F%2F127.0.0.1%3A8881";
        let found = format!("site_url={site}&user_login=alice&password=abcd%20efgh%20ijkl");
        match at {
            // WordPress appends to success_url as a string: after the `#` the client added.
            "fragment" => format!("https://app.example/callback.html?state={state}#&{found}"),
            _ => format!("https://app.example/callback.html?state={state}&{found}"),
        }
    };
    for at in ["fragment", "query"] {
        assert!(answers_connect(&approved(MINE, at), MINE), "{at}");
        assert!(!answers_connect(&approved(OTHER, at), MINE), "{at}");
        assert!(!answers_connect(&approved("", at), MINE), "{at}: no state");
        // An OAuth answer is no connection's, and the other way round.
        assert!(!answers_sign_in(&approved(MINE, at), MINE), "{at}");
    }
    let declined = |query: &str| format!("https://app.example/callback.html?{query}");
    assert!(answers_connect(
        &declined(&format!("state={MINE}&success=false")),
        MINE
    ));
    assert!(
        answers_connect(&declined("success=false"), MINE),
        "no state: grants nothing"
    );
    assert!(!answers_connect(
        &declined(&format!("state={OTHER}&success=false")),
        MINE
    ));
    for url in [
        declined(&format!("state={MINE}")),
        callback(&format!("access_token=t&state={MINE}")),
        // Half an approval, a key twice: `bad_redirect` for handleRedirect, nothing here.
        declined(&format!("state={MINE}&site_url=x&password=y")),
        declined(&format!("state={MINE}&success=false&success=false")),
    ] {
        assert!(!answers_connect(&url, MINE), "{url}");
    }
}
