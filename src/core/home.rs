//! The home screen as plain HTML, built from the drill catalogue, and the
//! line that says where to go now (a running drill, a first drill, the next).
//!
//! One source for two uses. The app's Home screen renders [`home_html`], and
//! `index.html` carries [`shell_html`] (the home screen with the app's header
//! and footer) as a prerendered shell: a phone on a slow network shows the
//! drills as soon as the page and its stylesheet arrive, instead of a blank
//! page until the wasm has downloaded and started. The app removes the shell
//! in the same task as it mounts, so nothing flickers or moves.
//! `tests/shell.rs` keeps the copy in `index.html` equal to [`shell_html`].

use super::attempt::Attempt;
use super::drills::{drill, Drill, DRILLS};
use super::markdown::escape_into;
use super::progress;
use super::route::Route;
use super::summary::AttemptSummary;
use super::timer::{format_clock, format_elapsed, Phase};

/// The tagline above the drill list.
pub const TAGLINE: &str =
    "Practise turning real ability into evidence an interviewer can see, under a clock.";

/// The drill a first-time user should start with, and why.
pub const FIRST_DRILL: &str = "evidence-replay";
const FIRST_REASON: &str =
    "one project told weak, mid and senior shows in 20 minutes what the feedback looks for.";

/// The line between the heading and the drill list: where to go now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StartHere {
    /// A drill whose clock is still running (or paused): "Continue: Hint
    /// recovery, 7:12 left".
    Continue { drill: &'static Drill, line: String },
    /// Nothing practised yet.
    FirstTime { drill: &'static Drill },
    /// The History suggestion: one drill to run next and why.
    Next {
        drill: &'static Drill,
        reason: String,
    },
}

/// Where to go now: the running drill most recently touched (among the
/// attempts open in full, `open`: every unfinished attempt is); else the
/// first drill for someone with no attempts; else History's suggestion
/// (from every attempt's summary, `all`).
pub fn start_here(open: &[Attempt], all: &[AttemptSummary], now: i64) -> Option<StartHere> {
    let running = open
        .iter()
        .filter(|a| a.is_started() && !a.is_finished())
        .filter_map(|a| a.drill().map(|d| (a, d)))
        .max_by_key(|(a, _)| a.updated_at_ms);
    if let Some((a, d)) = running {
        let left = a.timer.remaining_ms(now);
        let time = match a.timer.phase(now) {
            Phase::Paused => format!("{} left, paused", format_clock(left)),
            Phase::Overtime => format!("{} over the plan", format_elapsed(-left)),
            _ => format!("{} left", format_clock(left)),
        };
        return Some(StartHere::Continue {
            drill: d,
            line: format!("Continue: {}, {time}", d.title),
        });
    }
    let practised = all.iter().any(AttemptSummary::is_listed);
    if !practised {
        return drill(FIRST_DRILL).map(|drill| StartHere::FirstTime { drill });
    }
    progress::suggest(all, &progress::holdbacks(all)).map(|s| StartHere::Next {
        drill: s.drill,
        reason: s.reason,
    })
}

/// The inside of `<p class="start-here">` (escaped).
pub fn start_here_html(start: &StartHere) -> String {
    let mut out = String::with_capacity(256);
    let link = |out: &mut String, d: &Drill, text: &str| {
        out.push_str("<a href=\"");
        escape_into(out, &Route::Drill(d.id.to_owned()).href());
        out.push_str("\">");
        escape_into(out, text);
        out.push_str("</a>");
    };
    match start {
        StartHere::Continue { drill, line } => {
            out.push_str("<strong>");
            link(&mut out, drill, line);
            out.push_str("</strong>");
        }
        StartHere::FirstTime { drill } => {
            out.push_str("New here? Start with ");
            link(&mut out, drill, drill.title);
            out.push_str(": ");
            escape_into(&mut out, FIRST_REASON);
        }
        StartHere::Next { drill, reason } => {
            out.push_str("Next: ");
            link(&mut out, drill, drill.title);
            out.push_str(". ");
            escape_into(&mut out, reason);
        }
    }
    out
}

/// The drill list: one link per drill with its minutes and purpose.
pub fn drill_list_html() -> String {
    let mut out = String::with_capacity(4096);
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
    out
}

/// The inside of `<section class="home">` as a first-time visitor sees it:
/// tagline, heading, where to start, and one link per drill. (The app fills
/// "where to start" from the user's attempts.)
pub fn home_html() -> String {
    let mut out = String::with_capacity(4096);
    out.push_str("<p class=\"tagline\">");
    escape_into(&mut out, TAGLINE);
    out.push_str("</p><h1>Drills</h1><p class=\"start-here\">");
    if let Some(first) = drill(FIRST_DRILL) {
        out.push_str(&start_here_html(&StartHere::FirstTime { drill: first }));
    }
    out.push_str("</p><ul class=\"drill-list\">");
    out.push_str(&drill_list_html());
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
        let html = drill_list_html();
        assert!(home_html().contains(&html));
        for drill in DRILLS {
            let link = format!("href=\"#/drill/{}\"", drill.id);
            assert_eq!(html.matches(&link).count(), 1, "{}", drill.id);
            assert!(html.contains(&format!("{} min", drill.minutes)));
        }
        assert_eq!(html.matches("<li>").count(), DRILLS.len());
        assert_eq!(html.matches("class=\"drill-card\"").count(), 11);
    }

    /// `start_here` over attempts all open in full.
    fn start(open: &[Attempt], now: i64) -> Option<StartHere> {
        let all: Vec<AttemptSummary> = open.iter().map(AttemptSummary::of).collect();
        start_here(open, &all, now)
    }

    #[test]
    fn a_running_drill_comes_first_with_its_time_left() {
        const M: i64 = 60_000;
        let t0 = 1_700_000_000_000;
        let mut a = Attempt::new("a", "hint-recovery", "p", t0, 0);
        a.timer.start(t0);
        let mut b = Attempt::new("b", "postmortem", "p", t0, 0);
        b.timer.start(t0);
        b.timer.finish(t0 + M);
        let all = [b, a.clone()];
        let line = |all: &[Attempt], now| match start(all, now) {
            Some(StartHere::Continue { line, drill }) => (drill.id, line),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            line(&all, t0 + 7 * M + 48_000),
            (
                "hint-recovery",
                "Continue: Hint recovery, 7:12 left".to_owned()
            )
        );
        assert_eq!(
            line(&all, t0 + 17 * M + 5_000).1,
            "Continue: Hint recovery, 2:05 over the plan"
        );
        a.timer.pause(t0 + 3 * M);
        assert_eq!(
            line(&[a.clone()], t0 + 9 * M).1,
            "Continue: Hint recovery, 12:00 left, paused"
        );
        let html = start_here_html(&start(&[a], t0).expect("continue"));
        assert_eq!(
            html,
            "<strong><a href=\"#/drill/hint-recovery\">Continue: Hint recovery, 12:00 left, paused</a></strong>"
        );
    }

    #[test]
    fn a_first_time_user_is_told_where_to_start_and_a_returning_one_what_next() {
        let first = start(&[], 0);
        assert!(matches!(first, Some(StartHere::FirstTime { drill }) if drill.id == FIRST_DRILL));
        // A drill opened but never started or typed in is not practice.
        let draft = Attempt::new("d", "postmortem", "p", 0, 0);
        assert_eq!(start(std::slice::from_ref(&draft), 0), first);
        let mut done = draft;
        done.timer.start(1);
        done.timer.finish(2);
        match start(&[done], 10) {
            Some(StartHere::Next { drill, reason }) => {
                assert_ne!(drill.id, "postmortem");
                assert!(reason.ends_with('.'), "{reason}");
            }
            other => panic!("{other:?}"),
        }
        assert!(home_html().contains(
            "New here? Start with <a href=\"#/drill/evidence-replay\">Evidence replay</a>"
        ));
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
