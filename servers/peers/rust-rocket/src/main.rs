//! apibench-rust-rocket: the apibench API contract (docs/api.md) on Rocket
//! 0.5: its routes, request and data guards, catchers and fairings, on a
//! Tokio runtime of `--threads` workers.

mod app;
mod error;
mod guards;

use std::net::IpAddr;
use std::process::ExitCode;

use apibench_peer::{AppState, Options};
use rocket::config::LogLevel;
use rocket::data::{ByteUnit, Limits};
use rocket::fairing::AdHoc;

const PROGRAM: &str = env!("CARGO_PKG_NAME");
const SERVER_NAME: &str = "rust-rocket";

fn main() -> ExitCode {
    let options = Options::from_args_or_exit(PROGRAM, || {
        apibench_peer::version::describe(
            PROGRAM,
            env!("CARGO_PKG_VERSION"),
            &["rocket", "hyper", "tokio", "serde_json"],
        )
    });
    let Ok(address) = options.host.parse::<IpAddr>() else {
        eprintln!("{PROGRAM}: --host {} is not an IP address", options.host);
        return ExitCode::FAILURE;
    };
    let runtime = rocket::tokio::runtime::Builder::new_multi_thread()
        .worker_threads(options.threads)
        .enable_all()
        .build();
    let runtime = match runtime {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("{PROGRAM}: cannot start the Tokio runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    // Rocket's own configuration, from the command line: Rocket.toml and
    // ROCKET_* variables still apply beneath it, as in any Rocket service.
    let config = rocket::Config::figment()
        .merge(("address", address))
        .merge(("port", options.port))
        .merge(("workers", options.threads))
        .merge(("ident", SERVER_NAME))
        .merge(("log_level", LogLevel::Off))
        .merge(("keep_alive", options.idle_timeout.as_secs().max(1)))
        .merge((
            "limits",
            Limits::default().limit("json", ByteUnit::from(options.body_limit)),
        ));
    let server = rocket::custom(config)
        .manage(AppState::new(&options))
        .attach(app::CountResponses)
        .attach(AdHoc::on_liftoff("ready line", |rocket| {
            Box::pin(async move {
                let config = rocket.config();
                println!("listening on {}:{}", config.address, config.port);
            })
        }))
        .mount("/", app::routes())
        .register("/", app::catchers());
    match runtime.block_on(server.launch()) {
        Ok(_) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{PROGRAM}: {err}");
            ExitCode::FAILURE
        }
    }
}
