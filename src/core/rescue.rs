//! Rescue copies: the unsaved work a hiding page copies to `localStorage`
//! at once (a database write may not finish before a tab closes), merged
//! into the database at the next start.
//!
//! Each tab writes its own copy of an attempt, `evident-pending.<id>#<tab>`.
//! With one key per attempt, two tabs on one attempt dropped and overwrote
//! each other's copies: a tab closed before its save landed lost its last
//! words as soon as the other tab saved. And a tab drops its copy only once
//! a save holding every edit in it has landed: a save that began before the
//! page hid, landing after, leaves the newer copy in place.

/// Prefix of every rescue key (legacy keys start with `evident.`).
pub const PENDING_PREFIX: &str = "evident-pending.";
/// Between the attempt id and the tab in a key: never in an id
/// (`schema::valid_id`).
const TAB_MARK: char = '#';

/// The key of `tab`'s rescue copy of attempt `id`.
pub fn pending_key(id: &str, tab: &str) -> String {
    format!("{PENDING_PREFIX}{id}{TAB_MARK}{tab}")
}

/// The attempt id of a rescue key: a tab's key, or the one shared key per
/// attempt (`evident-pending.<id>`) of earlier releases.
pub fn pending_id(key: &str) -> Option<&str> {
    let rest = key.strip_prefix(PENDING_PREFIX)?;
    Some(rest.split_once(TAB_MARK).map_or(rest, |(id, _)| id))
}

/// This tab's rescue copies, each with the revision of the tab's edits it
/// holds. The revision counts every edit made in the tab, so a save of an
/// attempt taken at revision `r` holds every edit of it up to `r`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rescues {
    revision: u64,
    copies: Vec<(String, u64)>,
}

impl Rescues {
    /// An edit in this tab.
    pub fn edited(&mut self) {
        self.revision += 1;
    }

    /// The revision now: what a save that takes its copy of an attempt now
    /// holds.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// A rescue copy of `id` was written now: it holds every edit so far.
    pub fn wrote(&mut self, id: &str) {
        let revision = self.revision;
        match self.copies.iter_mut().find(|(x, _)| x == id) {
            Some(copy) => copy.1 = revision,
            None => self.copies.push((id.to_owned(), revision)),
        }
    }

    /// A save of `id` taken at `revision` landed: true when this tab's copy
    /// of it holds nothing newer, so it is forgotten here and its key can
    /// go. False when there is no copy, or when it was written after the
    /// save was taken (it may hold words the save does not).
    pub fn saved(&mut self, id: &str, revision: u64) -> bool {
        let covered = self
            .copies
            .iter()
            .any(|(x, written)| x == id && *written <= revision);
        if covered {
            self.forget(id);
        }
        covered
    }

    /// The attempt is gone (deleted): its copy is not tracked any more.
    pub fn forget(&mut self, id: &str) {
        self.copies.retain(|(x, _)| x != id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::schema::valid_id;

    #[test]
    fn keys_are_per_tab_and_name_their_attempt() {
        let id = "a-1700000000000-01";
        let (one, two) = (pending_key(id, "t1"), pending_key(id, "t2"));
        assert_ne!(one, two);
        assert!(one.starts_with(PENDING_PREFIX));
        assert_eq!(pending_id(&one), Some(id));
        assert_eq!(pending_id(&two), Some(id));
        // An id may hold dots; the tab mark is never in one.
        assert!(valid_id("a.b:c") && !valid_id("a#b"));
        assert_eq!(pending_id(&pending_key("a.b:c", "t1")), Some("a.b:c"));
        // The shared key of earlier releases.
        assert_eq!(pending_id("evident-pending.a-1"), Some("a-1"));
        assert_eq!(pending_id("evident.attempt.a-1"), None);
    }

    #[test]
    fn a_save_drops_the_copy_it_holds_every_edit_of() {
        let mut r = Rescues::default();
        r.edited();
        r.wrote("a");
        // Saved as of now: the copy holds nothing more.
        assert!(r.saved("a", r.revision()));
        // Forgotten: a second save drops nothing.
        assert!(!r.saved("a", r.revision()));
    }

    #[test]
    fn a_save_taken_before_the_copy_was_written_keeps_it() {
        let mut r = Rescues::default();
        r.edited();
        let save = r.revision(); // a save takes its copy, then is under way
        r.edited(); // more typing
        r.wrote("a"); // the page hides
        assert!(
            !r.saved("a", save),
            "the older save must not drop the newer copy"
        );
        // The save of the newer text drops it.
        assert!(r.saved("a", r.revision()));
    }

    #[test]
    fn a_copy_written_again_needs_a_save_of_its_newer_edits() {
        let mut r = Rescues::default();
        r.edited();
        r.wrote("a");
        let save = r.revision();
        r.edited();
        r.wrote("a");
        assert!(!r.saved("a", save));
        assert!(r.saved("a", r.revision()));
    }

    #[test]
    fn copies_of_other_attempts_are_kept_and_a_save_without_a_copy_drops_nothing() {
        let mut r = Rescues::default();
        r.edited();
        r.wrote("a");
        r.wrote("b");
        assert!(!r.saved("c", r.revision()));
        assert!(r.saved("a", r.revision()));
        assert!(r.saved("b", r.revision()));
        r.wrote("d");
        r.forget("d");
        assert!(!r.saved("d", r.revision()));
    }
}
