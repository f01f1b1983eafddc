//! Text normalisation shared by documents and dictionaries: folding for matching, with an
//! exact map back to the original bytes.

pub mod fold;
pub mod french;
pub mod sentence;
