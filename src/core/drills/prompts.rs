//! Prompt banks, written for Evident: realistic senior-interview prompts.
//! The first prompt of each bank is the default; the user may also type their
//! own. Prompts of `failure-taxonomy-replay` and `recovery-practice` carry
//! their material (a transcript, a flawed solution) so there is something to
//! work on; hint-recovery prompts name the hints that may interrupt them.

use super::hints::*;
use super::{Hint, Prompt, PromptKind};
use PromptKind::{Coding, Design, Incident, Labels, Postmortem, Replay, Rollout, Story};

const fn p(text: &'static str, kind: PromptKind) -> Prompt {
    Prompt {
        text,
        kind,
        hints: &[],
        fact: None,
    }
}

/// A hint-recovery prompt and the hints that break its typical first path.
const fn hinted(text: &'static str, kind: PromptKind, hints: &'static [&'static Hint]) -> Prompt {
    Prompt {
        text,
        kind,
        hints,
        fact: None,
    }
}

/// A recovery-practice prompt whose text ends with its new fact.
const fn flawed(text: &'static str, kind: PromptKind, fact: &'static Hint) -> Prompt {
    Prompt {
        text,
        kind,
        hints: &[],
        fact: Some(fact),
    }
}

pub const EVIDENCE_REPLAY: [Prompt; 6] = [
    p("Tell me about a project you are proud of, and what you personally changed in it.", Story),
    p("Describe a time you made a system faster or more reliable. What did it cost, and what did it buy?", Story),
    p("Tell me about a technical decision you made that others disagreed with at the time.", Story),
    p("Walk me through a migration you led: what moved, why then, and how you knew it had worked.", Story),
    p("Tell me about a time you reduced operational toil or on-call load for your team.", Story),
    p("Describe a project that shipped late or went wrong. What was your part in it, and what do you do differently now?", Story),
];

pub const ATTRIBUTION_SPLIT: [Prompt; 6] = [
    p("Walk me through the biggest project you worked on last year.", Story),
    p("Tell me about a cross-team launch you were part of. Who owned what?", Story),
    p("Describe an incident you helped resolve, from detection to the postmortem.", Story),
    p("Tell me about a platform, service or shared library your team built that other teams adopted.", Story),
    p("Describe a project where you led or mentored others to deliver something you did not build yourself.", Story),
    p("Tell me about a re-architecture whose first design came from someone else.", Story),
];

pub const BASELINE: [Prompt; 7] = [
    p(
        "Design a URL shortener for an internal company tool.",
        Design,
    ),
    p(
        "Design the backend of a table-booking app for restaurants in one city.",
        Design,
    ),
    p(
        "Design a system that sends a daily digest email to each user of a SaaS product.",
        Design,
    ),
    p(
        "Design product search for an online shop with 50,000 items.",
        Design,
    ),
    p(
        "Design an audit log that records every admin action in a B2B application.",
        Design,
    ),
    p(
        "Design a webhook service that notifies customers' endpoints when their orders change.",
        Design,
    ),
    p(
        "Design photo upload with thumbnails for a social feature in an existing web app.",
        Design,
    ),
];

pub const HINT_RECOVERY: [Prompt; 8] = [
    hinted(
        "Design a notification service that emails users when their order ships.",
        Design,
        &[&PROVIDER_RATE_LIMIT, &BATCH_SHIPPING, &DUPLICATE_EVENTS],
    ),
    hinted(
        "Design an API that imports a customer's contacts from a CSV upload.",
        Design,
        &[&HUGE_CSV, &BAD_ROWS, &SINGLE_REGION_DATA],
    ),
    hinted(
        "Write a function that returns the k most frequent words in a log file.",
        Coding,
        &[&MEMORY_LIMIT, &SLIDING_WINDOW],
    ),
    hinted(
        "Design a leaderboard for a mobile game with daily and all-time rankings.",
        Design,
        &[&OWN_RANK, &OFFLINE_CLIENTS, &WRITE_VOLUME_100X],
    ),
    hinted(
        "Design a job that retries failed subscription payments.",
        Design,
        &[&EXACTLY_ONCE, &DEPENDENCY_DOWN, &PROVIDER_RATE_LIMIT, &ORDERING],
    ),
    hinted(
        "Write a function that deduplicates customer records whose names and emails may differ in case and whitespace.",
        Coding,
        &[&FUZZY_NAMES, &RECORD_STREAM],
    ),
    hinted(
        "Design the sync between a shop's inventory database and three external marketplaces.",
        Design,
        &[&OVERSELL, &PROVIDER_RATE_LIMIT],
    ),
    hinted(
        "Write a function that tells whether any two numbers in a list add up to a given target.",
        Coding,
        &[&SORTED_INPUT, &NO_EXTRA_MEMORY],
    ),
];

pub const FAILURE_TAXONOMY: [Prompt; 6] = [
    p("Replay this answer (or one of your own). Q: \"Design a rate limiter for our public API.\" A: \"OK, so obviously we'd use Redis, and Kafka for the events, sharded by user. I built something like this at my last job, we did it with microservices and it was super successful. Tests — it's simple enough, we'd add them later. Sorry, I'm rambling. Sorry. Anyway, it scales.\"", Replay),
    p("Replay this answer (or one of your own). Q: \"Tell me about a project that did not go to plan.\" A: \"Product kept changing the requirements, so the deadline slipped, which wasn't really our fault. We eventually shipped it and it was a huge improvement for users. I'm a strong owner, so I just pushed it through.\"", Replay),
    p("Replay this answer (or one of your own). Q: \"Merge overlapping intervals.\" A: I started coding at once, sorted by start and merged as I went. Asked about an empty list and touching intervals like [1,2] and [2,3], I said it was fine without checking. When the interviewer showed a bug with an interval that contains the next one, I apologised several times, rewrote everything from scratch and ran out of time.", Replay),
    p("Replay this answer (or one of your own). Q: \"Checkout errors doubled right after a deploy. What do you do?\" A: \"I'd read through the diff to find the bug, fix it and deploy the fix. Probably add more tests. Once it's fixed I'd let my manager know.\"", Replay),
    p("Replay this answer (or one of your own). Q: \"Design a news feed for 10 million users.\" A: \"Microservices on Kubernetes, event sourcing and CQRS, a Cassandra cluster and a cache in front of everything; fan-out on write, the standard way.\" Asked about an account with 5 million followers: \"The cache handles that.\"", Replay),
    p("Replay this answer (or one of your own). Q: \"SQL or NoSQL for an order system?\" A: \"NoSQL, because it scales better; SQL doesn't really scale. We used MongoDB at my last company and everything was much faster.\"", Replay),
];

pub const SIGNAL_LABELING: [Prompt; 6] = [
    p("Design a rate limiter for a public API.", Labels),
    p("Tell me about a time you disagreed with your manager about a technical direction.", Labels),
    p("Implement an LRU cache and explain how you would test it.", Labels),
    p("Checkout conversion in our mobile app dropped 8% after the last release. Walk me through what you would do.", Labels),
    p("How would you split a growing monolith that four teams deploy together?", Labels),
    p("Tell me about a time you had to deliver bad news about a deadline.", Labels),
];

pub const HIDDEN_REASONING: [Prompt; 7] = [
    p("Write a function that merges overlapping calendar intervals.", Coding),
    p("Write a function that checks whether a string of brackets ()[]{} is balanced.", Coding),
    p("Design the database schema for a to-do app with lists shared between users.", Design),
    p("Write a function that returns the first non-repeating character of a string.", Coding),
    p("Design the REST API for uploading, listing and deleting a user's profile photos.", Design),
    p("Write a function that parses a duration such as \"1h30m15s\" into seconds.", Coding),
    p("Decide how to store user sessions for a web app running on two servers behind a load balancer.", Design),
];

pub const RECOVERY_PRACTICE: [Prompt; 6] = [
    flawed("Flawed solution: product prices are served through a cache-aside Redis layer with a 10-minute TTL, refreshed by a nightly job. New fact: The business runs flash sales, and a price more than one second stale is unacceptable at checkout.", Design, &FACT_FLASH_SALE),
    flawed("Flawed solution: to find duplicate transactions, load the day's transactions into a hash map keyed by (account, amount, timestamp). New fact: A day is 400 GB, and two duplicates can differ by up to 3 seconds in timestamp.", Coding, &FACT_DAY_OF_TRANSACTIONS),
    flawed("Flawed solution: the report scheduler is cron on a single VM that writes its results to local disk. New fact: The VM is replaced without warning during maintenance, and a missed run costs a customer a day of reports.", Design, &FACT_VM_REPLACED),
    flawed("Flawed solution: invoice URLs look like /users/1042/invoices, and the handler only checks that someone is logged in. New fact: A security review shows any customer can read another customer's invoices by changing the number.", Design, &FACT_INVOICE_ACCESS),
    flawed("Flawed solution: to merge intervals, compare every pair and merge overlapping ones, repeating until nothing changes. New fact: Inputs have up to 1 million intervals and the time limit is one second.", Coding, &FACT_MILLION_INTERVALS),
    flawed("Flawed solution: the order service calls the payment provider synchronously inside the database transaction that creates the order. New fact: The provider's p99 latency is 4 seconds and about 1% of calls time out, leaving order rows locked.", Design, &FACT_SLOW_PROVIDER),
];

/// Every prompt starts with the brief's scenario; the rest varies what is
/// behind it (a deploy, a provider, stale data, a retry storm, …).
pub const INCIDENT_TRIAGE: [Prompt; 7] = [
    p("Users suddenly cannot complete bookings in production.", Incident),
    p("Users suddenly cannot complete bookings in production. The booking service was deployed 10 minutes ago, and support has logged 40 tickets since.", Incident),
    p("Users suddenly cannot complete bookings in production. The availability provider has started answering with HTTP 200 and empty or garbled room lists; nothing on your side has changed today.", Incident),
    p("Users suddenly cannot complete bookings in production. Signed-in users are told they are not allowed to book, though their accounts look fine; the permissions cache was refilled from a lagging replica an hour ago.", Incident),
    p("Users suddenly cannot complete bookings in production. Traffic to the booking API is eight times normal and almost all of it is retries: the mobile app retries every failed request at once, with no backoff.", Incident),
    p("Users suddenly cannot complete bookings in production. Bookings seem to go through, but confirmations never arrive and users are booking twice.", Incident),
    p("Users suddenly cannot complete bookings in production. Only card payments fail, and the payment provider's status page is green.", Incident),
];

pub const ROLLOUT_PLAN: [Prompt; 6] = [
    p("Roll out a schema migration that splits the customers table's single address column into street, city and postcode, on the database that serves checkout.", Rollout),
    p("Move card payments from your current payment provider to a new one without any checkout downtime.", Rollout),
    p("Change the default HTTP client timeout in a shared library from 30 seconds to 3 seconds; forty services use the library.", Rollout),
    p("Move session storage from the web servers' memory to a shared store, for an app with 2 million daily users.", Rollout),
    p("Replace the search ranking of an online shop with a new model that the data team says improves conversion.", Rollout),
    p("Upgrade the primary database of a booking service that runs around the clock by four major versions.", Rollout),
];

pub const POSTMORTEM: [Prompt; 7] = [
    p("Write the postmortem of the most serious production incident you were part of.", Postmortem),
    p("Write the postmortem of an incident caused by a change you shipped yourself.", Postmortem),
    p("Write the postmortem of an outage that customers noticed before your alerts did.", Postmortem),
    p("Write the postmortem of an incident caused by a third-party provider or dependency.", Postmortem),
    p("Write the postmortem of a slow degradation that took days to notice, not a sudden outage.", Postmortem),
    p("Write the postmortem of an incident in which data was lost or corrupted, and how it was repaired.", Postmortem),
    p("No incident of your own to hand? Use this one: at 14:05 a config change halved the booking service's database connection pool; bookings failed for 38 minutes until a rollback at 14:43.", Postmortem),
];
