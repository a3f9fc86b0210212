use crate::core::authorize::{build_authorize_url, AuthorizeRequest};
use crate::core::error::ErrorCode;

const STATE: &str = "abcdefghijklmnopqrstuv"; // 22 characters

fn request() -> AuthorizeRequest<'static> {
    AuthorizeRequest {
        oauth_base: "https://public-api.wordpress.com",
        client_id: "1234",
        redirect_uri: "http://127.0.0.1:8080/",
        scope: Some("global"),
        blog: None,
        login: false,
        state: STATE,
    }
}

#[test]
fn authorize_url_lists_parameters_in_order_and_encoded() {
    let url = build_authorize_url(&request()).unwrap();
    assert_eq!(
        url,
        "https://public-api.wordpress.com/oauth2/authorize?client_id=1234\
         &redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2F&response_type=token&scope=global\
         &state=abcdefghijklmnopqrstuv"
    );
}

#[test]
fn authorize_url_variants() {
    let cases: [(AuthorizeRequest, &str); 7] = [
        // A blog with a single-blog token.
        (
            AuthorizeRequest { scope: None, blog: Some("example.wordpress.com"), ..request() },
            "https://public-api.wordpress.com/oauth2/authorize?client_id=1234&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2F&response_type=token&blog=example.wordpress.com&state=abcdefghijklmnopqrstuv",
        ),
        // `blog` is dropped with a global token.
        (
            AuthorizeRequest { blog: Some("123"), ..request() },
            "https://public-api.wordpress.com/oauth2/authorize?client_id=1234&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2F&response_type=token&scope=global&state=abcdefghijklmnopqrstuv",
        ),
        // Finer scopes, comma- or space-separated, are sent space-separated, with the blog.
        (
            AuthorizeRequest { scope: Some("posts,media  sites"), blog: Some("123"), ..request() },
            "https://public-api.wordpress.com/oauth2/authorize?client_id=1234&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2F&response_type=token&scope=posts%20media%20sites&blog=123&state=abcdefghijklmnopqrstuv",
        ),
        // Log-in-only: /oauth2/authenticate with scope=auth, whatever scope was given.
        (
            AuthorizeRequest { login: true, blog: Some("123"), ..request() },
            "https://public-api.wordpress.com/oauth2/authenticate?client_id=1234&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2F&response_type=token&scope=auth&state=abcdefghijklmnopqrstuv",
        ),
        // Trailing slash on the base tolerated; an empty scope is omitted.
        (
            AuthorizeRequest { oauth_base: "http://127.0.0.1:9000/", scope: Some(""), ..request() },
            "http://127.0.0.1:9000/oauth2/authorize?client_id=1234&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2F&response_type=token&state=abcdefghijklmnopqrstuv",
        ),
        // The redirect URI is sent exactly, query included.
        (
            AuthorizeRequest { redirect_uri: "https://app.example/cb?x=1&y=2", ..request() },
            "https://public-api.wordpress.com/oauth2/authorize?client_id=1234&redirect_uri=https%3A%2F%2Fapp.example%2Fcb%3Fx%3D1%26y%3D2&response_type=token&scope=global&state=abcdefghijklmnopqrstuv",
        ),
        // Odd characters in the client ID and state are encoded.
        (
            AuthorizeRequest { client_id: "a&b=c", state: "abcdefghijklmnopqrstu+/=", ..request() },
            "https://public-api.wordpress.com/oauth2/authorize?client_id=a%26b%3Dc&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2F&response_type=token&scope=global&state=abcdefghijklmnopqrstu%2B%2F%3D",
        ),
    ];
    for (req, want) in cases {
        assert_eq!(build_authorize_url(&req).unwrap(), want);
    }
}

#[test]
fn authorize_url_refuses_invalid_configuration() {
    let cases: [(AuthorizeRequest, &str); 15] = [
        (
            AuthorizeRequest {
                client_id: "",
                ..request()
            },
            "clientId",
        ),
        (
            AuthorizeRequest {
                client_id: "  ",
                ..request()
            },
            "clientId",
        ),
        (
            AuthorizeRequest {
                redirect_uri: "",
                ..request()
            },
            "redirectUri",
        ),
        (
            AuthorizeRequest {
                redirect_uri: "/callback",
                ..request()
            },
            "redirectUri",
        ),
        (
            AuthorizeRequest {
                redirect_uri: "ftp://host/",
                ..request()
            },
            "redirectUri",
        ),
        (
            AuthorizeRequest {
                redirect_uri: "javascript:alert(1)",
                ..request()
            },
            "redirectUri",
        ),
        (
            AuthorizeRequest {
                redirect_uri: "http:///nohost",
                ..request()
            },
            "redirectUri",
        ),
        (
            AuthorizeRequest {
                redirect_uri: "http://host/ x",
                ..request()
            },
            "redirectUri",
        ),
        (
            AuthorizeRequest {
                redirect_uri: "http://127.0.0.1:8080/#frag",
                ..request()
            },
            "#fragment",
        ),
        (
            AuthorizeRequest {
                redirect_uri: "http://127.0.0.1:8080/#",
                ..request()
            },
            "#fragment",
        ),
        (
            AuthorizeRequest {
                oauth_base: "public-api.wordpress.com",
                ..request()
            },
            "oauthBase",
        ),
        (
            AuthorizeRequest {
                oauth_base: "https://x/?a=1",
                ..request()
            },
            "oauthBase",
        ),
        (
            AuthorizeRequest {
                scope: Some("global posts"),
                ..request()
            },
            "combined",
        ),
        (
            AuthorizeRequest {
                scope: Some("auth,users"),
                ..request()
            },
            "combined",
        ),
        (
            AuthorizeRequest {
                state: "abcdefghijklmnopqrstu",
                ..request()
            },
            "state",
        ),
    ];
    for (req, fragment) in cases {
        let err = build_authorize_url(&req).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidConfig, "{req:?}");
        assert!(err.message.contains(fragment), "{req:?}: {}", err.message);
    }
}
