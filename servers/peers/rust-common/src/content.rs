//! What the fixed routes answer, and the media types of the contract.

use serde::Serialize;

pub const HELLO: &str = "Hello, World!";

pub const JSON: &str = "application/json";
pub const TEXT: &str = "text/plain";
pub const OCTETS: &str = "application/octet-stream";

/// GET /json: built and serialized for every request, never cached.
#[derive(Serialize)]
pub struct Message {
    pub message: &'static str,
}

impl Message {
    pub fn hello() -> Message {
        Message { message: HELLO }
    }
}

/// GET /health.
#[derive(Serialize)]
pub struct Health {
    pub status: &'static str,
}

impl Health {
    pub fn ok() -> Health {
        Health { status: "ok" }
    }
}

/// GET /work's answer.
#[derive(Serialize)]
pub struct Slept {
    pub slept_ms: u64,
}

/// `application/json`, parameters such as `; charset=utf-8` allowed.
pub fn is_json(content_type: Option<&str>) -> bool {
    let media_type = content_type.unwrap_or("").split(';').next().unwrap_or("");
    media_type.trim().eq_ignore_ascii_case(JSON)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_media_type_with_parameters() {
        assert!(is_json(Some("application/json")));
        assert!(is_json(Some("Application/JSON; charset=utf-8")));
        assert!(!is_json(Some("text/plain")));
        assert!(!is_json(Some("")));
        assert!(!is_json(None));
    }

    #[test]
    fn bodies() {
        let hello = serde_json::to_string(&Message::hello()).unwrap();
        assert_eq!(hello, r#"{"message":"Hello, World!"}"#);
        assert_eq!(
            serde_json::to_string(&Health::ok()).unwrap(),
            r#"{"status":"ok"}"#
        );
    }
}
