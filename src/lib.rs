//! # gazetta
//!
//! Entity co-mention analysis of news: gazetteer matching (docs/matching.md) and co-occurrence counting
//! (docs/sentences.md, docs/counting.md) in a pure-Rust [`core`], with a thin PyO3 binding (feature `python`) that the
//! Python package `gazetta` builds on.
//!
//! The core knows nothing of Python: `cargo test` builds and tests it alone, and any PyO3 type
//! in `src/core/**` is a compile error because `pyo3` is only a dependency with the `python`
//! feature.

#![deny(unsafe_op_in_unsafe_fn)]

pub mod core;

#[cfg(feature = "python")]
mod python;
