//! YAML (`---`) or TOML (`+++`) front matter: never linted, read for metadata.
//!
//! pulldown-cmark finds the block, so brieflint agrees with the Markdown parse on where it
//! ends; saphyr reads YAML (quotes, comments, lists and nested maps as YAML means them) and
//! the `toml` crate reads TOML. Front matter that does not parse is ignored: the document is
//! still checked, as if it declared nothing, and the block is still not prose.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use saphyr::{Scalar, Yaml, YamlLoader};

/// Metadata a document declares about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// Byte range of the whole block, delimiters and the closing line's end included.
    pub range: Range<usize>,
    pub kind: Option<String>,
    pub lang: Option<String>,
    pub brief: Option<String>,
    /// `client:` / `clients:` (a name or a list of names): names that are never jargon.
    pub client: Vec<String>,
    /// `brand:` / `brands:`, as `client`.
    pub brand: Vec<String>,
    /// `product:` / `products:`, as `client`.
    pub product: Vec<String>,
}

/// Finds front matter at the very start of `source` (after an optional BOM).
pub fn parse(source: &str) -> Option<FrontMatter> {
    let start = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &source[start..];
    let fence = ["---", "+++"]
        .into_iter()
        .find(|fence| rest.starts_with(fence))?;
    // pulldown-cmark ends the block at the first closing line; parsing up to it (not the
    // whole document) keeps a large file from being parsed twice.
    let candidate = closing_line_end(rest, fence)?;
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut events = Parser::new_ext(&rest[..candidate], options).into_offset_iter();
    let (Event::Start(Tag::MetadataBlock(_)), block) = events.next()? else {
        return None;
    };
    let mut body = String::new();
    for (event, _) in events {
        match event {
            Event::Text(text) => body.push_str(&text),
            Event::End(TagEnd::MetadataBlock(_)) => break,
            _ => {}
        }
    }
    let mut front = if fence == "+++" {
        from_toml(&body)
    } else {
        from_yaml(&body)
    };
    let end = rest[block.end..]
        .find('\n')
        .map_or(rest.len(), |i| block.end + i + 1);
    front.range = 0..start + end;
    Some(front)
}

/// End of the first line after the opening one that could close the block: the fence (or
/// `...` in YAML) followed by spaces only, as pulldown-cmark reads a closing line.
fn closing_line_end(text: &str, fence: &str) -> Option<usize> {
    let mut offset = 0;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']).trim_end_matches(' ');
        if index > 0 && (content == fence || (fence == "---" && content == "...")) {
            return Some(offset);
        }
    }
    None
}

/// What a key holds, whatever the syntax: brieflint's keys hold text or lists of text.
enum Value {
    One(String),
    Many(Vec<String>),
    /// A map, a number or boolean in TOML, a null: nothing brieflint reads.
    Other,
}

fn from_yaml(body: &str) -> FrontMatter {
    let mut front = FrontMatter::default();
    let mut loader = YamlLoader::<Yaml>::default();
    // Scalars stay as written: `product: 1664` is the name "1664", not the number.
    loader.early_parse(false);
    // Users repeat keys by accident; the last one wins, as in most front-matter readers.
    loader.allow_duplicate_keys(true);
    let loaded = saphyr_parser::Parser::new_from_str(body).load(&mut loader, false);
    if loaded.is_err() || loader.error().is_some() {
        return front;
    }
    if let Some(Yaml::Mapping(map)) = loader.into_documents().first() {
        for (key, value) in map {
            if let Some(key) = yaml_text(key) {
                front.set(&key, yaml_value(value));
            }
        }
    }
    front
}

fn yaml_value(node: &Yaml<'_>) -> Value {
    match node {
        Yaml::Sequence(items) => Value::Many(items.iter().filter_map(yaml_text).collect()),
        Yaml::Tagged(_, inner) => yaml_value(inner),
        _ => yaml_text(node).map_or(Value::Other, Value::One),
    }
}

/// A scalar's text as written (quotes and escapes resolved), unless it is YAML's null.
fn yaml_text(node: &Yaml<'_>) -> Option<String> {
    let Yaml::Representation(text, style, tag) = node else {
        return None;
    };
    let resolved = Yaml::value_from_cow_and_metadata(Cow::Borrowed(text), *style, tag.as_ref());
    (!matches!(resolved, Yaml::Value(Scalar::Null))).then(|| text.to_string())
}

fn from_toml(body: &str) -> FrontMatter {
    let mut front = FrontMatter::default();
    if let Ok(table) = body.parse::<toml::Table>() {
        for (key, value) in &table {
            front.set(key, toml_value(value));
        }
    }
    front
}

fn toml_value(value: &toml::Value) -> Value {
    match value {
        toml::Value::String(text) => Value::One(text.clone()),
        toml::Value::Array(items) => Value::Many(
            items
                .iter()
                .filter_map(|item| item.as_str().map(str::to_string))
                .collect(),
        ),
        _ => Value::Other,
    }
}

impl FrontMatter {
    /// The client's own names (`client`, `brand`, `product`): never reported as jargon.
    pub fn names(&self) -> impl Iterator<Item = &String> {
        self.client.iter().chain(&self.brand).chain(&self.product)
    }

    fn set(&mut self, key: &str, value: Value) {
        let names = match key.to_ascii_lowercase().as_str() {
            "kind" => return set_one(&mut self.kind, value),
            "lang" | "language" => return set_one(&mut self.lang, value),
            "brief" => return set_one(&mut self.brief, value),
            "client" | "clients" => &mut self.client,
            "brand" | "brands" => &mut self.brand,
            "product" | "products" => &mut self.product,
            _ => return,
        };
        let values = match value {
            Value::One(text) => vec![text],
            Value::Many(list) => list,
            Value::Other => Vec::new(),
        };
        names.extend(
            values
                .into_iter()
                .map(|name| name.trim().to_string())
                .filter(|name| !name.is_empty()),
        );
    }
}

/// `kind`, `lang` and `brief` take one value: a list or a map there is ignored.
fn set_one(slot: &mut Option<String>, value: Value) {
    if let Value::One(text) = value {
        let text = text.trim();
        if !text.is_empty() {
            *slot = Some(text.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_keys_are_read_and_range_covers_the_block() {
        let src = "---\nkind: proposal\nlang: \"fr\"\ntags: [go-to-market]\nbrief: ../brief.md\n---\n# Title\n";
        let front = parse(src).unwrap();
        assert_eq!(front.kind.as_deref(), Some("proposal"));
        assert_eq!(front.lang.as_deref(), Some("fr"));
        assert_eq!(front.brief.as_deref(), Some("../brief.md"));
        assert_eq!(&src[front.range.end..], "# Title\n");
    }

    #[test]
    fn toml_front_matter_and_crlf() {
        let src = "+++\r\nkind = \"brief\"\r\nbrand = [\"Acme\", \"Acme Go\"]\r\n+++\r\nText";
        let front = parse(src).unwrap();
        assert_eq!(front.kind.as_deref(), Some("brief"));
        assert_eq!(front.brand, ["Acme", "Acme Go"]);
        assert_eq!(&src[front.range.end..], "Text");
    }

    #[test]
    fn a_thematic_break_later_is_not_front_matter() {
        assert_eq!(parse("# Title\n---\nkind: brief\n---\n"), None);
        assert_eq!(parse("---\nunterminated: yes\n"), None);
        // pulldown-cmark's rule: the block's first line may not be blank.
        assert_eq!(parse("---\n\nkind: brief\n---\n"), None);
    }

    #[test]
    fn a_quoted_hash_is_text_and_a_comment_is_not() {
        let src =
            "---\nbrief: \"briefs/client #2.md\" # the 2026 one\nkind: proposal # see below\n---\n";
        let front = parse(src).unwrap();
        assert_eq!(front.brief.as_deref(), Some("briefs/client #2.md"));
        assert_eq!(front.kind.as_deref(), Some("proposal"));
    }

    #[test]
    fn names_are_strings_or_lists_and_nested_maps_are_ignored() {
        let src = "---\nclient: Acme\nbrands:\n  - Drive-to-Store Pro\n  - 'Synergy #1'\nproduct: 1664\nowner:\n  name: Ann\n  kind: brief\nlang:\n  - fr\n---\n";
        let front = parse(src).unwrap();
        assert_eq!(front.client, ["Acme"]);
        assert_eq!(front.brand, ["Drive-to-Store Pro", "Synergy #1"]);
        assert_eq!(front.product, ["1664"], "a number is the name as written");
        assert_eq!(front.kind, None, "a nested key is not the document's kind");
        assert_eq!(front.lang, None, "a list is not a language");
    }

    #[test]
    fn nulls_are_absent() {
        let front = parse("---\nbrief: ~\nkind: null\nclient: [Acme, null]\n---\n").unwrap();
        assert_eq!((front.brief, front.kind), (None, None));
        assert_eq!(front.client, ["Acme"]);
    }

    #[test]
    fn malformed_yaml_reads_nothing_but_keeps_the_block_out_of_prose() {
        let src = "---\nkind: proposal\nbrief: \"unclosed\n  - : [\n---\n# Title\n";
        let front = parse(src).unwrap();
        assert_eq!(front.kind, None);
        assert_eq!(&src[front.range.end..], "# Title\n");
    }

    #[test]
    fn a_closing_fence_must_stand_alone_and_dots_close_yaml() {
        let src = "---\nkind: brief\n--- not the end\nlang: fr\n...\nText";
        let front = parse(src).unwrap();
        assert_eq!(&src[front.range.end..], "Text");
        let bom = "\u{feff}---\nkind: brief\n---   \nText";
        assert_eq!(&bom[parse(bom).unwrap().range.end..], "Text");
        let at_eof = "---\nkind: brief\n---";
        assert_eq!(parse(at_eof).unwrap().range, 0..at_eof.len());
    }
}
