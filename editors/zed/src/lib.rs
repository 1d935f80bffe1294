//! Registers `evident-check lsp` as a language server for Markdown and plain
//! text in Zed. The binary comes from the PATH Zed sees for the worktree
//! (`cargo install --path . --profile cli --bin evident-check`).

use zed_extension_api::{self as zed, LanguageServerId, Result};

struct Evident;

impl zed::Extension for Evident {
    fn new() -> Self {
        Evident
    }

    fn language_server_command(
        &mut self,
        _language_server_id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let command = worktree.which("evident-check").ok_or_else(|| {
            "evident-check is not on PATH: run `cargo install --path . --profile cli --bin evident-check` in the Evident repository".to_string()
        })?;
        Ok(zed::Command {
            command,
            args: vec!["lsp".to_string()],
            env: worktree.shell_env(),
        })
    }
}

zed::register_extension!(Evident);
