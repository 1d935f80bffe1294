//! `vague-impact`: an outcome or importance claim with no measure.
//!
//! Why an interviewer cares: "it was much faster" and "everyone was happy"
//! are unfalsifiable. A number, a unit or a before and after is what turns a
//! claim into evidence, and it shows that the speaker measured the thing.
//!
//! What counts, per clause: a claim of change ("improved", "went up quite a
//! bit", "dropped off noticeably"), an evaluative comparison with a degree
//! ("way smoother", "much more stable now"), a verdict ("a huge success",
//! "it worked well", "went really smoothly", "a very important project"), or
//! satisfaction ("the customer was happy", "leadership was impressed",
//! "people swore by it"), a rank with no measure ("one of the most impactful
//! things we shipped"), or an amount with no number ("loads of", "miles
//! ahead", "matters hugely"), or an outcome named and judged ("the impact
//! on passengers was considerable", "the recovery was swift") — reported as a fact (past, perfect, or present
//! anchored in time: "is much more stable now"), with no measure anywhere in
//! the sentence: no number (digits or words), percentage, unit, or from–to.
//! Not flagged: plans and hypotheticals ("will be a huge improvement", "should
//! have been a win", "I can do better"), goals ("the goal was to reduce …",
//! "I was asked to improve …"), questions, negations, generic comparisons
//! that are reasoning ("cron and one script is easier to debug"), mentions.
//!
//! Better shape: the before and after with a unit: "from 900 ms to 280 ms",
//! "from six hours to under ninety minutes", "complaints fell from 40 a week to 3".

use super::{clip, Raw, Rule, RuleId, RuleInfo};
use crate::core::analyzer::clause::{Clause, Link, Mood, Tense};
use crate::core::analyzer::context::{Ctx, Role};
use crate::core::analyzer::lexicon::Phrases;
use crate::core::analyzer::text::Kind;
use crate::core::analyzer::Severity;

pub const INFO: RuleInfo = RuleInfo {
    id: "vague-impact",
    title: "Vague impact",
    description: "An outcome claim (\"improved\", \"much faster\", \"a huge success\") with no number, unit or before and after.",
    example_fix: "p95 checkout latency went from 900 ms to 280 ms, and abandoned carts fell from 9% to 6%.",
    severity: Severity::Warning,
};

/// Claims of change and comparisons with a degree: outcomes only when
/// reported (past, perfect, or present anchored in time).
pub static CHANGES: Phrases = Phrases {
    name: "impact-changes",
    items: &[
        "~improve", "~reduce", "~increase", "~decrease", "~boost", "~lower", "~slash",
        "~optimise", "~optimize", "~stabilise", "~stabilize", "sped up", "~speed up",
        "~go {up|down|away}", "came down", "~bring down", "brought down",
        "!~come up with", "!~go up to", "!~go down to", "!~come down to",
        "{dropped|fell|dropped off|plummeted|skyrocketed|soared|shrank|grew|rose|went down|went up|came down|decreased|increased|improved|reduced} {a lot|noticeably|significantly|dramatically|like a stone|quite a bit|massively|hugely|sharply|a ton|greatly|considerably}",
        "dropped like a stone", "way {up|down}", "{down|up} {a lot|quite a bit|a ton|massively|significantly|considerably|loads}",
        "{saved|saves|save} {them|us|the team|everyone|the company|the business|customers} {a lot of|a ton of|lots of|so much}",
        "{saved|saves|save} {a lot of|a ton of|lots of|tons of|so much|loads of|heaps of}",
        // A fall told over a time with no amount: "claims dropped over the season".
        // ("fell over" is a crash.)
        "{dropped|shrank|declined|plummeted} {over|across|during|within|after|since|once}",
        "fell {across|during|within|after|since|once}",
        "{helped|mattered|paid off} {a lot|a ton|massively|hugely|immensely|greatly|enormously}",
        "stopped {complaining|to complain}", "{mostly |}{went away|disappeared}",
        "{became|become|becomes|got|gets|felt|feels|ran|runs|is now|are now} {faster|quicker|better|smoother|easier|cheaper|snappier|more stable|more reliable}",
        "{faster|better|cheaper|quicker|smoother} than before",
        "made {it|things|everything|them|the pages|the page|the app|the site|deploys|builds|search|checkout|releases|the process} {faster|quicker|better|smoother|easier|cheaper|snappier|more stable|more reliable}",
        "{most|the majority|all} of the {data|users|customers|orders|traffic|errors|issues|bugs|tickets|events} {was|were} {recovered|restored|back|fixed|resolved}",
    ],
};

/// Verdicts and satisfaction: claims in any tense of fact.
pub static VERDICTS: Phrases = Phrases {
    name: "impact-verdicts",
    items: &[
        "{a |the |}{huge|massive|big|major|significant|tremendous|enormous|great|real|noticeable|dramatic|substantial|solid|clear|large|resounding|total|complete} {win|success|impact|improvement|difference|boost|gain|gains|savings|upgrade|step forward|leap|payoff|deal|effort|risk|victory|triumph|achievement}",
        // Ranked among others with no measure: "one of the most impactful
        // things the group shipped", "one of the standout results that year".
        "one of the most {impactful|important|successful|significant|valuable|visible|effective}",
        "one of the {biggest|best|standout|greatest|largest|top} {things|results|projects|wins|launches|changes|achievements|improvements|successes}",
        // Amounts with no number: "cut loads of wasted kilometres", "miles ahead".
        "{loads|heaps|tons|masses} of", "miles {ahead|better}", "{~matter} {hugely|a lot|enormously|massively|so much}",
        "{pretty|very|really|quite|hugely} significant", "a lot of {people|users|customers|drivers|patients|staff} {were|got|felt|are}",
        "{handled|handles|handle} {it|the last one|that|them|the load|the peak|the spike|the traffic} {really |very |so |super |pretty |}{well|fine|great|nicely|perfectly}",
        "{was|were|proved|turned out|is|been|are} {very |hugely |really |extremely |highly |quite |super |pretty |}successful",
        "{a|was a|is a|been a} success",
        "{it|the project|the launch|the migration|the rollout|this|that|the change|the experiment|everything} succeeded",
        "game changer", "game-changer", "knocked it out of the park", "moved the needle",
        "speak for themselves", "speaks for itself", "made a {big |huge |real |massive |}difference",
        "{did|done|does} a {good|great|fantastic|solid|decent|brilliant} job",
        "great things", "well received", "well-received",
        "{went|goes|gone} {really |very |so |super |pretty |}{well|smoothly|fine|great|perfectly|brilliantly|painlessly|without a hitch}",
        "{worked|works|work|turned out|came out|played out} {well|great|really well|very well|so well|nicely|beautifully|perfectly|much better|better|fine}",
        "{fairly|pretty|very|really|totally} painless", "went much better", "worked much better",
        "{very|really|super|extremely|incredibly|hugely|critically} {important|impactful|valuable|effective|critical}",
        "{handled|handles} everything {we|you} threw at it",
        "{back to normal|back up fast|back up quickly|resolved quickly|fixed quickly|fixed fast|pretty quick|very quick|really quick}",
        "{sorted|fixed|resolved|solved|sorted out} {fast|quickly|in no time|pretty fast|really fast|very fast}",
        "{was|were|been|has been|have been|became|seemed|felt} {very |really |super |pretty |so |extremely |incredibly |quite |}{stable|reliable|positive|smooth|solid|robust|huge|massive|painless|substantial|good|great|amazing|fantastic|excellent|impressive|effective}",
        // Speed or reception judged with a degree and no number: "it was
        // crazy fast", "the board was really popular", "the courts were
        // pretty understanding", "patrons were quite upset".
        "{was|were|been|became|seemed|felt|is|are} {very|really|super|pretty|so|extremely|incredibly|quite|crazy|insanely|ridiculously|way} {fast|quick|snappy|popular|useful|helpful|understanding|upset|unhappy|annoyed|frustrated|angry|well liked|well-liked}",
        "{was|were|is|are|been|seemed|felt|got|became|stayed|remained|stays} {very |really |so |super |pretty |extremely |all |quite |}{happy|happier|satisfied|pleased|impressed|relieved|thrilled|delighted|grateful|glad}",
        "{loved|love|loves} it", "swore by it",
        "{customers|users|people|everyone|the business|clients|players|developers} {loved|liked|appreciated|noticed|raved about}",
        "made {the app|it|the site|the page|pages|builds|queries|checkout} {load|run|feel|start|build} {faster|quicker|better|smoother}", "{gave|got} a thumbs-up", "~praise",
        "trusts {our|the|us|their} {numbers|data|work} {much |a lot |far |}more", "trust {us|our numbers} more",
        "{said|called} it {was |}{a |}{big improvement|game changer|huge improvement|much better|a lot better|great|amazing}",
        "{great|positive|good|amazing|glowing|excellent|fantastic|very positive} feedback", "~transform", "~revolutionise", "~revolutionize",
        "{was|were|been} a {hit|game-changer|breakthrough|turning point}", "{was|were|been} a {massive|huge|big|real|great} hit",
        "{much|greatly|really|hugely} appreciated", "{a |the |}{significant|huge|big|major|noticeable|substantial|considerable} uplift", "{had|made|has had} a {real |huge |big |massive |major |significant |}{impact|difference}",
        "{really|greatly|massively|hugely} helped", "paid off",
        "{a|the} {good|great|excellent|strong|positive|fantastic|solid} {result|outcome|results|outcomes}",
        "{is|are|was|were} {very|really|highly|extremely|super|incredibly} {scalable|reliable|robust|performant|resilient|efficient}",
        "{caused|created} {a lot of|lots of|a ton of|so much|tons of} {extra work|work|pain|problems|confusion|issues|churn|damage|rework|toil}",
        "!{happy|glad|pleased} to {help|share|talk|explain}",
        "!{is|was|are|were} {good|great} {at|for|to|enough|idea|question|point|catch}",
    ],
};

/// Time anchors that make a present-tense comparison a reported outcome:
/// "the app is much more stable *now*".
fn anchored(cx: &Ctx, s: usize) -> bool {
    let sentence = &cx.doc.sentences[s];
    (sentence.first..sentence.last).any(|i| {
        matches!(
            cx.doc.norm_of(i),
            "now"
                | "since"
                | "afterwards"
                | "afterward"
                | "after"
                | "overall"
                | "today"
                | "anymore"
                | "already"
                | "ever"
        )
    })
}

/// Words that open a goal rather than an outcome: "the goal was to reduce …",
/// "I was asked to improve …", "to improve reliability we …".
fn is_goal(cx: &Ctx, c: &Clause, at: usize) -> bool {
    let doc = cx.doc;
    let before = |k: usize| if k > c.first { doc.norm_of(k - 1) } else { "" };
    if matches!(
        before(at),
        "to" | "want" | "wanted" | "would" | "could" | "can" | "will"
    ) {
        return true;
    }
    (c.first..at).any(|k| {
        matches!(
            doc.norm_of(k),
            "goal"
                | "aim"
                | "target"
                | "objective"
                | "asked"
                | "tasked"
                | "trying"
                | "tried"
                | "hoped"
                | "hope"
                | "wanted"
                | "expected"
                | "supposed"
                | "plan"
                | "planned"
                | "intended"
                | "meant"
        )
    })
}

pub struct VagueImpact;

impl Rule for VagueImpact {
    fn id(&self) -> RuleId {
        RuleId::VagueImpact
    }

    fn lists(&self, out: &mut Vec<&'static Phrases>) {
        out.extend([&CHANGES, &VERDICTS]);
    }

    fn check(&self, cx: &Ctx, out: &mut Vec<Raw>) {
        let doc = cx.doc;
        let mut hits: Vec<(super::super::lexicon::Hit, bool)> = Vec::new();
        hits.extend(cx.hits_of(&CHANGES).iter().map(|h| (*h, false)));
        hits.extend(degree_claims(cx).into_iter().map(|h| (h, false)));
        hits.extend(cx.hits_of(&VERDICTS).iter().map(|h| (*h, true)));
        hits.extend(judged_outcomes(cx).into_iter().map(|h| (h, true)));
        hits.sort_by_key(|(h, _)| (h.first, h.last));
        let mut last_end: Option<(usize, usize)> = None; // (clause index, token end)
        for (h, is_verdict) in hits {
            let (s, t) = (h.sentence as usize, h.first as usize);
            // A diagnosis explains how the failure happened ("customers
            // noticed before the alert did"); the impact is stated elsewhere.
            if doc.tokens[t].quoted
                || doc.sentences[s].is_structure()
                || cx.roles[s] == Role::Diagnosis
            {
                continue;
            }
            let Some(ci) = cx.clauses.at(s, t) else {
                continue;
            };
            let c = &cx.clauses.list[ci];
            if c.mention || c.negated || c.link == Link::Condition || measured(cx, ci) {
                continue;
            }
            let reported = match (c.mood, c.tense) {
                (Mood::Fact, Tense::Past | Tense::Perfect) => true,
                (Mood::Fact, Tense::Present) => {
                    (is_verdict && present_verdict(cx, &h)) || anchored(cx, s)
                }
                _ => false,
            };
            if !reported || is_goal(cx, c, t) || is_outage(cx, c, t) {
                continue;
            }
            let mut first = if (c.first..t).contains(&c.subject.0) {
                c.subject.0
            } else {
                t
            };
            if t - first > 6 {
                first = t;
            }
            if let Some((prev_clause, end)) = last_end {
                if prev_clause == ci && first < end {
                    first = t.max(end);
                }
            }
            let last = claim_end(cx, c, h.last as usize);
            let (first, last) = trim(cx, first, last);
            if first >= last {
                continue;
            }
            last_end = Some((ci, last));
            let seen = cx.slice(first, last);
            out.push(Raw {
                first,
                last,
                message: format!("\"{}\" claims an outcome without a measure", clip(seen, 48)),
                suggestion: format!(
                    "Put the number next to \"{}\": the before and after with a unit (\"from 900 ms to 280 ms\", \"from 40 tickets a week to 3\").",
                    clip(cx.slice(h.first as usize, h.last as usize), 32)
                ),
            });
        }
    }
}

/// A degree word on a comparative or a change verb, whatever the words:
/// "noticeably snappier", "the backlog shrank considerably", "far more
/// predictable". The lists above cannot spell out every adjective.
fn degree_claims(cx: &Ctx) -> Vec<super::super::lexicon::Hit> {
    let doc = cx.doc;
    let mut out = Vec::new();
    let degree = |w: &str| {
        matches!(
            w,
            "significantly"
                | "dramatically"
                | "noticeably"
                | "considerably"
                | "substantially"
                | "massively"
                | "hugely"
                | "vastly"
                | "drastically"
                | "greatly"
                | "tremendously"
                | "markedly"
                | "much"
                | "way"
                | "far"
                | "enormously"
                | "immensely"
                | "radically"
                | "sharply"
                | "lots"
                | "lot"
                | "bit"
                | "slightly"
                | "somewhat"
                | "even"
                | "really"
                | "super"
        )
    };
    let comparative = |w: &str| {
        w.len() >= 5
            && w.ends_with("er")
            && !matches!(
                w,
                "other"
                    | "either"
                    | "neither"
                    | "never"
                    | "however"
                    | "whether"
                    | "rather"
                    | "under"
                    | "after"
                    | "over"
                    | "later"
                    | "number"
                    | "user"
                    | "order"
                    | "server"
                    | "layer"
                    | "together"
                    | "ever"
                    | "whatever"
                    | "manager"
                    | "engineer"
                    | "customer"
                    | "partner"
                    | "member"
                    | "consumer"
                    | "container"
                    | "worker"
                    | "owner"
                    | "paper"
                    | "driver"
                    | "computer"
                    | "cluster"
                    | "folder"
                    | "header"
                    | "filter"
                    | "parameter"
                    | "router"
                    | "answer"
                    | "matter"
                    | "corner"
                    | "power"
                    | "water"
                    | "quarter"
                    | "letter"
                    | "wrapper"
                    | "buffer"
                    | "helper"
                    | "trigger"
                    | "timer"
                    | "counter"
                    | "player"
                    | "banner"
                    | "marker"
                    | "founder"
                    | "reviewer"
                    | "provider"
                    | "another"
            )
    };
    for s in 0..doc.sentences.len() {
        let sentence = &doc.sentences[s];
        for i in sentence.first..sentence.last.saturating_sub(1) {
            let w = doc.norm_of(i);
            // Every claim starts at a degree word; most tokens are not one.
            if !degree(w) {
                continue;
            }
            let n = doc.norm_of(i + 1);
            let claim = comparative(n)
                || matches!(n, "more" | "less" | "fewer")
                    && i + 2 < sentence.last
                    && !matches!(
                        doc.norm_of(i + 2),
                        "than" | "of" | "time" | "work" | "data" | "people"
                    );
            // "cut our cloud bill substantially": a change verb a few words before.
            let is_change = |b: &str| {
                matches!(
                    b,
                    "improve"
                        | "reduce"
                        | "increase"
                        | "decrease"
                        | "cut"
                        | "lower"
                        | "boost"
                        | "speed"
                        | "grow"
                        | "drop"
                        | "rise"
                        | "fall"
                        | "shrink"
                        | "change"
                        | "help"
                        | "simplify"
                        | "stabilise"
                        | "stabilize"
                )
            };
            let change_at = (i.saturating_sub(4).max(sentence.first)..i)
                .rev()
                .find(|&k| super::super::words::verb_base(doc.norm_of(k)).is_some_and(is_change));
            let after_change = !matches!(
                w,
                "much" | "way" | "far" | "even" | "really" | "super" | "bit" | "lot"
            ) && change_at
                .is_some_and(|c| (c + 1..i).all(|k| doc.tokens[k].kind != Kind::Punct));
            if claim || after_change {
                let first = match change_at {
                    Some(c) if after_change => c,
                    _ => i,
                };
                out.push(super::super::lexicon::Hit {
                    first: first as u32,
                    last: (i + 2) as u32,
                    sentence: s as u32,
                });
            }
        }
    }
    out
}

/// An outcome named and judged with no measure: "the impact on passengers
/// was considerable", "Impact was pretty bad", "the recovery was swift",
/// "the end result was quicker alarms". The subject names the outcome; the
/// word after the copula judges it. (A number anywhere in the sentence
/// answers it, as for every claim.)
fn judged_outcomes(cx: &Ctx) -> Vec<super::super::lexicon::Hit> {
    let doc = cx.doc;
    let mut out = Vec::new();
    for c in &cx.clauses.list {
        if c.verb_base != "be" || c.negated || !c.mood.is_fact() || c.subject.1 <= c.subject.0 {
            continue;
        }
        let outcome_subject = (c.subject.0..c.subject.1).any(|k| {
            matches!(
                doc.norm_of(k),
                "impact"
                    | "result"
                    | "outcome"
                    | "effect"
                    | "uplift"
                    | "recovery"
                    | "response"
                    | "improvement"
                    | "benefit"
                    | "reception"
                    | "payoff"
            )
        });
        let Some(v) = c.verb.filter(|_| outcome_subject) else {
            continue;
        };
        let judged = (v + 1..c.last.min(v + 5)).find(|&k| {
            let w = doc.norm_of(k);
            matches!(
                w,
                "considerable"
                    | "significant"
                    | "substantial"
                    | "huge"
                    | "massive"
                    | "enormous"
                    | "dramatic"
                    | "noticeable"
                    | "big"
                    | "bad"
                    | "severe"
                    | "terrible"
                    | "swift"
                    | "quick"
                    | "fast"
                    | "positive"
                    | "excellent"
                    | "great"
                    | "good"
                    | "minor"
                    | "limited"
                    | "negligible"
                    | "immediate"
            ) || w.len() >= 6
                && w.ends_with("er")
                && matches!(
                    &w[..w.len() - 2],
                    "quick" | "fast" | "cheap" | "smooth" | "easi" | "safe" | "clean"
                )
        });
        if let Some(k) = judged {
            out.push(super::super::lexicon::Hit {
                first: k as u32,
                last: (k + 1) as u32,
                sentence: c.sentence as u32,
            });
        }
    }
    out
}

/// Verdicts that are claims even in the present tense: success, importance,
/// satisfaction ("that's a big deal", "the results speak for themselves",
/// "everyone is happy"), not opinions of a design ("this design is solid").
fn present_verdict(cx: &Ctx, h: &super::super::lexicon::Hit) -> bool {
    (h.first as usize..h.last as usize).any(|k| {
        matches!(
            cx.doc.norm_of(k),
            "success"
                | "successful"
                | "deal"
                | "win"
                | "important"
                | "critical"
                | "happy"
                | "happier"
                | "satisfied"
                | "pleased"
                | "impressed"
                | "speak"
                | "speaks"
                | "difference"
                | "impact"
                | "loved"
                | "love"
                | "trusts"
                | "scalable"
                | "robust"
                | "performant"
                | "resilient"
                | "upgrade"
                | "improvement"
                | "matters"
                | "matter"
                | "popular"
        )
    })
}

/// Whether clause `ci` (or a clause that depends on it, right after) holds a
/// measure: "went from six hours to 40 minutes", "…, which cut the bill to $3,000".
fn measured(cx: &Ctx, ci: usize) -> bool {
    let c = &cx.clauses.list[ci];
    if cx.measure_in_span(c.sentence, c.first, c.last) {
        return true;
    }
    let (_, end) = cx.clauses.by_sentence[c.sentence];
    let doc = cx.doc;
    cx.clauses.list[ci + 1..end].first().is_some_and(|n| {
        matches!(
            n.link,
            Link::Relative | Link::Result | Link::Purpose | Link::Reason
        ) || n.subject.1 <= n.subject.0
            // "one of the most impactful changes: pages fell from 40 to 3",
            // the claim and its measure after a colon.
            || (n.first..n.last.min(n.first + 2)).any(|k| doc.norm_of(k) == ":")
            || n.first > 0 && doc.norm_of(n.first - 1) == ":"
    }) && {
        let n = &cx.clauses.list[ci + 1];
        cx.measure_in_span(n.sentence, n.first, n.last)
    }
}

/// "the CI system went down" is an outage, not an outcome.
fn is_outage(cx: &Ctx, c: &Clause, t: usize) -> bool {
    let w = cx.doc.norm_of(t);
    if !matches!(w, "went" | "goes" | "go" | "going" | "gone") {
        return false;
    }
    if t + 1 >= c.last || cx.doc.norm_of(t + 1) != "down" {
        return false;
    }
    let head = if c.subject.1 > c.subject.0 {
        cx.doc.norm_of(c.subject.1 - 1)
    } else {
        "it"
    };
    matches!(
        head,
        "system"
            | "service"
            | "server"
            | "servers"
            | "site"
            | "database"
            | "db"
            | "cluster"
            | "ci"
            | "api"
            | "app"
            | "node"
            | "network"
            | "dns"
            | "prod"
            | "production"
            | "it"
            | "everything"
            | "checkout"
            | "website"
            | "platform"
            | "region"
    )
}

/// A few words after the claim, within the clause, stopping at punctuation.
fn claim_end(cx: &Ctx, c: &Clause, from: usize) -> usize {
    let mut end = from;
    while end < c.last && end < from + 3 {
        let t = &cx.doc.tokens[end];
        if t.kind == Kind::Punct
            || matches!(
                cx.doc.norm_of(end),
                "and" | "but" | "because" | "so" | "which"
            )
        {
            break;
        }
        end += 1;
    }
    end
}

fn trim(cx: &Ctx, mut first: usize, mut last: usize) -> (usize, usize) {
    while first < last
        && (cx.doc.tokens[first].kind == Kind::Punct
            || matches!(cx.doc.norm_of(first), "and" | "so" | "but"))
    {
        first += 1;
    }
    while last > first && cx.doc.tokens[last - 1].kind == Kind::Punct {
        last -= 1;
    }
    (first, last)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{check, check_table};
    use super::super::RuleId;

    #[test]
    fn table() {
        check_table(
            RuleId::VagueImpact,
            &[
                "The impact on passengers was considerable.",
                "What went well: the recovery was swift.",
                // Speed or reception with a degree; a fall over a time; "it's" as "has".
                "I did something close to this for a hackathon and it was crazy fast.",
                "Our team handled the rollback and the courts were pretty understanding.",
                "Complaints from member farmers dropped over the season.",
                "The dashboard was my work, and it's made the manager's mornings a lot easier.",
                "Team pulled together and got it sorted fast.",
                "I told them our old scheduler saved a lot of water.",
                "It was a massive hit with guests and the lift ops people.",
                "The team got alarm latency down a lot.",
                "Things were way better after that.",
                "Everyone was happy.",
                "It made things way smoother for customers.",
                "Conversion went up quite a bit during the next sale.",
                "Search became dramatically quicker.",
                "The migration was a big success.",
                "It worked well in production.",
                "It was a very important project for the company.",
                "The customer was very satisfied.",
                "Now the app is much more stable.",
                "Failed deliveries dropped like a stone.",
                "Performance improved a lot.",
                "Leadership was really happy with the result.",
                "The cutover itself went really smoothly.",
                "People on that team swore by it.",
                "The on-call load dropped off noticeably.",
                "This design is very scalable and really reliable.",
                "Overall it was a good result.",
                "The finance reports were wrong for a while and it caused a lot of extra work.",
                "It was one of the most impactful things the platform group shipped.",
                "This was a great victory for the whole harvest.",
                "Everybody in the mill stayed very satisfied.",
                "The new routing cut loads of wasted kilometres.",
                "It was one of the standout results the company had that year.",
                "The team handled the last one really well.",
            ],
            &[
                "The old one fell over basically every powder day.",
                "It's fixed now, and p99 dropped from 900 ms to 280 ms after the change.",
                "The impact on passengers was considerable: 4,200 journeys were delayed by more than 20 minutes.",
                "The result was that we kept the old schema for one more quarter.",
                "Runtime dropped from five hours to about 50 minutes.",
                "Evening timeouts went from 4% to under 0.2%.",
                "The goal was to reduce failed deliveries.",
                "I was asked to improve the performance of the search endpoint.",
                "It should have been a big win.",
                "I think I can do better next time.",
                "The new batching will be a huge improvement for drivers.",
                "Cron and one script is easier to debug.",
                "The remark said 'it went really well' and nothing else.",
                "We had zero downtime in the end.",
                "Storage cost went from $58k to $14k per month.",
                "If latency improved, we'd know from the dashboard.",
                "Did conversion improve?",
                "It didn't improve anything.",
                "Complaints fell from 40 a week to 3.",
                "That should feel a lot snappier than rendering everything.",
                "\"It was a good result\" is the phrase I cut from my answer.",
                "I'd expect it to be reliable enough once we add the second replica.",
                "It was one of the most impactful changes: pages fell from 40 a week to 3.",
            ],
        );
    }

    #[test]
    fn spans_and_messages() {
        check(
            RuleId::VagueImpact,
            "After the fix, the errors are reduced a lot.",
            &[(
                "the errors are reduced a lot",
                "\"the errors are reduced a lot\" claims an outcome without a measure",
            )],
        );
    }
}
