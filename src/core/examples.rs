//! "See a weak and a strong example": for every section of every drill, a
//! weak and a strong answer to that section, written for Evident. They use a
//! different scenario from the drill's model answer, so they teach the shape
//! without giving away the answer shown after the drill.

#[cfg(test)]
use crate::core::analyzer::{analyze_sections, Analysis, SectionInput};

/// A weak and a strong answer to one section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Example {
    pub weak: &'static str,
    pub strong: &'static str,
}

/// The example of a drill's section.
pub fn example(drill_id: &str, section_id: &str) -> Option<Example> {
    EXAMPLES
        .iter()
        .find(|(d, s, _, _)| *d == drill_id && *s == section_id)
        .map(|&(_, _, weak, strong)| Example { weak, strong })
}

/// One example text read as the app reads a section with this label (the
/// app asks its analysis worker the same question).
#[cfg(test)]
fn analyze_example(label: &str, text: &str) -> Analysis {
    analyze_sections(&[SectionInput { label, text }])
        .pop()
        .unwrap_or_else(|| crate::core::analyzer::analyze(text))
}

/// (drill, section, weak, strong).
const EXAMPLES: &[(&str, &str, &str, &str)] = &[
    // Evidence replay: a slow deploy pipeline.
    ("evidence-replay", "weak", "I don't remember the details, it was a while ago.", "As it usually comes out: “We sped up our deploys a lot, and the team was much happier.”"),
    ("evidence-replay", "mid", "We worked on the pipeline and made it much better.", "I measured each stage of the pipeline, moved the integration tests onto four parallel runners and cached the dependency download."),
    ("evidence-replay", "senior", "It was a huge success and everyone loved it, so obviously it was the right call.", "Deploys took 45 minutes, so the team shipped twice a week. I compared a bigger build machine with parallel test runners and chose the runners, because the profile put 70% of the time in tests, not compilation. Deploys now take 12 minutes; next time I would agree a budget first, because the runners doubled the CI bill."),
    // Attribution split: a mobile app launch.
    ("attribution-split", "team-outcome", "We did a lot and it went really well.", "A team of six launched the Android app in March; 40% of bookings now come through it."),
    ("attribution-split", "my-ownership", "Basically I did everything myself, single-handedly.", "I designed the offline booking queue and wrote its conflict rules, and I ran the beta with 200 users."),
    ("attribution-split", "others-ownership", "The team did the rest and it was a great success.", "Mei built the payment screens, Ravi's team provided the design system, and Olu ran the store listing and the release."),
    ("attribution-split", "spoken-summary", "I basically built the whole thing and it was a huge success.", "Six of us launched the Android app: Mei built payments and Olu the release. My part was the offline booking queue and the beta with 200 users, and today 40% of bookings come through the app."),
    // Baseline before machinery: a to-do app for a 50-person company.
    ("baseline-before-machinery", "baseline", "Obviously microservices on Kubernetes with Kafka between them.", "For 50 users and a few thousand tasks I assume one web app and one Postgres database are enough: a single container, nightly backups, and one alert on errors."),
    ("baseline-before-machinery", "queue", "Add Kafka for scalability.", "A queue once reminder emails must survive a restart, or sending them pushes requests past 300 ms."),
    ("baseline-before-machinery", "cache", "Put Redis in front of everything.", "A cache once the task list query passes 100 ms at p95, which at 50 users is years away."),
    ("baseline-before-machinery", "shard", "Shard the database from day one.", "Sharding only when one primary cannot keep up with writes, beyond several thousand a second."),
    ("baseline-before-machinery", "search-index", "Obviously Elasticsearch, the standard way to do search.", "A search index when users search across more than a million tasks and the LIKE query passes 200 ms."),
    ("baseline-before-machinery", "stream-processor", "Stream all the events through a stream processor.", "A stream processor only if tasks had to trigger actions within seconds at thousands of events a second."),
    ("baseline-before-machinery", "workflow-engine", "We moved everything onto a workflow engine and it was much cleaner.", "A workflow engine once a task flow spans days and several services, and the state kept by hand causes more than one bug a month."),
    // Hint recovery: a file upload service; the hint says files can be 5 GB.
    ("hint-recovery", "answer", "I'd just use S3 and a queue, the standard way.", "First, my assumptions: files up to 100 MB, 5,000 uploads a day, and a lost upload is worse than a slow one. I'd upload straight to object storage with a signed URL and record the file in Postgres once the upload completes."),
    ("hint-recovery", "recovery", "Sorry, I didn't think of that. Sorry, this is probably all wrong.", "So files can now be 5 GB, and a single signed request would time out: instead I'll switch to multipart uploads of 100 MB parts that resume from the last finished part."),
    // Failure taxonomy replay: "how would you speed up a slow page?"
    ("failure-taxonomy-replay", "original", "I don't remember what I said.", "Asked how I would speed up a slow page, I said: “Just add a cache, that always works.”"),
    ("failure-taxonomy-replay", "labels", "It was bad overall, we should do better.", "Framing: I never asked which part of the page was slow. Hidden reasoning: “just add a cache” came with no reason. Testing: nothing about how I would know it worked."),
    ("failure-taxonomy-replay", "rewrite", "Obviously I'd add a cache and it would be much faster.", "Before changing anything, I'd measure where the 3 seconds go: the server, the queries or the browser. If one query takes 2 of them, I'd fix that query first and keep a cache for when it cannot be made faster."),
    // Signal labeling: "design a URL shortener".
    ("signal-labeling", "problem-framing", "Good framing.", "Asks how many links a day and how long links must live before choosing an id scheme."),
    ("signal-labeling", "coding-fluency", "Writes good code.", "Writes the base-62 encoder and tests it on 0 and on the largest id."),
    ("signal-labeling", "architectural-judgment", "Uses microservices and Kafka.", "Compares random ids with a counter and says why collisions do not matter below a billion links."),
    ("signal-labeling", "production-judgment", "Thinks about production.", "Names the alert on redirect errors and says what users see when the database is down."),
    ("signal-labeling", "delivery-judgment", "Delivers value.", "Ships redirects first and analytics later, because redirects are what users notice."),
    ("signal-labeling", "leadership-influence", "Shows leadership.", "Explains how to get the security team to agree on link expiry."),
    ("signal-labeling", "communication-reflection", "Communicates well.", "Ends with a one-line summary and the assumption that would change the design."),
    // Hidden reasoning audit: count word frequencies.
    ("hidden-reasoning-audit", "solution", "Just use a hash map, obviously.", "I'll assume words are split on whitespace and compared without case. One pass fills a map from word to count; then I sort the entries by count, which is O(n log n) in the number of distinct words."),
    ("hidden-reasoning-audit", "silent-decisions", "None, I explained everything.", "- Lower-casing every word.\n- Sorting the counts instead of keeping a heap."),
    ("hidden-reasoning-audit", "explanations", "I chose a map.", "I lower-cased words because the prompt counts \"The\" and \"the\" as one word. I sorted instead of keeping a heap because there are only a few thousand distinct words, so the simpler code costs nothing measurable."),
    // Recovery practice: exchange rates refreshed hourly; rates now move every minute.
    ("recovery-practice", "assumption", "Sorry, I got it all wrong, sorry.", "The assumption that was too strong: that exchange rates change slowly enough for an hourly refresh."),
    ("recovery-practice", "model-change", "Things change a lot now, obviously.", "Rates now move every minute, so instead of an hourly batch I'd take the provider's updates as they come and keep the latest rate with its timestamp."),
    ("recovery-practice", "continue", "We'd just add a cache and it would be much faster.", "Next, checkout refuses any rate older than two minutes and asks the provider directly, with an alert if that happens more than ten times an hour."),
    // Incident triage: search fails after a release.
    ("incident-triage", "impact-questions", "Let's just fix it fast, obviously.", "Is it every user or one region? Did anything deploy in the last hour?"),
    ("incident-triage", "investigation-order", "Obviously I'd look at the logs.", "First the recent deploys, because a change is the likeliest cause; then the error logs of failing requests; then the providers."),
    ("incident-triage", "stabilise", "Obviously I'd fix the bug and redeploy.", "Roll back the 13:40 release first, because it takes four minutes and changes no data; the fix can wait until search recovers."),
    ("incident-triage", "roles", "Nobody in particular: we all jumped in and fixed it together.", "I lead and decide; Ana diagnoses; Ben updates support; only Ana may deploy."),
    ("incident-triage", "update-engineers", "Something is broken. Obviously it is the database.", "14:05: search fails for 30% of users since 13:45. I am rolling back 2.8; do not deploy search. Next update 14:20."),
    ("incident-triage", "update-support", "The payments team's deploy broke it, so it was on them to fix it.", "14:05: some customers cannot search; ask them to retry after 14:20. Next update 14:20."),
    ("incident-triage", "update-executives", "Obviously nothing to worry about; it is simply a small glitch.", "14:05: 30% of searches fail, about 200 lost bookings an hour; rolling back, expected fixed by 14:15. Next update 14:20."),
    // Rollout plan: a new image-resizing service.
    ("rollout-plan", "risk", "It should be much better, so it's fine.", "Thumbnails move to a new resizing service; if it fails, product pages show broken images for everyone."),
    ("rollout-plan", "stages", "Obviously all at once, the standard way.", "One instance for an hour, then 5% of traffic for a day, then 50%, then all; each stage goes on only while broken-image reports stay under 0.1%."),
    ("rollout-plan", "rollback", "Obviously we would simply roll back if needed.", "Roll back when image errors pass 0.5% for five minutes; the flag flips back in under a minute."),
    ("rollout-plan", "flag", "Obviously a flag makes it safe.", "The flag routes a percentage of users; the new thumbnails go to a new bucket, so turning it off loses nothing."),
    ("rollout-plan", "metrics", "Obviously just CPU and memory.", "Product page load time (normally 1.2 s), broken-image reports and the add-to-basket rate; CPU only as a cause."),
    ("rollout-plan", "no-deploy", "Deploy whenever, tests can come later.", "Not in Black Friday week, not on Fridays after 15:00, and not while the image CDN reports an incident."),
    // Postmortem: an expired certificate.
    ("postmortem", "timeline", "It broke in the afternoon and we fixed it.", "09:12 certificate expires; 09:14 first failed logins; 09:20 alert fires; 09:41 new certificate deployed; 09:45 logins back to normal."),
    ("postmortem", "impact", "It had a huge impact on users.", "For 31 minutes nobody could log in: about 4,800 failed logins and 120 support tickets."),
    ("postmortem", "factors", "Ops forgot to renew the certificate, so it was their fault.", "Renewal was manual and tracked in one person's calendar; no alert watched certificate expiry."),
    ("postmortem", "went-well", "Everything went really well.", "The on-call engineer had access to the certificate store and deployed a new certificate 21 minutes after the alert."),
    ("postmortem", "actions", "We should improve our monitoring.", "- I own an expiry alert 30 days ahead for every certificate, due 3 May.\n- Lina owns automated renewal, due 17 May."),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::drills::DRILLS;
    use std::collections::HashSet;

    /// Sections whose weak example is weak in a way no rule is about: a
    /// section left nearly blank, or a signal label with no behaviour in it.
    fn weakness_no_rule_names(drill: &str, section: &str) -> bool {
        drill == "signal-labeling"
            || matches!(
                (drill, section),
                ("evidence-replay", "weak")
                    | ("failure-taxonomy-replay", "original")
                    | ("hidden-reasoning-audit", "silent-decisions")
            )
    }

    #[test]
    fn every_section_of_every_drill_has_a_weak_and_a_strong_example() {
        let mut seen = HashSet::new();
        for d in &DRILLS {
            for s in d.sections {
                let e = example(d.id, s.id).unwrap_or_else(|| panic!("{} {}", d.id, s.id));
                assert_ne!(e.weak, e.strong);
                assert!(
                    e.strong.len() > e.weak.len(),
                    "{} {}: the strong one says more",
                    d.id,
                    s.id
                );
                seen.insert((d.id, s.id));
            }
        }
        assert_eq!(
            seen.len(),
            EXAMPLES.len(),
            "no example for a section that does not exist"
        );
        assert_eq!(example("evidence-replay", "nope"), None);
    }

    #[test]
    fn strong_examples_produce_no_findings_and_weak_ones_show_what_the_analyzer_flags() {
        let mut unexpected = Vec::new();
        let mut unflagged = Vec::new();
        for d in &DRILLS {
            for s in d.sections {
                let Some(e) = example(d.id, s.id) else {
                    continue;
                };
                for f in analyze_example(s.label, e.strong).findings {
                    unexpected.push(format!(
                        "{} [{}] {} «{}»",
                        d.id,
                        s.id,
                        f.rule.id(),
                        &e.strong[f.start..f.end]
                    ));
                }
                let weak = analyze_example(s.label, e.weak);
                if weak.findings.is_empty() != weakness_no_rule_names(d.id, s.id) {
                    unflagged.push(format!(
                        "{} [{}] {:?}",
                        d.id,
                        s.id,
                        weak.findings
                            .iter()
                            .map(|f| f.rule.id())
                            .collect::<Vec<_>>()
                    ));
                }
            }
        }
        assert!(
            unexpected.is_empty(),
            "findings in strong examples:\n{}",
            unexpected.join("\n")
        );
        assert!(
            unflagged.is_empty(),
            "weak examples flagged otherwise than listed:\n{}",
            unflagged.join("\n")
        );
    }
}
