//! The interrupting hints of `hint-recovery` and the new facts of
//! `recovery-practice`, written for Evident. Each hint invalidates the path a
//! typical answer to its prompts takes; the prompts that use it name it (see
//! `prompts`), and `fits` says which kinds of prompt it may interrupt.

use super::{Hint, PromptKind};
use PromptKind::{Coding, Design};

const fn hint(
    id: &'static str,
    text: &'static str,
    key_terms: &'static [&'static [&'static str]],
    fits: PromptKind,
    general: bool,
) -> Hint {
    Hint {
        id,
        text,
        key_terms,
        fits,
        general,
    }
}

/// A new fact of recovery practice: checked like a hint, never drawn.
const fn fact(
    id: &'static str,
    text: &'static str,
    key_terms: &'static [&'static [&'static str]],
    fits: PromptKind,
) -> Hint {
    hint(id, text, key_terms, fits, false)
}

pub const WRITE_VOLUME_100X: Hint = hint(
    "write-volume-100x",
    "The write volume is 100× what you assumed.",
    &[&["100x"], &["write", "writes"]],
    Design,
    true,
);
pub const PROVIDER_RATE_LIMIT: Hint = hint(
    "provider-rate-limit",
    "The provider rate-limits you to 10 requests a second.",
    &[
        &["10"],
        &[
            "rate limit",
            "rate-limit",
            "requests a second",
            "requests per second",
            "rps",
            "throttl",
        ],
    ],
    Design,
    false,
);
pub const EXACTLY_ONCE: Hint = hint(
    "exactly-once",
    "Duplicates are unacceptable: a user must never be charged twice.",
    &[&[
        "duplicate",
        "twice",
        "exactly once",
        "exactly-once",
        "idempoten",
    ]],
    Design,
    false,
);
pub const P99_LATENCY: Hint = hint(
    "p99-latency",
    "The p99 latency budget for this call is 50 ms end to end.",
    &[&["50"], &["latency", "p99", "ms"]],
    Design,
    true,
);
pub const SINGLE_REGION_DATA: Hint = hint(
    "single-region-data",
    "Legal says EU users' data may not leave the EU region.",
    &[&["eu", "europe", "region", "residency"]],
    Design,
    true,
);
pub const MEMORY_LIMIT: Hint = hint(
    "memory-limit",
    "The input no longer fits in memory: it is 2 TB and arrives as a stream.",
    &[&["2"], &["memory", "stream", "tb"]],
    Coding,
    true,
);
pub const READ_HEAVY: Hint = hint(
    "read-heavy",
    "Reads outnumber writes 1000 to 1, and most reads hit the same 1% of items.",
    &[&["1000", "1%"], &["read", "reads", "hot", "skew"]],
    Design,
    true,
);
pub const OFFLINE_CLIENTS: Hint = hint(
    "offline-clients",
    "Half the clients are mobile apps that go offline for hours and sync later.",
    &[&["offline", "sync"]],
    Design,
    false,
);
pub const TEAM_OF_TWO: Hint = hint(
    "team-of-two",
    "You have two engineers and six weeks; nothing you run yourself can need an on-call rota.",
    &[
        &["2", "6"],
        &[
            "engineer", "weeks", "on-call", "on call", "operat", "managed",
        ],
    ],
    Design,
    true,
);
pub const ORDERING: Hint = hint(
    "ordering",
    "Events for the same account must be processed in the order they happened.",
    &[
        &["order", "ordering", "sequence"],
        &[
            "account",
            "per-account",
            "per account",
            "same key",
            "partition",
        ],
    ],
    Design,
    false,
);
pub const SORTED_INPUT: Hint = hint(
    "sorted-input",
    "The input is already sorted, and it can be as large as 10 million items.",
    &[&["sorted"], &["10 million", "10m"]],
    Coding,
    true,
);
pub const NO_EXTRA_MEMORY: Hint = hint(
    "no-extra-memory",
    "You may use only constant extra memory.",
    &[
        &["constant", "o(1)", "in place", "in-place"],
        &["memory", "space"],
    ],
    Coding,
    true,
);
pub const DELETES_GDPR: Hint = hint(
    "deletes-gdpr",
    "Users can ask for deletion, and their data must be gone everywhere within 30 days.",
    &[&["delet", "erase", "removal"], &["30", "month"]],
    Design,
    true,
);
pub const DEPENDENCY_DOWN: Hint = hint(
    "dependency-down",
    "The downstream payment provider is down for up to an hour about once a week.",
    &[
        &["down", "outage", "unavailable", "fail"],
        &["hour", "1", "week"],
    ],
    Design,
    false,
);
pub const BATCH_SHIPPING: Hint = hint(
    "batch-shipping",
    "Shipping runs as one nightly batch: 400,000 orders are marked shipped within the same five minutes.",
    &[
        &["400,000"],
        &["batch", "nightly", "5 minutes", "burst", "spike", "at once"],
    ],
    Design,
    false,
);
pub const DUPLICATE_EVENTS: Hint = hint(
    "duplicate-events",
    "The shipping system sometimes sends the same event two or three times, and each shipment must still produce exactly one email.",
    &[&[
        "exactly one",
        "exactly once",
        "duplicate",
        "twice",
        "more than once",
        "idempoten",
        "dedup",
    ]],
    Design,
    false,
);
pub const HUGE_CSV: Hint = hint(
    "huge-csv",
    "Some uploads are 2 GB files with 20 million rows, and the gateway cuts off any request after 30 seconds.",
    &[
        &["2 gb", "20 million"],
        &["30 seconds", "30", "timeout", "time out", "gateway"],
    ],
    Design,
    false,
);
pub const BAD_ROWS: Hint = hint(
    "bad-rows",
    "About 3% of rows in real files are malformed, and the customer must be told which rows failed without losing the good ones.",
    &[
        &["malformed", "invalid", "bad", "broken", "3%"],
        &["which rows", "each row", "per row", "report", "good ones", "good rows", "partial"],
    ],
    Design,
    false,
);
pub const SLIDING_WINDOW: Hint = hint(
    "sliding-window",
    "The answer must be updated every minute as new lines arrive, counting only the last hour.",
    &[
        &[
            "every minute",
            "each minute",
            "per minute",
            "new lines",
            "as lines arrive",
            "stream",
            "continuous",
        ],
        &["last hour", "hour", "sliding", "window"],
    ],
    Coding,
    false,
);
pub const OWN_RANK: Hint = hint(
    "own-rank",
    "There are 50 million players, and each one must see their own rank, not just the top 100.",
    &[
        &["50 million"],
        &["own rank", "their rank", "my rank", "rank"],
    ],
    Design,
    false,
);
pub const FUZZY_NAMES: Hint = hint(
    "fuzzy-names",
    "Names also differ by accents and typos, such as \"Zoë Smith\" and \"Zoe Smyth\", and those records are the same customer.",
    &[&["accent", "typo", "fuzzy", "similar", "edit distance", "misspel", "spelling"]],
    Coding,
    false,
);
pub const RECORD_STREAM: Hint = hint(
    "record-stream",
    "The records arrive as a stream of 300 million, and you may hold only 1 GB in memory.",
    &[&["300 million"], &["1 gb", "memory", "stream"]],
    Coding,
    false,
);
pub const OVERSELL: Hint = hint(
    "oversell",
    "Last week two marketplaces sold the last unit of an item within the same second: overselling must stop.",
    &[&["oversell", "last unit", "same second", "sold twice", "reserv"]],
    Design,
    false,
);

/// The hint bank of `hint-recovery`. Append only: a stored
/// `HintPlan::hint_index` points into this list.
pub const HINTS: [Hint; 23] = [
    WRITE_VOLUME_100X,
    PROVIDER_RATE_LIMIT,
    EXACTLY_ONCE,
    P99_LATENCY,
    SINGLE_REGION_DATA,
    MEMORY_LIMIT,
    READ_HEAVY,
    OFFLINE_CLIENTS,
    TEAM_OF_TWO,
    ORDERING,
    SORTED_INPUT,
    NO_EXTRA_MEMORY,
    DELETES_GDPR,
    DEPENDENCY_DOWN,
    BATCH_SHIPPING,
    DUPLICATE_EVENTS,
    HUGE_CSV,
    BAD_ROWS,
    SLIDING_WINDOW,
    OWN_RANK,
    FUZZY_NAMES,
    RECORD_STREAM,
    OVERSELL,
];

// The new facts of recovery practice, one per prompt: the "New fact:" of the
// prompt, word for word, so the recovery check reads the user's restatement.

pub const FACT_FLASH_SALE: Hint = fact(
    "flash-sale-prices",
    "The business runs flash sales, and a price more than one second stale is unacceptable at checkout.",
    &[&["1 second", "stale", "fresh"], &["flash sale", "checkout", "sale"]],
    Design,
);
pub const FACT_DAY_OF_TRANSACTIONS: Hint = fact(
    "day-of-transactions",
    "A day is 400 GB, and two duplicates can differ by up to 3 seconds in timestamp.",
    &[
        &["400 gb", "memory"],
        &["3 seconds", "3 second", "window", "tolerance"],
    ],
    Coding,
);
pub const FACT_VM_REPLACED: Hint = fact(
    "vm-replaced",
    "The VM is replaced without warning during maintenance, and a missed run costs a customer a day of reports.",
    &[
        &["replaced", "maintenance", "without warning", "disappear", "lost"],
        &["missed run", "miss", "day of reports", "reports"],
    ],
    Design,
);
pub const FACT_INVOICE_ACCESS: Hint = fact(
    "invoice-access",
    "A security review shows any customer can read another customer's invoices by changing the number.",
    &[
        &["another customer", "other customer", "someone else", "any customer"],
        &["invoice", "authoris", "authoriz", "owner", "access"],
    ],
    Design,
);
pub const FACT_MILLION_INTERVALS: Hint = fact(
    "million-intervals",
    "Inputs have up to 1 million intervals and the time limit is one second.",
    &[&["1 million"], &["1 second", "time limit"]],
    Coding,
);
pub const FACT_SLOW_PROVIDER: Hint = fact(
    "slow-provider",
    "The provider's p99 latency is 4 seconds and about 1% of calls time out, leaving order rows locked.",
    &[
        &["4 seconds", "p99", "time out", "timeout"],
        &["lock", "transaction"],
    ],
    Design,
);
