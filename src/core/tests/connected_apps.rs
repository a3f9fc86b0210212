//! Connected applications natively: both spellings of the contract read the same, `site` is
//! `false` or an object, odd values never panic, and the errors say what to do.
use super::prelude::*;

use serde_json::{json, Value};

use super::normalise_json::{decode, js_numbers, normalise, seen};
use crate::core::error::{
    connected_apps_error, connection_not_found, disconnect_unconfirmed, ErrorBody, ErrorCode,
    CONNECTED_APPS_PAGE,
};
use crate::core::models::{ConnectedApplication, ConnectedSite, Permission};
use crate::core::quirks::Shape;

/// The list as the client resolves it: the answer normalised, then its `connected_applications`.
fn apps(answer: Value) -> Vec<ConnectedApplication> {
    let mut value = js_numbers(answer);
    normalise(&mut value, Shape::ConnectedApplications);
    serde_json::from_value(value["connected_applications"].take()).unwrap()
}

/// The answer's spelling (the contract's first form).
fn answer_spelling() -> Value {
    json!({"connected_applications": [{
        "ID": "1234",
        "URL": "https://app.example/",
        "authorized": "2026-11-30T10:00:00+00:00",
        "description": "Posts for you.",
        "icon": "https://app.example/icon.png",
        "permissions": [{"name": "global", "description": "All your sites."}],
        "scope": "",
        "site": {"site_ID": "2001", "site_URL": "https://example.wordpress.com", "site_name": "Example Blog"},
        "title": "Example app",
    }]})
}

#[test]
fn both_spellings_of_the_contract_read_the_same() {
    let from_answer = apps(answer_spelling());
    // The public docs' spelling: `connection_ID` a number, `blog`, `site_ID` a number.
    let from_docs = apps(json!({"connected_applications": [{
        "connection_ID": 1234,
        "URL": "https://app.example/",
        "authorized": "2026-11-30T10:00:00+00:00",
        "description": "Posts for you.",
        "icon": "https://app.example/icon.png",
        "permissions": [{"name": "global", "description": "All your sites."}],
        "scope": "",
        "blog": {"site_ID": 2001, "site_URL": "https://example.wordpress.com", "site_name": "Example Blog"},
        "title": "Example app",
    }]}));
    assert_eq!(from_answer, from_docs);
    let app = &from_answer[0];
    assert_eq!(app.id, "1234");
    assert_eq!(
        app.site,
        Some(ConnectedSite {
            site_id: "2001".into(),
            site_url: "https://example.wordpress.com".into(),
            site_name: "Example Blog".into(),
        })
    );
    assert_eq!(
        app.permissions,
        vec![Permission {
            name: "global".into(),
            description: "All your sites.".into()
        }]
    );
    assert_eq!(
        (app.scope.as_str(), app.title.as_str()),
        ("", "Example app")
    );
}

#[test]
fn site_is_false_or_an_object_and_the_answer_spelling_wins() {
    let cases = [
        (json!({"ID": "7", "site": false}), None),
        (json!({"ID": "7", "blog": false}), None),
        (json!({"ID": "7"}), None),
        (
            json!({"ID": "7", "site": null, "blog": {"site_ID": 5}}),
            Some("5"),
        ),
        (json!({"ID": "7", "site": [], "blog": {"site_ID": 5}}), None),
        (
            json!({"ID": "7", "site": {"site_ID": 9, "site_name": false}}),
            Some("9"),
        ),
    ];
    for (app, want) in cases {
        let listed = apps(json!({ "connected_applications": [app.clone()] }));
        let site = listed[0].site.as_ref();
        assert_eq!(site.map(|s| s.site_id.as_str()), want, "{app}");
        if let Some(site) = site {
            assert_eq!(
                site.site_name, "",
                "false or missing names read as empty: {app}"
            );
        }
    }
    // Both spellings present: the answer's own is kept.
    let both = apps(json!({"connected_applications": [{"ID": "a1", "connection_ID": 99}]}));
    assert_eq!(both[0].id, "a1");
}

#[test]
fn odd_values_become_the_declared_types() {
    let listed = apps(json!({"connected_applications": [
        {"connection_ID": 12.0, "title": 5, "permissions": {"name": "x"}, "scope": ["global"]},
        {"ID": null, "connection_ID": "0042", "URL": false, "permissions": [null, {"name": 3}, "read"]},
        {"ID": -3},
        "not an app",
        7,
        null,
    ]}));
    assert_eq!(listed.len(), 3, "what is not an object is no app");
    assert_eq!(listed[0].id, "12");
    assert_eq!(listed[0].title, "5");
    assert_eq!(listed[0].permissions, vec![]);
    assert_eq!(listed[0].scope, "", "a scope is text");
    assert_eq!(listed[1].id, "0042", "an ID string is kept as sent");
    assert_eq!(listed[1].url, "");
    assert_eq!(
        listed[1].permissions,
        vec![Permission {
            name: "3".into(),
            description: String::new()
        }]
    );
    assert_eq!(listed[2].id, "", "a negative number is no ID");
    assert_eq!(apps(json!({"connected_applications": []})), vec![]);
}

#[test]
fn an_answer_without_the_list_is_not_the_shape() {
    let (key, need) = Shape::ConnectedApplications.required().unwrap();
    assert_eq!(key, "connected_applications");
    for missing in [json!(null), json!({}), json!("apps"), json!(3)] {
        assert!(!need.accepts(seen(&missing)), "{missing}");
    }
    assert!(need.accepts(seen(&json!([]))));
}

#[test]
fn normalising_twice_changes_nothing() {
    let mut once = js_numbers(json!({"connected_applications": [
        {"connection_ID": 5, "blog": {"site_ID": 1}}, {"ID": "x", "site": false}
    ]}));
    normalise(&mut once, Shape::ConnectedApplications);
    let mut twice = once.clone();
    normalise(&mut twice, Shape::ConnectedApplications);
    assert_eq!(once, twice);
    // One app decodes on its own too.
    let app: ConnectedApplication =
        decode(json!({"connection_ID": 5}), Shape::ConnectedApplication).unwrap();
    assert_eq!(app.id, "5");
}

#[test]
fn a_scope_refusal_says_to_ask_for_global_and_names_the_page() {
    let body = ErrorBody {
        error: Some("unauthorized".into()),
        message: Some("This token's scope does not allow it.".into()),
        ..ErrorBody::default()
    };
    let err = connected_apps_error(403, "", Some(body));
    assert_eq!((err.code, err.status), (ErrorCode::Unauthorized, Some(403)));
    assert!(err.message.contains("scope: 'global'"), "{}", err.message);
    assert!(err.message.contains(CONNECTED_APPS_PAGE), "{}", err.message);
    assert!(err
        .message
        .contains("This token's scope does not allow it."));
    assert_eq!(
        CONNECTED_APPS_PAGE,
        "https://wordpress.com/me/security/connected-applications"
    );

    // Other errors pass unchanged.
    let unknown = ErrorBody {
        error: Some("unknown_application_access_token".into()),
        message: Some("Unknown application access token.".into()),
        ..ErrorBody::default()
    };
    let err = connected_apps_error(404, "", Some(unknown));
    assert_eq!(err.code, ErrorCode::UnknownApplicationAccessToken);
    assert_eq!(err.message, "Unknown application access token.");
}

#[test]
fn the_client_side_errors_say_what_to_do() {
    let err = connection_not_found("1234");
    assert_eq!(err.code, ErrorCode::ConnectionNotFound);
    assert_eq!(err.code.as_str(), "connection_not_found");
    for needle in ["1234", "{ id }", "connectedApplications()"] {
        assert!(err.message.contains(needle), "{needle}: {}", err.message);
    }
    let err = disconnect_unconfirmed();
    assert_eq!(err.code, ErrorCode::BadResponse);
    assert!(err.may_have_reached_server);
}
