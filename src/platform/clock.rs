//! Wall-clock time, time zone and random draws from the browser. Core code takes
//! these as arguments; only the UI calls this module.

/// Milliseconds since the Unix epoch (`Date.now()`, which `page.clock` controls in tests).
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Minutes to add to UTC to get local time (JavaScript's offset has the other sign).
pub fn tz_offset_minutes() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

/// A random 32-bit draw (hint timing, prompt choice, ids); not for secrets.
pub fn random_u32() -> u32 {
    (js_sys::Math::random() * f64::from(u32::MAX)) as u32
}

/// A new attempt id: time-ordered, with a random suffix so two tabs never collide.
pub fn new_id() -> String {
    format!("{:x}-{:08x}", now_ms(), random_u32())
}
