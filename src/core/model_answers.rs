//! One strong model answer per prompt family (a drill and a kind of prompt),
//! written for Evident. The results show the one matching the attempt only
//! after the drill is finished, beside the user's answer, with its signals.
//!
//! They are also part of the analyzer's test corpus: every one must produce
//! no findings (`tests`). Sections that show weakness on purpose (evidence
//! replay's weak version, a replayed transcript) quote it, so the analyzer
//! reads a mention, not a claim.

use crate::core::analysis_protocol::{SectionText, Sections};
use crate::core::analyzer::{analyze_sections, Analysis, SectionInput};
use crate::core::drills::hints::{PROVIDER_RATE_LIMIT, SORTED_INPUT};
use crate::core::drills::{Drill, Hint, PromptKind};

/// A strong answer to one bank prompt of a drill.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ModelAnswer {
    pub drill: &'static str,
    pub kind: PromptKind,
    /// The bank prompt it answers.
    pub prompt: &'static str,
    /// Hint recovery: the hint the recovery answers.
    pub hint: Option<&'static Hint>,
    /// Section id → text, in the drill's section order.
    pub sections: &'static [(&'static str, &'static str)],
    /// Checklist item id → answer (incident triage's impact questions).
    pub checklist: &'static [(&'static str, &'static str)],
}

impl ModelAnswer {
    /// The text of one section ("" when the model leaves it out).
    pub fn section(&self, id: &str) -> &'static str {
        self.sections
            .iter()
            .find(|(s, _)| *s == id)
            .map_or("", |(_, t)| t)
    }

    /// Its sections as the app reads an attempt's: each with its label.
    pub fn inputs(&self, drill: &Drill) -> Vec<SectionInput<'static>> {
        self.sections
            .iter()
            .map(|&(id, text)| SectionInput {
                label: drill.section_label(id).unwrap_or(id),
                text,
            })
            .collect()
    }

    /// [`ModelAnswer::inputs`], owned: what the app asks the analysis worker for.
    pub fn sections_to_analyse(&self, drill: &Drill) -> Sections {
        self.inputs(drill)
            .into_iter()
            .map(|s| SectionText {
                label: s.label.to_owned(),
                text: s.text.to_owned(),
            })
            .collect()
    }

    /// The analysis of each section, read together with its label as the
    /// app reads an attempt.
    pub fn analyze(&self, drill: &Drill) -> Vec<Analysis> {
        analyze_sections(&self.inputs(drill))
    }
}

/// The model answer for an attempt's prompt: its family's (a prompt the user
/// wrote takes the family it reads as).
pub fn for_prompt(drill: &Drill, prompt: &str) -> Option<&'static ModelAnswer> {
    let kind = drill.kind_of(prompt);
    MODEL_ANSWERS
        .iter()
        .find(|m| m.drill == drill.id && m.kind == kind)
}

use PromptKind::*;

pub const MODEL_ANSWERS: [ModelAnswer; 14] = [
    ModelAnswer {
        drill: "evidence-replay",
        kind: Story,
        prompt: "Describe a time you made a system faster or more reliable. What did it cost, and what did it buy?",
        hint: None,
        sections: &[
            ("weak", "How it sounds when the evidence stays invisible: “We made the search page a lot faster, it was a big win, and everyone was happy.”"),
            ("mid", "I profiled the search endpoint and found the slowest query. I added a composite index on shop and status, rewrote the pagination to use a cursor, and shipped both changes behind a flag over two days."),
            ("senior", "Search on our marketplace took 2.4 seconds at p95, and the product lead had measured that sessions with a slow first search converted 9% worse. I owned the search service, with two engineers working with me. I compared three options: a dedicated search engine, a read replica, and fixing the query itself. I chose to fix the query first because the profile put 80% of the time in one sequential scan, and a new search engine would have added a system to run for a problem a database index could solve. I added a composite index and cursor pagination, and Priya moved the facet counts to a nightly table. p95 went from 2.4 seconds to 380 ms, and search-to-basket conversion rose from 11.2% to 12.1% over the next four weeks. It cost two weeks of my time and one nightly job to watch. What I would change: I would write the load test before the fix, not after, because the first rollout briefly doubled database CPU, and a test at three times normal traffic would have shown it."),
        ],
        checklist: &[],
    },
    ModelAnswer {
        drill: "attribution-split",
        kind: Story,
        prompt: "Walk me through the biggest project you worked on last year.",
        hint: None,
        sections: &[
            ("team-outcome", "Last year a team of five moved checkout out of the monolith into its own service. Checkout errors fell from 1.8% to 0.4% of sessions, and releases touching checkout went from every two weeks to daily."),
            ("my-ownership", "I designed the cut-over: a shadow period in which the new service answered alongside the old one, and the comparison job that reported every mismatch. I wrote the rollback runbook and led both cut-over nights. I also decided to keep the tax calculation in the monolith for the first release, because moving it would have doubled the test surface for no gain a customer could see. The payments team first refused a two-night freeze; I won it by showing them the mismatch report from the shadow period, which had found three rounding bugs before any customer did."),
            ("others-ownership", "Amara led the project and negotiated the freeze window with the payments team. Jonas built the new service's data model and the migration scripts. Lena from the platform team set up the deploy pipeline and the dashboards watched on cut-over night."),
            ("spoken-summary", "Last year a team of five moved checkout out of the monolith, and checkout errors fell from 1.8% to 0.4%. Amara led it, Jonas built the data model and Lena the pipeline. My part was the cut-over: I designed the shadow comparison, wrote the rollback runbook and led both cut-over nights. The decision I would defend is keeping tax in the monolith for the first release, because it halved what had to be tested. Looking back, I would start the shadow period a week earlier: the last rounding bug surfaced two days before cut-over, which left too little time to be calm about it."),
        ],
        checklist: &[],
    },
    ModelAnswer {
        drill: "baseline-before-machinery",
        kind: Design,
        prompt: "Design the backend of a table-booking app for restaurants in one city.",
        hint: None,
        sections: &[
            ("baseline", "Assumptions first: one city, about 800 restaurants, at most 20,000 bookings on a Friday, and a table must never be given to two parties. The baseline is one web service and one Postgres database. A bookings table has a unique constraint on restaurant, table and time slot, so a double booking fails in the database rather than in application code. Availability is a query over that table with an index on restaurant and date; at 20,000 bookings a day it answers in a few milliseconds. Confirmation emails go out from the same service through the email provider's API, with a retry column on the booking row. Backups run nightly with point-in-time recovery, and one alert fires when booking errors stay above 1% for five minutes."),
            ("queue", "I would add a queue once sending confirmations starts to slow the booking request, for example when the email provider's p99 passes 500 ms, or once retries must survive a deploy. Until then the retry column does the job."),
            ("cache", "I would add a cache in front of availability when that query passes 50 ms at p95 or database CPU stays above 60% at peak; a city of 800 restaurants is unlikely to get there."),
            ("shard", "I would shard only beyond what one Postgres primary can write, roughly 5,000 bookings a second, which means hundreds of cities; the city would be the shard key, since a booking never crosses cities."),
            ("search-index", "I would add a search index when diners need free-text search with filters across restaurants (cuisine, distance, price) and the SQL version with trigram indexes passes 100 ms at p95."),
            ("stream-processor", "I would add a stream processor once restaurants need live dashboards of bookings and no-shows updated within 5 seconds and bookings pass about 200 a minute, the point at which recomputing the dashboards every few seconds would load the primary."),
            ("workflow-engine", "I would add a workflow engine if a booking grew into a multi-step process with deposits, reminders and timed cancellations across several providers, once the state kept by hand on the booking row caused more than one bug a month."),
        ],
        checklist: &[],
    },
    ModelAnswer {
        drill: "hint-recovery",
        kind: Design,
        prompt: "Design a notification service that emails users when their order ships.",
        hint: Some(&PROVIDER_RATE_LIMIT),
        sections: &[
            ("answer", "Before designing, my assumptions: about 50,000 orders ship a day, an email within ten minutes of shipping is fine, and a missed email matters more than a late one. The order service already records the shipped status in its database, so I would add a notifications table written in the same transaction as the status change. A worker polls that table every few seconds, renders the email, sends it through our email provider and marks the row sent. A row that fails is retried with backoff and raises an alert after an hour. I would test it against a fake provider that fails one request in ten."),
            ("recovery", "New constraint: the provider rate-limits us to 10 requests a second. At 50,000 emails a day the average is under one a second, but shipping comes in bursts, so at peak the worker would be throttled. I'll change the worker to send at most 10 a second with a token bucket and keep unsent rows in the table as the backlog, so a burst becomes a delay instead of errors. I would also ask whether the provider's batch endpoint counts as one request, because 50 emails per call would take the limit off the table. The alert changes too: it fires when the oldest unsent row is older than 15 minutes."),
        ],
        checklist: &[],
    },
    ModelAnswer {
        drill: "hint-recovery",
        kind: Coding,
        prompt: "Write a function that tells whether any two numbers in a list add up to a given target.",
        hint: Some(&SORTED_INPUT),
        sections: &[
            ("answer", "First the cases I would confirm: an empty list or a single number returns false, numbers can be negative, and one element may not be used twice. My plan is one pass with a set of the numbers seen so far: for each number x, if target − x is in the set, return true, otherwise add x. That is O(n) time and O(n) memory.\n\n```python\ndef has_pair(nums, target):\n    seen = set()\n    for x in nums:\n        if target - x in seen:\n            return True\n        seen.add(x)\n    return False\n```\n\nI would test [], [5], [2, 7] with 9, [3, 3] with 6, and a pair of negative numbers."),
            ("recovery", "New information: the input is already sorted and can hold 10 million items. That changes the plan: with sorted input I no longer need the set, which at 10 million numbers costs hundreds of megabytes. I'll switch to two pointers, one at each end: when the pair sums below the target, the left pointer moves right; above it, the right pointer moves left. Time stays O(n) and extra memory drops to O(1).\n\n```python\ndef has_pair_sorted(nums, target):\n    i, j = 0, len(nums) - 1\n    while i < j:\n        s = nums[i] + nums[j]\n        if s == target:\n            return True\n        if s < target:\n            i += 1\n        else:\n            j -= 1\n    return False\n```\n\nThe same tests apply, plus a sorted list with repeats such as [1, 2, 2, 4] with target 4."),
        ],
        checklist: &[],
    },
    ModelAnswer {
        drill: "failure-taxonomy-replay",
        kind: Replay,
        prompt: "Replay this answer (or one of your own). Q: \"Design a rate limiter for our public API.\" A: \"OK, so obviously we'd use Redis, and Kafka for the events, sharded by user. I built something like this at my last job, we did it with microservices and it was super successful. Tests — it's simple enough, we'd add them later. Sorry, I'm rambling. Sorry. Anyway, it scales.\"",
        hint: None,
        sections: &[
            ("original", "Asked to design a rate limiter for a public API, I said: “OK, so obviously we'd use Redis, and Kafka for the events, sharded by user. I built something like this at my last job, we did it with microservices and it was super successful. Tests — it's simple enough, we'd add them later. Sorry, I'm rambling. Sorry. Anyway, it scales.”"),
            ("labels", "Framing: I never asked who calls the API, what the limit protects, or what a rejected caller should see. Hidden reasoning: “obviously” Redis, with no reason given. Overengineering: a log, sharding and microservices for a counter, with no load named. Impact: “super successful” has no number behind it. Testing: tests were put off until later. Attribution: “we did it” hides what I built myself. Communication and recovery: two apologies broke the flow. Trade-off: no alternative was compared at all."),
            ("rewrite", "Before I pick anything, three questions. Who calls this API: our own apps, partners or anonymous clients? What is the limit protecting: our database, a paid upstream or fairness between customers? And what should a limited caller see: a 429 with a time to retry? I'll assume partners with API keys, a limit of 100 requests a minute per key, and about 2,000 requests a second in total. At that scale the simplest design is a fixed-window counter per key in each API instance's memory, which overshoots by at most the number of instances. If the limit must hold exactly across instances, I would move the counters to one shared store and measure the extra latency, which should stay under 2 ms. I'd test the boundary: the 100th request in a minute passes, and the 101st gets a 429 with Retry-After."),
        ],
        checklist: &[],
    },
    ModelAnswer {
        drill: "signal-labeling",
        kind: Labels,
        prompt: "Design a rate limiter for a public API.",
        hint: None,
        sections: &[
            ("problem-framing", "Asks who the callers are and what the limit protects (the database, a paid upstream, or fairness between customers) before naming any algorithm."),
            ("coding-fluency", "Writes the token-bucket update in a few lines, computing the refill from the time elapsed, and walks one request through it."),
            ("architectural-judgment", "Compares a counter in each instance with one shared counter store, and names the traffic at which the shared store is worth its extra network hop."),
            ("production-judgment", "Says what happens when the counter store is down (let traffic through for reads, refuse writes) and which metric would show the limiter rejecting good traffic."),
            ("delivery-judgment", "Proposes a week in report-only mode to see which customers would be limited before enforcing anything."),
            ("leadership-influence", "Explains how the limits would be agreed with the partner team and announced to customers with a date."),
            ("communication-reflection", "Closes with a three-sentence summary and says which assumption would change the design most."),
        ],
        checklist: &[],
    },
    ModelAnswer {
        drill: "hidden-reasoning-audit",
        kind: Coding,
        prompt: "Write a function that merges overlapping calendar intervals.",
        hint: None,
        sections: &[
            ("solution", "I'll assume intervals are pairs of start and end minutes, possibly unsorted, and that touching intervals such as 9:00–10:00 and 10:00–11:00 should merge, since a calendar shows them as one busy block.\n\n```python\ndef merge(intervals):\n    out = []\n    for start, end in sorted(intervals):\n        if out and start <= out[-1][1]:\n            out[-1][1] = max(out[-1][1], end)\n        else:\n            out.append([start, end])\n    return out\n```\n\nSorting costs O(n log n) and the pass O(n)."),
            ("silent-decisions", "- Sorting a copy of the input rather than the input itself.\n- Comparing with <= so that touching intervals merge.\n- Taking the larger of the two ends.\n- Returning lists rather than tuples.\n- No check for an interval whose end comes before its start."),
            ("explanations", "I sorted a copy because the caller may still need the original order for display. I compared with <= because a calendar treats back-to-back meetings as one busy block, which the interviewer confirmed. I took the larger end so that an interval contained in the previous one cannot shorten it. I returned lists so the last interval can be extended in place, which keeps the pass to one line per case. I left out a check for reversed intervals because the calendar API already rejects them; with untrusted input I would raise an error instead."),
        ],
        checklist: &[],
    },
    ModelAnswer {
        drill: "hidden-reasoning-audit",
        kind: Design,
        prompt: "Decide how to store user sessions for a web app running on two servers behind a load balancer.",
        hint: None,
        sections: &[
            ("solution", "Assumptions: about 30,000 active users, sessions last 30 days, and losing a session only means signing in again. Sessions go in a table in the Postgres database the app already uses, keyed by a random 256-bit token sent in a secure, HTTP-only cookie. Each request reads the row by its primary key, and a nightly job deletes expired rows."),
            ("silent-decisions", "- Sessions in the database, not in each server's memory.\n- No sticky sessions at the load balancer.\n- A random token rather than a signed cookie that holds the data.\n- The existing Postgres rather than a separate key-value store.\n- A nightly clean-up of expired rows."),
            ("explanations", "Sessions live in the database because with two servers a session held in one server's memory is lost whenever the balancer sends the user to the other. I avoided sticky sessions because a deploy or a crash would still sign users out. A random token means a session can be revoked by deleting one row, which a signed cookie cannot offer before it expires. The existing Postgres is enough because 30,000 users make a few hundred lookups a second by primary key; I would add a separate store only if that lookup showed up in p95 latency. The nightly clean-up keeps the table small, and expiry is still checked on every read, so a stale row never signs anyone in."),
        ],
        checklist: &[],
    },
    ModelAnswer {
        drill: "recovery-practice",
        kind: Design,
        prompt: "Flawed solution: product prices are served through a cache-aside Redis layer with a 10-minute TTL, refreshed by a nightly job. New fact: The business runs flash sales, and a price more than one second stale is unacceptable at checkout.",
        hint: None,
        sections: &[
            ("assumption", "The assumption that was too strong: that a price up to ten minutes old is good enough everywhere, checkout included."),
            ("model-change", "Freshness now differs by place. Product pages may show a price a few seconds old during a flash sale, but checkout must charge the price in force at that second. So checkout reads the price from the database of record instead of the cached copy, and every price change writes to the database first and then deletes the cached entry, so pages catch up within a second instead of ten minutes. The nightly refresh is no longer needed."),
            ("continue", "Next I would check the load this puts on the database: checkout handles about 40 orders a minute normally and perhaps 2,000 a minute in a flash sale, which one indexed read per order handles easily. I would add a test that changes a price and places an order in the same second, and an alert on any order charged at a price other than the one in force."),
        ],
        checklist: &[],
    },
    ModelAnswer {
        drill: "recovery-practice",
        kind: Coding,
        prompt: "Flawed solution: to merge intervals, compare every pair and merge overlapping ones, repeating until nothing changes. New fact: Inputs have up to 1 million intervals and the time limit is one second.",
        hint: None,
        sections: &[
            ("assumption", "The assumption that was too strong: that inputs stay small enough to compare every pair, which is quadratic and repeats until nothing changes."),
            ("model-change", "With up to 1 million intervals and a one-second time limit, comparing every pair means about 10^12 comparisons, so it cannot pass. Sorting by start changes the model: once sorted, an interval can only overlap the one being built, so a single pass merges everything. That is O(n log n) for the sort and O(n) for the pass, about 20 million steps at this size."),
            ("continue", "So I'll replace the pairwise loop with a sort and one pass: sort by start, keep the interval being built, extend its end to the larger of the two when the next start is at or before it, and otherwise emit it and start a new one. I would test an empty list, one interval, touching intervals, an interval inside another, and a random input of 1 million intervals timed against the one-second limit. Next time I would ask for the input size before choosing an approach, because here the size decided everything."),
        ],
        checklist: &[],
    },
    ModelAnswer {
        drill: "incident-triage",
        kind: Incident,
        prompt: "Users suddenly cannot complete bookings in production. The booking service was deployed 10 minutes ago, and support has logged 40 tickets since.",
        hint: None,
        sections: &[
            ("impact-questions", "One more question before anything else: has any customer been charged without getting a booking? That decides whether support must contact people, not just wait for the fix."),
            ("investigation-order", "First, the deploy: errors began seven minutes after booking-api 3.14 went out, so I compare the error rate of the new version with the old, which shows at once whether the release is the cause. Second, the logs of the failing requests, to confirm they come from the new pricing code. Third, and only if the version does not explain it, the providers and the database. The deploy comes first because a change in the last hour is the most likely cause and the cheapest to undo."),
            ("stabilise", "I roll booking-api back to 3.13 now, before anyone finds the bug, because a rollback takes about four minutes and can be undone: 3.14 changed no schema, so 3.13 runs against today's data. If errors have not cleared five minutes after the rollback, I turn off the new pricing path with its feature flag. Fixing the bug and redeploying waits until bookings are back to normal."),
            ("roles", "I am the incident lead: I decide and keep the timeline. Sam diagnoses the pricing code. Noor handles support and the status page. Only Sam may deploy, and only the rollback, until I declare the incident stable."),
            ("update-engineers", "14:12 — About 60% of booking attempts have failed since 14:02, after booking-api 3.14 went out at 13:55. I have started a rollback to 3.13; please do not deploy booking-api or change its flags until I say so. Sam is looking at the pricing code, and questions go to me in #inc-bookings. Next update at 14:30."),
            ("update-support", "14:12 — Many customers cannot complete a booking right now. The cause is a change on our side, which is being undone. Please ask customers to try again after 14:30 and note their booking reference; anyone charged without a confirmation will be refunded. Next update at 14:30."),
            ("update-executives", "14:12 — Since 14:02 about 60% of bookings fail, roughly €700 of bookings a minute. Cause: this afternoon's booking release, which I am rolling back; it should finish by 14:20. Risk: customers charged without a confirmation, whom support is logging for refunds. Next update at 14:30."),
        ],
        checklist: &[
            ("scope", "Web and app alike, every region: about 60% of booking attempts fail since 14:02."),
            ("layer", "The booking API answers 500; the pages themselves load."),
            ("deploy", "booking-api 3.14 went out at 13:55, seven minutes before the errors began."),
            ("external", "The payment and availability providers answer normally."),
            ("queues", "The confirmation queue drains normally."),
            ("errors", "500s with a null reference in the new pricing code; no timeouts, no 429s, no authentication errors."),
            ("failure-kind", "A functional failure: six bookings in ten fail outright."),
            ("cost", "About 300 bookings an hour at €140 on average: roughly €700 a minute, plus refunds and trust."),
        ],
    },
    ModelAnswer {
        drill: "rollout-plan",
        kind: Rollout,
        prompt: "Change the default HTTP client timeout in a shared library from 30 seconds to 3 seconds; forty services use the library.",
        hint: None,
        sections: &[
            ("risk", "The change: the default timeout of every outbound call made through the shared client drops from 30 seconds to 3. What could break: any call that legitimately takes longer than 3 seconds, such as report exports or a slow partner API, starts failing, and retries could multiply the load on a dependency that is already struggling. It touches forty services, checkout among them. Before any stage I would query the traces for calls whose p99.9 exceeds 3 seconds, to know which services need an explicit override first."),
            ("stages", "Stage 1: one instance of one low-risk internal service for a day; it goes on if that instance's error rate stays within 0.1 percentage points of its siblings. Stage 2: 5% of instances across ten services for a day, gated on no rise above 0.2 points in the 5xx rate and no new timeout errors in the traces. Stage 3: half of the instances of every service except checkout and payments for two days, with the same gate. Stage 4: everything, checkout and payments last, each with its owner's sign-off."),
            ("rollback", "Rollback trigger: a service's 5xx rate rises by more than 0.5 points, or timeouts appear on a call that never timed out before. Any on-call engineer of an affected service may pull it. It takes under a minute, because the timeout is read from a config flag at start and on every change, so no deploy is needed; a library release comes only at the final clean-up."),
            ("flag", "The flag holds the default timeout per service and stays at 30 seconds until a stage reaches that service. It covers every call through the client, retries included. There is no data migration in this change, so nothing beyond the flag needs undoing; calls with an explicit timeout are untouched, and I would list them to be sure."),
            ("metrics", "Customer-facing: checkout completion (normally 96%), search p95 latency (about 400 ms) and the 5xx rate at the edge (under 0.3%). Per service: timeouts by destination and retry volume, since a surge in retries is the first sign of trouble. CPU alone would not show this change going wrong."),
            ("no-deploy", "Not during a sale or the last two days of a month, when payment volume doubles; not on a Friday afternoon; not while any of the forty services has an open incident; and not before the overrides found in the traces are merged."),
        ],
        checklist: &[],
    },
    ModelAnswer {
        drill: "postmortem",
        kind: Postmortem,
        prompt: "No incident of your own to hand? Use this one: at 14:05 a config change halved the booking service's database connection pool; bookings failed for 38 minutes until a rollback at 14:43.",
        hint: None,
        sections: &[
            ("timeline", "14:05 A config change halves the booking service's database connection pool from 40 to 20.\n14:09 The first booking requests time out waiting for a connection.\n14:17 Support reports failed bookings; the error alert has not fired, because its threshold is 5% over 15 minutes.\n14:21 I am paged as on-call and open the incident.\n14:34 I find the pool exhausted in the service metrics and the 14:05 change in the config history.\n14:43 I roll the config back; bookings recover within two minutes.\n15:45 Incident closed after an hour without errors."),
            ("impact", "For 38 minutes about 70% of booking attempts failed: roughly 1,900 failed attempts from about 1,200 customers, 310 of whom did not come back that day. The lost bookings were worth about €43,000. No data was lost and nobody was charged twice."),
            ("factors", "The config change was reviewed as a cost saving, and the review checklist had no question about capacity. Config changes went live on every instance at once, with no canary. The error alert needed 15 minutes above 5%, so customers noticed before the alert did. The pool size was set in two files, and the change edited the one the dashboard did not show. Finding the cause took 13 minutes because the config history lived in a different tool from the service metrics."),
            ("went-well", "The rollback was one command and took under two minutes. Support escalated within 12 minutes of the first failures, and the incident channel kept a single timeline, which made this review quick to write."),
            ("actions", "- I own moving booking-service config changes to a canary stage on 5% of instances, due 14 March.\n- Priya owns a booking-failure alert at 2% over 3 minutes, due 7 March.\n- Tom owns adding capacity questions to the config review checklist, due 10 March.\n- I own a single source for the pool size, with a test that fails if two values disagree, due 21 March."),
        ],
        checklist: &[],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::drills::{drill, SectionAid, DRILLS};
    use crate::core::recovery::check_recovery;

    fn model_id(m: &ModelAnswer) -> String {
        format!("{}/{:?}", m.drill, m.kind).to_lowercase()
    }

    #[test]
    fn every_prompt_family_has_exactly_one_model_answer_to_one_of_its_prompts() {
        for d in &DRILLS {
            for kind in d.kinds() {
                let models: Vec<_> = MODEL_ANSWERS
                    .iter()
                    .filter(|m| m.drill == d.id && m.kind == kind)
                    .collect();
                assert_eq!(models.len(), 1, "{} {kind:?}", d.id);
                let prompt = d.prompt(models[0].prompt);
                assert_eq!(
                    prompt.map(|p| p.kind),
                    Some(kind),
                    "{}: {}",
                    d.id,
                    models[0].prompt
                );
            }
        }
        for m in &MODEL_ANSWERS {
            assert!(
                drill(m.drill).is_some_and(|d| d.kinds().contains(&m.kind)),
                "{}",
                model_id(m)
            );
        }
    }

    #[test]
    fn every_model_answer_fills_every_section_in_order_and_every_checklist_item() {
        for m in &MODEL_ANSWERS {
            let d = drill(m.drill).expect("drill exists");
            let ids: Vec<&str> = m.sections.iter().map(|(id, _)| *id).collect();
            let want: Vec<&str> = d.sections.iter().map(|s| s.id).collect();
            assert_eq!(ids, want, "{}", model_id(m));
            for (id, text) in m.sections {
                assert!(text.len() >= 60, "{} {id}: a real answer", model_id(m));
            }
            let items: Vec<&str> = d
                .sections
                .iter()
                .filter_map(|s| match s.aid {
                    SectionAid::Checklist(items) => Some(items),
                    _ => None,
                })
                .flatten()
                .map(|i| i.id)
                .collect();
            let answered: Vec<&str> = m.checklist.iter().map(|(id, _)| *id).collect();
            assert_eq!(answered, items, "{}", model_id(m));
        }
    }

    /// The issue: the model answers are part of the analyzer's corpus and
    /// produce no findings.
    #[test]
    fn model_answers_produce_no_findings() {
        let mut unexpected = Vec::new();
        for m in &MODEL_ANSWERS {
            let d = drill(m.drill).expect("drill exists");
            for ((section, text), analysis) in m.sections.iter().zip(m.analyze(d)) {
                for f in &analysis.findings {
                    let line = format!(
                        "{} [{section}] {} «{}»: “{}”",
                        model_id(m),
                        f.rule.id(),
                        &text[f.start..f.end],
                        crate::core::feedback::sentence_around(text, f.start, f.end)
                    );
                    unexpected.push(line);
                }
            }
        }
        assert!(
            unexpected.is_empty(),
            "findings in model answers:\n{}",
            unexpected.join("\n")
        );
    }

    #[test]
    fn model_answers_show_at_least_two_signals_their_drill_tests() {
        // Signal labeling describes behaviours to look for, in the third
        // person: by design the analyzer does not count them as the
        // speaker's own evidence.
        for m in MODEL_ANSWERS
            .iter()
            .filter(|m| m.drill != "signal-labeling")
        {
            let d = drill(m.drill).expect("drill exists");
            let merged = crate::core::attempt::merge_signals(
                m.analyze(d)
                    .iter()
                    .map(|a| a.signals.as_slice())
                    .collect::<Vec<_>>(),
            );
            let shown = d
                .signals
                .iter()
                .filter(|s| merged.iter().any(|e| e.signal == **s && e.shown()))
                .count();
            eprintln!("{}: {shown} of {} signals", model_id(m), d.signals.len());
            assert!(
                shown >= 2,
                "{}: {shown} of {} signals",
                model_id(m),
                d.signals.len()
            );
        }
    }

    #[test]
    fn hint_recovery_models_recover_from_their_own_hint_and_recovery_models_from_their_fact() {
        for m in &MODEL_ANSWERS {
            let d = drill(m.drill).expect("drill exists");
            let against = match m.drill {
                "hint-recovery" => {
                    let hint = m.hint.expect("a hint");
                    let prompt = d.prompt(m.prompt).expect("bank prompt");
                    assert!(
                        prompt.hints.iter().any(|h| h.id == hint.id),
                        "{}",
                        model_id(m)
                    );
                    Some((hint, m.section("recovery").to_owned()))
                }
                "recovery-practice" => d.fact(m.prompt).map(|f| {
                    let text = m
                        .sections
                        .iter()
                        .map(|(_, t)| *t)
                        .collect::<Vec<_>>()
                        .join("\n\n");
                    (f, text)
                }),
                _ => {
                    assert!(m.hint.is_none());
                    None
                }
            };
            if let Some((hint, text)) = against {
                let check = check_recovery(hint, &text);
                assert!(check.passed(), "{}: {}", model_id(m), check.summary);
                assert_eq!(check.apologies, 0);
            }
        }
    }

    #[test]
    fn an_attempt_finds_the_model_of_its_family() {
        let hr = drill("hint-recovery").expect("drill exists");
        let coding = for_prompt(
            hr,
            "Write a function that returns the k most frequent words in a log file.",
        );
        assert_eq!(coding.map(|m| m.kind), Some(PromptKind::Coding));
        let own = for_prompt(hr, "Design a ticket queue for a support team.");
        assert_eq!(own.map(|m| m.kind), Some(PromptKind::Design));
        for d in &DRILLS {
            assert!(for_prompt(d, "").is_some(), "{}", d.id);
        }
    }
}
