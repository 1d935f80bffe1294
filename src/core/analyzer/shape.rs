//! The one reusable shape most rules share: **X without Y within scope S**.
//!
//! A [`Shape`] fires on each `trigger` match (X) — optionally only where a
//! `with` match sits in the same sentence — unless one of its `unless` terms
//! (Y) appears within that term's scope (this sentence, this and the next,
//! a window of sentences, the paragraph, or the whole answer). `min_count`
//! turns it into "N of X within the answer" (apologies).
//!
//! Terms are data: a phrase list, a phrase list followed by a word class or
//! another list ("I" + action verb), or a measure.

use super::lexicon::{Hits, Lexicon, Phrases};
use super::text::{Doc, Kind};
use super::words::{WordClass, MEASURE_WORDS, SKIP};
use crate::core::sorting;

/// What follows a phrase in [`Term::Then`].
#[derive(Clone, Copy, Debug)]
pub enum Next {
    /// The next word (after [`SKIP`] words) is of this class.
    Class(WordClass),
    /// A phrase of this list starts at the next word (after [`SKIP`] words).
    List(&'static Phrases),
    /// A phrase of this list starts within this many words, with no
    /// punctuation in between ("skipped *the integration* tests").
    Near(&'static Phrases, usize),
}

/// One thing a rule looks for.
#[derive(Clone, Copy, Debug)]
pub enum Term {
    /// Any phrase of the list.
    Any(&'static Phrases),
    /// A phrase of the first list followed by the `Next` test.
    Then(&'static Phrases, Next),
    /// A measure: a number (not a year), a spelled-out number or multiplier,
    /// a percentage, or "from … to …".
    Measure,
}

/// How far from the trigger's sentence an `unless` term may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The trigger's own sentence.
    Sentence,
    /// The trigger's sentence and the next one.
    NextSentence,
    /// `n` sentences either side (paragraphs do not matter).
    Around(usize),
    /// The trigger's paragraph.
    Paragraph,
    /// The whole answer.
    Answer,
}

/// An excuse: the term Y and where it may appear.
#[derive(Clone, Copy, Debug)]
pub struct Unless {
    pub term: Term,
    pub scope: Scope,
}

/// "X without Y within scope S".
#[derive(Debug)]
pub struct Shape {
    /// X: any of these fires.
    pub trigger: &'static [Term],
    /// If not empty, one of these must also be in the trigger's sentence.
    pub with: &'static [Term],
    /// Y: any of these within its scope cancels the finding.
    pub unless: &'static [Unless],
    /// Fire only when at least this many triggers survive in the answer.
    pub min_count: usize,
    /// One-line message; `{}` is replaced by the trigger's text.
    pub message: &'static str,
    /// A better shape to try.
    pub suggestion: &'static str,
}

/// A raw finding: byte span plus the texts for the user.
#[derive(Clone, Debug)]
pub struct Raw {
    pub start: usize,
    pub end: usize,
    pub message: String,
    pub suggestion: &'static str,
}

/// Everything a rule can look at for one document.
pub struct Ctx<'d, 't> {
    pub doc: &'d Doc<'t>,
    pub hits: &'d Hits,
    pub lex: &'d Lexicon,
}

impl Ctx<'_, '_> {
    fn list_hits(&self, list: &Phrases, s: usize) -> &[super::lexicon::Hit] {
        match self.lex.id(list) {
            Some(id) => self.hits.in_sentence(id, s),
            None => &[],
        }
    }

    /// Calls `f(first_token, last_token)` for each match of `term` in sentence `s`.
    pub fn each(&self, term: &Term, s: usize, f: &mut dyn FnMut(usize, usize)) {
        let sentence = &self.doc.sentences[s];
        match *term {
            Term::Any(list) => {
                for h in self.list_hits(list, s) {
                    f(h.first as usize, h.last as usize);
                }
            }
            Term::Then(list, Next::Near(then, gap)) => {
                for h in self.list_hits(list, s) {
                    let from = h.last as usize;
                    let mut end = None;
                    for k in self.list_hits(then, s) {
                        let k_first = k.first as usize;
                        if k_first >= from
                            && k_first <= from + gap
                            && self.doc.tokens[from..k_first]
                                .iter()
                                .all(|t| t.kind != Kind::Punct)
                        {
                            end = Some(k.last as usize);
                            break;
                        }
                    }
                    if let Some(end) = end {
                        f(h.first as usize, end);
                    }
                }
            }
            Term::Then(list, next) => {
                for h in self.list_hits(list, s) {
                    let mut j = h.last as usize;
                    let mut skipped = 0;
                    while j < sentence.last
                        && skipped < 3
                        && self.doc.tokens[j].kind == Kind::Word
                        && SKIP.contains(&self.doc.norm_of(j))
                    {
                        j += 1;
                        skipped += 1;
                    }
                    if j >= sentence.last {
                        continue;
                    }
                    match next {
                        Next::Class(class) => {
                            if self.doc.tokens[j].kind == Kind::Word
                                && class.matches(self.doc.norm_of(j))
                            {
                                f(h.first as usize, j + 1);
                            }
                        }
                        Next::List(then) => {
                            let mut end = None;
                            for k in self.list_hits(then, s) {
                                // Also accept a match that begins on a skipped word
                                // ("a strong owner" after "I'm").
                                if (h.last as usize..=j).contains(&(k.first as usize)) {
                                    end = Some(end.unwrap_or(0).max(k.last as usize));
                                }
                            }
                            if let Some(end) = end {
                                f(h.first as usize, end);
                            }
                        }
                        Next::Near(..) => {} // handled above
                    }
                }
            }
            Term::Measure => {
                for i in sentence.first..sentence.last {
                    let t = &self.doc.tokens[i];
                    if t.kind == Kind::Number && !is_year(self.doc.norm_of(i)) {
                        f(i, i + 1);
                    }
                }
                for h in self.list_hits(&MEASURE_WORDS, s) {
                    f(h.first as usize, h.last as usize);
                }
                // "from minutes to seconds"
                for i in sentence.first..sentence.last {
                    if self.doc.norm_of(i) == "from" {
                        let stop = (i + 9).min(sentence.last.saturating_sub(1));
                        if let Some(k) = (i + 2..stop).find(|&k| self.doc.norm_of(k) == "to") {
                            f(i, k + 2);
                        }
                    }
                }
            }
        }
    }

    /// Whether `term` matches anywhere in sentences `lo..=hi`.
    pub fn present(&self, term: &Term, lo: usize, hi: usize) -> bool {
        if let Term::Any(list) = term {
            return self
                .lex
                .id(list)
                .is_some_and(|id| self.hits.any_in(id, lo, hi));
        }
        let mut found = false;
        for s in lo..=hi.min(self.doc.sentences.len().saturating_sub(1)) {
            self.each(term, s, &mut |_, _| found = true);
            if found {
                return true;
            }
        }
        false
    }

    /// The sentence range `lo..=hi` a scope covers around sentence `s`.
    pub fn scope(&self, scope: Scope, s: usize) -> (usize, usize) {
        let n = self.doc.sentences.len();
        let last = n.saturating_sub(1);
        match scope {
            Scope::Sentence => (s, s),
            Scope::NextSentence => (s, (s + 1).min(last)),
            Scope::Around(k) => (s.saturating_sub(k), (s + k).min(last)),
            Scope::Paragraph => {
                let p = self.doc.sentences[s].paragraph;
                let mut lo = s;
                while lo > 0 && self.doc.sentences[lo - 1].paragraph == p {
                    lo -= 1;
                }
                let mut hi = s;
                while hi < last && self.doc.sentences[hi + 1].paragraph == p {
                    hi += 1;
                }
                (lo, hi)
            }
            Scope::Answer => (0, last),
        }
    }
}

/// "2019", "2024": a year, not a measure.
fn is_year(w: &str) -> bool {
    w.len() == 4
        && (w.starts_with("19") || w.starts_with("20"))
        && w.bytes().all(|b| b.is_ascii_digit())
}

impl Shape {
    /// Every terms list the shape uses (for compiling the lexicon).
    pub fn lists(&self, out: &mut Vec<&'static Phrases>) {
        let terms = self
            .trigger
            .iter()
            .chain(self.with)
            .chain(self.unless.iter().map(|u| &u.term));
        for t in terms {
            match *t {
                Term::Any(l) => out.push(l),
                Term::Then(l, Next::List(m) | Next::Near(m, _)) => {
                    out.push(l);
                    out.push(m);
                }
                Term::Then(l, Next::Class(_)) => out.push(l),
                Term::Measure => out.push(&MEASURE_WORDS),
            }
        }
    }

    /// Runs the shape over a document.
    pub fn check(&self, cx: &Ctx, out: &mut Vec<Raw>) {
        let doc = cx.doc;
        let mut spans: Vec<(usize, usize, usize, usize)> = Vec::new(); // span + trigger span
        let mut matches: Vec<(usize, usize)> = Vec::new();
        for s in 0..doc.sentences.len() {
            for trig in self.trigger {
                matches.clear();
                cx.each(trig, s, &mut |a, b| matches.push((a, b)));
                for &(a, b) in &matches {
                    let (mut first, mut last) = (a, b);
                    if !self.with.is_empty() {
                        let mut best: Option<(usize, usize)> = None;
                        for w in self.with {
                            cx.each(w, s, &mut |c, d| {
                                let dist = |x: (usize, usize)| {
                                    if x.0 >= b {
                                        x.0 - b
                                    } else {
                                        a.saturating_sub(x.1)
                                    }
                                };
                                if best.is_none_or(|bst| dist((c, d)) < dist(bst)) {
                                    best = Some((c, d));
                                }
                            });
                        }
                        let Some((c, d)) = best else { continue };
                        first = first.min(c);
                        last = last.max(d);
                    }
                    let excused = self.unless.iter().any(|u| {
                        let (lo, hi) = cx.scope(u.scope, s);
                        cx.present(&u.term, lo, hi)
                    });
                    if !excused {
                        spans.push((first, last, a, b));
                    }
                }
            }
        }
        if spans.len() < self.min_count.max(1) {
            return;
        }
        sorting::sort_by(&mut spans, Ord::cmp);
        let mut prev_end = 0usize;
        for (first, last, a, b) in spans {
            if first < prev_end {
                continue; // overlaps a finding of the same shape
            }
            prev_end = last;
            let trigger_text = doc.slice(a, b);
            let message = if self.message.contains("{}") {
                self.message.replacen("{}", &clip(trigger_text, 48), 1)
            } else {
                self.message.to_string()
            };
            out.push(Raw {
                start: doc.tokens[first].start,
                end: doc.tokens[last - 1].end,
                message,
                suggestion: self.suggestion,
            });
        }
    }
}

/// Shortens `s` to at most `max` chars, on a char boundary, with an ellipsis.
fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}
