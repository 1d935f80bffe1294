// Runs before the prerendered home shell is parsed (see core::home). On any
// screen but home, hide the shell: a deep link (#/history, #/drill/…) must not
// flash the drill list while the app loads. A classic file, not inline, so the
// Content-Security-Policy needs no 'unsafe-inline'.
if (!/^#?\/?$/.test(location.hash)) document.documentElement.classList.add('deep-link');
