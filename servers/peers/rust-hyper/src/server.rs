//! The server's lifecycle: bind, announce, serve, count connections, and
//! shut down gracefully on SIGTERM or SIGINT.

use std::net::{IpAddr, SocketAddr};
use std::process::ExitCode;
use std::sync::atomic::Ordering;
use std::sync::Arc;

use hyper::server::conn::{AddrIncoming, AddrStream};
use hyper::service::{make_service_fn, service_fn};
use hyper::Server;
use tokio::signal::unix::{signal, SignalKind};

use crate::cache::Cache;
use crate::handlers::{self, AppState};
use crate::options::Options;
use crate::SERVER_NAME;

const MAX_HEADER_BYTES: usize = 8 * 1024; // hyper's smallest read buffer, and the contract's limit

pub async fn run(options: Options) -> ExitCode {
    let incoming = match bind(&options) {
        Ok(incoming) => incoming,
        Err(message) => {
            eprintln!("{SERVER_NAME}: {message}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "listening on {}:{}",
        options.host,
        incoming.local_addr().port()
    );

    let state = Arc::new(AppState {
        cache: Cache::new(options.cache_bytes),
        orders: Default::default(),
        metrics: Default::default(),
        body_limit: options.body_limit,
    });
    let max_conns = options.max_conns;
    let make_service = make_service_fn(move |_: &AddrStream| {
        let admitted = ConnectionGuard::admit(&state, max_conns);
        let state = state.clone();
        async move {
            let guard = admitted.ok_or("connection limit reached")?;
            Ok::<_, &str>(service_fn(move |request| {
                let _open_while_served = &guard;
                handlers::handle(state.clone(), request)
            }))
        }
    });
    let server = Server::builder(incoming)
        .http1_only(true)
        .http1_max_buf_size(MAX_HEADER_BYTES)
        .http1_header_read_timeout(options.header_timeout)
        .serve(make_service)
        .with_graceful_shutdown(stop_signal());
    match server.await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("{SERVER_NAME}: {err}");
            ExitCode::FAILURE
        }
    }
}

fn bind(options: &Options) -> Result<AddrIncoming, String> {
    let ip: IpAddr = options
        .host
        .parse()
        .map_err(|_| format!("--host {} is not an IP address", options.host))?;
    let mut incoming =
        AddrIncoming::bind(&SocketAddr::new(ip, options.port)).map_err(|err| err.to_string())?;
    incoming.set_nodelay(true);
    Ok(incoming)
}

/// Resolves on the first SIGTERM or SIGINT.
async fn stop_signal() {
    let (mut term, mut int) = match (
        signal(SignalKind::terminate()),
        signal(SignalKind::interrupt()),
    ) {
        (Ok(term), Ok(int)) => (term, int),
        _ => return std::future::pending().await,
    };
    tokio::select! {
        _ = term.recv() => {},
        _ = int.recv() => {},
    }
}

/// Counts one open connection for /metrics while it lives.
struct ConnectionGuard {
    state: Arc<AppState>,
}

impl ConnectionGuard {
    /// Admits a new connection, or counts it rejected past `max_conns` (0: no limit).
    fn admit(state: &Arc<AppState>, max_conns: usize) -> Option<ConnectionGuard> {
        let metrics = &state.metrics;
        let open = metrics.connections_open.fetch_add(1, Ordering::Relaxed);
        if max_conns > 0 && open >= max_conns as u64 {
            metrics.connections_open.fetch_sub(1, Ordering::Relaxed);
            metrics.connections_rejected.fetch_add(1, Ordering::Relaxed);
            return None;
        }
        metrics.connections_total.fetch_add(1, Ordering::Relaxed);
        Some(ConnectionGuard {
            state: state.clone(),
        })
    }
}

impl Drop for ConnectionGuard {
    fn drop(&mut self) {
        self.state
            .metrics
            .connections_open
            .fetch_sub(1, Ordering::Relaxed);
    }
}
