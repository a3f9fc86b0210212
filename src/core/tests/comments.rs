//! Comments, follows and deletions: the quirks of their answers, read through the rules.
use serde_json::json;

use super::normalise_json::decode;
use crate::core::error::ErrorCode;
use crate::core::models::{Comment, CommentsPage, Deletion, FollowResult};
use crate::core::quirks::{is_deletion_status, Fix, Out, Seen, Shape};

#[test]
fn found_minus_one_reads_as_not_counted() {
    let cases: [(Seen<'_>, Out); 7] = [
        (Seen::Number(2.0), Out::Keep),
        (Seen::Number(0.0), Out::Keep),
        (Seen::Text("12"), Out::Number(12.0)),
        (Seen::Number(-1.0), Out::Null),
        (Seen::Text("-1"), Out::Null),
        (Seen::Null, Out::Null),
        (Seen::Bool(false), Out::Null),
    ];
    for (seen, want) in cases {
        assert_eq!(Fix::CountOrNull.apply(seen), want, "{seen:?}");
    }
}

#[test]
fn a_page_of_comments_reads_the_contracts_shape() {
    let page: CommentsPage = decode(
        json!({
            "found": -1, "site_ID": "123",
            "comments": [
                {"ID": 5, "post": {"ID": 7, "title": "Hello", "type": "post", "link": "l"},
                 "author": {"ID": "1001", "login": "alice", "name": "Alice", "nice_name": "alice",
                    "URL": "", "avatar_URL": "a", "profile_URL": "p", "email": false},
                 "date": "2024-03-01T10:00:00+00:00", "URL": "u", "content": "<p>Hi</p>",
                 "status": "approved", "parent": false, "type": "comment", "like_count": "2",
                 "i_like": 0},
                {"ID": 6, "author": [], "parent": {"ID": 5, "type": "comment", "link": "l5"},
                 "status": "unapproved"},
                "not a comment"
            ]
        }),
        Shape::CommentsPage,
    )
    .unwrap();
    assert_eq!(page.found, None);
    assert_eq!(page.site_id, 123);
    assert_eq!(page.comments.len(), 2);
    let first = &page.comments[0];
    assert_eq!((first.id, first.author.id, first.like_count), (5, 1001, 2));
    assert_eq!(first.post.as_ref().unwrap().title, "Hello");
    assert_eq!(first.parent, None);
    assert!(!first.i_like);
    let reply = &page.comments[1];
    assert_eq!(reply.parent.as_ref().unwrap().id, 5);
    assert_eq!(reply.post, None);
    assert_eq!(reply.author, Default::default());
    assert_eq!(reply.status, "unapproved");

    let counted: CommentsPage =
        decode(json!({"found": "2", "comments": []}), Shape::CommentsPage).unwrap();
    assert_eq!(counted.found, Some(2));
}

#[test]
fn follows_read_as_booleans() {
    let followed: FollowResult = decode(
        json!({"success": "1", "is_following": 1, "subscribed": true}),
        Shape::FollowResult,
    )
    .unwrap();
    assert!(followed.success && followed.is_following);
    assert!(followed.clone().into_result().is_ok());
    let mine: FollowResult = decode(json!({"is_following": false}), Shape::Following).unwrap();
    assert!(!mine.is_following);
    let failed = FollowResult {
        success: false,
        is_following: false,
    };
    let err = failed.into_result().unwrap_err();
    assert_eq!(err.code, ErrorCode::FollowFailed);
    assert_eq!(err.code.as_str(), "follow_failed");
}

#[test]
fn a_deletion_says_whether_it_trashed_or_deleted() {
    let comment = Comment::default();
    assert!(matches!(
        Deletion::from_status("trash", comment.clone()),
        Ok(Deletion::Trashed(_))
    ));
    assert!(matches!(
        Deletion::from_status("deleted", comment.clone()),
        Ok(Deletion::Deleted(_))
    ));
    for other in ["publish", "", "Trash"] {
        let err = Deletion::from_status(other, comment.clone()).unwrap_err();
        assert_eq!(err.code, ErrorCode::BadResponse, "{other}");
        assert!(!is_deletion_status(other));
    }
    assert_eq!(
        Deletion::Trashed(7).item(),
        Deletion::Deleted(7).item(),
        "the item either way"
    );
}

#[test]
fn the_new_shapes_need_their_key() {
    assert_eq!(
        Shape::CommentsPage.required().map(|r| r.0),
        Some("comments")
    );
    assert_eq!(Shape::Comment.required().map(|r| r.0), Some("ID"));
    assert_eq!(Shape::DeletedPost.required().map(|r| r.0), Some("ID"));
    assert_eq!(Shape::DeletedComment.rules(), Shape::Comment.rules());
    assert_eq!(Shape::FollowResult.required(), None);
}
