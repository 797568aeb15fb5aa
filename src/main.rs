//! The `caseroom` binary: all of it lives in the library, so tests build the same app.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    caseroom::server::cli::run()
}
