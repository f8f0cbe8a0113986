//! The anchored trie of a small view (country-size gazetteers): the engine of
//! [`super::scan_trie`].
//!
//! A walk from a word start only ever asks "which pattern is a prefix of the view from here",
//! so it needs the patterns' trie, not an Aho-Corasick automaton (no failure links, no suffix
//! matches to skip). This one is a dense transition table over byte classes with premultiplied
//! state ids, laid out so that the inner loop of a walk is one table look-up and one compare
//! per text byte:
//!
//! - state 0 is the dead state (its row is all zeros, so feeding it more bytes keeps it dead);
//! - match states come next, so `sid < match_end` is "dead or a pattern ends here";
//! - raw ASCII text bytes have a class of their own view byte ([`Trie::ascii_class`]: the
//!   view's case and apostrophe mapping and whitespace as one space are in the table);
//! - whitespace runs: patterns are normalised (no two spaces in a row), so a state entered by
//!   a space never has a space child; its space transition loops back to itself, which feeds
//!   a run of whitespace as one space without a test in the loop. A *match* state entered by a
//!   space (a pattern ending in a space, which stripping normally prevents) gets a non-match
//!   twin instead, with the same children, so the pattern is reported once, at the first
//!   space, as the Aho-Corasick walk does.
//!
//! Only built while the table stays small ([`Trie::new`] returns `None` above a byte budget);
//! larger views keep the Aho-Corasick engines.

use super::NORM_LOWER;
use super::NORM_PLAIN;

/// The anchored trie of a view's patterns (see the module documentation).
pub(crate) struct Trie {
    /// `trans[sid + class]`: the next state (premultiplied by `stride`); 0 is dead.
    trans: Vec<u32>,
    stride: u32,
    /// Class of a view byte (0: no pattern holds it).
    view_class: [u8; 256],
    /// Class of a raw ASCII text byte: the class of its view byte.
    ascii_class: [u8; 128],
    start: u32,
    /// States below this (premultiplied) are the dead state and the match states.
    match_end: u32,
    /// Pattern id of match state `sid / stride - 1`.
    pattern: Vec<u32>,
}

/// A trie node while building.
struct Node {
    children: Vec<(u8, u32)>,
    pattern: Option<u32>,
    via_space: bool,
}

impl Trie {
    /// The trie of `patterns` (view strings, unique, non-empty) in a view that lowercases
    /// (`lower`) or not, or `None` when its table would take more than `max_bytes`.
    pub(crate) fn new(patterns: &[String], lower: bool, max_bytes: usize) -> Option<Trie> {
        if max_bytes == 0 || patterns.is_empty() {
            return None;
        }
        let mut used = [false; 256];
        for p in patterns {
            for &b in p.as_bytes() {
                used[b as usize] = true;
            }
        }
        let mut view_class = [0u8; 256];
        let mut k = 0u32;
        for b in 0..256 {
            if used[b] {
                k += 1;
                if k > 255 {
                    return None;
                }
                view_class[b] = k as u8;
            }
        }
        let stride = k + 1;
        let space = view_class[b' ' as usize];
        let mut nodes: Vec<Node> = vec![Node { children: Vec::new(), pattern: None, via_space: false }];
        let budget_states = max_bytes / (4 * stride as usize);
        for (pid, p) in patterns.iter().enumerate() {
            let mut cur = 0usize;
            for &b in p.as_bytes() {
                let c = view_class[b as usize];
                cur = match nodes[cur].children.iter().find(|&&(cc, _)| cc == c) {
                    Some(&(_, next)) => next as usize,
                    None => {
                        let next = nodes.len();
                        // dead state + nodes + twins: stop early when over the budget.
                        if next + 2 > budget_states {
                            return None;
                        }
                        nodes.push(Node { children: Vec::new(), pattern: None, via_space: space != 0 && c == space });
                        nodes[cur].children.push((c, next as u32));
                        next
                    }
                };
            }
            debug_assert!(nodes[cur].pattern.is_none(), "patterns are unique");
            nodes[cur].pattern = Some(pid as u32);
        }
        // Twins of match states entered by a space.
        let twins = nodes.iter().filter(|n| n.via_space && n.pattern.is_some()).count();
        let total = 1 + nodes.len() + twins;
        if total.checked_mul(4 * stride as usize).map_or(true, |b| b > max_bytes) || total * stride as usize > u32::MAX as usize {
            return None;
        }
        // Numbering: 0 dead, then the match nodes, then the others, then the twins.
        let mut index = vec![0u32; nodes.len()];
        let mut pattern = Vec::new();
        let mut next = 1u32;
        for (i, n) in nodes.iter().enumerate() {
            if let Some(pid) = n.pattern {
                index[i] = next;
                pattern.push(pid);
                next += 1;
            }
        }
        let match_end = next * stride;
        for (i, n) in nodes.iter().enumerate() {
            if n.pattern.is_none() {
                index[i] = next;
                next += 1;
            }
        }
        let mut trans = vec![0u32; total * stride as usize];
        for (i, n) in nodes.iter().enumerate() {
            let row = (index[i] * stride) as usize;
            for &(c, child) in &n.children {
                trans[row + c as usize] = index[child as usize] * stride;
            }
            if n.via_space {
                debug_assert!(n.children.iter().all(|&(c, _)| c != space), "normalised patterns hold no double space");
                if n.pattern.is_none() {
                    trans[row + space as usize] = index[i] * stride;
                } else {
                    let twin = (next * stride) as usize;
                    next += 1;
                    trans.copy_within(row..row + stride as usize, twin);
                    trans[twin + space as usize] = twin as u32;
                    trans[row + space as usize] = twin as u32;
                }
            }
        }
        debug_assert_eq!(next as usize, total);
        let norm = if lower { &NORM_LOWER } else { &NORM_PLAIN };
        let mut ascii_class = [0u8; 128];
        for (b, slot) in ascii_class.iter_mut().enumerate() {
            *slot = view_class[norm[b] as usize];
        }
        Some(Trie { trans, stride, view_class, ascii_class, start: index[0] * stride, match_end, pattern })
    }

    /// The start state.
    #[inline(always)]
    pub(crate) fn start(&self) -> u32 {
        self.start
    }

    /// The state after `sid` on a byte of class `class`.
    #[inline(always)]
    pub(crate) fn next(&self, sid: u32, class: u8) -> u32 {
        self.trans[sid as usize + class as usize]
    }

    /// The state after `sid` on raw ASCII text byte `b` (fed as its view byte).
    #[inline(always)]
    pub(crate) fn next_ascii(&self, sid: u32, b: u8) -> u32 {
        self.next(sid, self.ascii_class[(b & 0x7F) as usize])
    }

    /// The state after `sid` on view byte `b`.
    #[inline(always)]
    pub(crate) fn next_view(&self, sid: u32, b: u8) -> u32 {
        self.next(sid, self.view_class[b as usize])
    }

    /// Whether `sid` is dead or a match state (one compare; [`Trie::pattern_of`] tells which).
    #[inline(always)]
    pub(crate) fn is_special(&self, sid: u32) -> bool {
        sid < self.match_end
    }

    /// Whether a pattern ends at `sid` (not dead, below `match_end`), without a branch.
    #[inline(always)]
    pub(crate) fn is_match(&self, sid: u32) -> bool {
        // Match states are stride..match_end; the dead state 0 wraps around to u32::MAX.
        sid.wrapping_sub(1) < self.match_end - 1
    }

    /// The pattern ending at special state `sid`, or `None` for the dead state.
    #[inline]
    pub(crate) fn pattern_of(&self, sid: u32) -> Option<usize> {
        if sid == 0 {
            return None;
        }
        Some(self.pattern[(sid / self.stride) as usize - 1] as usize)
    }

    /// Heap bytes.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.trans.len() * 4 + self.pattern.len() * 4
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The patterns that are prefixes of `view` (a view string), by walking the trie.
    fn prefixes(t: &Trie, view: &[u8]) -> Vec<usize> {
        let mut sid = t.start();
        let mut out = Vec::new();
        for &b in view {
            sid = t.next_view(sid, b);
            if t.is_special(sid) {
                match t.pattern_of(sid) {
                    None => break,
                    Some(p) => out.push(p),
                }
            }
        }
        out
    }

    #[test]
    fn walks_find_every_prefix_pattern() {
        let pats: Vec<String> = ["a", "ab", "abc", "b", "北", "北京", "a b", "a b c", "x "].iter().map(|s| s.to_string()).collect();
        let t = Trie::new(&pats, false, usize::MAX).unwrap();
        assert_eq!(prefixes(&t, b"abcd"), vec![0, 1, 2]);
        assert_eq!(prefixes(&t, "北京市".as_bytes()), vec![4, 5]);
        // A space run after a space stays in the same state; a match entered by a space is
        // reported once.
        assert_eq!(prefixes(&t, b"a   b   c"), vec![0, 6, 7]);
        assert_eq!(prefixes(&t, b"x    "), vec![8]);
        assert_eq!(prefixes(&t, b"zz"), Vec::<usize>::new());
        // Raw ASCII bytes go through the view's table: a tab is a space.
        let mut sid = t.start();
        for &b in b"a\t\n b" {
            sid = t.next_ascii(sid, b);
        }
        assert_eq!(t.pattern_of(sid), Some(6));
        assert!(Trie::new(&pats, false, 64).is_none());
    }
}
