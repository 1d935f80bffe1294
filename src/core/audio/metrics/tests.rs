use super::*;

const RATE: u32 = 16_000;

/// A signal built piece by piece, with the time of each piece known.
#[derive(Default)]
struct Signal {
    samples: Vec<f32>,
    /// A tiny deterministic noise floor added to every sample.
    noise: f32,
    seed: u32,
}

impl Signal {
    fn with_noise(noise: f32) -> Signal {
        Signal {
            noise,
            seed: 1,
            ..Signal::default()
        }
    }

    fn noise_sample(&mut self) -> f32 {
        // A 32-bit LCG: deterministic, uniform enough for a hiss.
        self.seed = self
            .seed
            .wrapping_mul(1_664_525)
            .wrapping_add(1_013_904_223);
        ((self.seed >> 8) as f32 / (1u32 << 24) as f32 * 2.0 - 1.0) * self.noise
    }

    fn push(&mut self, ms: u32, f: impl Fn(f32) -> f32) -> &mut Self {
        let n = (RATE * ms / 1_000) as usize;
        for i in 0..n {
            let t = i as f32 / RATE as f32;
            let s = f(t) + self.noise_sample();
            self.samples.push(s);
        }
        self
    }

    fn silence(&mut self, ms: u32) -> &mut Self {
        self.push(ms, |_| 0.0)
    }

    fn tone(&mut self, ms: u32, amp: f32) -> &mut Self {
        self.push(ms, move |t| amp * (std::f32::consts::TAU * 220.0 * t).sin())
    }

    /// `per_second` syllables: a 220 Hz tone under a raised-cosine envelope,
    /// one loud peak per period with a deep dip between.
    fn syllables(&mut self, ms: u32, per_second: f32, amp: f32) -> &mut Self {
        self.push(ms, move |t| {
            let envelope = 0.5 * (1.0 - (std::f32::consts::TAU * per_second * t).cos());
            amp * envelope * (std::f32::consts::TAU * 220.0 * t).sin()
        })
    }

    fn measure(&self) -> SpeechMetrics {
        measure(&self.samples, RATE)
    }
}

/// Within two frames (20 ms) of `want`, the test's tolerance for times.
fn near(got: u32, want: u32) -> bool {
    got.abs_diff(want) <= 2 * HOP_MS
}

fn assert_pauses(m: &SpeechMetrics, want: &[(u32, u32)]) {
    assert_eq!(m.pauses.len(), want.len(), "pauses: {:?}", m.pauses);
    for (got, &(start, end)) in m.pauses.iter().zip(want) {
        assert!(
            near(got.start_ms, start) && near(got.end_ms, end),
            "pause {got:?}, want {start}..{end}"
        );
    }
}

/// Tones and silences of known length: 0.5 s lead-in, pauses of 1.5 s and
/// 2.5 s, and a 0.8 s gap that is too short to be a pause.
fn answer(s: &mut Signal, amp: f32) {
    s.silence(500)
        .tone(2_000, amp)
        .silence(1_500)
        .tone(1_000, amp)
        .silence(800)
        .tone(1_000, amp)
        .silence(2_500)
        .tone(1_000, amp)
        .silence(300);
}
const ANSWER_PAUSES: [(u32, u32); 2] = [(2_500, 4_000), (6_800, 9_300)];

#[test]
fn tones_and_silences_give_exact_pauses_and_the_first_word() {
    let mut s = Signal::default();
    answer(&mut s, 0.5);
    let m = s.measure();
    assert!(near(m.duration_ms, 10_600), "{}", m.duration_ms);
    let first = m.first_word_ms.expect("speech found");
    assert!(first.abs_diff(500) <= 50, "first word at {first} ms");
    assert_pauses(&m, &ANSWER_PAUSES);
    assert!(m.longest_pause().is_some_and(|p| near(p.len_ms(), 2_500)));
    // 5.8 s: the tones and the 0.8 s gap, which is too short to be a pause.
    assert!(m.speaking_ms.abs_diff(5_800) <= 40, "{}", m.speaking_ms);
}

#[test]
fn a_quiet_recording_over_hiss_reads_like_a_loud_one() {
    for (amp, noise) in [(0.01, 0.000_5), (0.9, 0.002), (0.05, 0.0)] {
        let mut s = Signal::with_noise(noise);
        answer(&mut s, amp);
        let m = s.measure();
        assert!(
            m.first_word_ms.is_some_and(|f| f.abs_diff(500) <= 50),
            "amp {amp}: first word {:?}",
            m.first_word_ms
        );
        assert_pauses(&m, &ANSWER_PAUSES);
    }
}

#[test]
fn a_clipped_recording_keeps_its_pauses() {
    // Three times full scale: every loud sample clipped to ±1.
    let mut s = Signal::with_noise(0.001);
    answer(&mut s, 3.0);
    assert!(s.samples.iter().any(|&x| x > 1.0));
    assert_pauses(&s.measure(), &ANSWER_PAUSES);
}

#[test]
fn a_syllable_train_gives_its_rate_within_ten_percent() {
    for per_second in [3.0, 4.0, 5.0] {
        let mut s = Signal::with_noise(0.000_5);
        s.silence(700)
            .syllables(10_000, per_second, 0.6)
            .silence(700);
        let m = s.measure();
        let want = per_second * 60.0;
        let got = m.rate_per_min().expect("rate") as f32;
        assert!(
            (got - want).abs() <= want * 0.10,
            "{per_second}/s: {got} syllables/min ({} nuclei in {} ms)",
            m.syllables,
            m.speaking_ms
        );
        assert!(m.pauses.is_empty());
    }
}

#[test]
fn a_faster_train_measures_faster() {
    let rate = |per_second| {
        let mut s = Signal::default();
        s.silence(300)
            .syllables(6_000, per_second, 0.5)
            .silence(300);
        s.measure().rate_per_min().expect("rate")
    };
    assert!(rate(3.5) < rate(4.5));
}

#[test]
fn silence_only_has_no_speech() {
    for s in [Signal::default(), Signal::with_noise(0.000_1)] {
        let mut s = s;
        s.silence(3_000);
        let m = s.measure();
        assert_eq!(m.first_word_ms, None);
        assert!(m.pauses.is_empty());
        assert_eq!((m.syllables, m.speaking_ms, m.rate_per_min()), (0, 0, None));
        assert!(near(m.duration_ms, 3_000));
    }
}

#[test]
fn a_steady_hiss_is_not_speech() {
    let mut s = Signal::with_noise(0.2);
    s.silence(4_000);
    assert_eq!(s.measure().first_word_ms, None);
}

#[test]
fn very_short_and_empty_input_measure_to_nothing() {
    assert_eq!(measure(&[], RATE), SpeechMetrics::default());
    assert_eq!(measure(&[0.5; 5], RATE).first_word_ms, None);
    assert_eq!(measure(&[0.5; 100], 0), SpeechMetrics::default());
    // A single 100 ms word: found, but too short for a rate.
    let mut s = Signal::default();
    s.silence(200).tone(100, 0.5).silence(200);
    let m = s.measure();
    assert!(m.first_word_ms.is_some_and(|f| near(f, 200)));
    assert_eq!(m.rate_per_min(), None);
}

#[test]
fn a_click_is_not_a_first_word() {
    let mut s = Signal::default();
    s.silence(400)
        .tone(20, 0.9)
        .silence(1_000)
        .tone(1_500, 0.5)
        .silence(200);
    let m = s.measure();
    assert!(
        m.first_word_ms.is_some_and(|f| f.abs_diff(1_420) <= 50),
        "{:?}",
        m.first_word_ms
    );
}

#[test]
fn nan_and_infinite_samples_count_as_silence() {
    let mut clean = Signal::default();
    answer(&mut clean, 0.5);
    let mut dirty = clean.samples.clone();
    for (i, x) in dirty.iter_mut().enumerate() {
        if *x == 0.0 && i % 7 == 0 {
            *x = if i % 2 == 0 { f32::NAN } else { f32::INFINITY };
        }
    }
    assert_eq!(measure(&dirty, RATE), clean.measure());
    assert!(frame_db(&dirty, RATE).iter().all(|d| d.is_finite()));
}
