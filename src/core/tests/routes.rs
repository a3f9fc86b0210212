use super::prelude::*;

use crate::core::endpoint::Method;
use crate::core::error::ErrorCode;
use crate::core::path::{build_api_call, NAMESPACES};
use crate::core::quirks::Shape;
use crate::core::routes::{self, Args, Body, PostRef, ROUTES};

#[test]
fn each_route_has_its_method_and_path() {
    let post = |site, post_id| Args {
        site: Some(site),
        post_id,
        ..Args::default()
    };
    let app = |id| Args {
        app_id: Some(id),
        ..Args::default()
    };
    let media = |site, media_id| Args {
        site: Some(site),
        media_id,
        ..Args::default()
    };
    let cases = [
        (&routes::ME, Args::default(), Method::Get, "/me"),
        (&routes::SITES, Args::default(), Method::Get, "/me/sites"),
        (
            &routes::POST_LIKES,
            post("example.wordpress.com", Some(7)),
            Method::Get,
            "/sites/example.wordpress.com/posts/7/likes",
        ),
        (
            &routes::LIKE_POST,
            post("123", Some(7)),
            Method::Post,
            "/sites/123/posts/7/likes/new",
        ),
        (
            &routes::UNLIKE_POST,
            post("example.wordpress.com", Some(7)),
            Method::Post,
            "/sites/example.wordpress.com/posts/7/likes/mine/delete",
        ),
        (
            &routes::CREATE_POST,
            post("https://example.com/blog/", None),
            Method::Post,
            "/sites/example.com::blog/posts/new",
        ),
        (
            &routes::CONNECTED_APPLICATIONS,
            Args::default(),
            Method::Get,
            "/me/connected-applications",
        ),
        (
            &routes::DISCONNECT,
            app("1234"),
            Method::Post,
            "/me/connected-applications/1234/delete",
        ),
        (
            &routes::UPLOAD_MEDIA,
            media("123", None),
            Method::Post,
            "/sites/123/media/new",
        ),
        (
            &routes::SIDELOAD_MEDIA,
            media("example.wordpress.com", None),
            Method::Post,
            "/sites/example.wordpress.com/media/new",
        ),
        (
            &routes::MEDIA,
            media("example.wordpress.com", None),
            Method::Get,
            "/sites/example.wordpress.com/media",
        ),
        (
            &routes::DELETE_MEDIA,
            media("123", Some(42)),
            Method::Post,
            "/sites/123/media/42/delete",
        ),
    ];
    for (route, args, method, path) in cases {
        assert_eq!(route.method, method, "{route:?}");
        assert_eq!(route.path(args).unwrap(), path, "{route:?}");
        let call = build_api_call(
            "https://public-api.wordpress.com",
            route.method,
            &route.path(args).unwrap(),
            &[],
            Some(route.namespace),
        )
        .unwrap();
        assert_eq!(
            call.url,
            format!("https://public-api.wordpress.com/rest/v1.1{path}")
        );
    }
}

#[test]
fn a_route_refuses_a_bad_site_or_a_missing_value() {
    let bad_site = routes::POST_LIKES.path(Args {
        site: Some("a b"),
        post_id: Some(1),
        ..Args::default()
    });
    assert_eq!(bad_site.unwrap_err().code, ErrorCode::InvalidConfig);
    let no_post = routes::POST_LIKES.path(Args {
        site: Some("123"),
        post_id: None,
        ..Args::default()
    });
    assert_eq!(no_post.unwrap_err().code, ErrorCode::InvalidConfig);
    // A post ID is no media ID.
    let no_media = routes::DELETE_MEDIA.path(Args {
        site: Some("123"),
        post_id: Some(42),
        ..Args::default()
    });
    assert_eq!(no_media.unwrap_err().code, ErrorCode::InvalidConfig);
    assert!(routes::CREATE_POST.path(Args::default()).is_err());
}

#[test]
fn every_route_is_well_formed() {
    for route in ROUTES {
        assert!(NAMESPACES.contains(&route.namespace), "{route:?}");
        assert!(route.template.starts_with('/'), "{route:?}");
        // Writes send a body (WordPress.com's POSTs take `{}` at least); reads never do.
        assert_eq!(
            route.method == Method::Get,
            route.body == Body::None,
            "{route:?}"
        );
    }
    let mut names: Vec<_> = ROUTES.iter().map(|r| r.js_name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), ROUTES.len(), "one helper per route");
}

/// The hand-written TypeScript declarations (`src/js/typescript.rs`) are checked against the
/// route table: each route's helper is declared on `Client` with the arguments its template,
/// query and body take, and a Promise of the interface named after its shape (an async
/// generator of items for a collection, a boolean for `isFollowing`).
#[test]
fn the_typescript_declarations_match_the_route_table() {
    let declarations = include_str!("../../js/typescript.rs");
    for route in ROUTES {
        let mut params = Vec::new();
        if route.template.contains("{site}") {
            params.push("site: string | number".to_string());
        }
        if route.template.contains("{post_id}") {
            params.push("postId: number".to_string());
        }
        if route.template.contains("{media_id}") {
            params.push("mediaId: number".to_string());
        }
        if route.template.contains("{post}") {
            params.push("idOrSlug: number | string".to_string());
        }
        if route.template.contains("{comment_id}") {
            params.push("commentId: number".to_string());
        }
        let (input, options) = match route.body {
            // The ID is an option: without it, `disconnect` finds this app's own entry.
            _ if route.template.contains("{app_id}") => (None, "DisconnectOptions"),
            Body::Post => (Some("post: NewPost"), "CallOptions"),
            Body::Fields => (Some("fields: PostFields"), "CallOptions"),
            Body::Comment => (Some("content: string"), "CallOptions"),
            Body::Upload => (Some("files: Blob | ArrayLike<Blob>"), "UploadOptions"),
            Body::Sideload => (
                Some("urls: string | ReadonlyArray<string>"),
                "SideloadOptions",
            ),
            Body::None | Body::Empty => (None, "CallOptions"),
        };
        params.extend(input.map(String::from));
        // A collection takes its query.
        let result = match route.shape {
            Shape::PostsPage => {
                params.push("query?: PostsQuery".to_string());
                "AsyncGenerator<Post, void, undefined>".to_string()
            }
            Shape::CommentsPage => {
                params.push("query?: CommentsQuery".to_string());
                "AsyncGenerator<Comment, void, undefined>".to_string()
            }
            Shape::MediaPage => {
                params.push("query?: MediaQuery".to_string());
                "AsyncGenerator<MediaItem, void, undefined>".to_string()
            }
            Shape::Following => "Promise<boolean>".to_string(),
            shape => format!("Promise<{shape:?}>"),
        };
        params.push(format!("options?: {options}"));
        let signature = format!("  {}({}): {result};", route.js_name, params.join(", "));
        assert!(
            declarations.lines().any(|line| line == signature),
            "typescript.rs lacks `{signature}`"
        );
    }
}

#[test]
fn a_connected_application_id_cannot_leave_its_path_segment() {
    let path = |id| {
        routes::DISCONNECT.path(Args {
            app_id: id,
            ..Args::default()
        })
    };
    for id in ["1234", "abc_DEF-9"] {
        assert_eq!(
            path(Some(id)).unwrap(),
            format!("/me/connected-applications/{id}/delete")
        );
    }
    for id in [
        "", "../me", "12/34", "12?x=1", "12#", "12%2F", "1 2", "é", "..",
    ] {
        let err = path(Some(id)).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidConfig, "{id:?}");
        assert!(err.message.contains("connectedApplications()"), "{id:?}");
    }
    assert_eq!(path(None).unwrap_err().code, ErrorCode::InvalidConfig);
}

#[test]
fn only_the_connected_applications_routes_manage_connections() {
    let managing: Vec<_> = ROUTES
        .iter()
        .filter(|r| r.manages_connections())
        .map(|r| r.js_name)
        .collect();
    assert_eq!(managing, ["connectedApplications", "disconnect"]);
}

#[test]
fn the_new_routes_have_their_method_and_path() {
    let slug = PostRef::Slug("hello-world".into());
    let on = |post_id, post, comment_id| Args {
        site: Some("example.wordpress.com"),
        post_id,
        post,
        comment_id,
        ..Args::default()
    };
    let cases = [
        (
            &routes::POSTS,
            on(None, None, None),
            "/sites/example.wordpress.com/posts/",
        ),
        (
            &routes::POST,
            on(Some(7), None, None),
            "/sites/example.wordpress.com/posts/7",
        ),
        (
            &routes::POST,
            on(None, Some(&slug), None),
            "/sites/example.wordpress.com/posts/slug:hello-world",
        ),
        (
            &routes::UPDATE_POST,
            on(Some(7), None, None),
            "/sites/example.wordpress.com/posts/7",
        ),
        (
            &routes::DELETE_POST,
            on(Some(7), None, None),
            "/sites/example.wordpress.com/posts/7/delete",
        ),
        (
            &routes::RESTORE_POST,
            on(Some(7), None, None),
            "/sites/example.wordpress.com/posts/7/restore",
        ),
        (
            &routes::COMMENTS,
            on(Some(7), None, None),
            "/sites/example.wordpress.com/posts/7/replies/",
        ),
        (
            &routes::ADD_COMMENT,
            on(Some(7), None, None),
            "/sites/example.wordpress.com/posts/7/replies/new",
        ),
        (
            &routes::REPLY_TO_COMMENT,
            on(None, None, Some(9)),
            "/sites/example.wordpress.com/comments/9/replies/new",
        ),
        (
            &routes::DELETE_COMMENT,
            on(None, None, Some(9)),
            "/sites/example.wordpress.com/comments/9/delete",
        ),
        (
            &routes::FOLLOW,
            on(None, None, None),
            "/sites/example.wordpress.com/follows/new",
        ),
        (
            &routes::UNFOLLOW,
            on(None, None, None),
            "/sites/example.wordpress.com/follows/mine/delete",
        ),
        (
            &routes::IS_FOLLOWING,
            on(None, None, None),
            "/sites/example.wordpress.com/follows/mine",
        ),
    ];
    for (route, args, path) in cases {
        assert_eq!(route.path(args).unwrap(), path, "{route:?}");
    }
    // A slug where an ID must be, and a comment route without its comment.
    assert!(routes::DELETE_POST
        .path(on(None, Some(&slug), None))
        .is_err());
    assert!(routes::DELETE_COMMENT
        .path(on(Some(7), None, None))
        .is_err());
}

#[test]
fn a_post_is_named_by_its_id_or_its_slug() {
    let cases: [(&str, Option<PostRef>); 9] = [
        ("42", Some(PostRef::Id(42))),
        (
            "slug:hello-world",
            Some(PostRef::Slug("hello-world".into())),
        ),
        ("hello-world", Some(PostRef::Slug("hello-world".into()))),
        ("slug:42", Some(PostRef::Slug("42".into()))),
        ("0", None),
        ("", None),
        ("slug:", None),
        ("a/b", None),
        ("slug:../me", None),
    ];
    for (given, want) in cases {
        let got = PostRef::parse(given);
        assert_eq!(got.as_ref().ok(), want.as_ref(), "{given}");
        if let Err(e) = got {
            assert_eq!(e.code, ErrorCode::InvalidConfig, "{given}");
        }
    }
    // A slug with characters a URL escapes goes out encoded.
    let unicode = PostRef::Slug("caf\u{e9}".into());
    let path = routes::POST
        .path(Args {
            site: Some("1"),
            post: Some(&unicode),
            ..Args::default()
        })
        .unwrap();
    assert_eq!(path, "/sites/1/posts/slug:caf%C3%A9");
}
