//! `--version`: the framework, the versions of its key crates as resolved in
//! the workspace's Cargo.lock, and the rustc that built the peer (build.rs
//! exports both). The runner records this text in every run.json.

pub(crate) struct LockedPackage {
    name: &'static str,
    version: &'static str,
    /// "name", or "name version" when the lock holds several versions of it.
    dependencies: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/locked.rs"));

/// E.g. `apibench-rust-axum 0.1.0: axum 0.8.9, tokio 1.54.1; rustc 1.95.0 (...)`.
/// `package` is the peer's own package (`env!("CARGO_PKG_NAME")`): a crate's
/// version is the one that package depends on, directly or not.
pub fn describe(package: &str, package_version: &str, key_crates: &[&str]) -> String {
    let crates: Vec<String> = key_crates
        .iter()
        .map(|name| match locked_version(package, name) {
            Some(version) => format!("{name} {version}"),
            None => format!("{name} (not in Cargo.lock)"),
        })
        .collect();
    format!(
        "{package} {package_version}: {}; {RUSTC_VERSION}",
        crates.join(", ")
    )
}

/// The version of `name` in the dependency graph of `root`, breadth first.
fn locked_version(root: &str, name: &str) -> Option<&'static str> {
    let mut queue: Vec<&LockedPackage> = find(root, None).into_iter().collect();
    let mut seen = 0;
    while let Some(&package) = queue.get(seen) {
        seen += 1;
        if package.name == name {
            return Some(package.version);
        }
        for dependency in package.dependencies {
            let mut words = dependency.split(' ');
            let found = find(words.next().unwrap_or_default(), words.next());
            if let Some(found) = found.filter(|p| !queue.iter().any(|q| std::ptr::eq(*q, *p))) {
                queue.push(found);
            }
        }
    }
    None
}

fn find(name: &str, version: Option<&str>) -> Option<&'static LockedPackage> {
    LOCKED_PACKAGES
        .iter()
        .find(|p| p.name == name && version.is_none_or(|v| p.version == v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_the_locked_versions_and_rustc() {
        let text = describe("apibench-peer", "0.1.0", &["serde_json", "no-such-crate"]);
        let serde_json = find("serde_json", None).unwrap().version;
        assert!(
            text.starts_with(&format!("apibench-peer 0.1.0: serde_json {serde_json}, ")),
            "{text}"
        );
        assert!(text.contains("no-such-crate (not in Cargo.lock)"), "{text}");
        assert!(text.contains("; rustc 1."), "{text}");
    }

    #[test]
    fn follows_the_peer_s_own_dependencies() {
        // actix-web is no dependency of this crate, only of one peer.
        assert_eq!(locked_version("apibench-peer", "actix-web"), None);
        assert!(locked_version("apibench-rust-actix", "actix-web").is_some());
    }
}
