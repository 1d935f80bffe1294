//! A tiny declarative shape check over `serde_json::Value`.
//!
//! Why not just serde: serde's errors name the missing field but not where it
//! sits ("missing field `text`"), and an import of a bad backup must say
//! exactly what is wrong ("`hint.text` is missing"). Each stored version
//! declares its shape as data; the check walks it and reports the path, the
//! expected kind and what was found, plus size limits that keep a hostile or
//! broken file from filling the store.

use serde_json::{Map, Value};

/// What a value must look like.
#[derive(Clone, Copy, Debug)]
pub enum Kind {
    /// A string of at most `max` bytes.
    Str {
        max: usize,
    },
    /// An integer that fits `i64`.
    Int,
    /// An integer in `0..=255`.
    Byte,
    /// A non-negative integer that fits `u32`.
    Count,
    Bool,
    /// `null` or the inner kind.
    Nullable(&'static Kind),
    /// An object with these fields (other fields are ignored, so a newer
    /// minor addition does not make an old reader reject a record).
    Object(&'static [Field]),
    /// An array of at most `max` items of one kind.
    Array {
        item: &'static Kind,
        max: usize,
    },
    /// An object used as a map from string keys (at most `max_key` bytes) to
    /// strings (at most `max_value` bytes), with at most `max` entries.
    StrMap {
        max: usize,
        max_key: usize,
        max_value: usize,
    },
}

/// One named field of an object.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    pub name: &'static str,
    pub kind: Kind,
}

/// Shorthand for the shape tables.
pub const fn field(name: &'static str, kind: Kind) -> Field {
    Field { name, kind }
}

/// Checks `value` against `kind`; the error names the path (`hint.text`,
/// `scores[1].values[3]`) and what is wrong, in words.
pub fn check(value: &Value, kind: &Kind) -> Result<(), String> {
    check_at(value, kind, "")
}

fn check_at(value: &Value, kind: &Kind, path: &str) -> Result<(), String> {
    match (kind, value) {
        (Kind::Nullable(_), Value::Null) => Ok(()),
        (Kind::Nullable(inner), _) => check_at(value, inner, path),
        (Kind::Str { max }, Value::String(s)) => {
            if s.len() > *max {
                Err(format!(
                    "{} is too long ({} bytes, at most {max})",
                    name(path),
                    s.len()
                ))
            } else {
                Ok(())
            }
        }
        (Kind::Int, Value::Number(n)) if n.as_i64().is_some() => Ok(()),
        (Kind::Byte, Value::Number(n)) if n.as_u64().is_some_and(|v| v <= 255) => Ok(()),
        (Kind::Count, Value::Number(n)) if n.as_u64().is_some_and(|v| v <= u64::from(u32::MAX)) => {
            Ok(())
        }
        (Kind::Bool, Value::Bool(_)) => Ok(()),
        (Kind::Object(fields), Value::Object(map)) => check_fields(map, fields, path),
        (Kind::Array { item, max }, Value::Array(items)) => {
            if items.len() > *max {
                return Err(format!(
                    "{} has too many items ({}, at most {max})",
                    name(path),
                    items.len()
                ));
            }
            items
                .iter()
                .enumerate()
                .try_for_each(|(i, v)| check_at(v, item, &format!("{path}[{i}]")))
        }
        (
            Kind::StrMap {
                max,
                max_key,
                max_value,
            },
            Value::Object(map),
        ) => {
            if map.len() > *max {
                return Err(format!(
                    "{} has too many entries ({}, at most {max})",
                    name(path),
                    map.len()
                ));
            }
            for (k, v) in map {
                if k.len() > *max_key {
                    return Err(format!(
                        "{} has a key longer than {max_key} bytes",
                        name(path)
                    ));
                }
                check_at(v, &Kind::Str { max: *max_value }, &join(path, k))?;
            }
            Ok(())
        }
        _ => Err(format!(
            "{} must be {}, found {}",
            name(path),
            describe(kind),
            found(value)
        )),
    }
}

fn check_fields(map: &Map<String, Value>, fields: &[Field], path: &str) -> Result<(), String> {
    for f in fields {
        let at = join(path, f.name);
        match map.get(f.name) {
            None => return Err(format!("{} is missing", name(&at))),
            Some(v) => check_at(v, &f.kind, &at)?,
        }
    }
    Ok(())
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn name(path: &str) -> String {
    if path.is_empty() {
        "the value".to_owned()
    } else {
        format!("field `{path}`")
    }
}

fn describe(kind: &Kind) -> String {
    match kind {
        Kind::Str { .. } => "a string".into(),
        Kind::Int => "an integer".into(),
        Kind::Byte => "an integer from 0 to 255".into(),
        Kind::Count => "a whole number from 0".into(),
        Kind::Bool => "true or false".into(),
        Kind::Nullable(inner) => format!("null or {}", describe(inner)),
        Kind::Object(_) => "an object".into(),
        Kind::Array { .. } => "an array".into(),
        Kind::StrMap { .. } => "an object of strings".into(),
    }
}

/// What was found, briefly (never echoes user text back: it may be long).
pub fn found(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const INNER: &[Field] = &[field("text", Kind::Str { max: 5 })];
    const SHAPE: Kind = Kind::Object(&[
        field("id", Kind::Str { max: 10 }),
        field("n", Kind::Int),
        field("hint", Kind::Nullable(&Kind::Object(INNER))),
        field(
            "values",
            Kind::Array {
                item: &Kind::Byte,
                max: 3,
            },
        ),
        field(
            "sections",
            Kind::StrMap {
                max: 2,
                max_key: 4,
                max_value: 3,
            },
        ),
    ]);

    fn base() -> Value {
        json!({"id": "a", "n": 1, "hint": null, "values": [1, 2], "sections": {"x": "abc"}})
    }

    #[test]
    fn reports_the_path_and_the_problem() {
        let cases: Vec<(Value, Option<&str>)> = vec![
            (base(), None),
            (json!({"n": 1}), Some("field `id` is missing")),
            (
                json!({"id": 3, "n": 1}),
                Some("field `id` must be a string, found a number"),
            ),
            (
                json!({"id": "a", "n": 1.5, "hint": null}),
                Some("field `n` must be an integer, found a number"),
            ),
            (
                json!({"id": "a", "n": 1, "hint": {}, "values": [], "sections": {}}),
                Some("field `hint.text` is missing"),
            ),
            (
                json!({"id": "a", "n": 1, "hint": {"text": "toolong"}, "values": [], "sections": {}}),
                Some("field `hint.text` is too long (7 bytes, at most 5)"),
            ),
            (
                json!({"id": "a", "n": 1, "hint": null, "values": [1, 300], "sections": {}}),
                Some("field `values[1]` must be an integer from 0 to 255, found a number"),
            ),
            (
                json!({"id": "a", "n": 1, "hint": null, "values": [1, 2, 3, 4], "sections": {}}),
                Some("field `values` has too many items (4, at most 3)"),
            ),
            (
                json!({"id": "a", "n": 1, "hint": null, "values": [], "sections": {"x": 1}}),
                Some("field `sections.x` must be a string, found a number"),
            ),
            (
                json!({"id": "a", "n": 1, "hint": null, "values": [], "sections": {"x": "", "y": "", "z": ""}}),
                Some("field `sections` has too many entries (3, at most 2)"),
            ),
            (
                json!([1]),
                Some("the value must be an object, found an array"),
            ),
        ];
        for (value, want) in cases {
            let got = check(&value, &SHAPE).err();
            assert_eq!(got.as_deref(), want, "{value}");
        }
    }
}
