//! Safe preview rendering of Markdown (the export preview).
//!
//! pulldown-cmark passes raw HTML through and does not filter link schemes,
//! and its own HTML writer is not even compiled in (default features off).
//! So this module renders the event stream itself, with an allow-list:
//! every tag in the output is one this file writes, every piece of text is
//! escaped, raw HTML (block and inline) is shown as text, and links keep
//! their target only for `http`, `https` and `mailto`. Images never load
//! (privacy: no request may leave the device while previewing): an image
//! becomes the text "[image: alt]", linked when its address is allowed.

use pulldown_cmark::{CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd};

/// Schemes a link may keep. Compared case-insensitively against the start of
/// the destination as pulldown-cmark decoded it (entities already resolved),
/// so `&#106;avascript:` or `JAVASCRIPT:` are caught, and anything with a
/// stray character before the scheme (`java\tscript:`) simply does not match.
const ALLOWED_PREFIXES: [&str; 3] = ["http://", "https://", "mailto:"];

/// Whether a link destination may be kept.
pub fn is_allowed_url(url: &str) -> bool {
    ALLOWED_PREFIXES.iter().any(|p| {
        url.len() > p.len()
            && url
                .get(..p.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(p))
    })
}

/// Renders Markdown to inert HTML: only structural tags written here, escaped
/// text, no raw HTML, no scripts, no event handlers, no loaded resources.
pub fn render_preview(md: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut r = Renderer::default();
    for event in Parser::new_ext(md, options) {
        r.event(event);
    }
    r.out
}

#[derive(Default)]
struct Renderer {
    out: String,
    /// For each open link or image: whether an `<a>` was written for it.
    anchors: Vec<bool>,
    /// Open `<a>` elements (no nesting of anchors).
    open_anchors: usize,
    in_table_head: bool,
}

impl Renderer {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::InlineMath(t) | Event::DisplayMath(t) => self.text(&t),
            Event::Code(t) => {
                self.out.push_str("<code>");
                self.text(&t);
                self.out.push_str("</code>");
            }
            // Raw HTML is shown as the user typed it, never interpreted.
            Event::Html(t) | Event::InlineHtml(t) => self.text(&t),
            Event::FootnoteReference(t) => {
                self.out.push('[');
                self.text(&t);
                self.out.push(']');
            }
            Event::SoftBreak => self.out.push('\n'),
            Event::HardBreak => self.out.push_str("<br>\n"),
            Event::Rule => self.out.push_str("<hr>\n"),
            Event::TaskListMarker(checked) => self.out.push_str(if checked {
                "<input type=\"checkbox\" disabled checked> "
            } else {
                "<input type=\"checkbox\" disabled> "
            }),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        let html: String = match tag {
            Tag::Paragraph => "<p>".into(),
            Tag::Heading { level, .. } => format!("<{level}>"),
            Tag::BlockQuote(_) => "<blockquote>\n".into(),
            Tag::CodeBlock(CodeBlockKind::Fenced(info)) => {
                let lang: String = info
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '+'))
                    .collect();
                if lang.is_empty() {
                    "<pre><code>".into()
                } else {
                    format!("<pre><code class=\"language-{lang}\">")
                }
            }
            Tag::CodeBlock(CodeBlockKind::Indented) => "<pre><code>".into(),
            Tag::HtmlBlock => "<p class=\"raw-html\">".into(),
            Tag::List(Some(1)) => "<ol>\n".into(),
            Tag::List(Some(start)) => format!("<ol start=\"{start}\">\n"),
            Tag::List(None) => "<ul>\n".into(),
            Tag::Item => "<li>".into(),
            Tag::FootnoteDefinition(_) => "<div class=\"footnote\">".into(),
            Tag::DefinitionList => "<dl>\n".into(),
            Tag::DefinitionListTitle => "<dt>".into(),
            Tag::DefinitionListDefinition => "<dd>".into(),
            Tag::Table(_) => "<table>\n".into(),
            Tag::TableHead => {
                self.in_table_head = true;
                "<thead><tr>".into()
            }
            Tag::TableRow => "<tr>".into(),
            Tag::TableCell => if self.in_table_head { "<th>" } else { "<td>" }.into(),
            Tag::Emphasis => "<em>".into(),
            Tag::Strong => "<strong>".into(),
            Tag::Strikethrough => "<del>".into(),
            Tag::Superscript => "<sup>".into(),
            Tag::Subscript => "<sub>".into(),
            // Email autolinks (`<me@example.com>`) carry the bare address.
            Tag::Link {
                link_type: LinkType::Email,
                dest_url,
                ..
            } => self.open_link(&format!("mailto:{dest_url}"), ""),
            Tag::Link { dest_url, .. } => self.open_link(&dest_url, ""),
            Tag::Image { dest_url, .. } => self.open_link(&dest_url, "[image: "),
            Tag::MetadataBlock(_) => "<pre>".into(),
        };
        self.out.push_str(&html);
    }

    /// Opens a link or an image: an `<a>` only for an allowed scheme and not
    /// inside another anchor; otherwise the content stays as plain text.
    fn open_link(&mut self, url: &str, prefix: &str) -> String {
        let keep = is_allowed_url(url) && self.open_anchors == 0;
        self.anchors.push(keep);
        let mut html = String::new();
        if keep {
            self.open_anchors += 1;
            html.push_str("<a href=\"");
            escape_into(&mut html, url);
            html.push_str("\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">");
        }
        html.push_str(prefix);
        html
    }

    fn close_link(&mut self, suffix: &str) {
        self.out.push_str(suffix);
        if self.anchors.pop().unwrap_or(false) {
            self.open_anchors = self.open_anchors.saturating_sub(1);
            self.out.push_str("</a>");
        }
    }

    fn end(&mut self, tag: TagEnd) {
        let html: String = match tag {
            TagEnd::Paragraph => "</p>\n".into(),
            TagEnd::Heading(level) => format!("</{level}>\n"),
            TagEnd::BlockQuote(_) => "</blockquote>\n".into(),
            TagEnd::CodeBlock => "</code></pre>\n".into(),
            TagEnd::HtmlBlock => "</p>\n".into(),
            TagEnd::List(true) => "</ol>\n".into(),
            TagEnd::List(false) => "</ul>\n".into(),
            TagEnd::Item => "</li>\n".into(),
            TagEnd::FootnoteDefinition => "</div>\n".into(),
            TagEnd::DefinitionList => "</dl>\n".into(),
            TagEnd::DefinitionListTitle => "</dt>\n".into(),
            TagEnd::DefinitionListDefinition => "</dd>\n".into(),
            TagEnd::Table => "</tbody></table>\n".into(),
            TagEnd::TableHead => {
                self.in_table_head = false;
                "</tr></thead><tbody>\n".into()
            }
            TagEnd::TableRow => "</tr>\n".into(),
            TagEnd::TableCell => if self.in_table_head { "</th>" } else { "</td>" }.into(),
            TagEnd::Emphasis => "</em>".into(),
            TagEnd::Strong => "</strong>".into(),
            TagEnd::Strikethrough => "</del>".into(),
            TagEnd::Superscript => "</sup>".into(),
            TagEnd::Subscript => "</sub>".into(),
            TagEnd::Link => return self.close_link(""),
            TagEnd::Image => return self.close_link("]"),
            TagEnd::MetadataBlock(_) => "</pre>\n".into(),
        };
        self.out.push_str(&html);
    }

    fn text(&mut self, text: &str) {
        escape_into(&mut self.out, text);
    }
}

/// Escapes text for HTML content and double-quoted attribute values.
pub(crate) fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Tags this renderer may write; anything else in the output is a leak.
    const ALLOWED_TAGS: &[&str] = &[
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "code",
        "ol",
        "ul",
        "li",
        "div",
        "dl",
        "dt",
        "dd",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "em",
        "strong",
        "del",
        "sup",
        "sub",
        "a",
        "br",
        "hr",
        "input",
    ];

    /// Asserts the HTML holds only allowed tags, no event-handler or `src`
    /// attribute, and only allowed link targets. Every `<` in the output
    /// starts a tag, because text `<` is always escaped.
    fn assert_inert(html: &str) {
        for (i, _) in html.match_indices('<') {
            let rest = &html[i + 1..];
            let end = rest.find('>').unwrap_or(rest.len());
            let tag = &rest[..end];
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            assert!(
                ALLOWED_TAGS.contains(&name.as_str()),
                "tag <{tag}> in {html}"
            );
            let lower = tag.to_ascii_lowercase();
            for attr in lower.split_whitespace().skip(1) {
                assert!(!attr.starts_with("on"), "handler {attr} in {html}");
                assert!(!attr.starts_with("src"), "src in {html}");
                assert!(!attr.starts_with("style"), "style in {html}");
            }
            if let Some(pos) = lower.find("href=\"") {
                let url = &lower[pos + 6..];
                assert!(
                    ["http://", "https://", "mailto:"]
                        .iter()
                        .any(|p| url.starts_with(p)),
                    "href {url} in {html}"
                );
            }
        }
        let lower = html.to_ascii_lowercase();
        for bad in [
            "<script",
            "<img",
            "<iframe",
            "<svg",
            "<style",
            "javascript:\"",
            "href=\"javascript",
            "href=\"data",
            "href=\"vbscript",
        ] {
            assert!(!lower.contains(bad), "{bad} in {html}");
        }
    }

    #[test]
    fn injections_come_out_as_text() {
        let cases: &[(&str, &str)] = &[
            (
                "<script>alert(1)</script>",
                "&lt;script&gt;alert(1)&lt;/script&gt;",
            ),
            (
                "hi <script>alert(1)</script> there",
                "hi &lt;script&gt;alert(1)&lt;/script&gt; there",
            ),
            (
                "<img src=x onerror=alert(1)>",
                "&lt;img src=x onerror=alert(1)&gt;",
            ),
            (
                "a <img src=x onerror=alert(1)> b",
                "a &lt;img src=x onerror=alert(1)&gt; b",
            ),
            ("<iframe src=\"https://evil\"></iframe>", "&lt;iframe"),
            ("<svg onload=alert(1)>", "&lt;svg onload=alert(1)&gt;"),
            ("[x](javascript:alert(1))", "<p>x</p>"),
            ("[x](JavaScript:alert(1))", "<p>x</p>"),
            ("[x](&#106;avascript:alert(1))", "<p>x</p>"),
            ("[x](data:text/html;base64,PHNjcmlwdD4=)", "<p>x</p>"),
            ("[x](vbscript:msgbox(1))", "<p>x</p>"),
            ("[x]( javascript:alert(1) )", "<p>x</p>"),
            ("[x][r]\n\n[r]: javascript:alert(1)", "<p>x</p>"),
            ("<javascript:alert(1)>", "<p>javascript:alert(1)</p>"),
            ("![a](javascript:alert(1))", "<p>[image: a]</p>"),
            ("&lt;script&gt;", "<p>&lt;script&gt;</p>"),
            ("&#60;script&#62;alert(1)", "<p>&lt;script&gt;alert(1)</p>"),
            ("`<b>`", "<p><code>&lt;b&gt;</code></p>"),
            (
                "[\"x](https://a.example/\"onmouseover=\"alert(1))",
                "href=\"https://a.example/&quot;onmouseover=&quot;alert(1)\"",
            ),
            (
                "[x](https://a.example/?q=\"><script>)",
                "href=\"https://a.example/?q=&quot;&gt;&lt;script&gt;\"",
            ),
            (
                "```html\n<script>alert(1)</script>\n```",
                "<pre><code class=\"language-html\">&lt;script&gt;",
            ),
            ("```\" onclick=\"x\n```", "<pre><code></code></pre>"),
        ];
        for (md, want) in cases {
            let html = render_preview(md);
            assert_inert(&html);
            assert!(html.contains(want), "{md:?} → {html}");
        }
    }

    #[test]
    fn allowed_links_keep_their_target_and_images_never_load() {
        let cases: &[(&str, &str)] = &[
            ("[docs](https://example.com/a?b=1&c=2)", "<p><a href=\"https://example.com/a?b=1&amp;c=2\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">docs</a></p>\n"),
            ("[mail](mailto:me@example.com)", "<a href=\"mailto:me@example.com\""),
            ("<https://example.com>", "<a href=\"https://example.com\""),
            ("<me@example.com>", "<a href=\"mailto:me@example.com\""),
            ("![cat](https://example.com/cat.png)", "<p><a href=\"https://example.com/cat.png\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">[image: cat]</a></p>\n"),
            ("[![in](https://e.example/i.png)](https://e.example)", ">[image: in]</a></p>"),
            ("[rel](page.md)", "<p>rel</p>"),
            ("[frag](#top)", "<p>frag</p>"),
        ];
        for (md, want) in cases {
            let html = render_preview(md);
            assert_inert(&html);
            assert!(html.contains(want), "{md:?} → {html}");
        }
    }

    #[test]
    fn structure_renders() {
        let md = "# T\n\n- a\n- b\n\n3. c\n\n> q\n\n| h |\n|---|\n| v |\n\n**s** *e* ~~d~~\\\nx\n\n---\n";
        let html = render_preview(md);
        assert_inert(&html);
        for want in [
            "<h1>T</h1>",
            "<ul>\n<li>a</li>",
            "<ol start=\"3\">",
            "<blockquote>",
            "<th>h</th>",
            "<td>v</td>",
            "<strong>s</strong>",
            "<em>e</em>",
            "<del>d</del>",
            "<br>",
            "<hr>",
        ] {
            assert!(html.contains(want), "{want} missing from {html}");
        }
    }

    #[test]
    fn scheme_check_is_strict() {
        let cases = [
            ("https://x", true),
            ("HTTP://x", true),
            ("mailto:a@b", true),
            ("https://", false),
            ("javascript:alert(1)", false),
            ("java\tscript:alert(1)", false),
            (" https://x", false),
            ("//evil.example", false),
            ("httpsx://x", false),
            ("", false),
        ];
        for (url, want) in cases {
            assert_eq!(is_allowed_url(url), want, "{url:?}");
        }
    }

    proptest! {
        #[test]
        fn any_input_renders_inert(md in "[<>a-z =\"'/:!\\[\\]()&#;`*_\\n-]{0,80}") {
            assert_inert(&render_preview(&md));
        }
    }
}
