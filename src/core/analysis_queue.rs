//! The page's bookkeeping for the analysis worker, as plain data (the
//! message passing is `platform::analysis`, the futures `ui::analysis`).
//!
//! - Answers are cached by attempt (its sections' labels and texts), so the
//!   results screen, History and the export reuse what the drill screen
//!   already had analysed, and a second visit to History asks the worker
//!   nothing.
//! - Requests wait until the worker says it is ready, then go out as one job
//!   at a time: every attempt that any waiting request still needs, once. While
//!   a job runs, new requests wait; the next job carries them all.
//! - A request from a *slot* (one section being typed in) replaces that
//!   slot's earlier request, so fast typing queues one request per attempt,
//!   not one per keystroke.

use super::analysis_protocol::{Done, Job, Sections};
use super::analyzer::Analysis;
use std::collections::{HashMap, VecDeque};

/// Identifies one request until it is answered.
pub type Ticket = u64;

/// How many bytes of text the cache keeps answers for (oldest dropped first):
/// a long History and a long typing session fit.
pub const CACHE_BYTES: usize = 4 << 20;

/// What asking did.
#[derive(Debug, PartialEq, Eq)]
pub enum Asked {
    /// Every attempt was cached: the answers, in the order asked.
    Answered(Vec<Vec<Analysis>>),
    /// Waiting for the worker; `superseded` is this slot's earlier request,
    /// which will not be answered.
    Queued {
        ticket: Ticket,
        superseded: Option<Ticket>,
    },
}

#[derive(Debug)]
struct Waiting {
    ticket: Ticket,
    slot: Option<String>,
    wanted: Vec<Sections>,
}

/// The queue and the cache.
#[derive(Debug, Default)]
pub struct Queue {
    ready: bool,
    next_ticket: Ticket,
    next_job: u32,
    waiting: Vec<Waiting>,
    /// The job the worker is running: its id and attempts.
    in_flight: Option<(u32, Vec<Sections>)>,
    cache: HashMap<Sections, Vec<Analysis>>,
    /// Cached attempts, oldest first, and their texts' total length.
    order: VecDeque<Sections>,
    cached_bytes: usize,
}

impl Queue {
    /// The analyses of `wanted` if every one is cached.
    pub fn cached(&self, wanted: &[Sections]) -> Option<Vec<Vec<Analysis>>> {
        wanted.iter().map(|t| self.cache.get(t).cloned()).collect()
    }

    /// Asks for the analyses of `wanted`, from `slot` if the request replaces
    /// that slot's previous one.
    pub fn ask(&mut self, slot: Option<String>, wanted: Vec<Sections>) -> Asked {
        if let Some(answers) = self.cached(&wanted) {
            return Asked::Answered(answers);
        }
        let superseded = slot.as_ref().and_then(|s| {
            let at = self
                .waiting
                .iter()
                .position(|w| w.slot.as_ref() == Some(s))?;
            Some(self.waiting.remove(at).ticket)
        });
        self.next_ticket += 1;
        let ticket = self.next_ticket;
        self.waiting.push(Waiting {
            ticket,
            slot,
            wanted,
        });
        Asked::Queued { ticket, superseded }
    }

    /// The worker has loaded.
    pub fn set_ready(&mut self) {
        self.ready = true;
    }

    /// Whether the worker has said it is ready.
    pub fn is_ready(&self) -> bool {
        self.ready
    }

    /// The next job to post, if the worker is ready and idle and something
    /// waits: each attempt that a waiting request still needs, once.
    pub fn next_job(&mut self) -> Option<Job> {
        if !self.ready || self.in_flight.is_some() {
            return None;
        }
        let mut attempts: Vec<Sections> = Vec::new();
        for w in &self.waiting {
            for t in &w.wanted {
                if !self.cache.contains_key(t) && !attempts.contains(t) {
                    attempts.push(t.clone());
                }
            }
        }
        if attempts.is_empty() {
            return None;
        }
        self.next_job = self.next_job.wrapping_add(1);
        let job = Job {
            id: self.next_job,
            attempts,
        };
        self.in_flight = Some((job.id, job.attempts.clone()));
        Some(job)
    }

    /// The worker answered: cache the analyses and return every request that
    /// is now complete, with its answers in the order it asked.
    pub fn done(&mut self, done: Done) -> Vec<(Ticket, Vec<Vec<Analysis>>)> {
        let Some((id, attempts)) = self.in_flight.take() else {
            return Vec::new();
        };
        if id != done.id {
            // Not the job in flight (cannot happen with one worker): it stays in flight.
            self.in_flight = Some((id, attempts));
            return Vec::new();
        }
        for (sections, analyses) in attempts.into_iter().zip(done.analyses) {
            self.insert(sections, analyses);
        }
        let mut answered = Vec::new();
        let mut i = 0;
        while i < self.waiting.len() {
            match self.cached(&self.waiting[i].wanted) {
                Some(analyses) => answered.push((self.waiting.remove(i).ticket, analyses)),
                None => i += 1,
            }
        }
        self.evict();
        answered
    }

    /// The worker failed: every waiting request, which will not be answered.
    pub fn fail(&mut self) -> Vec<Ticket> {
        self.in_flight = None;
        self.waiting.drain(..).map(|w| w.ticket).collect()
    }

    fn insert(&mut self, sections: Sections, analyses: Vec<Analysis>) {
        if self.cache.contains_key(&sections) {
            return;
        }
        self.cached_bytes += bytes(&sections);
        self.order.push_back(sections.clone());
        self.cache.insert(sections, analyses);
    }

    /// Drops the oldest answers beyond the budget (never the newest one).
    fn evict(&mut self) {
        while self.cached_bytes > CACHE_BYTES && self.order.len() > 1 {
            if let Some(old) = self.order.pop_front() {
                self.cached_bytes -= bytes(&old);
                self.cache.remove(&old);
            }
        }
    }
}

/// What an attempt's texts weigh in the cache.
fn bytes(sections: &Sections) -> usize {
    sections.iter().map(|s| s.label.len() + s.text.len()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analysis_protocol::{run, SectionText};

    /// One attempt per text, each of one unlabelled section.
    fn texts(list: &[&str]) -> Vec<Sections> {
        list.iter()
            .map(|t| {
                vec![SectionText {
                    label: String::new(),
                    text: (*t).to_owned(),
                }]
            })
            .collect()
    }

    fn answer(q: &mut Queue) -> Vec<(Ticket, Vec<Vec<Analysis>>)> {
        let job = q.next_job().expect("a job to run");
        q.done(run(&job))
    }

    #[test]
    fn nothing_is_sent_before_the_worker_is_ready() {
        let mut q = Queue::default();
        let Asked::Queued { ticket, superseded } = q.ask(None, texts(&["We shipped it."])) else {
            panic!("nothing is cached yet");
        };
        assert_eq!(superseded, None);
        assert_eq!(q.next_job(), None);
        q.set_ready();
        let answered = answer(&mut q);
        assert_eq!(answered.len(), 1);
        assert_eq!(answered[0].0, ticket);
        assert_eq!(
            answered[0].1,
            vec![vec![crate::core::analyzer::analyze("We shipped it.")]]
        );
    }

    #[test]
    fn a_cached_text_is_answered_at_once_and_never_sent_again() {
        let mut q = Queue::default();
        q.set_ready();
        q.ask(None, texts(&["a", "b"]));
        answer(&mut q);
        match q.ask(None, texts(&["b", "a"])) {
            Asked::Answered(a) => assert_eq!(a.len(), 2),
            other => panic!("expected the cache to answer, got {other:?}"),
        }
        q.ask(None, texts(&["a", "c"]));
        let job = q.next_job().expect("c is new");
        assert_eq!(job.attempts, texts(&["c"]));
    }

    #[test]
    fn one_job_at_a_time_and_the_next_carries_everything_that_waited() {
        let mut q = Queue::default();
        q.set_ready();
        q.ask(None, texts(&["one"]));
        let first = q.next_job().expect("first job");
        q.ask(None, texts(&["two", "one"]));
        q.ask(None, texts(&["three", "two"]));
        assert_eq!(q.next_job(), None, "one job in flight at a time");
        let answered = q.done(run(&first));
        assert_eq!(answered.len(), 1, "only the first request is complete");
        let second = q.next_job().expect("second job");
        assert_eq!(second.attempts, texts(&["two", "three"]));
        assert_eq!(q.done(run(&second)).len(), 2);
        assert_eq!(q.next_job(), None);
    }

    #[test]
    fn typing_replaces_the_slots_earlier_request() {
        let mut q = Queue::default();
        let slot = Some("attempt-1/weak".to_owned());
        let Asked::Queued { ticket: first, .. } = q.ask(slot.clone(), texts(&["W"])) else {
            panic!("queued");
        };
        let Asked::Queued {
            ticket: second,
            superseded,
        } = q.ask(slot.clone(), texts(&["We"]))
        else {
            panic!("queued");
        };
        assert_eq!(superseded, Some(first));
        q.ask(Some("attempt-1/mid".to_owned()), texts(&["I"]));
        q.set_ready();
        let job = q.next_job().expect("a job");
        assert_eq!(job.attempts, texts(&["We", "I"]));
        let answered: Vec<Ticket> = q.done(run(&job)).into_iter().map(|(t, _)| t).collect();
        assert_eq!(answered, vec![second, second + 1]);
    }

    #[test]
    fn a_failure_drops_every_waiting_request() {
        let mut q = Queue::default();
        q.set_ready();
        q.ask(None, texts(&["a"]));
        q.next_job();
        q.ask(None, texts(&["b"]));
        assert_eq!(q.fail().len(), 2);
        assert_eq!(q.next_job(), None);
    }

    #[test]
    fn the_cache_keeps_to_its_budget_oldest_first() {
        let mut q = Queue::default();
        q.set_ready();
        let big = |c: char| texts(&[&c.to_string().repeat(CACHE_BYTES / 3 + 1)]);
        for c in ['a', 'b', 'c', 'd'] {
            q.ask(None, big(c));
            answer(&mut q);
        }
        assert!(q.cached_bytes <= CACHE_BYTES);
        assert!(q.cached(&big('a')).is_none(), "the oldest went first");
        assert!(q.cached(&big('d')).is_some());
    }
}
