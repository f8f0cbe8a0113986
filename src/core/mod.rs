//! The pure-Rust core: no PyO3 types anywhere below this module.

pub mod alias;
pub mod batch;
pub mod bytescan;
pub mod chars;
pub mod columns;
pub mod context;
pub mod cooccur;
pub mod dedupe;
pub mod error;
pub mod matcher;
pub mod normalize;
pub mod persist;
pub mod resolve;
pub mod text;
pub mod units;

#[cfg(test)]
mod test_rng;

pub use error::{Error, Result};
pub use matcher::{AliasInput, Ambiguous, CaseMode, Matcher, MatcherSpec, Mention, Options, Overlaps, Removed, RuleInput, Runs};
pub use resolve::ResolvedBy;
