//! Audio to samples: the Web Audio API decodes a recording (any container
//! the browser plays) into mono PCM for `core::audio::metrics`.

use crate::core::audio::recording::MicError;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AudioBuffer, Blob, OfflineAudioContext};

/// The rate the measurements run at: plenty for speech energy, and a
/// third of the samples of 48 kHz (decoding resamples to it).
pub const SAMPLE_RATE: f32 = 16_000.0;

fn unreadable(err: wasm_bindgen::JsValue) -> MicError {
    MicError::Unreadable(super::errors::message_of(&err))
}

/// Decodes `blob` to mono samples at [`SAMPLE_RATE`] (channels averaged).
pub async fn decode(blob: &Blob) -> Result<Vec<f32>, MicError> {
    let bytes = JsFuture::from(blob.array_buffer())
        .await
        .map_err(unreadable)?;
    let context = OfflineAudioContext::new_with_number_of_channels_and_length_and_sample_rate(
        1,
        1,
        SAMPLE_RATE,
    )
    .map_err(unreadable)?;
    let decoding = context
        .decode_audio_data(bytes.unchecked_ref())
        .map_err(unreadable)?;
    let buffer: AudioBuffer = JsFuture::from(decoding)
        .await
        .map_err(unreadable)?
        .unchecked_into();
    let channels = buffer.number_of_channels();
    let mut mono = buffer.get_channel_data(0).map_err(unreadable)?;
    for c in 1..channels {
        let more = buffer.get_channel_data(c).map_err(unreadable)?;
        for (m, x) in mono.iter_mut().zip(more) {
            *m += x;
        }
    }
    if channels > 1 {
        let n = channels as f32;
        mono.iter_mut().for_each(|m| *m /= n);
    }
    Ok(mono)
}
