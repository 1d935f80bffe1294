//! Byte offsets ↔ lines and columns: 1-based line and column in chars for the
//! CLI's outputs, 0-based line and UTF-16 or UTF-8 character for the language
//! server.

/// How the language server counts characters within a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

/// A 1-based line and column (the column counts chars).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

/// The start offset of every line of one text.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex {
            starts,
            len: text.len(),
        }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// Byte offset where 0-based `line` starts (the text's end past the last line).
    pub fn line_start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(self.len)
    }

    /// Byte offset where `line`'s content ends: before its `\n` or `\r\n`.
    pub fn line_end(&self, text: &str, line: usize) -> usize {
        let next = self.starts.get(line + 1).copied().unwrap_or(self.len);
        let bytes = text.as_bytes();
        let mut end = next;
        if end > self.line_start(line) && bytes.get(end - 1) == Some(&b'\n') {
            end -= 1;
            if end > self.line_start(line) && bytes.get(end - 1) == Some(&b'\r') {
                end -= 1;
            }
        }
        end
    }

    /// 1-based line and char column of byte `offset`.
    pub fn pos(&self, text: &str, offset: usize) -> Pos {
        let offset = floor_boundary(text, offset);
        let line = self.line_of(offset);
        let start = self.line_start(line);
        Pos {
            line: line + 1,
            col: text[start..offset].chars().count() + 1,
        }
    }

    /// 0-based line and character (in `enc` units) of byte `offset`.
    pub fn lsp_position(&self, text: &str, offset: usize, enc: Encoding) -> (u32, u32) {
        let offset = floor_boundary(text, offset);
        let line = self.line_of(offset);
        let piece = &text[self.line_start(line)..offset];
        let character = match enc {
            Encoding::Utf8 => piece.len(),
            Encoding::Utf16 => piece.encode_utf16().count(),
        };
        (to_u32(line), to_u32(character))
    }

    /// The byte offset of a 0-based line and character; past the end of a
    /// line means its end, past the last line means the text's end.
    pub fn offset(&self, text: &str, line: u32, character: u32, enc: Encoding) -> usize {
        let line = line as usize;
        if line >= self.starts.len() {
            return self.len;
        }
        let start = self.line_start(line);
        let end = self.line_end(text, line);
        let mut units = 0usize;
        for (i, c) in text[start..end].char_indices() {
            if units >= character as usize {
                return start + i;
            }
            units += match enc {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
        }
        end
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The largest char boundary at or before `offset` (clamped to the text).
pub fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut i = offset.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_chars_and_lines() {
        let text = "ab\nÜnï code\r\nlast";
        let ix = LineIndex::new(text);
        assert_eq!(ix.pos(text, 0), Pos { line: 1, col: 1 });
        let c = text.find("code").unwrap_or(0);
        assert_eq!(ix.pos(text, c), Pos { line: 2, col: 5 });
        assert_eq!(ix.line_end(text, 1), text.find('\r').unwrap_or(0));
        assert_eq!(ix.pos(text, text.len()), Pos { line: 3, col: 5 });
    }

    #[test]
    fn lsp_positions_round_trip_in_both_encodings() {
        let text = "I 🚀 shipped\nWe did it";
        let ix = LineIndex::new(text);
        let s = text.find("shipped").unwrap_or(0);
        assert_eq!(ix.lsp_position(text, s, Encoding::Utf16), (0, 5));
        assert_eq!(ix.lsp_position(text, s, Encoding::Utf8), (0, 7));
        assert_eq!(ix.offset(text, 0, 5, Encoding::Utf16), s);
        assert_eq!(ix.offset(text, 0, 7, Encoding::Utf8), s);
        // Past the line's end clamps to it; past the last line is the end.
        assert_eq!(
            ix.offset(text, 0, 99, Encoding::Utf16),
            text.find('\n').unwrap_or(0)
        );
        assert_eq!(ix.offset(text, 9, 0, Encoding::Utf16), text.len());
    }
}
