//! The page's URL fragment: `#profile=<base64url of the profile JSON>` (CONTRACT section 4).
//!
//! The answers travel in the fragment, never the query string, so no server ever sees them.

use crate::codec::profile;
use crate::model::fault::Fault;
use crate::model::profile::Profile;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Encodes bytes as unpadded base64url.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// Decodes base64url, padded or not; standard `+` and `/` are read too, as some chat apps
/// rewrite links. `None` for anything else.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// The fragment that opens the page on these answers, `#` included: the short form of the
/// profile (answers at their defaults left out), so a link and its QR code stay small.
pub fn encode(profile: &Profile) -> String {
    format!(
        "#profile={}",
        base64url_encode(profile.to_link_json().as_bytes())
    )
}

/// Reads a location hash (`#profile=…`, with or without the `#`, possibly beside other
/// `&`-separated parts such as `desk`). `None` where it carries no profile.
pub fn decode(hash: &str) -> Option<Result<Profile, Fault>> {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    let value = hash
        .split('&')
        .find_map(|part| part.strip_prefix("profile="))?;
    let bad = |problem: &str| Fault::at("fragment", problem);
    Some(
        base64url_decode(value)
            .ok_or_else(|| bad("the link's answers are not valid base64url"))
            .and_then(|bytes| {
                String::from_utf8(bytes).map_err(|_| bad("the link's answers are not UTF-8 text"))
            })
            .and_then(|json| profile::decode(&json)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_matches_known_vectors() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64url_encode(plain.as_bytes()), coded);
            assert_eq!(base64url_decode(coded).unwrap(), plain.as_bytes());
        }
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(base64url_decode("+/8=").unwrap(), vec![0xfb, 0xff]);
        assert_eq!(base64url_decode("Z"), None);
        assert_eq!(base64url_decode("Zm9v!"), None);
    }

    #[test]
    fn fragment_round_trips_and_names_faults() {
        let p = Profile::default();
        assert_eq!(decode(&encode(&p)), Some(Ok(p)));
        assert_eq!(decode("#desk"), None);
        assert_eq!(decode(""), None);
        let e = decode("#profile=%%%").unwrap().unwrap_err();
        assert_eq!(
            e.to_string(),
            "fragment: the link's answers are not valid base64url"
        );
        let e = decode(&format!(
            "#desk&profile={}",
            base64url_encode(br#"{"members":[{"age":200,"sex":"male"}]}"#)
        ))
        .unwrap()
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "members[0].age: must be a whole number from 0 to 130"
        );
    }
}
