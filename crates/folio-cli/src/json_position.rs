//! Finds the line and column of a JSON path (`posts[3].date`) in manifest text, so
//! `folio check` can point an editor at the problem.

/// 1-based line and column of the value at `path`; for a path that is not in the text (a
/// missing field), the position of the nearest enclosing value that is.
pub fn locate(text: &str, path: &str) -> (usize, usize) {
    let segments = split_path(path);
    for n in (0..=segments.len()).rev() {
        if let Some(offset) = find(text, &segments[..n]) {
            return line_column(text, offset);
        }
    }
    (1, 1)
}

#[derive(Debug, PartialEq, Eq)]
enum Segment {
    Key(String),
    Index(usize),
}

fn split_path(path: &str) -> Vec<Segment> {
    let mut segments = Vec::new();
    for part in path.split('.') {
        let (key, indexes) = part
            .split_once('[')
            .map_or((part, ""), |(key, rest)| (key, rest));
        if !key.is_empty() {
            segments.push(Segment::Key(key.to_string()));
        }
        for index in indexes.split('[') {
            if let Ok(n) = index.trim_end_matches(']').parse() {
                segments.push(Segment::Index(n));
            }
        }
    }
    segments
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map_or(0, |tail| tail.chars().count())
        + 1;
    (line, column)
}

/// Byte offset of the value at `path`.
fn find(text: &str, path: &[Segment]) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = skip_space(bytes, 0);
    for segment in path {
        match (segment, bytes.get(at)?) {
            (Segment::Key(wanted), b'{') => {
                at = skip_space(bytes, at + 1);
                loop {
                    if bytes.get(at)? == &b'}' {
                        return None;
                    }
                    let (key, after_key) = read_string(text, at)?;
                    at = skip_space(bytes, after_key);
                    if bytes.get(at)? != &b':' {
                        return None;
                    }
                    at = skip_space(bytes, at + 1);
                    if key == *wanted {
                        break;
                    }
                    at = skip_space(bytes, skip_value(text, at)?);
                    if bytes.get(at)? == &b',' {
                        at = skip_space(bytes, at + 1);
                    }
                }
            }
            (Segment::Index(wanted), b'[') => {
                at = skip_space(bytes, at + 1);
                for _ in 0..*wanted {
                    at = skip_space(bytes, skip_value(text, at)?);
                    if bytes.get(at)? != &b',' {
                        return None;
                    }
                    at = skip_space(bytes, at + 1);
                }
                if bytes.get(at)? == &b']' {
                    return None;
                }
            }
            _ => return None,
        }
    }
    Some(at)
}

fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(|b| b.is_ascii_whitespace()) {
        at += 1;
    }
    at
}

/// A string starting at `at` (which must be `"`): its decoded-enough text and the offset after it.
fn read_string(text: &str, at: usize) -> Option<(String, usize)> {
    let bytes = text.as_bytes();
    if bytes.get(at)? != &b'"' {
        return None;
    }
    let mut end = at + 1;
    while *bytes.get(end)? != b'"' {
        end += if bytes[end] == b'\\' { 2 } else { 1 };
    }
    let raw = text.get(at..=end)?;
    let value = serde_json::from_str::<String>(raw).unwrap_or_default();
    Some((value, end + 1))
}

/// The offset just after the value starting at `at`.
fn skip_value(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    match bytes.get(at)? {
        b'"' => read_string(text, at).map(|(_, end)| end),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut index = at;
            loop {
                match bytes.get(index)? {
                    b'"' => {
                        index = read_string(text, index)?.1;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(index + 1);
                        }
                    }
                    _ => {}
                }
                index += 1;
            }
        }
        _ => {
            let mut index = at;
            while bytes
                .get(index)
                .is_some_and(|b| !matches!(b, b',' | b'}' | b']') && !b.is_ascii_whitespace())
            {
                index += 1;
            }
            Some(index)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "{\n  \"version\": 1,\n  \"site\": { \"title\": \"T\" },\n  \"posts\": [\n    { \"slug\": \"a\", \"tags\": [\"x\", {\"k\": \"]\"}] },\n    {\n      \"slug\": \"b\",\n      \"date\": \"2024-13-01\"\n    }\n  ]\n}\n";

    #[test]
    fn finds_values_by_path() {
        assert_eq!(locate(TEXT, "site.title"), (3, 22));
        assert_eq!(locate(TEXT, "posts[1].date"), (8, 15));
        assert_eq!(locate(TEXT, "posts[0].tags[1]"), (5, 34));
        // A missing field points at its object.
        assert_eq!(locate(TEXT, "posts[1].title"), (6, 5));
        assert_eq!(locate(TEXT, "nothing"), (1, 1));
        assert_eq!(locate("not json", "posts[0]"), (1, 1));
    }
}
