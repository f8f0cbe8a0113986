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
/// truncated or corrupt content, or a structure that [`MatcherSpec::validate`] rejects (an
/// index out of range, lengths that disagree, ...). JSON nested deeper than 128 levels is
/// corrupt (serde_json's recursion limit), so no input can exhaust the stack.
///
/// # Examples
/// ```
/// use gazetta::core::{persist, MatcherSpec};
/// let b = persist::to_bytes(&MatcherSpec::default()).unwrap();
/// assert_eq!(persist::from_bytes(&b).unwrap(), MatcherSpec::default());
/// assert!(persist::from_bytes(b"garbage").is_err());
/// assert!(persist::from_bytes(&b[..b.len() / 2]).is_err());
/// let bad = br#"{"format":"gazetta-matcher","version":1,"spec":{"ids":["X"],"names":["X"],"kinds":[""],
///   "aliases":[{"text":"X","entity":4294967295}],"ignore":[],"options":{"case":"smart","fold_accents":false,
///   "overlaps":"longest","ambiguous":"resolve"}}}"#;
/// assert!(persist::from_bytes(bad).unwrap_err().to_string().contains("spec.aliases[0].entity"));
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
    // The whole structure, before anything is built from it: a crafted file is an error
    // naming the field, never a matcher that misbehaves later.
    data.spec.validate().map_err(|e| Error::Persist(format!("invalid matcher file: {e}")))?;
    Ok(data.spec)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(spec: &str) -> Vec<u8> {
        format!(
            r#"{{"format":"gazetta-matcher","version":1,"spec":{{"options":{{"case":"smart","fold_accents":false,"overlaps":"longest","ambiguous":"resolve"}},"ignore":[],{spec}}}}}"#
        )
        .into_bytes()
    }

    #[test]
    fn crafted_files_name_the_field() {
        let ok = r#""ids":["A","B"],"names":["A","B"],"kinds":["",""],"aliases":[{"text":"Aa","entity":0},{"text":"Bb","entity":1}]"#;
        assert!(from_bytes(&file(ok)).is_ok());
        // One rule shared by several entities: each entity's matches obey it.
        let shared = r#""ids":["A","B"],"names":["A","B"],"kinds":["",""],"aliases":[{"text":"Aa","entity":0},{"text":"Bb","entity":1}],"rules":[{"entities":[0,1],"person_after":["Mr"]}]"#;
        let m = crate::core::Matcher::new(from_bytes(&file(shared)).unwrap()).unwrap();
        let ents = |t: &str| m.find(t).iter().map(|x| x.entity).collect::<Vec<_>>();
        assert_eq!(ents("Aa Bb"), vec![0, 1]);
        assert_eq!(ents("Mr Aa, Bb; Aa"), vec![1]);
        assert_eq!(ents("Mr Bb. Bb and Aa"), vec![1, 0]);
        let cases = [
            (r#""ids":["A"],"names":[],"kinds":[""],"aliases":[]"#, "spec.names"),
            (r#""ids":["A","A"],"names":["A","A"],"kinds":["",""],"aliases":[]"#, "spec.ids[1]: duplicate"),
            (r#""ids":["A"],"names":["A"],"kinds":[""],"aliases":[{"text":"A","entity":4294967295}]"#, "spec.aliases[0].entity"),
            (r#""ids":["A"],"names":["A"],"kinds":[""],"aliases":[{"text":"A","entity":1}]"#, "spec.aliases[0].entity"),
            (r#""ids":["A","B"],"names":["A","B"],"kinds":["",""],"aliases":[],"parents":[1]"#, "spec.parents: 1 entries"),
            (r#""ids":["A","B"],"names":["A","B"],"kinds":["",""],"aliases":[],"parents":[7,4294967295]"#, "spec.parents[0]"),
            (r#""ids":["A","B"],"names":["A","B"],"kinds":["",""],"aliases":[],"parents":[1,0]"#, "cycle"),
            (r#""ids":["A"],"names":["A"],"kinds":[""],"aliases":[],"parents":[0]"#, "own parent"),
            (r#""ids":["A"],"names":["A"],"kinds":[""],"aliases":[],"priors":[-1.0]"#, "spec.priors[0]"),
            (r#""ids":["A"],"names":["A"],"kinds":[""],"aliases":[],"priors":[1.0, 2.0]"#, "spec.priors: 2"),
            (r#""ids":["A"],"names":["A"],"kinds":[""],"aliases":[],"prior_ratio":0.5"#, "spec.prior_ratio"),
            (r#""ids":["A"],"names":["A"],"kinds":[""],"aliases":[],"rules":[{"entity":3,"not_before":["x"]}]"#, "spec.rules[0]"),
            (r#""ids":["A"],"names":["A"],"kinds":[""],"aliases":[],"rules":[{"not_before":["x"]}]"#, "spec.rules[0]"),
            (r#""ids":["A"],"names":["A"],"kinds":[""],"aliases":[],"rules":[{"entity":0}]"#, "no phrase"),
            (r#""ids":["A"],"names":["A"],"kinds":[""],"aliases":[],"rules":[{"entity":0,"not_before":["x"]},{"entity":0,"not_after":["y"]}]"#, "second rule"),
            (r#""ids":["A","B"],"names":["A","B"],"kinds":["",""],"aliases":[],"rules":[{"entities":[0,2],"not_before":["x"]}]"#, "spec.rules[0]"),
            (r#""ids":["A","B"],"names":["A","B"],"kinds":["",""],"aliases":[],"rules":[{"entity":0,"entities":[1],"not_before":["x"]}]"#, "spec.rules[0]"),
            (r#""ids":["A","B"],"names":["A","B"],"kinds":["",""],"aliases":[],"rules":[{"entities":[0,1],"not_before":["x"]},{"entity":1,"not_after":["y"]}]"#, "second rule"),
            (r#""ids":["A","B"],"names":["A","B"],"kinds":["",""],"aliases":[],"rules":[{"entities":[1,1],"person_after":["x"]}]"#, "second rule"),
            (r#""ids":["A"],"names":["A"],"kinds":[""],"aliases":[],"extra":"[1]""#, "spec.extra"),
            (r#""ids":["A"],"names":["A"],"kinds":[""],"aliases":[],"extra":"{\"a\":""#, "spec.extra"),
        ];
        for (spec, want) in cases {
            let e = from_bytes(&file(spec)).unwrap_err().to_string();
            assert!(e.contains(want), "{spec}: {e}");
        }
        let deep = format!(r#""ids":[],"names":[],"kinds":[],"aliases":[],"extra":"{{\"a\":{}1{}}}""#, "[".repeat(100), "]".repeat(100));
        assert!(from_bytes(&file(&deep)).unwrap_err().to_string().contains("spec.extra"));
        // Deep nesting anywhere is an error, never a stack overflow.
        let mut nested = b"{\"format\":\"gazetta-matcher\",\"version\":1,\"x\":".to_vec();
        nested.extend(std::iter::repeat(b'[').take(100_000));
        assert!(from_bytes(&nested).is_err());
    }
}
