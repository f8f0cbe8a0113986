//! The saved-matcher format: a versioned JSON document holding the [`MatcherSpec`] (gazetteer,
//! ignore phrases, options). The automaton is rebuilt on load (the aho-corasick crate does not
//! serialise automata on purpose, and rebuilding keeps files small and safe to read).
//!
//! ```text
//! {"format": "gazetta-matcher", "version": 1, "spec": {...}}
//! ```

use serde::{Deserialize, Serialize};

use super::error::{Error, Result};
use super::matcher::MatcherSpec;

/// Format tag written into every file.
pub const FORMAT: &str = "gazetta-matcher";
/// Current format version. Files of another version are rejected with a clear error.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Out<'a> {
    format: &'static str,
    version: u32,
    spec: &'a MatcherSpec,
}

#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    version: Option<u32>,
}

#[derive(Deserialize)]
struct In {
    spec: MatcherSpec,
}

/// Serialises a spec.
///
/// # Errors
/// [`Error::Persist`] if serialisation fails (it does not for valid specs).
pub fn to_bytes(spec: &MatcherSpec) -> Result<Vec<u8>> {
    serde_json::to_vec(&Out { format: FORMAT, version: VERSION, spec }).map_err(|e| Error::Persist(e.to_string()))
}

/// Reads a spec, checking format and version first.
///
/// # Errors
/// [`Error::Persist`] naming the problem: not a gazetta matcher file, another version,
/// truncated or corrupt content.
///
/// # Examples
/// ```
/// use gazetta::core::{persist, MatcherSpec};
/// let b = persist::to_bytes(&MatcherSpec::default()).unwrap();
/// assert_eq!(persist::from_bytes(&b).unwrap(), MatcherSpec::default());
/// assert!(persist::from_bytes(b"garbage").is_err());
/// assert!(persist::from_bytes(&b[..b.len() / 2]).is_err());
/// ```
pub fn from_bytes(bytes: &[u8]) -> Result<MatcherSpec> {
    let header: Header = serde_json::from_slice(bytes).map_err(|e| {
        if e.is_eof() {
            Error::Persist(format!("the file is truncated ({e})"))
        } else {
            Error::Persist(format!("not a gazetta matcher file ({e})"))
        }
    })?;
    if header.format.as_deref() != Some(FORMAT) {
        return Err(Error::Persist(format!(
            "not a gazetta matcher file (format tag {:?}, expected {FORMAT:?})",
            header.format
        )));
    }
    match header.version {
        Some(VERSION) => {}
        Some(v) => {
            return Err(Error::Persist(format!(
                "the file has format version {v}; this gazetta reads version {VERSION} (save it again with the gazetta that wrote it, or rebuild the matcher from its gazetteer)"
            )))
        }
        None => return Err(Error::Persist("the file has no format version".into())),
    }
    let data: In = serde_json::from_slice(bytes).map_err(|e| Error::Persist(format!("corrupt matcher file ({e})")))?;
    Ok(data.spec)
}
