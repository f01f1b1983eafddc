//! Byte offsets → the line and column a person sees in an editor.
//!
//! Lines are 1-based; columns are 1-based and counted in characters, so a Cyrillic word
//! reports the same column as in any editor. A line ends at `\n`, `\r\n` or a lone `\r`
//! (old Mac files, some exports), as CommonMark and so pulldown-cmark read it.

/// Bytes between two character-count checkpoints.
const STRIDE: usize = 4096;

/// Sorted start offsets of every line of one text, and how many characters precede every
/// [`STRIDE`]th byte, so a column on a very long line (a 200 MB one-line export) costs at
/// most one stride of counting rather than the whole line.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    chars_before: Vec<usize>,
}

/// A 1-based line and character column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(line_ends(text).map(|i| i + 1));
        let mut chars_before = vec![0];
        for block in text.as_bytes().chunks(STRIDE) {
            let last = chars_before.last().copied().unwrap_or(0);
            chars_before.push(last + char_starts(block));
        }
        Self {
            starts,
            chars_before,
        }
    }

    /// Characters in `text[..offset]`; `offset` need not be on a character boundary.
    fn chars_up_to(&self, text: &str, offset: usize) -> usize {
        let block = offset / STRIDE;
        let from = block * STRIDE;
        self.chars_before[block] + char_starts(&text.as_bytes()[from..offset])
    }

    /// The line and column of byte `offset` of `text` (the text this index was built from).
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&start| start <= offset) - 1;
        let start = self.starts[line];
        let column = if offset - start <= STRIDE {
            char_starts(&text.as_bytes()[start..offset])
        } else {
            self.chars_up_to(text, offset) - self.chars_up_to(text, start)
        } + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }

    /// Byte range of 1-based `line`, without its line ending.
    pub fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self
            .starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(text.len());
        let mut end = self.starts.get(line).map_or(text.len(), |&next| next - 1);
        // `\r\n`: the `\n` is left out above, the `\r` here.
        if end > start
            && text.as_bytes().get(end) == Some(&b'\n')
            && text.as_bytes().get(end - 1) == Some(&b'\r')
        {
            end -= 1;
        }
        start..end.max(start)
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

/// Bytes that start a character (everything but UTF-8 continuation bytes).
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xc0 != 0x80).count()
}

/// The offset of the last byte of every line ending: each `\n`, and each `\r` not
/// followed by one.
fn line_ends(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().filter_map(|(i, &b)| {
        let ends = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        ends.then_some(i)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "ligne\nприйом інсайти\r\nend";
        let index = LineIndex::new(text);
        let offset = text.find("інсайти").unwrap();
        assert_eq!(index.line_col(text, offset), LineCol { line: 2, column: 8 });
        let end = text.find("end").unwrap();
        assert_eq!(index.line_col(text, end), LineCol { line: 3, column: 1 });
        assert_eq!(&text[index.line_range(text, 2)], "прийом інсайти");
    }

    #[test]
    fn columns_on_very_long_lines_count_characters() {
        let line = "é".repeat(3 * STRIDE) + "x";
        let text = format!("a\n{line}\nb");
        let index = LineIndex::new(&text);
        let x = text.find('x').unwrap();
        assert_eq!(
            index.line_col(&text, x),
            LineCol {
                line: 2,
                column: 3 * STRIDE + 1
            }
        );
        let middle = 2 + "é".len() * (STRIDE + 7);
        assert_eq!(index.line_col(&text, middle).column, STRIDE + 8);
        assert_eq!(
            index.line_col(&text, text.len()),
            LineCol { line: 3, column: 2 }
        );
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        let text = "one\rtwo\r\nthree\r\rfive\n";
        let index = LineIndex::new(text);
        let five = text.find("five").unwrap();
        assert_eq!(index.line_col(text, five), LineCol { line: 5, column: 1 });
        let lines: Vec<&str> = (1..=index.line_count())
            .map(|n| &text[index.line_range(text, n)])
            .collect();
        assert_eq!(lines, ["one", "two", "three", "", "five", ""]);
    }

    #[test]
    fn offset_past_end_is_clamped() {
        let index = LineIndex::new("a\nb");
        assert_eq!(index.line_col("a\nb", 99), LineCol { line: 2, column: 2 });
    }
}
