//! Browser glue tested in headless Chromium (`make test-wasm`): the
//! IndexedDB adapter behind the storage port, and the analyzer's speed.
#![cfg(target_arch = "wasm32")]

use evident::core::attempt::Attempt;
use evident::core::schema;
use evident::core::store::{get_many, write, Op, StorageError, Store, Table};
use evident::platform::idb::{self, IdbStore};
use js_sys::{Function, Promise, Reflect};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Deletes a test database (each test uses its own name).
async fn delete_db(name: &str) {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .expect("IndexedDB exists in Chromium");
    let req = factory.delete_database(name).expect("delete request");
    let _ = JsFuture::from(Promise::new(&mut |resolve, _| {
        req.set_onsuccess(Some(&resolve));
        req.set_onblocked(Some(&resolve));
    }))
    .await;
}

async fn fresh(name: &str) -> IdbStore {
    delete_db(name).await;
    idb::open(name, idb::DB_VERSION, || {}, || {})
        .await
        .expect("the database opens")
}

fn sample(id: &str) -> Attempt {
    let mut a = Attempt::new(id, "evidence-replay", "Tell me about a project.", 1_000, 60);
    a.set_section("weak", "We did it. Béta ✓", 1_001);
    a
}

fn put(table: Table, key: &str, value: &str) -> Op {
    Op::Put {
        table,
        key: key.into(),
        value: value.into(),
    }
}

/// Runs JavaScript source as a function of one argument (test-only hooks).
fn js(args: &str, body: &str) -> Function {
    Function::new_with_args(args, body)
}

#[wasm_bindgen_test]
async fn records_round_trip_in_order_and_in_chunks() {
    let db = fresh("evident-test-round-trip").await;
    let a = sample("a1");
    let stored = schema::save_attempt(&db, None, &a).await.expect("saves");
    assert_eq!(stored, a);
    let mut other_drill = sample("a2");
    other_drill.drill_id = "hint-recovery".into();
    schema::save_attempt(&db, None, &other_drill).await.unwrap();
    assert_eq!(db.keys(Table::Attempts).await.unwrap(), ["a1", "a2"]);
    assert_eq!(db.keys(Table::Summaries).await.unwrap(), ["a1", "a2"]);
    let chunk = db.chunk(Table::Attempts, Some("a1"), 5).await.unwrap();
    assert_eq!(chunk.len(), 1);
    assert_eq!(chunk[0].0, "a2");

    let report = schema::load(&db).await.unwrap();
    assert_eq!(report.summaries.len(), 2);
    assert!(
        report.open.contains(&a),
        "each drill's unfinished attempt opens in full"
    );
    assert_eq!(report.open.len(), 2);
    let found = get_many(&db, Table::Attempts, &["a1".into(), "zz".into()])
        .await
        .unwrap();
    assert!(found[0]
        .as_deref()
        .is_some_and(|raw| raw.contains("Béta ✓")));
    assert_eq!(found[1], None);

    // The attempts table carries the time index, and the audio table exists.
    let names = db.database().unwrap().object_store_names();
    for t in ["attempts", "summaries", "prefs", "quarantine", "audio"] {
        assert!(names.contains(t), "{t}");
    }
    let tx = db
        .database()
        .unwrap()
        .transaction_with_str("attempts")
        .unwrap();
    let index = tx.object_store("attempts").unwrap().index("by_time");
    assert!(index.is_ok(), "by_time index");
}

#[wasm_bindgen_test]
async fn a_full_store_fails_the_whole_update_and_keeps_what_was_there() {
    let db = fresh("evident-test-quota").await;
    write(&db, vec![put(Table::Prefs, "keep", r#"{"v":"safe"}"#)])
        .await
        .unwrap();
    // Chromium's quota is a share of the disk, far too large to fill in a
    // test: the second put fails its transaction the way a full disk does.
    let patch = js(
        "",
        "const put = IDBObjectStore.prototype.put;
         let n = 0;
         IDBObjectStore.prototype.put = function (v, k) {
           n += 1;
           if (n === 2) {
             const tx = this.transaction;
             Object.defineProperty(tx, 'error', { value: new DOMException('The quota has been exceeded.', 'QuotaExceededError') });
             tx.abort();
             throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
           }
           return put.call(this, v, k);
         };
         return () => { IDBObjectStore.prototype.put = put; };",
    );
    let restore: Function = patch.call0(&JsValue::NULL).unwrap().unchecked_into();
    let result = write(
        &db,
        vec![
            put(Table::Prefs, "keep", r#"{"v":"overwritten"}"#),
            put(Table::Prefs, "new", r#"{"v":"huge"}"#),
        ],
    )
    .await;
    restore.call0(&JsValue::NULL).unwrap();
    assert_eq!(result, Err(StorageError::QuotaExceeded));
    let after = get_many(&db, Table::Prefs, &["keep".into(), "new".into()])
        .await
        .unwrap();
    assert_eq!(after[0].as_deref(), Some(r#"{"v":"safe"}"#), "rolled back");
    assert_eq!(after[1], None);
}

#[wasm_bindgen_test]
async fn an_old_tab_gives_way_to_an_upgrade_and_a_stubborn_one_blocks_it() {
    let name = "evident-test-upgrade";
    let old = fresh(name).await;
    let gave_way = Rc::new(Cell::new(false));
    // Our own connection closes itself when a newer version asks.
    drop(old);
    let flag = gave_way.clone();
    let ours = idb::open(name, 1, || {}, move || flag.set(true))
        .await
        .unwrap();
    let newer = idb::open(name, 2, || {}, || {}).await;
    assert!(newer.is_ok(), "the upgrade went through");
    assert!(gave_way.get(), "the old connection was told");
    assert_eq!(
        ours.keys(Table::Attempts).await,
        Err(StorageError::VersionChanged),
        "and refuses work until reloaded"
    );
    drop(newer);

    // A connection that does not close (an old Evident) blocks the upgrade,
    // and the new tab hears of it.
    let hold = js(
        "name",
        "return new Promise((ok) => { const r = indexedDB.open(name); r.onsuccess = () => ok(r.result); });",
    );
    let held = JsFuture::from(
        hold.call1(&JsValue::NULL, &name.into())
            .unwrap()
            .unchecked_into::<Promise>(),
    )
    .await
    .unwrap();
    let blocked = Rc::new(Cell::new(false));
    let heard = blocked.clone();
    let opening = wasm_bindgen_futures::future_to_promise(async move {
        idb::open(name, 3, move || heard.set(true), || {})
            .await
            .map(|_| JsValue::TRUE)
            .map_err(|_| JsValue::FALSE)
    });
    // Let the open reach the browser and be blocked.
    for _ in 0..50 {
        if blocked.get() {
            break;
        }
        JsFuture::from(Promise::new(&mut |ok, _| {
            let _ = web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&ok, 10);
        }))
        .await
        .unwrap();
    }
    assert!(blocked.get(), "the new tab was told it is blocked");
    let close: Function = Reflect::get(&held, &"close".into())
        .unwrap()
        .unchecked_into();
    close.call0(&held).unwrap();
    assert_eq!(
        JsFuture::from(opening).await,
        Ok(JsValue::TRUE),
        "then it opens"
    );
}

#[wasm_bindgen_test]
async fn a_corrupt_record_is_quarantined_with_its_raw_value() {
    let db = fresh("evident-test-corrupt").await;
    schema::save_attempt(&db, None, &sample("good"))
        .await
        .unwrap();
    write(
        &db,
        vec![put(
            Table::Attempts,
            "broken",
            r#"{"version":2,"id":"broken"}"#,
        )],
    )
    .await
    .unwrap();
    let report = schema::load(&db)
        .await
        .expect("load never fails on bad data");
    assert_eq!(report.summaries.len(), 1);
    let q = &report.notes.quarantined;
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].original_key, "evident.attempt.broken");
    assert_eq!(
        q[0].reason, "field `drill_id` is missing",
        "the reason names the field"
    );
    assert_eq!(
        db.keys(Table::Attempts).await.unwrap(),
        ["good"],
        "moved aside"
    );
    let kept = get_many(&db, Table::Quarantine, std::slice::from_ref(&q[0].key))
        .await
        .unwrap();
    let kept = kept[0].clone().expect("quarantine record exists");
    assert!(kept.contains(r#"\"id\":\"broken\""#), "raw kept: {kept}");
    assert!(!report.notes.messages().is_empty(), "the user is told");
}

#[wasm_bindgen_test]
async fn legacy_local_storage_moves_in_verified() {
    let db = fresh("evident-test-legacy").await;
    let v1 = include_str!("fixtures/storage/attempt-v1.json");
    let legacy = vec![
        (
            "evident.attempt.a-1700000000000-01".to_owned(),
            v1.to_owned(),
        ),
        ("evident.attempt.x".to_owned(), "{not json".to_owned()),
    ];
    let report = schema::migrate_local(&db, &legacy).await.unwrap();
    assert_eq!(report.failed, vec![]);
    assert_eq!(report.verified.len(), 2);
    let loaded = schema::load(&db).await.unwrap();
    assert_eq!(loaded.summaries.len(), 1);
    assert_eq!(loaded.notes.quarantined.len(), 1);
}

/// Times the analyzer on a 1,500-word answer in the browser's wasm engine and
/// prints the figures; the bound is one frame (16 ms), far above the measured cost.
#[wasm_bindgen_test]
fn analysing_a_1500_word_answer_in_the_browser_takes_well_under_a_frame() {
    use evident::core::analyzer::analyze;
    let sentence = "We moved the nightly import to streaming and I owned the cut-over plan because the batch window was closing; it was much faster. ";
    let words = sentence.split_whitespace().count();
    let answer = sentence.repeat(1500 / words + 1);
    let performance = web_sys::window()
        .and_then(|w| w.performance())
        .expect("performance is available");
    let _warm_up = analyze(&answer); // compiles the phrase lexicon once
    let mut times: Vec<f64> = (0..30)
        .map(|_| {
            let start = performance.now();
            let analysis = analyze(&answer);
            let elapsed = performance.now() - start;
            assert!(!analysis.findings.is_empty());
            elapsed
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    console_log!(
        "analyze on {} words: median {median:.2} ms, max {:.2} ms",
        answer.split_whitespace().count(),
        times[times.len() - 1]
    );
    assert!(median < 16.0, "median {median} ms");
}
