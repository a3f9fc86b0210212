//! The redirect parser, the state check and the URL scrubber on any input: never a panic,
//! and a scrubbed URL never keeps an access token after its path.
#![no_main]
use libfuzzer_sys::fuzz_target;
use wpcom_wasm::core::{complete_redirect, parse_redirect, scrub_url, PendingStates, Token};

fuzz_target!(|data: &[u8]| {
    let Ok(url) = std::str::from_utf8(data) else { return };
    if let Ok(Some(params)) = parse_redirect(url) {
        let mut one = PendingStates::default();
        one.add("expected-state-0123456789abcdef", 1.0e12);
        let _ = complete_redirect(params.clone(), &mut one, 1.0e12);
        let _ = complete_redirect(params, &mut PendingStates::default(), 0.0);
    }
    let scrubbed = scrub_url(url);
    let path_end = url.find(['?', '#']).unwrap_or(url.len());
    let after_path = scrubbed.get(path_end..).unwrap_or("");
    assert!(!after_path.contains("access_token"), "scrub_url kept an access token");
    let _ = Token::from_storage_string(url);
});
