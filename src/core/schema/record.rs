//! One declaration per stored record.
//!
//! `record!` takes a struct whose every field carries its stored shape
//! (`name: Type = Kind`) and generates, from that one list: the struct with
//! `derive(Serialize)` (the write), its `FromJson` reader (the read), and
//! `FIELDS`/`SHAPE`, the declared shape with its size limits that every
//! stored value is checked against before it is read. A field is spelled
//! once, so the read, the write and the check cannot drift apart.
//!
//! Why a macro and not `derive(Deserialize)`: the shape check already names
//! the path of any wrong field ("field `hint.text` is too long"), and serde's
//! derived deserialisers, repeating those checks, cost 7.6 KB of the gzipped
//! start-up wasm (measured again for issue 17: see ARCHITECTURE.md).

/// Declares a stored record: see the module documentation.
macro_rules! record {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$fmeta:meta])* $field:ident : $ty:ty = $kind:expr ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: $ty, )*
        }

        impl $name {
            /// The stored fields with their shapes and limits.
            pub const FIELDS: &'static [$crate::core::schema::shape::Field] = &[
                $( $crate::core::schema::shape::field(stringify!($field), $kind), )*
            ];
            /// The shape of the record.
            pub const SHAPE: $crate::core::schema::shape::Kind =
                $crate::core::schema::shape::Kind::Object(Self::FIELDS);
        }

        impl $crate::core::schema::json::FromJson for $name {
            fn from_json(v: &serde_json::Value) -> Result<Self, String> {
                Ok($name {
                    $( $field: $crate::core::schema::json::field(v, stringify!($field))?, )*
                })
            }
        }
    };
}

pub(crate) use record;

#[cfg(test)]
mod tests {
    use crate::core::schema::json::FromJson;
    use crate::core::schema::shape::{self, Kind};
    use serde_json::json;

    super::record! {
        /// A record for the test.
        pub struct Sample {
            name: String = Kind::Str { max: 4 },
            count: u32 = Kind::Count,
            tags: Vec<String> = Kind::Array { item: &Kind::Str { max: 2 }, max: 2 },
        }
    }

    #[test]
    fn one_declaration_gives_the_write_the_read_and_the_shape() {
        let s = Sample {
            name: "ab".into(),
            count: 3,
            tags: vec!["x".into()],
        };
        let value = serde_json::to_value(&s).unwrap();
        assert_eq!(value, json!({"name": "ab", "count": 3, "tags": ["x"]}));
        assert_eq!(shape::check(&value, &Sample::SHAPE), Ok(()));
        assert_eq!(Sample::from_json(&value), Ok(s));
        let names: Vec<&str> = Sample::FIELDS.iter().map(|f| f.name).collect();
        assert_eq!(names, ["name", "count", "tags"]);
        assert_eq!(
            shape::check(
                &json!({"name": "toolong", "count": 1, "tags": []}),
                &Sample::SHAPE
            ),
            Err("field `name` is too long (7 bytes, at most 4)".into())
        );
        assert_eq!(
            Sample::from_json(&json!({"name": "a", "count": 1})),
            Err("field `tags` is missing".into())
        );
    }
}
