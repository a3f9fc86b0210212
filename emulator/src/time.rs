//! Timestamps: seconds since the epoch inside, WordPress.com's ISO 8601 form outside.

use chrono::{DateTime, NaiveDateTime, Utc};

/// Seconds since the Unix epoch, now.
pub fn now() -> i64 {
    Utc::now().timestamp()
}

/// Formats like WordPress.com does: `2024-01-02T03:04:05+00:00`.
pub fn iso(ts: i64) -> String {
    DateTime::<Utc>::from_timestamp(ts, 0)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%S+00:00")
        .to_string()
}

/// Formats like WordPress core's REST API: `2024-01-02T03:04:05`, no offset (sites here run
/// on UTC, so the local and the GMT date are the same).
pub fn iso_naive(ts: i64) -> String {
    DateTime::<Utc>::from_timestamp(ts, 0)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%S")
        .to_string()
}

/// Parses ISO 8601 with an offset, or without one (taken as UTC).
pub fn parse_iso(text: &str) -> Option<i64> {
    let text = text.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(text) {
        return Some(dt.timestamp());
    }
    ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S"]
        .iter()
        .find_map(|fmt| NaiveDateTime::parse_from_str(text, fmt).ok())
        .map(|naive| naive.and_utc().timestamp())
}

/// Serde adapter so seed files can spell dates in ISO 8601.
pub mod iso_serde {
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes the timestamp as ISO 8601.
    pub fn serialize<S: Serializer>(ts: &i64, ser: S) -> Result<S::Ok, S::Error> {
        ser.serialize_str(&super::iso(*ts))
    }

    /// Reads an ISO 8601 date.
    pub fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<i64, D::Error> {
        let text = String::deserialize(de)?;
        super::parse_iso(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not an ISO 8601 date: {text}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_round_trips_through_parse() {
        for ts in [0, 1_704_099_600, 1_900_000_000] {
            assert_eq!(parse_iso(&iso(ts)), Some(ts));
            assert_eq!(parse_iso(&iso_naive(ts)), Some(ts));
        }
    }

    #[test]
    fn parse_accepts_offsets_and_naive_dates() {
        assert_eq!(parse_iso("2024-01-01T10:00:00+01:00"), Some(1_704_099_600));
        assert_eq!(parse_iso("2024-01-01T09:00:00Z"), Some(1_704_099_600));
        assert_eq!(parse_iso("2024-01-01 09:00:00"), Some(1_704_099_600));
        assert_eq!(parse_iso("yesterday"), None);
    }
}
