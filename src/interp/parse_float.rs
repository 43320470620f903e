//! Decimal text to the nearest double (ties to even), as CPython reads a float literal or
//! `float("…")`. The standard library's parser carries a 20 KB table of powers of five into the
//! wasm (15 KB of the gzipped page); this one takes the short exact path for the numbers
//! programs write (at most 15 digits, a power of ten up to 22: one exact multiplication or
//! division) and settles every other number with exact big-integer arithmetic, which costs
//! microseconds on the rare literal that needs it.

/// The value of `text` (`[+-]digits[.digits][e[+-]digits]`, `.5`, `5.`, `inf`, `infinity`,
/// `nan`, any case), or `None` when it is not a number in that form.
pub fn parse_float(text: &str) -> Option<f64> {
    let (negative, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let magnitude = if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        f64::INFINITY
    } else if body.eq_ignore_ascii_case("nan") {
        f64::NAN
    } else {
        let (digits, exponent) = decimal_parts(body)?;
        nearest(&digits, exponent)
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// `text` without the underscores that may stand between two digits (`1_000.5`), as float()
/// reads them; any other underscore stays, so the text is not a number.
pub fn without_digit_separators(text: &str) -> String {
    let bytes = text.as_bytes();
    let separates = |i: usize| i > 0 && bytes[i - 1].is_ascii_digit() && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
    text.char_indices().filter(|(i, c)| *c != '_' || !separates(*i)).map(|(_, c)| c).collect()
}

/// The significant digits (no leading or trailing zeros) and the power of ten they are
/// multiplied by.
fn decimal_parts(body: &str) -> Option<(Vec<u8>, i64)> {
    let bytes = body.as_bytes();
    let mut digits = Vec::new();
    let mut exponent: i64 = 0;
    let mut i = 0;
    let mut seen_digit = false;
    while let Some(d) = bytes.get(i).filter(|b| b.is_ascii_digit()) {
        digits.push(d - b'0');
        seen_digit = true;
        i += 1;
    }
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        while let Some(d) = bytes.get(i).filter(|b| b.is_ascii_digit()) {
            digits.push(d - b'0');
            exponent -= 1;
            seen_digit = true;
            i += 1;
        }
    }
    if !seen_digit {
        return None;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        let negative = match bytes.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        let mut written: i64 = 0;
        while let Some(d) = bytes.get(i).filter(|b| b.is_ascii_digit()) {
            // Past a million the value is 0 or infinity whatever the digits say.
            written = (written * 10 + i64::from(d - b'0')).min(1_000_000);
            i += 1;
        }
        if i == start {
            return None;
        }
        exponent += if negative { -written } else { written };
    }
    if i != bytes.len() {
        return None;
    }
    let leading = digits.iter().take_while(|d| **d == 0).count();
    digits.drain(..leading);
    while digits.last() == Some(&0) {
        digits.pop();
        exponent += 1;
    }
    Some((digits, exponent))
}

/// Every double lies at or below this many significant decimal digits of any point halfway
/// between two doubles (767); digits past it can only say "a little more".
const KEPT_DIGITS: usize = 800;

/// The double nearest to `digits × 10^exponent` (digits without leading or trailing zeros).
fn nearest(digits: &[u8], mut exponent: i64) -> f64 {
    if digits.is_empty() {
        return 0.0;
    }
    // The value lies in [10^(place - 1), 10^place).
    let place = digits.len() as i64 + exponent;
    if place > 310 {
        return f64::INFINITY;
    }
    if place < -324 {
        return 0.0;
    }
    if digits.len() <= 15 && (-22..=22).contains(&exponent) {
        let mut whole = 0u64;
        for d in digits {
            whole = whole * 10 + u64::from(*d);
        }
        // Both operands are exact doubles, so one rounding gives the nearest (Clinger).
        let scale = POWERS_OF_TEN[exponent.unsigned_abs() as usize];
        return if exponent >= 0 { whole as f64 * scale } else { whole as f64 / scale };
    }
    let mut kept: Vec<u8> = digits.iter().copied().take(KEPT_DIGITS).collect();
    if digits.len() > KEPT_DIGITS {
        // The dropped digits end in a non-zero one: stand for them with a last 1, which keeps
        // the value strictly between the same two halfway points.
        exponent += (digits.len() - KEPT_DIGITS) as i64;
        kept.push(1);
        exponent -= 1;
    }
    let whole = Big::from_digits(&kept);
    if exponent >= 0 {
        round(&whole.times_power_of_ten(exponent as u32), 0, false)
    } else {
        let divisor = Big::from_digits(&[1]).times_power_of_ten(exponent.unsigned_abs() as u32);
        // Enough quotient bits that the rounding bit is one of them; the remainder says whether
        // anything lies below it.
        let shift = (divisor.bits() + 56).saturating_sub(whole.bits());
        let (quotient, exact) = whole.shifted_left(shift).divided_by(&divisor);
        round(&quotient, -(shift as i64), !exact)
    }
}

const POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The double nearest to `(value + a little, if inexact) × 2^binary_exponent`, ties to even;
/// `value` is not zero, and when `inexact` it has at least two bits below the kept ones.
fn round(value: &Big, binary_exponent: i64, inexact: bool) -> f64 {
    let bits = value.bits() as i64;
    let top = bits - 1 + binary_exponent;
    if top > 1023 {
        return f64::INFINITY;
    }
    // The place of the last kept bit: 53 bits for a normal double, fewer below 2^-1022.
    let last = (top - 52).max(-1074);
    let dropped = last - binary_exponent;
    let mantissa = if dropped <= 0 {
        value.bits_from(0) << (-dropped)
    } else {
        let dropped = dropped as usize;
        let kept = value.bits_from(dropped);
        let half = value.bit(dropped - 1);
        let below = inexact || value.any_below(dropped - 1);
        if half && (below || kept & 1 == 1) {
            kept + 1
        } else {
            kept
        }
    };
    // A carry out of the mantissa lands in the exponent field, as it should.
    let encoded = (((last + 1074) as u64) << 52) + mantissa;
    if encoded >= f64::INFINITY.to_bits() {
        f64::INFINITY
    } else {
        f64::from_bits(encoded)
    }
}

/// A non-negative integer in 32-bit limbs, least significant first.
#[derive(Clone)]
struct Big(Vec<u32>);

impl Big {
    fn from_digits(digits: &[u8]) -> Big {
        let mut big = Big(Vec::new());
        for chunk in digits.chunks(9) {
            let mut part = 0u32;
            for d in chunk {
                part = part * 10 + u32::from(*d);
            }
            big.multiply_add(10u32.pow(chunk.len() as u32), part);
        }
        big
    }

    fn multiply_add(&mut self, factor: u32, addend: u32) {
        let mut carry = u64::from(addend);
        for limb in &mut self.0 {
            let product = u64::from(*limb) * u64::from(factor) + carry;
            *limb = product as u32;
            carry = product >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn times_power_of_ten(mut self, mut power: u32) -> Big {
        while power > 0 {
            let step = power.min(9);
            self.multiply_add(10u32.pow(step), 0);
            power -= step;
        }
        self
    }

    fn bits(&self) -> usize {
        match self.0.iter().rposition(|l| *l != 0) {
            Some(i) => i * 32 + 32 - self.0[i].leading_zeros() as usize,
            None => 0,
        }
    }

    fn bit(&self, i: usize) -> bool {
        self.0.get(i / 32).is_some_and(|l| l >> (i % 32) & 1 == 1)
    }

    fn any_below(&self, i: usize) -> bool {
        let whole = i / 32;
        self.0.iter().take(whole).any(|l| *l != 0) || self.0.get(whole).is_some_and(|l| l & ((1u32 << (i % 32)) - 1) != 0)
    }

    /// Bits `from..from + 64` as a number (the caller keeps at most 54 of them).
    fn bits_from(&self, from: usize) -> u64 {
        (0..64).filter(|k| self.bit(from + k)).fold(0u64, |acc, k| acc | 1 << k)
    }

    fn shifted_left(&self, shift: usize) -> Big {
        let mut limbs = vec![0u32; shift / 32];
        let bits = shift % 32;
        let mut carry = 0u32;
        for limb in &self.0 {
            if bits == 0 {
                limbs.push(*limb);
            } else {
                limbs.push(limb << bits | carry);
                carry = limb >> (32 - bits);
            }
        }
        if carry > 0 {
            limbs.push(carry);
        }
        Big(limbs)
    }

    /// The quotient, and whether the division left no remainder: long division a bit at a time.
    fn divided_by(&self, divisor: &Big) -> (Big, bool) {
        let total = self.bits();
        let mut quotient = Big(vec![0; total / 32 + 1]);
        let mut remainder = Big(Vec::with_capacity(divisor.0.len() + 1));
        for i in (0..total).rev() {
            remainder.multiply_add(2, u32::from(self.bit(i)));
            if !remainder.less_than(divisor) {
                remainder.subtract(divisor);
                quotient.0[i / 32] |= 1 << (i % 32);
            }
        }
        let exact = remainder.bits() == 0;
        (quotient, exact)
    }

    fn less_than(&self, other: &Big) -> bool {
        let (a, b) = (self.bits(), other.bits());
        if a != b {
            return a < b;
        }
        for i in (0..a.div_ceil(32)).rev() {
            let (x, y) = (self.0.get(i).copied().unwrap_or(0), other.0.get(i).copied().unwrap_or(0));
            if x != y {
                return x < y;
            }
        }
        false
    }

    /// `self -= other`, where `other <= self`.
    fn subtract(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for (i, limb) in self.0.iter_mut().enumerate() {
            let difference = i64::from(*limb) - i64::from(other.0.get(i).copied().unwrap_or(0)) - borrow;
            borrow = i64::from(difference < 0);
            *limb = difference.rem_euclid(1 << 32) as u32;
        }
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn same(text: &str) {
        let ours = parse_float(text);
        let std = text.parse::<f64>().ok();
        match (ours, std) {
            (Some(a), Some(b)) => assert!(a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()), "{text}: {a:e} != {b:e}"),
            (a, b) => assert_eq!(a.is_some(), b.is_some(), "{text}: {a:?} vs {b:?}"),
        }
    }

    #[test]
    fn reads_the_hard_cases_as_the_standard_library_does() {
        for text in [
            "0", "0.0", "-0.0", "1", "1.", ".5", "5.e3", "0.1", "0.3", "1e22", "1e23", "9007199254740993", "9007199254740992.5",
            "123456789012345678901234567890", "2.2250738585072011e-308", "2.2250738585072012e-308", "2.2250738585072014e-308",
            "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125e-324",
            "2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125000000000000001e-324",
            "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308", "1e309", "1e-400", "1e400", "0e999999999",
            "1e-1000000000", "-1e1000000000", "inf", "-Infinity", "NaN", "+nan", "nan(1)", "", ".", "e5", "1e", "1e+", "1.5x", "--1",
            "+-1", "1_0", " 1", "0x10", "00012.500e-2", "1.000000000000000111022302462515654042363166809082031250",
            "1.00000000000000011102230246251565404236316680908203125", "1.00000000000000011102230246251565404236316680908203124",
        ] {
            same(text);
        }
    }

    #[test]
    fn reads_random_numbers_as_the_standard_library_does() {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..4000 {
            // Every double written shortest and long, and its neighbours' halfway points.
            let value = f64::from_bits(next() & 0x7FFF_FFFF_FFFF_FFFF);
            if value.is_finite() {
                same(&format!("{value:e}"));
                same(&format!("{value:.25e}"));
                same(&format!("{value}"));
            }
            let digits = 1 + (next() % 40) as usize;
            let text: String = (0..digits).map(|_| char::from(b'0' + (next() % 10) as u8)).collect();
            let point = (next() % (digits as u64 + 1)) as usize;
            let exponent = (next() % 700) as i64 - 350;
            same(&format!("{}.{}e{exponent}", &text[..point], &text[point..]));
        }
    }
}
