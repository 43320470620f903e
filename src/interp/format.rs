//! Python's format-spec mini-language (`f"{x:>8.2f}"`, `format(x, ",")`), `str.format` and
//! `%`-formatting, for the int, float and str values tutorials format.

use super::eval::{Interpreter, Res};
use super::object::Obj;
use crate::value::python_float;

/// A parsed `[[fill]align][sign][#][0][width][,|_][.precision][type]`.
#[derive(Default)]
struct Spec {
    fill: char,
    align: Option<char>,
    sign: Option<char>,
    alternate: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    kind: Option<char>,
}

fn parse_spec(spec: &str) -> Option<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut s = Spec { fill: ' ', ..Spec::default() };
    let mut i = 0;
    if chars.len() >= 2 && matches!(chars[1], '<' | '>' | '^' | '=') {
        s.fill = chars[0];
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && matches!(chars[0], '<' | '>' | '^' | '=') {
        s.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        s.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        s.alternate = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        s.width = chars[start..i].iter().collect::<String>().parse().ok()?;
    }
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        s.grouping = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        s.precision = Some(chars[start..i].iter().collect::<String>().parse().ok()?);
    }
    if i < chars.len() {
        s.kind = Some(chars[i]);
        i += 1;
    }
    (i == chars.len()).then_some(s)
}

/// The text up to the bracket that closes one already read (nested pairs kept inside), the
/// closing one consumed; None when the text ends first.
fn until_closed(chars: &mut impl Iterator<Item = char>, open: char, close: char) -> Option<String> {
    let (mut inside, mut depth) = (String::new(), 1);
    for c in chars {
        depth += i32::from(c == open) - i32::from(c == close);
        if depth == 0 {
            return Some(inside);
        }
        inside.push(c);
    }
    None
}

/// Digits with a thousands separator every three places.
fn group(digits: &str, sep: char) -> String {
    let (int, frac) = digits.split_once('.').map_or((digits, None), |(a, b)| (a, Some(b)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    if let Some(frac) = frac {
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// `value` (finite, not negative) as a mantissa with `digits` decimals and a power of ten.
fn scientific(value: f64, digits: usize) -> (String, i32) {
    let mut exp = if value == 0.0 { 0 } else { value.log10().floor() as i32 };
    let mut mantissa = fixed(value / 10f64.powi(exp), digits);
    if mantissa.starts_with("10") {
        exp += 1;
        mantissa = fixed(value / 10f64.powi(exp), digits);
    }
    (mantissa, exp)
}

/// `1.5e+03`: Python writes at least two exponent digits.
fn with_exponent(mantissa: &str, exp: i32, kind: char) -> String {
    let sign = if exp < 0 { '-' } else { '+' };
    let e = if kind.is_ascii_uppercase() { 'E' } else { 'e' };
    format!("{mantissa}{e}{sign}{:02}", exp.abs())
}

/// The `g` presentation: `precision` significant digits, fixed-point unless the exponent is
/// below -4 or reaches the precision, trailing zeros dropped unless `#`. With no type and a
/// precision (`f"{x:.3}"`) Python switches one digit earlier and keeps a `.0`.
fn general(value: f64, precision: Option<usize>, alternate: bool, no_type: bool, kind: char) -> String {
    if !value.is_finite() {
        let text = python_float(value);
        return if kind == 'G' { text.to_uppercase() } else { text };
    }
    let p = precision.unwrap_or(6).max(1);
    let (mantissa, exp) = scientific(value, p - 1);
    let strip = |text: String| {
        if alternate || !text.contains('.') {
            return text;
        }
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    let limit = if no_type { p as i32 - 1 } else { p as i32 };
    if (-4..limit.max(0)).contains(&exp) {
        let mut text = strip(fixed(value, (p as i32 - 1 - exp).max(0) as usize));
        if !text.contains('.') {
            if no_type {
                text.push_str(".0");
            } else if alternate {
                text.push('.');
            }
        }
        text
    } else {
        with_exponent(&strip(mantissa), exp, kind)
    }
}

/// A float with exactly `digits` decimals (round half to even on the exact binary value).
pub fn fixed(value: f64, digits: usize) -> String {
    if !value.is_finite() {
        return python_float(value);
    }
    fixed_text(value, digits.min(60))
}

#[cfg(not(target_family = "wasm"))]
fn fixed_text(value: f64, digits: usize) -> String {
    format!("{value:.digits$}")
}

/// In the page, the browser's `toFixed` writes the digits (Rust's float printer would cost the
/// page about 10 KB).
#[cfg(target_family = "wasm")]
fn fixed_text(value: f64, digits: usize) -> String {
    let digits = digits.min(100) as u8;
    let Ok(text) = js_sys::Number::from(value).to_fixed(digits) else {
        return python_float(value);
    };
    let mut text = String::from(text);
    // `toFixed` rounds an exact tie away from zero; Python rounds it to even. The rounded-up
    // last digit is then odd, so one less never borrows.
    if is_exact_tie(value, u32::from(digits)) {
        if let Some(last) = text.pop() {
            let even = last.to_digit(10).filter(|d| d % 2 == 1).and_then(|d| char::from_digit(d - 1, 10));
            text.push(even.unwrap_or(last));
        }
    }
    text
}

/// Whether `value` lies exactly halfway between two numbers of `digits` decimals: with
/// value = m·2^e (m odd), value·10^digits = m·5^digits·2^(digits+e) is an odd number of halves
/// exactly when digits + e = -1.
#[cfg_attr(not(target_family = "wasm"), allow(dead_code))]
fn is_exact_tie(value: f64, digits: u32) -> bool {
    if !value.is_finite() || value == 0.0 {
        return false;
    }
    let bits = value.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    let (mut m, mut e) = if biased == 0 { (fraction, -1074) } else { (fraction | (1 << 52), biased - 1075) };
    let zeros = m.trailing_zeros();
    m >>= zeros;
    e += i64::from(zeros);
    m % 2 == 1 && e + i64::from(digits) == -1
}

impl Interpreter {
    /// `format(value, spec)`: what an f-string's `{value:spec}` writes.
    pub(super) fn format_value(&mut self, value: &Obj, spec: &str) -> Res<String> {
        if spec.is_empty() {
            return self.str_of(value);
        }
        if let Obj::Instance(_) = value {
            if let Some(m) = self.lookup_special(value, "__format__") {
                let r = self.call(m, vec![Obj::str(spec)], Vec::new())?;
                return self.str_of(&r);
            }
            if let Some(inner) = self.value_part(value, "__format__") {
                return self.format_value(&inner, spec);
            }
        }
        let Some(s) = parse_spec(spec) else {
            return self.error("ValueError", format!("Invalid format specifier '{spec}' for object of type '{}'", value.type_name()));
        };
        let mut prefix = "";
        let (negative, body, numeric) = match (value, s.kind) {
            (Obj::Str(text), None | Some('s')) => {
                let text: String = match s.precision {
                    Some(p) => text.chars().take(p).collect(),
                    None => text.to_string(),
                };
                (false, text, false)
            }
            (Obj::Int(_) | Obj::Bool(_), None | Some('d' | 'n')) => {
                let i = self.to_index(value)?;
                let digits = i.unsigned_abs().to_string();
                (i < 0, s.grouping.map_or(digits.clone(), |g| group(&digits, g)), true)
            }
            (Obj::Int(_) | Obj::Bool(_), Some(k @ ('x' | 'X' | 'o' | 'b'))) => {
                let i = self.to_index(value)?;
                let digits = match k {
                    'x' => format!("{:x}", i.unsigned_abs()),
                    'X' => format!("{:X}", i.unsigned_abs()),
                    'o' => format!("{:o}", i.unsigned_abs()),
                    _ => format!("{:b}", i.unsigned_abs()),
                };
                if s.alternate {
                    prefix = match k {
                        'x' => "0x",
                        'X' => "0X",
                        'o' => "0o",
                        _ => "0b",
                    };
                }
                (i < 0, digits, true)
            }
            (Obj::Int(_) | Obj::Bool(_), Some('c')) => {
                let i = self.to_index(value)?;
                match u32::try_from(i).ok().and_then(char::from_u32) {
                    Some(c) => (false, c.to_string(), false),
                    None => return self.error("OverflowError", "%c arg not in range(0x110000)"),
                }
            }
            (Obj::Int(_) | Obj::Bool(_) | Obj::Float(_), Some(k @ ('f' | 'F' | '%' | 'e' | 'E' | 'g' | 'G'))) | (Obj::Float(_), Some(k @ 'd')) => {
                let f = match value {
                    Obj::Float(f) => *f,
                    other => self.to_index(other)? as f64,
                };
                if k == 'd' {
                    return self.error("ValueError", "Unknown format code 'd' for object of type 'float'");
                }
                let precision = s.precision.unwrap_or(6);
                let text = match k {
                    '%' => format!("{}%", fixed(f.abs() * 100.0, precision)),
                    'e' | 'E' if f.is_finite() => {
                        let (mantissa, exp) = scientific(f.abs(), precision);
                        with_exponent(&mantissa, exp, k)
                    }
                    'g' | 'G' => general(f.abs(), s.precision, s.alternate, false, k),
                    _ => fixed(f.abs(), precision),
                };
                let text = s.grouping.map_or(text.clone(), |g| group(&text, g));
                (f.is_sign_negative() && !f.is_nan(), text, true)
            }
            (Obj::Float(f), None) => {
                let text = match s.precision {
                    Some(_) => general(f.abs(), s.precision, s.alternate, true, 'g'),
                    None => python_float(f.abs()),
                };
                (f.is_sign_negative() && !f.is_nan(), s.grouping.map_or(text.clone(), |g| group(&text, g)), true)
            }
            (other, _) if s.kind.is_none() && s.precision.is_none() => (false, self.str_of(other)?, false),
            (other, kind) => {
                let code = kind.map_or(String::new(), |k| k.to_string());
                return self.error("ValueError", format!("Unknown format code '{code}' for object of type '{}'", other.type_name()));
            }
        };
        let sign = match (negative, s.sign) {
            (true, _) => "-",
            (false, Some('+')) if numeric => "+",
            (false, Some(' ')) if numeric => " ",
            _ => "",
        };
        let sign = format!("{sign}{prefix}");
        let len = sign.chars().count() + body.chars().count();
        let pad = s.width.saturating_sub(len);
        let align = s.align.unwrap_or(if s.zero && numeric { '=' } else if numeric { '>' } else { '<' });
        let fill = if s.zero && s.align.is_none() { '0' } else { s.fill };
        let fill_str = |n: usize| fill.to_string().repeat(n);
        Ok(match align {
            '<' => format!("{sign}{body}{}", fill_str(pad)),
            '^' => format!("{}{sign}{body}{}", fill_str(pad / 2), fill_str(pad - pad / 2)),
            '=' => format!("{sign}{}{body}", fill_str(pad)),
            _ => format!("{}{sign}{body}", fill_str(pad)),
        })
    }

    /// `"{} is {name}".format(...)`: positional and keyword fields with conversions and specs.
    pub(super) fn str_format(&mut self, template: &str, args: &[Obj], kwargs: &[(String, Obj)]) -> Res<String> {
        let mut out = String::new();
        let mut chars = template.chars().peekable();
        let mut next_auto = 0;
        while let Some(c) = chars.next() {
            match c {
                '{' if chars.peek() == Some(&'{') => {
                    chars.next();
                    out.push('{');
                }
                '}' if chars.peek() == Some(&'}') => {
                    chars.next();
                    out.push('}');
                }
                '{' => {
                    let Some(field) = until_closed(&mut chars, '{', '}') else {
                        return self.error("ValueError", "expected '}' before end of string");
                    };
                    let (name, spec) = field.split_once(':').map_or((field.as_str(), ""), |(a, b)| (a, b));
                    let (name, conversion) = name.split_once('!').map_or((name, None), |(a, b)| (a, b.chars().next()));
                    // `0`, `name`, then any `.attr` / `[key]` accessors.
                    let head_end = name.find(['.', '[']).unwrap_or(name.len());
                    let (head, mut accessors) = name.split_at(head_end);
                    let mut value = if head.is_empty() || head.bytes().all(|b| b.is_ascii_digit()) {
                        let index = if head.is_empty() {
                            next_auto += 1;
                            next_auto - 1
                        } else {
                            head.parse::<usize>().unwrap_or(usize::MAX)
                        };
                        match args.get(index) {
                            Some(v) => v.clone(),
                            None => return self.error("IndexError", format!("Replacement index {index} out of range for positional args tuple")),
                        }
                    } else {
                        match kwargs.iter().find(|(k, _)| k == head) {
                            Some((_, v)) => v.clone(),
                            None => return self.key_error(Obj::str(head)),
                        }
                    };
                    while !accessors.is_empty() {
                        if let Some(rest) = accessors.strip_prefix('.') {
                            let end = rest.find(['.', '[']).unwrap_or(rest.len());
                            value = self.get_attr(&value, &rest[..end])?;
                            accessors = &rest[end..];
                        } else if let Some(rest) = accessors.strip_prefix('[') {
                            let Some(end) = rest.find(']') else { return self.error("ValueError", "Missing ']' in format string") };
                            let key = &rest[..end];
                            let key = match key.parse::<i64>() {
                                Ok(i) if key.bytes().all(|b| b.is_ascii_digit()) => Obj::Int(i),
                                _ => Obj::str(key),
                            };
                            value = self.get_item(&value, key)?;
                            accessors = &rest[end + 1..];
                        } else {
                            return self.error("ValueError", "Only '.' or '[' may follow ']' in format field specifier");
                        }
                    }
                    let nested_spec;
                    let spec = if spec.contains('{') {
                        nested_spec = self.str_format(spec, args, kwargs)?;
                        nested_spec.as_str()
                    } else {
                        spec
                    };
                    let value = match conversion {
                        Some('r') => Obj::str(&self.repr_of(&value)?),
                        Some('s') => Obj::str(&self.str_of(&value)?),
                        _ => value,
                    };
                    out.push_str(&self.format_value(&value, spec)?);
                }
                '}' => return self.error("ValueError", "Single '}' encountered in format string"),
                c => out.push(c),
            }
        }
        Ok(out)
    }

    /// `"%s and %d" % (a, b)`.
    /// `template % values`; with a dict on the right, `%(name)s` reads its keys.
    pub(super) fn percent_format(&mut self, template: &str, values: &[Obj], mapping: Option<&Obj>) -> Res<String> {
        let mut out = String::new();
        let mut values = values.iter();
        let mut chars = template.chars().peekable();
        let mut used_mapping = false;
        while let Some(c) = chars.next() {
            if c != '%' {
                out.push(c);
                continue;
            }
            let mut keyed = None;
            if chars.peek() == Some(&'(') {
                chars.next();
                let Some(name) = until_closed(&mut chars, '(', ')') else {
                    return self.error("ValueError", "incomplete format key");
                };
                let Some(mapping) = mapping else { return self.error("TypeError", "format requires a mapping") };
                keyed = Some(self.get_item(mapping, Obj::str(&name))?);
                used_mapping = true;
            }
            let mut spec = String::new();
            while let Some(&n) = chars.peek() {
                chars.next();
                if n.is_ascii_alphabetic() || n == '%' {
                    spec.push(n);
                    break;
                }
                spec.push(n);
            }
            let Some(kind) = spec.pop() else { return self.error("ValueError", "incomplete format") };
            if kind == '%' {
                out.push('%');
                continue;
            }
            let value = match &keyed {
                Some(v) => v,
                None => match values.next() {
                    Some(v) => v,
                    None => return self.error("TypeError", "not enough arguments for format string"),
                },
            };
            // printf flags as a format spec: `-` left-aligns, `0` zero-pads, `+` signs.
            let left = spec.contains('-');
            let plain: String = spec.chars().filter(|c| *c != '-').collect();
            let spec = if left { format!("<{plain}") } else { plain };
            let text = match kind {
                's' | 'r' => {
                    let text = if kind == 's' { self.str_of(value)? } else { self.repr_of(value)? };
                    // printf right-aligns text unless `-` said left.
                    let spec = if left || spec.is_empty() { spec.clone() } else { format!(">{spec}") };
                    self.format_value(&Obj::str(&text), &spec)?
                }
                'd' | 'i' | 'u' => {
                    let as_int = match value {
                        Obj::Float(f) if f.is_finite() && f.abs() < 9.2e18 => Obj::Int(f.trunc() as i64),
                        Obj::Int(_) | Obj::Bool(_) => value.clone(),
                        Obj::Float(_) => return self.error("OverflowError", "cannot convert float infinity to integer"),
                        other => return self.error("TypeError", format!("%{kind} format: a real number is required, not {}", other.type_name())),
                    };
                    // printf's precision on an integer is a minimum count of digits.
                    match spec.split_once('.') {
                        Some((flags, digits)) => {
                            let i = self.to_index(&as_int)?;
                            let min_digits: usize = digits.parse().unwrap_or(0);
                            let body = format!("{:0>min_digits$}", i.unsigned_abs());
                            let sign = if i < 0 { "-" } else if flags.contains('+') { "+" } else if flags.contains(' ') { " " } else { "" };
                            let width: String = flags.chars().filter(|c| c.is_ascii_digit()).collect();
                            let width = width.trim_start_matches('0');
                            let text = Obj::str(&format!("{sign}{body}"));
                            let align = if left { "<" } else { ">" };
                            self.format_value(&text, &if width.is_empty() { String::new() } else { format!("{align}{width}") })?
                        }
                        None => self.format_value(&as_int, &format!("{spec}d"))?,
                    }
                }
                'f' | 'F' | 'e' | 'E' | 'x' | 'X' | 'o' | 'g' | 'G' => {
                    // `%#o` writes `0o17` as format's `#o` does.
                    self.format_value(value, &format!("{spec}{kind}"))?
                }
                'c' => match value {
                    Obj::Str(s) if s.chars().count() == 1 => s.to_string(),
                    Obj::Str(_) => return self.error("TypeError", "%c requires int or char"),
                    other => self.format_value(other, "c")?,
                },
                other => return self.error("ValueError", format!("unsupported format character '{other}'")),
            };
            out.push_str(&text);
        }
        if values.next().is_some() && !used_mapping && mapping.is_none() {
            return self.error("TypeError", "not all arguments converted during string formatting");
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::is_exact_tie;

    #[test]
    fn exact_ties_are_the_binary_halves() {
        assert!(is_exact_tie(2.5, 0));
        assert!(is_exact_tie(0.125, 2));
        assert!(is_exact_tie(-0.375, 2));
        assert!(!is_exact_tie(0.125, 3));
        assert!(!is_exact_tie(2.675, 2), "2.675 is below the half in binary");
        assert!(!is_exact_tie(3.0, 0));
        assert!(!is_exact_tie(0.1, 0));
    }
}
