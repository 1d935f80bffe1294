//! Reading stored records out of JSON values by hand.
//!
//! Why not `serde::Deserialize`: every stored value is checked against its
//! declared shape (`shape::check`) before it is read, so a derived
//! deserialiser only repeated those checks, and its generated code made the
//! release wasm about 7.5 KB (gzip) larger. These conversions still assume nothing: a value the
//! shape check should have excluded gives an `Err` naming the field, in the
//! same words and path form as the shape check, never a panic.

use super::shape;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// A stored type read from an (already shape-checked) JSON value.
pub(super) trait FromJson: Sized {
    /// The error says what is wrong, naming the field path if there is one
    /// ("field `hint.text` must be a string, found a number").
    fn from_json(v: &Value) -> Result<Self, String>;
}

/// Reads field `name` of the object `v`.
pub(super) fn field<T: FromJson>(v: &Value, name: &str) -> Result<T, String> {
    match v.get(name) {
        Some(x) => T::from_json(x).map_err(|e| within(name, &e)),
        None => Err(format!("field `{name}` is missing")),
    }
}

/// Puts an error found inside `segment` (a field name or `[i]`) into a path,
/// so nested errors read like the shape check's (`scores[1].values[3]`).
fn within(segment: &str, e: &str) -> String {
    match e.strip_prefix("field `") {
        Some(rest) if rest.starts_with('[') => format!("field `{segment}{rest}"),
        Some(rest) => format!("field `{segment}.{rest}"),
        None => format!("field `{segment}` {e}"),
    }
}

/// The error for a value of the wrong kind.
fn wrong(expected: &str, v: &Value) -> String {
    format!("must be {expected}, found {}", shape::found(v))
}

/// An integer that must fit a narrower type than `i64`.
fn int_in<T: TryFrom<i64>>(v: &Value, lo: i64, hi: i64) -> Result<T, String> {
    v.as_i64()
        .and_then(|n| T::try_from(n).ok())
        .ok_or_else(|| wrong(&format!("an integer from {lo} to {hi}"), v))
}

impl FromJson for String {
    fn from_json(v: &Value) -> Result<Self, String> {
        v.as_str()
            .map(str::to_owned)
            .ok_or_else(|| wrong("a string", v))
    }
}

impl FromJson for bool {
    fn from_json(v: &Value) -> Result<Self, String> {
        v.as_bool().ok_or_else(|| wrong("true or false", v))
    }
}

impl FromJson for i64 {
    fn from_json(v: &Value) -> Result<Self, String> {
        v.as_i64().ok_or_else(|| wrong("an integer", v))
    }
}

impl FromJson for i32 {
    fn from_json(v: &Value) -> Result<Self, String> {
        int_in(v, i32::MIN.into(), i32::MAX.into())
    }
}

impl FromJson for u32 {
    fn from_json(v: &Value) -> Result<Self, String> {
        int_in(v, 0, u32::MAX.into())
    }
}

impl FromJson for u64 {
    fn from_json(v: &Value) -> Result<Self, String> {
        v.as_u64().ok_or_else(|| wrong("a whole number from 0", v))
    }
}

impl FromJson for u8 {
    fn from_json(v: &Value) -> Result<Self, String> {
        int_in(v, 0, u8::MAX.into())
    }
}

/// `null` is `None`.
impl<T: FromJson> FromJson for Option<T> {
    fn from_json(v: &Value) -> Result<Self, String> {
        match v {
            Value::Null => Ok(None),
            _ => T::from_json(v).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Value) -> Result<Self, String> {
        let items = v.as_array().ok_or_else(|| wrong("an array", v))?;
        items
            .iter()
            .enumerate()
            .map(|(i, x)| T::from_json(x).map_err(|e| within(&format!("[{i}]"), &e)))
            .collect()
    }
}

/// An array; repeated items count once (as serde read them).
impl<T: FromJson + Ord> FromJson for BTreeSet<T> {
    fn from_json(v: &Value) -> Result<Self, String> {
        // Inserted one by one: collecting into a set sorts first, one more
        // copy of the sorting code in the wasm.
        let mut set = BTreeSet::new();
        set.extend(Vec::<T>::from_json(v)?);
        Ok(set)
    }
}

/// An object of strings.
impl FromJson for BTreeMap<String, String> {
    fn from_json(v: &Value) -> Result<Self, String> {
        let map = v
            .as_object()
            .ok_or_else(|| wrong("an object of strings", v))?;
        // Inserted one by one, like the sets above.
        let mut out = BTreeMap::new();
        for (k, x) in map {
            out.insert(k.clone(), String::from_json(x).map_err(|e| within(k, &e))?);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A nested record, to see paths through objects, arrays and maps.
    #[derive(Debug, PartialEq)]
    struct Outer {
        n: i32,
        inner: Option<Inner>,
        list: Vec<Inner>,
        map: BTreeMap<String, String>,
    }

    #[derive(Debug, PartialEq)]
    struct Inner {
        b: u8,
    }

    impl FromJson for Inner {
        fn from_json(v: &Value) -> Result<Self, String> {
            Ok(Inner { b: field(v, "b")? })
        }
    }

    impl FromJson for Outer {
        fn from_json(v: &Value) -> Result<Self, String> {
            Ok(Outer {
                n: field(v, "n")?,
                inner: field(v, "inner")?,
                list: field(v, "list")?,
                map: field(v, "map")?,
            })
        }
    }

    #[test]
    fn leaf_values_read_or_say_what_was_found() {
        assert_eq!(String::from_json(&json!("a")), Ok("a".to_owned()));
        assert_eq!(bool::from_json(&json!(true)), Ok(true));
        assert_eq!(i64::from_json(&json!(-5)), Ok(-5));
        assert_eq!(u64::from_json(&json!(7)), Ok(7));
        assert_eq!(u32::from_json(&json!(4_294_967_295_u64)), Ok(u32::MAX));
        assert_eq!(i32::from_json(&json!(-2_147_483_648_i64)), Ok(i32::MIN));
        assert_eq!(u8::from_json(&json!(255)), Ok(255));
        assert_eq!(Option::<i64>::from_json(&json!(null)), Ok(None));
        assert_eq!(Option::<i64>::from_json(&json!(3)), Ok(Some(3)));
        let set = BTreeSet::<String>::from_json(&json!(["b", "a", "b"]));
        assert_eq!(set, Ok(["a".to_owned(), "b".to_owned()].into()));

        let wrong: &[(Result<(), String>, &str)] = &[
            (
                String::from_json(&json!(1)).map(drop),
                "must be a string, found a number",
            ),
            (
                bool::from_json(&json!("true")).map(drop),
                "must be true or false, found a string",
            ),
            (
                i64::from_json(&json!(1.5)).map(drop),
                "must be an integer, found a number",
            ),
            (
                i64::from_json(&json!(u64::MAX)).map(drop),
                "must be an integer, found a number",
            ),
            (
                u64::from_json(&json!(-1)).map(drop),
                "must be a whole number from 0, found a number",
            ),
            (
                u32::from_json(&json!(-1)).map(drop),
                "must be an integer from 0 to 4294967295, found a number",
            ),
            (
                i32::from_json(&json!(2_147_483_648_i64)).map(drop),
                "must be an integer from -2147483648 to 2147483647, found a number",
            ),
            (
                u8::from_json(&json!(256)).map(drop),
                "must be an integer from 0 to 255, found a number",
            ),
            (
                u8::from_json(&json!(null)).map(drop),
                "must be an integer from 0 to 255, found null",
            ),
            (
                Option::<i64>::from_json(&json!("x")).map(drop),
                "must be an integer, found a string",
            ),
            (
                Vec::<u8>::from_json(&json!({})).map(drop),
                "must be an array, found an object",
            ),
            (
                BTreeSet::<String>::from_json(&json!("a")).map(drop),
                "must be an array, found a string",
            ),
            (
                BTreeMap::<String, String>::from_json(&json!([])).map(drop),
                "must be an object of strings, found an array",
            ),
        ];
        for (got, want) in wrong {
            assert_eq!(got.as_ref().err().map(String::as_str), Some(*want));
        }
    }

    #[test]
    fn records_read_and_errors_name_the_path() {
        let good = json!({"n": -3, "inner": null, "list": [{"b": 1}], "map": {"k": "v"}});
        assert_eq!(
            Outer::from_json(&good),
            Ok(Outer {
                n: -3,
                inner: None,
                list: vec![Inner { b: 1 }],
                map: [("k".to_owned(), "v".to_owned())].into(),
            })
        );
        let cases = [
            (json!([]), "field `n` is missing"),
            (json!({"n": 1}), "field `inner` is missing"),
            (
                json!({"n": 1e10, "inner": null, "list": [], "map": {}}),
                "field `n` must be an integer from -2147483648 to 2147483647, found a number",
            ),
            (
                json!({"n": 1, "inner": {}, "list": [], "map": {}}),
                "field `inner.b` is missing",
            ),
            (
                json!({"n": 1, "inner": {"b": "1"}, "list": [], "map": {}}),
                "field `inner.b` must be an integer from 0 to 255, found a string",
            ),
            (
                json!({"n": 1, "inner": null, "list": [{"b": 1}, {"b": 300}], "map": {}}),
                "field `list[1].b` must be an integer from 0 to 255, found a number",
            ),
            (
                json!({"n": 1, "inner": null, "list": [7], "map": {}}),
                "field `list[0].b` is missing",
            ),
            (
                json!({"n": 1, "inner": null, "list": [], "map": {"k": false}}),
                "field `map.k` must be a string, found true/false",
            ),
        ];
        for (value, want) in cases {
            assert_eq!(
                Outer::from_json(&value).err().as_deref(),
                Some(want),
                "{value}"
            );
        }
    }
}
