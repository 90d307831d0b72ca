//! The command line every apibench server takes (docs/api.md).

use std::time::Duration;

pub const USAGE: &str = "usage: rust-hyper [--host H] [--port P] [--threads N] [--cache-mb M] \
[--body-limit B] [--idle-timeout-ms T] [--header-timeout-ms T] [--max-conns C]";

#[derive(Debug, Clone)]
pub struct Options {
    pub host: String,
    pub port: u16,
    pub threads: usize,
    pub cache_bytes: u64,
    pub body_limit: u64,
    /// Accepted for the common command line; hyper 0.14 has no idle timeout (README.md).
    pub idle_timeout: Duration,
    pub header_timeout: Duration,
    pub max_conns: usize,
}

pub enum ParseError {
    Help,
    Invalid(String),
}

impl Default for Options {
    fn default() -> Self {
        Options {
            host: "127.0.0.1".to_owned(),
            port: 0,
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
            cache_bytes: 256 << 20,
            body_limit: 1 << 20,
            idle_timeout: Duration::from_millis(10_000),
            header_timeout: Duration::from_millis(5_000),
            max_conns: 0,
        }
    }
}

/// Parses `--flag value` and `--flag=value` pairs.
pub fn parse(mut args: impl Iterator<Item = String>) -> Result<Options, ParseError> {
    let mut options = Options::default();
    while let Some(arg) = args.next() {
        if arg == "--help" || arg == "-h" {
            return Err(ParseError::Help);
        }
        let (flag, value) = match arg.split_once('=') {
            Some((flag, value)) => (flag.to_owned(), value.to_owned()),
            None => {
                let value = args
                    .next()
                    .ok_or_else(|| invalid(format!("{arg} needs a value")))?;
                (arg, value)
            }
        };
        apply(&mut options, &flag, &value)?;
    }
    Ok(options)
}

fn apply(options: &mut Options, flag: &str, value: &str) -> Result<(), ParseError> {
    match flag {
        "--host" => options.host = value.to_owned(),
        "--port" => options.port = number(flag, value, 0, 65535)? as u16,
        "--threads" => options.threads = number(flag, value, 1, 1024)? as usize,
        "--cache-mb" => options.cache_bytes = number(flag, value, 1, 1 << 20)? << 20,
        "--body-limit" => options.body_limit = number(flag, value, 1, 1 << 30)?,
        "--idle-timeout-ms" => options.idle_timeout = millis(flag, value)?,
        "--header-timeout-ms" => options.header_timeout = millis(flag, value)?,
        "--max-conns" => options.max_conns = number(flag, value, 0, 1 << 30)? as usize,
        _ => return Err(invalid(format!("unknown flag {flag}"))),
    }
    Ok(())
}

fn number(flag: &str, value: &str, min: u64, max: u64) -> Result<u64, ParseError> {
    match value.parse::<u64>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(invalid(format!(
            "{flag} {value} is not a number in {min}..{max}"
        ))),
    }
}

fn millis(flag: &str, value: &str) -> Result<Duration, ParseError> {
    number(flag, value, 1, 3_600_000).map(Duration::from_millis)
}

fn invalid(message: String) -> ParseError {
    ParseError::Invalid(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> impl Iterator<Item = String> {
        list.iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .into_iter()
    }

    #[test]
    fn reads_every_flag() {
        let o = parse(args(&[
            "--host",
            "::1",
            "--port=8080",
            "--threads",
            "3",
            "--cache-mb",
            "2",
            "--body-limit",
            "100",
            "--idle-timeout-ms",
            "7",
            "--header-timeout-ms",
            "8",
            "--max-conns",
            "9",
        ]))
        .ok()
        .unwrap();
        assert_eq!(
            (
                o.host.as_str(),
                o.port,
                o.threads,
                o.cache_bytes,
                o.body_limit
            ),
            ("::1", 8080, 3, 2 << 20, 100)
        );
        assert_eq!(
            (o.idle_timeout, o.header_timeout, o.max_conns),
            (Duration::from_millis(7), Duration::from_millis(8), 9)
        );
    }

    #[test]
    fn refuses_bad_flags() {
        for bad in [
            &["--threads", "0"][..],
            &["--port", "70000"],
            &["--bogus", "1"],
            &["--cache-mb", "x"],
            &["--port"],
        ] {
            assert!(
                matches!(parse(args(bad)), Err(ParseError::Invalid(_))),
                "{bad:?}"
            );
        }
        assert!(matches!(parse(args(&["--help"])), Err(ParseError::Help)));
    }
}
