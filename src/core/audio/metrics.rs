//! Measurements of a spoken answer from its samples, with no model.
//!
//! The pipeline, each step a small function over the one before:
//! 1. **Frames**: the energy (dB re full scale) of 20 ms windows every
//!    10 ms ([`frame_db`]).
//! 2. **Voiced frames**: frames louder than a threshold set from the
//!    recording itself, between its noise floor (10th percentile) and its
//!    peak (99th percentile), so a quiet phone recording and a loud headset
//!    recording are read alike ([`Levels`]).
//! 3. **Speech runs**: voiced frames joined across gaps shorter than a word
//!    break (150 ms); runs shorter than 60 ms (clicks) dropped. The first
//!    run's start is the time to first word; gaps of a second or more
//!    between runs are the pauses.
//! 4. **Syllable nuclei** (de Jong & Wempe 2009, "Praat script to detect
//!    syllable nuclei and measure speech rate automatically", Behavior
//!    Research Methods 41(2)): peaks of the smoothed intensity inside speech
//!    runs, above the threshold, each separated from the previous nucleus by
//!    a dip of at least 2 dB. The rate is nuclei per minute of speaking time
//!    (first word to last, pauses of a second or more excluded).
//!
//! Everything is integers in milliseconds once measured, so the result is
//! NaN-free by construction and serialises as plain numbers.

/// Analysis window and hop.
const WINDOW_MS: u32 = 20;
const HOP_MS: u32 = 10;
/// Silence below this (dBFS) is never speech, however the rest is spread.
const ABSOLUTE_FLOOR_DB: f32 = -60.0;
/// A recording whose peak is less than this above its floor holds no speech
/// (a steady hum or hiss).
const MIN_DYNAMIC_DB: f32 = 12.0;
/// Voiced means within this many dB of the peak…
const BELOW_PEAK_DB: f32 = 30.0;
/// …and at least this far above the noise floor.
const ABOVE_FLOOR_DB: f32 = 8.0;
/// Gaps shorter than this inside speech are stops and word breaks.
const JOIN_GAP_MS: u32 = 150;
/// Runs shorter than this are clicks, not words.
const MIN_RUN_MS: u32 = 60;
/// The pause: a second or more of silence between words.
pub const PAUSE_MS: u32 = 1_000;
/// de Jong & Wempe's minimum dip between two syllable nuclei.
const MIN_DIP_DB: f32 = 2.0;
/// Intensity smoothing for peak picking: ±3 frames, a 70 ms span, close to
/// the 64 ms window Praat uses at the method's 50 Hz minimum pitch.
const SMOOTH_FRAMES: usize = 3;

/// One pause of [`PAUSE_MS`] or more, in milliseconds from the start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pause {
    pub start_ms: u32,
    pub end_ms: u32,
}

impl Pause {
    pub fn len_ms(self) -> u32 {
        self.end_ms.saturating_sub(self.start_ms)
    }
}

/// What was measured of one recording.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpeechMetrics {
    /// The whole recording.
    pub duration_ms: u32,
    /// From the first word to the end of the last, less the pauses: the
    /// time the listener hears the answer flowing (gaps under a second,
    /// breaths and word breaks, count as speaking, as a listener hears them).
    pub speaking_ms: u32,
    /// Start of the first word; `None` when no speech was found.
    pub first_word_ms: Option<u32>,
    /// Pauses of a second or more between words, in order.
    pub pauses: Vec<Pause>,
    /// Syllable nuclei found.
    pub syllables: u32,
}

impl SpeechMetrics {
    pub fn longest_pause(&self) -> Option<Pause> {
        self.pauses.iter().copied().max_by_key(|p| p.len_ms())
    }

    /// Syllables per minute of speaking time; `None` under a second of speech.
    pub fn rate_per_min(&self) -> Option<u32> {
        (self.speaking_ms >= 1_000)
            .then(|| (u64::from(self.syllables) * 60_000 / u64::from(self.speaking_ms)) as u32)
    }
}

/// Measures mono `samples` at `sample_rate` Hz. Any input gives an answer:
/// empty, very short, silent, clipped or NaN-ridden audio included.
pub fn measure(samples: &[f32], sample_rate: u32) -> SpeechMetrics {
    let duration_ms = match sample_rate {
        0 => 0,
        rate => (samples.len() as u64 * 1_000 / u64::from(rate)).min(u64::from(u32::MAX)) as u32,
    };
    let db = frame_db(samples, sample_rate);
    let Some(levels) = Levels::of(&db) else {
        return SpeechMetrics {
            duration_ms,
            ..SpeechMetrics::default()
        };
    };
    let runs = speech_runs(&db, levels.threshold);
    let Some(first) = runs.first() else {
        return SpeechMetrics {
            duration_ms,
            ..SpeechMetrics::default()
        };
    };
    let ms = |frame: usize| (frame as u32).saturating_mul(HOP_MS).min(duration_ms);
    let pauses: Vec<Pause> = runs
        .windows(2)
        .filter(|w| (w[1].0 - w[0].1) as u32 * HOP_MS >= PAUSE_MS)
        .map(|w| Pause {
            start_ms: ms(w[0].1),
            end_ms: ms(w[1].0),
        })
        .collect();
    let last = runs.last().map_or(first.1, |r| r.1);
    let paused: u32 = pauses.iter().map(|p: &Pause| p.len_ms()).sum();
    let speaking_ms = (ms(last) - ms(first.0)).saturating_sub(paused);
    let syllables = runs
        .iter()
        .map(|&(s, e)| nuclei(&db[s..e], levels.threshold))
        .sum();
    SpeechMetrics {
        duration_ms,
        speaking_ms,
        first_word_ms: Some(ms(first.0)),
        pauses,
        syllables,
    }
}

/// Energy in dB re full scale of each 20 ms window, every 10 ms. Samples are
/// clamped to ±1 (clipping) and non-finite samples count as silence.
pub fn frame_db(samples: &[f32], sample_rate: u32) -> Vec<f32> {
    let hop = (sample_rate * HOP_MS / 1_000) as usize;
    let window = (sample_rate * WINDOW_MS / 1_000) as usize;
    if hop == 0 || samples.len() < window {
        return Vec::new();
    }
    (0..=(samples.len() - window) / hop)
        .map(|i| {
            let frame = &samples[i * hop..i * hop + window];
            let power = frame
                .iter()
                .map(|&s| {
                    let s = if s.is_finite() {
                        s.clamp(-1.0, 1.0)
                    } else {
                        0.0
                    };
                    s * s
                })
                .sum::<f32>()
                / window as f32;
            10.0 * (power + 1e-12).log10()
        })
        .collect()
}

/// The recording's own levels: its floor, its peak and the voicing
/// threshold between them.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Levels {
    threshold: f32,
}

impl Levels {
    /// `None` when the recording holds nothing that could be speech.
    fn of(db: &[f32]) -> Option<Levels> {
        if db.is_empty() {
            return None;
        }
        let mut sorted = db.to_vec();
        sorted.sort_by(f32::total_cmp);
        let at = |q: f32| sorted[((sorted.len() - 1) as f32 * q) as usize];
        let (floor, peak) = (at(0.10), at(0.99));
        if peak < ABSOLUTE_FLOOR_DB || peak - floor < MIN_DYNAMIC_DB {
            return None;
        }
        let threshold = (peak - BELOW_PEAK_DB)
            .max(floor + ABOVE_FLOOR_DB)
            .max(ABSOLUTE_FLOOR_DB);
        Some(Levels { threshold })
    }
}

/// Speech runs as half-open frame ranges: voiced frames joined across short
/// gaps, clicks dropped.
fn speech_runs(db: &[f32], threshold: f32) -> Vec<(usize, usize)> {
    let join = (JOIN_GAP_MS / HOP_MS) as usize;
    let min_len = (MIN_RUN_MS / HOP_MS) as usize;
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < db.len() {
        if db[i] <= threshold {
            i += 1;
            continue;
        }
        let start = i;
        while i < db.len() && db[i] > threshold {
            i += 1;
        }
        match runs.last_mut() {
            Some(last) if start - last.1 < join => last.1 = i,
            _ => runs.push((start, i)),
        }
    }
    runs.retain(|&(s, e)| e - s >= min_len);
    runs
}

/// Syllable nuclei in one speech run: peaks of the smoothed intensity above
/// `threshold`, each a dip of [`MIN_DIP_DB`] away from the one before (of
/// two peaks without such a dip, the louder stands).
fn nuclei(db: &[f32], threshold: f32) -> u32 {
    let smooth: Vec<f32> = (0..db.len())
        .map(|i| {
            let lo = i.saturating_sub(SMOOTH_FRAMES);
            let hi = (i + SMOOTH_FRAMES + 1).min(db.len());
            db[lo..hi].iter().sum::<f32>() / (hi - lo) as f32
        })
        .collect();
    let mut count = 0;
    // The last nucleus's level, and the lowest level since it.
    let mut last: Option<(f32, f32)> = None;
    for i in 0..smooth.len() {
        let v = smooth[i];
        if let Some((_, dip)) = last.as_mut() {
            *dip = dip.min(v);
        }
        let before = if i == 0 { f32::MIN } else { smooth[i - 1] };
        let after = smooth.get(i + 1).copied().unwrap_or(f32::MIN);
        if v <= threshold || v <= before || v < after {
            continue;
        }
        match last {
            Some((peak, dip)) if v.min(peak) - dip < MIN_DIP_DB => {
                if v > peak {
                    last = Some((v, v));
                }
            }
            _ => {
                count += 1;
                last = Some((v, v));
            }
        }
    }
    count
}

#[cfg(test)]
mod tests;
