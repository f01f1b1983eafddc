//! brieflint: a linter for marketing client briefs and agency proposals in Markdown.
//!
//! The pipeline, one module per step: [`input`] reads files → [`document`] turns Markdown
//! into prose segments with source offsets → [`dictionary`] matches jargon, KPI vocabulary
//! and cues → [`analysis`] profiles each document's objective → [`rules`] produce
//! [`finding::Finding`]s → [`report`] renders them. [`batch`] runs it over many files in
//! parallel; [`commands`] wires it to the command line.

pub mod analysis;
pub mod audit;
pub mod baseline;
pub mod batch;
pub mod changed;
pub mod cli;
pub mod commands;
pub mod config;
pub mod dictionary;
pub mod discover;
pub mod document;
pub mod engine;
pub mod figures;
pub mod finding;
pub mod fix;
pub mod input;
pub mod pairing;
pub mod project;
pub mod report;
pub mod rules;
pub mod source;
pub mod suppress;
pub mod text;
pub mod vocab;
