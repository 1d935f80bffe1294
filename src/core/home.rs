//! The home screen as plain HTML, built from the drill catalogue.
//!
//! One source for two uses. The app's Home screen renders [`home_html`], and
//! `index.html` carries [`shell_html`] (the home screen with the app's header
//! and footer) as a prerendered shell: a phone on a slow network shows the
//! drills as soon as the page and its stylesheet arrive, instead of a blank
//! page until the wasm has downloaded and started. The app removes the shell
//! in the same task as it mounts, so nothing flickers or moves.
//! `tests/shell.rs` keeps the copy in `index.html` equal to [`shell_html`].

use super::drills::DRILLS;
use super::markdown::escape_into;
use super::route::Route;

/// The tagline above the drill list.
pub const TAGLINE: &str =
    "Practise turning real ability into evidence an interviewer can see, under a clock.";

/// The inside of `<section class="home">`: tagline, heading and one link per drill.
pub fn home_html() -> String {
    let mut out = String::with_capacity(4096);
    out.push_str("<p class=\"tagline\">");
    escape_into(&mut out, TAGLINE);
    out.push_str("</p><h1>Drills</h1><ul class=\"drill-list\">");
    for drill in DRILLS {
        out.push_str("<li><a class=\"drill-card\" href=\"");
        escape_into(&mut out, &Route::Drill(drill.id.to_owned()).href());
        out.push_str("\"><span class=\"drill-title\">");
        escape_into(&mut out, drill.title);
        out.push_str("</span><span class=\"drill-minutes\">");
        out.push_str(&format!("{} min", drill.minutes));
        out.push_str("</span><span class=\"drill-purpose\">");
        escape_into(&mut out, drill.purpose);
        out.push_str("</span></a></li>");
    }
    out.push_str("</ul>");
    out
}

/// The first screen as static HTML for `index.html`: the same elements the
/// app renders on the home route (skip link, header, main, footer), each
/// marked `data-shell` so the app can remove them before it mounts.
pub fn shell_html() -> String {
    format!(
        concat!(
            "<a class=\"skip-link\" href=\"#main\" data-shell>Skip to content</a>\n",
            "    <header class=\"topbar\" data-shell><a class=\"brand\" href=\"#/\">Evident</a>",
            "<nav aria-label=\"Main\"><a href=\"#/\">Drills</a><a href=\"#/history\">History</a></nav></header>\n",
            "    <main id=\"main\" tabindex=\"-1\" data-shell><section class=\"home\">{}</section></main>\n",
            "    <footer class=\"footer\" data-shell><p>{}</p></footer>"
        ),
        home_html(),
        FOOTER
    )
}

/// The privacy line at the foot of every screen.
pub const FOOTER: &str =
    "Everything stays on this device: no account, no server, nothing is sent anywhere.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_drill_once_with_its_link() {
        let html = home_html();
        for drill in DRILLS {
            let link = format!("href=\"#/drill/{}\"", drill.id);
            assert_eq!(html.matches(&link).count(), 1, "{}", drill.id);
            assert!(html.contains(&format!("{} min", drill.minutes)));
        }
        assert_eq!(html.matches("<li>").count(), DRILLS.len());
    }

    #[test]
    fn every_shell_element_is_marked_for_removal() {
        let shell = shell_html();
        for tag in ["<a class=\"skip-link\"", "<header", "<main", "<footer"] {
            let at = shell.find(tag).expect(tag);
            let end = at + shell[at..].find('>').expect("tag closes");
            assert!(shell[at..end].contains("data-shell"), "{tag}");
        }
    }
}
