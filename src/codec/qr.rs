//! A link as a QR code, drawn as one SVG path so the page builds it from elements, never from
//! an HTML string.

use qrcodegen::{QrCode, QrCodeEcc};

/// A QR code ready to draw: `size` modules a side (quiet zone included) and the path of the
/// dark modules in module units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrPath {
    pub size: usize,
    pub d: String,
}

/// The margin of light modules the standard asks for around the code.
pub const QUIET_ZONE: usize = 4;

/// Encodes text in byte mode at error correction M (L where M cannot hold it); `None` where
/// it is too long for any QR code.
pub fn encode(text: &str) -> Option<QrPath> {
    let code = QrCode::encode_binary(text.as_bytes(), QrCodeEcc::Medium)
        .or_else(|_| QrCode::encode_binary(text.as_bytes(), QrCodeEcc::Low))
        .ok()?;
    let width = usize::try_from(code.size()).ok()?;
    let dark = |x: usize, y: usize| code.get_module(x as i32, y as i32);
    let mut d = String::with_capacity(width * width);
    for y in 0..width {
        let mut x = 0;
        while x < width {
            if dark(x, y) {
                let start = x;
                while x < width && dark(x, y) {
                    x += 1;
                }
                // One rectangle per horizontal run of dark modules.
                d.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start + QUIET_ZONE,
                    y + QUIET_ZONE,
                    x - start,
                    x - start
                ));
            } else {
                x += 1;
            }
        }
    }
    Some(QrPath {
        size: width + 2 * QUIET_ZONE,
        d,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_becomes_a_code_with_finder_patterns() {
        let qr = encode("https://example.org/#profile=eyJtZW1iZXJzIjpbXX0").unwrap();
        assert!(qr.size >= 21 + 2 * QUIET_ZONE);
        // The top-left finder pattern's first row is a run of 7 dark modules.
        assert!(qr
            .d
            .starts_with(&format!("M{q} {q}h7v1h-7z", q = QUIET_ZONE)));
    }

    #[test]
    fn too_long_is_none_not_a_panic() {
        assert!(encode(&"x".repeat(8000)).is_none());
    }
}
