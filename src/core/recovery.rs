//! The check of a `hint-recovery` drill's "Recovery" section: did the user say
//! the new constraint back, change the plan, and keep apologies out?
//!
//! It reads meaning rather than wording, within what a word check can do:
//! - restating means the text names every key concept of the hint (see
//!   `drills::Hint`) in any wording: numbers however they are written ("100x",
//!   "a hundred times", "hundredfold", "fifty"), units and their names ("ms",
//!   "milliseconds"), and the synonyms in [`CONCEPTS`] ("the 99th percentile"
//!   is p99, "throttles us" is a rate limit, "charged two times" a duplicate);
//! - revising means the words the user added, with any copy of the hint
//!   removed, change the plan: an explicit change ("instead", "switch to",
//!   "no longer") or a new proposal ("I'd batch the writes") that is not
//!   "keep going with the same design". So a hint pasted back restates the
//!   constraint but revises nothing, and does not pass.
//!
//! Apologies are a plain word count; the `apology-spiral` rule with spans and
//! messages lives in the analyzer.

use crate::core::drills::Hint;

/// What the recovery section shows. `summary` is shown to the user as is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryCheck {
    pub restated_constraint: bool,
    pub revised_plan: bool,
    pub apologies: usize,
    pub summary: String,
}

impl RecoveryCheck {
    /// A recovery passes when it restates the constraint and revises the plan.
    pub fn passed(&self) -> bool {
        self.restated_constraint && self.revised_plan
    }
}

/// Synonyms rewritten to one canonical form before matching, in both the
/// hint's key terms and the user's text: (phrase, canonical).
pub const CONCEPTS: &[(&str, &str)] = &[
    ("milliseconds", "ms"),
    ("millisecond", "ms"),
    ("msec", "ms"),
    ("99th percentile", "p99"),
    ("99 percentile", "p99"),
    ("ninety ninth percentile", "p99"),
    ("tail latency", "p99 latency"),
    ("terabytes", "tb"),
    ("terabyte", "tb"),
    ("throttles", "rate limit"),
    ("throttled", "rate limit"),
    ("throttling", "rate limit"),
    ("throttle", "rate limit"),
    ("rate limits", "rate limit"),
    ("rate limited", "rate limit"),
    ("rate-limits", "rate limit"),
    ("caps us at", "rate limit"),
    ("calls a second", "requests a second"),
    ("calls per second", "requests a second"),
    ("requests per second", "requests a second"),
    ("per second", "a second"),
    ("qps", "requests a second"),
    ("rps", "requests a second"),
    ("two orders of magnitude", "100x"),
    ("inserts", "writes"),
    ("write volume", "writes"),
    ("write traffic", "writes"),
    ("charged two times", "duplicate"),
    ("charged twice", "duplicate"),
    ("double charge", "duplicate"),
    ("double charges", "duplicate"),
    ("double-charge", "duplicate"),
    ("duplicates", "duplicate"),
    ("european", "eu"),
    ("europe", "eu"),
    ("data residency", "eu region"),
    ("ram", "memory"),
    ("streaming", "stream"),
    ("lookups", "reads"),
    ("popular", "hot"),
    ("disconnected", "offline"),
    ("no connectivity", "offline"),
    ("reconnect", "sync"),
    ("two people", "2 engineers"),
    ("pager", "on-call"),
    ("sequence", "order"),
    ("in sequence", "in order"),
    ("per user", "per account"),
    ("per customer", "per account"),
    ("o 1 space", "constant memory"),
    ("o 1 memory", "constant memory"),
    ("erase", "delete"),
    ("erased", "delete"),
    ("forgotten", "delete"),
    ("a month", "30 days"),
    ("60 minutes", "hour"),
    ("an hour", "1 hour"),
    ("outage", "down"),
    ("unavailable", "down"),
    ("weekly", "week"),
];

/// Staying the course, which is not a revision: "keep going with the same design".
const NO_CHANGE_PHRASES: &[&str] = &[
    "same design",
    "same plan",
    "keep going",
    "carry on",
    "carrying on",
    "continue with",
    "continuing",
    "keep the design",
    "keep the plan",
    "nothing changes",
    "doesn't change",
    "does not change",
];

/// A new proposal in the user's own words: "I'd batch …", "we'll shard …".
const PROPOSAL_STARTS: &[&str] = &[
    "i'd",
    "i'll",
    "i would",
    "i will",
    "we'd",
    "we'll",
    "we would",
    "we will",
    "let's",
    "i'm going to",
    "my plan",
    "the plan is",
    "the fix is",
    "so i",
    "then i",
    "i can",
    "we can",
    "i need to",
    "we need to",
];

/// Explicit plan-change language. Matched at word starts after normalising,
/// so "revis" covers "revise", "revised" and "revising".
const REVISION_PHRASES: &[&str] = &[
    "instead",
    "rather than",
    "switch to",
    "switching to",
    "switch from",
    "i'll change",
    "i will change",
    "i'd change",
    "i would change",
    "i'm changing",
    "change the plan",
    "change my plan",
    "change the design",
    "change my approach",
    "change the approach",
    "changes the plan",
    "changes the design",
    "changes my plan",
    "that changes",
    "this changes",
    "which changes",
    "it changes",
    "now i would",
    "now i'd",
    "now i'll",
    "now i will",
    "so now",
    "revis",
    "new plan",
    "updated plan",
    "no longer",
    "replace",
    "move to",
    "moving to",
    "drop the",
    "pivot",
];

/// Apology and self-deprecation, counted once per occurrence.
const APOLOGY_PHRASES: &[&str] = &[
    "sorry",
    "apolog",
    "my bad",
    "i'm bad at",
    "i am bad at",
    "i'm terrible at",
    "i am terrible at",
    "probably all wrong",
    "this is all wrong",
    "i'm an idiot",
    "silly me",
];

/// Checks a recovery section against the hint it answers.
pub fn check_recovery(hint: &Hint, recovery_text: &str) -> RecoveryCheck {
    let text = canonical(&normalize(recovery_text));
    let missing: Vec<&str> = hint
        .key_terms
        .iter()
        .filter(|group| {
            !group
                .iter()
                .any(|t| mentions(&text, &canonical(&normalize(t))))
        })
        .filter_map(|group| group.first().copied())
        .collect();
    let restated_constraint = missing.is_empty();
    // Judge the plan on the user's own words: a pasted copy of the hint
    // revises nothing.
    let own = without_copy(&text, &canonical(&normalize(hint.text)));
    let explicit = REVISION_PHRASES.iter().any(|p| mentions(&own, p));
    let proposes = PROPOSAL_STARTS.iter().any(|p| mentions(&own, p));
    let stays = NO_CHANGE_PHRASES.iter().any(|p| mentions(&own, p));
    // A new proposal counts as a revision when it answers the restated
    // constraint; an unrelated one ("I'd put a queue in front") does not.
    let revised_plan = explicit || (proposes && restated_constraint && !stays);
    let apologies = APOLOGY_PHRASES.iter().map(|p| occurrences(&text, p)).sum();
    let summary = if recovery_text.trim().is_empty() {
        "Nothing written in the recovery section yet.".to_string()
    } else {
        summarize(restated_constraint, &missing, revised_plan, apologies)
    };
    RecoveryCheck {
        restated_constraint,
        revised_plan,
        apologies,
        summary,
    }
}

/// Rewrites the synonyms of [`CONCEPTS`] in a normalised text (` a b `).
fn canonical(normalised: &str) -> String {
    let mut out = normalised.to_string();
    for (phrase, canon) in CONCEPTS {
        let from = format!(" {} ", normalize(phrase).trim());
        let to = format!(" {canon} ");
        while out.contains(&from) {
            out = out.replace(&from, &to);
        }
    }
    out
}

/// `text` with every run of six or more tokens copied from `hint` removed,
/// so the rest is what the user wrote themselves.
fn without_copy(text: &str, hint: &str) -> String {
    let t: Vec<&str> = text.split_whitespace().collect();
    let h: Vec<&str> = hint.split_whitespace().collect();
    const RUN: usize = 6;
    let mut keep = vec![true; t.len()];
    if h.len() >= RUN {
        for i in 0..t.len().saturating_sub(RUN - 1) {
            let window = &t[i..i + RUN];
            if h.windows(RUN).any(|w| w == window) {
                for k in keep.iter_mut().skip(i).take(RUN) {
                    *k = false;
                }
            }
        }
    } else if !h.is_empty() {
        for i in 0..t.len().saturating_sub(h.len() - 1) {
            if t[i..i + h.len()] == h[..] {
                for k in keep.iter_mut().skip(i).take(h.len()) {
                    *k = false;
                }
            }
        }
    }
    let mut out = String::from(" ");
    for (w, k) in t.iter().zip(keep) {
        if k {
            out.push_str(w);
            out.push(' ');
        }
    }
    out
}

fn summarize(restated: bool, missing: &[&str], revised: bool, apologies: usize) -> String {
    let mut parts = Vec::new();
    parts.push(if restated {
        "Restated the constraint.".to_string()
    } else {
        format!(
            "Constraint not restated: say it back, naming {}.",
            missing.join(" and ")
        )
    });
    parts.push(
        if revised {
            "Revised the plan."
        } else {
            "No explicit plan change: say what you will do instead, and why."
        }
        .to_string(),
    );
    match apologies {
        0 => {}
        1 => parts.push("One apology: once is polite, leave it there.".to_string()),
        n => parts.push(format!(
            "{n} apologies: state the change and move on without apologising."
        )),
    }
    parts.join(" ")
}

/// Whether the normalised text mentions `term`. Terms that start with a digit
/// match whole tokens ("10" does not match "100"); word terms match at a word
/// start, so stems such as "delet" or "throttl" cover their forms, while "eu"
/// does not match inside "queue".
fn mentions(text: &str, term: &str) -> bool {
    occurrences(text, term) > 0
}

fn occurrences(text: &str, term: &str) -> usize {
    let t = normalize(term);
    let t = t.trim();
    if t.is_empty() {
        return 0;
    }
    let numeric = t.starts_with(|c: char| c.is_ascii_digit());
    let needle = if numeric {
        format!(" {t} ")
    } else {
        format!(" {t}")
    };
    // Step by one byte so "sorry sorry" counts twice despite the shared space.
    let mut count = 0;
    let mut from = 0;
    while let Some(i) = text.get(from..).and_then(|rest| rest.find(&needle)) {
        count += 1;
        from += i + 1;
    }
    count
}

/// Lower-cases, splits into tokens and rewrites numbers to one form: digits,
/// with multipliers as a trailing `x` and percentages as a trailing `%`.
/// The result is the tokens joined by single spaces, with a space at each end.
fn normalize(text: &str) -> String {
    let tokens = numbers(tokenize(text));
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    for t in tokens {
        out.push_str(&t);
        out.push(' ');
    }
    out
}

/// Alphanumeric runs, with "10,000" and "2.5" kept whole, a digit run split
/// from letters that follow it ("50ms" → "50", "ms"), and "%" as its own token.
fn tokenize(text: &str) -> Vec<String> {
    let chars: Vec<char> = text
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == '×' { 'x' } else { c })
        .collect();
    let mut tokens = Vec::new();
    let mut cur = String::new();
    let flush = |cur: &mut String, tokens: &mut Vec<String>| {
        if !cur.is_empty() {
            tokens.push(std::mem::take(cur));
        }
    };
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let next = chars.get(i + 1).copied();
        let digit_between =
            prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit());
        if c == ',' && digit_between {
            continue;
        }
        if c == '.' && digit_between {
            cur.push(c);
        } else if c.is_alphanumeric() {
            let starts_with_digit = cur.starts_with(|d: char| d.is_ascii_digit());
            if starts_with_digit && !c.is_ascii_digit() {
                flush(&mut cur, &mut tokens);
            }
            cur.push(c);
        } else {
            flush(&mut cur, &mut tokens);
            if c == '%' {
                tokens.push("%".to_string());
            }
        }
    }
    flush(&mut cur, &mut tokens);
    tokens
}

fn small_number(word: &str) -> Option<u64> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(i) = UNITS.iter().position(|u| *u == word) {
        return Some(i as u64);
    }
    TENS.iter()
        .position(|t| *t == word)
        .map(|i| (i as u64 + 2) * 10)
}

fn scale(word: &str) -> Option<u64> {
    match word {
        "hundred" => Some(100),
        "thousand" => Some(1_000),
        "million" => Some(1_000_000),
        "billion" => Some(1_000_000_000),
        _ => None,
    }
}

/// "tenfold", "hundredfold": a number word glued to "fold".
fn fold_word(word: &str) -> Option<u64> {
    let stem = word.strip_suffix("fold")?;
    small_number(stem).or_else(|| scale(stem))
}

/// Rewrites number phrases in a token list: "a hundred times" → "100x",
/// "ten thousand" → "10000", "10k" → "10000", "five percent" → "5%".
fn numbers(tokens: Vec<String>) -> Vec<String> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        if let Some(n) = fold_word(&tokens[i]) {
            out.push(format!("{n}x"));
            i += 1;
            continue;
        }
        let Some((value, next)) = number_at(&tokens, i) else {
            out.push(tokens[i].clone());
            i += 1;
            continue;
        };
        i = next;
        let suffix = match tokens.get(i).map(String::as_str) {
            Some("x" | "times" | "fold") => "x",
            Some("%" | "percent") => "%",
            _ => "",
        };
        if !suffix.is_empty() {
            i += 1;
        }
        out.push(format!("{value}{suffix}"));
    }
    out
}

/// Parses a number starting at token `i`: digits ("2.5", "10", then an
/// optional "k" or scale words), or number words ("a hundred", "twenty five",
/// "two thousand"). Returns its text and the index after it.
fn number_at(tokens: &[String], i: usize) -> Option<(String, usize)> {
    let first = tokens.get(i)?.as_str();
    let is_scale = |j: usize| tokens.get(j).and_then(|t| scale(t)).is_some();
    let (mut total, mut current, mut j): (u64, u64, usize) =
        if first.starts_with(|c: char| c.is_ascii_digit()) {
            match first.parse::<u64>() {
                Ok(n) if tokens.get(i + 1).is_some_and(|t| t == "k") => {
                    (0, n.saturating_mul(1000), i + 2)
                }
                Ok(n) => (0, n, i + 1),
                // Decimals and overlong digit runs stay as written.
                Err(_) => return Some((first.to_string(), i + 1)),
            }
        } else if (first == "a" || first == "an") && is_scale(i + 1) {
            (0, 1, i + 1)
        } else if let Some(n) = small_number(first) {
            (0, n, i + 1)
        } else {
            return None;
        };
    while let Some(t) = tokens.get(j).map(String::as_str) {
        if let Some(s) = scale(t) {
            if s == 100 {
                current = current.max(1).saturating_mul(100);
            } else {
                total = total.saturating_add(current.max(1).saturating_mul(s));
                current = 0;
            }
        } else if let Some(n) = small_number(t) {
            current = current.saturating_add(n);
        } else {
            break;
        }
        j += 1;
    }
    Some((total.saturating_add(current).to_string(), j))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::drills::HINTS;

    fn hint(id: &str) -> &'static Hint {
        HINTS
            .iter()
            .find(|h| h.id == id)
            .unwrap_or_else(|| panic!("no hint {id}"))
    }

    #[test]
    fn normalize_writes_numbers_one_way() {
        let cases = [
            ("Writes are 100× higher", " writes are 100x higher "),
            ("writes are 100x higher", " writes are 100x higher "),
            ("100 times the writes", " 100x the writes "),
            ("a hundred times the writes", " 100x the writes "),
            ("a hundredfold increase", " a 100x increase "),
            ("a 100-fold increase", " a 100x increase "),
            ("ten thousand rows", " 10000 rows "),
            ("10,000 rows", " 10000 rows "),
            ("10k rows", " 10000 rows "),
            ("twenty-five ms", " 25 ms "),
            ("50ms p99", " 50 ms p99 "),
            ("one percent, 1% or 1 percent", " 1% 1% or 1% "),
            ("2.5 TB", " 2.5 tb "),
            ("ten million items", " 10000000 items "),
            ("I'll switch", " i ll switch "),
            ("", " "),
        ];
        for (input, want) in cases {
            assert_eq!(normalize(input), want, "{input}");
        }
    }

    #[test]
    fn numbers_never_overflow() {
        let n = normalize("99999999999999999999999 and a billion billion billion");
        assert!(n.contains("99999999999999999999999"), "{n}");
        assert!(!normalize("nine billion billion billion").is_empty());
    }

    #[test]
    fn terms_match_whole_numbers_and_word_starts() {
        let cases = [
            (" 100 requests ", "10", false),
            (" 10 requests ", "10", true),
            (" queue ", "eu", false),
            (" eu users ", "eu", true),
            (" deletion requests ", "delet", true),
            (" rate limited ", "rate limit", true),
            (" the 100x writes ", "100×", true),
        ];
        for (text, term, want) in cases {
            assert_eq!(mentions(text, term), want, "{text} / {term}");
        }
    }

    /// (hint id, recovery text, restated, revised, apologies)
    type Case = (&'static str, &'static str, bool, bool, usize);

    #[test]
    fn check_recovery_cases() {
        let cases: &[Case] = &[
            (
                "write-volume-100x",
                "So writes are now a hundred times what I assumed. That changes the storage plan: instead of one Postgres primary I'll batch writes through a log.",
                true, true, 0,
            ),
            (
                "write-volume-100x",
                "Writes are 100× higher, so I would switch to append-only batches.",
                true, true, 0,
            ),
            (
                "write-volume-100x",
                "Sorry, sorry. I'm bad at this. Let me keep going with the same design.",
                false, false, 3,
            ),
            (
                "write-volume-100x",
                "OK, 100x. Continuing.",
                false, false, 0,
            ),
            (
                "provider-rate-limit",
                "The provider throttles us at ten requests per second. Rather than calling it per user, I'll queue the calls and send at most 10 a second.",
                true, true, 0,
            ),
            (
                "provider-rate-limit",
                "Sorry, could you repeat that? Right: 10 requests a second. Now I would batch.",
                true, true, 1,
            ),
            (
                "single-region-data",
                "EU data must stay in the EU region, so I'll revise the plan: a second deployment in Frankfurt.",
                true, true, 0,
            ),
            (
                "single-region-data",
                "I'd put a queue in front of it.",
                false, false, 0,
            ),
            (
                "sorted-input",
                "Since the input is sorted and up to ten million items, I no longer need the hash map.",
                true, true, 0,
            ),
            (
                "team-of-two",
                "With two engineers and six weeks, nothing we operate ourselves: I'll move to a managed queue instead.",
                true, true, 0,
            ),
            (
                "read-heavy",
                "Reads outnumber writes a thousand to one and one percent of items are hot, so this changes things: a cache in front.",
                true, true, 0,
            ),
        ];
        for (id, text, restated, revised, apologies) in cases {
            let c = check_recovery(hint(id), text);
            assert_eq!(
                c.restated_constraint, *restated,
                "{id}: {text}\n{}",
                c.summary
            );
            assert_eq!(c.revised_plan, *revised, "{id}: {text}");
            assert_eq!(c.apologies, *apologies, "{id}: {text}");
        }
    }

    #[test]
    fn every_hint_is_restated_by_its_own_text() {
        for h in &HINTS {
            let c = check_recovery(h, h.text);
            assert!(c.restated_constraint, "{}: {}", h.id, c.summary);
        }
    }

    #[test]
    fn no_hint_is_restated_by_an_unrelated_answer() {
        let text = "I would keep the design and add monitoring.";
        for h in &HINTS {
            assert!(!check_recovery(h, text).restated_constraint, "{}", h.id);
        }
    }

    #[test]
    fn summaries_say_what_to_do() {
        let h = hint("write-volume-100x");
        let cases = [
            ("", "Nothing written in the recovery section yet."),
            ("   ", "Nothing written in the recovery section yet."),
            (
                "Writes are 100x, so instead I'll batch them.",
                "Restated the constraint. Revised the plan.",
            ),
            (
                "Sorry. Writes are 100x, so instead I'll batch them.",
                "Restated the constraint. Revised the plan. One apology: once is polite, leave it there.",
            ),
            (
                "Sorry, apologies, carrying on.",
                "Constraint not restated: say it back, naming 100x and write. No explicit plan change: say what you will do instead, and why. 2 apologies: state the change and move on without apologising.",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(check_recovery(h, text).summary, want, "{text}");
        }
    }

    #[test]
    fn apologies_are_counted_per_occurrence() {
        let h = hint("write-volume-100x");
        let cases = [
            ("sorry sorry sorry", 3),
            ("My apologies. I apologise. My bad.", 3),
            ("I'm sorry, this is probably all wrong", 2),
            // "Sorrow" is not "sorry": matching is at word starts.
            ("Sorrow aside, writes are fine.", 0),
        ];
        for (text, want) in cases {
            assert_eq!(check_recovery(h, text).apologies, want, "{text}");
        }
    }

    /// (hint id, recovery text, passes): paraphrases pass, hints pasted back fail.
    #[test]
    fn meaning_not_wording() {
        let cases: &[(&str, &str, bool)] = &[
            ("p99-latency", "So the call has to finish within fifty milliseconds at the 99th percentile. That rules out the extra hop; I'd read from a local replica instead.", true),
            ("p99-latency", "The p99 latency budget for this call is 50 ms end to end.", false),
            ("provider-rate-limit", "They throttle us at ten calls per second, so I'll put a token bucket in front and batch the lookups.", true),
            ("provider-rate-limit", "The provider rate-limits you to 10 requests a second.", false),
            ("write-volume-100x", "Writes are two orders of magnitude above my estimate, so I would buffer them in an append-only log and compact nightly.", true),
            ("write-volume-100x", "The write volume is 100× what you assumed. Let me keep going with the same design.", false),
            ("exactly-once", "Nobody can be charged two times, so I'll key each charge on an idempotency token.", true),
            ("exactly-once", "Duplicates are unacceptable: a user must never be charged twice.", false),
            ("memory-limit", "It is two terabytes and streams in, so I'd switch to an external merge sort over chunks.", true),
            ("memory-limit", "The input no longer fits in memory: it is 2 TB and arrives as a stream.", false),
            ("single-region-data", "European users' data has to stay in Europe, so I'd run a separate EU deployment with its own database.", true),
            ("deletes-gdpr", "Users can ask for deletion, and their data must be gone everywhere within 30 days. Okay.", false),
            ("deletes-gdpr", "A user can ask us to erase them and it must happen within a month; I'd keep a deletion log and replay it into every store.", true),
            ("dependency-down", "The payment provider has an outage of up to an hour every week, so I'd queue charges and retry once it is back.", true),
        ];
        for (id, text, passes) in cases {
            let c = check_recovery(hint(id), text);
            assert_eq!(c.passed(), *passes, "{id}: {text} -> {}", c.summary);
        }
    }
}
