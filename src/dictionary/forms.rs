//! Brace expansion of dictionary forms: `insight{,s}` → `insight`, `insights`.

/// Why a form could not be expanded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormError {
    #[error("unbalanced braces in form {0:?}")]
    Unbalanced(String),
    #[error("nested braces are not supported in form {0:?}")]
    Nested(String),
    #[error("empty form")]
    Empty,
    #[error("form {0:?} expands to more than 512 variants")]
    TooMany(String),
}

/// Every surface form `pattern` stands for, in order.
pub fn expand(pattern: &str) -> Result<Vec<String>, FormError> {
    let mut results = vec![String::new()];
    let mut rest = pattern;
    while !rest.is_empty() {
        match rest.find(['{', '}']) {
            None => {
                results.iter_mut().for_each(|r| r.push_str(rest));
                rest = "";
            }
            Some(at) if rest.as_bytes()[at] == b'}' => {
                return Err(FormError::Unbalanced(pattern.into()));
            }
            Some(open) => {
                results.iter_mut().for_each(|r| r.push_str(&rest[..open]));
                let after = &rest[open + 1..];
                let close = after
                    .find('}')
                    .ok_or_else(|| FormError::Unbalanced(pattern.into()))?;
                let group = &after[..close];
                if group.contains('{') {
                    return Err(FormError::Nested(pattern.into()));
                }
                let alternatives: Vec<&str> = group.split(',').collect();
                if results.len() * alternatives.len() > 512 {
                    return Err(FormError::TooMany(pattern.into()));
                }
                results = results
                    .iter()
                    .flat_map(|prefix| {
                        alternatives
                            .iter()
                            .map(move |alt| format!("{prefix}{}", alt.trim()))
                    })
                    .collect();
                rest = &after[close + 1..];
            }
        }
    }
    results.retain(|r| !r.trim().is_empty());
    if results.is_empty() {
        return Err(FormError::Empty);
    }
    Ok(results)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_groups_as_a_product() {
        assert_eq!(expand("insight{,s}").unwrap(), ["insight", "insights"]);
        assert_eq!(
            expand("{r,R}esiz{é,és}").unwrap(),
            ["resizé", "resizés", "Resizé", "Resizés"]
        );
        assert_eq!(expand("go-to-market").unwrap(), ["go-to-market"]);
    }

    #[test]
    fn rejects_malformed_patterns() {
        assert!(matches!(expand("a{b"), Err(FormError::Unbalanced(_))));
        assert!(matches!(expand("a}b"), Err(FormError::Unbalanced(_))));
        assert!(matches!(expand("a{b{c}}"), Err(FormError::Nested(_))));
        assert_eq!(expand("{,}"), Err(FormError::Empty));
    }
}
