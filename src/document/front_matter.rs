//! YAML (`---`) or TOML (`+++`) front matter: never linted, read for metadata.
//!
//! We read only the flat keys brieflint uses (`kind`, `lang`, `brief`, and the names in
//! `client`, `brand`, `product`), so a tiny line-based reader is enough for YAML; TOML
//! front matter goes through the `toml` crate.

use std::ops::Range;

/// Metadata a document declares about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// Byte range of the whole block, delimiters included.
    pub range: Range<usize>,
    pub kind: Option<String>,
    pub lang: Option<String>,
    pub brief: Option<String>,
    /// The client's, brand's and product's names: never jargon in this document.
    pub names: Vec<String>,
}

/// Finds front matter at the very start of `source` (after an optional BOM).
pub fn parse(source: &str) -> Option<FrontMatter> {
    let start = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &source[start..];
    let fence = ["---", "+++"]
        .into_iter()
        .find(|f| first_line(rest) == *f)?;
    let body_start = start + line_end(rest, 0);
    let mut cursor = body_start;
    while cursor < source.len() {
        let next = cursor + line_end(&source[cursor..], 0);
        let line = first_line(&source[cursor..]);
        if line == fence || (fence == "---" && line == "...") {
            let body = &source[body_start..cursor];
            let mut front = if fence == "+++" {
                from_toml(body)
            } else {
                from_yaml(body)
            };
            front.range = 0..next;
            return Some(front);
        }
        cursor = next;
    }
    None
}

fn first_line(text: &str) -> &str {
    text.split('\n')
        .next()
        .unwrap_or("")
        .trim_end_matches('\r')
        .trim_end()
}

/// Offset just past the line ending that follows `from`.
fn line_end(text: &str, from: usize) -> usize {
    text[from..].find('\n').map_or(text.len(), |i| from + i + 1)
}

fn from_yaml(body: &str) -> FrontMatter {
    let mut front = FrontMatter::default();
    // The names key whose block list (`- Name` lines) we are reading.
    let mut in_names = false;
    for line in body.lines() {
        let item = line.trim_start().strip_prefix("- ");
        if in_names && let Some(item) = item {
            front.add_name(unquote(item.trim()));
            continue;
        }
        in_names = false;
        // Only top-level `key: value` pairs; nested YAML is someone else's metadata.
        if line.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let (key, value) = (key.trim(), value.trim());
        if is_names_key(key) {
            match value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
                Some(list) => list
                    .split(',')
                    .for_each(|name| front.add_name(unquote(name))),
                None if value.is_empty() => in_names = true,
                None => front.add_name(unquote(value)),
            }
            continue;
        }
        let value = unquote(value);
        if value.is_empty() {
            continue;
        }
        front.set(key, value);
    }
    front
}

fn from_toml(body: &str) -> FrontMatter {
    let mut front = FrontMatter::default();
    if let Ok(table) = body.parse::<toml::Table>() {
        for (key, value) in &table {
            match value {
                toml::Value::String(name) if is_names_key(key) => front.add_name(name),
                toml::Value::Array(names) if is_names_key(key) => names
                    .iter()
                    .filter_map(toml::Value::as_str)
                    .for_each(|name| front.add_name(name)),
                _ => {
                    if let Some(value) = value.as_str() {
                        front.set(key, value);
                    }
                }
            }
        }
    }
    front
}

/// Keys that name the client, a brand or a product.
fn is_names_key(key: &str) -> bool {
    matches!(
        key,
        "client" | "clients" | "brand" | "brands" | "product" | "products"
    )
}

fn unquote(value: &str) -> &str {
    let value = value.split(" #").next().unwrap_or(value).trim();
    for quote in ['"', '\''] {
        if let Some(inner) = value
            .strip_prefix(quote)
            .and_then(|v| v.strip_suffix(quote))
        {
            return inner;
        }
    }
    value
}

impl FrontMatter {
    fn add_name(&mut self, name: &str) {
        let name = name.trim();
        if !name.is_empty() {
            self.names.push(name.to_string());
        }
    }

    fn set(&mut self, key: &str, value: &str) {
        let slot = match key {
            "kind" => &mut self.kind,
            "lang" | "language" => &mut self.lang,
            "brief" => &mut self.brief,
            _ => return,
        };
        *slot = Some(value.to_string());
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
        let src = "+++\r\nkind = \"brief\"\r\nbrand = [\"Seamless\", \"Marram Sun\"]\r\nclient = \"Marram\"\r\n+++\r\nText";
        let front = parse(src).unwrap();
        assert_eq!(front.kind.as_deref(), Some("brief"));
        assert_eq!(front.names, ["Seamless", "Marram Sun", "Marram"]);
        assert_eq!(&src[front.range.end..], "Text");
    }

    #[test]
    fn names_come_from_client_brand_and_product_in_every_yaml_shape() {
        let src = "---\nclient: \"Volga Motors\"\nbrand: [Драйв, 'Ладога E']\nproducts:\n  - Seamless\n  - \"Insight Pro\"\ntags:\n  - synergy\nkind: brief\n---\n";
        let front = parse(src).unwrap();
        assert_eq!(
            front.names,
            [
                "Volga Motors",
                "Драйв",
                "Ладога E",
                "Seamless",
                "Insight Pro"
            ]
        );
        assert_eq!(front.kind.as_deref(), Some("brief"));
    }

    #[test]
    fn a_thematic_break_later_is_not_front_matter() {
        assert_eq!(parse("# Title\n---\nkind: brief\n---\n"), None);
        assert_eq!(parse("---\nunterminated: yes\n"), None);
    }
}
