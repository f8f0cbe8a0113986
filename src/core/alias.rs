//! Parsing alias strings (docs/gazetteers.md): stripping, globs (`Kenyan*`), escaped stars (`\*`) and the
//! "must hold a letter or digit" rule.

use super::chars::is_letter_or_digit;
use super::error::AliasProblem;

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
/// [`AliasProblem`] when the alias is empty, holds no letter or digit, or has a `*` elsewhere than
/// at its end.
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
}
