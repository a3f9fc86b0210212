//! The redirect parser, the state check and the URL scrubber on any input: never a panic,
//! and a scrubbed URL never keeps the fragment.
#![no_main]
use libfuzzer_sys::fuzz_target;
use wpcom_wasm::core::{complete_redirect, parse_redirect, scrub_url, Token};

fuzz_target!(|data: &[u8]| {
    let Ok(url) = std::str::from_utf8(data) else { return };
    if let Ok(Some(params)) = parse_redirect(url) {
        let _ = complete_redirect(params.clone(), Some("expected-state-0123456789abcdef"), 1.0e12);
        let _ = complete_redirect(params, None, 0.0);
    }
    let scrubbed = scrub_url(url);
    assert!(!scrubbed.contains('#'), "scrub_url kept a fragment");
    let _ = Token::from_storage_string(url);
});
