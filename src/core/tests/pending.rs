use super::prelude::*;

use crate::core::pending::{PendingStates, MAX_PENDING, STATE_LIFETIME_MS};

const NOW: f64 = 1_700_000_000_000.0;

#[test]
fn each_sign_in_adds_a_state_and_a_redirect_takes_only_its_own() {
    let mut pending = PendingStates::default();
    pending.add("A", NOW);
    pending.add("B", NOW + 1.0);
    assert!(
        !pending.take("C"),
        "a state that matches none takes nothing"
    );
    assert!(pending.take("A"));
    assert!(!pending.take("A"), "single use");
    assert!(pending.take("B"));
    assert!(pending.is_empty());
    assert_eq!(pending.to_storage_string(), None);
}

#[test]
fn pending_states_survive_storage_and_expire_after_ten_minutes() {
    let mut pending = PendingStates::default();
    pending.add("old", NOW);
    pending.add("new", NOW + 300_000.0);
    let stored = pending.to_storage_string().unwrap();
    let back = PendingStates::parse(Some(&stored), NOW + 1.0);
    assert_eq!(back, pending);
    let mut later = PendingStates::parse(Some(&stored), NOW + STATE_LIFETIME_MS);
    assert!(!later.take("old"), "expired");
    assert!(later.take("new"));
    let all_gone = PendingStates::parse(Some(&stored), NOW + STATE_LIFETIME_MS + 300_000.0);
    assert!(all_gone.is_empty());
}

#[test]
fn malformed_storage_reads_as_nothing_pending() {
    for stored in [
        "",
        "  ",
        "A",
        "A:",
        ":1800000000000",
        "A:soon",
        "A:-1",
        "A:99999999999999999999999",
        // A state stored by an older version: a bare value without a deadline.
        "Q2hhbmdlIHRoaXMgc3RhdGU",
    ] {
        assert!(
            PendingStates::parse(Some(stored), NOW).is_empty(),
            "{stored:?}"
        );
    }
    let mixed = PendingStates::parse(Some("bad A:1800000000000 :1 B:x"), NOW);
    assert_eq!(
        mixed.to_storage_string().as_deref(),
        Some("A:1800000000000")
    );
}

#[test]
fn at_most_ten_sign_ins_are_kept_the_oldest_go_first() {
    let mut pending = PendingStates::default();
    for i in 0..MAX_PENDING + 3 {
        pending.add(&format!("S{i}"), NOW);
    }
    for i in 0..3 {
        assert!(!pending.take(&format!("S{i}")), "S{i} was forgotten");
    }
    for i in 3..MAX_PENDING + 3 {
        assert!(pending.take(&format!("S{i}")), "S{i} is pending");
    }
}
