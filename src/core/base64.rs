//! Standard base64 (RFC 4648 §4, with `=` padding): how a backup carries a
//! recording's audio as JSON text.
//!
//! Written by hand rather than taken from the `base64` crate: the backup
//! needs one alphabet, one padding rule and a decoder that says where the
//! text goes wrong, which is these few lines; the crate's configurable
//! engines are more code in a start-up wasm that is already over its budget.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// `bytes` as base64 text.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Where base64 text is wrong: the byte offset of the first bad character
/// (or the text's length when it is cut short).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadBase64 {
    pub at: usize,
}

fn value(c: u8) -> Option<u32> {
    match c {
        b'A'..=b'Z' => Some(u32::from(c - b'A')),
        b'a'..=b'z' => Some(u32::from(c - b'a') + 26),
        b'0'..=b'9' => Some(u32::from(c - b'0') + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// How many bytes `text` decodes to, checking every character without
/// decoding: a backup is checked whole before anything is written, and one
/// recording's bytes at a time are all that is held while writing.
pub fn decoded_len(text: &str) -> Result<usize, BadBase64> {
    let t = text.as_bytes();
    if !t.len().is_multiple_of(4) {
        return Err(BadBase64 { at: t.len() });
    }
    let pad = t.iter().rev().take(2).take_while(|&&c| c == b'=').count();
    let body = t.len() - pad;
    if let Some(at) = t[..body].iter().position(|&c| value(c).is_none()) {
        return Err(BadBase64 { at });
    }
    Ok(t.len() / 4 * 3 - pad)
}

/// The bytes of base64 `text`.
pub fn decode(text: &str) -> Result<Vec<u8>, BadBase64> {
    let mut out = Vec::with_capacity(decoded_len(text)?);
    for quad in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        let mut have = 0;
        for &c in quad {
            if c != b'=' {
                // Checked by `decoded_len`; 0 keeps the arithmetic total.
                n |= value(c).unwrap_or(0) << (18 - 6 * have);
                have += 1;
            }
        }
        out.extend_from_slice(&[(n >> 16) as u8, (n >> 8) as u8, n as u8][..have.max(1) - 1]);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_rfc_4648_vectors_and_every_byte() {
        let vectors = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, coded) in vectors {
            assert_eq!(encode(plain.as_bytes()), coded);
            assert_eq!(decode(coded).unwrap(), plain.as_bytes());
        }
        let all: Vec<u8> = (0..=255u8).cycle().take(1_000).collect();
        assert_eq!(decode(&encode(&all)).unwrap(), all);
    }

    #[test]
    fn bad_text_says_where() {
        assert_eq!(decode("Zm9v!mFy"), Err(BadBase64 { at: 4 }));
        assert_eq!(decode("Zm9vY"), Err(BadBase64 { at: 5 }));
        assert_eq!(decode("Zg=a"), Err(BadBase64 { at: 2 }));
        assert_eq!(decoded_len("Zm9vYmE="), Ok(5));
    }
}
