//! Property tests: the analyzer never panics and its spans are well formed,
//! whatever Unicode it is given.

use evident::core::analyzer::analyze;
use proptest::prelude::*;

fn check(text: &str) {
    let a = analyze(text);
    let mut prev = (0usize, 0usize);
    for f in &a.findings {
        assert!(f.start < f.end, "empty span {f:?}");
        assert!(f.end <= text.len(), "span out of bounds {f:?}");
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
        assert!((f.start, f.end) >= prev, "findings not sorted");
        prev = (f.start, f.end);
        assert!(f.line >= 1 && f.col >= 1);
        assert!(!f.message.is_empty() && !f.suggestion.is_empty());
    }
    assert_eq!(a.signals.len(), 7);
}

/// Words the rules care about, so random texts actually trigger findings.
const VOCAB: &[&str] = &[
    "we",
    "I",
    "owned",
    "shipped",
    "sorry",
    "Sorry,",
    "obviously",
    "just",
    "Kafka",
    "cache",
    "would",
    "when",
    "improved",
    "much faster",
    "2,000",
    "1.8",
    "e.g.",
    "…",
    "...",
    "the team",
    "was late",
    "management",
    "tests",
    "skipped",
    "I'm",
    "passionate",
    "because",
    "’",
    "“",
    "—",
    ".",
    "?",
    "!",
    "\n",
    "\n\n",
    "- ",
    "日本",
    "🚀",
    "é",
    "\u{301}",
    "from",
    "to",
    "%",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_unicode_is_safe(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn vocabulary_soup_is_safe(words in proptest::collection::vec(proptest::sample::select(VOCAB), 0..80)) {
        let text = words.join(" ");
        check(&text);
        let glued = words.concat();
        check(&glued);
    }

    #[test]
    fn prefixes_of_real_text_are_safe(cut in 0usize..400) {
        let text = "We shipped it — sorry… I’d use Kafka. Obviously the team was late; I skipped tests. 日本語 🚀 from 900 ms to 280 ms.";
        let mut cut = cut.min(text.len());
        while !text.is_char_boundary(cut) { cut -= 1; }
        check(&text[..cut]);
    }
}
