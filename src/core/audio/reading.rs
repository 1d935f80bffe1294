//! The measurements in plain words, for the results, the drill screen and
//! the export. One place, so every screen reads a recording alike.

use super::metrics::{SpeechMetrics, PAUSE_MS};

/// Pauses longer than this are called out by count ("3 pauses over 2 s").
const LONG_PAUSE_MS: u32 = 2_000;

/// "1.4 s" (tenths, rounded down).
pub fn seconds(ms: u32) -> String {
    format!("{}.{} s", ms / 1_000, ms % 1_000 / 100)
}

/// "1:42" (minutes and seconds, rounded down).
pub fn clock(ms: u32) -> String {
    format!("{}:{:02}", ms / 60_000, ms / 1_000 % 60)
}

/// The rate's band: where conversational English sits (about 3–4.5
/// syllables a second of speaking) and either side of it.
pub fn rate_band(per_min: u32) -> &'static str {
    match per_min {
        0..=159 => "slow: the listener may drift; tighten the sentences",
        160..=269 => "comfortable",
        270..=329 => "brisk: slow down for the numbers and the decision",
        _ => "fast: slow down and let the key points land",
    }
}

/// One line per measurement, each with its reading.
pub fn lines(m: &SpeechMetrics, limit_ms: Option<u32>) -> Vec<String> {
    let mut out = Vec::new();
    let length = match limit_ms {
        Some(limit) if m.duration_ms > limit => format!(
            "Length {}: {} over the {}-minute limit",
            clock(m.duration_ms),
            seconds(m.duration_ms - limit),
            limit / 60_000
        ),
        Some(limit) => format!(
            "Length {}: within the {}-minute limit",
            clock(m.duration_ms),
            limit / 60_000
        ),
        None => format!("Length {}", clock(m.duration_ms)),
    };
    out.push(length);
    let Some(first) = m.first_word_ms else {
        out.push("No speech found: check the microphone and record again".to_owned());
        return out;
    };
    out.push(format!("Speaking time {}", seconds(m.speaking_ms)));
    let start = match first {
        0..=2_999 => "a prompt start",
        3_000..=7_999 => "a thinking pause: say what you are weighing",
        _ => "a long silent start: open with a framing sentence",
    };
    out.push(format!("First word after {}: {start}", seconds(first)));
    match m.rate_per_min() {
        Some(rate) => out.push(format!("Rate {rate} syllables/min: {}", rate_band(rate))),
        None => out.push("Rate: too little speech to measure".to_owned()),
    }
    out.push(pauses_line(m));
    out
}

fn pauses_line(m: &SpeechMetrics) -> String {
    let Some(longest) = m.longest_pause() else {
        return format!("No pauses of {} or more", seconds(PAUSE_MS));
    };
    let n = m.pauses.len();
    let long = m
        .pauses
        .iter()
        .filter(|p| p.len_ms() > LONG_PAUSE_MS)
        .count();
    let counted = match n {
        1 => "1 pause of a second or more".to_owned(),
        n => format!("{n} pauses of a second or more"),
    };
    let over = match long {
        0 => String::new(),
        1 => "; 1 pause over 2 s".to_owned(),
        l => format!("; {l} pauses over 2 s"),
    };
    format!(
        "{counted}, longest {} at {}{over}",
        seconds(longest.len_ms()),
        clock(longest.start_ms)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::audio::metrics::Pause;

    fn metrics(pauses: &[(u32, u32)]) -> SpeechMetrics {
        SpeechMetrics {
            duration_ms: 102_400,
            speaking_ms: 60_000,
            first_word_ms: Some(1_250),
            pauses: pauses
                .iter()
                .map(|&(start_ms, end_ms)| Pause { start_ms, end_ms })
                .collect(),
            syllables: 190,
        }
    }

    #[test]
    fn every_measurement_gets_a_plain_line() {
        let m = metrics(&[(5_000, 6_200), (20_000, 22_500), (70_000, 73_100)]);
        assert_eq!(
            lines(&m, None),
            [
                "Length 1:42",
                "Speaking time 60.0 s",
                "First word after 1.2 s: a prompt start",
                "Rate 190 syllables/min: comfortable",
                "3 pauses of a second or more, longest 3.1 s at 1:10; 2 pauses over 2 s",
            ]
        );
    }

    #[test]
    fn the_limit_is_checked_against_the_real_length() {
        let mut m = metrics(&[]);
        assert_eq!(
            lines(&m, Some(120_000))[0],
            "Length 1:42: within the 2-minute limit"
        );
        m.duration_ms = 134_500;
        assert_eq!(
            lines(&m, Some(120_000))[0],
            "Length 2:14: 14.5 s over the 2-minute limit"
        );
        assert_eq!(lines(&m, None)[4], "No pauses of 1.0 s or more");
    }

    #[test]
    fn silence_and_slow_starts_read_plainly() {
        let silent = SpeechMetrics {
            duration_ms: 3_000,
            ..SpeechMetrics::default()
        };
        assert_eq!(
            lines(&silent, None),
            [
                "Length 0:03",
                "No speech found: check the microphone and record again"
            ]
        );
        let mut m = metrics(&[(9_000, 10_000)]);
        m.first_word_ms = Some(9_000);
        m.syllables = 350;
        let l = lines(&m, None);
        assert_eq!(
            l[2],
            "First word after 9.0 s: a long silent start: open with a framing sentence"
        );
        assert_eq!(
            l[3],
            "Rate 350 syllables/min: fast: slow down and let the key points land"
        );
        assert_eq!(l[4], "1 pause of a second or more, longest 1.0 s at 0:09");
    }
}
