//! Browser glue tested in headless Chromium (`make test-wasm`): the
//! IndexedDB adapter behind the storage port, the recordings' audio table and
//! decoding, and the analyzer's speed.
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

/// The analyzer in the browser's wasm engine on a 1,500-word answer: findings
/// on char boundaries, the same on every run. It prints its timing and asserts
/// none (this build is unoptimised; `make bench` runs it optimised and
/// reports the figure).
#[wasm_bindgen_test]
fn analysing_a_1500_word_answer_in_the_browser_is_stable_and_on_char_boundaries() {
    use evident::core::analyzer::analyze;
    let sentence = "We moved the nightly import to streaming and I owned the cut-over plan because the batch window was closing; it was much faster. ";
    let words = sentence.split_whitespace().count();
    let answer = sentence.repeat(1500 / words + 1);
    let performance = web_sys::window()
        .and_then(|w| w.performance())
        .expect("performance is available");
    let first = analyze(&answer); // compiles the phrase lexicon once
    assert!(!first.findings.is_empty());
    for f in &first.findings {
        assert!(answer.is_char_boundary(f.start) && answer.is_char_boundary(f.end));
    }
    let mut times: Vec<f64> = (0..30)
        .map(|_| {
            let start = performance.now();
            let analysis = analyze(&answer);
            let elapsed = performance.now() - start;
            assert_eq!(analysis, first);
            elapsed
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    console_log!(
        "BROWSER_ANALYZE analyze on {} words: median {median:.2} ms, max {:.2} ms",
        answer.split_whitespace().count(),
        times[times.len() - 1]
    );
}

// ---------------------------------------------------------------- spoken practice

/// A 16-bit mono WAV at 16 kHz: `lead_ms` of silence, then `tone_ms` of a
/// 220 Hz tone, then 300 ms of silence.
fn wav(lead_ms: u32, tone_ms: u32) -> Vec<u8> {
    let rate = 16_000u32;
    let n = |ms: u32| (rate * ms / 1_000) as usize;
    let mut samples = vec![0i16; n(lead_ms)];
    samples.extend((0..n(tone_ms)).map(|i| {
        let t = i as f32 / rate as f32;
        ((std::f32::consts::TAU * 220.0 * t).sin() * 12_000.0) as i16
    }));
    samples.extend(vec![0i16; n(300)]);
    let data = (samples.len() * 2) as u32;
    let mut b = Vec::with_capacity(44 + data as usize);
    b.extend_from_slice(b"RIFF");
    b.extend_from_slice(&(36 + data).to_le_bytes());
    b.extend_from_slice(b"WAVEfmt ");
    b.extend_from_slice(&16u32.to_le_bytes());
    b.extend_from_slice(&1u16.to_le_bytes());
    b.extend_from_slice(&1u16.to_le_bytes());
    b.extend_from_slice(&rate.to_le_bytes());
    b.extend_from_slice(&(rate * 2).to_le_bytes());
    b.extend_from_slice(&2u16.to_le_bytes());
    b.extend_from_slice(&16u16.to_le_bytes());
    b.extend_from_slice(b"data");
    b.extend_from_slice(&data.to_le_bytes());
    for s in samples {
        b.extend_from_slice(&s.to_le_bytes());
    }
    b
}

fn blob_of(bytes: &[u8], mime: &str) -> web_sys::Blob {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).expect("a blob")
}

#[wasm_bindgen_test]
async fn a_wav_decodes_to_samples_whose_first_word_is_where_the_tone_starts() {
    use evident::core::audio::metrics::measure;
    use evident::platform::decode;
    let samples = decode::decode(&blob_of(&wav(700, 1_500), "audio/wav"))
        .await
        .expect("decodes");
    assert_eq!(samples.len(), 16 * 2_500);
    let m = measure(&samples, decode::SAMPLE_RATE as u32);
    let first = m.first_word_ms.expect("the tone is speech-like");
    assert!(first.abs_diff(700) <= 50, "first word at {first} ms");
}

#[wasm_bindgen_test]
async fn something_that_is_not_audio_gives_a_plain_error() {
    use evident::core::audio::recording::MicError;
    use evident::platform::decode;
    let err = decode::decode(&blob_of(b"not audio", "audio/wav"))
        .await
        .expect_err("not decodable");
    assert!(matches!(err, MicError::Unreadable(_)), "{err}");
    assert!(err
        .to_string()
        .starts_with("The recording could not be read ("));
}

#[wasm_bindgen_test]
async fn recordings_round_trip_through_the_audio_table_and_go_with_their_attempt() {
    use evident::core::audio::recording::audio_key;
    use evident::platform::audio_store;
    let store = fresh("evident-test-audio").await;
    let bytes = wav(100, 200);
    let mine = audio_key("a1", "spoken-transcript");
    let other = audio_key("a10", "spoken-transcript");
    audio_store::put(&store, &mine, &blob_of(&bytes, "audio/wav"))
        .await
        .expect("stored");
    audio_store::put(&store, &other, &blob_of(b"x", "audio/webm"))
        .await
        .expect("stored");

    let back = audio_store::get(&store, &mine)
        .await
        .expect("read")
        .expect("present");
    assert_eq!(back.type_(), "audio/wav");
    let read = JsFuture::from(back.array_buffer()).await.expect("bytes");
    assert_eq!(js_sys::Uint8Array::new(&read).to_vec(), bytes);
    assert_eq!(
        audio_store::usage(&store).await.expect("usage"),
        (2, bytes.len() as f64 + 1.0)
    );

    audio_store::delete_attempt(&store, "a1")
        .await
        .expect("deleted");
    assert!(audio_store::get(&store, &mine)
        .await
        .expect("read")
        .is_none());
    assert!(audio_store::get(&store, &other)
        .await
        .expect("read")
        .is_some());
    audio_store::delete(&store, &other).await.expect("deleted");
    assert_eq!(audio_store::usage(&store).await.expect("usage"), (0, 0.0));
}

/// The bytes of a Blob.
async fn bytes_of(blob: &web_sys::Blob) -> Vec<u8> {
    let read = JsFuture::from(blob.array_buffer()).await.expect("bytes");
    js_sys::Uint8Array::new(&read).to_vec()
}

#[wasm_bindgen_test]
async fn a_deleted_attempts_recordings_are_copied_out_and_put_back_by_undo() {
    use evident::core::audio::recording::audio_key;
    use evident::platform::audio_store;
    let store = fresh("evident-test-audio-undo").await;
    let bytes = wav(100, 200);
    let mine = audio_key("a1", "spoken-transcript");
    let other = audio_key("a10", "spoken-transcript");
    audio_store::put(&store, &mine, &blob_of(&bytes, "audio/wav"))
        .await
        .expect("stored");
    audio_store::put(&store, &other, &blob_of(b"x", "audio/webm"))
        .await
        .expect("stored");

    let copies = audio_store::copy_attempt(&store, "a1")
        .await
        .expect("copied");
    assert_eq!(copies.len(), 1, "only a1's recordings");
    audio_store::delete_attempt(&store, "a1")
        .await
        .expect("deleted");
    // The copies outlive the stored records.
    let (key, blob) = &copies[0];
    assert_eq!(key, &mine);
    assert_eq!(blob.type_(), "audio/wav");
    assert_eq!(bytes_of(blob).await, bytes);

    audio_store::put(&store, key, blob).await.expect("put back");
    let back = audio_store::get(&store, &mine)
        .await
        .expect("read")
        .expect("present");
    assert_eq!(bytes_of(&back).await, bytes);
    assert_eq!(
        audio_store::keys(&store).await.expect("keys"),
        vec![mine, other]
    );
}

#[wasm_bindgen_test]
async fn backup_reads_and_writes_recordings_as_bytes() {
    use evident::core::audio::recording::audio_key;
    use evident::core::schema::{AudioBlob, AudioStore};
    use evident::platform::audio_store::{self, BackupAudio};
    let store = fresh("evident-test-audio-backup").await;
    let audio = BackupAudio(&store);
    let key = audio_key("a1", "spoken-transcript");
    let bytes: Vec<u8> = (0..=255u8).collect();
    audio
        .write(&key, "audio/webm;codecs=opus", &bytes)
        .await
        .expect("written");
    // Stored as a Blob of its type, as the recorder stores them.
    let blob = audio_store::get(&store, &key)
        .await
        .expect("read")
        .expect("present");
    assert_eq!(blob.type_(), "audio/webm;codecs=opus");
    assert_eq!(
        audio.read(&key).await.expect("read"),
        Some(AudioBlob {
            mime: "audio/webm;codecs=opus".into(),
            bytes
        })
    );
    assert_eq!(audio.read("a2/x").await.expect("read"), None);
    assert_eq!(audio.keys().await.expect("keys"), vec![key]);
}
