//! Documents in the fixed-width storage a host language may keep them in, turned into UTF-8
//! by the worker thread that processes them.
//!
//! CPython stores a `str` as Latin-1, UCS-2 or UCS-4 code units (PEP 393) and makes its UTF-8
//! form only on request, under the interpreter lock, caching it in the object for the rest of
//! its life. A batch of fresh, non-ASCII strings would thus be encoded serially before the
//! parallel work starts, and would keep a second copy of every text. [`Text`] lets the binding
//! hand over the code units instead: each worker transcodes its documents into one reused
//! buffer ([`DocText::as_str`]), in parallel, and nothing is cached.
//!
//! Every code unit becomes exactly one `char`, so code-point offsets are those of the host
//! string; lone surrogates (possible in a Python `str`, not in UTF-8) become U+FFFD.

use super::bytescan;

/// Something that can be read as a `&str` (the documents of a batch).
pub trait DocText: Sync {
    /// The document as UTF-8: borrowed from `self` where it already is UTF-8, else
    /// transcoded into `buf` (cleared first).
    fn as_str<'b>(&'b self, buf: &'b mut String) -> &'b str;

    /// About how much work the document is: its length in bytes or code units.
    fn size_hint(&self) -> usize;

    /// Asks the CPU to start loading the document into its caches (a hint, called on the
    /// next document of a batch while this one is processed; see [`bytescan::prefetch`]).
    /// Does nothing unless implemented.
    fn prefetch(&self) {}

    /// The document as UTF-8 borrowed from `self` (for as long as `self` is), when it is
    /// stored so and [`DocText::as_str`] would not transcode it; `None` otherwise (the
    /// default).
    fn utf8(&self) -> Option<&str> {
        None
    }
}

impl DocText for &str {
    #[inline]
    fn as_str<'b>(&'b self, _buf: &'b mut String) -> &'b str {
        self
    }

    fn size_hint(&self) -> usize {
        self.len()
    }

    #[inline]
    fn prefetch(&self) {
        bytescan::prefetch(self.as_bytes(), bytescan::PREFETCH_BYTES);
    }

    #[inline]
    fn utf8(&self) -> Option<&str> {
        Some(self)
    }
}

/// A document's code units.
#[derive(Clone, Copy, Debug)]
pub enum Text<'a> {
    /// Already UTF-8.
    Utf8(&'a str),
    /// Code points U+0000..=U+00FF, one byte each.
    Latin1(&'a [u8]),
    /// Code points of the Basic Multilingual Plane, one `u16` each (surrogates included).
    Ucs2(&'a [u16]),
    /// Any code points, one `u32` each.
    Ucs4(&'a [u32]),
}

impl Text<'_> {
    /// Number of code points (the host string's length).
    pub fn char_len(&self) -> usize {
        match self {
            Text::Utf8(s) => s.chars().count(),
            Text::Latin1(b) => b.len(),
            Text::Ucs2(u) => u.len(),
            Text::Ucs4(u) => u.len(),
        }
    }
}

impl DocText for Text<'_> {
    fn size_hint(&self) -> usize {
        match self {
            Text::Utf8(s) => s.len(),
            Text::Latin1(b) => b.len(),
            Text::Ucs2(u) => u.len(),
            Text::Ucs4(u) => u.len(),
        }
    }

    #[inline]
    fn prefetch(&self) {
        use bytescan::{prefetch, PREFETCH_BYTES};
        match self {
            Text::Utf8(s) => prefetch(s.as_bytes(), PREFETCH_BYTES),
            Text::Latin1(b) => prefetch(b, PREFETCH_BYTES),
            Text::Ucs2(u) => prefetch(u, PREFETCH_BYTES),
            Text::Ucs4(u) => prefetch(u, PREFETCH_BYTES),
        }
    }

    #[inline]
    fn utf8(&self) -> Option<&str> {
        match *self {
            Text::Utf8(s) => Some(s),
            // SAFETY: ASCII bytes are valid UTF-8.
            Text::Latin1(b) if b.is_ascii() => Some(unsafe { std::str::from_utf8_unchecked(b) }),
            _ => None,
        }
    }

    /// Transcodes a str's code units into `buf` (UTF-8 is borrowed as it is; each code unit
    /// is one char, a surrogate U+FFFD).
    ///
    /// # Examples
    /// ```
    /// use gazetta::core::text::{DocText, Text};
    /// let mut buf = String::new();
    /// assert_eq!(Text::Latin1(b"caf\xe9 \xa35").as_str(&mut buf), "café £5");
    /// let units: Vec<u16> = "Pyongyang’s".encode_utf16().collect();
    /// assert_eq!(Text::Ucs2(&units).as_str(&mut buf), "Pyongyang’s");
    /// assert_eq!(Text::Ucs2(&[0x61, 0xD800, 0x62]).as_str(&mut buf), "a\u{FFFD}b");
    /// ```
    fn as_str<'b>(&'b self, buf: &'b mut String) -> &'b str {
        match *self {
            Text::Utf8(s) => s,
            Text::Latin1(b) => {
                if b.is_ascii() {
                    // SAFETY: ASCII bytes are valid UTF-8 (one check, not a second UTF-8 pass).
                    return unsafe { std::str::from_utf8_unchecked(b) };
                }
                buf.clear();
                buf.reserve(b.len() + b.len() / 4);
                latin1_into(b, buf);
                buf
            }
            Text::Ucs2(u) => {
                buf.clear();
                buf.reserve(u.len() + u.len() / 2);
                ascii_run_then(u, buf, |x| char::from_u32(x as u32));
                buf
            }
            Text::Ucs4(u) => {
                buf.clear();
                buf.reserve(u.len() + u.len() / 2);
                ascii_run_then(u, buf, char::from_u32);
                buf
            }
        }
    }
}

/// Appends Latin-1 `b` as UTF-8: runs of ASCII bytes are copied as they are.
fn latin1_into(b: &[u8], out: &mut String) {
    let mut i = 0;
    while i < b.len() {
        let run = b[i..].iter().position(|&x| x >= 0x80).map_or(b.len(), |k| i + k);
        // SAFETY: `b[i..run]` holds only bytes below 0x80 (`position` stopped at the first
        // other one), and ASCII bytes are valid UTF-8.
        out.push_str(unsafe { std::str::from_utf8_unchecked(&b[i..run]) });
        if run < b.len() {
            out.push(b[run] as char);
        }
        i = run + 1;
    }
}

/// Appends code units as UTF-8: ASCII units as bytes, others through `to_char` (`None`, a
/// surrogate, gives U+FFFD). Runs of ASCII are copied [`ASCII_BLOCK`] units at a time (one
/// test per block, a narrowing copy the compiler vectorises): news in UCS-2 (a str holding a
/// typographic apostrophe or dash) is mostly such runs.
#[inline]
fn ascii_run_then<T: Copy + Into<u32>>(units: &[T], out: &mut String, to_char: impl Fn(T) -> Option<char>) {
    // Bytes are gathered in a Vec and validated once, instead of a push per char.
    let mut bytes = std::mem::take(out).into_bytes();
    let mut i = 0;
    while i < units.len() {
        while let Some(block) = units.get(i..i + ASCII_BLOCK) {
            if block.iter().fold(0u32, |acc, &x| acc | x.into()) >= 0x80 {
                break;
            }
            bytes.extend(block.iter().map(|&x| Into::<u32>::into(x) as u8));
            i += ASCII_BLOCK;
        }
        let Some(&x) = units.get(i) else { break };
        let v: u32 = x.into();
        if v < 0x80 {
            bytes.push(v as u8);
        } else {
            let c = to_char(x).unwrap_or('\u{FFFD}');
            let mut tmp = [0u8; 4];
            bytes.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
        }
        i += 1;
    }
    // SAFETY: `bytes` held a String's bytes (valid UTF-8) and every byte pushed since is an
    // ASCII byte (below 0x80, checked per unit or per block) or part of a whole char's UTF-8
    // encoding (`char::encode_utf8`), so it is valid UTF-8 (tests: `every_kind_round_trips`,
    // `ascii_blocks_round_trip`, `surrogates_become_replacement_chars`).
    *out = unsafe { String::from_utf8_unchecked(bytes) };
}

/// Code units per block of [`ascii_run_then`]'s ASCII copy.
const ASCII_BLOCK: usize = 16;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_round_trips() {
        let samples = ["", "plain ASCII", "£5 café", "Pyongyang’s “DPRK”", "北京 and 서울", "emoji 🙂 x", "\u{FFFF}\u{10FFFF}"];
        let mut buf = String::new();
        for s in samples {
            assert_eq!(Text::Utf8(s).as_str(&mut buf), s);
            let cps: Vec<u32> = s.chars().map(|c| c as u32).collect();
            assert_eq!(Text::Ucs4(&cps).as_str(&mut buf), s);
            assert_eq!(Text::Ucs4(&cps).char_len(), s.chars().count());
            if cps.iter().all(|&c| c < 0x1_0000) {
                let u: Vec<u16> = cps.iter().map(|&c| c as u16).collect();
                assert_eq!(Text::Ucs2(&u).as_str(&mut buf), s);
            }
            if cps.iter().all(|&c| c < 0x100) {
                let b: Vec<u8> = cps.iter().map(|&c| c as u8).collect();
                assert_eq!(Text::Latin1(&b).as_str(&mut buf), s);
            }
        }
    }

    /// Runs of ASCII longer and shorter than a block, non-ASCII at every position of a
    /// block, surrogates among them: the same as encoding char by char.
    #[test]
    fn ascii_blocks_round_trip() {
        let mut buf = String::new();
        for len in [0usize, 1, 15, 16, 17, 31, 32, 33, 100] {
            for (at, tail) in (0..len.min(40)).flat_map(|at| [(at, "’xyz é 北京 — tail of text"), (at, "é 🙂 x")]) {
                let mut s: String = (0..len).map(|k| (b'a' + (k % 26) as u8) as char).collect();
                s.replace_range(s.char_indices().nth(at).map(|(i, _)| i).unwrap_or(0).., tail);
                let u16s: Vec<u16> = s.encode_utf16().collect();
                if s.chars().all(|c| (c as u32) < 0x1_0000) {
                    assert_eq!(Text::Ucs2(&u16s).as_str(&mut buf), s, "{len} {at}");
                }
                let cps: Vec<u32> = s.chars().map(|c| c as u32).collect();
                assert_eq!(Text::Ucs4(&cps).as_str(&mut buf), s, "{len} {at}");
            }
        }
        let mut u: Vec<u16> = "a".repeat(40).encode_utf16().collect();
        u[20] = 0xD800;
        let want = format!("{}\u{FFFD}{}", "a".repeat(20), "a".repeat(19));
        assert_eq!(Text::Ucs2(&u).as_str(&mut buf), want);
    }

    #[test]
    fn surrogates_become_replacement_chars() {
        let mut buf = String::new();
        assert_eq!(Text::Ucs2(&[0xDC00, 0x41]).as_str(&mut buf), "\u{FFFD}A");
        assert_eq!(Text::Ucs4(&[0x41, 0xD83D, 0xDE42]).as_str(&mut buf), "A\u{FFFD}\u{FFFD}");
        // One char per code unit: offsets stay those of the host string.
        assert_eq!(Text::Ucs4(&[0x41, 0xD83D, 0xDE42]).as_str(&mut buf).chars().count(), 3);
    }

    /// Latin-1 text: an ASCII one is borrowed as it is (no copy), ASCII runs between other
    /// characters are copied whole, and every byte is one char.
    #[test]
    fn latin1_ascii_is_borrowed_and_runs_copied() {
        let mut buf = String::new();
        let b = b"plain ASCII, \x7f and \x00";
        let t = Text::Latin1(b);
        let s = t.as_str(&mut buf);
        assert_eq!(s.as_ptr(), b.as_ptr());
        assert_eq!(s.as_bytes(), b);
        let all: Vec<u8> = (0..=255u8).collect();
        let want: String = all.iter().map(|&x| x as char).collect();
        assert_eq!(Text::Latin1(&all).as_str(&mut buf), want);
        let mixed = b"ab\xe9cd\xff\x80e";
        assert_eq!(Text::Latin1(mixed).as_str(&mut buf), "ab\u{e9}cd\u{ff}\u{80}e");
        assert_eq!(Text::Latin1(mixed).as_str(&mut buf).chars().count(), mixed.len());
    }

    /// `utf8` borrows exactly the texts that `as_str` does not transcode.
    #[test]
    fn utf8_borrows_what_is_not_transcoded() {
        let mut buf = String::new();
        let u: Vec<u16> = "a’b".encode_utf16().collect();
        let w: Vec<u32> = "a🙂".chars().map(|c| c as u32).collect();
        let texts = [Text::Utf8("x’y"), Text::Latin1(b"plain"), Text::Latin1(b"caf\xe9"), Text::Ucs2(&u), Text::Ucs4(&w)];
        for t in texts {
            match t.utf8() {
                Some(s) => assert_eq!(t.as_str(&mut buf).as_ptr(), s.as_ptr(), "{t:?}"),
                None => assert!(!matches!(t, Text::Utf8(_)) && !matches!(t, Text::Latin1(b) if b.is_ascii()), "{t:?}"),
            }
        }
        assert_eq!(DocText::utf8(&"abc"), Some("abc"));
    }

    #[test]
    fn buffer_is_reused_and_cleared() {
        let mut buf = String::from("stale");
        assert_eq!(Text::Latin1(b"\xe9").as_str(&mut buf), "é");
        assert_eq!(Text::Ucs2(&[0x62]).as_str(&mut buf), "b");
    }
}
