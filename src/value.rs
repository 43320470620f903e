//! A value in a row or a bound parameter: SQLite's five storage classes.

use rusqlite::types::{ToSqlOutput, ValueRef};
use serde::{Serialize, Serializer};

/// The largest integer a JS number holds exactly (`Number.MAX_SAFE_INTEGER`).
pub const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;

/// A SQLite value. Serialized to JS as `null`, a number, a string or an array of byte values.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Integer(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

impl Value {
    /// The value as Python's `str()` shows it, which is what an f-string `{self.name}` prints.
    pub fn python_str(&self) -> String {
        match self {
            Value::Null => "None".into(),
            Value::Integer(i) => i.to_string(),
            Value::Real(f) => python_float(*f),
            Value::Text(s) => s.clone(),
            Value::Blob(bytes) => python_bytes(bytes),
        }
    }
}

impl Value {
    /// The value as Python's `repr()` shows it: strings quoted (`'John'`), the rest as `str()`.
    pub fn python_repr(&self) -> String {
        match self {
            Value::Text(s) => python_str_repr(s),
            other => other.python_str(),
        }
    }
}

/// `repr(str)`: single quotes unless the text holds `'` and no `"`, escapes for the rest.
pub fn python_str_repr(text: &str) -> String {
    let quote = if text.contains('\'') && !text.contains('"') { '"' } else { '\'' };
    let mut out = String::from(quote);
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Writes a float with the fewest digits that read back as the same number, in any of the usual
/// notations (`1.5e-5`, `1e+21`, `0.0001`, `123.45`); [`python_float`] re-lays them out.
pub type ShortestFloatText = fn(f64) -> String;

static FLOAT_TEXT: std::sync::OnceLock<ShortestFloatText> = std::sync::OnceLock::new();

/// Lets the browser build supply the shortest-digits writer: JS numbers print the same digits, and
/// Rust's own float formatter costs about 10 KB of gzipped wasm. Natively Rust's is used.
pub fn set_shortest_float_text(write: ShortestFloatText) {
    let _ = FLOAT_TEXT.set(write);
}

#[cfg(not(target_family = "wasm"))]
fn shortest_float_text(f: f64) -> String {
    FLOAT_TEXT.get().map_or_else(|| format!("{f:e}"), |write| write(f))
}

#[cfg(target_family = "wasm")]
fn shortest_float_text(f: f64) -> String {
    // Installed by the wasm layer at start-up; without it, say so rather than print wrong digits.
    FLOAT_TEXT.get().map_or_else(|| "<float>".to_string(), |write| write(f))
}

/// `repr(float)`: the shortest digits that round-trip, in positional notation for exponents from
/// -4 to 15 and scientific (`1e+16`, `1.5e-05`) outside that range.
pub fn python_float(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        // JS writes -0 as "0"; Python keeps the sign.
        return if f.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    lay_out_float(&shortest_float_text(f))
}

/// Python's layout of a float given its shortest digits in any notation.
fn lay_out_float(text: &str) -> String {
    let (sign, text) = text.strip_prefix('-').map_or(("", text), |t| ("-", t));
    let (mantissa, exp_text) = text.split_once(['e', 'E']).unwrap_or((text, "0"));
    let shift: i32 = exp_text.trim_start_matches('+').parse().unwrap_or(0);
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // All significant digits, and the power of ten of the first one.
    let all = format!("{int_part}{frac_part}");
    let leading_zeros = all.len() - all.trim_start_matches('0').len();
    let digits = all.trim_start_matches('0').trim_end_matches('0');
    if digits.is_empty() {
        return format!("{sign}0.0");
    }
    let exponent = int_part.len() as i32 - 1 - leading_zeros as i32 + shift;
    if !(-4..16).contains(&exponent) {
        let exp_sign = if exponent < 0 { '-' } else { '+' };
        let (first, rest) = digits.split_at(1);
        let mantissa = if rest.is_empty() { first.to_string() } else { format!("{first}.{rest}") };
        return format!("{sign}{mantissa}e{exp_sign}{:02}", exponent.abs());
    }
    let point = exponent + 1; // digits before the decimal point
    if point <= 0 {
        format!("{sign}0.{}{digits}", "0".repeat(point.unsigned_abs() as usize))
    } else if point as usize >= digits.len() {
        format!("{sign}{digits}{}.0", "0".repeat(point as usize - digits.len()))
    } else {
        let (int_digits, frac_digits) = digits.split_at(point as usize);
        format!("{sign}{int_digits}.{frac_digits}")
    }
}

/// `str(bytes)`: `b'...'` with printable ASCII kept and the rest escaped; like Python, double
/// quotes when the bytes hold a `'` and no `"`.
fn python_bytes(bytes: &[u8]) -> String {
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') { '"' } else { '\'' };
    let mut out = format!("b{quote}");
    for &b in bytes {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\'' if quote == '\'' => out.push_str("\\'"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x20..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(quote);
    out
}

/// The most of one value the page is handed: a longer text comes as its first characters and
/// its length, a larger blob as its size and first bytes, so no single cell can exhaust the page.
pub const SHOWN_TEXT_CHARS: usize = 10_000;
pub const SHOWN_BLOB_BYTES: usize = 1_024;
const BLOB_HEAD_BYTES: usize = 32;

/// A value handed over whole, never cut: what a CRUD call returns for the learner's own row.
pub struct Whole<'a>(pub &'a Value);

impl Serialize for Whole<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Value::Text(s) => serializer.serialize_str(s),
            Value::Blob(b) => serializer.serialize_bytes(b),
            other => other.serialize(serializer),
        }
    }
}

/// What the page draws (tables, query results, the SQL log): cut to what it can hold.
impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            Value::Null => serializer.serialize_none(),
            Value::Integer(i) if i.abs() <= MAX_SAFE_INTEGER => serializer.serialize_i64(*i),
            // A JS number would silently round it: hand over the exact digits instead.
            Value::Integer(i) => serializer.serialize_str(&i.to_string()),
            Value::Real(f) => serializer.serialize_f64(*f),
            Value::Text(s) => match s.char_indices().nth(SHOWN_TEXT_CHARS) {
                None => serializer.serialize_str(s),
                Some((cut, _)) => {
                    let mut map = serializer.serialize_map(Some(2))?;
                    map.serialize_entry("text", &s[..cut])?;
                    map.serialize_entry("length", &s.chars().count())?;
                    map.end()
                }
            },
            Value::Blob(b) if b.len() <= SHOWN_BLOB_BYTES => serializer.serialize_bytes(b),
            Value::Blob(b) => {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("blob", &b.len())?;
                map.serialize_entry("head", &b[..BLOB_HEAD_BYTES])?;
                map.end()
            }
        }
    }
}

impl From<ValueRef<'_>> for Value {
    fn from(value: ValueRef<'_>) -> Self {
        match value {
            ValueRef::Null => Value::Null,
            ValueRef::Integer(i) => Value::Integer(i),
            ValueRef::Real(f) => Value::Real(f),
            ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
            ValueRef::Blob(b) => Value::Blob(b.to_vec()),
        }
    }
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::Borrowed(match self {
            Value::Null => ValueRef::Null,
            Value::Integer(i) => ValueRef::Integer(*i),
            Value::Real(f) => ValueRef::Real(*f),
            Value::Text(s) => ValueRef::Text(s.as_bytes()),
            Value::Blob(b) => ValueRef::Blob(b),
        }))
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Text(s.to_string())
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Self {
        Value::Integer(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn any_shortest_notation_is_laid_out_like_python() {
        // Left: what browsers' Number#toString or Rust's {:e} give; right: CPython's str(float).
        for (shortest, expected) in [
            ("0.00001", "1e-05"),
            ("1e-5", "1e-05"),
            ("1e+21", "1e+21"),
            ("1.5e-7", "1.5e-07"),
            ("100", "100.0"),
            ("1e2", "100.0"),
            ("123.456", "123.456"),
            ("10000000000000000", "1e+16"),
            ("1.5e16", "1.5e+16"),
            ("0.0001", "0.0001"),
            ("-0.5", "-0.5"),
            ("0", "0.0"),
            ("0e0", "0.0"),
        ] {
            assert_eq!(lay_out_float(shortest), expected, "{shortest}");
        }
    }

    #[cfg(not(target_family = "wasm"))]
    #[test]
    fn floats_print_like_python() {
        // Each expected string is what CPython's str(float) prints.
        let cases = [
            (1.5, "1.5"),
            (0.1, "0.1"),
            (3.0, "3.0"),
            (-2.25, "-2.25"),
            (0.0, "0.0"),
            (100.0, "100.0"),
            (1e15, "1000000000000000.0"),
            (1e16, "1e+16"),
            (1.5e16, "1.5e+16"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (-1.25e-7, "-1.25e-07"),
            (123456.789, "123456.789"),
            (1e300, "1e+300"),
            (f64::INFINITY, "inf"),
            (f64::NAN, "nan"),
        ];
        for (value, expected) in cases {
            assert_eq!(Value::Real(value).python_str(), expected, "{value}");
        }
    }

    #[test]
    fn repr_quotes_strings_like_python() {
        // Expected text printed by CPython's repr().
        assert_eq!(Value::from("John").python_repr(), "'John'");
        assert_eq!(Value::from("it's").python_repr(), "\"it's\"");
        assert_eq!(Value::from("a'b\"c").python_repr(), "'a\\'b\"c'");
        assert_eq!(Value::from("tab\there\n").python_repr(), "'tab\\there\\n'");
        assert_eq!(Value::Integer(3).python_repr(), "3");
        assert_eq!(Value::Null.python_repr(), "None");
    }

    #[test]
    fn other_values_print_like_python_str() {
        assert_eq!(Value::Null.python_str(), "None");
        assert_eq!(Value::Integer(-7).python_str(), "-7");
        assert_eq!(Value::from("John Doe").python_str(), "John Doe");
        assert_eq!(Value::Blob(vec![b'a', 0, b'\'']).python_str(), "b\"a\\x00'\"");
        assert_eq!(Value::Blob(vec![b'\'', b'"']).python_str(), "b'\\'\"'");
    }
}
