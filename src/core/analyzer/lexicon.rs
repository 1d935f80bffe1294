//! Phrase lists as data, compiled once into one Aho-Corasick automaton.
//!
//! A list item is a phrase written naturally ("I went with", "so that"), with
//! two small extensions expanded at compile time:
//! - `{a|b|}` alternatives (an empty alternative makes the part optional):
//!   `"{I|we} {chose|picked}"` is four phrases;
//! - a leading `!` marks an exception: a match of the exception that overlaps
//!   a match of the same list cancels it (`"!so that is"` inside a list
//!   holding `"so that"`, `"!didn't skip"` against `"skip the tests"`).
//!
//! `^` stands for the start of a sentence (`"^ clearly"`). Phrases match whole
//! tokens, case-insensitively, never across sentences or punctuation that the
//! phrase does not spell out.

use super::text::{pattern_key, Doc, Kind};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A hasher for addresses: one multiply, no per-process randomness needed.
#[derive(Default)]
pub struct AddrHasher(u64);

impl Hasher for AddrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .rotate_right(17);
    }
}

/// A named list of phrases. Always declare as a `static` (lists are
/// identified by address).
#[derive(Debug)]
pub struct Phrases {
    pub name: &'static str,
    pub items: &'static [&'static str],
}

/// A phrase match: tokens `first..last` within one sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub first: u32,
    pub last: u32,
    pub sentence: u32,
}

/// The compiled lists.
pub struct Lexicon {
    lists: Vec<&'static Phrases>,
    /// List address to index, so rules look lists up in O(1).
    ids: HashMap<usize, usize, BuildHasherDefault<AddrHasher>>,
    ac: Option<AhoCorasick>,
    /// Per automaton pattern: (list index, is exception).
    meta: Vec<(u16, bool)>,
}

/// Expands `{a|b|}` alternatives (possibly several groups) into `out`.
pub fn expand(pattern: &str, out: &mut Vec<String>) {
    let Some(open) = pattern.find('{') else {
        out.push(pattern.to_string());
        return;
    };
    let Some(close_rel) = pattern[open..].find('}') else {
        out.push(pattern.to_string());
        return;
    };
    let close = open + close_rel;
    let (head, inner, tail) = (
        &pattern[..open],
        &pattern[open + 1..close],
        &pattern[close + 1..],
    );
    for alt in inner.split('|') {
        expand(&format!("{head}{alt}{tail}"), out);
    }
}

impl Lexicon {
    /// Compiles the given lists (duplicates by address are merged).
    pub fn new(all: &[&'static Phrases]) -> Lexicon {
        let mut lists: Vec<&'static Phrases> = Vec::new();
        for &l in all {
            if !lists.iter().any(|k| std::ptr::eq(*k, l)) {
                lists.push(l);
            }
        }
        let mut patterns = Vec::new();
        let mut meta = Vec::new();
        let mut expanded = Vec::new();
        for (id, list) in lists.iter().enumerate() {
            for item in list.items {
                let (neg, body) = match item.strip_prefix('!') {
                    Some(rest) => (true, rest),
                    None => (false, *item),
                };
                expanded.clear();
                expand(body, &mut expanded);
                for phrase in &expanded {
                    let key = pattern_key(phrase);
                    if key.trim().is_empty() {
                        continue;
                    }
                    patterns.push(key);
                    meta.push((id as u16, neg));
                }
            }
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .ok();
        let ids = lists
            .iter()
            .enumerate()
            .map(|(i, l)| (*l as *const Phrases as usize, i))
            .collect();
        Lexicon {
            lists,
            ids,
            ac,
            meta,
        }
    }

    /// The index of `list`, if it was compiled in.
    pub fn id(&self, list: &Phrases) -> Option<usize> {
        self.ids.get(&(list as *const Phrases as usize)).copied()
    }

    /// Number of compiled lists.
    pub fn len(&self) -> usize {
        self.lists.len()
    }

    /// Whether no list was compiled.
    pub fn is_empty(&self) -> bool {
        self.lists.is_empty()
    }

    /// Finds every list's phrases in `doc`.
    pub fn find(&self, doc: &Doc) -> Hits {
        #[derive(Clone, Copy)]
        struct Raw {
            list: u16,
            neg: bool,
            first: u32,
            last: u32,
            sentence: u32,
        }
        let mut raw: Vec<Raw> = Vec::new();
        if let Some(ac) = &self.ac {
            for m in ac.find_overlapping_iter(doc.norm.as_str()) {
                let (list, neg) = self.meta[m.pattern().as_usize()];
                let mut first = doc.token_at_norm(m.start());
                let mut last = doc.token_end_at_norm(m.end());
                if first >= last {
                    continue;
                }
                if !neg {
                    // Trim punctuation at the edges (", clearly" highlights "clearly").
                    let (f0, l0) = (first, last);
                    while first < last && doc.tokens[first].kind == Kind::Punct {
                        first += 1;
                    }
                    while last > first && doc.tokens[last - 1].kind == Kind::Punct {
                        last -= 1;
                    }
                    if first == last {
                        (first, last) = (f0, l0);
                    }
                }
                raw.push(Raw {
                    list,
                    neg,
                    first: first as u32,
                    last: last as u32,
                    sentence: doc.tokens[first].sentence,
                });
            }
        }
        raw.sort_unstable_by(|a, b| {
            (a.list, a.neg, a.first, std::cmp::Reverse(a.last)).cmp(&(
                b.list,
                b.neg,
                b.first,
                std::cmp::Reverse(b.last),
            ))
        });
        let mut hits = Vec::with_capacity(raw.len());
        let mut ranges = vec![(0u32, 0u32); self.lists.len()];
        let mut i = 0;
        while i < raw.len() {
            let list = raw[i].list;
            let mut j = i;
            while j < raw.len() && raw[j].list == list && !raw[j].neg {
                j += 1;
            }
            let mut k = j;
            while k < raw.len() && raw[k].list == list {
                k += 1;
            }
            let (positives, negatives) = (&raw[i..j], &raw[j..k]);
            let start = hits.len() as u32;
            let mut max_last = 0u32;
            let mut any = false;
            for p in positives {
                if any && p.last <= max_last {
                    continue; // inside a longer match of the same list
                }
                if negatives
                    .iter()
                    .any(|n| n.first < p.last && p.first < n.last)
                {
                    continue;
                }
                any = true;
                max_last = max_last.max(p.last);
                hits.push(Hit {
                    first: p.first,
                    last: p.last,
                    sentence: p.sentence,
                });
            }
            ranges[list as usize] = (start, hits.len() as u32);
            i = k;
        }
        Hits { hits, ranges }
    }
}

/// All phrase hits of one document, grouped by list, each group sorted by position.
pub struct Hits {
    hits: Vec<Hit>,
    ranges: Vec<(u32, u32)>,
}

impl Hits {
    /// Hits of list `id`.
    pub fn of(&self, id: usize) -> &[Hit] {
        match self.ranges.get(id) {
            Some(&(a, b)) => &self.hits[a as usize..b as usize],
            None => &[],
        }
    }

    /// Hits of list `id` inside sentence `s`.
    pub fn in_sentence(&self, id: usize, s: usize) -> &[Hit] {
        let all = self.of(id);
        let s = s as u32;
        let a = all.partition_point(|h| h.sentence < s);
        let b = a + all[a..].partition_point(|h| h.sentence <= s);
        &all[a..b]
    }

    /// Whether list `id` has a hit in sentences `lo..=hi`.
    pub fn any_in(&self, id: usize, lo: usize, hi: usize) -> bool {
        let all = self.of(id);
        let a = all.partition_point(|h| (h.sentence as usize) < lo);
        all.get(a).is_some_and(|h| (h.sentence as usize) <= hi)
    }
}

static LEXICON: OnceLock<Lexicon> = OnceLock::new();

/// The lexicon of every rule and signal list, compiled on first use.
pub fn global() -> &'static Lexicon {
    LEXICON.get_or_init(|| Lexicon::new(&super::all_lists()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analyzer::text::tokenize;

    #[test]
    fn expands_alternatives() {
        let mut out = Vec::new();
        expand("{I|we} {chose|}x", &mut out);
        assert_eq!(out, ["I chosex", "I x", "we chosex", "we x"]);
    }

    static REASONS: Phrases = Phrases {
        name: "test-reasons",
        items: &[
            "because",
            "so that",
            "!so that {is|was}",
            "^ clearly",
            "a lot",
            "a lot faster",
        ],
    };

    fn found(text: &str) -> Vec<String> {
        let lex = Lexicon::new(&[&REASONS]);
        let doc = tokenize(text);
        let hits = lex.find(&doc);
        hits.of(0)
            .iter()
            .map(|h| doc.slice(h.first as usize, h.last as usize).to_string())
            .collect()
    }

    #[test]
    fn exceptions_cancel_matches() {
        assert_eq!(found("I did it so that users could retry."), ["so that"]);
        assert!(found("It is standard, so that is what I did.").is_empty());
    }

    #[test]
    fn sentence_start_and_longest() {
        assert_eq!(found("Clearly it works. It clearly works."), ["Clearly"]);
        assert_eq!(found("It was a lot faster."), ["a lot faster"]);
        assert_eq!(found("BECAUSE! Because."), ["BECAUSE", "Because"]);
    }

    #[test]
    fn no_match_across_punctuation_or_sentences() {
        assert!(found("I did it so, that was fine.").is_empty());
        assert!(found("Do it so. That is fine.").is_empty());
    }
}
