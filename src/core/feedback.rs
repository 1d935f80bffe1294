//! What the editor needs to show findings on the user's own words: the
//! non-overlapping marked segments of a text, offsets converted between Rust's
//! UTF-8 bytes and the browser's UTF-16 selection offsets, the key that keeps a
//! dismissed finding dismissed while its sentence is unchanged. (The weak and
//! strong examples of each section live in `examples`.)

use crate::core::analyzer::Finding;
use crate::core::markdown::escape_into;
use std::collections::BTreeSet;

/// A run of text, marked with the rule that flagged it or plain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub start: usize,
    pub end: usize,
    /// Index into the findings slice the segments were built from.
    pub finding: Option<usize>,
}

/// Cuts `text` into plain and marked segments covering it exactly once.
/// Overlapping findings are clipped so the earlier one keeps its words; a
/// finding fully inside an earlier one gets no mark (it is still listed).
pub fn segments(text: &str, findings: &[Finding]) -> Vec<Segment> {
    let mut out = Vec::with_capacity(findings.len() * 2 + 1);
    let mut at = 0;
    for (i, f) in findings.iter().enumerate() {
        let start = f.start.max(at);
        let end = f.end.min(text.len());
        if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        if start > at {
            out.push(Segment {
                start: at,
                end: start,
                finding: None,
            });
        }
        out.push(Segment {
            start,
            end,
            finding: Some(i),
        });
        at = end;
    }
    if at < text.len() {
        out.push(Segment {
            start: at,
            end: text.len(),
            finding: None,
        });
    }
    out
}

/// The highlight layer as HTML: the text with every character escaped, and each
/// marked segment wrapped in `<mark class="mark mark-RULE" data-…>`. Built as one
/// string so a 10,000-word paste becomes one parse, not thousands of nodes
/// created one by one. Only our own tags and attributes are emitted; all user
/// text is escaped, so nothing the user types can become markup.
pub fn backdrop_html(text: &str, findings: &[Finding]) -> String {
    let mut html = String::with_capacity(text.len() + findings.len() * 96 + 8);
    // Segments cover the text contiguously, so offsets accumulate piece by piece.
    let mut utf16_at = 0;
    for seg in segments(text, findings) {
        let piece = &text[seg.start..seg.end];
        let piece_utf16 = piece.encode_utf16().count();
        match seg.finding.and_then(|i| findings.get(i).map(|f| (i, f))) {
            Some((i, f)) => {
                html.push_str(&format!(
                    "<mark class=\"mark mark-{rule}\" data-rule=\"{rule}\" data-index=\"{i}\" data-start=\"{start}\" data-end=\"{end}\">",
                    rule = f.rule,
                    start = utf16_at,
                    end = utf16_at + piece_utf16,
                ));
                escape_into(&mut html, piece);
                html.push_str("</mark>");
            }
            None => escape_into(&mut html, piece),
        }
        utf16_at += piece_utf16;
    }
    // A trailing newline needs a character after it to take up its line.
    html.push(' ');
    html
}

/// The UTF-16 offset of a byte offset (for `setSelectionRange`).
pub fn byte_to_utf16(text: &str, byte: usize) -> usize {
    let byte = floor_char_boundary(text, byte);
    text[..byte].chars().map(char::len_utf16).sum()
}

/// The byte offset of a UTF-16 offset (from `selectionStart`), clamped to the
/// text and to a char boundary.
pub fn utf16_to_byte(text: &str, utf16: usize) -> usize {
    let mut units = 0;
    for (byte, c) in text.char_indices() {
        if units >= utf16 {
            return byte;
        }
        units += c.len_utf16();
    }
    text.len()
}

fn floor_char_boundary(text: &str, byte: usize) -> usize {
    let mut byte = byte.min(text.len());
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    byte
}

/// The sentence around `start..end`: from after the previous sentence end
/// (`.`, `!`, `?` or a newline) to the next one, trimmed.
pub fn sentence_around(text: &str, start: usize, end: usize) -> &str {
    let start = floor_char_boundary(text, start);
    let end = floor_char_boundary(text, end.max(start));
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let from = text[..start].rfind(is_end).map_or(0, |i| i + 1);
    let to = text[end..].find(is_end).map_or(text.len(), |i| end + i + 1);
    text[from..to].trim()
}

/// A stable key for "Not an issue here": the rule and a hash of the finding's
/// sentence. Editing the sentence changes the key, so the finding comes back.
pub fn dismissal_key(text: &str, finding: &Finding) -> String {
    let sentence = sentence_around(text, finding.start, finding.end);
    format!("{}:{:016x}", finding.rule, fnv1a(sentence.as_bytes()))
}

/// FNV-1a, 64 bit: tiny, stable across builds and platforms (unlike `DefaultHasher`).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Findings of `old` moved onto `new` (the text after an edit), for the
/// moment the analysis of `new` is still on its way from the worker: marks
/// before the edit stay, marks after it shift with the text, marks the edit
/// touches go. The edit is what lies between the texts' common prefix and
/// common suffix. Lines and columns are left as they were (the editor reads
/// only the offsets).
pub fn rebase(findings: &[Finding], old: &str, new: &str) -> Vec<Finding> {
    let (a, b) = (old.as_bytes(), new.as_bytes());
    let mut prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    while !old.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let room = a.len().min(b.len()) - prefix;
    let mut suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(room)
        .take_while(|(x, y)| x == y)
        .count();
    while !old.is_char_boundary(a.len() - suffix) {
        suffix -= 1;
    }
    let (old_tail, new_tail) = (a.len() - suffix, b.len() - suffix);
    findings
        .iter()
        .filter_map(|f| {
            if f.end <= prefix {
                Some(f.clone())
            } else if f.start >= old_tail {
                let mut moved = f.clone();
                moved.start = f.start - old_tail + new_tail;
                moved.end = f.end - old_tail + new_tail;
                Some(moved)
            } else {
                None
            }
        })
        .collect()
}

/// The findings to show: not of a muted rule, not dismissed.
pub fn visible<'a>(
    text: &str,
    findings: &'a [Finding],
    muted: &BTreeSet<String>,
    dismissed: &BTreeSet<String>,
) -> Vec<&'a Finding> {
    findings
        .iter()
        .filter(|f| !muted.contains(f.rule.id()) && !dismissed.contains(&dismissal_key(text, f)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analyzer::{analyze, Severity};

    fn finding(rule: &'static str, start: usize, end: usize) -> Finding {
        Finding {
            rule: crate::core::analyzer::RuleId::from_id(rule).expect("a known rule id"),
            start,
            end,
            line: 1,
            col: 1,
            severity: Severity::Warning,
            message: String::new(),
            suggestion: String::new(),
        }
    }

    #[test]
    fn segments_cover_the_text_once_in_order() {
        let text = "We shipped it. Clearly a cache.";
        let fs = [
            finding("vague-we", 0, 10),
            finding("blame", 5, 14),
            finding("trait-claim", 15, 22),
        ];
        let segs = segments(text, &fs);
        let rebuilt: String = segs.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(rebuilt, text);
        let marked: Vec<_> = segs
            .iter()
            .filter_map(|s| s.finding.map(|i| (i, s.start, s.end)))
            .collect();
        assert_eq!(marked, vec![(0, 0, 10), (1, 10, 14), (2, 15, 22)]);
    }

    #[test]
    fn segments_skip_nested_and_out_of_range_findings() {
        let text = "abcdef";
        let fs = [
            finding("vague-we", 0, 4),
            finding("blame", 1, 3),
            finding("trait-claim", 5, 99),
        ];
        let segs = segments(text, &fs);
        assert_eq!(segs.iter().filter(|s| s.finding.is_some()).count(), 2);
        assert_eq!(segs.last().map(|s| s.end), Some(6));
    }

    #[test]
    fn backdrop_html_escapes_user_text_and_marks_with_utf16_offsets() {
        let text = "<b>é</b> & we \"shipped\" it";
        let start = text.find("we").unwrap_or(0);
        let html = backdrop_html(text, &[finding("vague-we", start, start + 2)]);
        assert!(html.starts_with("&lt;b&gt;é&lt;/b&gt; &amp; "));
        assert!(html.contains("&quot;shipped&quot;"));
        let u = byte_to_utf16(text, start);
        assert!(html.contains(&format!(
            "<mark class=\"mark mark-vague-we\" data-rule=\"vague-we\" data-index=\"0\" data-start=\"{u}\" data-end=\"{}\">we</mark>",
            u + 2
        )));
        assert_eq!(
            html.matches('<').count(),
            2,
            "only our own two tags: {html}"
        );
    }

    #[test]
    fn utf16_offsets_round_trip_through_astral_and_accented_text() {
        let text = "I’d say 😀 café — done";
        for (byte, _) in text.char_indices() {
            assert_eq!(utf16_to_byte(text, byte_to_utf16(text, byte)), byte);
        }
        assert_eq!(byte_to_utf16(text, text.len()), text.encode_utf16().count());
        assert_eq!(utf16_to_byte(text, 10_000), text.len());
        // Inside a multi-byte char rounds down to its start.
        assert_eq!(byte_to_utf16(text, 2), 1);
    }

    #[test]
    fn sentence_around_finds_the_enclosing_sentence() {
        let text = "First one. We shipped it!\nThird?";
        assert_eq!(sentence_around(text, 11, 13), "We shipped it!");
        assert_eq!(sentence_around(text, 0, 5), "First one.");
        assert_eq!(sentence_around(text, 27, 30), "Third?");
    }

    #[test]
    fn dismissal_key_survives_edits_elsewhere_but_not_in_its_sentence() {
        let a = "We rebuilt onboarding. Other text.";
        let b = "Intro added. We rebuilt onboarding. Other text changed.";
        let c = "We rebuilt onboarding quickly. Other text.";
        let key = |t: &str| {
            let start = t.find("We").unwrap_or(0);
            dismissal_key(t, &finding("vague-we", start, start + 10))
        };
        assert_eq!(key(a), key(b));
        assert_ne!(key(a), key(c));
        assert!(key(a).starts_with("vague-we:"));
    }

    #[test]
    fn visible_drops_muted_rules_and_dismissed_findings() {
        let text = "We shipped it. Clearly a cache was needed.";
        let analysis = analyze(text);
        assert!(!analysis.findings.is_empty());
        let all = visible(text, &analysis.findings, &BTreeSet::new(), &BTreeSet::new());
        assert_eq!(all.len(), analysis.findings.len());
        let muted: BTreeSet<String> = [all[0].rule.id().to_owned()].into();
        assert!(visible(text, &analysis.findings, &muted, &BTreeSet::new())
            .iter()
            .all(|f| f.rule != all[0].rule));
        let dismissed: BTreeSet<String> = [dismissal_key(text, all[0])].into();
        let left = visible(text, &analysis.findings, &BTreeSet::new(), &dismissed);
        assert!(!left.contains(&all[0]));
    }
    #[test]
    fn rebase_keeps_marks_before_an_edit_and_shifts_those_after_it() {
        let old = "We did it. Obviously it worked.";
        let marks = [
            finding("vague-we", 0, 6),
            finding("hidden-reasoning", 11, 20),
        ];
        // Typing in the middle of the first sentence: the first mark is touched
        // and goes, the second moves with the text.
        let new = "We really did it. Obviously it worked.";
        let moved = rebase(&marks, old, new);
        assert_eq!(moved.len(), 1);
        assert_eq!(&new[moved[0].start..moved[0].end], "Obviously");
        // Typing at the end keeps both where they were.
        let longer = format!("{old} More");
        let kept = rebase(&marks, old, &longer);
        assert_eq!(kept, marks.to_vec());
        // Deleting before the second mark moves it back.
        let shorter = "We did. Obviously it worked.";
        let back = rebase(&marks[1..], old, shorter);
        assert_eq!(&shorter[back[0].start..back[0].end], "Obviously");
    }

    #[test]
    fn rebase_stays_on_char_boundaries() {
        let old = "Naïve é. Obviously done.";
        let at = old.find("Obviously").expect("in text");
        let marks = [finding("hidden-reasoning", at, at + "Obviously".len())];
        for new in [
            "Naïvé é. Obviously done.",
            "Naïve ë. Obviously done.",
            "Obviously done.",
            "",
        ] {
            for f in rebase(&marks, old, new) {
                assert!(
                    new.is_char_boundary(f.start) && new.is_char_boundary(f.end),
                    "{new}"
                );
                assert_eq!(&new[f.start..f.end], "Obviously", "{new}");
            }
        }
    }
}
