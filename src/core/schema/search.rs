//! Searching the text of every attempt, a chunk at a time.
//!
//! History keeps only summaries in memory, so a text search reads the
//! attempts from the database in chunks (the page repaints between them)
//! and matches each one here. Matching ignores ASCII case only: full Unicode
//! case folding would ship its tables in the start-up wasm.

use super::repo::{attempt_key, read_attempt_at};
use crate::core::attempt::Attempt;
use crate::core::store::{StorageError, Store, Table};

/// Whether `needle` occurs in `hay`, ignoring ASCII case.
fn contains(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

/// Whether the attempt's prompt, sections or notes contain `query`
/// (trimmed; ASCII case ignored).
pub fn matches(a: &Attempt, query: &str) -> bool {
    let q = query.trim();
    contains(&a.prompt, q) || contains(&a.notes, q) || a.sections.values().any(|t| contains(t, q))
}

/// One chunk of a search: the ids of matching attempts among at most
/// `limit` attempts after `after`, the key to continue after (`None` at the
/// end), and how many attempts were read.
pub async fn search_chunk<S: Store>(
    store: &S,
    after: Option<&str>,
    limit: u32,
    query: &str,
) -> Result<(Vec<String>, Option<String>, usize), StorageError> {
    let chunk = store.chunk(Table::Attempts, after, limit).await?;
    let next = (chunk.len() == limit as usize)
        .then(|| chunk.last().map(|(k, _)| k.clone()))
        .flatten();
    let read = chunk.len();
    let hits = chunk
        .into_iter()
        .filter_map(|(id, raw)| match read_attempt_at(&attempt_key(&id), &raw) {
            Ok((a, _)) if matches(&a, query) => Some(id),
            _ => None,
        })
        .collect();
    Ok((hits, next, read))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::schema::repo::save_attempt;
    use crate::core::store::{block_on, MemoryStore};

    #[test]
    fn search_finds_words_in_any_text_ignoring_case_in_chunks() {
        let store = MemoryStore::default();
        for (id, text) in [
            ("a1", "We used Kafka."),
            ("a2", "A cron job."),
            ("a3", "kafka again"),
        ] {
            let mut a = Attempt::new(id, "evidence-replay", "Prompt", 1, 0);
            a.set_section("weak", text, 2);
            block_on(save_attempt(&store, None, &a)).unwrap();
        }
        let (hits, next, read) = block_on(search_chunk(&store, None, 2, "KAFKA")).unwrap();
        assert_eq!(
            (hits, next.as_deref(), read),
            (vec!["a1".to_owned()], Some("a2"), 2)
        );
        let (hits, next, _) = block_on(search_chunk(&store, Some("a2"), 2, "kafka")).unwrap();
        assert_eq!((hits, next), (vec!["a3".to_owned()], None));
        let a = Attempt::new("x", "evidence-replay", "Design a Queue", 1, 0);
        assert!(matches(&a, " queue ") && !matches(&a, "cache"));
    }
}
