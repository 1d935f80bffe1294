//! What every rule may ask about a document, computed once: per sentence,
//! whether the speaker says what *they* did (agency), owns a part or a miss
//! (ownership, admission), gives a measure, and which part of the answer it
//! sits in (a "Team outcome" or "What I owned" section, an "Action items"
//! list, the weak version of a story); per attempt, what the other sections
//! say (a "What I owned" column answers a "Team outcome" one).

use super::clause::{Actor, Clause, Clauses, Link, Mood, Tense};
use super::lexicon::{Hits, Lexicon, Phrases};
use super::text::{Doc, Kind, SentenceKind};
use super::words::is_number_word;

/// The part of an answer a sentence belongs to, from the nearest label or heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    None,
    /// "Team outcome", "What the team did".
    TeamOutcome,
    /// "What I owned", "My part", "What I did myself".
    Owned,
    /// "What others owned".
    Others,
    /// "Action items", "Follow-ups", "Next steps".
    ActionItems,
    /// The weak (or mid) version of a story told on purpose ("Weak version:").
    Version,
    /// "Situation:", "Task:", "Context", "Goal and constraints", "Assumptions".
    Situation,
    /// A section the drill asks to diagnose a failure in: "Contributing
    /// factors", "Failure labels", "Silent decisions" (see
    /// [`is_diagnosis_label`]). Naming a gap there ("no canary", "tests were
    /// put off") is the analysis asked for, not a gap in the answer.
    Diagnosis,
}

/// Facts about one sentence.
#[derive(Clone, Copy, Debug, Default)]
pub struct SentenceFacts {
    /// A first-person clause reporting concrete work: "I wrote the parser".
    pub agency: bool,
    /// Any first-person act, weak ones included: "I suggested a cache".
    pub first_person_act: bool,
    /// A first-person act about what was just said: "I recommended it".
    pub anaphoric_act: bool,
    /// An explicit statement of the speaker's part: "my part was", "I owned".
    pub ownership: bool,
    /// The speaker owns a miss: "I should have", "that was on me", "my miss".
    pub admission: bool,
    /// A number (not a year), a spelled-out amount, a percentage or a from–to.
    pub measure: bool,
    /// Every word of the sentence is quoted or reported.
    pub mention: bool,
}

/// Facts about the other sections of the attempt.
#[derive(Clone, Copy, Debug, Default)]
pub struct AttemptFacts {
    /// Some section labelled as the speaker's part says concretely what they did.
    pub owned_section_with_agency: bool,
    /// Some section names another person's part ("Priya built the relay").
    pub others_named: bool,
}

/// Everything a rule can look at for one section.
pub struct Ctx<'d, 't> {
    pub doc: &'d Doc<'t>,
    pub clauses: &'d Clauses,
    pub hits: &'d Hits,
    pub lex: &'d Lexicon,
    pub facts: Vec<SentenceFacts>,
    pub roles: Vec<Role>,
    /// This section's own role (from the app's section label or its first heading).
    pub section_role: Role,
    pub attempt: AttemptFacts,
    /// An earlier section of the same attempt frames the problem (a
    /// question, an assumption, a scale), so a design here is not premature.
    pub framed_in_earlier_section: bool,
}

/// Explicit statements of the speaker's part.
pub static OWNERSHIP: Phrases = Phrases {
    name: "ownership",
    items: &[
        "my {part|role|piece|contribution|share|responsibility|slice|job|task} {was|is|:|were|,|here}",
        "{i|i've} {~own}",
        "{i was|i'm|i am} {responsible|accountable|the owner|the dri|the tech lead|tech lead|the lead|on point} for",
        "{i was|i'm|i am} {the tech lead|tech lead|the dri} {for this|on this|on it|there}",
        "{that|this|it|the design|the idea|the fix|the proposal} {was|were} {mine|me}",
        "{my fix|my finding|my call|my idea|my proposal|my design|my code|my change}",
        "{was|were} {mine|on me}",
        "what i {did|owned|built|wrote} {myself|personally|directly}",
        "i {personally|myself|directly} {~write|~build|~do|~own|~run|~design|~migrate|~fix}",
    ],
};

/// The speaker owning a miss or a share of a failure.
pub static ADMISSION: Phrases = Phrases {
    name: "admission",
    items: &[
        "my {miss|mistake|fault|error|bad call|gap|part|share|blind spot|oversight}",
        "{on me|my fault|was mine|were mine|i own that|i owned that|i take responsibility|i took responsibility}",
        "i {should have|should've|could have|could've|would have|would've|shouldn't have|hadn't|didn't|did not|had not|missed|overlooked|underestimated|overstated|forgot|assumed|misjudged|was wrong|got wrong|never}",
        "i {had|'d} {assumed|missed|estimated|reviewed|accepted|written|approved}",
        "part of {it|this|that} was {mine|me}",
        "{half|some|most|part} of {it|this|that|the slip|the delay} was {mine|me|on me}",
        "{the missing|the} {check|test|step|gap} was mine",
        "in hindsight i",
        "if i'd been",
        "!i didn't {say|mean|know|expect}",
        // Kept from doing it is no miss of one's own: "so I never got to
        // finish a thought".
        "!i {never|didn't} {get|got|had} {to|the chance|a chance|the time|time}",
        // Disowning is not owning: "so it is not fully my fault".
        "!not {fully |entirely |really |totally |all |just |only |}my {fault|mistake|miss|problem}",
    ],
};

/// Collective claims that need no clause reading: "it was a team effort".
pub static TEAM_CLAIMS: Phrases = Phrases {
    name: "team-claims",
    items: &[
        "a team effort",
        "{thanks to|because of} {the team|our team|my team|the team's|our team's} {work|effort|efforts|hard work}",
        "{we|the team|our team|my team} {were|was} able to",
        "{we|the team|our team|my team} managed to",
        "we {pulled it off|got it done|made it happen|nailed it|crushed it}",
    ],
};

/// Spelled-out amounts that count as a measure, with the idioms that do not.
pub static MEASURE_WORDS: Phrases = Phrases {
    name: "measure-words",
    items: &[
        "a third", "a quarter", "three quarters", "a fifth", "a tenth", "by half", "in half",
        "zero", "none of the", "no longer",
        "!{the|this|that|which|each|every|no|any|some|new|old|first|last|right|wrong|only|a|another|other|big|single} one",
        "!one of", "!one {day|time|thing|more|another|way|place|thing}", "!{once|at} {one|a} point",
        "!day one", "!no one", "!zero issues",
    ],
};

/// Sections roles read from label and heading words.
pub fn role_of_label(words: &[&str]) -> Option<Role> {
    let has = |w: &str| words.contains(&w);
    let joined = words.join(" ");
    if joined.contains("action item")
        || joined.contains("follow-up")
        || joined.contains("follow up")
        || joined.contains("next step")
        || joined.contains("what we changed")
        || joined.contains("what changed")
        || joined.contains("what i'd change")
        || has("lessons")
        // "Actions", "Remediation": a postmortem's list ("Action" alone is
        // STAR's step).
        || has("actions")
        || has("remediation")
        || has("todos")
        || words.len() <= 2
            && (has("after") || has("afterwards") || has("prevention") || has("improvements"))
    {
        return Some(Role::ActionItems);
    }
    if (has("others") || has("other") || has("they"))
        && (has("owned") || has("did") || has("people"))
    {
        return Some(Role::Others);
    }
    if joined.contains("what i")
        || joined.contains("my part")
        || joined.contains("my role")
        || joined.contains("i owned")
        || joined.contains("my contribution")
    {
        return Some(Role::Owned);
    }
    if has("team") && (has("outcome") || has("did") || has("result"))
        || joined.contains("what the team")
    {
        return Some(Role::TeamOutcome);
    }
    if has("weak")
        || has("weakest")
        || has("mid")
        || has("middle")
        || (has("version") && (has("one") || has("1") || has("first")))
    {
        return Some(Role::Version);
    }
    if has("situation")
        || has("task")
        || has("context")
        || has("background")
        || has("assumptions")
        || has("constraints")
        || has("goal")
        || has("impact")
        || words.len() == 1 && matches!(words[0], "s" | "t")
    {
        return Some(Role::Situation);
    }
    if has("senior")
        || has("strong")
        || has("strongest")
        || has("version")
        || has("action")
        || has("result")
        || words.len() == 1 && matches!(words[0], "a" | "r")
    {
        return Some(Role::None);
    }
    None
}

/// Whether a drill's section label asks for a diagnosis ("Contributing
/// factors", "Failure labels", "Silent decisions"). Only the app's labels
/// count: a "What went wrong" heading inside an answer is the writer's own
/// story, judged like any other.
pub fn is_diagnosis_label(words: &[&str]) -> bool {
    let joined = words.join(" ");
    words.iter().any(|w| matches!(*w, "factors" | "factor"))
        || joined.contains("failure labels")
        || joined.contains("silent decisions")
}

/// Verbs of a first-person clause that do not say what the speaker did:
/// helping, taking part, proposing, and role claims ("I led the migration").
fn is_weak_agency(base: &str) -> bool {
    matches!(
        base,
        "help"
            | "support"
            | "assist"
            | "contribute"
            | "participate"
            | "involve"
            | "join"
            | "attend"
            | "suggest"
            | "propose"
            | "recommend"
            | "push"
            | "advocate"
            | "lead"
            | "drive"
            | "oversee"
            | "manage"
            | "coordinate"
            | "spearhead"
            | "champion"
            | "work"
            | "keep"
            | "collaborate"
            | "partner"
            | "make"
            | "ensure"
            | "try"
            | "guide"
            | "facilitate"
    )
}

/// Whether `c` reports a claim of concrete work (by anyone): a factual
/// past or perfect clause whose verb is an action.
pub fn is_work_claim(doc: &Doc, c: &Clause) -> bool {
    if !c.mood.is_fact()
        || c.mention
        || c.negated
        || !matches!(c.tense, Tense::Past | Tense::Perfect)
    {
        return false;
    }
    let Some(v) = c.verb else { return false };
    let base = c.verb_base.as_str();
    let next = |k: usize| -> &str {
        if v + k < c.last {
            doc.norm_of(v + k)
        } else {
            ""
        }
    };
    if c.passive && !c.by_agent {
        return base == "involve";
    }
    match base {
        "go" => matches!(next(1), "with" | "live" | "ahead" | "for"),
        "come" => next(1) == "up" && next(2) == "with",
        // "we got pulled in" is a passive; "we got away with it" is luck.
        "get" => next(1) != "to" && next(1) != "away" && !super::words::is_past_form(next(1)),
        "skip" | "miss" | "fail" | "forget" | "lose" | "neglect" | "ignore" | "slip" => false,
        // "The IT of the mill delayed us two months": an obstacle, not a part.
        "delay" | "block" | "stall" | "derail" | "break" | "postpone" | "cancel" => false,
        "end" => next(1) == "up" && next(2) == "with",
        // "we did a good job" is a verdict, not work.
        "do" => {
            !(v + 2 < c.last
                && doc.norm_of(v + 1) == "a"
                && matches!(
                    doc.norm_of(v + 2),
                    "good" | "great" | "decent" | "solid" | "fantastic" | "bad"
                ))
        }
        "have" => (v + 1..c.last.min(v + 6)).any(|k| {
            matches!(
                doc.norm_of(k),
                "back" | "done" | "fixed" | "running" | "stable" | "rolled"
            )
        }),
        "look" => next(1) == "into",
        // "we figured out the cause" is work; "we figured the rollout was
        // the test" is a belief.
        "figure" => next(1) == "out",
        _ => !super::words::is_non_claim_verb(base),
    }
}

/// Whether `c` names another person's own part of the work ("Dana built the
/// mobile client"): their concrete work, not help, and not a part the
/// sentence makes small or the speaker's ("they mostly followed my plan",
/// "reviewed a PR here and there", "were along for the ride"). Only such a
/// part answers a claim over the whole.
pub fn is_others_part(doc: &Doc, c: &Clause) -> bool {
    if c.actor != Actor::Others
        || c.mention
        || !is_work_claim(doc, c)
        || matches!(c.verb_base.as_str(), "help" | "support" | "assist")
    {
        return false;
    }
    let sentence = &doc.sentences[c.sentence];
    let words: Vec<&str> = (sentence.first..sentence.last)
        .filter(|&i| doc.tokens[i].kind == Kind::Word)
        .map(|i| doc.norm_of(i))
        .collect();
    let minimised = words.windows(2).any(|w| {
        matches!(
            w,
            ["here", "and"]
                | ["along", "for"]
                | ["followed", "my"]
                | ["follow", "my"]
                | ["my", "plan"]
                | ["my", "lead"]
                | ["my", "instructions"]
                | ["my", "design"]
                | ["my", "spec"]
                | ["had", "already"]
                | ["a", "bit"]
        )
    }) || words
        .iter()
        .any(|w| matches!(*w, "merely" | "barely" | "mostly" | "just" | "only"));
    !minimised
}

/// Whether `c` is the speaker reporting their own concrete work.
pub fn is_agency(doc: &Doc, c: &Clause) -> bool {
    c.actor == Actor::I && is_work_claim(doc, c) && !is_weak_agency(&c.verb_base)
}

impl<'d, 't> Ctx<'d, 't> {
    pub fn new(
        doc: &'d Doc<'t>,
        clauses: &'d Clauses,
        hits: &'d Hits,
        lex: &'d Lexicon,
        section_role: Role,
    ) -> Self {
        let n = doc.sentences.len();
        let mut facts = vec![SentenceFacts::default(); n];
        let mut roles = vec![section_role; n];
        let mut role = section_role;
        let mut role_paragraph = usize::MAX;
        for (s, sentence) in doc.sentences.iter().enumerate() {
            if sentence.is_structure() {
                let words: Vec<&str> = (sentence.first..sentence.last)
                    .filter(|&i| {
                        doc.tokens[i].kind == Kind::Word || doc.tokens[i].kind == Kind::Number
                    })
                    .map(|i| doc.norm_of(i))
                    .collect();
                // Inside a diagnosis the run-in labels name the failures
                // ("Impact: …", "Testing: …"); the whole section stays one.
                let label_role = (section_role != Role::Diagnosis)
                    .then(|| role_of_label(&words))
                    .flatten();
                if let Some(r) = label_role {
                    role = if r == Role::None { section_role } else { r };
                    role_paragraph = sentence.paragraph;
                } else if sentence.kind == SentenceKind::Heading {
                    role = section_role;
                }
            } else if role == Role::Version
                && sentence.paragraph != role_paragraph
                && !sentence.list_item
            {
                // A version label covers its own paragraph (or list).
                role = section_role;
            }
            roles[s] = role;
            let clauses_here = clauses.of(s);
            let all_mention = !clauses_here.is_empty() && clauses_here.iter().all(|c| c.mention);
            facts[s].mention = all_mention;
            if sentence.is_structure() {
                continue;
            }
            facts[s].agency = clauses_here.iter().any(|c| is_agency(doc, c));
            facts[s].first_person_act = clauses_here
                .iter()
                .any(|c| c.actor == Actor::I && is_work_claim(doc, c));
            facts[s].anaphoric_act = clauses_here.iter().any(|c| {
                c.actor == Actor::I
                    && is_work_claim(doc, c)
                    && c.verb.is_some_and(|v| {
                        v + 1 < c.last
                            && matches!(
                                doc.norm_of(v + 1),
                                "it" | "that" | "this" | "them" | "those"
                            )
                    })
            });
        }
        let mut cx = Ctx {
            doc,
            clauses,
            hits,
            lex,
            facts,
            roles,
            section_role,
            attempt: AttemptFacts::default(),
            framed_in_earlier_section: false,
        };
        for (list, set) in [(&OWNERSHIP, 0u8), (&ADMISSION, 1u8)] {
            if let Some(id) = lex.id(list) {
                for h in hits.of(id) {
                    let t = h.first as usize;
                    let s = h.sentence as usize;
                    if doc.tokens[t].quoted || doc.sentences[s].is_structure() {
                        continue;
                    }
                    if cx
                        .clauses
                        .at(s, t)
                        .is_some_and(|c| cx.clauses.list[c].mention)
                    {
                        continue;
                    }
                    match set {
                        0 => cx.facts[s].ownership = true,
                        _ => cx.facts[s].admission = true,
                    }
                }
            }
        }
        for s in 0..n {
            cx.facts[s].measure = cx.measure_in(s);
        }
        cx
    }

    /// The hits of `list` in sentence `s`.
    pub fn hits_in(&self, list: &Phrases, s: usize) -> &[super::lexicon::Hit] {
        match self.lex.id(list) {
            Some(id) => self.hits.in_sentence(id, s),
            None => &[],
        }
    }

    /// All hits of `list`.
    pub fn hits_of(&self, list: &Phrases) -> &[super::lexicon::Hit] {
        match self.lex.id(list) {
            Some(id) => self.hits.of(id),
            None => &[],
        }
    }

    /// Whether any phrase of `list` occurs in sentence `s`, outside mentions.
    pub fn has(&self, list: &Phrases, s: usize) -> bool {
        self.hits_in(list, s)
            .iter()
            .any(|h| !self.doc.tokens[h.first as usize].quoted)
    }

    /// Whether any phrase of `list` occurs in tokens `first..last`.
    pub fn has_in_span(&self, list: &Phrases, s: usize, first: usize, last: usize) -> bool {
        self.hits_in(list, s)
            .iter()
            .any(|h| (h.first as usize) >= first && (h.first as usize) < last)
    }

    /// Whether tokens `first..last` hold a measure.
    pub fn measure_in_span(&self, s: usize, first: usize, last: usize) -> bool {
        let doc = self.doc;
        for i in first..last {
            let t = &doc.tokens[i];
            let w = doc.norm_of(i);
            if t.kind == Kind::Number && !is_year(w) {
                return true;
            }
            if t.kind == Kind::Word && is_number_word(w) && !matches!(w, "one" | "half" | "zero") {
                return true;
            }
            if w == "zero"
                && !(i + 1 < last
                    && matches!(
                        doc.norm_of(i + 1),
                        "issues" | "problems" | "complaints" | "concerns"
                    ))
            {
                return true;
            }
            if w == "from" {
                let stop = (i + 9).min(last);
                if (i + 2..stop).any(|k| doc.norm_of(k) == "to") {
                    return true;
                }
            }
        }
        // "one" and "half" count only as amounts: "from one to three",
        // "by half", "under one second"; "one aging instance" is a determiner.
        for i in first..last {
            let w = doc.norm_of(i);
            if matches!(w, "one" | "half") {
                let prev = if i > first { doc.norm_of(i - 1) } else { "" };
                let next = if i + 1 < last { doc.norm_of(i + 1) } else { "" };
                let amount = matches!(
                    prev,
                    "from"
                        | "to"
                        | "than"
                        | "under"
                        | "over"
                        | "about"
                        | "around"
                        | "by"
                        | "in"
                        | "below"
                        | "above"
                        | "roughly"
                ) || super::words::is_unit(next)
                    || matches!(
                        next,
                        "percent"
                            | "%"
                            | "point"
                            | "points"
                            | "hour"
                            | "minute"
                            | "second"
                            | "day"
                            | "week"
                            | "month"
                            | "year"
                    );
                if amount {
                    return true;
                }
            }
        }
        self.hits_in(&MEASURE_WORDS, s)
            .iter()
            .any(|h| (h.first as usize) >= first && (h.last as usize) <= last)
    }

    fn measure_in(&self, s: usize) -> bool {
        let sentence = &self.doc.sentences[s];
        self.measure_in_span(s, sentence.first, sentence.last)
    }

    /// Sentences `lo..=hi` around `s` within `reach` sentences and the same
    /// paragraph, skipping labels and headings.
    pub fn around(&self, s: usize, reach: usize) -> impl Iterator<Item = usize> + '_ {
        let p = self.doc.sentences[s].paragraph;
        let prose: Vec<usize> = (s.saturating_sub(reach * 3)
            ..(s + reach * 3 + 1).min(self.doc.sentences.len()))
            .filter(|&k| {
                self.doc.sentences[k].paragraph == p && !self.doc.sentences[k].is_structure()
            })
            .collect();
        let at = prose.iter().position(|&k| k == s);
        let lo = at.map_or(0, |a| a.saturating_sub(reach));
        let hi = at.map_or(prose.len(), |a| (a + reach + 1).min(prose.len()));
        prose.into_iter().skip(lo).take(hi - lo)
    }

    /// The sentences of `s`'s paragraph.
    pub fn paragraph_of(&self, s: usize) -> impl Iterator<Item = usize> + '_ {
        let p = self.doc.sentences[s].paragraph;
        (0..self.doc.sentences.len()).filter(move |&k| self.doc.sentences[k].paragraph == p)
    }

    /// The clause of sentence `s` that holds token `t`.
    pub fn clause_at(&self, s: usize, t: usize) -> Option<&Clause> {
        self.clauses.at(s, t).map(|c| &self.clauses.list[c])
    }

    /// The text of tokens `first..last`.
    pub fn slice(&self, first: usize, last: usize) -> &'t str {
        self.doc.slice(first, last)
    }
}

/// "2019", "2024": a year, not a measure.
pub fn is_year(w: &str) -> bool {
    w.len() == 4
        && (w.starts_with("19") || w.starts_with("20"))
        && w.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a clause is a reason ("because …") that says something about this
/// situation: a measure, or at least three content words, and no appeal to
/// convention ("because it's the standard way", "because it scales").
pub fn is_real_reason(cx: &Ctx, c: &Clause) -> bool {
    if !matches!(c.link, Link::Reason | Link::Purpose | Link::Result) {
        return false;
    }
    let s = c.sentence;
    if cx.has_in_span(&CONVENTION, s, c.first, c.last) {
        return false;
    }
    if cx.measure_in_span(s, c.first, c.last) {
        return true;
    }
    let content = c
        .words(cx.doc)
        .filter(|w| {
            !super::words::is_determiner(w)
                && !super::words::is_preposition(w)
                && !is_function_word(w)
        })
        .count();
    content >= 4
}

/// Appeals to convention or to generic virtues, which are not reasons.
pub static CONVENTION: Phrases = Phrases {
    name: "convention",
    items: &[
        "{the |a |}{standard|usual|normal|default|modern|obvious|natural|common|typical|textbook} {way|approach|choice|pattern|thing|one|option|stack|practice|fix|answer|solution}",
        "{industry|a} standard", "standard", "best practice", "best practices", "everyone {~use|~do|~know}", "everybody {~use|~do|~know}",
        "{it|that|this} {~scale} {well|better|horizontally|}", "{it's|it is|is} {faster|simpler|easier|better|more robust|more scalable|more resilient|more decoupled|modern|cleaner|the future}",
        "obviously", "clearly", "of course", "naturally", "{it|that|this} makes {the |}{system|it|things|everything} more",
        "what {google|netflix|amazon|everyone} {does|uses}", "the way it's done",
        "always a good idea", "it's good practice", "good practice", "recommended",
    ],
};

fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "because"
            | "since"
            | "so"
            | "that"
            | "it"
            | "it's"
            | "is"
            | "was"
            | "are"
            | "were"
            | "be"
            | "we"
            | "i"
            | "they"
            | "you"
            | "and"
            | "or"
            | "but"
            | "not"
            | "just"
            | "really"
            | "very"
            | "this"
            | "these"
            | "those"
            | "there"
            | "which"
            | "what"
            | "would"
            | "will"
            | "can"
            | "could"
            | "should"
            | "do"
            | "does"
            | "did"
            | "have"
            | "has"
            | "had"
            | "given"
            | "cause"
            | "'cause"
            | "then"
            | "also"
            | "like"
            | "um"
            | "uh"
            | "more"
            | "much"
            | "way"
            | "lot"
    )
}

/// Whether the clause list has an agency clause in `first..last` tokens.
pub fn any_agency(doc: &Doc, clauses: &[Clause]) -> bool {
    clauses.iter().any(|c| is_agency(doc, c))
}

/// Whether `c` is a first-person or collective clause that is a plan or
/// hypothesis, not a report.
pub fn is_plan_like(c: &Clause) -> bool {
    !matches!(c.mood, Mood::Fact)
}
