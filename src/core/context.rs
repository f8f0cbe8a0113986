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

use rustc_hash::{FxHashMap, FxHashSet};

use super::alias::parse_alias;
use super::chars::{is_mark, is_space, is_word, map_punct, upper};
use super::error::{Error, Result};
use super::normalize::{decode_at, decode_before, normalize_str, ViewSpec};

/// A compiled phrase of a rule: normalised variants (as written, and in capitals under smart
/// case) and whether it is a glob.
#[derive(Debug, Clone)]
struct Phrase {
    variants: Vec<String>,
    glob: bool,
    /// A `person_after` phrase: a candidate after it is part of a person's name.
    person: bool,
}

/// What a rule says about one candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    /// No phrase of the rule stands beside it.
    Keep,
    /// A `not_before` / `not_after` phrase stands beside it: removed.
    Remove,
    /// A `person_after` phrase precedes it ("Monica French"): removed, and its text is a
    /// person's name in this document (see `Matcher::find_bytes_into`).
    Person,
}

/// The compiled rules of one entity or alias.
#[derive(Debug, Clone, Default)]
pub struct Rule {
    before: Vec<Phrase>,
    after: Vec<Phrase>,
    max_len: usize,
    /// (first character, second character, phrase, variant) of every `before` variant, sorted:
    /// a candidate is compared only with the variants that begin with the two view characters
    /// after its separator (a space stands for any whitespace; a one-character variant is
    /// listed with [`ANY_NEXT`] as its second character and compared whatever follows).
    before_first: Vec<(char, char, u32, u32)>,
    /// (last character, character before it, phrase, variant) of every `after` variant,
    /// sorted likewise; a glob phrase is listed under ('\0', '\0') and always compared (it
    /// may end in any word character).
    after_last: Vec<(char, char, u32, u32)>,
    /// The range of `before_first` (`after_last`) holding each (key, key 2): one hash look-up
    /// per bucket instead of binary searches, whose mispredicted branches cost more than the
    /// comparisons they save.
    before_ranges: FxHashMap<(char, char), (u32, u32)>,
    after_ranges: FxHashMap<(char, char), (u32, u32)>,
    /// The first characters of the `before` variants, the last ones of the `after` variants.
    before_chars: FxHashSet<char>,
    after_chars: FxHashSet<char>,
    /// Whether some `after` phrase is a `person_after` one.
    has_person: bool,
    /// The `after` variants that are one word (word characters only, no glob), by the hash of
    /// their characters ([`word_hash`]): the word before a candidate is looked up once, however
    /// many such phrases there are (a list of 1,400 given names), instead of being compared
    /// with a bucket of them. The other `after` variants are in `after_last`.
    after_words: FxHashMap<u64, Vec<(u32, u32)>>,
}

/// The hash of a sequence of view characters (the key of [`Rule`]'s word index).
fn word_hash(chars: impl Iterator<Item = char>) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    for c in chars {
        h.write_u32(c as u32);
    }
    h.finish()
}

/// The hash of the word that ends at byte `q` (its characters in the view: punctuation
/// mapped, lower-cased with `lower`), if a word ends there.
fn word_before_hash(text: &str, q: usize, lower: bool) -> Option<u64> {
    let mut p = q;
    while p > 0 {
        let c = decode_before(text, p);
        if !is_word(map_punct(c)) {
            break;
        }
        p -= c.len_utf8();
    }
    (p < q).then(|| {
        word_hash(text[p..q].chars().map(|c| {
            let m = map_punct(c);
            if lower {
                super::chars::lower(m)
            } else {
                m
            }
        }))
    })
}

/// Each run of equal (key, key 2) in a sorted index, as a range.
fn ranges(index: &[(char, char, u32, u32)]) -> FxHashMap<(char, char), (u32, u32)> {
    let mut out = FxHashMap::default();
    let mut lo = 0usize;
    while lo < index.len() {
        let key = (index[lo].0, index[lo].1);
        let mut hi = lo + 1;
        while hi < index.len() && (index[hi].0, index[hi].1) == key {
            hi += 1;
        }
        out.insert(key, (lo as u32, hi as u32));
        lo = hi;
    }
    out
}

/// The second key of a one-character phrase variant: compared whatever character is next.
const ANY_NEXT: char = '\u{1}';
/// The second key the text gives at its start or end (no character there): only
/// one-character variants can match.
const NO_CHAR: char = '\u{2}';

/// The view character of `c` in a rule comparison without accent folding (as [`forward_at`]
/// compares): a space for any whitespace, else its punctuation mapping, lowered in a
/// lower-case view.
#[inline]
fn view_char(c: char, lower: bool) -> char {
    if is_space(c) {
        ' '
    } else {
        let m = map_punct(c);
        if lower {
            super::chars::lower(m)
        } else {
            m
        }
    }
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
        Rule::with_persons(not_before, not_after, &[], case, owner)
    }

    /// [`Rule::new`] with `person_after` phrases as well: phrases that, directly before a
    /// candidate, make it part of a person's name ("Monica" before "French"). They remove the
    /// candidate like `not_after` phrases, and [`Rule::verdict`] reports them apart.
    ///
    /// # Errors
    /// As [`Rule::new`].
    pub fn with_persons(
        not_before: &[String],
        not_after: &[String],
        person_after: &[String],
        case: PhraseCase,
        owner: &str,
    ) -> Result<Rule> {
        let compile = |list: &[String], person: bool| -> Result<Vec<Phrase>> {
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
                    Ok(Phrase { variants, glob: parsed.glob, person })
                })
                .collect()
        };
        let before = compile(not_before, false)?;
        let mut after = compile(not_after, false)?;
        // Indices of person phrases continue after the `not_after` ones (errors name the
        // position in their own list).
        after.extend(compile(person_after, true)?);
        let has_person = !person_after.is_empty();
        let max_len = before.iter().chain(after.iter()).flat_map(|p| p.variants.iter()).map(|v| v.len()).max().unwrap_or(0);
        // One-word `after` variants go to the word index instead of `after_last`.
        let one_word = |p: &Phrase, v: &str| !p.glob && !v.is_empty() && v.chars().all(is_word);
        let mut after_words: FxHashMap<u64, Vec<(u32, u32)>> = FxHashMap::default();
        for (i, p) in after.iter().enumerate() {
            for (j, v) in p.variants.iter().enumerate() {
                if one_word(p, v) {
                    after_words.entry(word_hash(v.chars())).or_default().push((i as u32, j as u32));
                }
            }
        }
        let index = |list: &[Phrase], last: bool| -> Vec<(char, char, u32, u32)> {
            let mut out = Vec::new();
            for (i, p) in list.iter().enumerate() {
                for (j, v) in p.variants.iter().enumerate() {
                    if last && one_word(p, v) {
                        continue;
                    }
                    let key = if last && p.glob {
                        Some(('\0', '\0'))
                    } else if last {
                        let mut cs = v.chars().rev();
                        cs.next().map(|k| (k, cs.next().unwrap_or(ANY_NEXT)))
                    } else {
                        let mut cs = v.chars();
                        cs.next().map(|k| (k, cs.next().unwrap_or(ANY_NEXT)))
                    };
                    if let Some((k, k2)) = key {
                        out.push((k, k2, i as u32, j as u32));
                    }
                }
            }
            out.sort_unstable();
            out
        };
        let before_first = index(&before, false);
        let after_last = index(&after, true);
        let before_ranges = ranges(&before_first);
        let after_ranges = ranges(&after_last);
        let before_chars = before_first.iter().map(|x| x.0).collect();
        let mut after_chars: FxHashSet<char> = after_last.iter().map(|x| x.0).filter(|&c| c != '\0').collect();
        for p in &after {
            for v in &p.variants {
                if one_word(p, v) {
                    after_chars.extend(v.chars().next_back());
                }
            }
        }
        Ok(Rule {
            before,
            after,
            max_len,
            before_first,
            after_last,
            before_ranges,
            after_ranges,
            before_chars,
            after_chars,
            has_person,
            after_words,
        })
    }

    /// Whether some phrase of the rule is a `person_after` one.
    pub fn has_person(&self) -> bool {
        self.has_person
    }

    /// Whether the rule has no phrase at all.
    pub fn is_empty(&self) -> bool {
        self.before.is_empty() && self.after.is_empty()
    }

    /// Whether the candidate `text[start..end]` is removed by this rule.
    pub fn removes(&self, text: &str, start: usize, end: usize, spec: ViewSpec) -> bool {
        self.verdict(text, start, end, spec) != Verdict::Keep
    }

    /// What this rule says about the candidate `text[start..end]`: [`Verdict::Person`] when a
    /// `person_after` phrase precedes it, else [`Verdict::Remove`] when any other phrase
    /// stands beside it, else [`Verdict::Keep`].
    pub fn verdict(&self, text: &str, start: usize, end: usize, spec: ViewSpec) -> Verdict {
        if spec.fold {
            return self.verdict_by_window(text, start, end, spec);
        }
        let mut found = Verdict::Keep;
        // Without accent folding the view of a character is one character: phrases are
        // compared in place, with no normalised copy of the neighbourhood, and only those
        // that begin (end) with the character across the separator.
        if let Some(c) = self.before_neighbour(text, end, spec) {
            let p = after_separator(text, end, false);
            let first = decode_at(text, p).len_utf8();
            let c2 = text[p + first..].chars().next().map_or(NO_CHAR, |x| view_char(x, spec.lower));
            'before: for k2 in [ANY_NEXT, c2] {
                for &(_, _, i, j) in bucket(&self.before_first, &self.before_ranges, c, k2) {
                    let ph = &self.before[i as usize];
                    if forward_at(text, p, &ph.variants[j as usize], ph.glob, spec.lower) {
                        if !self.has_person {
                            return Verdict::Remove;
                        }
                        found = Verdict::Remove;
                        break 'before;
                    }
                }
            }
        }
        if let Some(c) = self.after_neighbour(text, start, spec) {
            let q = before_separator(text, start, false);
            let last = decode_before(text, q).len_utf8();
            let c2 = text[..q - last].chars().next_back().map_or(NO_CHAR, |x| view_char(x, spec.lower));
            let words = word_before_hash(text, q, spec.lower)
                .and_then(|h| self.after_words.get(&h))
                .map_or(&[][..], |v| v.as_slice())
                .iter()
                .map(|&(i, j)| (i, j));
            let others = [('\0', '\0'), (c, ANY_NEXT), (c, c2)]
                .into_iter()
                .flat_map(|(k, k2)| bucket(&self.after_last, &self.after_ranges, k, k2).iter().map(|&(_, _, i, j)| (i, j)));
            for (i, j) in words.chain(others) {
                let ph = &self.after[i as usize];
                if backward_at(text, q, &ph.variants[j as usize], ph.glob, spec.lower) {
                    if ph.person {
                        return Verdict::Person;
                    }
                    if !self.has_person {
                        return Verdict::Remove;
                    }
                    found = Verdict::Remove;
                }
            }
        }
        found
    }

    /// The character after the separator that follows the candidate, if some `before`
    /// variant may begin with it.
    fn before_neighbour(&self, text: &str, end: usize, spec: ViewSpec) -> Option<char> {
        if self.before.is_empty() {
            return None;
        }
        let c = neighbour(text, end, true, spec)?;
        self.before_chars.contains(&c).then_some(c)
    }


    /// The character before the separator that precedes the candidate, if some `after`
    /// variant may end with it (any word character when a glob phrase is there).
    fn after_neighbour(&self, text: &str, start: usize, spec: ViewSpec) -> Option<char> {
        if self.after.is_empty() {
            return None;
        }
        let c = neighbour(text, start, false, spec)?;
        let glob = self.after_last.first().is_some_and(|x| x.0 == '\0');
        ((glob && is_word(c)) || self.after_chars.contains(&c)).then_some(c)
    }

    /// [`Rule::verdict`] on a normalised copy of the candidate's neighbourhood (any view,
    /// accent folding included).
    fn verdict_by_window(&self, text: &str, start: usize, end: usize, spec: ViewSpec) -> Verdict {
        let mut found = Verdict::Keep;
        // Enough original text for the longest phrase: whitespace runs collapse and marks
        // may fold away, so take four times its length in characters that are not
        // whitespace, plus slack, then run on to the end of the word so that none is cut.
        let limit = self.max_len * 4 + 16;
        if self.before_neighbour(text, end, spec).is_some() {
            let p = after_separator(text, end, spec.fold);
            let (mut hi, mut n) = (p, 0);
            while hi < text.len() && n < limit {
                let c = decode_at(text, hi);
                n += usize::from(!is_space(c));
                hi += c.len_utf8();
            }
            while hi < text.len() && is_word(decode_at(text, hi)) {
                hi += decode_at(text, hi).len_utf8();
            }
            let window = normalize_str(&text[p..hi], spec);
            if self.before.iter().any(|ph| ph.variants.iter().any(|v| starts_with_phrase(&window, v, ph.glob))) {
                found = Verdict::Remove;
            }
        }
        if self.after_neighbour(text, start, spec).is_some() {
            let q = before_separator(text, start, spec.fold);
            let (mut lo, mut n) = (q, 0);
            while lo > 0 && n < limit {
                let c = decode_before(text, lo);
                n += usize::from(!is_space(c));
                lo -= c.len_utf8();
            }
            while lo > 0 && is_word(decode_before(text, lo)) {
                lo -= decode_before(text, lo).len_utf8();
            }
            let window = normalize_str(&text[lo..q], spec);
            for ph in &self.after {
                if ph.variants.iter().any(|v| ends_with_phrase(&window, v, ph.glob)) {
                    if ph.person {
                        return Verdict::Person;
                    }
                    found = Verdict::Remove;
                }
            }
        }
        found
    }
}

/// The words that join two mentions in a list (see [`list_gap`]).
const LIST_WORDS: [&str; 12] = ["and", "or", "&", "/", "v", "v.", "vs", "vs.", "versus", "-", "\u{2013}", "\u{2014}"];

/// Whether `gap`, the text between two mentions, joins them in a list ("Ireland and
/// Scotland", "Ireland, Scotland", "Ireland v Scotland"): at most 32 characters; once
/// whitespace and commas are stripped from both ends, one of [`LIST_WORDS`], or nothing when
/// the gap holds a comma. Whitespace alone does not.
pub fn list_gap(gap: &str) -> bool {
    if gap.chars().nth(32).is_some() {
        return false;
    }
    let core = gap.trim_matches(|c: char| is_space(c) || c == ',');
    if core.is_empty() {
        gap.contains(',')
    } else {
        LIST_WORDS.contains(&core)
    }
}

/// The end of a capitalised word that a comma separates from byte `start` ("Atlanta, |Georgia":
/// the end of "Atlanta"), past whitespace on both sides of the comma; None when the text before
/// `start` is not such a word and a comma. The list step of resolution reads "<Name>,
/// <span>" with a name the gazetteer does not know as a place and its region, not a list.
pub fn name_before_comma(text: &str, start: usize) -> Option<usize> {
    let head = text.get(..start)?.trim_end_matches(is_space);
    let head = head.strip_suffix(',')?.trim_end_matches(is_space);
    let word_start = head.char_indices().rev().take_while(|&(_, c)| is_word(c)).last().map(|(i, _)| i)?;
    capitalised(&head[word_start..]).then_some(head.len())
}

/// Whether an article ("the", "a", "an"; as written, in capitals or capitalised) is the word
/// right before byte `start`, past whitespace: "the French team", "an Ireland side" are not a
/// surname used alone.
pub fn after_article(text: &str, start: usize) -> bool {
    let head = text.get(..start).unwrap_or("").trim_end_matches(is_space);
    let word_start = head.char_indices().rev().take_while(|&(_, c)| is_word(c)).last().map_or(head.len(), |(i, _)| i);
    matches!(&head[word_start..], "the" | "The" | "THE" | "a" | "A" | "an" | "An" | "AN")
}

/// The entries of a sorted (key, key 2, phrase, variant) index with the given keys.
#[inline]
fn bucket<'a>(
    index: &'a [(char, char, u32, u32)],
    ranges: &FxHashMap<(char, char), (u32, u32)>,
    k: char,
    k2: char,
) -> &'a [(char, char, u32, u32)] {
    match ranges.get(&(k, k2)) {
        Some(&(lo, hi)) => &index[lo as usize..hi as usize],
        None => &[],
    }
}

/// Byte position after the separator that follows byte `p` (whitespace, or one dash with
/// optional whitespace around it); callers have checked that a separator is there. With
/// accent folding (`fold`), combining marks vanish from the view and are passed over too.
fn after_separator(text: &str, mut p: usize, fold: bool) -> usize {
    let mut dash = false;
    while p < text.len() {
        let c = decode_at(text, p);
        if fold && is_mark(c) {
            p += c.len_utf8();
        } else if is_space(c) || (!dash && map_punct(c) == '-') {
            dash |= !is_space(c);
            p += c.len_utf8();
        } else {
            break;
        }
    }
    p
}

/// Byte position before the separator that precedes byte `p` (see [`after_separator`]).
fn before_separator(text: &str, mut p: usize, fold: bool) -> usize {
    let mut dash = false;
    while p > 0 {
        let c = decode_before(text, p);
        if fold && is_mark(c) {
            p -= c.len_utf8();
        } else if is_space(c) || (!dash && map_punct(c) == '-') {
            dash |= !is_space(c);
            p -= c.len_utf8();
        } else {
            break;
        }
    }
    p
}

/// Whether the normalised phrase variant `v` ends at byte `q` of `text` (as [`forward_at`]),
/// with a word boundary before it; a glob phrase may end inside the word that ends at `q`.
fn backward_at(text: &str, q: usize, v: &str, glob: bool, lower: bool) -> bool {
    let exact = |mut p: usize| -> bool {
        let mut first = ' ';
        for pc in v.chars().rev() {
            if p == 0 {
                return false;
            }
            let c = decode_before(text, p);
            if pc == ' ' {
                if !is_space(c) {
                    return false;
                }
                while p > 0 && is_space(decode_before(text, p)) {
                    p -= decode_before(text, p).len_utf8();
                }
            } else {
                let m = map_punct(c);
                let m = if lower { super::chars::lower(m) } else { m };
                if m != pc {
                    return false;
                }
                p -= c.len_utf8();
            }
            first = pc;
        }
        p == 0 || !(is_word(first) && is_word(map_punct(decode_before(text, p))))
    };
    if exact(q) {
        return true;
    }
    if !glob {
        return false;
    }
    // "Latin*" before the candidate: the word ending at q may run on past the stem.
    let mut k = q;
    while k > 0 && is_word(map_punct(decode_before(text, k))) {
        k -= decode_before(text, k).len_utf8();
        if exact(k) {
            return true;
        }
    }
    false
}

/// Whether the normalised phrase variant `v` starts at byte `p` of `text` (whitespace runs
/// equal one space; apostrophe and dash variants equal; `lower`: compared in lower case), with
/// a word boundary after it unless it is a glob.
fn forward_at(text: &str, mut p: usize, v: &str, glob: bool, lower: bool) -> bool {
    let n = text.len();
    let mut last = ' ';
    for pc in v.chars() {
        if p >= n {
            return false;
        }
        let c = decode_at(text, p);
        if pc == ' ' {
            if !is_space(c) {
                return false;
            }
            while p < n && is_space(decode_at(text, p)) {
                p += decode_at(text, p).len_utf8();
            }
        } else {
            let m = map_punct(c);
            let m = if lower { super::chars::lower(m) } else { m };
            if m != pc {
                return false;
            }
            p += c.len_utf8();
        }
        last = pc;
    }
    if glob || p >= n {
        return true;
    }
    !(is_word(last) && is_word(map_punct(decode_at(text, p))))
}

/// The view character next to a candidate across its separator (whitespace, or one dash with
/// optional whitespace): after byte `p` when `forward`, else before it. `None` when no
/// separator or no character is there.
fn neighbour(text: &str, mut p: usize, forward: bool, spec: ViewSpec) -> Option<char> {
    let step = |p: &mut usize| -> Option<char> {
        if forward {
            let c = text[*p..].chars().next()?;
            *p += c.len_utf8();
            Some(c)
        } else {
            let c = text[..*p].chars().next_back()?;
            *p -= c.len_utf8();
            Some(c)
        }
    };
    let mut sep = false;
    let mut dash = false;
    loop {
        let c = step(&mut p)?;
        if spec.fold && is_mark(c) {
            continue; // folded away: invisible in the view
        }
        if is_space(c) {
            sep = true;
            continue;
        }
        let m = map_punct(c);
        if m == '-' && !dash {
            dash = true;
            sep = true;
            continue;
        }
        if !sep {
            return None;
        }
        // As the view builds it (`normalize`): folded first, then lowered ("İ" folds to "I",
        // then lowers to "i"; lowered first it would stay "İ" and fold to "I").
        let mut v = m;
        if spec.fold {
            let mut first = None;
            super::chars::fold_char(v, |f| {
                if first.is_none() {
                    first = Some(f);
                }
            });
            v = first.unwrap_or(v);
        }
        return Some(if spec.lower { super::chars::lower(v) } else { v });
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

/// Words that end a company's name ("American Barrick Resources Corp", "Swedish Match AB" is
/// not listed: two-letter Nordic forms are also ordinary words in headlines). A name-form
/// candidate followed, within [`COMPANY_RUN_WORDS`] capitalised words, by one of them is part
/// of a company's name (`capitalized_runs="companies"`, the default, and `"skip"`).
pub const COMPANY_SUFFIXES: &[&str] = &[
    "AG", "Bancorp", "Bhd", "BV", "Co", "Companies", "Company", "Corp", "Corporation", "Cos", "GmbH", "Holdings",
    "Inc", "Incorporated", "LLC", "Limited", "Ltd", "NV", "Plc", "PLC", "Pty", "SA", "SpA",
];

/// Whether `word` is one of [`COMPANY_SUFFIXES`] (a `match`, which compiles to a switch on the
/// length and first bytes instead of 23 comparisons).
fn is_company_suffix(word: &str) -> bool {
    matches!(
        word,
        "AG" | "Bancorp" | "Bhd" | "BV" | "Co" | "Companies" | "Company" | "Corp" | "Corporation" | "Cos" | "GmbH"
            | "Holdings" | "Inc" | "Incorporated" | "LLC" | "Limited" | "Ltd" | "NV" | "Plc" | "PLC" | "Pty" | "SA"
            | "SpA"
    )
}

/// How many words after a candidate [`in_company_name`] looks at.
pub const COMPANY_RUN_WORDS: usize = 6;

/// Characters that may end a word of a company's name ("Corp.", "Co.,", "Ltd)", Reuters'
/// "<Dome Petroleum Ltd>"): stripped
/// before the word is compared; any other word that ends in one ends the run.
fn company_word_trail(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | ':' | ')' | '>' | '"' | '\'' | '\u{2019}' | '\u{201D}')
}

/// Whether the candidate `text[start..end]` is part of a company's name: it is name-form
/// (starts with a capital and holds a lower-case letter, so not "U.S.": "the U.S. Allis-Chalmers
/// Corp" describes the firm) and, across whitespace without a blank line, the words after it
/// are capitalised (or "&") until one of [`COMPANY_SUFFIXES`], within [`COMPANY_RUN_WORDS`]
/// words ("American Barrick Resources Corp", "China American Petrochemical Co", "Canadian
/// Pacific Air Lines Ltd"). A word is everything up to the next whitespace; punctuation at
/// its end ([`company_word_trail`]) is stripped before the comparison, and ends the run after
/// a word that is not a suffix.
pub fn in_company_name(text: &str, start: usize, end: usize) -> bool {
    // Most candidates are followed by punctuation, or by a space and a lower-case word: those
    // are looked at first (the run needs whitespace, then a capitalised word or "&").
    match text.as_bytes().get(end..(end + 2).min(text.len())) {
        None | Some([]) => return false,
        Some(&[b, ..]) if b.is_ascii() && !is_space(b as char) => return false,
        Some(&[b' ', b]) if b.is_ascii_lowercase() || b.is_ascii_digit() || b.is_ascii_punctuation() && b != b'&' => {
            return false
        }
        _ => {}
    }
    let surface = &text[start..end];
    if !capitalised(surface) || !has_lower_letter(surface) {
        return false;
    }
    let mut p = end;
    for _ in 0..COMPANY_RUN_WORDS {
        let Some(q) = across_space(text, p, true) else {
            return false;
        };
        let r = text[q..].find(is_space).map_or(text.len(), |k| q + k);
        let word = &text[q..r];
        let core = word.trim_end_matches(company_word_trail);
        // Every suffix is capitalised: a word that is not ends the run either way.
        if !(core == "&" || capitalised(core)) {
            return false;
        }
        if is_company_suffix(core) {
            return true;
        }
        if core.len() != word.len() {
            return false;
        }
        p = r;
    }
    false
}

/// Whether a word is capitalised: it starts with an upper- or titlecase *letter* (general
/// category Lu or Lt, such as "ǅ"; not a symbol or numeral that Unicode calls upper case,
/// such as "Ⅱ" or "Ⓐ").
fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(|c| {
        if c.is_ascii() {
            return c.is_ascii_uppercase();
        }
        use unicode_general_category::{get_general_category, GeneralCategory};
        matches!(get_general_category(c), GeneralCategory::UppercaseLetter | GeneralCategory::TitlecaseLetter)
    })
}

/// Whether a word holds a lower-case letter (general category Ll; not "º" or "ª", which
/// Unicode calls lower case but are letters of category Lo).
fn has_lower_letter(word: &str) -> bool {
    word.chars().any(|c| {
        if c.is_ascii() {
            return c.is_ascii_lowercase();
        }
        use unicode_general_category::{get_general_category, GeneralCategory};
        get_general_category(c) == GeneralCategory::LowercaseLetter
    })
}

/// The position across the whitespace next to byte `p` (after it when `forward`, else before
/// it), if there is some whitespace, it holds no blank line, and the text goes on.
fn across_space(text: &str, mut p: usize, forward: bool) -> Option<usize> {
    let mut newlines = 0;
    let start = p;
    loop {
        let c = if forward { text[p..].chars().next() } else { text[..p].chars().next_back() }?;
        if !is_space(c) {
            break;
        }
        if c == '\n' {
            newlines += 1;
            if newlines > 1 {
                return None;
            }
        }
        if forward {
            p += c.len_utf8();
        } else {
            p -= c.len_utf8();
        }
    }
    (p != start).then_some(p)
}

/// The word after byte `p` (after whitespace without a blank line), if the first thing there
/// is a word character.
fn next_word(text: &str, p: usize) -> Option<&str> {
    let s = across_space(text, p, true)?;
    let mut p = s;
    while p < text.len() && is_word(map_punct(decode_at(text, p))) {
        p += decode_at(text, p).len_utf8();
    }
    (p > s).then(|| &text[s..p])
}

/// The word before byte `p` (before whitespace without a blank line).
fn prev_word(text: &str, p: usize) -> Option<(&str, usize)> {
    let mut p = across_space(text, p, false)?;
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
    if !capitalised(surface) || !has_lower_letter(surface) {
        return false;
    }
    if let Some(w) = next_word(text, end) {
        if capitalised(w) && has_lower_letter(w) && !RUN_KEEP_NEXT.contains(&w) {
            return true;
        }
    }
    if let Some((w, p)) = prev_word(text, start) {
        if w == "of" {
            if let Some((head, _)) = prev_word(text, p) {
                if capitalised(head) && has_lower_letter(head) && !OF_KEEP_HEAD.contains(&head) {
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

    #[test]
    fn a_name_before_a_comma() {
        let t = "in Atlanta, Georgia";
        assert_eq!(name_before_comma(t, 12), Some(10));
        assert_eq!(name_before_comma("Atlanta ,\n Georgia", 11), Some(7));
        assert_eq!(name_before_comma("in atlanta, Georgia", 12), None); // not capitalised
        assert_eq!(name_before_comma("in Atlanta Georgia", 11), None); // no comma
        assert_eq!(name_before_comma("D.C., Georgia", 6), None); // no word right before the comma
        assert_eq!(name_before_comma(", Georgia", 2), None);
        assert_eq!(name_before_comma("Ǆemal, X", 8), Some(6)); // a titlecase or uppercase start
    }

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
    fn company_suffix_match_is_the_list() {
        for w in COMPANY_SUFFIXES {
            assert!(is_company_suffix(w), "{w}");
        }
        assert_eq!(COMPANY_SUFFIXES.len(), 23);
        for w in ["", "Corps", "co", "CO", "Inc.", "Group", "A", "Ltd "] {
            assert!(!is_company_suffix(w), "{w}");
        }
    }

    #[test]
    fn company_names() {
        let removed = |t: &str, w: &str| at(in_company_name, t, w);
        assert!(removed("American Barrick Resources Corp said", "American"));
        assert!(removed("<China American Petrochemical Co> said", "China"));
        assert!(removed("China American Petrochemical Co. said", "American"));
        assert!(removed("Canadian Pacific Air Lines Ltd, a unit", "Canadian"));
        assert!(removed("Johnson & Johnson Inc", "Johnson"));
        assert!(removed("British Sugar Plc)", "British"));
        assert!(!removed("the U.S. Allis-Chalmers Corp", "U.S.")); // an acronym describes the firm
        assert!(!removed("American officials at Barrick Corp", "American")); // lower-case word
        assert!(!removed("Canadian, Pacific Corp", "Canadian")); // punctuation ends the run
        assert!(!removed("Canadian Pacific,\n\nCorp", "Canadian"));
        assert!(!removed("Canadian\n\nPacific Corp", "Canadian")); // a blank line ends it
        assert!(!removed("American A B C D E F Corp", "American")); // seven words on
        assert!(removed("American A B C D E Corp", "American")); // six
        assert!(!removed("the American Corporate Fund", "American"));
        assert!(!removed("American", "American"));
        assert!(removed("American\u{b}Barrick Corp", "American")); // any White_Space
        assert!(!removed("American \u{2161} Corp", "American")); // a numeral is no capital letter
        assert!(!removed("American \u{24b6} Corp", "American"));
        assert!(!removed("N\u{ba} Barrick Corp", "N\u{ba}")); // nor is "º" a lower-case letter
        assert!(!removed("American's Barrick Corp", "American"));
        assert!(!removed("American (Barrick) Corp", "American"));
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
    fn in_place_comparison_agrees_with_the_normalised_window() {
        use crate::core::test_rng::Rng;
        let words = ["Latin", "LATIN", "latin", "Latinos", "Power", "POWER", "power", "Bank", "of", "OF", "Sea", "America",
            "Georgia", "Bulldogs", "Bulldog", "O’Neil", "O'Neil", "x", "É", "New"];
        let seps = [" ", "  ", "\n", "\n\n", "-", " - ", "–", " – ", ", ", ".", "", "\u{a0}", "\t-\t"];
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        // (not_before, not_after, person_after): the last sets mix person phrases with the
        // others, so that the verdict (person over plain removal) is compared too.
        let rule_sets: [(&[&str], &[&str], &[&str]); 5] = [
            (&["Power", "Bulldog*", "Sea of"], &["Latin*", "Bank of", "O'Neil", "New"], &[]),
            (&["of America", "power"], &["of", "LATIN"], &[]),
            (&["É", "x"], &["Sea  of", "Latin"], &[]),
            (&["Power", "Bulldog*"], &["Latin*", "Bank of"], &["O'Neil", "New", "x"]),
            (&["of America"], &["of"], &["LATIN", "Sea of", "É"]),
        ];
        let mut persons = 0usize;
        for (before, after, person) in rule_sets {
            for lower in [false, true] {
                let case = PhraseCase { spec: ViewSpec { fold: false, lower }, smart: !lower };
                let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
                let r = Rule::with_persons(&s(before), &s(after), &s(person), case, "X").unwrap();
                let mut hits = 0usize;
                for _ in 0..3000 {
                    let mut t = String::new();
                    let n = 1 + (rng.next() % 4) as usize;
                    for _ in 0..n {
                        t.push_str(rng.pick(&words));
                        t.push_str(rng.pick(&seps));
                    }
                    let start = t.len();
                    t.push_str("Georgia");
                    let end = t.len();
                    for _ in 0..n {
                        t.push_str(rng.pick(&seps));
                        t.push_str(rng.pick(&words));
                    }
                    let got = r.verdict(&t, start, end, case.spec);
                    assert_eq!(got, r.verdict_by_window(&t, start, end, case.spec), "{t:?}");
                    hits += usize::from(got != Verdict::Keep);
                    persons += usize::from(got == Verdict::Person);
                }
                assert!(hits > 100 && hits < 2900, "{hits} removals: the cases test little");
            }
        }
        assert!(persons > 200, "{persons} person verdicts: the cases test little");
    }

    #[test]
    fn person_phrases_win_over_plain_ones() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let r = Rule::with_persons(&s(&["said"]), &s(&["Mount"]), &s(&["Monica", "Mr."]), PLAIN, "FR").unwrap();
        let at = |t: &str| {
            let i = t.find("French").unwrap();
            r.verdict(t, i, i + 6, PLAIN.spec)
        };
        assert_eq!(at("Monica French said"), Verdict::Person);
        assert_eq!(at("Mr. French"), Verdict::Person);
        assert_eq!(at("French said"), Verdict::Remove);
        assert_eq!(at("Mount French"), Verdict::Remove);
        assert_eq!(at("the French team"), Verdict::Keep);
        assert!(r.removes("Monica French", 7, 13, PLAIN.spec));
        // A bad person phrase is an error like any other.
        assert!(Rule::with_persons(&[], &[], &s(&["--"]), PLAIN, "FR").is_err());
    }

    #[test]
    fn combining_marks_are_invisible_with_accent_folding() {
        // "a \u{301}a": folded, the view is "a a", so "a" directly precedes the second "a".
        let fold = PhraseCase { spec: ViewSpec { fold: true, lower: false }, smart: true };
        let r = Rule::new(&[], &["a".to_string()], fold, "X").unwrap();
        let t = "a \u{301}a";
        assert!(r.removes(t, 4, 5, fold.spec));
        let r = Rule::new(&["b".to_string()], &[], fold, "X").unwrap();
        assert!(r.removes("a\u{301} b", 0, 1, fold.spec));
    }

    #[test]
    fn bad_phrase_is_an_error() {
        assert!(Rule::new(&["--".to_string()], &[], PLAIN, "GE").is_err());
        assert!(Rule::new(&["Po*wer".to_string()], &[], PLAIN, "GE").is_err());
    }

    /// `test` on the first occurrence of `surface` in `text`.
    fn at(test: fn(&str, usize, usize) -> bool, text: &str, surface: &str) -> bool {
        let s = text.find(surface).unwrap();
        test(text, s, s + surface.len())
    }

    fn run(text: &str, surface: &str) -> bool {
        at(in_capitalized_run, text, surface)
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
