//! Phrase lists as data, compiled once into one byte trie.
//!
//! A list item is a phrase written naturally ("I went with", "so that"), with
//! two small extensions expanded at compile time:
//! - `{a|b|}` alternatives (an empty alternative makes the part optional):
//!   `"{I|we} {chose|picked}"` is four phrases;
//! - a leading `!` marks an exception: a match of the exception that overlaps
//!   a match of the same list cancels it (`"!so that is"` inside a list
//!   holding `"so that"`, `"!didn't skip"` against `"skip the tests"`);
//! - a word written `~improve` stands for its whole family ("improve",
//!   "improves", "improved", "improving", "improvement"; see `inflect`).
//!
//! `^` stands for the start of a sentence (`"^ clearly"`). Phrases match whole
//! tokens, case-insensitively, never across sentences or punctuation that the
//! phrase does not spell out.

use super::inflect::forms;
use super::text::{pattern_key, Doc, Kind};
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
    /// Eight bytes per multiply: the verb table hashes every word the clause
    /// layer asks about, and most words fit in one step.
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(29) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
        // The multiply mixes upwards only; the table indexes by the low bits.
        self.0 = self.0.rotate_right(29);
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
    trie: PhraseTrie,
    /// Per pattern: (list index, is exception).
    meta: Vec<(u16, bool)>,
}

/// Every pattern key in one byte trie, stored flat for fast walking.
///
/// Keys are ` a b ` token runs, so a match can only start at a space of the
/// normalised stream: walking the trie from each space finds every
/// occurrence of every key (overlaps included) in a few steps per token,
/// since almost no word starts a phrase. This is a tenth of the code an
/// Aho-Corasick automaton costs in the wasm, and about as fast here (see
/// `make bench`).
#[derive(Default)]
struct PhraseTrie {
    /// Node `n`'s children are `edge_bytes[edge_start[n]..edge_start[n + 1]]`
    /// (sorted), leading to the nodes at the same indices of `edge_nodes`.
    edge_start: Vec<u32>,
    edge_bytes: Vec<u8>,
    edge_nodes: Vec<u32>,
    /// Node `n`'s patterns (those ending there) are
    /// `end_patterns[end_start[n]..end_start[n + 1]]`.
    end_start: Vec<u32>,
    end_patterns: Vec<u32>,
    /// The node reached by each byte after a leading space (0: none): the
    /// first step of every walk, and the widest node, as one table lookup.
    after_space: Vec<u32>,
}

impl PhraseTrie {
    fn new(keys: &[String]) -> PhraseTrie {
        // Built as nested lists, then flattened; node 0 is the root.
        let mut children: Vec<Vec<(u8, u32)>> = vec![Vec::new()];
        let mut ends: Vec<Vec<u32>> = vec![Vec::new()];
        for (id, key) in keys.iter().enumerate() {
            let mut node = 0usize;
            for &b in key.as_bytes() {
                // Children kept sorted by byte as they are added.
                node = match children[node].binary_search_by_key(&b, |&(c, _)| c) {
                    Ok(at) => children[node][at].1 as usize,
                    Err(at) => {
                        let next = children.len();
                        children[node].insert(at, (b, next as u32));
                        children.push(Vec::new());
                        ends.push(Vec::new());
                        next
                    }
                };
            }
            ends[node].push(id as u32);
        }
        let mut trie = PhraseTrie::default();
        for (kids, patterns) in children.into_iter().zip(ends) {
            trie.edge_start.push(trie.edge_bytes.len() as u32);
            trie.edge_bytes.extend(kids.iter().map(|&(b, _)| b));
            trie.edge_nodes.extend(kids.iter().map(|&(_, n)| n));
            trie.end_start.push(trie.end_patterns.len() as u32);
            trie.end_patterns.extend(patterns);
        }
        trie.edge_start.push(trie.edge_bytes.len() as u32);
        trie.end_start.push(trie.end_patterns.len() as u32);
        trie.after_space = vec![0; 256];
        if let Some(space) = trie.child(0, b' ') {
            for b in 0..=255u8 {
                trie.after_space[usize::from(b)] = trie.child(space, b).map_or(0, |n| n as u32);
            }
        }
        trie
    }

    fn child(&self, node: usize, byte: u8) -> Option<usize> {
        let (lo, hi) = (
            self.edge_start[node] as usize,
            self.edge_start[node + 1] as usize,
        );
        let bytes = &self.edge_bytes[lo..hi];
        // Most nodes have one or two children; the few wide ones (the
        // letters after a space) are worth a binary search.
        let at = if bytes.len() <= 8 {
            bytes.iter().position(|&c| c == byte)
        } else {
            bytes.binary_search(&byte).ok()
        }?;
        Some(self.edge_nodes[lo + at] as usize)
    }

    /// Calls `found(pattern, start, end)` for every occurrence in `text`.
    fn find_all(&self, text: &str, mut found: impl FnMut(u32, usize, usize)) {
        let bytes = text.as_bytes();
        for start in space_positions(bytes) {
            let Some(&second) = bytes.get(start + 1) else {
                break;
            };
            let mut node = self.after_space[usize::from(second)] as usize;
            let mut at = start + 1;
            while node != 0 {
                let ends = self.end_start[node] as usize..self.end_start[node + 1] as usize;
                for &id in &self.end_patterns[ends] {
                    found(id, start, at + 1);
                }
                at += 1;
                node = match bytes.get(at) {
                    Some(&b) => self.child(node, b).unwrap_or(0),
                    None => 0,
                };
            }
        }
    }
}

/// Positions of the spaces in `bytes` (where keys can start).
fn space_positions(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter(|(_, &b)| b == b' ')
        .map(|(i, _)| i)
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

/// Expands every `~word` of `phrase` into the word's family, into `out`.
pub fn expand_families(phrase: &str, out: &mut Vec<String>) {
    let Some(at) = phrase.find('~') else {
        out.push(phrase.to_string());
        return;
    };
    let end = phrase[at..].find(' ').map_or(phrase.len(), |e| at + e);
    let (head, word, tail) = (&phrase[..at], &phrase[at + 1..end], &phrase[end..]);
    for form in forms(word) {
        expand_families(&format!("{head}{form}{tail}"), out);
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
                let mut alternatives = Vec::new();
                expand(body, &mut alternatives);
                for alt in &alternatives {
                    expand_families(alt, &mut expanded);
                }
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
        let trie = PhraseTrie::new(&patterns);
        let ids = lists
            .iter()
            .enumerate()
            .map(|(i, l)| (*l as *const Phrases as usize, i))
            .collect();
        Lexicon {
            lists,
            ids,
            trie,
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
        self.trie.find_all(&doc.norm, |pattern, start, end| {
            let (list, neg) = self.meta[pattern as usize];
            let mut first = doc.token_at_norm(start);
            let mut last = doc.token_end_at_norm(end);
            if first >= last {
                return;
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
        });
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
