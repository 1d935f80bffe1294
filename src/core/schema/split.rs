//! Splitting a large JSON document into its parts without parsing it whole.
//!
//! A 50 MB backup parsed in one `serde_json::from_str` blocks the page for
//! about a second and holds the whole tree in memory. The importer instead
//! finds the top-level members and the items of the `attempts` array here,
//! then parses each item on its own, a few at a time, letting the page
//! repaint in between. This module only finds where values begin and end
//! (strings with their escapes, nesting of brackets); every part it returns
//! is parsed strictly by serde_json afterwards, so it validates nothing but
//! the punctuation between parts. On any error the caller reports serde's
//! own message for the whole text, which names the line and column.

/// The structure could not be followed (the caller asks serde why).
#[derive(Debug, PartialEq, Eq)]
pub struct Malformed;

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// The end (one past the closing quote) of the string starting at `i`.
fn string_end(b: &[u8], mut i: usize) -> Result<usize, Malformed> {
    i += 1;
    while i < b.len() {
        match b[i] {
            b'"' => return Ok(i + 1),
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
    Err(Malformed)
}

/// The end of the value starting at `i`.
fn value_end(b: &[u8], i: usize) -> Result<usize, Malformed> {
    match b.get(i) {
        None => Err(Malformed),
        Some(b'"') => string_end(b, i),
        Some(b'{' | b'[') => {
            let mut depth = 0usize;
            let mut j = i;
            while j < b.len() {
                match b[j] {
                    b'"' => {
                        j = string_end(b, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Ok(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
            Err(Malformed)
        }
        Some(_) => {
            let mut j = i;
            while j < b.len() && !matches!(b[j], b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
            {
                j += 1;
            }
            if j == i {
                Err(Malformed)
            } else {
                Ok(j)
            }
        }
    }
}

/// The members of the top-level object: each key's raw text (with quotes,
/// to be parsed by serde) and its value's text.
pub fn members(text: &str) -> Result<Vec<(&str, &str)>, Malformed> {
    let b = text.as_bytes();
    let mut i = skip_ws(b, 0);
    if b.get(i) != Some(&b'{') {
        return Err(Malformed);
    }
    i = skip_ws(b, i + 1);
    let mut out = Vec::new();
    if b.get(i) == Some(&b'}') {
        return end_of_document(b, i + 1).map(|()| out);
    }
    loop {
        if b.get(i) != Some(&b'"') {
            return Err(Malformed);
        }
        let key_end = string_end(b, i)?;
        let key = &text[i..key_end];
        i = skip_ws(b, key_end);
        if b.get(i) != Some(&b':') {
            return Err(Malformed);
        }
        let start = skip_ws(b, i + 1);
        let end = value_end(b, start)?;
        out.push((key, &text[start..end]));
        i = skip_ws(b, end);
        match b.get(i) {
            Some(b',') => i = skip_ws(b, i + 1),
            Some(b'}') => return end_of_document(b, i + 1).map(|()| out),
            _ => return Err(Malformed),
        }
    }
}

fn end_of_document(b: &[u8], i: usize) -> Result<(), Malformed> {
    if skip_ws(b, i) == b.len() {
        Ok(())
    } else {
        Err(Malformed)
    }
}

/// The items of a JSON array, one at a time, so the caller can stop between
/// them (to let the page breathe, or at the first error).
pub struct Items<'a> {
    text: &'a str,
    pos: usize,
    done: bool,
}

impl<'a> Items<'a> {
    /// Items of `array` (the text of a JSON array); `None` when it is not one.
    pub fn of(array: &'a str) -> Option<Items<'a>> {
        let b = array.as_bytes();
        let i = skip_ws(b, 0);
        if b.get(i) != Some(&b'[') {
            return None;
        }
        let pos = skip_ws(b, i + 1);
        Some(Items {
            text: array,
            done: b.get(pos) == Some(&b']'),
            pos,
        })
    }

    /// How far into the array the next item starts (bytes), for progress.
    pub fn position(&self) -> usize {
        self.pos
    }
}

impl<'a> Iterator for Items<'a> {
    type Item = Result<&'a str, Malformed>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let b = self.text.as_bytes();
        let item = value_end(b, self.pos).and_then(|end| {
            let item = &self.text[self.pos..end];
            let i = skip_ws(b, end);
            match b.get(i) {
                Some(b',') => {
                    self.pos = skip_ws(b, i + 1);
                    Ok(item)
                }
                Some(b']') => {
                    self.done = true;
                    self.pos = i + 1;
                    Ok(item)
                }
                _ => Err(Malformed),
            }
        });
        if item.is_err() {
            self.done = true;
        }
        Some(item)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_and_items_are_found_with_strings_and_nesting() {
        let text = r#" { "a" : 1, "b":"x,}]\"y", "c": [ {"k": "[{"}, 2, "s" ,null] } "#;
        let m = members(text).unwrap();
        let keys: Vec<&str> = m.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, [r#""a""#, r#""b""#, r#""c""#]);
        assert_eq!(m[1].1, r#""x,}]\"y""#);
        let items: Vec<&str> = Items::of(m[2].1).unwrap().map(Result::unwrap).collect();
        assert_eq!(items, [r#"{"k": "[{"}"#, "2", r#""s""#, "null"]);
        assert_eq!(Items::of("[ ]").unwrap().count(), 0);
        assert!(Items::of("{}").is_none());
        assert_eq!(members("{}"), Ok(vec![]));
    }

    #[test]
    fn broken_structure_is_malformed() {
        for bad in [
            "{oops",
            "[1]",
            r#"{"a" 1}"#,
            r#"{"a": 1"#,
            r#"{"a": "x}"#,
            r#"{"a": 1} x"#,
            r#"{"a": 1,}"#,
        ] {
            assert_eq!(members(bad), Err(Malformed), "{bad}");
        }
        let mut items = Items::of("[1 2]").unwrap();
        assert_eq!(items.next(), Some(Err(Malformed)));
        assert_eq!(items.next(), None);
        let mut open = Items::of("[1,").unwrap();
        assert_eq!(open.next(), Some(Ok("1")));
        assert_eq!(open.next(), Some(Err(Malformed)));
    }
}
