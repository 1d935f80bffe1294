//! `vague-impact`: an outcome claim ("improved", "much faster", "a huge
//! success", "customers loved it") with no measure: no number (digits or
//! spelled out), percentage, multiplier or from–to in that sentence or the next.
//!
//! Why an interviewer cares: impact is the evidence that the work mattered,
//! and an adjective is not evidence. "Much faster" could mean 5% or 50×; the
//! interviewer cannot tell, so it scores as nothing.
//!
//! Better shape: before and after, with the unit: "p95 went from 900 ms to
//! 280 ms", "from six hours to under ninety minutes", "drop-off fell from 31%
//! to 12%".

use super::{RuleInfo, ShapeRule};
use crate::core::analyzer::lexicon::Phrases;
use crate::core::analyzer::shape::{Next, Scope, Shape, Term, Unless};
use crate::core::analyzer::Severity;

pub const INFO: RuleInfo = RuleInfo {
    id: "vague-impact",
    title: "Impact without a measure",
    description: "An outcome claim (improved, much faster, a huge success) with no number, percentage or before/after.",
    example_fix: "I made the importer four times faster, from 40 minutes to 10, by streaming rows.",
};

/// Outcome claims.
pub static IMPACT: Phrases = Phrases {
    name: "impact-claims",
    items: &[
        "improved", "reduced", "boosted", "slashed", "sped up", "speeds up", "optimized",
        "optimised",
        "!{reduced|improved} {the |}{scope|motion|set|version|mode}",
        "!{reduced|improved} {it |the |}to {zero|one|two|three|four|five|a}",
        "{i|we|it|this|that|which|the change|the fix|they|the team} {significantly |greatly |drastically |dramatically |massively |}{increased|decreased|lowered|raised|cut|grew|lifted|doubled down}",
        "!{it|this|that|which} {increased|decreased|raised|grew} {the |}{load|traffic|volume|pressure|risk|latency|complexity|scope}",
        "{much|way|far|a lot|lots|significantly|dramatically|noticeably|considerably|substantially|so much|massively|hugely|vastly|really|a bit|slightly|somewhat|even} {faster|quicker|cheaper|better|more reliable|more stable|more efficient|more scalable|more robust|more responsive|more performant|easier|smoother|safer|leaner|snappier|happier|more productive|less flaky|more maintainable}",
        "{was|were|is now|are now|got|became|ran|runs|felt|feels|loads|loaded|worked|performed|went} {faster|quicker|cheaper|better|more reliable|more stable|more efficient|more scalable|more robust|more responsive|more performant|easier|smoother|safer|leaner|snappier|happier|more productive|less flaky|more maintainable}",
        "{faster|better|cheaper|quicker} than before",
        "made {it|things|everything|them|deploys|builds|releases|the app|the site|the system|the process|the service|the team|onboarding|checkout|search} {faster|quicker|cheaper|better|more reliable|more stable|more efficient|more scalable|more robust|more responsive|easier|smoother|safer|snappier|happier|more productive}",
        "{a |}{huge|massive|big|major|significant|tremendous|enormous|great|real|noticeable|dramatic|substantial|solid|clear|large} {win|success|impact|improvement|improvements|difference|boost|gain|gains|savings|saving|value|upgrade|step forward|leap|uplift|payoff}",
        "!not a big deal",
        "!{how|as|so|too} {much|way|far} {faster|quicker|cheaper|better|easier}",
        "{a|the} success", "a {big|huge|great|real|total|complete|massive|resounding|major} success",
        "{was|were|proved|turned out} {very |hugely |really |extremely |highly |quite |}successful",
        "successful {launch|migration|project|rollout|release|redesign|rewrite|initiative}",
        "{very|really|super|extremely|incredibly|hugely} {important|impactful|valuable|effective} {for|to} the {business|company|customers|users|team|org}",
        "was {very|really|super|extremely|incredibly|hugely} {important|impactful|valuable|effective}",
        "{helped|improved|saved|reduced|sped up|simplified|mattered|changed|paid off} {a lot|a ton|tons|massively|hugely|immensely|greatly}",
        "saved {a lot of|a ton of|lots of|tons of|so much|loads of} {time|money|effort|toil|pain|hours|days|work|headaches}",
        "saved {time|money|costs|effort|hours|days}",
        "{customers|users|everyone|people|the business|stakeholders|leadership|the client|clients|they|the users|our users|our customers|the customers} {loved|liked|appreciated|praised|raved about} {it|the change|the feature|the new flow|the result|the redesign|the tool}",
        "{loved it|well received|well-received|went well|paid off|moved the needle|game changer|game-changer|high impact|high-impact|impactful|a big deal for|made a difference|made a big difference|made a huge difference|made a real difference|a massive win|a clear win|a quick win}",
        "{dramatically|drastically|massively|hugely|significantly|substantially|greatly|vastly|considerably|tremendously} {improved|reduced|increased|cut|lowered|sped up|boosted|changed|simplified|better|faster|cheaper|less|fewer|more}",
        "{really|super|very} {successful|effective|impactful}",
        "went {really |very |so |extremely |super |incredibly |}well",
        "{everyone|customers|users|stakeholders|leadership|management|the vp|the client|clients|people|the business|my manager} {was|were} {very |really |so |super |extremely |}{happy|pleased|thrilled|delighted|impressed}",
        "{customers|users|everyone|people|clients|the users|our users|our customers} {loved|raved}",
        "{a lot of|lots of|a ton of|tons of|so much} money",
        "{resolved|fixed|recovered|shipped|delivered|finished|completed|done|mitigated} {very |really |super |}{quickly|fast|in no time|ahead of schedule|early}",
        "{load|loads|loaded|run|runs|ran|start|starts|started|respond|responds|responded|build|builds|built|deploy|deploys|render|renders|rendered|scale|scales|scaled} {much |a lot |way |far |}{faster|quicker|better|more smoothly}",
        // Outcome verdicts on a project, with no measure.
        "{the project|the launch|the migration|the rollout|the rewrite|the redesign|the release|the initiative|the effort|the experiment|the pilot|the program|the feature|the change|the refactor|the overhaul|the new system|the new flow|it|this|that|which|everything} {succeeded|worked out|paid off|was a hit|was a win|landed well|exceeded expectations|delivered}",
        "!{it|this|that|which|the change|the feature|the release|the migration} delivered {the|a|an|on|to|in|by|at|every|each|its|their|our|my|notifications|messages|events|emails|payloads}",
        "went {great|smoothly|perfectly|brilliantly|fantastically|amazingly|flawlessly|without a hitch}",
        "{worked|turned out|came out|played out|ended up} {great|really well|very well|so well|extremely well|perfectly|brilliantly|nicely|beautifully}",
        "{huge|massive|big|major|significant|real|dramatic|clear|noticeable} {improvement|improvements|impact|gains|savings} {in|on|to|for}",
    ],
};

/// Intensifiers that, before a comparative, make an impact claim ("dramatically simpler").
pub static INTENSIFIERS: Phrases = Phrases {
    name: "impact-intensifiers",
    items: &[
        "{much|way|far|a lot|lots|significantly|dramatically|drastically|noticeably|considerably|substantially|massively|hugely|vastly|markedly|radically|enormously|tremendously|measurably|meaningfully|visibly|so much|a great deal|a whole lot|infinitely|night-and-day}",
        "!{much|far|way} {more|less|fewer} {of|than}",
        "!how much",
        "!{as|so|too|how} {much|far}",
    ],
};

/// Comparatives that describe a change for the better.
pub static COMPARATIVES: Phrases = Phrases {
    name: "impact-comparatives",
    items: &[
        "{faster|quicker|cheaper|better|easier|simpler|smoother|safer|leaner|snappier|happier|clearer|cleaner|calmer|quieter|sturdier|healthier|nicer|friendlier|saner}",
        "more {reliable|stable|efficient|scalable|robust|responsive|performant|productive|maintainable|readable|predictable|secure|resilient|usable|accessible|consistent|observable|testable|confident}",
        "less {flaky|painful|error-prone|fragile|brittle|noisy|confusing|expensive|costly|complex|complicated|manual|toil|stressful|risky}",
        // A comparison between options is design talk, not an impact claim.
        "!{faster|quicker|cheaper|better|easier|simpler|smoother|safer|leaner|clearer|cleaner|more|less} than {a|an|the|any|using|running|adding|building|writing|maintaining|operating|having|doing|one|two|our|their|its|kafka|redis|postgres|sql|that|this|those|these|it is|it's|polling|reading|writing}",
    ],
};

static TRIGGER: [Term; 2] = [
    Term::Any(&IMPACT),
    Term::Then(&INTENSIFIERS, Next::List(&COMPARATIVES)),
];

static UNLESS: [Unless; 1] = [Unless {
    term: Term::Measure,
    scope: Scope::NextSentence,
}];

pub static RULE: ShapeRule = ShapeRule {
    info: INFO,
    severity: Severity::Warning,
    shapes: &[Shape {
        trigger: &TRIGGER,
        with: &[],
        unless: &UNLESS,
        min_count: 1,
        message: "\"{}\" claims impact without a measure",
        suggestion: "Give the before and after with a unit: \"from 900 ms to 280 ms\", \"from 31% to 12%\", \"from six hours to ninety minutes\".",
    }],
};

#[cfg(test)]
mod tests {
    use super::super::testing::check_table;

    #[test]
    fn table() {
        check_table(
            "vague-impact",
            &[
                "The new cache improved page loads for everyone.",
                "I reduced our cloud bill.",
                "The rewrite made the dashboard much faster.",
                "The launch was a huge success.",
                "Our users loved the redesign.",
                "It made a big difference for the support team.",
                "After the change, deploys were way more reliable.",
                "I significantly cut the build time.",
                "The migration was very successful.",
                "This work was very important for the business.",
                "Moving to streaming helped a lot.",
                "It was a massive win.",
                "The refactor saved a lot of time for the mobile team.",
                "Onboarding got better after my redesign.",
                "The project was a success and leadership was happy.",
                "I optimised the query planner hints.",
                "The new deploy script made releases markedly calmer for on-call.",
                "After the rewrite the config was far cleaner.",
                "The project succeeded and sales was pleased.",
                "In the end the migration paid off.",
                "The pilot went smoothly.",
                "The redesign worked out really well for support.",
                "Onboarding became considerably less painful.",
                "My refactor made the handlers vastly more readable.",
            ],
            &[
                "I reduced p95 latency from 900 ms to 280 ms.",
                "Build time improved from six hours to under ninety minutes.",
                "The error rate dropped by half after the fix.",
                "The change improved conversion by 4%.",
                "Checkout got much faster. p95 fell from 1.2 s to 400 ms.",
                "It cut our cloud bill by a third.",
                "Deploys went from weekly to several times a day.",
                "The goal was to improve onboarding for new sellers.",
                "I reduced the scope to the two reports that mattered.",
                "We need a faster way to reconcile payments.",
                "Is a better approach to cache the rendered page?",
                "Tickets fell from forty a week to five.",
                "The importer is now four times faster.",
                "I made checkout twice as fast by removing two round trips.",
                "Traffic increased after the marketing push, so I added a read replica.",
                "What would success look like for this team?",
                "Support tickets about login halved within a month.",
                "A cron job is much simpler than a workflow engine.",
                "How much faster does the import need to be?",
                "The retry succeeded on the second attempt.",
                "Reads are much higher than writes here.",
                "The change delivered events to the consumer in order.",
                "The rollout went smoothly: zero pages, and 3% of traffic was on the new path by noon.",
                "Kafka is far more expensive to run than a Postgres table.",
            ],
        );
    }
}
