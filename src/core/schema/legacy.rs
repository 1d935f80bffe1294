//! Moving the first releases' `localStorage` data into the database.
//!
//! Lossless by construction: every legacy value is copied (attempts of any
//! schema version upgraded through the same migrations as always, unreadable
//! values into the quarantine table with their raw text, values of a newer
//! Evident as they are), in one transaction; then every copy is read back
//! and checked record by record; only the legacy keys whose copies checked
//! out are handed back for removal. A failure anywhere leaves every legacy
//! key in place and is reported. Running it again (a reload mid-migration,
//! two tabs at once) is harmless: an attempt already in the database is kept
//! when it is as new as the legacy copy, and a copy kept aside twice lands
//! under the same key.

use super::records::{read_index, read_prefs, read_quarantine, Prefs, Read};
use super::repo::{
    attempt_ops, hash, quarantine_key, quarantine_op, read_attempt_at, valid_id, AttemptReadError,
    ATTEMPT_PREFIX, INDEX_KEY, PREFS_KEY, PREFS_RECORD, QUARANTINE_PREFIX,
};
use crate::core::attempt::Attempt;
use crate::core::schema::records::encode_prefs;
use crate::core::store::{get_many, Op, StorageError, Store, Table};
use serde_json::Value;

/// Whether a `localStorage` key holds data of the first releases.
pub fn is_legacy_key(key: &str) -> bool {
    key == INDEX_KEY
        || key == PREFS_KEY
        || key.starts_with(ATTEMPT_PREFIX)
        || key.starts_with(QUARANTINE_PREFIX)
}

/// The readable attempts among legacy pairs, for a tab that cannot move
/// them (it works from them in memory).
pub fn legacy_attempts(legacy: &[(String, String)]) -> Vec<Attempt> {
    legacy
        .iter()
        .filter(|(k, _)| k.starts_with(ATTEMPT_PREFIX))
        .filter_map(|(k, raw)| read_attempt_at(k, raw).ok().map(|(a, _)| a))
        .collect()
}

/// What the migration did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MigrationReport {
    /// Attempts now in the database (copied, or already there as new).
    pub attempts: usize,
    /// Values kept aside (unreadable, or conflicting with the database).
    pub aside: usize,
    /// Legacy keys whose copies were verified: safe to remove.
    pub verified: Vec<String>,
    /// Legacy keys left in place, each with why.
    pub failed: Vec<(String, String)>,
    /// Unreadable legacy values now kept aside: `(key, reason)`.
    pub unreadable: Vec<(String, String)>,
}

impl MigrationReport {
    /// The notices for the user.
    pub fn messages(&self) -> Vec<String> {
        let mut out = Vec::new();
        if !self.failed.is_empty() {
            let list: Vec<String> = self
                .failed
                .iter()
                .map(|(k, why)| format!("`{k}` ({why})"))
                .collect();
            out.push(format!(
                "Some saved data could not be moved to the browser's database and was left where it was, untouched: {}. Export a backup to keep a copy.",
                list.join("; ")
            ));
        }
        if self.attempts > 0 {
            out.push(format!(
                "Moved {} saved attempt{} to the browser's database, each checked after copying.",
                self.attempts,
                if self.attempts == 1 { "" } else { "s" }
            ));
        }
        for (key, reason) in &self.unreadable {
            out.push(format!(
                "Could not read `{key}` ({reason}); it was kept aside and is included in backups."
            ));
        }
        out
    }
}

/// What a copy must look like when read back.
enum Expect {
    /// This JSON value (compared as parsed JSON: the database may respace it).
    Json(Table, String, Value),
    /// A readable attempt at least as recently updated.
    Attempt { id: String, updated_at_ms: i64 },
    /// Preferences that include these.
    Prefs(Prefs),
}

/// One legacy key's planned copy.
struct Plan {
    legacy_key: String,
    target: Target,
}

enum Target {
    Attempt(Box<Attempt>),
    /// A value of a newer Evident, kept as it is under its own key.
    Raw {
        table: Table,
        key: String,
        raw: String,
    },
    Aside {
        original_key: String,
        raw: String,
        reason: String,
    },
    /// A quarantine record of the first releases, kept under its key.
    Quarantined {
        key: String,
        raw: String,
    },
    Prefs(Prefs),
    /// The old index: nothing to copy (the database needs no index).
    Nothing,
}

fn plan(key: &str, raw: &str) -> Target {
    let aside = |reason: String| Target::Aside {
        original_key: key.to_owned(),
        raw: raw.to_owned(),
        reason,
    };
    if key == INDEX_KEY {
        return match read_index(raw) {
            Read::Corrupt(reason) => aside(reason),
            _ => Target::Nothing,
        };
    }
    if key == PREFS_KEY {
        return match read_prefs(raw) {
            Read::Ok(p) => Target::Prefs(p),
            Read::Newer(_) => Target::Raw {
                table: Table::Prefs,
                key: PREFS_RECORD.to_owned(),
                raw: raw.to_owned(),
            },
            Read::Corrupt(reason) => aside(reason),
        };
    }
    if key.starts_with(QUARANTINE_PREFIX) {
        return match read_quarantine(raw) {
            Read::Corrupt(reason) => aside(format!("unreadable quarantine record: {reason}")),
            _ => Target::Quarantined {
                key: key.to_owned(),
                raw: raw.to_owned(),
            },
        };
    }
    let id = key.strip_prefix(ATTEMPT_PREFIX).unwrap_or_default();
    match read_attempt_at(key, raw) {
        Ok((a, _)) => Target::Attempt(Box::new(a)),
        Err(AttemptReadError::Newer(_)) if valid_id(id) => Target::Raw {
            table: Table::Attempts,
            key: id.to_owned(),
            raw: raw.to_owned(),
        },
        Err(AttemptReadError::Newer(v)) => aside(format!(
            "saved by a newer Evident (schema {v}) under a key this version cannot use"
        )),
        Err(AttemptReadError::Corrupt(reason)) => aside(reason),
    }
}

fn json(raw: &str) -> Value {
    serde_json::from_str(raw).unwrap_or(Value::Null)
}

fn put(table: Table, key: &str, value: String) -> Op {
    Op::Put {
        table,
        key: key.to_owned(),
        value,
    }
}

/// Where each plan reads in the transaction: attempts and raw values their
/// own key, prefs the prefs record, quarantine their key.
fn read_of(p: &Plan) -> Option<(Table, String)> {
    match &p.target {
        Target::Attempt(a) => Some((Table::Attempts, a.id.clone())),
        Target::Raw { table, key, .. } => Some((*table, key.clone())),
        Target::Prefs(_) => Some((Table::Prefs, PREFS_RECORD.to_owned())),
        Target::Quarantined { key, .. } => Some((Table::Quarantine, key.clone())),
        Target::Aside {
            original_key, raw, ..
        } => Some((Table::Quarantine, quarantine_key(original_key, raw))),
        Target::Nothing => None,
    }
}

/// Keeps `raw` aside because the database already holds something else
/// under its key.
fn conflict(ops: &mut Vec<Op>, expect: &mut Vec<Expect>, key: &str, raw: &str) {
    let (op, qkey) = quarantine_op(
        key,
        raw,
        "kept aside while moving to the database: it already held a different value under this name",
    );
    if let Op::Put { value, .. } = &op {
        expect.push(Expect::Json(Table::Quarantine, qkey, json(value)));
    }
    ops.push(op);
}

/// Decides the writes for every plan from what the database holds, and what
/// each copy must look like afterwards.
fn decide(plans: &[Plan], found: Vec<Option<String>>) -> (Vec<Op>, Vec<Vec<Expect>>) {
    let mut ops = Vec::new();
    let mut expects = Vec::new();
    let mut found = found.into_iter();
    for p in plans {
        let existing = if read_of(p).is_some() {
            found.next().flatten()
        } else {
            None
        };
        let mut expect = Vec::new();
        match &p.target {
            Target::Nothing => {}
            Target::Attempt(a) => {
                let keep_existing =
                    existing
                        .as_deref()
                        .map(|raw| match read_attempt_at(&p.legacy_key, raw) {
                            Ok((e, _)) => Some(e.updated_at_ms >= a.updated_at_ms),
                            Err(_) => None,
                        });
                match keep_existing {
                    None | Some(Some(false)) => ops.extend(attempt_ops(a)),
                    Some(Some(true)) => {}
                    // Unreadable or newer in the database: both are kept.
                    Some(None) => {
                        let raw = super::migrate::encode_attempt(&a.as_ref().into());
                        conflict(&mut ops, &mut expect, &p.legacy_key, &raw);
                    }
                }
                if !matches!(keep_existing, Some(None)) {
                    expect.push(Expect::Attempt {
                        id: a.id.clone(),
                        updated_at_ms: a.updated_at_ms,
                    });
                }
            }
            Target::Raw { table, key, raw } => match existing {
                None => {
                    ops.push(put(*table, key, raw.clone()));
                    expect.push(Expect::Json(*table, key.clone(), json(raw)));
                }
                Some(e) if json(&e) == json(raw) => {
                    expect.push(Expect::Json(*table, key.clone(), json(raw)));
                }
                Some(_) => conflict(&mut ops, &mut expect, &p.legacy_key, raw),
            },
            Target::Prefs(prefs) => match existing.as_deref().map(read_prefs) {
                None => {
                    ops.push(put(Table::Prefs, PREFS_RECORD, encode_prefs(prefs)));
                    expect.push(Expect::Prefs(prefs.clone()));
                }
                Some(Read::Ok(current)) => {
                    let merged = current.merged_with(prefs);
                    if merged != current {
                        ops.push(put(Table::Prefs, PREFS_RECORD, encode_prefs(&merged)));
                    }
                    expect.push(Expect::Prefs(prefs.clone()));
                }
                // Newer or unreadable in the database: ours is kept aside.
                Some(_) => conflict(&mut ops, &mut expect, PREFS_KEY, &encode_prefs(prefs)),
            },
            Target::Quarantined { key, raw } => match existing {
                Some(e) if json(&e) == json(raw) => {
                    expect.push(Expect::Json(Table::Quarantine, key.clone(), json(raw)));
                }
                Some(_) => {
                    let alt = format!("{key}.{}", hash(raw));
                    ops.push(put(Table::Quarantine, &alt, raw.clone()));
                    expect.push(Expect::Json(Table::Quarantine, alt, json(raw)));
                }
                None => {
                    ops.push(put(Table::Quarantine, key, raw.clone()));
                    expect.push(Expect::Json(Table::Quarantine, key.clone(), json(raw)));
                }
            },
            Target::Aside {
                original_key,
                raw,
                reason,
            } => {
                let (op, qkey) = quarantine_op(original_key, raw, reason);
                if let Op::Put { value, .. } = &op {
                    expect.push(Expect::Json(Table::Quarantine, qkey, json(value)));
                }
                if existing.is_none() {
                    ops.push(op);
                }
            }
        }
        expects.push(expect);
    }
    (ops, expects)
}

/// Checks one expectation against what was read back; the error says why.
async fn verify<S: Store>(store: &S, e: &Expect) -> Result<(), String> {
    let (table, key) = match e {
        Expect::Json(t, k, _) => (*t, k.clone()),
        Expect::Attempt { id, .. } => (Table::Attempts, id.clone()),
        Expect::Prefs(_) => (Table::Prefs, PREFS_RECORD.to_owned()),
    };
    let found = get_many(store, table, std::slice::from_ref(&key))
        .await
        .map_err(|e| format!("could not read the copy back: {e}"))?;
    let Some(raw) = found.into_iter().next().flatten() else {
        return Err("the copy is missing".into());
    };
    let ok = match e {
        Expect::Json(_, _, want) => json(&raw) == *want,
        Expect::Attempt { id, updated_at_ms } => {
            matches!(read_attempt_at(&format!("{ATTEMPT_PREFIX}{id}"), &raw),
                Ok((a, _)) if a.updated_at_ms >= *updated_at_ms)
        }
        Expect::Prefs(want) => matches!(read_prefs(&raw), Read::Ok(p)
            if want.muted_rules.is_subset(&p.muted_rules)
                && want.dismissed_findings.is_subset(&p.dismissed_findings)),
    };
    if ok {
        Ok(())
    } else {
        Err("the copy read back differs".into())
    }
}

/// Copies the legacy `(key, value)` pairs into the database and verifies
/// every copy. Returns which legacy keys may now be removed. Fails (having
/// written nothing) only when the copy's transaction fails.
pub async fn migrate_local<S: Store>(
    store: &S,
    legacy: &[(String, String)],
) -> Result<MigrationReport, StorageError> {
    let plans: Vec<Plan> = legacy
        .iter()
        .filter(|(k, _)| is_legacy_key(k))
        .map(|(k, raw)| Plan {
            legacy_key: k.clone(),
            target: plan(k, raw),
        })
        .collect();
    let reads: Vec<(Table, String)> = plans.iter().filter_map(read_of).collect();
    let expects = store
        .update(&reads, |found| decide(&plans, found), &|_, _| {})
        .await?;

    let mut report = MigrationReport::default();
    let mut all_attempts_ok = true;
    for (p, expect) in plans.iter().zip(&expects) {
        let mut outcome = Ok(());
        for e in expect {
            if let Err(why) = verify(store, e).await {
                outcome = Err(why);
                break;
            }
        }
        match outcome {
            Ok(()) => {
                match &p.target {
                    Target::Attempt(_) => report.attempts += 1,
                    Target::Aside { reason, .. } => {
                        report.aside += 1;
                        report
                            .unreadable
                            .push((p.legacy_key.clone(), reason.clone()));
                    }
                    _ => {}
                }
                if expect
                    .iter()
                    .any(|e| matches!(e, Expect::Json(Table::Quarantine, ..)))
                    && matches!(p.target, Target::Attempt(_) | Target::Raw { .. })
                {
                    report.aside += 1;
                }
                if p.legacy_key != INDEX_KEY {
                    report.verified.push(p.legacy_key.clone());
                }
            }
            Err(why) => {
                if p.legacy_key.starts_with(ATTEMPT_PREFIX) {
                    all_attempts_ok = false;
                }
                report.failed.push((p.legacy_key.clone(), why));
            }
        }
    }
    // The index goes last, and only when every attempt it listed moved.
    if all_attempts_ok && plans.iter().any(|p| p.legacy_key == INDEX_KEY) {
        report.verified.push(INDEX_KEY.to_owned());
    }
    Ok(report)
}

#[cfg(test)]
mod tests;
