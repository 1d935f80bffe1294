//! The transcript a browser's on-device recogniser makes of a spoken
//! answer, as plain data: which availability lets it run, how its final
//! results join into text, how that text joins what the user already
//! typed, and its errors in words a user can act on.
//!
//! Only a recogniser that is guaranteed to process on the device is ever
//! started (`platform::recognizer`); everything here is the part of that
//! path that needs no browser.

/// The language the recogniser is asked for: the analyzer reads English,
/// so a transcript in the browser's own language would only be misread.
pub const LANG: &str = "en-US";

/// The most results one recording keeps; a recogniser numbers its results
/// from 0, so anything past this is not a real result list.
const MAX_RESULTS: usize = 10_000;

/// Whether an answer of `SpeechRecognition.available({processLocally:
/// true})` lets the recogniser start. Only "available" does: "downloadable"
/// and "downloading" mean the language pack is not on the device yet, and a
/// recogniser started then could not keep the promise of running locally.
pub fn allows(availability: &str) -> bool {
    availability == "available"
}

/// Whether this browser can transcribe on the device, as the page says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Support {
    /// The check has not answered yet.
    Checking,
    /// On-device recognition is guaranteed for [`LANG`].
    OnDevice,
    /// No recogniser, no on-device mode, or its language pack is missing.
    NotOnDevice,
}

impl Support {
    /// The sentence under the recorder that says which case applies.
    pub fn note(self) -> &'static str {
        match self {
            Support::Checking => "Checking whether this browser can transcribe on the device…",
            Support::OnDevice => "This browser transcribes on the device: record, and what you say appears below when you stop, to edit like any written section. No audio goes to a cloud recogniser.",
            Support::NotOnDevice => "This browser cannot transcribe on the device; type or paste what you said. Evident never sends audio to a cloud recogniser; what you type is checked like any written section.",
        }
    }
}

/// The note once a transcript of this recording was made on the device.
pub fn made_note(appended: bool) -> &'static str {
    if appended {
        "Transcript made on this device, added after what you had typed; edit it as you like."
    } else {
        "Transcript made on this device; edit it as you like."
    }
}

/// A recogniser's final results, by their index in its result list. A
/// result delivered again (with a better reading) replaces its earlier
/// text; a new session (the recogniser restarted after ending on its own)
/// numbers from 0 again and is kept after the earlier ones.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Finals {
    texts: Vec<Option<String>>,
    /// Where the current session's index 0 sits in `texts`.
    base: usize,
}

impl Finals {
    /// Records the final text of result `index` of the current session.
    pub fn set(&mut self, index: usize, text: &str) {
        let at = self.base.saturating_add(index);
        if at >= MAX_RESULTS {
            return;
        }
        if self.texts.len() <= at {
            self.texts.resize(at + 1, None);
        }
        self.texts[at] = Some(text.to_owned());
    }

    /// The recogniser started a new session: its results follow these.
    pub fn new_session(&mut self) {
        self.base = self.texts.len();
    }

    /// The results as one text: each trimmed, empty ones left out, joined
    /// by single spaces (recognisers often start a result with a space).
    pub fn text(&self) -> String {
        let parts: Vec<&str> = self
            .texts
            .iter()
            .flatten()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .collect();
        parts.join(" ")
    }
}

/// What the transcript section holds once `heard` is added to `existing`,
/// and whether it went after text the user had typed. The user's words are
/// never replaced: the new transcript starts a paragraph after them.
/// `None` when nothing was heard (the section stays as it is).
pub fn add_heard(existing: &str, heard: &str) -> Option<(String, bool)> {
    let heard = heard.trim();
    if heard.is_empty() {
        return None;
    }
    let kept = existing.trim_end();
    if kept.trim_start().is_empty() {
        return Some((heard.to_owned(), false));
    }
    Some((format!("{kept}\n\n{heard}"), true))
}

/// Why no transcript was made, from a `SpeechRecognitionErrorEvent`'s
/// `error` code. The recording and its measurements are kept whatever the
/// reason, and the field stays open for typing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecognitionError {
    /// "not-allowed", "service-not-allowed": the user or the browser refused.
    Blocked,
    /// "no-speech", or the recogniser ended without a result.
    NoSpeech,
    /// "network": the recogniser could not run (an on-device one should not
    /// need the network; it is reported, never retried elsewhere).
    Network,
    /// "language-not-supported".
    Language,
    /// "audio-capture": the recogniser could not hear the microphone.
    Microphone,
    /// Any other code, as the browser named it.
    Other(String),
}

impl RecognitionError {
    pub fn from_code(code: &str) -> RecognitionError {
        match code {
            "not-allowed" | "service-not-allowed" => RecognitionError::Blocked,
            "no-speech" => RecognitionError::NoSpeech,
            "network" => RecognitionError::Network,
            "language-not-supported" => RecognitionError::Language,
            "audio-capture" => RecognitionError::Microphone,
            other => RecognitionError::Other(other.chars().take(60).collect()),
        }
    }
}

impl std::fmt::Display for RecognitionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let why = match self {
            RecognitionError::Blocked => "Speech recognition is blocked for this page",
            RecognitionError::NoSpeech => "No speech was recognised",
            RecognitionError::Network => "The on-device recogniser could not run",
            RecognitionError::Language => "This browser cannot transcribe English on the device",
            RecognitionError::Microphone => "The recogniser could not hear the microphone",
            RecognitionError::Other(code) => {
                return write!(
                    f,
                    "No transcript was made (the recogniser said \"{code}\"); type or paste what you said. The recording is kept."
                )
            }
        };
        write!(
            f,
            "{why}, so no transcript was made; type or paste what you said. The recording is kept."
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_available_lets_the_recogniser_start() {
        assert!(allows("available"));
        for other in [
            "downloadable",
            "downloading",
            "unavailable",
            "",
            "Available",
        ] {
            assert!(!allows(other), "{other}");
        }
    }

    #[test]
    fn finals_join_in_order_trimmed_and_a_redelivered_result_replaces_its_text() {
        let mut f = Finals::default();
        assert_eq!(f.text(), "");
        f.set(1, " it handled the load.");
        f.set(0, "Obviously we went with Postgres.");
        assert_eq!(
            f.text(),
            "Obviously we went with Postgres. it handled the load."
        );
        f.set(1, " It handled the load. ");
        f.set(2, "   ");
        assert_eq!(
            f.text(),
            "Obviously we went with Postgres. It handled the load."
        );
    }

    #[test]
    fn a_new_session_keeps_the_earlier_results_before_its_own() {
        let mut f = Finals::default();
        f.set(0, "first");
        f.set(1, "second");
        f.new_session();
        f.set(0, "third");
        assert_eq!(f.text(), "first second third");
        // An empty session adds nothing and moves nothing.
        f.new_session();
        f.new_session();
        f.set(0, "fourth");
        assert_eq!(f.text(), "first second third fourth");
    }

    #[test]
    fn an_absurd_index_is_ignored_not_allocated() {
        let mut f = Finals::default();
        f.set(usize::MAX, "x");
        f.set(MAX_RESULTS, "y");
        assert_eq!(f.text(), "");
    }

    #[test]
    fn heard_text_goes_after_what_was_typed_never_over_it() {
        assert_eq!(
            add_heard("", "We chose Postgres."),
            Some(("We chose Postgres.".to_owned(), false))
        );
        assert_eq!(
            add_heard(" \n ", " We chose Postgres. "),
            Some(("We chose Postgres.".to_owned(), false))
        );
        assert_eq!(
            add_heard("My notes.\n", "We chose Postgres."),
            Some(("My notes.\n\nWe chose Postgres.".to_owned(), true))
        );
        assert_eq!(add_heard("My notes.", "  "), None);
        assert_eq!(add_heard("", ""), None);
    }

    #[test]
    fn errors_read_as_sentences_that_leave_the_typed_path_open() {
        for (code, start) in [
            ("not-allowed", "Speech recognition is blocked"),
            ("service-not-allowed", "Speech recognition is blocked"),
            ("no-speech", "No speech was recognised"),
            ("network", "The on-device recogniser could not run"),
            (
                "language-not-supported",
                "This browser cannot transcribe English",
            ),
            ("audio-capture", "The recogniser could not hear"),
            (
                "aborted",
                "No transcript was made (the recogniser said \"aborted\")",
            ),
        ] {
            let words = RecognitionError::from_code(code).to_string();
            assert!(words.starts_with(start), "{code}: {words}");
            assert!(
                words.contains("type or paste what you said"),
                "{code}: {words}"
            );
        }
        let long = "x".repeat(500);
        assert!(RecognitionError::from_code(&long).to_string().len() < 200);
    }

    #[test]
    fn the_notes_name_the_case() {
        assert!(Support::OnDevice
            .note()
            .contains("transcribes on the device"));
        assert!(Support::NotOnDevice.note().starts_with(
            "This browser cannot transcribe on the device; type or paste what you said"
        ));
        assert!(made_note(false).starts_with("Transcript made on this device"));
        assert!(made_note(true).contains("added after what you had typed"));
    }
}
