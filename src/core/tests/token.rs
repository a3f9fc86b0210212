use super::prelude::*;

use crate::core::token::{AccessToken, Token};

fn token(expires_at: Option<f64>, site_id: Option<u64>, scope: &[&str]) -> Token {
    Token {
        access_token: AccessToken::new("Ab#c$d^e@f)g!h*i j+k&l=m%"),
        token_type: "bearer".into(),
        expires_at,
        site_id,
        scope: scope.iter().map(|s| s.to_string()).collect(),
    }
}

#[test]
fn debug_output_never_shows_the_secret() {
    let t = token(Some(1.0), None, &["global"]);
    let printed = format!("{t:?} {:?} {:#?}", t.access_token, t);
    assert!(!printed.contains("Ab#c"), "{printed}");
    assert!(printed.contains("AccessToken([redacted])"), "{printed}");
    assert!(printed.contains("global"), "{printed}");
    assert_eq!(t.access_token.secret(), "Ab#c$d^e@f)g!h*i j+k&l=m%");
}

#[test]
fn expiry_is_inclusive_and_tokens_without_expiry_never_expire() {
    let cases = [
        (Some(1000.0), 999.0, false),
        (Some(1000.0), 1000.0, true),
        (Some(1000.0), 1001.0, true),
        (Some(f64::NAN), 0.0, true),
        (None, f64::MAX, false),
    ];
    for (expires_at, now, expired) in cases {
        let t = token(expires_at, None, &[]);
        assert_eq!(t.is_expired(now), expired, "{expires_at:?} at {now}");
    }
    assert_eq!(
        token(Some(5000.0), None, &[]).ms_until_expiry(1000.0),
        Some(4000.0)
    );
    assert_eq!(token(None, None, &[]).ms_until_expiry(1000.0), None);
}

#[test]
fn login_only_means_exactly_the_auth_scope() {
    let cases: [(&[&str], bool); 5] = [
        (&["auth"], true),
        (&["global"], false),
        (&[], false),
        (&["auth", "posts"], false),
        (&["posts"], false),
    ];
    for (scope, login_only) in cases {
        assert_eq!(
            token(None, None, scope).is_login_only(),
            login_only,
            "{scope:?}"
        );
    }
}

#[test]
fn storage_string_round_trips() {
    let cases = [
        token(Some(1_700_000_000_123.0), Some(123), &["global"]),
        token(None, None, &[]),
        token(Some(1.0), None, &["posts", "media", "sites"]),
    ];
    for t in cases {
        let s = t.to_storage_string();
        assert!(s.starts_with("v=1&access_token="), "{s}");
        assert_eq!(Token::from_storage_string(&s), Some(t));
    }
}

#[test]
fn storage_string_has_the_documented_layout() {
    let t = token(Some(1_700_000_000_123.9), Some(42), &["posts", "media"]);
    assert_eq!(
        t.to_storage_string(),
        "v=1&access_token=Ab%23c%24d%5Ee%40f%29g%21h%2Ai%20j%2Bk%26l%3Dm%25\
         &token_type=bearer&expires_at=1700000000123&site_id=42&scope=posts%20media"
    );
    let odd = token(Some(-5.0), None, &[]).to_storage_string();
    assert!(odd.contains("&expires_at=0&"), "{odd}");
}

#[test]
fn storage_garbage_reads_as_none() {
    let cases = [
        "",
        "garbage",
        "{\"access_token\":\"x\"}",
        "v=2&access_token=x&token_type=bearer&expires_at=&site_id=&scope=",
        "access_token=x&token_type=bearer&expires_at=&site_id=&scope=",
        "v=1&access_token=&token_type=bearer&expires_at=&site_id=&scope=",
        "v=1&access_token=x&token_type=&expires_at=&site_id=&scope=",
        "v=1&access_token=x&token_type=bearer&expires_at=soon&site_id=&scope=",
        "v=1&access_token=x&token_type=bearer&expires_at=-1&site_id=&scope=",
        "v=1&access_token=x&token_type=bearer&expires_at=&site_id=abc&scope=",
        "v=1&access_token=x&token_type=bearer&site_id=&scope=",
        "v=1&access_token=x&access_token=y&token_type=bearer&expires_at=&site_id=&scope=",
        "v=1&access_token=%ZZ&token_type=bearer&expires_at=&site_id=&scope=",
    ];
    for s in cases {
        assert_eq!(Token::from_storage_string(s), None, "{s}");
    }
    let zero_site = "v=1&access_token=x&token_type=bearer&expires_at=&site_id=0&scope=";
    assert_eq!(Token::from_storage_string(zero_site).unwrap().site_id, None);
}
