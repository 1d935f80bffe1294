//! The tokeniser: one pass over the text producing words, numbers and
//! punctuation with byte offsets, grouped into sentences and paragraphs, plus a
//! normalised token stream that the phrase matcher runs over.
//!
//! It also reads the text's structure, because every rule depends on it:
//! - fenced code blocks (```` ``` ````, `~~~`) and inline `code` are not prose
//!   and produce no tokens;
//! - Markdown headings (`## What I owned`) and short labels at the start of a
//!   line (`Situation:`, `S:`, `**Team outcome.**`, a short line of its own above
//!   a list: `What went well`) are sentences of their
//!   own, of kind [`SentenceKind::Heading`] or [`SentenceKind::Label`];
//! - list markers (`-`, `*`, `1.`) start a new sentence and are dropped;
//! - words inside quotation marks, block quotes (`> …`) and the interviewer's
//!   lines (`Interviewer: …`, `[Interviewer: …]`) are marked `quoted`: they
//!   are somebody's words being reported, not the speaker's own claims.
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
    /// Inside quotation marks, a block quote or the interviewer's words.
    pub quoted: bool,
    norm_start: u32,
    norm_end: u32,
}

/// What a sentence is, structurally.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SentenceKind {
    /// Ordinary prose.
    Prose,
    /// A short label at the start of a line: "Situation:", "What I owned:",
    /// "**Scope first.**".
    Label,
    /// A Markdown heading: "## Team outcome".
    Heading,
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
    /// 0-based paragraph index (blank lines, headings and code blocks separate paragraphs).
    pub paragraph: usize,
    pub kind: SentenceKind,
    /// Starts a list item ("- …", "1. …").
    pub list_item: bool,
}

impl Sentence {
    /// Whether the sentence is a heading or a label rather than prose.
    pub fn is_structure(&self) -> bool {
        self.kind != SentenceKind::Prose
    }
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

/// Words that open a subordinate clause, so a line starting with them and a
/// colon ("Before I pick anything: …") is prose, not a label.
const NOT_LABEL_STARTS: &[&str] = &[
    "before", "after", "when", "if", "because", "since", "so", "once", "while", "as", "and", "but",
    "then", "that", "this", "it", "i", "we", "they", "you", "he", "she", "i'd", "we'd",
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

/// What the start of one line says about its structure.
struct LineStart {
    /// Byte offset where the line's prose begins.
    content: usize,
    heading: bool,
    list_item: bool,
    blockquote: bool,
    /// A code fence (```` ``` ```` or `~~~`).
    fence: bool,
}

/// Reads the markers at the start of the line `line` (which starts at byte `at`).
fn line_start(line: &str, at: usize) -> LineStart {
    let bytes = line.as_bytes();
    let mut i = bytes
        .iter()
        .take_while(|b| **b == b' ' || **b == b'\t')
        .count();
    let rest = &line[i..];
    let fence = rest.starts_with("```") || rest.starts_with("~~~");
    let mut blockquote = false;
    while line.as_bytes().get(i) == Some(&b'>') {
        blockquote = true;
        i += 1;
        while line.as_bytes().get(i) == Some(&b' ') {
            i += 1;
        }
    }
    let rest = &line[i..];
    let hashes = rest.bytes().take_while(|b| *b == b'#').count();
    let heading =
        (1..=6).contains(&hashes) && matches!(rest.as_bytes().get(hashes), Some(b' ') | None);
    if heading {
        i += hashes;
    }
    let rest = &line[i..];
    let mut list_item = false;
    let mut chars = rest.chars();
    match chars.next() {
        Some('-' | '*' | '+' | '•' | '–' | '—') if matches!(chars.next(), Some(' ')) => {
            list_item = true;
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
        Some(c) if c.is_ascii_digit() => {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if digits <= 3
                && matches!(rest.as_bytes().get(digits), Some(b'.' | b')'))
                && matches!(rest.as_bytes().get(digits + 1), Some(b' '))
            {
                list_item = true;
                i += digits + 1;
            }
        }
        _ => {}
    }
    LineStart {
        content: at + i,
        heading,
        list_item,
        blockquote,
        fence,
    }
}

struct Builder<'t> {
    doc: Doc<'t>,
    /// First token of the open sentence.
    open_first: usize,
    /// Whether the next token starts a line (or follows a label on its line).
    at_line_start: bool,
    /// Whether the open sentence started a line.
    open_at_line_start: bool,
    open_kind: SentenceKind,
    open_list_item: bool,
    paragraph: usize,
    /// Tokens pushed now are quoted (block quote, interviewer line).
    quoted_line: bool,
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
            quoted: self.quoted_line,
            norm_start: norm_start as u32,
            norm_end: norm_end as u32,
        });
        self.at_line_start = false;
    }

    fn close_sentence(&mut self) {
        let first = self.open_first;
        let last = self.doc.tokens.len();
        if self.open_kind == SentenceKind::Prose {
            mark_bold_label(self);
        }
        let kind = std::mem::replace(&mut self.open_kind, SentenceKind::Prose);
        let list_item = std::mem::take(&mut self.open_list_item);
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
            kind,
            list_item,
        });
        self.open_first = last;
    }

    fn open(&self) -> bool {
        self.doc.tokens.len() > self.open_first
    }

    fn new_paragraph(&mut self) {
        self.close_sentence();
        if !self.doc.sentences.is_empty()
            && self.doc.sentences.last().map(|s| s.paragraph) == Some(self.paragraph)
        {
            self.paragraph += 1;
        }
    }

    /// The words of the open sentence, if it is a short run of words that
    /// could be a label ("What I owned", "S", "Team outcome first").
    fn open_is_label_words(&self) -> bool {
        let words = &self.doc.tokens[self.open_first..];
        (1..=5).contains(&words.len())
            && words
                .iter()
                .all(|t| t.kind == Kind::Word || self.doc.text[t.start..t.end] == *"'")
            && !NOT_LABEL_STARTS
                .iter()
                .any(|w| self.doc.text[words[0].start..words[0].end].eq_ignore_ascii_case(w))
    }
}

/// Labels that structure an answer, recognised even in the middle of a line
/// ("… for the app. Team outcome: we finished it …").
const KNOWN_LABELS: &[&str] = &[
    "team outcome",
    "what i owned",
    "what i directly owned",
    "what others owned",
    "what other people owned",
    "what i did",
    "what i did myself",
    "my part",
    "my role",
    "situation",
    "task",
    "action",
    "result",
    "s",
    "t",
    "a",
    "r",
    "action items",
    "follow-ups",
    "next steps",
    "weak",
    "mid",
    "middle",
    "strong",
    "senior",
    "impact",
    "timeline",
    "root cause",
    "my answer",
    "my labels",
    "outcome",
];

impl Builder<'_> {
    /// Whether the open sentence's words are a known structural label.
    fn open_is_known_label(&self) -> bool {
        let words: Vec<String> = self.doc.tokens[self.open_first..]
            .iter()
            .map(|t| self.doc.text[t.start..t.end].to_ascii_lowercase())
            .collect();
        let joined = words.join(" ");
        KNOWN_LABELS.contains(&joined.as_str())
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

/// Byte ranges of inline code spans (`` `x` ``, ``` ``x`` ```) within `line`.
fn inline_code(line: &str, at: usize) -> Vec<(usize, usize)> {
    let bytes = line.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'`' {
            i += 1;
            continue;
        }
        let run = bytes[i..].iter().take_while(|b| **b == b'`').count();
        let open_end = i + run;
        // Find a closing run of the same length.
        let mut j = open_end;
        let mut close = None;
        while j < bytes.len() {
            if bytes[j] == b'`' {
                let r = bytes[j..].iter().take_while(|b| **b == b'`').count();
                if r == run {
                    close = Some(j + r);
                    break;
                }
                j += r;
            } else {
                j += 1;
            }
        }
        match close {
            Some(end) => {
                spans.push((at + i, at + end));
                i = end;
            }
            None => i = open_end,
        }
    }
    spans
}

/// Tokenises `text` in one pass over its lines.
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
        open_kind: SentenceKind::Prose,
        open_list_item: false,
        paragraph: 0,
        quoted_line: false,
    };
    let mut in_fence = false;
    let mut pending_end = false;
    let mut line_at = 0usize;
    for line in text.split_inclusive('\n') {
        let at = line_at;
        line_at += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let ls = line_start(body, at);
        if ls.fence {
            in_fence = !in_fence;
            b.new_paragraph();
            pending_end = false;
            continue;
        }
        if in_fence {
            continue;
        }
        if body.trim().is_empty() {
            b.new_paragraph();
            pending_end = false;
            continue;
        }
        // A line break ends the sentence when the new line starts a list item,
        // a heading, a block quote, or a capitalised line after a label.
        let first_char = char_at(text, ls.content);
        let starts_item = ls.list_item || ls.heading || ls.blockquote != b.quoted_line;
        let capital = first_char.is_some_and(|c| c.is_uppercase() || c == '*' || c == '[');
        if ls.heading {
            b.new_paragraph();
        } else if b.open() && (starts_item || capital) {
            // "What went well" on a line of its own above a list is the
            // list's heading, not a sentence.
            if ls.list_item
                && b.open_at_line_start
                && !b.open_list_item
                && b.open_kind == SentenceKind::Prose
                && b.open_is_label_words()
            {
                b.open_kind = SentenceKind::Label;
            }
            b.close_sentence();
        }
        if ls.heading || starts_item || capital || !b.open() {
            pending_end = false;
        }
        b.at_line_start = true;
        b.quoted_line = ls.blockquote;
        if ls.heading {
            b.open_kind = SentenceKind::Heading;
        }
        if ls.list_item {
            b.open_list_item = true;
        }
        // "Interviewer: …" reports the other side of the conversation.
        let content = &text[ls.content..at + body.len()];
        if starts_with_word(content, "interviewer") {
            b.quoted_line = true;
        }
        let code = inline_code(content, ls.content);
        pending_end = tokenize_line(&mut b, ls.content, at + body.len(), &code, pending_end);
        if ls.heading {
            b.close_sentence();
            b.new_paragraph();
            pending_end = false;
        }
    }
    b.close_sentence();
    mark_quotations(&mut b.doc);
    b.doc
}

/// Whether `s` starts with `word` (ASCII case-insensitive) followed by a non-letter.
fn starts_with_word(s: &str, word: &str) -> bool {
    let s = s.trim_start_matches(['*', ' ']);
    s.len() >= word.len()
        && s.as_bytes()[..word.len()].eq_ignore_ascii_case(word.as_bytes())
        && !s[word.len()..].starts_with(|c: char| c.is_alphanumeric())
}

/// Tokenises the prose of one line, `from..to`, skipping inline code spans.
/// Returns whether a sentence terminator is pending at the end of the line.
fn tokenize_line(
    b: &mut Builder,
    from: usize,
    to: usize,
    code: &[(usize, usize)],
    mut pending_end: bool,
) -> bool {
    let text = b.doc.text;
    let mut i = from;
    let mut code_at = 0;
    let mut bracket_quote = false;
    while i < to {
        if let Some(&(cs, ce)) = code.get(code_at) {
            if i >= cs {
                i = ce.max(i);
                code_at += 1;
                continue;
            }
        }
        let Some(c) = char_at(text, i) else { break };
        let clen = c.len_utf8();
        if c.is_whitespace() {
            i += clen;
            continue;
        }
        if is_word_char(c) {
            let start = i;
            let mut end = i + clen;
            let mut prev = c;
            while end < to {
                let Some(d) = char_at(text, end) else { break };
                if is_word_char(d) {
                    prev = d;
                    end += d.len_utf8();
                    continue;
                }
                // Joiners stay inside a word only when a word char follows.
                let next = char_at(text, end + d.len_utf8()).filter(|_| end + d.len_utf8() < to);
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
            // "[Interviewer: …]" is the interviewer speaking.
            if b.doc
                .tokens
                .last()
                .is_some_and(|t| t.end == start && text[t.start..t.end] == *"[")
                && text[start..end].eq_ignore_ascii_case("interviewer")
            {
                bracket_quote = true;
                if let Some(t) = b.doc.tokens.last_mut() {
                    t.quoted = true;
                }
            }
            let quoted = b.quoted_line;
            b.quoted_line |= bracket_quote;
            b.push_token(start, end, kind);
            b.quoted_line = quoted;
            i = end;
            continue;
        }

        // Punctuation: one char, or a run of dots.
        let start = i;
        let mut end = i + clen;
        if c == '.' {
            while end < to && text.as_bytes().get(end) == Some(&b'.') {
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
        // A short label at the start of a line ("Team outcome:", "S:", "What
        // I owned:") is a sentence of its own, so it neither excuses nor
        // triggers anything in the text after it.
        let label_colon = c == ':'
            && b.open_is_label_words()
            && (b.open_at_line_start || b.open_is_known_label());
        let quoted = b.quoted_line;
        b.quoted_line |= bracket_quote;
        b.push_token(start, end, Kind::Punct);
        b.quoted_line = quoted;
        if c == ']' && bracket_quote {
            bracket_quote = false;
        }
        if label_colon {
            b.open_kind = SentenceKind::Label;
            b.close_sentence();
            pending_end = false;
            // A label may follow another on the same line ("Action: Team outcome first: …").
            b.at_line_start = true;
        } else if terminal {
            pending_end = true;
        }
        i = end;
    }
    pending_end
}

/// Marks the open sentence as a label when it is a short bold run at the
/// start of a line: `**Scope first.**` (a bold line lead is a heading).
fn mark_bold_label(b: &mut Builder) {
    let toks = &b.doc.tokens[b.open_first..];
    let text = b.doc.text;
    let is_star = |t: &Token| matches!(&text[t.start..t.end], "*" | "_");
    if toks.len() >= 4
        && b.open_at_line_start
        && is_star(&toks[0])
        && is_star(&toks[toks.len() - 1])
        && toks.iter().filter(|t| t.kind == Kind::Word).count() <= 6
    {
        b.open_kind = SentenceKind::Label;
    }
}

/// Marks the tokens between quotation marks as quoted. Straight double
/// quotes pair up; curly ones open and close; a single quote opens only at
/// the start of a word and closes only at the end of one (so "don't" and
/// "teams' payloads" are not quotations). A quotation must close within its
/// paragraph, or it is not one.
fn mark_quotations(doc: &mut Doc) {
    let text = doc.text;
    let n = doc.tokens.len();
    let mut i = 0;
    while i < n {
        let t = doc.tokens[i];
        if t.kind != Kind::Punct {
            i += 1;
            continue;
        }
        let mark = &text[t.start..t.end];
        let closer: &[&str] = match mark {
            "\"" => &["\""],
            "“" => &["”", "\""],
            "«" => &["»"],
            "'" | "‘" => {
                let next_word = doc
                    .tokens
                    .get(i + 1)
                    .is_some_and(|n| n.start == t.end && n.kind != Kind::Punct);
                let prev_glued = i > 0
                    && doc.tokens[i - 1].end == t.start
                    && doc.tokens[i - 1].kind != Kind::Punct;
                if !next_word || prev_glued {
                    i += 1;
                    continue;
                }
                &["'", "’"]
            }
            _ => {
                i += 1;
                continue;
            }
        };
        let paragraph = doc.sentences[t.sentence as usize].paragraph;
        let mut j = i + 1;
        let mut close = None;
        while j < n {
            let u = doc.tokens[j];
            if doc.sentences[u.sentence as usize].paragraph != paragraph {
                break;
            }
            if u.kind == Kind::Punct && closer.contains(&&text[u.start..u.end]) {
                let single = closer[0] == "'";
                let glued_before = doc.tokens[j - 1].end == u.start;
                let glued_after = doc
                    .tokens
                    .get(j + 1)
                    .is_some_and(|w| w.start == u.end && w.kind != Kind::Punct);
                if !single || (glued_before && !glued_after) {
                    close = Some(j);
                    break;
                }
            }
            j += 1;
        }
        match close {
            Some(j) => {
                for k in i..=j {
                    doc.tokens[k].quoted = true;
                }
                i = j + 1;
            }
            None => i += 1,
        }
    }
}

/// Normalises a phrase pattern into the ` a b ` key form the matcher uses.
pub(crate) fn pattern_key(pattern: &str) -> String {
    let doc = tokenize_pattern(pattern);
    let mut key = String::with_capacity(pattern.len() + 2);
    for i in 0..doc.tokens.len() {
        key.push(' ');
        key.push_str(doc.norm_of(i));
    }
    key.push(' ');
    key
}

/// Tokenises a phrase pattern: one line, no structure ("- x" and "# y" are
/// the pattern's own characters).
fn tokenize_pattern(pattern: &str) -> Doc<'_> {
    let mut b = Builder {
        doc: Doc {
            text: pattern,
            tokens: Vec::new(),
            sentences: Vec::new(),
            norm: String::new(),
        },
        open_first: 0,
        at_line_start: false,
        open_at_line_start: false,
        open_kind: SentenceKind::Prose,
        open_list_item: false,
        paragraph: 0,
        quoted_line: false,
    };
    tokenize_line(&mut b, 0, pattern.len(), &[], false);
    b.close_sentence();
    b.doc
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

    fn quoted(text: &str) -> Vec<&str> {
        let doc = tokenize(text);
        doc.tokens
            .iter()
            .filter(|t| t.quoted && t.kind != Kind::Punct)
            .map(|t| &text[t.start..t.end])
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
        let items: Vec<bool> = doc.sentences.iter().map(|s| s.list_item).collect();
        assert_eq!(items, [false, false, true, true]);
        // The list markers are structure, not words.
        assert_eq!(sentences("- first\n- second"), ["first", "second"]);
    }

    #[test]
    fn labels_are_their_own_sentence() {
        let text = "Team outcome: we shipped it.\nWhat others owned: the UI. Note that: x";
        assert_eq!(
            sentences(text),
            [
                "Team outcome:",
                "we shipped it.",
                "What others owned:",
                "the UI.",
                "Note that: x"
            ]
        );
        let kinds: Vec<SentenceKind> = tokenize(text).sentences.iter().map(|s| s.kind).collect();
        assert_eq!(kinds[0], SentenceKind::Label);
        assert_eq!(kinds[1], SentenceKind::Prose);
        assert_eq!(
            sentences("Before I pick anything: are these users?").len(),
            1
        );
        assert_eq!(
            sentences("Action: Team outcome first: we rewrote it."),
            ["Action:", "Team outcome first:", "we rewrote it."]
        );
        assert_eq!(
            sentences("S: checkout broke.\nT: fix it."),
            ["S:", "checkout broke.", "T:", "fix it."]
        );
        // A short line of its own above a list is the list's heading.
        let kinds: Vec<SentenceKind> = tokenize("What went well\n- Rollback took 3 minutes.")
            .sentences
            .iter()
            .map(|s| s.kind)
            .collect();
        assert_eq!(kinds, [SentenceKind::Label, SentenceKind::Prose]);
    }

    #[test]
    fn headings_and_bold_leads_are_structure() {
        let doc =
            tokenize("## What I owned\nI wrote the job.\n- **Scope first.** Check the share.");
        let kinds: Vec<SentenceKind> = doc.sentences.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [
                SentenceKind::Heading,
                SentenceKind::Prose,
                SentenceKind::Label,
                SentenceKind::Prose
            ]
        );
        assert_eq!(doc.sentences[0].paragraph + 1, doc.sentences[1].paragraph);
    }

    #[test]
    fn code_is_not_prose() {
        let text = "I wrote it.\n```sql\n-- just a guard\nselect 1;\n```\nThen `cache.get()` ran.";
        assert_eq!(words(text), ["i", "wrote", "it", ".", "then", "ran", "."]);
    }

    #[test]
    fn quotations_block_quotes_and_the_interviewer_are_marked() {
        assert_eq!(
            quoted("She said “we moved everything to Kafka” and left."),
            ["we", "moved", "everything", "to", "Kafka"]
        );
        assert_eq!(
            quoted("The remark: 'we retrained and it performed better'. Fine."),
            ["we", "retrained", "and", "it", "performed", "better"]
        );
        assert!(quoted("We don't trust the teams' payloads, it's 'fine' he said").len() == 1);
        assert_eq!(
            quoted("> We shipped it\nI owned it."),
            ["We", "shipped", "it"]
        );
        assert_eq!(
            quoted("I'd use a table [Interviewer: what at 10x?] oh."),
            ["Interviewer", "what", "at", "10x"]
        );
        assert_eq!(
            quoted("Interviewer: Assume 5k rps.\nOkay."),
            ["Interviewer", "Assume", "5k", "rps"]
        );
        // An unclosed quote is not a quotation.
        assert!(quoted("He said \"ship it and left.\n\nNext.").is_empty());
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
        let text = "Ünïcödé 日本語のテキスト。次の文！ 🚀 rocket… done\n> ‘x’ `y";
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
        assert_eq!(pattern_key("- x"), " - x ");
        let doc = tokenize("Clearly, I'd go with it.");
        assert!(doc.norm.contains(&pattern_key("^ clearly")));
        assert!(doc.norm.contains(&pattern_key("i'd go with")));
    }
}
