//! The tokeniser: one pass over the text producing words, numbers and
//! punctuation with byte offsets, grouped into sentences and paragraphs, plus a
//! normalised token stream that the phrase matcher runs over.
//!
//! Invariants:
//! - every token's `start..end` lies on char boundaries of the input;
//! - tokens are in text order and each belongs to exactly one sentence;
//! - abbreviations ("e.g.", "i.e.", "vs."), decimals and versions ("1.8",
//!   "v2.1"), thousands ("2,000") and ellipses ("...", "…") do not end sentences;
//! - curly apostrophes and quotes normalise to their straight forms, so "we’re"
//!   and "we're" are the same word to every rule.
//!
//! The normalised stream `norm` looks like ` ^ i went with it , because … \n`:
//! each sentence starts with the marker `^`, tokens are lowercased and
//! separated by single spaces, and each sentence ends with a newline, so phrase
//! patterns (written as ` a b `) match whole tokens and never cross sentences.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Letters (with inner apostrophes, hyphens, dots: "we're", "end-to-end", "e.g").
    Word,
    /// Starts with an ASCII digit: "40", "1.8", "2,000", "4x", "90".
    Number,
    /// Any other single non-space char, or an ellipsis.
    Punct,
}

/// One token of the text.
#[derive(Clone, Copy, Debug)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Index of the sentence holding this token.
    pub sentence: u32,
    norm_start: u32,
    norm_end: u32,
}

/// One sentence: a run of tokens.
#[derive(Clone, Debug)]
pub struct Sentence {
    /// Byte span from the first token's start to the last token's end.
    pub start: usize,
    pub end: usize,
    /// Token index range `first..last`.
    pub first: usize,
    pub last: usize,
    /// 0-based paragraph index (paragraphs are separated by blank lines).
    pub paragraph: usize,
}

/// A tokenised text.
pub struct Doc<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    /// The normalised stream (see the module doc).
    pub norm: String,
}

impl<'t> Doc<'t> {
    /// The normalised (lowercase, straight-apostrophe) form of token `i`.
    pub fn norm_of(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.norm[t.norm_start as usize..t.norm_end as usize]
    }

    /// The original text of tokens `first..last`.
    pub fn slice(&self, first: usize, last: usize) -> &'t str {
        if first >= last || last > self.tokens.len() {
            return "";
        }
        &self.text[self.tokens[first].start..self.tokens[last - 1].end]
    }

    /// The index of the first token whose normalised text starts at or after
    /// `norm_pos` (used to map phrase matches back to tokens).
    pub(crate) fn token_at_norm(&self, norm_pos: usize) -> usize {
        self.tokens
            .partition_point(|t| (t.norm_start as usize) < norm_pos)
    }

    /// One past the last token whose normalised text ends at or before `norm_pos`.
    pub(crate) fn token_end_at_norm(&self, norm_pos: usize) -> usize {
        self.tokens
            .partition_point(|t| (t.norm_end as usize) <= norm_pos)
    }
}

/// Abbreviations whose trailing dot does not end a sentence (lowercase, no final dot).
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "eg", "ie", "etc", "vs", "approx", "cf", "al", "mr", "mrs", "dr", "prof", "inc",
    "ltd", "jr", "sr", "fig", "est", "incl", "resp", "dept", "vol", "ca", "u.s", "a.m", "p.m",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || ('\u{300}'..='\u{36f}').contains(&c)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '′')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// Chars that may close a sentence after its terminator: `done.)` or `done."`.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        ')' | ']' | '}' | '"' | '\'' | '”' | '’' | '»' | '*' | '_'
    )
}

/// Writes the normalised form of `c` into `out`.
fn push_norm(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        '’' | '‘' | 'ʼ' | '′' => out.push('\''),
        '‐' | '‑' | '–' | '—' | '−' => out.push('-'),
        '“' | '”' | '„' | '«' | '»' => out.push('"'),
        '…' => out.push_str("..."),
        '\u{a0}' => out.push(' '),
        _ => out.extend(c.to_lowercase()),
    }
}

/// The char starting at byte `i` (which must be a char boundary or the end).
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some(b as char);
    }
    text.get(i..).and_then(|s| s.chars().next())
}

/// Does the line starting at `i` begin with a list marker, heading or capital?
fn starts_new_item(text: &str, i: usize) -> bool {
    let rest = &text[i..];
    let mut chars = rest.chars();
    let Some(c) = chars.next() else {
        return false;
    };
    if matches!(c, '-' | '*' | '•' | '#' | '>' | '+' | '–' | '—') || c.is_uppercase() {
        return true;
    }
    if c.is_ascii_digit() {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        return matches!(rest.as_bytes().get(digits), Some(b'.') | Some(b')'));
    }
    false
}

struct Builder<'t> {
    doc: Doc<'t>,
    /// First token of the open sentence.
    open_first: usize,
    /// Whether the next token starts a line.
    at_line_start: bool,
    /// Whether the open sentence started a line.
    open_at_line_start: bool,
    paragraph: usize,
}

impl<'t> Builder<'t> {
    fn push_token(&mut self, start: usize, end: usize, kind: Kind) {
        if self.doc.tokens.len() == self.open_first {
            self.doc.norm.push_str(" ^");
            self.open_at_line_start = self.at_line_start;
        }
        self.doc.norm.push(' ');
        let norm_start = self.doc.norm.len();
        let src = &self.doc.text[start..end];
        if src.is_ascii() {
            // Fast path: lowercase the bytes in place after copying.
            self.doc.norm.push_str(src);
            self.doc.norm[norm_start..].make_ascii_lowercase();
        } else {
            for c in src.chars() {
                push_norm(&mut self.doc.norm, c);
            }
        }
        let norm_end = self.doc.norm.len();
        self.doc.tokens.push(Token {
            start,
            end,
            kind,
            sentence: self.doc.sentences.len() as u32,
            norm_start: norm_start as u32,
            norm_end: norm_end as u32,
        });
    }

    fn close_sentence(&mut self) {
        let first = self.open_first;
        let last = self.doc.tokens.len();
        if first == last {
            return;
        }
        self.doc.norm.push_str(" \n");
        self.doc.sentences.push(Sentence {
            start: self.doc.tokens[first].start,
            end: self.doc.tokens[last - 1].end,
            first,
            last,
            paragraph: self.paragraph,
        });
        self.open_first = last;
    }

    fn open(&self) -> bool {
        self.doc.tokens.len() > self.open_first
    }
}

/// Is the word token `word` (original text) one whose trailing dot is not a full stop?
fn is_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.clone().next()) {
        // A single capital other than "I" is an initial: "J. Smith".
        return c.is_uppercase() && c != 'I';
    }
    if word.len() > 6 {
        return false;
    }
    if ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word)) {
        return true;
    }
    // "U.S", "a.m": dotted segments of one or two letters.
    word.contains('.')
        && word
            .split('.')
            .all(|seg| !seg.is_empty() && seg.len() <= 2 && seg.chars().all(char::is_alphabetic))
}

/// Tokenises `text` in one pass.
pub fn tokenize(text: &str) -> Doc<'_> {
    let mut b = Builder {
        doc: Doc {
            text,
            tokens: Vec::with_capacity(text.len() / 4 + 1),
            sentences: Vec::with_capacity(text.len() / 60 + 1),
            norm: String::with_capacity(text.len() + text.len() / 3 + 8),
        },
        open_first: 0,
        at_line_start: true,
        open_at_line_start: true,
        paragraph: 0,
    };
    let mut i = 0;
    let mut newlines = 0usize;
    let mut pending_end = false;
    let mut seen_any = false;
    while let Some(c) = char_at(text, i) {
        let clen = c.len_utf8();
        if c.is_whitespace() {
            if c == '\n' {
                newlines += 1;
            }
            i += clen;
            continue;
        }
        // A token starts at `i`: apply the line breaks seen before it.
        if newlines >= 2 {
            b.close_sentence();
            pending_end = false;
            if seen_any {
                b.paragraph += 1;
            }
        } else if newlines == 1 && b.open() && starts_new_item(text, i) {
            b.close_sentence();
            pending_end = false;
        }
        b.at_line_start = newlines > 0 || !seen_any;
        newlines = 0;
        seen_any = true;

        if is_word_char(c) {
            let start = i;
            let mut end = i + clen;
            let mut prev = c;
            while let Some(d) = char_at(text, end) {
                if is_word_char(d) {
                    prev = d;
                    end += d.len_utf8();
                    continue;
                }
                // Joiners stay inside a word only when a word char follows.
                let next = char_at(text, end + d.len_utf8());
                let joins = match d {
                    '.' => next.is_some_and(char::is_alphanumeric),
                    ',' => prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
                    _ if is_apostrophe(d) || is_hyphen(d) => next.is_some_and(is_word_char),
                    _ => false,
                };
                if !joins {
                    break;
                }
                prev = d;
                end += d.len_utf8();
            }
            if pending_end {
                b.close_sentence();
                pending_end = false;
            }
            let kind = if c.is_ascii_digit() {
                Kind::Number
            } else {
                Kind::Word
            };
            b.push_token(start, end, kind);
            i = end;
            continue;
        }

        // Punctuation: one char, or a run of dots.
        let start = i;
        let mut end = i + clen;
        if c == '.' {
            while text.as_bytes().get(end) == Some(&b'.') {
                end += 1;
            }
        }
        let ellipsis = end - start >= 2 || c == '…';
        if pending_end && !is_closer(c) {
            b.close_sentence();
            pending_end = false;
        }
        let terminal = match c {
            '!' | '?' | '。' | '！' | '？' => true,
            '.' if !ellipsis => {
                // Not after an abbreviation or initial: "e.g.", "J."
                let prev_word = b
                    .doc
                    .tokens
                    .last()
                    .filter(|t| t.end == start && t.kind == Kind::Word)
                    .map(|t| &text[t.start..t.end]);
                !prev_word.is_some_and(is_abbreviation)
            }
            _ => false,
        };
        // A short heading at the start of a line ("Team outcome:", "What I
        // owned:") is a sentence of its own, so it neither excuses nor
        // triggers anything in the text after it.
        let heading = c == ':'
            && b.open_at_line_start
            && (1..=3).contains(&(b.doc.tokens.len() - b.open_first))
            && b.doc.tokens[b.open_first..]
                .iter()
                .all(|t| t.kind == Kind::Word);
        b.push_token(start, end, Kind::Punct);
        if terminal || heading {
            pending_end = true;
        }
        i = end;
    }
    b.close_sentence();
    b.doc
}

/// Normalises a phrase pattern into the ` a b ` key form the matcher uses.
pub(crate) fn pattern_key(pattern: &str) -> String {
    let doc = tokenize(pattern);
    let mut key = String::with_capacity(pattern.len() + 2);
    for i in 0..doc.tokens.len() {
        key.push(' ');
        key.push_str(doc.norm_of(i));
    }
    key.push(' ');
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let doc = tokenize(text);
        doc.sentences
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    fn words(text: &str) -> Vec<String> {
        let doc = tokenize(text);
        (0..doc.tokens.len())
            .map(|i| doc.norm_of(i).to_string())
            .collect()
    }

    #[test]
    fn splits_on_terminators() {
        assert_eq!(
            sentences("I shipped it. It broke! Why? Because."),
            ["I shipped it.", "It broke!", "Why?", "Because."]
        );
    }

    #[test]
    fn abbreviations_decimals_and_ellipses_do_not_split() {
        let cases: &[(&str, usize)] = &[
            ("Use a queue, e.g. SQS, when retries matter.", 1),
            ("That is, i.e. the batch job, runs at night.", 1),
            ("p95 went from 1.8 s to 600 ms on v2.1 of the API.", 1),
            ("We handle 2,000 requests per second. Fine.", 2),
            ("I was thinking... maybe not. Then I stopped.", 2),
            ("I paused… then restated the constraint.", 1),
            ("Kafka vs. a table is the question.", 1),
            ("Ask J. Smith first.", 1),
            ("The U.S. region failed at 3 a.m. and recovered.", 1),
        ];
        for (text, n) in cases {
            assert_eq!(
                sentences(text).len(),
                *n,
                "{text:?} -> {:?}",
                sentences(text)
            );
        }
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("He said “ship it.” I disagreed."),
            ["He said “ship it.”", "I disagreed."]
        );
    }

    #[test]
    fn paragraphs_and_list_items() {
        let doc = tokenize("We shipped.\n\nI owned it\n- first item\n- second item\ncontinued");
        let paras: Vec<usize> = doc.sentences.iter().map(|s| s.paragraph).collect();
        assert_eq!(paras, [0, 1, 1, 1]);
        assert_eq!(doc.sentences.len(), 4);
    }

    #[test]
    fn short_headings_are_their_own_sentence() {
        assert_eq!(
            sentences("Team outcome: we shipped it.\nWhat others owned: the UI. Note that: x"),
            [
                "Team outcome:",
                "we shipped it.",
                "What others owned:",
                "the UI.",
                "Note that: x"
            ]
        );
        assert_eq!(
            sentences("Before I pick anything: are these users?").len(),
            1
        );
    }

    #[test]
    fn curly_apostrophes_equal_straight_ones() {
        assert_eq!(words("We’re I’d we're"), ["we're", "i'd", "we're"]);
        assert_eq!(words("end-to-end trade‑off"), ["end-to-end", "trade-off"]);
    }

    #[test]
    fn numbers_and_units() {
        let doc = tokenize("from 1.8 s to 600ms, 2,000 rps, 31% and 4x");
        let kinds: Vec<(String, Kind)> = (0..doc.tokens.len())
            .map(|i| (doc.norm_of(i).to_string(), doc.tokens[i].kind))
            .collect();
        assert!(kinds.contains(&("1.8".into(), Kind::Number)));
        assert!(kinds.contains(&("600ms".into(), Kind::Number)));
        assert!(kinds.contains(&("2,000".into(), Kind::Number)));
        assert!(kinds.contains(&("4x".into(), Kind::Number)));
        assert!(kinds.contains(&("%".into(), Kind::Punct)));
    }

    #[test]
    fn unicode_is_safe() {
        let text = "Ünïcödé 日本語のテキスト。次の文！ 🚀 rocket… done";
        let doc = tokenize(text);
        for t in &doc.tokens {
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        }
        assert!(doc.sentences.len() >= 2);
    }

    #[test]
    fn pattern_keys_match_the_stream() {
        assert_eq!(pattern_key("I’d go with"), " i'd go with ");
        assert_eq!(pattern_key("^ Clearly"), " ^ clearly ");
        let doc = tokenize("Clearly, I'd go with it.");
        assert!(doc.norm.contains(&pattern_key("^ clearly")));
        assert!(doc.norm.contains(&pattern_key("i'd go with")));
    }
}
