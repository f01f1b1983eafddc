//! A compiled set of forms: aho-corasick over folded text, whole words only.
//!
//! We ask aho-corasick for every (overlapping) occurrence, keep those that stand as whole
//! words and pass their case check, then pick leftmost-longest among the survivors. Doing
//! the selection ourselves (instead of aho-corasick's leftmost-longest) means a candidate
//! rejected for its boundaries never hides a valid shorter one. Ignore phrases take part
//! in the selection like any form, and silence whatever they cover.
//!
//! One automaton may hold several vocabularies (jargon, KPIs, cues…), each a *group* with
//! its own selection, so a paragraph is scanned once for all of them; within a group, forms
//! of a lower *rank* (the paragraph's own language before English) win a tie.

use std::cell::RefCell;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Input, MatchKind};

use super::forms::{self, FormError};
use crate::text::fold::{self, Folded};

/// One occurrence of a form in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit<P> {
    /// Range in the folded text.
    pub folded: Range<usize>,
    pub payload: P,
}

impl<P> Hit<P> {
    /// The same occurrence with another payload.
    pub fn with<Q>(self, payload: Q) -> Hit<Q> {
        Hit {
            folded: self.folded,
            payload,
        }
    }
}

#[derive(Debug, Clone)]
struct Form<P> {
    /// `None` for an ignore phrase.
    payload: Option<P>,
    /// The vocabulary the form belongs to: selection is per group.
    group: u8,
    /// Which form wins a tie within its group: the lower rank.
    rank: u8,
    /// For a case-sensitive form: the form with spacing normalised, case kept.
    exact: Option<String>,
}

/// Forms to compile, each with what a match means. Forms are expanded (and so checked) when
/// added, and folded only when built: a language nobody writes in costs no folding.
#[derive(Debug, Clone)]
pub struct MatcherBuilder<P> {
    surface: Vec<String>,
    forms: Vec<Form<P>>,
}

impl<P> Default for MatcherBuilder<P> {
    fn default() -> Self {
        Self {
            surface: Vec::new(),
            forms: Vec::new(),
        }
    }
}

impl<P: Clone + Send + Sync> MatcherBuilder<P> {
    /// Adds every expansion of `pattern`. `payload: None` makes it an ignore phrase.
    pub fn add(
        &mut self,
        pattern: &str,
        payload: Option<P>,
        case_sensitive: bool,
    ) -> Result<(), FormError> {
        for form in forms::expand(pattern)? {
            // Folding keeps letters and digits, and drops or joins the rest.
            if !form.chars().any(char::is_alphanumeric) {
                return Err(FormError::Empty);
            }
            let exact = case_sensitive.then(|| fold::normalize_keep_case(form.trim()));
            self.surface.push(form);
            self.forms.push(Form {
                payload: payload.clone(),
                group: 0,
                rank: 0,
                exact,
            });
        }
        Ok(())
    }

    /// Adds `other`'s forms after these.
    pub fn append(&mut self, other: MatcherBuilder<P>) {
        self.surface.extend(other.surface);
        self.forms.extend(other.forms);
    }

    /// Adds a copy of `other`'s forms as group `group` (below 8) at rank `rank`, their
    /// payloads mapped into this builder's.
    pub fn merge<Q>(
        &mut self,
        other: &MatcherBuilder<Q>,
        group: u8,
        rank: u8,
        map: impl Fn(&Q) -> P,
    ) {
        assert!(
            usize::from(group) < MAX_GROUPS,
            "a matcher holds at most {MAX_GROUPS} groups"
        );
        self.surface.extend(other.surface.iter().cloned());
        self.forms.extend(other.forms.iter().map(|form| Form {
            payload: form.payload.as_ref().map(&map),
            group,
            rank,
            exact: form.exact.clone(),
        }));
    }

    pub fn len(&self) -> usize {
        self.forms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    /// Folds the forms and compiles them. A contiguous NFA: a DFA is faster to search but
    /// costs 80–430 ms and 40–90 MB to build for a dictionary this size.
    pub fn build(&self) -> Matcher<P> {
        // Sequential: a matcher is built on first use, maybe on a rayon worker, which must
        // not pick up another task that waits for the same matcher.
        let folded: Vec<String> = self.surface.iter().map(|f| fold::fold_form(f)).collect();
        let longest = folded.iter().map(String::len).max().unwrap_or(0);
        let automaton = (!folded.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .build(&folded)
                .expect("folded dictionary forms always build")
        });
        Matcher {
            automaton,
            forms: self.forms.clone(),
            longest,
        }
    }
}

/// A compiled dictionary.
#[derive(Debug, Clone)]
pub struct Matcher<P> {
    automaton: Option<AhoCorasick>,
    forms: Vec<Form<P>>,
    /// The longest folded form, in bytes: how far past a window its candidates may reach.
    longest: usize,
}

impl<P> Default for Matcher<P> {
    fn default() -> Self {
        Self {
            automaton: None,
            forms: Vec::new(),
            longest: 0,
        }
    }
}

/// How much folded text a search takes at once: the candidates of one window are held
/// for the selection, so a paragraph of any size (a 50 MB dump on one line) costs the
/// memory of a window.
const WINDOW: usize = 64 * 1024;

/// Groups a matcher may hold.
const MAX_GROUPS: usize = 8;

/// A candidate occurrence: group, start, end, rank, form index; sorted as a tuple, it puts
/// each group's leftmost-longest lowest-rank candidate first.
type Candidate = (u8, usize, std::cmp::Reverse<usize>, u8, u32);

thread_local! {
    /// The candidates of the current search, kept between calls so a search allocates
    /// nothing once the buffer has grown.
    static CANDIDATES: RefCell<Vec<Candidate>> = const { RefCell::new(Vec::new()) };
}

impl<P: Clone> Matcher<P> {
    pub fn builder() -> MatcherBuilder<P> {
        MatcherBuilder::default()
    }

    pub fn len(&self) -> usize {
        self.forms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    /// Every whole-word occurrence within `range` of the folded text that passes its case
    /// check, overlapping ones included, in no particular order.
    fn candidates<'m>(
        &'m self,
        original: &'m str,
        folded: &'m Folded,
        range: Range<usize>,
    ) -> impl Iterator<Item = (Range<usize>, u32, &'m Form<P>)> + 'm {
        let input = Input::new(folded.text.as_str()).range(range);
        self.automaton
            .iter()
            .flat_map(move |automaton| automaton.find_overlapping_iter(input.clone()))
            .filter_map(move |found| {
                let range = found.range();
                let index = found.pattern().as_u32();
                let form = &self.forms[index as usize];
                if !folded.is_whole_words(range.clone()) {
                    return None;
                }
                if let Some(exact) = &form.exact {
                    let source = &original[folded.original_range(range.clone())];
                    if fold::normalize_keep_case(source) != *exact {
                        return None;
                    }
                }
                Some((range, index, form))
            })
    }

    /// Every group's non-overlapping whole-word occurrences in `original` (folded as
    /// `folded`), in group order then text order within each window of the text, in one
    /// scan; `overlapping` groups (a bit per group) keep every occurrence instead, for
    /// vocabulary whose presence matters. At most `limit` hits per group: past that, the
    /// text is a dump, not prose, and the rest would only cost memory. `each` receives each
    /// hit's group with it.
    pub fn scan(
        &self,
        original: &str,
        folded: &Folded,
        overlapping: u64,
        limit: usize,
        mut each: impl FnMut(u8, Hit<P>),
    ) {
        let text_len = folded.text.len();
        let mut taken_until = [0usize; MAX_GROUPS];
        let mut counts = [0usize; MAX_GROUPS];
        CANDIDATES.with_borrow_mut(|candidates| {
            let mut window = 0;
            while window < text_len {
                let window_end = (window + WINDOW).min(text_len);
                // Candidates that start in the window, however far they reach.
                let search_end = (window_end + self.longest).min(text_len);
                candidates.clear();
                candidates.extend(
                    self.candidates(original, folded, window..search_end)
                        .filter(|(range, _, _)| range.start < window_end)
                        .map(|(range, index, form)| {
                            let end = std::cmp::Reverse(range.end);
                            (form.group, range.start, end, form.rank, index)
                        }),
                );
                candidates.sort_unstable();
                for &(group, start, std::cmp::Reverse(end), _, index) in candidates.iter() {
                    let g = usize::from(group);
                    let keep_all = overlapping & (1 << group) != 0;
                    if (start < taken_until[g] && !keep_all) || counts[g] == limit {
                        continue;
                    }
                    taken_until[g] = end;
                    if let Some(payload) = &self.forms[index as usize].payload {
                        counts[g] += 1;
                        let hit = Hit {
                            folded: start..end,
                            payload: payload.clone(),
                        };
                        each(group, hit);
                    }
                }
                window = window_end;
            }
        });
    }

    /// Every payload of a form found within `range` of the folded text, overlapping
    /// occurrences included (ignore phrases have none): for vocabulary whose presence
    /// matters, not its position.
    pub fn payloads_in<'m>(
        &'m self,
        original: &'m str,
        folded: &'m Folded,
        range: Range<usize>,
    ) -> impl Iterator<Item = &'m P> + 'm {
        self.candidates(original, folded, range)
            .filter_map(|(_, _, form)| form.payload.as_ref())
    }

    /// Non-overlapping whole-word occurrences in `original` (folded as `folded`), for a
    /// matcher of one group.
    pub fn find(&self, original: &str, folded: &Folded) -> Vec<Hit<P>> {
        let mut hits = Vec::new();
        self.scan(original, folded, 0, usize::MAX, |_, hit| hits.push(hit));
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(forms: &[(&str, Option<u32>, bool)]) -> Matcher<u32> {
        let mut builder = Matcher::builder();
        for (form, payload, exact) in forms {
            builder.add(form, *payload, *exact).unwrap();
        }
        builder.build()
    }

    fn found(matcher: &Matcher<u32>, text: &str) -> Vec<(String, u32)> {
        let folded = fold::fold(text);
        matcher
            .find(text, &folded)
            .into_iter()
            .map(|hit| {
                (
                    text[folded.original_range(hit.folded)].to_string(),
                    hit.payload,
                )
            })
            .collect()
    }

    #[test]
    fn whole_words_only_and_longest_wins() {
        let m = matcher(&[
            ("lead{,s}", Some(1), false),
            ("reco{,s}", Some(2), false),
            ("go-to-market", Some(3), false),
            ("go", Some(4), false),
        ]);
        assert_eq!(found(&m, "Leadership and record"), vec![]);
        assert_eq!(
            found(&m, "Leads, Recos; GO TO\nMARKET"),
            vec![
                ("Leads".into(), 1),
                ("Recos".into(), 2),
                ("GO TO\nMARKET".into(), 3)
            ]
        );
    }

    #[test]
    fn ignore_phrases_silence_what_they_cover() {
        let m = matcher(&[
            ("leverage", Some(1), false),
            ("enough leverage", None, false),
            ("драйв{ить,ити,и}", Some(2), false),
            ("тест-драйв{,и}", None, false),
        ]);
        assert_eq!(
            found(&m, "gives enough leverage; we leverage"),
            vec![("leverage".into(), 1)]
        );
        assert_eq!(
            found(&m, "Перші тест-драйви; будемо драйвити"),
            vec![("драйвити".into(), 2)]
        );
    }

    #[test]
    fn case_sensitive_forms_need_their_case() {
        let m = matcher(&[("CA", Some(1), true)]);
        assert_eq!(found(&m, "le CA net, ca va"), vec![("CA".into(), 1)]);
    }

    #[test]
    fn decomposed_and_zero_width_text_matches() {
        let m = matcher(&[("à date", Some(1), false), ("synergy", Some(2), false)]);
        assert_eq!(
            found(&m, "A\u{300} DATE, syn\u{200b}ergy\u{200b}."),
            vec![("A\u{300} DATE".into(), 1), ("syn\u{200b}ergy".into(), 2)]
        );
    }

    #[test]
    fn payloads_in_a_range_include_overlapping_forms() {
        let m = matcher(&[
            ("metre{,s}", Some(1), false),
            ("thirty metres", Some(2), false),
            ("reef", Some(3), false),
        ]);
        let text = "Down the reef. Then thirty metres down.";
        let folded = fold::fold(text);
        let second = folded.text.find("then").unwrap();
        let mut found: Vec<u32> = m
            .payloads_in(text, &folded, second..folded.text.len())
            .copied()
            .collect();
        found.sort();
        assert_eq!(found, vec![1, 2]);
    }

    #[test]
    fn windows_and_the_limit_keep_the_selection_of_one_pass() {
        let m = matcher(&[
            ("leverage", Some(1), false),
            ("leverage synergy", Some(2), false),
        ]);
        // Phrases across every window boundary: the longer one wins wherever it falls.
        let phrase = "leverage synergy, ";
        let times = 2 * WINDOW / phrase.len() + 1;
        let text = phrase.repeat(times);
        let hits = m.find(&text, &fold::fold(&text));
        assert_eq!(hits.len(), times);
        assert!(hits.iter().all(|hit| hit.payload == 2));
        let mut kept = 0;
        m.scan(&text, &fold::fold(&text), 0, 10, |_, _| kept += 1);
        assert_eq!(kept, 10);
    }

    #[test]
    fn a_rejected_longer_candidate_does_not_hide_a_shorter_one() {
        let m = matcher(&[
            ("best practices", Some(1), false),
            ("best practice", Some(2), false),
        ]);
        assert_eq!(
            found(&m, "our best practicesx best practice"),
            vec![("best practice".into(), 2)]
        );
    }
}
