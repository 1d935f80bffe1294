//! A recording as the attempt keeps it: its measurements and where it
//! belongs, not its audio (the audio stays in the browser's `audio` table,
//! keyed by [`audio_key`]).

use super::metrics::SpeechMetrics;

/// Where a transcript came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TranscriptSource {
    /// Typed or pasted by the user.
    Typed,
    /// Made by the browser's on-device recogniser.
    OnDevice,
}

/// One recording of a spoken answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recording {
    /// The spoken slot's transcript section id (`slot::spoken_slot`).
    pub slot: String,
    /// The recorder's container type ("audio/webm;codecs=opus").
    pub mime: String,
    /// Size of the stored audio.
    pub bytes: u64,
    pub recorded_at_ms: i64,
    pub metrics: SpeechMetrics,
    pub transcript_source: TranscriptSource,
}

/// Why the microphone could not be used, in words a user can act on. The
/// drill carries on in writing whatever the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MicError {
    /// The user or the browser refused the permission.
    Denied,
    /// No microphone is connected.
    NoDevice,
    /// Another app holds the microphone.
    Busy,
    /// This browser cannot record audio.
    Unsupported,
    /// The recording could not be read back.
    Unreadable(String),
}

impl std::fmt::Display for MicError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let words = match self {
            MicError::Denied => "The microphone is blocked for this page. Allow it in the browser's site settings to record; you can keep answering in writing.",
            MicError::NoDevice => "No microphone was found. Connect one to record; you can keep answering in writing.",
            MicError::Busy => "The microphone is in use by another app. Close it and press Record again; you can keep answering in writing.",
            MicError::Unsupported => "This browser cannot record audio; you can keep answering in writing.",
            MicError::Unreadable(why) => return write!(f, "The recording could not be read ({why}); record again or keep answering in writing."),
        };
        f.write_str(words)
    }
}

/// The `audio` table key of an attempt's recording: the attempt id, a
/// slash, the slot (attempt ids never hold a slash), so one key range holds
/// all of an attempt's audio.
pub fn audio_key(attempt_id: &str, slot: &str) -> String {
    format!("{attempt_id}/{slot}")
}

/// The key range of all of an attempt's audio: `[lower, upper)`.
pub fn audio_key_range(attempt_id: &str) -> (String, String) {
    (format!("{attempt_id}/"), format!("{attempt_id}0"))
}

/// The attempt id of an `audio` table key.
pub fn attempt_of_audio_key(key: &str) -> Option<&str> {
    key.split_once('/').map(|(id, _)| id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_attempts_audio_keys_fall_in_its_range_and_no_other() {
        let (lo, hi) = audio_key_range("a1");
        let inside = audio_key("a1", "spoken-transcript");
        assert!(lo.as_str() <= inside.as_str() && inside.as_str() < hi.as_str());
        for other in [
            audio_key("a10", "x"),
            audio_key("a", "x"),
            audio_key("a2", "x"),
        ] {
            assert!(
                !(lo.as_str() <= other.as_str() && other.as_str() < hi.as_str()),
                "{other}"
            );
        }
        assert_eq!(attempt_of_audio_key(&inside), Some("a1"));
        assert_eq!(attempt_of_audio_key("nokey"), None);
    }
}
