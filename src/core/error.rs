//! The core's error type. Structured fields, never ad-hoc strings: the binding layer maps each
//! variant to one Python exception in a single place (`src/python/errors.rs`).

use thiserror::Error;

/// Why an alias string is not usable (docs/gazetteers.md).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AliasProblem {
    /// Empty after stripping whitespace (and the glob star).
    Empty,
    /// Holds no letter or digit.
    NoLetterOrDigit,
    /// A `*` that is not the last character and not escaped as `\*`.
    MisplacedStar {
        /// Code-point position of the star in the stripped alias.
        position: usize,
    },
    /// Longer than [`super::alias::MAX_ALIAS_CHARS`] characters.
    TooLong {
        /// Its length in characters (after stripping).
        chars: usize,
    },
}

impl std::fmt::Display for AliasProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AliasProblem::Empty => write!(f, "the alias is empty"),
            AliasProblem::NoLetterOrDigit => write!(f, "the alias holds no letter or digit"),
            AliasProblem::MisplacedStar { position } => write!(
                f,
                "'*' at position {position} is only allowed as the last character (a glob); write '\\*' for a literal star"
            ),
            AliasProblem::TooLong { chars } => write!(
                f,
                "the alias is {chars} characters long; at most {} are allowed (matching reads up to the longest alias from every word start)",
                super::alias::MAX_ALIAS_CHARS
            ),
        }
    }
}

/// Every error the core can return.
#[derive(Debug, Error)]
pub enum Error {
    /// An alias (or ignore phrase) cannot be compiled.
    #[error("bad alias {text:?} of entity {entity:?} (alias #{alias_index}): {problem}")]
    BadAlias {
        /// The alias as given.
        text: String,
        /// Its entity id (`"<ignore>"` for an ignore phrase).
        entity: String,
        /// Index of the alias in the flat alias list handed to the compiler.
        alias_index: usize,
        /// What is wrong with it.
        problem: AliasProblem,
    },
    /// Inconsistent compiler input (lengths differ, entity index out of range, ...).
    #[error("invalid matcher input: {0}")]
    InvalidInput(String),
    /// The automaton could not be built.
    #[error("cannot build the automaton: {0}")]
    Build(String),
    /// A saved matcher cannot be read.
    #[error("cannot load matcher: {0}")]
    Persist(String),
    /// The work was cancelled (Ctrl-C).
    #[error("cancelled")]
    Cancelled,
    /// A large allocation failed (memory limit, or a request past what the machine has).
    #[error("out of memory: could not allocate {bytes} bytes for {what}")]
    Memory {
        /// The size asked for, in bytes.
        bytes: usize,
        /// What it was for.
        what: &'static str,
    },
}

/// Grows `v` fallibly to hold `additional` more elements: [`Error::Memory`] (with the size
/// asked for) instead of aborting the process when the allocation fails.
///
/// # Errors
/// [`Error::Memory`] when the allocator refuses (or the size overflows).
///
/// # Examples
/// ```
/// use gazetta::core::error::{try_reserve, Error};
/// let mut v: Vec<u64> = Vec::new();
/// assert!(try_reserve(&mut v, 10, "a test").is_ok());
/// assert!(matches!(try_reserve(&mut v, usize::MAX / 4, "a test"), Err(Error::Memory { .. })));
/// ```
pub fn try_reserve<T>(v: &mut Vec<T>, additional: usize, what: &'static str) -> Result<()> {
    v.try_reserve(additional).map_err(|_| Error::Memory {
        bytes: additional.saturating_mul(std::mem::size_of::<T>()),
        what,
    })
}

/// Result alias for the core.
pub type Result<T> = std::result::Result<T, Error>;
