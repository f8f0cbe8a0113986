//! Parsing alias strings (docs/gazetteers.md): stripping, globs (`Kenyan*`), escaped stars (`\*`) and the
//! "must hold a letter or digit" rule.

use super::chars::is_letter_or_digit;
use super::error::AliasProblem;

/// Longest alias (or ignore phrase, or context-rule phrase) accepted, in characters after
/// stripping. Matching walks the automaton from every word start for at most the longest
/// pattern, so this bound keeps its time linear in the text whatever the gazetteer: at most
/// this many automaton steps per word start (one alias of a megabyte over ten megabytes of
/// near-matches took hours). The longest alias of the built-in gazetteers has 193 characters.
pub const MAX_ALIAS_CHARS: usize = 256;

/// An alias after parsing: the literal text to match and whether it is a glob.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedAlias {
    /// The literal text (whitespace-stripped, escapes removed, glob star removed).
    pub literal: String,
    /// A trailing `*`: the mention extends to the end of the word.
    pub glob: bool,
}

/// Parses one alias string.
///
/// # Errors
/// [`AliasProblem`] when the alias is empty, holds no letter or digit, has a `*` elsewhere than
/// at its end, or is longer than [`MAX_ALIAS_CHARS`] characters.
///
/// # Examples
/// ```
/// use gazetta::core::alias::parse_alias;
/// let a = parse_alias("  Kenyan* ").unwrap();
/// assert_eq!((a.literal.as_str(), a.glob), ("Kenyan", true));
/// let b = parse_alias(r"Yahoo\*").unwrap();
/// assert_eq!((b.literal.as_str(), b.glob), ("Yahoo*", false));
/// assert!(parse_alias("Ken*ya").is_err());
/// assert!(parse_alias(" -- ").is_err());
/// ```
pub fn parse_alias(raw: &str) -> Result<ParsedAlias, AliasProblem> {
    let s = raw.trim();
    // Stripped characters, less a glob star and escape backslashes, would still be too many.
    let n = s.chars().count();
    if n > MAX_ALIAS_CHARS + 1 + s.matches("\\*").count() {
        return Err(AliasProblem::TooLong { chars: n });
    }
    let chars: Vec<char> = s.chars().collect();
    let mut literal = String::with_capacity(s.len());
    let mut glob = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && i + 1 < chars.len() && chars[i + 1] == '*' {
            literal.push('*');
            i += 2;
            continue;
        }
        if c == '*' {
            if i + 1 == chars.len() {
                glob = true;
                i += 1;
                continue;
            }
            return Err(AliasProblem::MisplacedStar { position: i });
        }
        literal.push(c);
        i += 1;
    }
    // `Kenyan *` would leave a trailing space before the star: strip again.
    let literal = literal.trim().to_string();
    if literal.is_empty() {
        return Err(AliasProblem::Empty);
    }
    if !literal.chars().any(is_letter_or_digit) {
        return Err(AliasProblem::NoLetterOrDigit);
    }
    let n = literal.chars().count();
    if n > MAX_ALIAS_CHARS {
        return Err(AliasProblem::TooLong { chars: n });
    }
    Ok(ParsedAlias { literal, glob })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_and_escapes() {
        assert_eq!(parse_alias("Kenyan*").unwrap(), ParsedAlias { literal: "Kenyan".into(), glob: true });
        assert_eq!(parse_alias("A\\*B").unwrap(), ParsedAlias { literal: "A*B".into(), glob: false });
        assert_eq!(parse_alias("*Kenya"), Err(AliasProblem::MisplacedStar { position: 0 }));
        assert_eq!(parse_alias(""), Err(AliasProblem::Empty));
        assert_eq!(parse_alias("*"), Err(AliasProblem::Empty));
        assert_eq!(parse_alias("..."), Err(AliasProblem::NoLetterOrDigit));
        assert_eq!(parse_alias("ʼʼ"), Err(AliasProblem::NoLetterOrDigit));
        assert!(parse_alias("G7").is_ok());
    }

    #[test]
    fn length_limit() {
        let max = "a".repeat(MAX_ALIAS_CHARS);
        assert!(parse_alias(&max).is_ok());
        assert!(parse_alias(&format!("  {max}*  ")).is_ok());
        assert_eq!(parse_alias(&format!("{max}b")), Err(AliasProblem::TooLong { chars: MAX_ALIAS_CHARS + 1 }));
        assert_eq!(parse_alias(&"北".repeat(1_000_000)), Err(AliasProblem::TooLong { chars: 1_000_000 }));
        // escaped stars count once each
        let stars = "\\*".repeat(MAX_ALIAS_CHARS - 1);
        assert_eq!(parse_alias(&format!("a{stars}")).unwrap().literal.chars().count(), MAX_ALIAS_CHARS);
    }
}
