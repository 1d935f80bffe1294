//! Screens addressed by the URL fragment (`#/drill/evidence-replay`).
//!
//! Hash routes need no server rewrite rules, so `dist/` works on any static host,
//! at its root or under a subpath, and reloading any screen works there.

/// A screen of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Drill(String),
    History,
    Attempt(String),
    NotFound(String),
}

impl Route {
    /// Parses `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path
            .split(['?', '#'])
            .next()
            .unwrap_or_default()
            .trim_end_matches('/');
        let mut parts = path.splitn(2, '/');
        match (parts.next().unwrap_or_default(), parts.next()) {
            ("", None) => Route::Home,
            ("history", None) => Route::History,
            ("drill", Some(id)) if !id.is_empty() && !id.contains('/') => {
                Route::Drill(id.to_owned())
            }
            ("attempt", Some(id)) if !id.is_empty() && !id.contains('/') => {
                Route::Attempt(id.to_owned())
            }
            _ => Route::NotFound(path.to_owned()),
        }
    }

    /// The fragment that addresses this route.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".to_owned(),
            Route::Drill(id) => format!("#/drill/{id}"),
            Route::History => "#/history".to_owned(),
            Route::Attempt(id) => format!("#/attempt/{id}"),
            Route::NotFound(path) => format!("#/{path}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Route;

    #[test]
    fn parses_every_screen() {
        let cases = [
            ("", Route::Home),
            ("#", Route::Home),
            ("#/", Route::Home),
            ("#/history", Route::History),
            ("#/history/", Route::History),
            (
                "#/drill/hint-recovery",
                Route::Drill("hint-recovery".into()),
            ),
            ("#/attempt/a1", Route::Attempt("a1".into())),
            ("#/drill/", Route::NotFound("drill".into())),
            ("#/nope", Route::NotFound("nope".into())),
            ("#/drill/a/b", Route::NotFound("drill/a/b".into())),
        ];
        for (hash, want) in cases {
            assert_eq!(Route::parse(hash), want, "{hash}");
        }
    }

    #[test]
    fn href_round_trips() {
        for route in [
            Route::Home,
            Route::History,
            Route::Drill("x".into()),
            Route::Attempt("y".into()),
        ] {
            assert_eq!(Route::parse(&route.href()), route);
        }
    }
}
