use crate::core::endpoint::{build_token_info_url, site_segment, Method};
use crate::core::error::ErrorCode;

#[test]
fn methods_parse_in_any_case_and_only_the_five_exist() {
    for (input, want) in [
        ("GET", Method::Get),
        ("get", Method::Get),
        ("Post", Method::Post),
        ("PUT", Method::Put),
        ("patch", Method::Patch),
        ("Delete", Method::Delete),
    ] {
        assert_eq!(Method::parse(input).unwrap(), want);
        assert_eq!(want.as_str(), input.to_ascii_uppercase());
    }
    for input in ["HEAD", "OPTIONS", "", " GET", "GETS"] {
        let err = Method::parse(input).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidConfig, "{input:?}");
        assert_eq!(
            err.message,
            "method must be GET, POST, PUT, PATCH or DELETE"
        );
    }
}

#[test]
fn site_segments_accept_ids_and_domains() {
    let cases = [
        ("123", "123"),
        ("0123", "123"),
        ("example.wordpress.com", "example.wordpress.com"),
        ("https://example.wordpress.com/", "example.wordpress.com"),
        ("HTTP://Example.com", "Example.com"),
        ("example.com/blog", "example.com::blog"),
        ("http://example.com/a/b/", "example.com::a::b"),
        ("example.com::blog", "example.com::blog"),
        ("localhost:8080", "localhost:8080"),
        ("my_site-1.example", "my_site-1.example"),
    ];
    for (input, want) in cases {
        assert_eq!(site_segment(input).unwrap(), want, "{input:?}");
    }
}

#[test]
fn site_segments_refuse_what_could_escape_the_path() {
    let cases = [
        "",
        " ",
        "0",
        "000",
        "https://",
        "/",
        "a b",
        " example.com",
        "example.com\n",
        "example.com?x=1",
        "example.com#x",
        "ex%2Fample.com",
        "..",
        "example.com/../me",
        "a..b",
        "example.com//x",
        "/example.com",
        "a\\b",
        "a&b",
        "ex@mple.com",
        "é.com",
    ];
    for input in cases {
        let err = site_segment(input).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidConfig, "{input:?}");
    }
}

#[test]
fn token_info_url_encodes_client_and_token() {
    assert_eq!(
        build_token_info_url("https://public-api.wordpress.com/", "11", "a#b$c+d"),
        "https://public-api.wordpress.com/oauth2/token-info?client_id=11&token=a%23b%24c%2Bd"
    );
}
