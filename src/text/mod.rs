//! Text shared by documents, dictionaries and rules: folding for matching (NFC, case,
//! spacing) with an exact map back to the original bytes; sentences, clauses, quotations
//! and capitals; French elision and contraction.

pub mod fold;
pub mod french;
pub mod sentence;
