//! Word lists and word classes shared by several rules: who did something
//! (first-person agency), and what counts as a measure.

use super::lexicon::Phrases;
use super::shape::{Next, Term};

/// Words skipped between a subject and its verb, or a copula and its
/// complement: "I *then* rewrote", "I'm *a very* detail-oriented".
pub const SKIP: &[&str] = &[
    "a",
    "an",
    "also",
    "then",
    "personally",
    "directly",
    "first",
    "initially",
    "eventually",
    "finally",
    "quickly",
    "really",
    "actually",
    "basically",
    "just",
    "all",
    "both",
    "together",
    "successfully",
    "ultimately",
    "later",
    "never",
    "originally",
    "mostly",
    "largely",
    "fully",
    "completely",
    "partly",
    "myself",
    "recently",
    "immediately",
    "still",
    "soon",
    "already",
    "very",
    "truly",
    "extremely",
    "highly",
    "super",
    "incredibly",
    "genuinely",
    "naturally",
    "always",
    "quite",
    "so",
    "pretty",
    "deeply",
    "even",
    "collectively",
    "jointly",
    "proactively",
    "probably",
    "likely",
    "totally",
    "honestly",
    "strictly",
];

/// Irregular past forms (and a few present ones) that describe an action.
const IRREGULAR_ACTIONS: &[&str] = &[
    "wrote",
    "rewrote",
    "led",
    "built",
    "rebuilt",
    "ran",
    "reran",
    "drove",
    "took",
    "made",
    "set",
    "cut",
    "found",
    "chose",
    "brought",
    "got",
    "caught",
    "broke",
    "kept",
    "put",
    "spent",
    "sent",
    "split",
    "sold",
    "spoke",
    "told",
    "taught",
    "held",
    "laid",
    "paid",
    "redid",
    "did",
    "went",
    "won",
    "undertook",
    "oversaw",
    "began",
    "drew",
    "gave",
    "let",
    "met",
    "overrode",
    "shut",
    "stood",
    "struck",
    "swept",
    "threw",
    "withdrew",
    "dug",
    "bent",
    "fought",
    "froze",
    "grew",
    "hung",
    "left",
    "quit",
    "sought",
    "shook",
    "shot",
    "spun",
    "stuck",
    "tore",
    "woke",
    "upheld",
    "sped",
    "redrew",
    "wound",
    "bound",
    "flew",
    "fed",
    "hid",
    "shipped",
    "own",
    "lead",
    "run",
    "write",
    "drive",
    "build",
    "review",
    "maintain",
    "manage",
    "design",
    "handle",
    "mentor",
    "coordinate",
    "negotiate",
    "chair",
    "facilitate",
    "hit",
];

/// "-ed" words after "I" or "we" that report a state or wish, not an action.
const STATIVE_ED: &[&str] = &[
    "needed",
    "wanted",
    "liked",
    "loved",
    "hoped",
    "wished",
    "assumed",
    "guessed",
    "believed",
    "seemed",
    "joined",
    "preferred",
    "enjoyed",
    "hated",
    "feared",
    "worried",
    "expected",
    "supposed",
    "tired",
    "excited",
    "bored",
    "interested",
    "confused",
    "scared",
    "stressed",
    "wondered",
    "appeared",
    "happened",
];

/// Past verbs after "we" that are reflection rather than a claim of work done.
const REFLECTIVE_ED: &[&str] = &[
    "learned",
    "realized",
    "realised",
    "noticed",
    "discussed",
    "used",
    "tried",
    "agreed",
    "planned",
    "intended",
    "talked",
    "asked",
    "considered",
    "looked",
    "started",
    "struggled",
];

/// A test on the word right after a phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordClass {
    /// A past-tense action: "-ed" (not stative) or an irregular action verb.
    Action,
    /// An action that claims work done (excludes reflective verbs).
    Claim,
}

impl WordClass {
    /// Whether the normalised word `w` belongs to the class.
    pub fn matches(self, w: &str) -> bool {
        let action = IRREGULAR_ACTIONS.contains(&w)
            || (w.len() >= 4
                && w.ends_with("ed")
                && !w.ends_with("eed")
                && w.bytes().all(|b| b.is_ascii_lowercase())
                && !STATIVE_ED.contains(&w));
        match self {
            WordClass::Action => action,
            WordClass::Claim => action && !REFLECTIVE_ED.contains(&w),
        }
    }
}

/// First-person subjects.
pub static FIRST_PERSON: Phrases = Phrases {
    name: "first-person",
    items: &[
        "i", "i've", "i have", "i'd", "i had",
        // A heading such as "What I owned:" is a label, not a statement.
        "!{^|,|.} {what|which parts|the parts} i {directly |personally |}{owned|did|led|built|contributed|drove} {:|-}",
    ],
};

/// First-person statements of ownership or admission that need no verb test.
pub static OWNERSHIP: Phrases = Phrases {
    name: "ownership",
    items: &[
        "my {part|role|piece|contribution|share|responsibility|responsibilities|slice|area|job|task|call|decision|miss|mistake|fault|error|bad call|proposal|design|change|fix|pr|patch|code|work}",
        "{i was|i'm|i am} {responsible|accountable|the owner|the one who|on point|the lead|the tech lead|the dri|the decision-maker}",
        "i {had not|hadn't|didn't|did not|should have|could have|would have|now|personally|myself|take responsibility|took responsibility|take ownership|took ownership|was the one}",
        "!{not|wasn't|isn't|never|wasn't really|not really} my {fault|mistake|call|miss|decision|responsibility|job|problem|part|area}",
        "{on me|me personally|fell to me|assigned to me|owned by me|was mine|were mine|written by me|built by me|led by me|i own|i owned}",
    ],
};

/// The agency terms: "I" + an action verb, or an ownership statement.
pub static AGENCY: [Term; 2] = [
    Term::Then(&FIRST_PERSON, Next::Class(WordClass::Action)),
    Term::Any(&OWNERSHIP),
];

/// Spelled-out numbers and multipliers that count as a measure.
pub static MEASURE_WORDS: Phrases = Phrases {
    name: "measure-words",
    items: &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion",
        "dozen", "dozens", "half", "halved", "twice", "double", "doubled", "triple", "tripled",
        "quadrupled", "tenfold", "ten-fold", "percent", "per cent", "%", "zero", "a third",
        "a quarter", "three quarters", "nine-fold",
        "!{the|this|that|which|each|every|no|any|some|new|old|first|last|right|wrong|only|a|another|other|big|single} one",
        "!one of", "!one {day|time|thing|more|another|way}", "!{once|at} {one|a} point",
        "!day one",
        "!{owns|own|owned|add|adds|added|pick|use|choose|get|need|needs|want|build|keep|write|have|has|had} one",
    ],
};

/// A measure: a number (not a year), a spelled-out number or multiplier, a
/// percentage, or a "from … to …" change.
pub static MEASURE: Term = Term::Measure;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_classes() {
        for w in ["owned", "rewrote", "shipped", "built", "migrated", "led"] {
            assert!(WordClass::Action.matches(w), "{w}");
        }
        for w in ["needed", "think", "was", "red", "hoped", "felt", "thought"] {
            assert!(!WordClass::Action.matches(w), "{w}");
        }
        assert!(WordClass::Action.matches("learned"));
        assert!(!WordClass::Claim.matches("learned"));
    }
}
