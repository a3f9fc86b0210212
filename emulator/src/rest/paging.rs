//! Paging of v1.1 collections: `number`, `page`, and the opaque `page_handle` that
//! `meta.next_page` hands out (`value=…&id=…`: the sort value and ID of a page's last item).

use axum::http::StatusCode;

use super::body::Query;
use super::errors::ApiError;

/// An integer query parameter; absent or empty gives `default`, anything else unparsable is
/// `invalid_input`.
pub fn int_param(query: &Query, name: &str, default: i64) -> Result<i64, ApiError> {
    match query.get(name) {
        None | Some("") => Ok(default),
        Some(text) => text
            .trim()
            .parse()
            .map_err(|_| ApiError::invalid_input(&format!("Invalid {name}"))),
    }
}

/// `number` (default `default`), which must be 1 to 100, else 400 `invalid_number`.
pub fn number(query: &Query, default: i64) -> Result<usize, ApiError> {
    int_param(query, "number", default)
        .ok()
        .filter(|n| (1..=100).contains(n))
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "invalid_number",
                "The number parameter must be between 1 and 100.",
            )
        })
}

/// `page` (default 1), at least 1, else `invalid_input`.
pub fn page(query: &Query) -> Result<usize, ApiError> {
    int_param(query, "page", 1)?
        .try_into()
        .ok()
        .filter(|p| *p >= 1)
        .ok_or_else(|| ApiError::invalid_input("page must be at least 1"))
}

/// The handle for a page ending with the item whose sort value is `value` and ID `id`.
pub fn handle(value: &str, id: u64) -> String {
    form_urlencoded::Serializer::new(String::new())
        .append_pair("value", value)
        .append_pair("id", &id.to_string())
        .finish()
}

/// The sort value and ID a handle names; `None` for a malformed one, which a list ignores
/// (it answers its first page, as WordPress.com does).
pub fn parse_handle(handle: &str) -> Option<(String, u64)> {
    let mut value = None;
    let mut id = None;
    for (k, v) in form_urlencoded::parse(handle.as_bytes()) {
        match k.as_ref() {
            "value" => value = Some(v.into_owned()),
            "id" => id = v.parse::<u64>().ok(),
            _ => {}
        }
    }
    Some((value?, id?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_round_trip_and_malformed_ones_are_none() {
        let made = handle("2024-01-03T09:00:00+00:00", 7);
        assert_eq!(made, "value=2024-01-03T09%3A00%3A00%2B00%3A00&id=7");
        assert_eq!(
            parse_handle(&made),
            Some(("2024-01-03T09:00:00+00:00".to_owned(), 7))
        );
        for bad in ["", "garbage", "value=x", "id=3", "value=x&id=y"] {
            assert_eq!(parse_handle(bad), None, "{bad}");
        }
    }

    #[test]
    fn number_must_be_1_to_100() {
        let cases = [
            ("", Some(20)),
            ("number=100", Some(100)),
            ("number=0", None),
        ];
        for (raw, want) in cases {
            let got = number(&Query::parse(Some(raw)), 20).ok();
            assert_eq!(got, want, "{raw}");
        }
        assert_eq!(
            number(&Query::parse(Some("number=x")), 20)
                .unwrap_err()
                .code,
            "invalid_number"
        );
    }
}
