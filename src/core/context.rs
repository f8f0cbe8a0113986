//! Context rules: candidates removed because of the words around them, before leftmost-longest
//! resolution (user docs: `docs/resolution.md`).
//!
//! Two mechanisms:
//! - **Phrase rules** written in the gazetteer: an entity or a single alias may list phrases
//!   that must not directly follow it (`not_before`: "Georgia" not before "Power") or directly
//!   precede it (`not_after`: "America" not after "Latin"). "Directly" means separated by
//!   whitespace only, or by one hyphen or dash (with or without spaces: "Georgia-Pacific").
//!   Phrases compare like aliases (whitespace, apostrophe and dash variants, the matcher's case
//!   and accent options; a trailing `*` is a glob).
//! - **Capitalised runs** (`capitalized_runs="skip"`): a name-form candidate (its text starts
//!   with a capital and holds a lower-case letter, so not an acronym such as "U.S." or "DPRK")
//!   is removed when it stands at the start of a longer run of capitalised words that is not
//!   itself an alias ("American Psychological Association", "Georgia Power", "Dublin Road"),
//!   or after "<Capitalised word> of" ("Bank of America", "University of Georgia"). Runs that
//!   go on with a title or a government word keep the candidate ("Russian Foreign Minister
//!   Sergei Lavrov", "South Korean President Yoon", "Israeli Army"), as do "President of
//!   France" and the like. The word lists are [`RUN_KEEP_NEXT`] and [`OF_KEEP_HEAD`].
//!
//! Both only look at a few words around a candidate and cost nothing for candidates without
//! rules (one table look-up each).

use super::alias::parse_alias;
use super::chars::{is_space, is_word, map_punct, upper};
use super::error::{Error, Result};
use super::normalize::{decode_at, decode_before, normalize_str, ViewSpec};

/// A compiled phrase of a rule: normalised variants (as written, and in capitals under smart
/// case) and whether it is a glob.
#[derive(Debug, Clone)]
struct Phrase {
    variants: Vec<String>,
    glob: bool,
}

/// The compiled rules of one entity or alias.
#[derive(Debug, Clone, Default)]
pub struct Rule {
    before: Vec<Phrase>,
    after: Vec<Phrase>,
    max_len: usize,
}

/// How phrases compare: the view spec and whether capitals are also tried (smart case).
#[derive(Debug, Clone, Copy)]
pub struct PhraseCase {
    /// The normalisation (accent folding, lowercase view).
    pub spec: ViewSpec,
    /// Also accept the phrase in capitals.
    pub smart: bool,
}

impl Rule {
    /// Compiles `not_before` / `not_after` phrases. `owner` names the entity in errors.
    ///
    /// # Errors
    /// [`Error::BadAlias`] for a phrase that breaks the alias rules (empty, no letter or digit,
    /// a misplaced `*`).
    pub fn new(not_before: &[String], not_after: &[String], case: PhraseCase, owner: &str) -> Result<Rule> {
        let compile = |list: &[String]| -> Result<Vec<Phrase>> {
            list.iter()
                .enumerate()
                .map(|(i, raw)| {
                    let parsed = parse_alias(raw).map_err(|problem| Error::BadAlias {
                        text: raw.clone(),
                        entity: owner.to_string(),
                        alias_index: i,
                        problem,
                    })?;
                    let base = normalize_str(&parsed.literal, case.spec);
                    let mut variants = vec![base.clone()];
                    if case.smart {
                        let up: String = base.chars().map(upper).collect();
                        if up != base {
                            variants.push(up);
                        }
                    }
                    Ok(Phrase { variants, glob: parsed.glob })
                })
                .collect()
        };
        let before = compile(not_before)?;
        let after = compile(not_after)?;
        let max_len = before.iter().chain(after.iter()).flat_map(|p| p.variants.iter()).map(|v| v.len()).max().unwrap_or(0);
        Ok(Rule { before, after, max_len })
    }

    /// Whether the rule has no phrase at all.
    pub fn is_empty(&self) -> bool {
        self.before.is_empty() && self.after.is_empty()
    }

    /// Whether the candidate `text[start..end]` is removed by this rule.
    pub fn removes(&self, text: &str, start: usize, end: usize, spec: ViewSpec) -> bool {
        // Enough original text for the longest phrase: whitespace collapses, so take four
        // times its length plus slack, then extend to a whitespace so no word is cut.
        let span = self.max_len * 4 + 16;
        if !self.before.is_empty() {
            let mut hi = (end + span).min(text.len());
            while hi < text.len() && !text.is_char_boundary(hi) {
                hi += 1;
            }
            while hi < text.len() && is_word(decode_at(text, hi)) {
                hi += decode_at(text, hi).len_utf8();
            }
            let window = normalize_str(&text[end..hi], spec);
            let rest = skip_separator(&window);
            if self.before.iter().any(|p| p.variants.iter().any(|v| starts_with_phrase(rest, v, p.glob))) {
                return true;
            }
        }
        if !self.after.is_empty() {
            let mut lo = start.saturating_sub(span);
            while lo > 0 && !text.is_char_boundary(lo) {
                lo -= 1;
            }
            while lo > 0 && is_word(decode_before(text, lo)) {
                lo -= decode_before(text, lo).len_utf8();
            }
            let window = normalize_str(&text[lo..start], spec);
            let head = skip_separator_back(&window);
            if self.after.iter().any(|p| p.variants.iter().any(|v| ends_with_phrase(head, v, p.glob))) {
                return true;
            }
        }
        false
    }
}

/// Drops a leading separator: whitespace, or one hyphen/dash with optional whitespace around.
/// Returns "" (no phrase can follow) when anything else comes first.
fn skip_separator(s: &str) -> &str {
    let t = s.trim_start_matches(' ');
    let t = match t.strip_prefix('-') {
        Some(r) => r.trim_start_matches(' '),
        None => t,
    };
    if t.len() == s.len() {
        "" // nothing separates: the candidate's boundary already failed, or punctuation
    } else {
        t
    }
}

fn skip_separator_back(s: &str) -> &str {
    let t = s.trim_end_matches(' ');
    let t = match t.strip_suffix('-') {
        Some(r) => r.trim_end_matches(' '),
        None => t,
    };
    if t.len() == s.len() {
        ""
    } else {
        t
    }
}

fn starts_with_phrase(s: &str, p: &str, glob: bool) -> bool {
    if p.is_empty() || !s.starts_with(p) {
        return false;
    }
    if glob {
        return true;
    }
    let last = p.chars().next_back().unwrap_or(' ');
    match s[p.len()..].chars().next() {
        None => true,
        Some(next) => !(is_word(last) && is_word(next)),
    }
}

fn ends_with_phrase(s: &str, p: &str, glob: bool) -> bool {
    if p.is_empty() {
        return false;
    }
    // A glob phrase may be followed by more word characters: try each cut of the last word.
    let mut cut = s.len();
    loop {
        let head = &s[..cut];
        if let Some(before) = head.strip_suffix(p) {
            let first = p.chars().next().unwrap_or(' ');
            let ok = match before.chars().next_back() {
                None => true,
                Some(prev) => !(is_word(first) && is_word(prev)),
            };
            if ok {
                return true;
            }
        }
        if !glob || cut == 0 {
            return false;
        }
        let c = s[..cut].chars().next_back().unwrap_or(' ');
        if !is_word(c) {
            return false;
        }
        cut -= c.len_utf8();
    }
}

/// Words that may follow a name-form candidate inside a capitalised run without removing it:
/// titles and offices ("Russian Foreign Minister", "South Korean President"), and state bodies
/// whose name is about the country ("Israeli Army", "U.S. Senate").
pub const RUN_KEEP_NEXT: &[&str] = &[
    "Acting", "Admiral", "Air", "Ambassador", "Ambassadors", "Armed", "Army", "Attorney", "Authorities", "Cabinet",
    "Capt", "Captain", "Central", "Chancellor", "Chief", "Coast", "Col", "Colonel", "Commander", "Commerce",
    "Communist", "Congress", "Congressman", "Congresswoman", "Consul", "Consulate", "Crown", "Customs", "Defence",
    "Defense", "Deputy", "Dictator", "Economy", "Education", "Embassy", "Emperor", "Energy", "Environment",
    "Finance", "Foreign", "Forces", "Former", "Gen", "General", "Government", "Gov", "Governor", "Health", "Home",
    "Interior", "Justice", "King", "Labor", "Labour", "Leader", "Lieutenant", "Lt", "Maj", "Major", "Marine",
    "Marines", "Military", "Minister", "Ministers", "Ministry", "Mission", "Monarch", "Navy", "Officials", "PM",
    "Parliament", "Police", "Premier", "President", "Presidential", "Prime", "Prince", "Princess", "Queen",
    "Rep", "Representative", "Secretary", "Security", "Sen", "Senate", "Senator", "Sergeant", "Sgt", "Speaker",
    "State", "Supreme", "Treasury", "Trade", "Vice",
];

/// Words that, before "of", keep a candidate that follows ("President of France", "Republic of
/// Georgia", "Government of India"); other capitalised words before "of" remove it ("Bank of
/// America", "University of Georgia").
pub const OF_KEEP_HEAD: &[&str] = &[
    "Ambassador", "Citizens", "Embassy", "Emir", "Government", "Governments", "Governor", "King", "Kingdom",
    "Minister", "Ministry", "Parliament", "People", "President", "Prime", "Queen", "Republic", "State", "States",
    "Sultan", "Sultanate",
];

/// Whether a word is capitalised (starts with an upper- or titlecase letter).
fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The word after byte `p` (after whitespace without a blank line), if the first thing there
/// is a word character.
fn next_word(text: &str, mut p: usize) -> Option<&str> {
    let mut newlines = 0;
    let mut moved = false;
    while p < text.len() {
        let c = decode_at(text, p);
        if !is_space(c) {
            break;
        }
        if c == '\n' {
            newlines += 1;
            if newlines > 1 {
                return None;
            }
        }
        moved = true;
        p += c.len_utf8();
    }
    if !moved || p >= text.len() {
        return None;
    }
    let s = p;
    while p < text.len() && is_word(map_punct(decode_at(text, p))) {
        p += decode_at(text, p).len_utf8();
    }
    (p > s).then(|| &text[s..p])
}

/// The word before byte `p` (before whitespace without a blank line).
fn prev_word(text: &str, mut p: usize) -> Option<(&str, usize)> {
    let mut newlines = 0;
    let mut moved = false;
    while p > 0 {
        let c = decode_before(text, p);
        if !is_space(c) {
            break;
        }
        if c == '\n' {
            newlines += 1;
            if newlines > 1 {
                return None;
            }
        }
        moved = true;
        p -= c.len_utf8();
    }
    if !moved || p == 0 {
        return None;
    }
    let e = p;
    while p > 0 && is_word(decode_before(text, p)) {
        p -= decode_before(text, p).len_utf8();
    }
    (p < e).then(|| (&text[p..e], p))
}

/// Whether the candidate `text[start..end]` stands inside a capitalised run (see the module
/// docs).
pub fn in_capitalized_run(text: &str, start: usize, end: usize) -> bool {
    let surface = &text[start..end];
    // Name-form only: starts with a capital and holds a lower-case letter.
    if !capitalised(surface) || !surface.chars().any(|c| c.is_lowercase()) {
        return false;
    }
    if let Some(w) = next_word(text, end) {
        if capitalised(w) && w.chars().any(|c| c.is_lowercase()) && !RUN_KEEP_NEXT.contains(&w) {
            return true;
        }
    }
    if let Some((w, p)) = prev_word(text, start) {
        if w == "of" {
            if let Some((head, _)) = prev_word(text, p) {
                if capitalised(head) && head.chars().any(|c| c.is_lowercase()) && !OF_KEEP_HEAD.contains(&head) {
                    return true;
                }
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: PhraseCase = PhraseCase { spec: ViewSpec { fold: false, lower: false }, smart: true };

    fn rule(before: &[&str], after: &[&str]) -> Rule {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        Rule::new(&s(before), &s(after), PLAIN, "X").unwrap()
    }

    fn removed(r: &Rule, text: &str, surface: &str) -> bool {
        let s = text.find(surface).unwrap();
        r.removes(text, s, s + surface.len(), PLAIN.spec)
    }

    #[test]
    fn phrase_rules() {
        let r = rule(&["Power", "Pacific", "Bulldog*"], &["Latin", "New"]);
        assert!(removed(&r, "shares of Georgia Power rose", "Georgia"));
        assert!(removed(&r, "Georgia  POWER", "Georgia"));
        assert!(removed(&r, "Georgia-Pacific said", "Georgia"));
        assert!(removed(&r, "the Georgia Bulldogs won", "Georgia"));
        assert!(!removed(&r, "Georgia Powers", "Georgia"));
        assert!(!removed(&r, "Georgia, Power", "Georgia"));
        assert!(!removed(&r, "Georgia power", "Georgia"));
        assert!(removed(&r, "in Latin\nAmerica", "America"));
        assert!(!removed(&r, "in Latina America", "America"));
        assert!(!removed(&r, "Latin. America", "America"));
        assert!(removed(&r, "New-Mexico", "Mexico"));
        assert!(!removed(&r, "Mexico", "Mexico"));
    }

    #[test]
    fn glob_after() {
        let r = rule(&[], &["Latin*"]);
        assert!(removed(&r, "Latinos America", "America"));
        assert!(removed(&r, "Latin America", "America"));
        assert!(!removed(&r, "XLatin America", "America"));
    }

    #[test]
    fn bad_phrase_is_an_error() {
        assert!(Rule::new(&["--".to_string()], &[], PLAIN, "GE").is_err());
        assert!(Rule::new(&["Po*wer".to_string()], &[], PLAIN, "GE").is_err());
    }

    fn run(text: &str, surface: &str) -> bool {
        let s = text.find(surface).unwrap();
        in_capitalized_run(text, s, s + surface.len())
    }

    #[test]
    fn capitalised_runs() {
        assert!(run("the American Psychological Association said", "American"));
        assert!(run("Georgia Power raised rates", "Georgia"));
        assert!(run("at 6016 Dublin Road that", "Dublin"));
        assert!(run("Georgia Stevens, 12, won", "Georgia"));
        assert!(run("the Bank of America tower", "America"));
        assert!(run("the University of Georgia campus", "Georgia"));
        assert!(!run("Russian Foreign Minister Sergei Lavrov said", "Russian"));
        assert!(!run("South Korean President Yoon said", "South Korean"));
        assert!(!run("the U.S.-led coalition", "U.S."));
        assert!(!run("the U.S. Army", "U.S."));
        assert!(!run("the President of France said", "France"));
        assert!(!run("people of Georgia", "Georgia"));
        assert!(!run("in Georgia. The state", "Georgia"));
        assert!(!run("in Georgia\n\nThe state", "Georgia"));
        assert!(!run("Georgia's governor", "Georgia"));
        assert!(!run("Georgia and Alabama", "Georgia"));
        assert!(!run("visited Georgia", "Georgia"));
    }
}
