//! Clauses: the unit every rule judges. A sentence is split where one
//! proposition ends and another begins (coordination with a new subject,
//! comma splices, subordinate clauses, restrictive relatives, semicolons,
//! dashes, reported speech), and each clause
//! gets what the rules need to know about it:
//! - its **actor**: I, we, the team, other people, or things;
//! - its **verb** (base form), **tense** and **mood**: a fact, a plan ("I'd
//!   add"), a possibility, an obligation ("we should"), a counterfactual
//!   ("should have been"), a condition ("if we cached it"), a question, an
//!   imperative ("Add a cache");
//! - whether it is **negated**, and whether it is a **mention** (quoted or
//!   reported words the speaker is analysing, not claiming).
//!
//! This is a shallow reading, not a parser: it looks at the words at the
//! start of each clause. It is right often enough for the rules, which only
//! need the actor and the mood of short clauses, and it costs one pass.

use super::text::{Doc, Kind};
use super::words::{
    base_or_stripped, is_aux, is_base_verb, is_contracted_verb, is_determiner, is_discourse,
    is_first_plural, is_first_singular, is_ing, is_modal, is_negation, is_past_form,
    is_people_noun, is_preposition, is_say_verb, is_tech_name, is_thing_pronoun, is_third_person,
    is_verb_group_filler, verb_base,
};

/// How a clause attaches to what comes before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    /// The first clause of a sentence.
    Main,
    /// "and we …", "; …", ", they …".
    Coord,
    /// "because …", "since …", "given …".
    Reason,
    /// "if …", "unless …", "once …", "when …" (not yet happened).
    Condition,
    /// "when we launched", "after I joined", "before anyone touched it".
    Time,
    /// "so that …", "in order to …".
    Purpose,
    /// ", so …".
    Result,
    /// "but …", "although …", "while …".
    Contrast,
    /// ", which …", ", who …".
    Relative,
    /// The complement of a verb of saying: "I said *we'd use Postgres*".
    Report,
}

/// Who does what the clause says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Actor {
    None,
    /// "I", "my colleague and I".
    I,
    /// "we", "us".
    We,
    /// "our team", "the team", "everyone": a collective that includes the speaker.
    Team,
    /// Other people: "they", "the product team", "management", "Priya".
    Others,
    /// Things: "it", "the cache", "the migration".
    Thing,
    /// "you" (the listener, or anyone).
    You,
}

/// What kind of statement the clause makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mood {
    /// Something that happened or is the case.
    Fact,
    /// "I'd add", "we will", "let's", "I'm going to".
    Plan,
    /// "could", "might", "may", "can".
    Possible,
    /// "should", "must", "need to", "have to".
    Obligation,
    /// "had to": a past necessity, not a choice.
    Necessity,
    /// "should have", "would have been", "if I had".
    Counterfactual,
    /// The condition of a conditional: "if we cached it".
    Conditional,
    /// "Add a cache in front of the API."
    Imperative,
    /// The sentence asks.
    Question,
}

impl Mood {
    /// Whether the clause reports what happened or is the case (not a plan,
    /// possibility, wish or question).
    pub fn is_fact(self) -> bool {
        self == Mood::Fact
    }

    /// A proposal: a plan, an imperative, or an obligation ("we should use …").
    pub fn is_proposal(self) -> bool {
        matches!(
            self,
            Mood::Plan | Mood::Imperative | Mood::Obligation | Mood::Possible
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    Past,
    /// "have shipped".
    Perfect,
    Present,
}

/// One clause of a sentence.
#[derive(Clone, Debug)]
pub struct Clause {
    /// Tokens `first..last`, the link word included.
    pub first: usize,
    pub last: usize,
    pub sentence: usize,
    pub link: Link,
    pub actor: Actor,
    /// The subject's tokens (empty when the subject is implied).
    pub subject: (usize, usize),
    /// The main verb's token, if found.
    pub verb: Option<usize>,
    /// The main verb's base form ("ship" for "shipped"), or "" when none.
    pub verb_base: String,
    pub mood: Mood,
    pub tense: Tense,
    pub negated: bool,
    /// A passive verb: "was executed by the team".
    pub passive: bool,
    /// The actor is the passive's agent ("by the team"), not its subject.
    pub by_agent: bool,
    /// Quoted or reported words: the speaker is mentioning them.
    pub mention: bool,
}

impl Clause {
    /// The clause's words, normalised.
    pub fn words<'a>(&self, doc: &'a Doc) -> impl Iterator<Item = &'a str> + 'a {
        let (first, last) = (self.first, self.last);
        (first..last)
            .filter(move |&i| doc.tokens[i].kind != Kind::Punct)
            .map(move |i| doc.norm_of(i))
    }

    /// Whether the clause has the word `w` (normalised).
    pub fn has(&self, doc: &Doc, w: &str) -> bool {
        (self.first..self.last).any(|i| doc.norm_of(i) == w)
    }
}

/// The clauses of a document, in order, with each sentence's range.
pub struct Clauses {
    pub list: Vec<Clause>,
    /// Per sentence: clause indices `start..end`.
    pub by_sentence: Vec<(usize, usize)>,
}

impl Clauses {
    /// The clauses of sentence `s`.
    pub fn of(&self, s: usize) -> &[Clause] {
        let (a, b) = self.by_sentence[s];
        &self.list[a..b]
    }

    /// The clause that ends before `c` starts, in `c`'s sentence: the one a
    /// reason, result or relative clause follows.
    pub fn before(&self, c: &Clause) -> Option<&Clause> {
        self.of(c.sentence).iter().rev().find(|k| k.last <= c.first)
    }

    /// The index of the clause holding token `t` in sentence `s`.
    pub fn at(&self, s: usize, t: usize) -> Option<usize> {
        let (a, b) = self.by_sentence[s];
        (a..b).find(|&c| self.list[c].first <= t && t < self.list[c].last)
    }
}

/// Subordinators and what they open. Multi-word ones are checked first.
fn subordinator(doc: &Doc, i: usize, end: usize) -> Option<(Link, usize)> {
    let w = doc.norm_of(i);
    let next = |k: usize| if i + k < end { doc.norm_of(i + k) } else { "" };
    let subject_follows = |k: usize| starts_subject(doc, i + k, end);
    Some(match w {
        "because" | "'cause" => (Link::Reason, 1),
        "cause" if subject_follows(1) => (Link::Reason, 1),
        "since" if since_is_reason(doc, i, end) => (Link::Reason, 1),
        "given"
            if matches!(next(1), "that" | "the" | "our" | "we" | "it" | "how")
                || starts_number(doc, i + 1, end) =>
        {
            (Link::Reason, 1)
        }
        "as" if next(1) == "soon" && next(2) == "as" => (Link::Condition, 3),
        "so" if next(1) == "that" && next(2) != "is" && next(2) != "was" => (Link::Purpose, 2),
        "in" if next(1) == "order" && next(2) == "to" => (Link::Purpose, 3),
        "in" if next(1) == "case" && !matches!(next(2), "of" | "study") => (Link::Condition, 2),
        "if" | "unless" | "whether" | "supposing" | "provided" => (Link::Condition, 1),
        "suppose" | "assuming" | "assume" | "imagine" if i == first_word(doc, i) => {
            (Link::Condition, 1)
        }
        "only" if matches!(next(1), "if" | "when" | "once" | "after" | "until" | "past") => {
            (Link::Condition, 2)
        }
        "once"
            if subject_follows(1)
                || bare_plural_subject(doc, i + 1, end)
                || i == first_word(doc, i) =>
        {
            (Link::Condition, 1)
        }
        "when" | "whenever" if i > 0 || subject_follows(1) => (Link::Condition, 1),
        "until" | "till" => (Link::Condition, 1),
        "after" | "before" if subject_follows(1) => (Link::Time, 1),
        "while" | "although" | "though" | "whereas" => (Link::Contrast, 1),
        "even" if matches!(next(1), "though" | "if") => (Link::Contrast, 2),
        "but" => (Link::Contrast, 1),
        "due" if next(1) == "to" => (Link::Reason, 2),
        "owing" if next(1) == "to" => (Link::Reason, 2),
        "thanks" if next(1) == "to" && i > 0 => (Link::Reason, 2),
        "which" | "who" if i > 0 && doc.norm_of(i - 1) == "," => (Link::Relative, 0),
        _ => return None,
    })
}

/// "since" as a reason ("since reads are 95% of traffic"), not a time
/// ("since then", "since March", "since the launch").
fn since_is_reason(doc: &Doc, i: usize, end: usize) -> bool {
    let next = |k: usize| if i + k < end { doc.norm_of(i + k) } else { "" };
    let time_noun = matches!(
        next(2),
        "start"
            | "beginning"
            | "launch"
            | "fix"
            | "incident"
            | "change"
            | "migration"
            | "rollout"
            | "release"
    );
    let time = matches!(next(1), "then" | "last" | "launch" | "day")
        || (next(1) == "the" && time_noun)
        || starts_number(doc, i + 1, end)
        || is_month(next(1));
    !time
}

fn is_month(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "then"
            | "launch"
            | "last"
    )
}

fn starts_number(doc: &Doc, i: usize, end: usize) -> bool {
    i < end && doc.tokens[i].kind == Kind::Number
}

/// The first word token of the sentence holding token `i`.
fn first_word(doc: &Doc, i: usize) -> usize {
    let s = &doc.sentences[doc.tokens[i].sentence as usize];
    (s.first..s.last)
        .find(|&k| doc.tokens[k].kind != Kind::Punct)
        .unwrap_or(s.first)
}

/// A bare plural noun and then a finite verb: "(once) reads pass",
/// "(once) restaurants need". "Once a day", "once more" stay adverbs.
fn bare_plural_subject(doc: &Doc, i: usize, end: usize) -> bool {
    if i + 1 >= end || doc.tokens[i].kind != Kind::Word || doc.tokens[i + 1].kind != Kind::Word {
        return false;
    }
    let (w, v) = (doc.norm_of(i), doc.norm_of(i + 1));
    w.len() > 3
        && w.ends_with('s')
        && !is_base_verb(w)
        && (is_base_verb(v) || is_modal(v) || is_aux(v))
        && !is_preposition(v)
}

/// Whether a subject (pronoun, collective, name or determiner + noun) starts
/// at token `i`, possibly after discourse words.
fn starts_subject(doc: &Doc, i: usize, end: usize) -> bool {
    let mut k = i;
    while k < end
        && doc.tokens[k].kind == Kind::Word
        && matches!(
            doc.norm_of(k),
            "then" | "also" | "finally" | "later" | "eventually"
        )
    {
        k += 1;
    }
    if k >= end || doc.tokens[k].kind == Kind::Punct {
        return false;
    }
    let w = doc.norm_of(k);
    // "the person before me did not …": an object pronoun after a
    // preposition starts no clause.
    if matches!(w, "me" | "us" | "him" | "them" | "myself" | "ourselves") {
        return false;
    }
    is_first_singular(w)
        || is_first_plural(w)
        || is_third_person(w)
        || matches!(
            w,
            "you"
                | "you'd"
                | "you'll"
                | "it"
                | "it's"
                | "everyone"
                | "everybody"
                | "anyone"
                | "nobody"
                | "someone"
                | "there"
                | "that"
                | "this"
                | "things"
                | "people"
        )
        || (matches!(
            w,
            "the"
                | "our"
                | "my"
                | "their"
                | "his"
                | "her"
                | "its"
                | "a"
                | "an"
                | "each"
                | "every"
                | "some"
                | "no"
                | "all"
                | "this"
                | "that"
                | "these"
                | "those"
        ) && k + 1 < end
            && doc.tokens[k + 1].kind != Kind::Punct)
        || is_name(doc, k)
        || (is_people_noun(w) && k + 1 < end && {
            let n = doc.norm_of(k + 1);
            is_aux(n)
                || is_modal(n)
                || is_past_form(n)
                || n.ends_with('s') && verb_base(n).is_some()
        })
}

/// A capitalised word that is not a known technology, inside a sentence
/// ("Priya", "Tomás"), or at its start when a past verb follows.
fn is_name(doc: &Doc, k: usize) -> bool {
    let t = &doc.tokens[k];
    if t.kind != Kind::Word {
        return false;
    }
    let raw = &doc.text[t.start..t.end];
    let Some(first) = raw.chars().next() else {
        return false;
    };
    if !first.is_uppercase() || raw.chars().skip(1).any(char::is_uppercase) {
        return false;
    }
    let w = doc.norm_of(k);
    // Common nouns capitalised at the start of a sentence: "Checkout failed".
    let sentence_start = doc.sentences[t.sentence as usize].first == k;
    let noun_shaped = [
        "ing", "tion", "ment", "ness", "ity", "ance", "ence", "age", "ship", "ery",
    ]
    .iter()
    .any(|suffix| w.ends_with(suffix));
    if sentence_start
        && (noun_shaped
            || matches!(
                w,
                "checkout"
                    | "search"
                    | "billing"
                    | "login"
                    | "payments"
                    | "signup"
                    | "sync"
                    | "traffic"
                    | "latency"
                    | "errors"
                    | "bookings"
                    | "orders"
                    | "revenue"
                    | "conversion"
                    | "deploys"
                    | "builds"
                    | "retries"
                    | "alerts"
                    | "users"
                    | "customers"
                    | "storage"
                    | "ingestion"
                    | "auth"
                    | "caching"
                    | "capacity"
            ))
    {
        return false;
    }
    if is_tech_name(w)
        || is_people_noun(w)
        || is_determiner(w)
        || is_discourse(w)
        || is_first_singular(w)
        || is_first_plural(w)
        || is_third_person(w)
        || is_thing_pronoun(w)
        || is_preposition(w)
        || verb_base(w).is_some()
        || w.len() < 2
    {
        return false;
    }
    // The next word must be a verb for a capitalised word to be an actor,
    // or a short prepositional phrase and then one ("Derek on the desk team
    // pushed …").
    let next = k + 1;
    let in_sentence = |x: usize| {
        x < doc.tokens.len()
            && doc.tokens[x].sentence == t.sentence
            && doc.tokens[x].kind == Kind::Word
    };
    if !in_sentence(next) {
        return false;
    }
    let n = doc.norm_of(next);
    let finite = |x: &str| is_past_form(x) || is_aux(x) || is_modal(x);
    if n.ends_with('s') && verb_base(n).is_some() {
        // "Config changes went live": at a sentence's start, a capitalised
        // word, a plural and a verb are a noun phrase and its verb.
        return !(sentence_start && in_sentence(next + 1) && finite(doc.norm_of(next + 1)));
    }
    finite(n)
        || n == "and"
        // (Not "of": "Most of what went wrong …" is a quantity.)
        || matches!(n, "on" | "from" | "in" | "at")
            && (next + 2..(next + 6).min(doc.tokens.len()))
                .take_while(|&x| in_sentence(x))
                .any(|x| {
                    let w = doc.norm_of(x);
                    finite(w) && !is_determiner(doc.norm_of(x - 1))
                })
}

/// Base verbs that are as often nouns at the start of a sentence ("Test
/// coverage was low", "Cache misses …"): not read as imperatives unless a
/// determiner follows.
fn is_noun_too(w: &str) -> bool {
    matches!(
        w,
        "test"
            | "store"
            | "cache"
            | "log"
            | "queue"
            | "index"
            | "shard"
            | "plan"
            | "scope"
            | "design"
            | "order"
            | "process"
            | "model"
            | "update"
            | "release"
            | "change"
            | "check"
            | "stage"
            | "time"
            | "page"
            | "alert"
            | "flag"
            | "batch"
            | "version"
            | "support"
            | "work"
            | "help"
            | "record"
            | "report"
            | "review"
            | "code"
            | "query"
            | "load"
            | "call"
            | "post"
            | "sample"
            | "score"
            | "target"
            | "step"
            | "end"
            | "start"
            | "result"
            | "estimate"
            | "trace"
            | "map"
            | "list"
            | "file"
            | "form"
            | "host"
            | "name"
            | "label"
            | "cost"
            | "cut"
            | "set"
            | "lead"
            | "control"
            | "limit"
            | "access"
            | "search"
            | "transfer"
            | "request"
            | "return"
            | "rank"
            | "pause"
            | "patch"
            | "block"
            | "book"
            | "copy"
            | "diff"
            | "drop"
            | "double"
            | "sort"
    )
}

/// Splits every sentence of `doc` into clauses and reads each one.
pub fn clauses(doc: &Doc) -> Clauses {
    let mut list = Vec::with_capacity(doc.sentences.len() * 2);
    let mut by_sentence = Vec::with_capacity(doc.sentences.len());
    let mut starts: Vec<(usize, Link, usize)> = Vec::new();
    // Where the complement of "I think" starts ("I think *it improved*").
    let mut opinion_complements: Vec<usize> = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let begin = list.len();
        let (first, last) = (sentence.first, sentence.last);
        starts.clear();
        opinion_complements.clear();
        starts.push((first, Link::Main, 0));
        let question = (first..last).any(|i| doc.norm_of(i) == "?");
        let mut opened_by_sub = false;
        let mut i = first;
        while i < last {
            let t = &doc.tokens[i];
            if t.kind == Kind::Punct {
                let p = doc.norm_of(i);
                let spaced_dash = p == "-"
                    && i > first
                    && doc.tokens[i - 1].end < t.start
                    && i + 1 < last
                    && doc.tokens[i + 1].start > t.end;
                if matches!(p, ";" | ":" | "(" | ")" | "[" | "]")
                    || spaced_dash
                    || p == "—"
                    || p == "–"
                {
                    starts.push((i + 1, Link::Coord, 0));
                } else if p == "," && i + 1 < last {
                    let n = doc.norm_of(i + 1);
                    if opened_by_sub && starts.len() == 1 {
                        opened_by_sub = false;
                        starts.push((i + 1, Link::Main, 0));
                        i += 1;
                        continue;
                    }
                    if n == "so" && i + 2 < last && doc.tokens[i + 2].kind != Kind::Punct {
                        starts.push((i + 1, Link::Result, 1));
                        i += 2;
                        continue;
                    }
                    if matches!(n, "and" | "or" | "but" | "then" | "yet" | "plus") {
                        let link = if n == "but" || n == "yet" {
                            Link::Contrast
                        } else {
                            Link::Coord
                        };
                        starts.push((i + 1, link, 1));
                        i += 2;
                        continue;
                    }
                    // Skip fillers after the comma: ", like, the deadline was insane".
                    let mut n = i + 1;
                    while n < last
                        && matches!(
                            doc.norm_of(n),
                            "like"
                                | "um"
                                | "uh"
                                | "you"
                                | "know"
                                | "i"
                                | "mean"
                                | ","
                                | "honestly"
                                | "basically"
                                | "so"
                        )
                        && !(doc.norm_of(n) == "i" && n + 1 < last && doc.norm_of(n + 1) != "mean")
                    {
                        n += 1;
                    }
                    let n = if n > i + 1 && n < last { n } else { i + 1 };
                    if starts_pronoun_subject(doc, n, last)
                        || starts_thing_subject(doc, n, last)
                        || (n > i + 1 && starts_subject(doc, n, last))
                        || (verb_since_comma(doc, starts.last().map_or(first, |x| x.0), i)
                            && noun_phrase_clause(doc, n, last))
                        // "not really a failure on my side, the interviewer
                        // never said …": people with their verb start a
                        // clause even after a verbless phrase.
                        || (noun_phrase_clause(doc, n, last)
                            && read_subject(doc, n, last).0 == Actor::Others)
                        // "Testing, I mean, who's going to test it?": after a
                        // filler a question word opens a new clause.
                        || (n > i + 1
                            && matches!(doc.norm_of(n), "who" | "who's" | "why" | "what's"))
                    {
                        starts.push((n, Link::Coord, 0));
                    } else if matches!(doc.norm_of(i + 1), "how" | "why" | "what")
                        && starts_subject(doc, i + 2, last)
                    {
                        starts.push((i + 2, Link::Report, 0));
                    }
                }
                i += 1;
                continue;
            }
            if let Some((link, len)) = subordinator(doc, i, last) {
                let len = len.max(1);
                let at_start = (first..i)
                    .all(|k| doc.tokens[k].kind == Kind::Punct || is_discourse(doc.norm_of(k)));
                if at_start && link != Link::Contrast {
                    // "If we cached it, reads would drop": the subordinate clause
                    // opens the sentence, and its first comma ends it.
                    starts[0] = (first, link, len + (i - first));
                    opened_by_sub = true;
                } else if i > first || link != Link::Contrast {
                    let link_len = if link == Link::Relative { 0 } else { len };
                    starts.push((i, link, link_len));
                }
                i += len;
                continue;
            }
            let w = doc.norm_of(i);
            // "If anything looks off we can just turn the flag off": with no
            // comma, the main clause starts at the next subject after a verb.
            let open_sub = starts
                .last()
                .filter(|x| matches!(x.1, Link::Condition | Link::Time | Link::Reason))
                .map(|x| x.0);
            if let Some(sub_at) = open_sub.filter(|&a| {
                i > a + 2
                    && (starts_pronoun_subject(doc, i, last)
                        || matches!(doc.norm_of(i), "it's" | "that's" | "there's"))
                    && !(a..i).any(|k| doc.norm_of(k) == ",")
            }) {
                let had_verb = (sub_at + 1..i).any(|k| {
                    let x = doc.norm_of(k);
                    is_past_form(x)
                        || is_aux(x)
                        || is_modal(x)
                        // "once it's stable we'd move …"
                        || is_contracted_verb(x)
                        || verb_base(x).is_some_and(|_| x.ends_with('s') || is_base_verb(x))
                });
                if had_verb {
                    opened_by_sub = false;
                    let link = if starts.len() == 1 {
                        Link::Main
                    } else {
                        Link::Coord
                    };
                    starts.push((i, link, 0));
                    i += 1;
                    continue;
                }
            }
            let clause_start = starts.last().map_or(first, |x| x.0);
            // Only asked at a conjunction, so computed on demand.
            let verb_since = || {
                (clause_start..i).any(|k| {
                    let x = doc.norm_of(k);
                    is_past_form(x)
                        || is_aux(x)
                        || is_modal(x)
                        || is_contracted_verb(x)
                        || (k > clause_start && verb_base(x).is_some() && !is_name(doc, k))
                })
            };
            if matches!(w, "and" | "or" | "then" | "so")
                && i > first
                && verb_since()
                && starts_subject(doc, i + 1, last)
                && doc.norm_of(i - 1) != ","
            {
                let subject_is_pronoun = starts_pronoun_subject(doc, i + 1, last);
                if subject_is_pronoun || !matches!(w, "and" | "or") || is_name(doc, i + 1) {
                    let link = if w == "so" { Link::Result } else { Link::Coord };
                    starts.push((i, link, 1));
                    i += 1;
                    continue;
                }
            }
            // "We found that the backend team had changed …": a complement
            // clause with its own subject and verb.
            if w == "that" && i > first && i + 2 < last && starts_subject(doc, i + 1, last) {
                let has_verb = (i + 2..(i + 8).min(last)).any(|k| {
                    let x = doc.norm_of(k);
                    is_aux(x) || is_modal(x) || (is_past_form(x) && verb_base(x) != Some(x))
                });
                let prev = doc.norm_of(i - 1);
                if has_verb
                    && (verb_base(prev).is_some()
                        || is_aux(prev)
                        || matches!(prev, "," | "was" | "is"))
                {
                    starts.push((i, Link::Coord, 1));
                    i += 1;
                    continue;
                }
            }
            // "the contractor who wrote the parser left no tests", "a build
            // that broke the scanners": a restrictive relative is its own
            // clause (its actor is the noun before it), and when it sits
            // inside the subject the main verb after it resumes the clause.
            if let Some(resume) = restrictive_relative(doc, i, clause_start, last) {
                let inside_subject = !verb_since();
                starts.push((i, Link::Relative, 0));
                if let Some(m) = resume.filter(|_| inside_subject) {
                    starts.push((m, Link::Coord, 0));
                    i = m;
                } else {
                    i += 1;
                }
                continue;
            }
            // "I think it improved …": the complement is its own clause.
            if matches!(
                w,
                "think"
                    | "thought"
                    | "believe"
                    | "believed"
                    | "guess"
                    | "feel"
                    | "felt"
                    | "suppose"
                    | "reckon"
                    | "hope"
                    | "bet"
            ) && i + 1 < last
                && i > first
                && (i.saturating_sub(3)..i).any(|p| matches!(doc.norm_of(p), "i" | "we"))
            {
                let that_is_subject = doc.norm_of(i + 1) == "that" && i + 2 < last && {
                    let x = doc.norm_of(i + 2);
                    is_aux(x) || is_modal(x) || is_past_form(x)
                };
                let k = if doc.norm_of(i + 1) == "that" && !that_is_subject {
                    i + 2
                } else {
                    i + 1
                };
                if k < last && starts_subject(doc, k, last) {
                    starts.push((k, Link::Coord, 0));
                    opinion_complements.push(k);
                    i = k;
                    continue;
                }
            }
            // "I'd put it in Postgres and add a cache": a second verb of a plan.
            if matches!(w, "and" | "then")
                && i + 1 < last
                // (At the very start of the text there is no token before.)
                && i.checked_sub(1).is_none_or(|p| doc.norm_of(p) != ",")
                && is_base_verb(doc.norm_of(i + 1))
                && !is_noun_too(doc.norm_of(i + 1))
                && (clause_start..i).any(|k| {
                    is_modal(doc.norm_of(k))
                        || matches!(doc.norm_of(k), "i'd" | "we'd" | "i'll" | "we'll" | "let's")
                })
            {
                starts.push((i, Link::Coord, 1));
                i += 1;
                continue;
            }
            // "…, and the complaints mostly went away": a new subject and verb.
            if w == "and"
                && verb_since()
                && i + 2 < last
                && doc.norm_of(i - 1) != ","
                && starts_thing_subject(doc, i + 1, last)
            {
                starts.push((i, Link::Coord, 1));
                i += 1;
                continue;
            }
            if w == "and"
                && verb_since()
                && i + 2 < last
                && doc.norm_of(i - 1) != ","
                && matches!(
                    doc.norm_of(i + 1),
                    "the" | "our" | "my" | "their" | "its" | "his" | "her"
                )
                && (i + 2..(i + 7).min(last)).any(|k| {
                    let x = doc.norm_of(k);
                    is_past_form(x) && !matches!(doc.norm_of(k - 1), "the" | "our" | "my" | "their")
                        || matches!(x, "was" | "were" | "is" | "are" | "has" | "have" | "had")
                })
            {
                starts.push((i, Link::Coord, 1));
                i += 1;
                continue;
            }
            // Reported speech: "I said we'd use Postgres", "she told me that …".
            // Not a noun after a determiner: "the answer here is …".
            let noun_use = i > first && is_determiner(doc.norm_of(i - 1));
            if let Some(base) = verb_base(w).filter(|_| !noun_use) {
                if is_say_verb(base) && i + 1 < last {
                    let mut k = i + 1;
                    if matches!(base, "tell" | "ask")
                        && k < last
                        && matches!(
                            doc.norm_of(k),
                            "me" | "us" | "him" | "her" | "them" | "everyone" | "you"
                        )
                    {
                        k += 1;
                    }
                    let n = if k < last { doc.norm_of(k) } else { "" };
                    if n == "that" && k + 1 < last && starts_pronoun_subject(doc, k + 1, last) {
                        starts.push((k, Link::Report, 1));
                        i = k + 1;
                        continue;
                    }
                    let np_clause = starts_subject(doc, k, last)
                        && (k + 1..(k + 8).min(last)).any(|x| {
                            let y = doc.norm_of(x);
                            is_aux(y) || is_modal(y)
                        });
                    if k < last
                        && (starts_pronoun_subject(doc, k, last)
                            || starts_thing_subject(doc, k, last)
                            || np_clause)
                        && base != "write"
                        && base != "put"
                        && base != "call"
                    {
                        starts.push((k, Link::Report, 0));
                        i = k;
                        continue;
                    }
                }
            }
            i += 1;
        }
        starts.sort_by_key(|&(at, _, _)| at);
        // Two starts at one token ("; if anything breaks"): the link word's
        // reading wins over the plain coordination of the punctuation.
        starts.dedup_by(|later, kept| {
            if later.0 != kept.0 {
                return false;
            }
            if kept.1 == Link::Coord && later.1 != Link::Coord {
                *kept = *later;
            }
            true
        });
        // "When it breaks it's someone else's deploy, and what are we
        // supposed to do about that?": the question is the clause that asks,
        // not the statements before it.
        let asked_from = if question {
            starts
                .iter()
                .enumerate()
                .skip(1)
                .rev()
                .find(|(_, &(at, _, _))| opens_question(doc, at, last))
                .map(|(k, _)| k)
                // With no clause that asks, a run-on sentence ending in "?"
                // ("…, I basically carried it, …, and design did some
                // mockups I think?") asks only in its last coordinated
                // clause: the statements spliced before it stay statements.
                .or_else(|| {
                    (!opens_question(doc, first, last) && !asks_from_start(doc, first, last))
                        .then(|| {
                            starts
                                .iter()
                                .rposition(|&(_, l, _)| matches!(l, Link::Coord | Link::Contrast))
                        })
                        .flatten()
                })
                .unwrap_or(0)
        } else {
            0
        };
        for k in 0..starts.len() {
            let (at, link, link_len) = starts[k];
            let end = starts.get(k + 1).map_or(last, |x| x.0);
            if at >= end {
                continue;
            }
            let prev_actor = list[begin..]
                .iter()
                .rev()
                .find(|c: &&Clause| {
                    matches!(c.link, Link::Main | Link::Coord | Link::Contrast)
                        && c.actor != Actor::None
                })
                .or_else(|| list[begin..].last())
                .map(|c: &Clause| (c.actor, c.subject, c.mood));
            let mut clause = read_clause(
                doc,
                s,
                at,
                end,
                link,
                link_len,
                prev_actor,
                question && k >= asked_from,
            );
            // "I didn't think it needed testing" means "I thought it didn't
            // need testing": the opinion's negation belongs to what it
            // says.
            let negated_opinion = list[begin..].last().is_some_and(|p| {
                p.negated
                    && matches!(
                        p.verb_base.as_str(),
                        "think" | "believe" | "expect" | "suppose" | "reckon" | "feel"
                    )
            });
            if negated_opinion && opinion_complements.contains(&at) {
                clause.negated = !clause.negated;
            }
            list.push(clause);
        }
        by_sentence.push((begin, list.len()));
    }
    let mut out = Clauses { list, by_sentence };
    present_in_plans(doc, &mut out);
    mark_mentions(doc, &mut out);
    out
}

/// "it was", "people were", "this is", "conversion went": a subject that is
/// not a person's pronoun, followed at once by a verb.
fn starts_thing_subject(doc: &Doc, i: usize, end: usize) -> bool {
    if i + 1 >= end || doc.tokens[i].kind != Kind::Word || doc.tokens[i + 1].kind != Kind::Word {
        return false;
    }
    let w = doc.norm_of(i);
    // "nobody ever wrote tests": an adverb may sit between subject and verb.
    let mut v = i + 1;
    if matches!(
        doc.norm_of(v),
        "ever" | "never" | "really" | "actually" | "also" | "just" | "always" | "even"
    ) && v + 1 < end
        && doc.tokens[v + 1].kind == Kind::Word
    {
        v += 1;
    }
    let n = doc.norm_of(v);
    let verbish = is_aux(n) || is_modal(n) || (is_past_form(n) && verb_base(w).is_none());
    let subjectish = matches!(
        w,
        "it" | "this"
            | "that"
            | "there"
            | "people"
            | "everyone"
            | "everybody"
            | "nobody"
            | "things"
            | "everything"
    ) || (!is_determiner(w)
        && !is_preposition(w)
        && !is_discourse(w)
        && verb_base(w).is_none()
        && !is_aux(w)
        && !is_modal(w));
    subjectish && verbish || matches!(w, "it's" | "that's" | "there's")
}

/// The end of a contact (zero) relative clause that follows a noun subject,
/// where the main verb group starts: "the alerting we inherited from the
/// previous team | didn't cover row counts", "the thing I learned | was …".
/// `None` when the subject is a pronoun or no second verb group follows.
fn contact_relative_end(
    doc: &Doc,
    subject: (usize, usize),
    j: usize,
    last: usize,
) -> Option<usize> {
    let pronoun = |k: usize| matches!(doc.norm_of(k), "we" | "i" | "they" | "he" | "she" | "you");
    // The noun phrase reader may already have taken the pronoun in.
    let j = if subject.1 > subject.0 && pronoun(subject.1 - 1) {
        subject.1 - 1
    } else {
        j
    };
    let noun_subject = j >= subject.0 + 2
        && doc.tokens[subject.0].kind == Kind::Word
        && is_determiner(doc.norm_of(subject.0));
    if !noun_subject || j + 2 >= last || !pronoun(j) {
        return None;
    }
    // The relative's own verb group: "were given", "inherited", "had built".
    let mut k = j + 1;
    let mut verb_seen = false;
    while k < last && k <= j + 3 {
        let w = doc.norm_of(k);
        if doc.tokens[k].kind != Kind::Word {
            return None;
        }
        if is_aux(w) && !verb_seen {
            k += 1;
            continue;
        }
        if is_past_form(w) || verb_base(w).is_some() {
            verb_seen = true;
            k += 1;
            break;
        }
        return None;
    }
    if !verb_seen {
        return None;
    }
    // An optional short phrase ("from the previous team", "last year"),
    // then the main verb group: an auxiliary, a negation or a past form.
    let end = (k + 6).min(last);
    (k..end)
        .take_while(|&n| doc.tokens[n].kind == Kind::Word)
        .find(|&n| {
            let w = doc.norm_of(n);
            (is_aux(w) || is_negation(w) || is_modal(w)) && !matches!(w, "to" | "be" | "been")
        })
}

/// Whether tokens `from..to` hold a verb (the clause before a comma has one).
fn verb_since_comma(doc: &Doc, from: usize, to: usize) -> bool {
    (from..to).any(|k| {
        let x = doc.norm_of(k);
        is_past_form(x) || is_aux(x) || is_modal(x) || is_contracted_verb(x)
    })
}

/// ", the other team never tests their changes": after a comma, a noun
/// phrase with a determiner and then a verb group starts a clause of its
/// own (a comma splice), unlike a list of noun phrases ("the API, the
/// worker and the UI").
fn noun_phrase_clause(doc: &Doc, i: usize, last: usize) -> bool {
    if i >= last
        || !matches!(
            doc.norm_of(i),
            "the" | "our" | "their" | "my" | "his" | "her" | "every" | "each" | "no" | "its"
        )
    {
        return false;
    }
    let (_, subject, mut j) = read_subject(doc, i, last);
    if subject.1 < subject.0 + 2 {
        return false;
    }
    while j < last
        && matches!(
            doc.norm_of(j),
            "never"
                | "always"
                | "just"
                | "also"
                | "really"
                | "still"
                | "then"
                | "barely"
                | "rarely"
        )
    {
        j += 1;
    }
    if j >= last || doc.tokens[j].kind != Kind::Word {
        return false;
    }
    let v = doc.norm_of(j);
    is_aux(v) && !matches!(v, "to" | "be" | "been" | "being")
        || is_modal(v)
        || is_negation(v) && is_aux(v)
        || is_past_form(v) && verb_base(v).is_some()
        || v.ends_with('s') && !v.ends_with("ss") && verb_base(v).is_some() && !is_people_noun(v)
}

/// A restrictive relative clause opening at token `i` ("who", "that",
/// "which" right after a noun, then the relative's own verb group): "the
/// night manager who didn't escalate", "a build that broke the scanners".
/// Returns where the main verb group resumes after it when one follows
/// ("the contractor who wrote the parser | left no tests"), `Some(None)` when
/// the relative runs to the end, `None` when `i` opens no such clause.
fn restrictive_relative(
    doc: &Doc,
    i: usize,
    clause_start: usize,
    last: usize,
) -> Option<Option<usize>> {
    let w = doc.norm_of(i);
    if !matches!(w, "who" | "that" | "which") || i <= clause_start || i + 2 > last {
        return None;
    }
    let word = |k: usize| doc.tokens[k].kind == Kind::Word;
    let p = i - 1;
    if !word(p) {
        return None;
    }
    let prev = doc.norm_of(p);
    let after_determiner = p > clause_start && is_determiner(doc.norm_of(p - 1));
    let nounish = !is_aux(prev)
        && !is_modal(prev)
        && !is_preposition(prev)
        && !is_determiner(prev)
        && !is_discourse(prev)
        && !is_negation(prev)
        && !is_first_singular(prev)
        && !is_first_plural(prev)
        && !is_third_person(prev)
        && !matches!(
            prev,
            "and" | "or" | "but" | "so" | "now" | "such" | "than" | "it" | "this" | "all" | "you"
        )
        && subordinator(doc, p, last).is_none()
        && !matches!(
            prev,
            "if" | "when" | "once" | "whether" | "like" | "whatever"
        )
        && (is_people_noun(prev)
            || is_name(doc, p)
            || after_determiner
            || is_noun_too(prev)
            || verb_base(prev).is_none() && !is_past_form(prev));
    if !nounish {
        return None;
    }
    // The relative's own verb group, after an adverb or two.
    let mut k = i + 1;
    while k < last
        && word(k)
        && matches!(
            doc.norm_of(k),
            "never"
                | "always"
                | "just"
                | "also"
                | "actually"
                | "really"
                | "already"
                | "still"
                | "then"
                | "simply"
                | "apparently"
                | "supposedly"
                | "conveniently"
                | "basically"
        )
    {
        k += 1;
    }
    if k >= last || !word(k) {
        return None;
    }
    let v = doc.norm_of(k);
    let verb_group = is_negation(v)
        || is_aux(v) && v != "to"
        || is_modal(v)
        || is_contracted_verb(v)
        || is_past_form(v) && verb_base(v).is_some()
        || (v.ends_with('s') && !v.ends_with("ss") && verb_base(v).is_some() && !is_people_noun(v));
    if !verb_group {
        return None;
    }
    // The main verb group after the relative's object: an auxiliary, a
    // negation, a modal, or a past form after a noun ("the parser *left*").
    let subject_only = (clause_start..p).all(|x| {
        let y = doc.norm_of(x);
        !word(x)
            || !(is_aux(y) || is_modal(y) || is_contracted_verb(y))
                && (!is_past_form(y) || x > clause_start && is_determiner(doc.norm_of(x - 1)))
    });
    if !subject_only {
        return Some(None);
    }
    let mut m = k + 1;
    while m < last && m <= k + 9 {
        if !word(m) {
            return Some(None);
        }
        let y = doc.norm_of(m);
        if matches!(
            y,
            "who" | "that" | "which" | "and" | "or" | "but" | "because" | "when" | "if"
        ) {
            return Some(None);
        }
        let before = doc.norm_of(m - 1);
        let after_noun = !is_determiner(before)
            && !is_preposition(before)
            && !is_aux(before)
            && !matches!(
                before,
                "us" | "them" | "me" | "him" | "her" | "it" | "to" | "be" | "been"
            );
        let main = (is_aux(y) || is_modal(y) || is_negation(y) && is_aux(y))
            && !matches!(y, "to" | "be" | "been" | "being")
            || is_past_form(y) && verb_base(y).is_some() && after_noun && m > k + 1;
        if main {
            return Some(Some(m));
        }
        m += 1;
    }
    Some(None)
}

/// Whether the noun right before a relative clause starting at `first` is
/// another party: a name, a person ("the contractor"), or a team that is not
/// the speaker's ("the infra team", not "my team").
fn people_antecedent(doc: &Doc, first: usize) -> bool {
    let Some(a) = (0..first)
        .rev()
        .find(|&k| doc.tokens[k].kind != Kind::Punct)
    else {
        return false;
    };
    let w = doc.norm_of(a);
    if matches!(w, "team" | "group" | "department" | "squad") {
        return a > 0
            && !matches!(
                doc.norm_of(a - 1),
                "my" | "our" | "the" | "a" | "whole" | "entire"
            );
    }
    is_name(doc, a) || is_people_noun(w) && !matches!(w, "teams" | "everyone" | "everybody")
}

/// Where the subject starts after a leading time adverbial ("last quarter",
/// "two weeks later,", "yesterday", "every sprint"), when a subject pronoun
/// or a name follows it; `None` when the clause does not open with one.
fn after_time_adverbial(doc: &Doc, i: usize, last: usize) -> Option<usize> {
    let is_time_noun = |w: &str| {
        matches!(
            w,
            "day"
                | "days"
                | "week"
                | "weeks"
                | "month"
                | "months"
                | "quarter"
                | "quarters"
                | "year"
                | "years"
                | "sprint"
                | "sprints"
                | "night"
                | "morning"
                | "afternoon"
                | "evening"
                | "weekend"
                | "time"
                | "release"
                | "cycle"
                | "minutes"
                | "hours"
        )
    };
    let mut k = i;
    if k < last
        && matches!(
            doc.norm_of(k),
            "yesterday" | "today" | "eventually" | "later"
        )
    {
        k += 1;
    } else {
        // A quantifier or a number, then a time noun, then "later" / "ago".
        if k < last
            && (matches!(
                doc.norm_of(k),
                "last"
                    | "next"
                    | "this"
                    | "that"
                    | "every"
                    | "each"
                    | "a"
                    | "one"
                    | "two"
                    | "three"
                    | "few"
                    | "several"
                    | "same"
            ) || doc.tokens[k].kind == Kind::Number)
        {
            k += 1;
        }
        if k < last && doc.norm_of(k) == "few" {
            k += 1;
        }
        if k >= last || k == i || !is_time_noun(doc.norm_of(k)) {
            return None;
        }
        k += 1;
        if k < last && matches!(doc.norm_of(k), "later" | "ago" | "earlier" | "after") {
            k += 1;
        }
    }
    if k < last && doc.norm_of(k) == "," {
        k += 1;
    }
    (starts_pronoun_subject(doc, k, last) || is_name(doc, k)).then_some(k)
}

/// Whether a subject pronoun (or a collective like "the team") starts at `i`.
/// A fronted object or adverbial noun phrase before a pronoun subject:
/// "*Testing* I will not do now", "*The provider integration itself* I don't
/// test", "*Every morning* I check the dashboard". The words before the
/// pronoun are a verbless noun phrase (no auxiliary, modal, negation or past
/// form) and a verb group follows the pronoun. Returns the pronoun's index.
/// Runs after the contact-relative reading, which claims "the script we
/// were given didn't …" (a second finite verb follows).
fn fronted_object_subject(doc: &Doc, subject: (usize, usize), last: usize) -> Option<usize> {
    let start = subject.0;
    if start >= last
        || doc.tokens[start].kind != Kind::Word
        || starts_pronoun_subject(doc, start, last)
    {
        return None;
    }
    let p = (start + 1..(start + 12).min(last))
        .take_while(|&k| {
            let w = doc.norm_of(k);
            doc.tokens[k].kind == Kind::Word
                && (starts_pronoun_subject(doc, k, last)
                    || !(is_aux(w) || is_modal(w) || is_negation(w) || is_past_form(w)))
        })
        .find(|&k| {
            starts_pronoun_subject(doc, k, last)
                && !matches!(doc.norm_of(k), "everyone" | "everybody")
        })?;
    // Not "Here's how I'd label it", "the thing is we …": a wh-word or a
    // copula before the pronoun opens a clause of its own.
    let opens_clause = (start..p).any(|k| {
        let w = doc.norm_of(k);
        matches!(
            w,
            "that" | "which" | "who" | "what" | "how" | "why" | "when" | "where" | "if" | "so"
        ) || w.ends_with("'s")
            || w.ends_with("'re")
            || w == "is"
    });
    let lead = doc.norm_of(start);
    if opens_clause
        || is_preposition(lead)
        || is_determiner(doc.norm_of(p - 1)) && doc.norm_of(p - 1) != "itself"
    {
        return None;
    }
    // A verb group right after the pronoun (or carried by its contraction).
    let pw = doc.norm_of(p);
    let contracted = pw.contains('\'');
    let next = (p + 1 < last).then(|| doc.norm_of(p + 1))?;
    let verb_group = contracted
        || is_aux(next)
        || is_modal(next)
        || is_negation(next)
        || is_past_form(next)
        || verb_base(next).is_some();
    if !verb_group {
        return None;
    }
    // "The incident I'd pick is the outage": a finite verb after the
    // pronoun's own verb makes the pronoun's clause a relative.
    let mut k = p + 1;
    while k < last
        && (is_aux(doc.norm_of(k)) || is_modal(doc.norm_of(k)) || is_negation(doc.norm_of(k)))
    {
        k += 1;
    }
    let relative = (k + 1..(k + 6).min(last))
        .take_while(|&n| doc.tokens[n].kind == Kind::Word)
        .any(|n| {
            matches!(
                doc.norm_of(n),
                "is" | "was" | "are" | "were" | "has" | "had" | "will"
            )
        });
    (!relative).then_some(p)
}

/// Where a noun subject followed by prepositional phrases ends: at the
/// first auxiliary or modal within a dozen words, when no verb, clause word
/// or punctuation comes first ("the ticket from the vendor about the
/// outage was lost"). None when the word after the subject is no
/// preposition, or no auxiliary follows.
fn postmodified_subject_end(
    doc: &Doc,
    actor: Actor,
    subject: (usize, usize),
    j: usize,
    last: usize,
) -> Option<usize> {
    if !matches!(actor, Actor::Thing | Actor::Others)
        || subject.1 <= subject.0
        || j != subject.1
        || j >= last
        || !(is_determiner(doc.norm_of(subject.0)) || is_name(doc, subject.0))
    {
        return None;
    }
    let p = doc.norm_of(j);
    if !is_preposition(p)
        || matches!(
            p,
            "to" | "as" | "than" | "like" | "up" | "out" | "off" | "down"
        )
    {
        return None;
    }
    for k in j + 1..(j + 12).min(last) {
        let w = doc.norm_of(k);
        if doc.tokens[k].kind == Kind::Punct && w != "-" && w != "'" {
            return None;
        }
        if is_aux(w) || is_modal(w) {
            return Some(k);
        }
        let after_determiner = is_determiner(doc.norm_of(k - 1));
        // "the call with the vendor went badly": a past verb after the
        // phrase's noun.
        if is_past_form(w) && !after_determiner && k > j + 2 && verb_base(w) != Some(w) {
            return Some(k);
        }
        if matches!(
            w,
            "who" | "which" | "that" | "and" | "or" | "but" | "because" | "if" | "when"
        ) || is_negation(w)
            || is_past_form(w) && !after_determiner
            || starts_pronoun_subject(doc, k, last)
        {
            return None;
        }
    }
    None
}

fn starts_pronoun_subject(doc: &Doc, i: usize, end: usize) -> bool {
    if i >= end || doc.tokens[i].kind == Kind::Punct {
        return false;
    }
    let w = doc.norm_of(i);
    is_first_singular(w) && w != "me" && w != "myself"
        || is_first_plural(w) && w != "us" && w != "ourselves"
        || matches!(
            w,
            "they"
                | "they're"
                | "they'd"
                | "they'll"
                | "they've"
                | "he"
                | "she"
                | "he'd"
                | "she'd"
                | "you"
                | "you'd"
                | "you'll"
                | "everyone"
                | "everybody"
        )
        || (matches!(w, "the" | "our" | "my")
            && i + 1 < end
            && matches!(doc.norm_of(i + 1), "team" | "whole" | "entire" | "squad"))
}

/// Whether the sentence `first..last` opens as a question: its first word
/// (after discourse words) is an auxiliary, a modal or a wh-word.
fn asks_from_start(doc: &Doc, first: usize, last: usize) -> bool {
    let sw = (first..last)
        .find(|&k| doc.tokens[k].kind == Kind::Word && !is_discourse(doc.norm_of(k)))
        .map(|k| doc.norm_of(k))
        .unwrap_or("");
    is_aux(sw)
        || is_modal(sw)
        || matches!(
            sw,
            "what" | "why" | "how" | "who" | "which" | "where" | "when"
        )
}

/// Whether the clause starting at `at` opens a question: a wh-word or an
/// inverted auxiliary after its link word ("and what are we …", "but can we …").
fn opens_question(doc: &Doc, at: usize, last: usize) -> bool {
    let mut i = at;
    while i < last
        && (doc.tokens[i].kind == Kind::Punct
            || matches!(doc.norm_of(i), "and" | "but" | "or" | "so" | "then"))
    {
        i += 1;
    }
    if i >= last {
        return false;
    }
    let w = doc.norm_of(i);
    matches!(w, "what" | "why" | "how" | "who" | "where")
        && i + 1 < last
        && (is_aux(doc.norm_of(i + 1)) || is_modal(doc.norm_of(i + 1)))
        || (is_aux(w) || is_modal(w)) && starts_pronoun_subject(doc, i + 1, last)
}

/// Reads one clause: link words, subject, verb group.
#[allow(clippy::too_many_arguments)]
fn read_clause(
    doc: &Doc,
    sentence: usize,
    first: usize,
    last: usize,
    link: Link,
    link_len: usize,
    prev: Option<(Actor, (usize, usize), Mood)>,
    question: bool,
) -> Clause {
    let prev_mood = prev.map(|p| p.2);
    let prev = prev.map(|p| (p.0, p.1));
    let mut i = first + link_len;
    // Skip punctuation, discourse words and fillers before the subject.
    while i < last {
        let t = &doc.tokens[i];
        let w = doc.norm_of(i);
        let skippable = t.kind == Kind::Punct && !matches!(w, "?")
            || (w == "of" && i + 1 < last && doc.norm_of(i + 1) == "course")
            || (matches!(w, "kind" | "sort") && i + 1 < last && doc.norm_of(i + 1) == "of")
            || (w == "of" && i > first && matches!(doc.norm_of(i - 1), "kind" | "sort"))
            || (matches!(w, "going" | "moving") && i + 1 < last && doc.norm_of(i + 1) == "forward")
            || (w == "forward" && i > first && matches!(doc.norm_of(i - 1), "going" | "moving"))
            || (w == "course" && i > first && doc.norm_of(i - 1) == "of")
            || (t.kind == Kind::Word && is_discourse(w) && !matches!(w, "that" | "this" | "one"))
            || (w == "i" && i + 1 < last && doc.norm_of(i + 1) == "mean")
            || (w == "mean" && i > first && doc.norm_of(i - 1) == "i");
        if !skippable {
            break;
        }
        i += 1;
    }
    // An object relative: in "…, which they never update" the actor is
    // "they", not the thing "which" stands for.
    if link == Link::Relative
        && i + 1 < last
        && matches!(doc.norm_of(i), "which" | "who" | "whom")
        && (starts_pronoun_subject(doc, i + 1, last)
            // "…, which Kevin had written": a name with its own verb.
            || is_name(doc, i + 1) && i + 2 < last && {
                let x = doc.norm_of(i + 2);
                is_aux(x) || is_modal(x) || is_past_form(x)
            })
    {
        i += 1;
    }
    // A leading time adverbial: "Last quarter they broke checkout twice",
    // "Two weeks later, we …", "Every sprint product added …".
    if let Some(k) = after_time_adverbial(doc, i, last) {
        i = k;
    }
    // A question with inversion: "Can we assume …?", "Did you mean …?"
    let mut inverted: Option<usize> = None;
    if i + 1 < last
        && (is_modal(doc.norm_of(i)) || is_aux(doc.norm_of(i)))
        && starts_pronoun_subject(doc, i + 1, last)
    {
        inverted = Some(i);
        i += 1;
    }
    // A leading prepositional phrase: "In the end we launched", "At my last
    // job we had …", "For the API, I'd …".
    if i < last
        && matches!(
            doc.norm_of(i),
            "in" | "at"
                | "on"
                | "during"
                | "for"
                | "after"
                | "by"
                | "within"
                | "over"
                | "from"
                | "with"
                // "As platform lead I got …": a role, not the subject.
                | "as"
        )
    {
        if let Some(k) = (i + 1..(i + 11).min(last)).find(|&k| {
            starts_pronoun_subject(doc, k, last)
                && (k == i + 1 || doc.norm_of(k - 1) == "," || !is_determiner(doc.norm_of(k - 1)))
        }) {
            i = k;
        } else if let Some(comma) = (i + 1..(i + 6).min(last)).find(|&k| doc.norm_of(k) == ",") {
            // "In effect, the upgrade was conducted by me", "In my
            // assessment, the poor outcome was …": a short phrase closed by
            // a comma, then a noun subject.
            if comma + 1 < last && starts_subject(doc, comma + 1, last) {
                i = comma + 1;
            }
        }
    }
    // "… and never told us": an adverb may come before the shared verb.
    let v = if i + 1 < last
        && matches!(
            doc.norm_of(i),
            "never" | "always" | "just" | "also" | "then" | "still" | "simply" | "quietly"
        ) {
        i + 1
    } else {
        i
    };
    let verb_first = v < last
        && doc.tokens[v].kind == Kind::Word
        && matches!(link, Link::Coord | Link::Result | Link::Contrast)
        && (is_base_verb(doc.norm_of(v))
            || is_past_form(doc.norm_of(v)) && verb_base(doc.norm_of(v)).is_some())
        && !is_noun_too(doc.norm_of(v))
        && prev.is_some_and(|p| p.0 != Actor::None);
    let imperative_start = !verb_first
        && i < last
        && (link == Link::Main
            || prev.is_none_or(|p| p.0 == Actor::None) && matches!(link, Link::Coord))
        && doc.tokens[i].kind == Kind::Word
        && is_base_verb(doc.norm_of(i))
        && (!is_noun_too(doc.norm_of(i))
            || i + 1 < last
                && matches!(
                    doc.norm_of(i + 1),
                    "the" | "a" | "an" | "it" | "them" | "our" | "every" | "each"
                ))
        && (i + 1 >= last || {
            let n = doc.norm_of(i + 1);
            is_determiner(n)
                || matches!(
                    n,
                    "it" | "them" | "everything" | "up" | "out" | "back" | "off" | "in"
                )
                || doc.tokens[i + 1].kind == Kind::Number
                || (!is_aux(n) && !is_modal(n) && !is_past_form(n))
        });
    let (actor, subject, mut j) = if imperative_start || verb_first {
        (Actor::None, (i, i), i)
    } else {
        read_subject(doc, i, last)
    };
    let (mut actor, mut subject) = (actor, subject);
    // A subject relative stands for its antecedent: in "…by the infra team,
    // which never gave us budget" the actor is the infra team.
    if matches!(link, Link::Relative | Link::Coord)
        && subject.1 == subject.0 + 1
        && matches!(doc.norm_of(subject.0), "which" | "who" | "that")
        && people_antecedent(doc, first)
    {
        actor = Actor::Others;
    }
    let mut imperative = false;
    let mut inherited = false;
    if actor == Actor::None && j < last {
        let w = doc.norm_of(j);
        let inherits = matches!(link, Link::Coord | Link::Result | Link::Contrast)
            && prev.is_some()
            && (verb_first
                || is_past_form(w)
                || is_aux(w)
                || is_modal(w)
                || verb_base(w).is_some());
        if inherits {
            if let Some((a, sub)) = prev {
                actor = a;
                subject = sub;
                inherited = true;
            }
        } else if imperative_start
            || (is_base_verb(w)
                && link == Link::Main
                && doc.tokens[j].kind == Kind::Word
                && !is_noun_too(w))
        {
            imperative = true;
            actor = Actor::You;
        }
    }
    if j < subject.1 {
        j = subject.1;
    }
    // "the replay of the failing images against the old firmware was
    // skipped": a noun subject runs on through its prepositional phrases to
    // the auxiliary that starts the verb group.
    if let Some(a) = postmodified_subject_end(doc, actor, subject, j, last) {
        subject.1 = a;
        j = a;
    }
    // A contact relative inside the subject: in "the script we were given
    // didn't handle the key" the verb is "handle"; the subject runs on to it.
    if let Some(m) = contact_relative_end(doc, subject, j, last) {
        subject.1 = m;
        j = m;
    } else if let Some(p) = fronted_object_subject(doc, subject, last) {
        // "Testing I will not do now", "The integration tests I'd drop": the
        // noun phrase in front is the object; the pronoun is the subject.
        (actor, subject, j) = read_subject(doc, p, last);
    }
    // The verb group.
    let mut mood = Mood::Fact;
    let mut tense = Tense::Present;
    let mut negated = false;
    let mut passive = false;
    let mut have = false;
    let mut be = false;
    let mut would_d = false;
    let mut explicit_have = false;
    let mut modal_seen: Option<&str> = None;
    let mut verb = None;
    // Contractions on the subject carry the auxiliary.
    if subject.1 > subject.0 {
        let s = doc.norm_of(subject.1 - 1);
        if s.ends_with("'d") {
            would_d = true;
        } else if s.ends_with("'ll") {
            modal_seen = Some("will");
        } else if s.ends_with("'ve") {
            have = true;
        } else if s.ends_with("'m")
            || s.ends_with("'re")
            || s == "it's"
            || s == "that's"
            || s == "he's"
            || s == "she's"
        {
            be = true;
        } else if s == "let's" {
            modal_seen = Some("will");
        }
    }
    if let Some(q) = inverted {
        let w = doc.norm_of(q);
        if is_modal(w) {
            modal_seen = Some(w);
        } else if matches!(w, "did" | "was" | "were" | "had") {
            tense = Tense::Past;
        }
    }
    let mut k = j;
    let mut steps = 0;
    while k < last && steps < 8 {
        steps += 1;
        let t = &doc.tokens[k];
        if t.kind == Kind::Punct {
            if doc.norm_of(k) == "," && verb.is_none() && k + 1 < last {
                // "we, um, rolled it back"
                k += 1;
                continue;
            }
            break;
        }
        let w = doc.norm_of(k);
        if is_negation(w) && verb.is_none() {
            negated = true;
            if is_aux(w) {
                if matches!(w, "wasn't" | "weren't" | "didn't" | "hadn't") {
                    tense = Tense::Past;
                }
                if matches!(w, "hadn't" | "hasn't" | "haven't") {
                    have = true;
                }
                if matches!(w, "wasn't" | "weren't" | "isn't" | "aren't") {
                    be = true;
                }
            } else if is_modal(w) {
                modal_seen = Some(w);
            }
            k += 1;
            continue;
        }
        if is_modal(w) && verb.is_none() {
            modal_seen = Some(w);
            k += 1;
            continue;
        }
        if w == "let's" {
            modal_seen = Some("will");
            k += 1;
            continue;
        }
        // "going to", "have to", "need to", "want to", "able to", "plan to".
        if matches!(w, "going" | "gonna")
            && (w == "gonna" || (k + 1 < last && doc.norm_of(k + 1) == "to"))
            && verb.is_none()
        {
            modal_seen = Some("will");
            k += if w == "gonna" { 1 } else { 2 };
            continue;
        }
        if matches!(
            w,
            "have" | "has" | "had" | "need" | "needs" | "needed" | "got" | "ought"
        ) && k + 1 < last
            && doc.norm_of(k + 1) == "to"
            && verb.is_none()
        {
            if w == "had" || w == "needed" {
                mood = Mood::Necessity;
                tense = Tense::Past;
            } else {
                modal_seen = Some("must");
            }
            k += 2;
            continue;
        }
        if is_aux(w) && verb.is_none() {
            match w {
                "was" | "were" | "did" => tense = Tense::Past,
                "had" => {
                    tense = Tense::Past;
                    have = true;
                }
                "has" | "have" | "'ve" => {
                    have = true;
                    explicit_have = true;
                }
                _ => {}
            }
            if matches!(
                w,
                "am" | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "be"
                    | "been"
                    | "being"
                    | "'s"
                    | "'re"
                    | "'m"
            ) {
                be = true;
            }
            // "have" as the main verb: "we had about forty warehouses".
            let next_is_verbish = k + 1 < last && {
                let mut n = k + 1;
                while n < last && is_verb_group_filler(doc.norm_of(n)) {
                    n += 1;
                }
                n < last && {
                    let nw = doc.norm_of(n);
                    is_past_form(nw)
                        || is_aux(nw)
                        || is_ing(nw)
                        || is_negation(nw)
                        || (matches!(w, "do" | "does" | "did" | "don't" | "didn't")
                            && verb_base(nw).is_some())
                        // Participles spelt like the base: "if they had run the tests".
                        || (matches!(w, "had" | "has" | "have" | "'ve")
                            && matches!(nw, "run" | "rerun" | "come" | "become" | "overcome"))
                }
            };
            if !next_is_verbish {
                verb = Some(k);
                break;
            }
            k += 1;
            continue;
        }
        // A prepositional phrase after the subject: "People on that team
        // swore by it", "the project as a whole turned out nicely".
        let pronoun_subject = subject.1 == subject.0 + 1 && {
            let x = doc.norm_of(subject.0);
            is_first_singular(x)
                || is_first_plural(x)
                || is_third_person(x)
                || matches!(x, "you" | "it" | "they")
        };
        let to_the = w == "to" && k + 1 < last && is_determiner(doc.norm_of(k + 1));
        if verb.is_none()
            && is_preposition(w)
            && (w != "to" || to_the)
            && (w != "like" || !pronoun_subject)
        {
            let found = (k + 1..(k + 7).min(last)).find(|&n| {
                let x = doc.norm_of(n);
                doc.tokens[n].kind == Kind::Word
                    && (is_past_form(x) && verb_base(x) != Some(x) || is_aux(x) || is_modal(x))
            });
            if let Some(n) = found {
                k = n;
                continue;
            }
        }
        if is_verb_group_filler(w) && verb.is_none() {
            k += 1;
            continue;
        }
        // A hedge before the verb: "people sort of came to me".
        if verb.is_none()
            && matches!(w, "kind" | "sort")
            && k + 2 < last
            && doc.norm_of(k + 1) == "of"
            && {
                let x = doc.norm_of(k + 2);
                is_past_form(x) || verb_base(x).is_some_and(|b| b != x || x.ends_with('s'))
            }
        {
            k += 2;
            continue;
        }
        verb = Some(k);
        break;
    }
    let verb_word = verb.map(|v| doc.norm_of(v)).unwrap_or("");
    let verb_base_form = if verb_word.is_empty() {
        String::new()
    } else {
        base_or_stripped(verb_word)
    };
    let participle = is_past_form(verb_word)
        || have && matches!(verb_word, "run" | "rerun" | "come" | "become" | "overcome");
    // "it's made the mornings easier", "it's been a huge upgrade": the
    // subject's "'s" is "has" before "been" or a participle with an object;
    // "it's fixed now" is "is".
    let s_contracted = subject.1 > subject.0
        && matches!(
            doc.norm_of(subject.1 - 1),
            "it's" | "that's" | "he's" | "she's"
        );
    if participle
        && s_contracted
        && !have
        && verb.is_some_and(|v| (subject.1..v).all(|k| !is_aux(doc.norm_of(k))))
    {
        let object_next = verb.is_some_and(|v| {
            v + 1 < last && {
                let n = doc.norm_of(v + 1);
                is_determiner(n)
                    || matches!(
                        n,
                        "it" | "them" | "us" | "me" | "everything" | "things" | "everyone"
                    )
            }
        });
        if verb_word == "been" || object_next {
            have = true;
            be = false;
        }
    }
    if would_d {
        if explicit_have {
            // "we'd have charged": would + have + participle.
            modal_seen = Some("would");
        } else if participle && !is_base_verb(verb_word) || verb_word == "been" {
            have = true;
            tense = Tense::Past;
        } else {
            modal_seen = Some("would");
        }
    }
    // The auxiliary read as the main verb ("I was kind of the lead") is a
    // copula, not a passive.
    if be && participle && verb.is_some() && !is_aux(verb_word) {
        passive = true;
    }
    if let Some(m) = modal_seen {
        mood = match m {
            "will" | "would" | "'ll" | "'d" | "shall" | "won't" | "wouldn't" | "gonna"
            | "wanna" => Mood::Plan,
            "could" | "might" | "may" | "can" | "can't" | "cannot" | "couldn't" => Mood::Possible,
            _ => Mood::Obligation,
        };
        if have && participle {
            mood = Mood::Counterfactual;
        }
    } else if mood != Mood::Necessity {
        if participle && !have && !be {
            tense = Tense::Past;
        } else if have && participle && tense != Tense::Past {
            tense = Tense::Perfect;
        } else if have && participle {
            tense = Tense::Past;
        }
    }
    if imperative {
        mood = Mood::Imperative;
    }
    // "I'd use X and put Y": an elliptical clause shares the modal.
    if inherited
        && modal_seen.is_none()
        && !have
        && !be
        && (is_base_verb(verb_word) || verb_base(verb_word) == Some(verb_word))
    {
        if let Some(m) = prev_mood.filter(|m| m.is_proposal()) {
            mood = m;
            tense = Tense::Present;
        }
    }
    // Conditions that have not happened are hypothetical; "when we launched"
    // is a time.
    let link = match link {
        Link::Condition
            if tense == Tense::Past
                && mood == Mood::Fact
                && matches!(
                    doc.norm_of(first),
                    "when" | "once" | "whenever" | "until" | "till"
                ) =>
        {
            Link::Time
        }
        other => other,
    };
    if link == Link::Condition && mood == Mood::Fact {
        mood = Mood::Conditional;
    }
    if link == Link::Condition && doc.norm_of(first) == "if" && have && participle {
        mood = Mood::Counterfactual;
    }
    // A question asks with inversion or a wh-word; "I'd shard the database?"
    // is a proposal said with rising intonation.
    let asks = opens_question(doc, first, last)
        || asks_from_start(
            doc,
            doc.sentences[sentence].first,
            doc.sentences[sentence].last,
        );
    if question && (asks || !(mood.is_proposal() && matches!(actor, Actor::I | Actor::We))) {
        mood = Mood::Question;
    }
    // A passive with a collective agent: "the cutover was executed by the team".
    let mut by_agent = false;
    if passive {
        if let Some(by) = (verb.unwrap_or(first)..last).find(|&x| doc.norm_of(x) == "by") {
            // "was done by me alone": the object pronoun is the agent too.
            let (agent, span, _) = if by + 1 < last && matches!(doc.norm_of(by + 1), "me" | "us") {
                let a = if doc.norm_of(by + 1) == "me" {
                    Actor::I
                } else {
                    Actor::We
                };
                (a, (by + 1, by + 2), by + 2)
            } else {
                read_subject(doc, by + 1, last)
            };
            if matches!(agent, Actor::Team | Actor::We | Actor::I) {
                actor = agent;
                subject = span;
                by_agent = true;
            }
        }
    }
    Clause {
        first,
        last,
        sentence,
        link,
        actor,
        subject,
        verb,
        verb_base: verb_base_form,
        mood,
        tense,
        negated,
        passive,
        by_agent,
        mention: false,
    }
}

/// Reads a subject starting at `i`: returns the actor, the subject's token
/// span, and where the verb group starts.
fn read_subject(doc: &Doc, i: usize, last: usize) -> (Actor, (usize, usize), usize) {
    if i >= last || doc.tokens[i].kind == Kind::Punct {
        return (Actor::None, (i, i), i);
    }
    let w = doc.norm_of(i);
    let one = |a: Actor| (a, (i, i + 1), i + 1);
    if is_first_singular(w) && w != "me" && w != "myself" {
        return one(Actor::I);
    }
    if w == "let's" {
        return one(Actor::We);
    }
    if is_first_plural(w) && w != "us" && w != "ourselves" {
        // "we, the platform team," is still we.
        return one(Actor::We);
    }
    if matches!(w, "everyone" | "everybody") {
        return one(Actor::Team);
    }
    if is_third_person(w) && !matches!(w, "them" | "him" | "her") {
        return one(Actor::Others);
    }
    if matches!(w, "you" | "you'd" | "you'll" | "you're" | "you've" | "one") {
        return one(Actor::You);
    }
    // "who's going to test crane alerts?": "who" always stands for people.
    if matches!(
        w,
        "nobody"
            | "someone"
            | "somebody"
            | "anyone"
            | "anybody"
            | "people"
            | "who"
            | "who's"
            | "whoever"
    ) {
        return one(Actor::Others);
    }
    if is_thing_pronoun(w) {
        return one(Actor::Thing);
    }
    // "Arjun and I", "my manager and I", "me and Dana".
    let and_i = |from: usize| -> Option<usize> {
        (from..(from + 6).min(last)).find(|&k| {
            doc.norm_of(k) == "and" && k + 1 < last && matches!(doc.norm_of(k + 1), "i" | "me")
        })
    };
    // A name.
    if is_name(doc, i) {
        if let Some(k) = and_i(i + 1).filter(|&k| k == i + 1) {
            return (Actor::I, (i, k + 2), k + 2);
        }
        return one(Actor::Others);
    }
    if w == "me" && i + 2 < last && doc.norm_of(i + 1) == "and" {
        return (Actor::I, (i, i + 3), i + 3);
    }
    // A noun phrase: determiners, modifiers, a head noun, "of …".
    if is_determiner(w) || is_people_noun(w) || doc.tokens[i].kind == Kind::Word {
        let mut k = i;
        let mut head = i;
        let mut n = 0;
        while k < last && n < 7 {
            let t = &doc.tokens[k];
            let x = doc.norm_of(k);
            if t.kind == Kind::Punct {
                if x == "'" || x == "-" {
                    k += 1;
                    continue;
                }
                break;
            }
            if k > i && (is_aux(x) || is_modal(x) || is_negation(x) && x != "no") {
                break;
            }
            if k > i
                && (is_past_form(x)
                    && !matches!(doc.norm_of(k - 1), "the" | "a" | "an" | "our" | "my"))
            {
                break;
            }
            if k > i
                && x == "of"
                && matches!(
                    doc.norm_of(k - 1),
                    "rest"
                        | "part"
                        | "one"
                        | "some"
                        | "all"
                        | "most"
                        | "half"
                        | "none"
                        | "each"
                        | "both"
                        | "members"
                        | "lot"
                        | "many"
                        | "few"
                        | "majority"
                )
            {
                k += 1;
                n += 1;
                continue;
            }
            if k > i && is_verb_group_filler(x) && !is_determiner(x) && x != "whole" {
                break;
            }
            if k > i
                && (is_preposition(x)
                    || matches!(
                        x,
                        "and"
                            | "or"
                            | "that"
                            | "which"
                            | "who"
                            | "so"
                            | "because"
                            // "A queue once reminder emails must survive …"
                            | "once"
                            | "when"
                            | "whenever"
                            | "if"
                            | "unless"
                            | "until"
                            | "while"
                    ))
            {
                break;
            }
            // "our account manager *there* was useless": a place adverb
            // ends the noun phrase without being its head.
            if k > i && matches!(x, "there" | "here" | "too" | "again" | "then") {
                break;
            }
            if k > i
                && !is_determiner(x)
                && verb_base(x).is_some()
                && x.ends_with('s')
                && !is_people_noun(x)
                && n >= 1
                && !is_determiner(doc.norm_of(k - 1))
                // "1,100 orders were delayed", "nine times out of ten": after
                // a number it is a noun.
                && doc.tokens[k - 1].kind != Kind::Number
                && !super::words::is_number_word(doc.norm_of(k - 1))
                // "Config changes went live": a finite verb right after
                // makes the -s word a plural noun.
                && !(k + 1 < last && {
                    let n = doc.norm_of(k + 1);
                    is_past_form(n) && verb_base(n) != Some(n) || is_aux(n) || is_modal(n)
                })
            {
                // "the team builds" — a present verb after a noun.
                break;
            }
            // An unknown present verb: "each request decrements the bucket",
            // an -s word after the head and before a determiner.
            if k > i
                && n >= 1
                && x.len() > 3
                && x.ends_with('s')
                && !x.ends_with("ss")
                && !is_determiner(doc.norm_of(k - 1))
                && k + 1 < last
                && matches!(
                    doc.norm_of(k + 1),
                    "the" | "a" | "an" | "its" | "their" | "our" | "each" | "every"
                )
            {
                break;
            }
            // "because manufacturer send us wrong image file": in English
            // written without articles or agreement, a base verb after a bare
            // noun and before its object is the verb.
            if k > i
                && n >= 1
                && k == head + 1
                && is_base_verb(x)
                && !is_noun_too(x)
                && (!is_determiner(doc.norm_of(i)) || is_people_noun(doc.norm_of(head)))
                && k + 1 < last
                && matches!(
                    doc.norm_of(k + 1),
                    "us" | "them"
                        | "me"
                        | "him"
                        | "her"
                        | "it"
                        | "the"
                        | "a"
                        | "an"
                        | "our"
                        | "their"
                )
            {
                break;
            }
            // "Ratings live in Redis", "payments go through a workflow
            // engine": a plural head, then a base verb and its preposition.
            let plural_head = {
                let h = doc.norm_of(head);
                h.len() > 3 && h.ends_with('s') && !h.ends_with("ss")
            };
            if k > i
                && k == head + 1
                && plural_head
                && is_base_verb(x)
                && !is_noun_too(x)
                && k + 1 < last
                && (is_preposition(doc.norm_of(k + 1))
                    || matches!(
                        doc.norm_of(k + 1),
                        "the" | "a" | "an" | "our" | "their" | "it"
                    ))
            {
                break;
            }
            // "all of this runs on …": a pronoun after "of" ends the phrase.
            if k >= i + 2
                && doc.norm_of(k - 2) == "of"
                && matches!(
                    doc.norm_of(k - 1),
                    "this" | "that" | "these" | "those" | "it" | "them" | "us"
                )
            {
                break;
            }
            head = k;
            k += 1;
            n += 1;
        }
        if head == i && is_determiner(w) && !matches!(w, "this" | "that" | "these" | "those") {
            return (Actor::None, (i, i), i);
        }
        if let Some(a) = and_i(i).filter(|&a| a <= k + 1 && a >= head) {
            return (Actor::I, (i, a + 2), a + 2);
        }
        let words: Vec<&str> = (i..=head).map(|x| doc.norm_of(x)).collect();
        // The head comes before a postmodifier: "the person before me".
        let noun_head = (i + 1..=head)
            .find(|&x| matches!(doc.norm_of(x), "before" | "after") && x > i + 1)
            .map_or(head, |x| x - 1);
        let head_word = doc.norm_of(noun_head);
        let collective = matches!(head_word, "team" | "squad" | "teams" | "group" | "org");
        // "the operations centre", "the control room": a unit of people
        // named by where they sit.
        let staffed_place = matches!(head_word, "centre" | "center" | "room")
            && noun_head > i
            && matches!(
                doc.norm_of(noun_head - 1),
                "operations"
                    | "control"
                    | "call"
                    | "contact"
                    | "service"
                    | "support"
                    | "dispatch"
                    | "command"
            );
        let actor = if words
            .iter()
            .any(|w| matches!(*w, "them" | "they" | "those"))
            && words.contains(&"of")
        {
            Actor::Others
        } else if words.contains(&"rest") || words.contains(&"other") || words.contains(&"another")
        {
            if collective || is_people_noun(head_word) {
                Actor::Others
            } else {
                Actor::Thing
            }
        } else if collective {
            let possessive_we = matches!(words[0], "our" | "my");
            // "Team will check …" with the article dropped is the team too.
            let plain = words.len() == 1
                || words.len() == 2 && words[0] == "the"
                || words.len() == 3 && words[0] == "the" && matches!(words[1], "whole" | "entire");
            if possessive_we || plain {
                Actor::Team
            } else {
                Actor::Others
            }
        } else if matches!(words[0], "my" | "our")
            && !matches!(
                head_word,
                "manager"
                    | "managers"
                    | "lead"
                    | "leads"
                    | "colleague"
                    | "colleagues"
                    | "teammate"
                    | "teammates"
                    | "boss"
                    | "pm"
                    | "designer"
                    | "designers"
                    | "engineer"
                    | "engineers"
                    | "director"
                    | "cto"
                    | "ceo"
                    | "vp"
                    | "client"
                    | "clients"
                    | "customer"
                    | "customers"
                    | "users"
                    | "partner"
            )
        {
            // "my design", "our product": a thing of ours, not a group of people.
            Actor::Thing
        } else if is_people_noun(head_word)
            || staffed_place
            // "the IT of the mill": the department, not the pronoun.
            || doc.slice(noun_head, noun_head + 1) == "IT" && noun_head > i
            || words.iter().any(|x| {
                matches!(
                    *x,
                    "management" | "leadership" | "marketing" | "product" | "qa"
                )
            }) && words.len() <= 3
            || words
                .first()
                .is_some_and(|x| matches!(*x, "their" | "his" | "her"))
                && words.len() <= 2
        {
            Actor::Others
        } else {
            Actor::Thing
        };
        return (actor, (i, head + 1), head + 1);
    }
    (Actor::None, (i, i), i)
}

/// Verbs whose past and present look alike ("put", "cut", "set") are
/// present, not past, in a sentence that proposes: "I'd send every reading,
/// and in the cloud we put Kafka".
///
/// A present-tense relative inside a proposal describes the proposal's
/// world, not a fact: "I would test it against a fake provider *that fails
/// one request in ten*".
fn present_in_plans(doc: &Doc, clauses: &mut Clauses) {
    for &(a, b) in &clauses.by_sentence {
        let plan = clauses.list[a..b].iter().any(|c| c.mood.is_proposal());
        if !plan {
            continue;
        }
        for k in a + 1..b {
            let host = clauses.list[k - 1].mood;
            let c = &mut clauses.list[k];
            if c.link == Link::Relative
                && c.mood == Mood::Fact
                && c.tense == Tense::Present
                && host.is_proposal()
            {
                c.mood = host;
            }
        }
        for c in &mut clauses.list[a..b] {
            if c.mood == Mood::Fact && c.tense == Tense::Past {
                if let Some(v) = c.verb {
                    let w = doc.norm_of(v);
                    if verb_base(w) == Some(w) {
                        c.tense = Tense::Present;
                    }
                }
            }
        }
    }
}

/// Marks clauses whose words are mostly quoted, and reported speech.
fn mark_mentions(doc: &Doc, clauses: &mut Clauses) {
    // "I'd tell it like this: …", "What I said: …": what follows a verb of
    // saying and a colon is a rendition, not a claim.
    for &(a, b) in &clauses.by_sentence {
        let mut reported = false;
        for k in a..b {
            if reported {
                clauses.list[k].link = Link::Report;
            }
            let c = &clauses.list[k];
            let ends_colon = c.last > c.first && doc.norm_of(c.last - 1) == ":";
            let says = c
                .verb
                .is_some_and(|v| verb_base(doc.norm_of(v)).is_some_and(is_say_verb));
            if ends_colon && says && c.actor != Actor::None {
                reported = true;
            }
        }
    }
    // Reported speech is a mention when the speaker (or the listener)
    // reports what was said before: "I said we'd use Postgres". Others'
    // praise ("teams told us it saved them time") and the speaker's hedges
    // ("I'd say it worked") are claims.
    let mut reported_by_self = vec![false; clauses.list.len()];
    for &(a, b) in &clauses.by_sentence {
        #[allow(clippy::needless_range_loop)] // `k` indexes two parallel lists
        for k in a..b {
            if clauses.list[k].link != Link::Report {
                continue;
            }
            let reporter = (a..k).rev().find(|&p| clauses.list[p].link != Link::Report);
            reported_by_self[k] = reporter.is_some_and(|p| {
                let r = &clauses.list[p];
                let rendition = r.last > r.first && doc.norm_of(r.last - 1) == ":";
                // A text reporting words: "it says", "nowhere does the doc say".
                let text_reports = r.actor == Actor::Thing || r.actor == Actor::None;
                text_reports
                    || matches!(r.actor, Actor::I | Actor::You)
                        && (rendition || r.mood == Mood::Fact && r.tense == Tense::Past)
            });
        }
    }
    for (k, c) in clauses.list.iter_mut().enumerate() {
        let (mut words, mut quoted) = (0, 0);
        for t in &doc.tokens[c.first..c.last] {
            if t.kind != Kind::Punct {
                words += 1;
                if t.quoted {
                    quoted += 1;
                }
            }
        }
        let core_quoted = c.verb.is_some_and(|v| doc.tokens[v].quoted)
            && (c.subject.0 >= c.subject.1 || doc.tokens[c.subject.0].quoted);
        c.mention = reported_by_self[k] || core_quoted || (words > 0 && quoted * 2 >= words);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analyzer::text::tokenize;

    /// Each clause as "actor mood tense [verb] text".
    fn read(text: &str) -> Vec<String> {
        let doc = tokenize(text);
        let cl = clauses(&doc);
        cl.list
            .iter()
            .map(|c| {
                format!(
                    "{:?} {:?} {:?}{}{} [{}] {}",
                    c.actor,
                    c.mood,
                    c.tense,
                    if c.negated { " neg" } else { "" },
                    if c.mention { " mention" } else { "" },
                    c.verb_base,
                    doc.slice(c.first, c.last)
                )
            })
            .collect()
    }

    #[test]
    fn actors() {
        let cases = [
            ("We rebuilt the search page.", "We Fact Past [rebuild]"),
            (
                "Our team delivered the billing system.",
                "Team Fact Past [deliver]",
            ),
            (
                "The team migrated every service.",
                "Team Fact Past [migrate]",
            ),
            (
                "The backend team changed the auth response.",
                "Others Fact Past [change]",
            ),
            (
                "Priya rotated the token in 22 minutes.",
                "Others Fact Past [rotate]",
            ),
            ("Arjun and I built the relay.", "I Fact Past [build]"),
            ("The rest of the team helped.", "Others Fact Past [help]"),
            ("Everyone pulled together.", "Team Fact Past [pull]"),
            (
                "Management also hadn't given us the headcount.",
                "Others Fact Past neg [give]",
            ),
            ("The cache went down at 2am.", "Thing Fact Past [go]"),
            ("I then rewrote the parser.", "I Fact Past [rewrite]"),
            // A fronted object: the pronoun is the subject.
            ("Testing I will not do now.", "I Plan Present neg [do]"),
            (
                "The provider integration itself I don't test.",
                "I Fact Present neg [test]",
            ),
            (
                "The integration tests I'd drop for now.",
                "I Plan Present [drop]",
            ),
            // A leading role: "As platform lead I …".
            (
                "As platform lead I got 14 teams onto it.",
                "I Fact Past [get]",
            ),
            // Not a fronted object: a contact relative, a wh-clause.
            (
                "The incident I'd pick is the inventory outage.",
                "Thing Fact Present [be]",
            ),
        ];
        for (text, want) in cases {
            let got = read(text);
            assert!(got[0].starts_with(want), "{text}: {got:?}");
        }
    }

    #[test]
    fn moods() {
        let cases = [
            ("I'd put a Redis cache in front.", "I Plan"),
            ("We'll use Kafka for the events.", "We Plan"),
            ("We should improve our monitoring.", "We Obligation"),
            ("It should have been a big win.", "Thing Counterfactual"),
            ("I'd just joined the company.", "I Fact Past"),
            ("We had to replay in order.", "We Necessity"),
            ("Add a cache in front of the API.", "You Imperative"),
            ("Can we assume fixed height?", "We Question"),
            ("Let's run it on Kubernetes.", "We Plan"),
            ("We could add a cache.", "We Possible"),
            ("I was asked to improve it.", "I Fact Past"),
        ];
        for (text, want) in cases {
            let got = read(text);
            assert!(got[0].starts_with(want), "{text}: {got:?}");
        }
    }

    #[test]
    fn a_plural_after_a_number_is_a_noun() {
        assert_eq!(
            read("Roughly 1,100 orders were delayed by a day."),
            ["Thing Fact Past [delay] Roughly 1,100 orders were delayed by a day."]
        );
    }

    #[test]
    fn splits() {
        assert_eq!(
            read("I suggested a cache and we rolled that out."),
            [
                "I Fact Past [suggest] I suggested a cache",
                "We Fact Past [roll] and we rolled that out."
            ]
        );
        let got = read("If we cached the results, reads would drop.");
        assert!(got[0].starts_with("We Conditional"), "{got:?}");
        assert!(got[1].starts_with("Thing Plan"), "{got:?}");
        let got = read("I would use a cache, since reads are 95% of traffic.");
        assert_eq!(got.len(), 2, "{got:?}");
        let got = read("When we launched, it broke.");
        assert!(got[0].starts_with("We Fact Past"), "{got:?}");
        let got = read("I said we'd use Postgres and I didn't say why.");
        assert!(got[1].contains("mention"), "{got:?}");
        assert!(!got[2].contains("mention"), "{got:?}");
        let got = read("The cutover was executed by the team.");
        assert!(got[0].starts_with("Team Fact Past"), "{got:?}");
        let got =
            read("We profiled the service and found the database queries were the bottleneck.");
        assert_eq!(got.len(), 1, "{got:?}");
        // Only the clause that asks is the question; a main clause after a
        // time clause can start at "it's".
        let got = read(
            "When it breaks it's someone else's deploy, and what are we supposed to do about that?",
        );
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[1].starts_with("Thing Fact Present"), "{got:?}");
        assert!(got[2].starts_with("Thing Question"), "{got:?}");
        // A run-on ending in "?" with no clause that asks: only its last
        // coordinated clause is the question.
        let got = read(
            "I basically carried it, nobody else touched the core, and design did some mockups I think?",
        );
        assert!(got[0].starts_with("I Fact Past"), "{got:?}");
        assert!(
            got.last().is_some_and(|c| c.contains("Question")),
            "{got:?}"
        );
        // A subject's "'s" is "has" before "been" or a participle with an
        // object, and "is" otherwise.
        let got = read("It's made the mornings easier. It's been a huge upgrade. It's fixed now.");
        assert!(got[0].starts_with("Thing Fact Perfect"), "{got:?}");
        assert!(got[1].starts_with("Thing Fact Perfect"), "{got:?}");
        assert!(got[2].starts_with("Thing Fact Present"), "{got:?}");
        // A negated opinion negates what it says; "tell you anything" is
        // an object, not reported speech.
        let got = read("I didn't think it needed testing.");
        assert!(got[1].starts_with("Thing Fact Past neg [need]"), "{got:?}");
        let got = read("Staging doesn't tell you anything.");
        assert_eq!(got.len(), 1, "{got:?}");
        let got = read("I would shard it, but can we assume the data fits?");
        assert!(got[0].starts_with("I Plan"), "{got:?}");
        assert!(got[1].starts_with("We Question"), "{got:?}");
        // Relatives stand for a people antecedent or read a named subject.
        let got = read("It was sized by the infra team, which never gave us budget.");
        assert!(got[1].starts_with("Others Fact Past neg [give]"), "{got:?}");
        let got = read("I traced it to the sync code, which Kevin had written.");
        assert!(got[1].starts_with("Others Fact Past [write]"), "{got:?}");
        // A restrictive relative is its own clause with its antecedent's
        // actor; inside a subject, the main verb after it resumes the clause.
        assert_eq!(
            read("The contractor who wrote the parser left no tests."),
            [
                "Others Fact Present [] The contractor",
                "Others Fact Past [write] who wrote the parser",
                "Others Fact Past [leave] left no tests."
            ]
        );
        let got = read("We were let down by a vendor that never answered the tickets.");
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(
            got[1].starts_with("Others Fact Past neg [answer]"),
            "{got:?}"
        );
        let got = read("If that doesn't help I'd roll back.");
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].starts_with("Thing Conditional"), "{got:?}");
        // "the IT of the mill" is the department; a coordinated verb after
        // an adverb shares the subject.
        let got = read("The IT of the mill changed the firewall and never told us.");
        assert!(got[0].starts_with("Others Fact Past [change]"), "{got:?}");
        assert!(got[1].starts_with("Others Fact Past neg [tell]"), "{got:?}");
        // A say-verb used as a noun starts no reported clause; an unknown
        // -s verb before a determiner ends the subject.
        let got = read("The answer here is a token bucket. Each request decrements the bucket.");
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(
            got[1].starts_with("Thing Fact Present [decrement]"),
            "{got:?}"
        );
        let got = read("All of this runs on Kubernetes.");
        assert!(got[0].starts_with("Thing Fact Present [run]"), "{got:?}");
        // A verb contracted onto the pronoun is the clause's verb, so "so"
        // with a new subject starts the next clause; a hedge before the verb
        // is skipped; the copula alone is not a passive.
        assert_eq!(
            read("I'm a natural leader so people sort of came to me, and I was kind of the lead."),
            [
                "I Fact Present [a] I'm a natural leader",
                "Others Fact Past [come] so people sort of came to me,",
                "I Fact Past [be] and I was kind of the lead."
            ]
        );
    }

    /// A text that opens with "and" or "then" before a verb once indexed
    /// the token before the first (a panic that stopped the app on import).
    #[test]
    fn a_text_may_open_with_and_or_then() {
        for text in ["and add a cache.", "Then add a cache.", "then"] {
            let got = read(text);
            assert!(got.len() <= 1, "{text}: {got:?}");
        }
        assert_eq!(
            read("And add a cache."),
            ["You Imperative Present [add] And add a cache."]
        );
    }

    #[test]
    fn mentions() {
        let got = read("She said “we moved everything to Kafka” and left.");
        assert!(got.iter().any(|c| c.contains("mention")), "{got:?}");
        let got = read("> We shipped it.");
        assert!(got[0].contains("mention"), "{got:?}");
    }
}
