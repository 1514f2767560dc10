//! Image dimensions, so a post's images reserve their box before they load (no layout
//! shift). `folio build` measures the local images a post shows and publishes them in the
//! manifest (`posts[].images`, a Folio extension: `{"posts/images/a.png": [640, 360]}`);
//! the renderer writes them as `width` and `height`, from which the browser computes the
//! aspect ratio while the image is still loading.

/// An image's intrinsic size: its site-relative path, width and height in CSS pixels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageSize {
    /// The site-relative path, as the renderer resolves the post's `src`.
    pub path: String,
    /// Width.
    pub width: u32,
    /// Height.
    pub height: u32,
}

/// The size an SVG document declares: `width` and `height` on its root element when both
/// are plain or `px` lengths, else its `viewBox`. `None` when it declares neither (or uses
/// relative units such as `%` or `em`).
pub fn svg_size(text: &str) -> Option<(u32, u32)> {
    let start = text.find("<svg")?;
    let tag = &text[start..start + text[start..].find('>')?];
    let length = |name: &str| -> Option<f64> {
        let value = attribute(tag, name)?;
        let number = value.trim().trim_end_matches("px");
        number
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite() && *n > 0.0)
    };
    let round = |value: f64| -> Option<u32> {
        let rounded = value.round();
        (rounded >= 1.0 && rounded <= f64::from(u32::MAX)).then_some(rounded as u32)
    };
    if let (Some(width), Some(height)) = (length("width"), length("height")) {
        return Some((round(width)?, round(height)?));
    }
    let view_box = attribute(tag, "viewBox")?;
    let numbers: Vec<f64> = view_box
        .split([' ', ',', '\t', '\n'])
        .filter(|part| !part.is_empty())
        .filter_map(|part| part.parse().ok())
        .collect();
    match numbers[..] {
        [_, _, width, height] if width > 0.0 && height > 0.0 => {
            Some((round(width)?, round(height)?))
        }
        _ => None,
    }
}

/// The value of attribute `name` in a start tag's text, quoted with `"` or `'`.
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let mut rest = tag;
    while let Some(at) = rest.find(name) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + name.len()..].trim_start();
        rest = &rest[at + name.len()..];
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let Some(value) = after.strip_prefix('=') else {
            continue;
        };
        let value = value.trim_start();
        let quote = value.chars().next()?;
        if quote != '"' && quote != '\'' {
            continue;
        }
        let value = &value[1..];
        return value.find(quote).map(|end| &value[..end]);
    }
    None
}

/// The size of the image at `src` (a URL as the renderer resolves it, `%20` and all), when
/// `sizes` has it: the sizes name the file as it is on disk.
pub(crate) fn size_of<'s>(sizes: &'s [ImageSize], src: &str) -> Option<&'s ImageSize> {
    if sizes.is_empty() {
        return None;
    }
    let file = crate::slug::percent_decode(src);
    sizes.iter().find(|size| size.path == file)
}

/// How the sanitizer (and trusted raw HTML, mostly) starts an image tag.
pub(crate) const IMG_START: &str = "<img src=\"";

/// Raw HTML `html` with `loading="lazy" decoding="async"` on every `<img>` that does not say
/// how it loads, and `width`/`height` on those whose `src` is in `sizes` and that have none;
/// `html` itself when it has no image. (The renderer writes Markdown's images whole.)
pub(crate) fn lazy_images(html: String, sizes: &[ImageSize]) -> String {
    const IMG: &str = IMG_START;
    let finder = crate::markdown::finder(IMG);
    let Some(first) = finder.find(html.as_bytes()) else {
        return html;
    };
    let mut out = String::with_capacity(html.len() + 64);
    out.push_str(&html[..first]);
    let mut rest = &html[first..];
    while let Some(at) = finder.find(rest.as_bytes()) {
        out.push_str(&rest[..at]);
        let tag_end = rest[at..].find('>').map_or(rest.len(), |end| at + end);
        let tag = &rest[at..tag_end];
        out.push_str("<img");
        if !tag.contains(" loading=") {
            out.push_str(" loading=\"lazy\" decoding=\"async\"");
        }
        let src = &tag[IMG.len()..];
        let src = &src[..src.find('"').unwrap_or(src.len())];
        // The sanitizer escaped the URL's `&`.
        let size = size_of(sizes, &src.replace("&amp;", "&"));
        if let Some(size) = size.filter(|_| !tag.contains(" width=") && !tag.contains(" height=")) {
            use std::fmt::Write as _;
            let _ = write!(out, " width=\"{}\" height=\"{}\"", size.width, size.height);
        }
        out.push_str(" src=\"");
        rest = &rest[at + IMG.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_sizes_come_from_width_and_height_or_the_view_box() {
        assert_eq!(
            svg_size(
                r#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="640" height="360">"#
            ),
            Some((640, 360))
        );
        assert_eq!(
            svg_size(r#"<svg width='64.4px' height="32px" viewBox="0 0 1 1">"#),
            Some((64, 32))
        );
        assert_eq!(
            svg_size(r#"<svg viewBox="0 0 720 300" xmlns="http://www.w3.org/2000/svg">"#),
            Some((720, 300))
        );
        assert_eq!(
            svg_size(r#"<svg width="100%" height="100%" viewBox="0,0,800,450">"#),
            Some((800, 450))
        );
        assert_eq!(svg_size(r#"<svg data-width="5" xmlns="x">"#), None);
        assert_eq!(svg_size(r#"<svg viewBox="0 0 -1 5">"#), None);
        assert_eq!(svg_size("not an svg"), None);
        assert_eq!(svg_size("<svg width=\"1e40\" height=\"2\">"), None);
    }

    #[test]
    fn images_load_lazily_and_reserve_their_box_when_their_size_is_known() {
        let sizes = [ImageSize {
            path: "posts/images/a.svg".into(),
            width: 640,
            height: 360,
        }];
        assert_eq!(
            lazy_images(
                r#"<p><img src="posts/images/a.svg" alt="A" /></p>"#.into(),
                &sizes
            ),
            r#"<p><img loading="lazy" decoding="async" width="640" height="360" src="posts/images/a.svg" alt="A" /></p>"#
        );
        let spaced = [ImageSize {
            path: "posts/images/a b&c é.png".into(),
            width: 2,
            height: 1,
        }];
        assert!(lazy_images(
            r#"<img src="posts/images/a%20b&amp;c%20%C3%A9.png" alt="">"#.into(),
            &spaced
        )
        .contains(r#"width="2" height="1""#));
        // Unknown images, and images that give their own size or loading, keep theirs.
        assert_eq!(
            lazy_images(
                r#"<img src="b.png" alt=""><img src="posts/images/a.svg" width="10" loading="eager">"#
                    .into(),
                &sizes
            ),
            r#"<img loading="lazy" decoding="async" src="b.png" alt=""><img src="posts/images/a.svg" width="10" loading="eager">"#
        );
    }
}
