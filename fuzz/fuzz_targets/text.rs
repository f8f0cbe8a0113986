//! Fuzz target `text`: the transcoding of a Python str's code units to UTF-8
//! (`core::text::Text::as_str`: Latin-1, UCS-2 with lone surrogates, UCS-4 with surrogates and
//! values past U+10FFFF), which `Matcher.mentions` and `cooccurrence` workers run on every str
//! that is not ASCII.
//!
//! Checks: each kind gives exactly the char-by-char restatement (each code unit one char, an
//! invalid one U+FFFD), so code-point offsets into the output are those of the str; `utf8()`
//! borrows exactly the texts that `as_str` does not transcode; a reused buffer gives the same
//! result.
#![no_main]

use gazetta::core::text::{DocText, Text};
use libfuzzer_sys::fuzz_target;

fn reference(units: impl Iterator<Item = u32>) -> String {
    units.map(|u| char::from_u32(u).unwrap_or('\u{FFFD}')).collect()
}

fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else { return };
    let mut buf = String::from("stale text");
    match kind % 3 {
        0 => {
            let t = Text::Latin1(rest);
            let want = reference(rest.iter().map(|&b| b as u32));
            assert_eq!(t.as_str(&mut buf), want);
            assert_eq!(t.utf8().is_some(), rest.is_ascii());
        }
        1 => {
            // Mostly ASCII units (as news is), with any unit where the byte's top bit says so.
            let u: Vec<u16> = rest
                .chunks_exact(2)
                .map(|p| if p[0] & 0x80 == 0 { (p[0] & 0x7F) as u16 } else { u16::from_le_bytes([p[0], p[1]]) })
                .collect();
            let t = Text::Ucs2(&u);
            let want = reference(u.iter().map(|&x| x as u32));
            assert_eq!(t.as_str(&mut buf), want);
            assert_eq!(t.as_str(&mut buf).chars().count(), u.len());
            assert!(t.utf8().is_none());
        }
        _ => {
            let u: Vec<u32> = rest
                .chunks_exact(4)
                .map(|p| if p[0] & 0x80 == 0 { (p[0] & 0x7F) as u32 } else { u32::from_le_bytes([p[0], p[1], p[2], p[3]]) >> (p[1] % 12) })
                .collect();
            let t = Text::Ucs4(&u);
            let want = reference(u.iter().copied());
            assert_eq!(t.as_str(&mut buf), want);
            assert!(t.utf8().is_none());
        }
    }
});
