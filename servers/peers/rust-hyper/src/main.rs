//! apibench-rust-hyper: the apibench API contract (docs/api.md) served with
//! hyper 0.14 on Tokio, with Serde for JSON: the stack the article names.

mod body;
mod cache;
mod errors;
mod handlers;
mod metrics;
mod options;
mod orders;
mod responses;
mod routes;
mod server;

use std::process::ExitCode;

pub const SERVER_NAME: &str = "rust-hyper";

fn main() -> ExitCode {
    let options = match options::parse(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(options::ParseError::Help) => {
            println!("{}", options::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(options::ParseError::Invalid(message)) => {
            eprintln!("{SERVER_NAME}: {message}\nRun '{SERVER_NAME} --help' for usage.");
            return ExitCode::from(2);
        }
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(options.threads)
        .enable_all()
        .build();
    match runtime {
        Ok(runtime) => runtime.block_on(server::run(options)),
        Err(err) => {
            eprintln!("{SERVER_NAME}: cannot start the Tokio runtime: {err}");
            ExitCode::FAILURE
        }
    }
}
