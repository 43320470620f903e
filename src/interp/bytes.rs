//! `bytes`: immutable byte strings — literals (`b"..."`), `bytes(...)`, `str.encode()`, their
//! repr, indexing (an int), slicing, `+`, `*`, comparisons and the common methods.

use std::rc::Rc;

use super::eval::{Interpreter, Res};
use super::object::Obj;

/// Python's repr of a byte string: `b'...'`, printable ASCII as is, the rest escaped.
pub fn repr(bytes: &[u8]) -> String {
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') { '"' } else { '\'' };
    let mut text = String::with_capacity(bytes.len() + 3);
    text.push('b');
    text.push(quote);
    for &b in bytes {
        match b {
            b'\\' => text.push_str("\\\\"),
            b'\t' => text.push_str("\\t"),
            b'\n' => text.push_str("\\n"),
            b'\r' => text.push_str("\\r"),
            _ if char::from(b) == quote => {
                text.push('\\');
                text.push(quote);
            }
            32..=126 => text.push(char::from(b)),
            _ => text.push_str(&format!("\\x{b:02x}")),
        }
    }
    text.push(quote);
    text
}

pub fn obj(bytes: Vec<u8>) -> Obj {
    Obj::Bytes(Rc::from(bytes))
}

/// The methods a `bytes` value has.
pub const METHODS: &[&str] =
    &["decode", "hex", "startswith", "endswith", "upper", "lower", "strip", "split", "join", "replace", "find", "count", "isdigit", "isalpha"];

impl Interpreter {
    /// `bytes()`, `bytes(n)`, `bytes([65, 66])`, `bytes("text", "utf-8")`.
    pub(super) fn make_bytes(&mut self, args: &[Obj]) -> Res<Obj> {
        match args {
            [] => Ok(obj(Vec::new())),
            [Obj::Str(_)] => self.error("TypeError", "string argument without an encoding"),
            [Obj::Str(text), _encoding, ..] => Ok(obj(text.as_bytes().to_vec())),
            [Obj::Int(n)] if *n < 0 => self.error("ValueError", "negative count"),
            [Obj::Int(n)] => {
                if *n as usize > super::eval::MAX_ITEMS * 8 {
                    return self.memory_error();
                }
                Ok(obj(vec![0; *n as usize]))
            }
            [Obj::Bytes(b)] => Ok(Obj::Bytes(b.clone())),
            [other] => {
                let mut out = Vec::new();
                for item in self.iterate(other)? {
                    match item {
                        Obj::Int(i) if (0..256).contains(&i) => out.push(i as u8),
                        Obj::Int(_) => return self.error("ValueError", "bytes must be in range(0, 256)"),
                        other => {
                            return self.error("TypeError", format!("'{}' object cannot be interpreted as an integer", other.type_name()))
                        }
                    }
                }
                Ok(obj(out))
            }
            _ => self.error("TypeError", "bytes() takes at most 3 arguments"),
        }
    }

    pub(super) fn bytes_method(&mut self, b: &[u8], name: &str, args: &[Obj]) -> Res<Obj> {
        let arg_bytes = |i: usize| -> Option<&[u8]> {
            match args.get(i) {
                Some(Obj::Bytes(x)) => Some(x),
                _ => None,
            }
        };
        let need = |this: &Self, i: usize| -> Res<Vec<u8>> {
            match args.get(i) {
                Some(Obj::Bytes(x)) => Ok(x.to_vec()),
                Some(other) => this.error("TypeError", format!("a bytes-like object is required, not '{}'", other.type_name())),
                None => this.error("TypeError", format!("{name}() takes at least 1 argument (0 given)")),
            }
        };
        Ok(match name {
            "decode" => match String::from_utf8(b.to_vec()) {
                Ok(text) => Obj::str(&text),
                Err(e) => {
                    let at = e.utf8_error().valid_up_to();
                    return self.error(
                        "UnicodeDecodeError",
                        format!("'utf-8' codec can't decode byte 0x{:02x} in position {at}: invalid start byte", b[at]),
                    );
                }
            },
            "hex" => Obj::str(&b.iter().map(|x| format!("{x:02x}")).collect::<String>()),
            "startswith" => Obj::Bool(b.starts_with(&need(self, 0)?)),
            "endswith" => Obj::Bool(b.ends_with(&need(self, 0)?)),
            "upper" => obj(b.to_ascii_uppercase()),
            "lower" => obj(b.to_ascii_lowercase()),
            "isdigit" => Obj::Bool(!b.is_empty() && b.iter().all(u8::is_ascii_digit)),
            "isalpha" => Obj::Bool(!b.is_empty() && b.iter().all(u8::is_ascii_alphabetic)),
            "strip" => {
                let start = b.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(b.len());
                let end = b.iter().rposition(|c| !c.is_ascii_whitespace()).map_or(start, |e| e + 1);
                obj(b[start..end.max(start)].to_vec())
            }
            "split" => match arg_bytes(0) {
                Some([]) => return self.error("ValueError", "empty separator"),
                Some(sep) => {
                    let mut parts = Vec::new();
                    let mut rest = b;
                    while let Some(at) = rest.windows(sep.len()).position(|w| w == sep) {
                        parts.push(obj(rest[..at].to_vec()));
                        rest = &rest[at + sep.len()..];
                    }
                    parts.push(obj(rest.to_vec()));
                    Obj::list(parts)
                }
                None => Obj::list(b.split(u8::is_ascii_whitespace).filter(|p| !p.is_empty()).map(|p| obj(p.to_vec())).collect()),
            },
            "join" => {
                let items = match args.first() {
                    Some(items) => self.iterate(items)?,
                    None => Vec::new(),
                };
                let mut out = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.extend_from_slice(b);
                    }
                    match item {
                        Obj::Bytes(x) => out.extend_from_slice(x),
                        other => {
                            return self.error(
                                "TypeError",
                                format!("sequence item {i}: expected a bytes-like object, {} found", other.type_name()),
                            )
                        }
                    }
                }
                obj(out)
            }
            "replace" => {
                let (old, new) = (need(self, 0)?, need(self, 1)?);
                if old.is_empty() {
                    return Ok(obj(b.to_vec()));
                }
                let mut out = Vec::new();
                let mut rest = b;
                while let Some(at) = rest.windows(old.len()).position(|w| w == old.as_slice()) {
                    out.extend_from_slice(&rest[..at]);
                    out.extend_from_slice(&new);
                    rest = &rest[at + old.len()..];
                }
                out.extend_from_slice(rest);
                obj(out)
            }
            "find" | "count" => {
                let needle = need(self, 0)?;
                let hits: Vec<usize> = if needle.is_empty() {
                    (0..=b.len()).collect()
                } else {
                    let mut hits = Vec::new();
                    let mut at = 0;
                    while let Some(found) = b[at..].windows(needle.len()).position(|w| w == needle.as_slice()) {
                        hits.push(at + found);
                        at += found + needle.len();
                    }
                    hits
                };
                if name == "count" {
                    Obj::Int(hits.len() as i64)
                } else {
                    Obj::Int(hits.first().map_or(-1, |&h| h as i64))
                }
            }
            _ => return self.error("AttributeError", format!("'bytes' object has no attribute '{name}'")),
        })
    }
}
