//! `evident-check`: the Evident analyzer on the command line and in editors.
//! Everything lives in the library's native-only `cli` module, so tests use it.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    evident::cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
