//! The `caseroom` binary: all of it lives in the library, so tests build the same app.

fn main() -> std::process::ExitCode {
    caseroom::server::cli::run()
}
