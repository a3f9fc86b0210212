//! Lenient field decoders for WordPress.com's loosely typed JSON (PHP on the other side).
//!
//! Each helper is a `deserialize_with` function that asks for `deserialize_any`, so it works
//! with any self-describing format (`serde_json` in tests, `serde-wasm-bindgen` in the browser).
//! Every value is first read into the small [`Any`] tree, then coerced.

use alloc::collections::BTreeMap;
use alloc::{string::String, string::ToString, vec::Vec};
use core::fmt;
use core::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::core::text::{is_whole, split_commas, split_list, u64_text};

/// A JSON value reduced to what coercion needs (objects are only counted).
#[derive(Debug, PartialEq)]
pub enum Any {
    /// `null` or absent.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A non-negative integer.
    U64(u64),
    /// A negative integer.
    I64(i64),
    /// A number with a fraction (or too large for an integer).
    F64(f64),
    /// A string.
    Str(String),
    /// An array.
    Seq(Vec<Any>),
    /// An object, with its number of entries.
    Map(usize),
}

impl Any {
    /// The value as an unsigned integer: numbers and numeric strings; else `None`.
    fn to_u64(&self) -> Option<u64> {
        match self {
            Any::U64(n) => Some(*n),
            Any::I64(n) => u64::try_from(*n).ok(),
            // The range check keeps the cast exact; fractions are dropped.
            Any::F64(f) if *f >= 0.0 && *f < 18_446_744_073_709_551_615.0 => Some(*f as u64),
            Any::Str(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    /// PHP-style truthiness, with the strings `"false"` and `"0"` read as false.
    fn truthy(&self) -> bool {
        match self {
            Any::Null => false,
            Any::Bool(b) => *b,
            Any::U64(n) => *n != 0,
            Any::I64(n) => *n != 0,
            Any::F64(f) => *f != 0.0,
            Any::Str(s) => !matches!(s.trim(), "" | "0" | "false"),
            Any::Seq(v) => !v.is_empty(),
            Any::Map(n) => *n != 0,
        }
    }

    /// The value as text: strings as they are, integers in decimal, anything else `None`.
    fn into_text(self) -> Option<String> {
        match self {
            Any::Str(s) => Some(s),
            Any::U64(n) => Some(u64_text(n)),
            Any::I64(n) => {
                let mut s = String::from("-");
                s.push_str(&u64_text(n.unsigned_abs()));
                Some(s)
            }
            Any::F64(f)
                if f > -9_007_199_254_740_992.0 && f < 9_007_199_254_740_992.0 && is_whole(f) =>
            {
                Any::I64(f as i64).into_text()
            }
            _ => None,
        }
    }
}

struct AnyVisitor;

impl<'de> Visitor<'de> for AnyVisitor {
    type Value = Any;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Any, E> {
        Ok(Any::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Any, E> {
        Ok(u64::try_from(v).map_or(Any::I64(v), Any::U64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Any, E> {
        Ok(Any::U64(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Any, E> {
        // serde-wasm-bindgen hands unsafe-range integers over as f64; keep whole ones exact.
        if (0.0..18_446_744_073_709_551_615.0).contains(&v) && v == (v as u64) as f64 {
            Ok(Any::U64(v as u64))
        } else {
            Ok(Any::F64(v))
        }
    }
    fn visit_str<E>(self, v: &str) -> Result<Any, E> {
        Ok(Any::Str(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Any, E> {
        Ok(Any::Str(v))
    }
    fn visit_none<E>(self) -> Result<Any, E> {
        Ok(Any::Null)
    }
    fn visit_unit<E>(self) -> Result<Any, E> {
        Ok(Any::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Any, D::Error> {
        d.deserialize_any(AnyVisitor)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Any, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Any>()? {
            items.push(item);
        }
        Ok(Any::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Any, A::Error> {
        let mut n = 0;
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {
            n += 1;
        }
        Ok(Any::Map(n))
    }
}

impl<'de> Deserialize<'de> for Any {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Any, D::Error> {
        d.deserialize_any(AnyVisitor)
    }
}

/// Text: a string, or an integer written in decimal; anything else (null, false…) is `""`.
pub fn string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Any::deserialize(d)?.into_text().unwrap_or_default())
}

/// Optional text: like [`string`], with `""` and non-text values read as `None`.
pub fn opt_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(Any::deserialize(d)?.into_text().filter(|s| !s.is_empty()))
}

/// Optional text that must be a non-empty string on the wire; anything else is `None`.
pub fn opt_str<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    match Any::deserialize(d)? {
        Any::Str(s) if !s.is_empty() => Ok(Some(s)),
        _ => Ok(None),
    }
}

/// An ID kept as text (`"11"` or `11`); `null`, `false`, `0` and `""` are `None`.
pub fn opt_id_string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(Any::deserialize(d)?
        .into_text()
        .filter(|s| !s.is_empty() && s != "0"))
}

/// A count or ID: a number or a numeric string; anything else is 0.
pub fn u64<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    Ok(Any::deserialize(d)?.to_u64().unwrap_or(0))
}

/// An optional ID: `false`, `null`, `0` and non-numbers are `None`.
pub fn opt_id<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    Ok(Any::deserialize(d)?.to_u64().filter(|n| *n != 0))
}

/// A flag: `true`/`false`, `1`/`0`, `"1"`/`"0"`, PHP truthiness for the rest.
pub fn bool<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(Any::deserialize(d)?.truthy())
}

/// An optional flag: `null` is `None`, anything else as [`bool`](fn@bool).
pub fn opt_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    let v = Any::deserialize(d)?;
    Ok((v != Any::Null).then(|| v.truthy()))
}

/// Collects the text items of an array, or splits a string with `split`.
fn list(v: Any, split: fn(&str) -> Vec<String>) -> Vec<String> {
    match v {
        Any::Seq(items) => items
            .into_iter()
            .filter_map(Any::into_text)
            .filter(|s| !s.is_empty())
            .collect(),
        other => other.into_text().map(|s| split(&s)).unwrap_or_default(),
    }
}

/// A scope list: an array of strings or one string split on spaces and commas.
pub fn scope_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Ok(list(Any::deserialize(d)?, split_list))
}

/// A tag or category list: an array of strings or one comma-separated string.
pub fn comma_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Ok(list(Any::deserialize(d)?, split_commas))
}

/// Like [`comma_list`] for an optional field: absent stays `None`.
pub fn opt_comma_list<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
    comma_list(d).map(Some)
}

/// Implements the scalar visits of a visitor as "not what we want": the value is default.
macro_rules! scalars_are_default {
    () => {
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Self::Value::default())
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Self::Value::default())
        }
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok(Self::Value::default())
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok(Self::Value::default())
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok(Self::Value::default())
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok(Self::Value::default())
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok(Self::Value::default())
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(self)
        }
    };
}

/// Decodes an object as `T`; any other value (`[]`, `false`, `null`…) gives `None`.
struct ObjectVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Option<T>, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map)).map(Some)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Option<T>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }
    scalars_are_default!();
}

/// An optional object: `false`, `null`, `[]` and other non-objects are `None`.
pub fn object_or_none<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    d.deserialize_any(ObjectVisitor(PhantomData))
}

/// An object that PHP may send as `[]` (empty array) or `false`: those read as empty.
pub fn object_or_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    object_or_none(d).map(Option::unwrap_or_default)
}

/// One array item read through [`object_or_none`].
struct ObjectSeed<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> de::DeserializeSeed<'de> for ObjectSeed<T> {
    type Value = Option<T>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<T>, D::Error> {
        object_or_none(d)
    }
}

/// Collects the object items of an array; other items and non-array values are skipped.
struct ObjectsVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectsVisitor<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut out = Vec::new();
        while let Some(item) = seq.next_element_seed(ObjectSeed(PhantomData))? {
            out.extend(item);
        }
        Ok(out)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<T>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Vec::new())
    }
    scalars_are_default!();
}

/// A list of objects: items that are not objects are skipped, a non-array reads as empty.
pub fn objects<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    d.deserialize_any(ObjectsVisitor(PhantomData))
}

/// A URL given as a string or as an object with a `url` field; anything else is `""`.
struct UrlText(String);

/// The `url` field of an object, read leniently.
#[derive(Default, serde::Deserialize)]
#[serde(default)]
struct WithUrl {
    #[serde(deserialize_with = "string")]
    url: String,
}

struct UrlTextVisitor;

impl<'de> Visitor<'de> for UrlTextVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a URL or an object with a url")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_string())
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<String, A::Error> {
        WithUrl::deserialize(MapAccessDeserializer::new(map)).map(|w| w.url)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<String, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(String::new())
    }
    fn visit_none<E: de::Error>(self) -> Result<String, E> {
        Ok(String::new())
    }
    fn visit_unit<E: de::Error>(self) -> Result<String, E> {
        Ok(String::new())
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<String, E> {
        Ok(String::new())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<String, E> {
        Ok(String::new())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<String, E> {
        Ok(String::new())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<String, E> {
        Ok(String::new())
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Deserialize<'de> for UrlText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<UrlText, D::Error> {
        d.deserialize_any(UrlTextVisitor).map(UrlText)
    }
}

/// Name → URL, where each value is a URL or an object with a `url` (`{height, width, url}`);
/// PHP's `[]` and other non-objects read as empty.
pub fn url_map<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, String>, D::Error> {
    let map: BTreeMap<String, UrlText> = object_or_default(d)?;
    Ok(map.into_iter().map(|(k, v)| (k, v.0)).collect())
}
