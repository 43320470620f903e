//! The `math` module: CPython 3.11's functions on floats and on the lab's integers, with its
//! errors (`math domain error` for an argument outside a function's domain, `math range error`
//! for a result too large for a float). What CPython has and the lab does not (`sinh`, `erf`,
//! `frexp` …) says "not available in this lab".

use super::eval::{Interpreter, Res};
use super::object::Obj;

/// The module's members: its functions (called as built-ins named `math.…`) and constants.
pub(super) const FUNCTIONS: &[&str] = &[
    "math.acos", "math.asin", "math.atan", "math.atan2", "math.ceil", "math.comb", "math.copysign", "math.cos", "math.degrees", "math.exp",
    "math.fabs", "math.factorial", "math.floor", "math.fmod", "math.fsum", "math.gcd", "math.hypot", "math.isclose", "math.isfinite",
    "math.isinf", "math.isnan", "math.isqrt", "math.lcm", "math.log", "math.log10", "math.log2", "math.perm", "math.pow", "math.prod",
    "math.radians", "math.sin", "math.sqrt", "math.tan", "math.trunc",
];

pub(super) const CONSTANTS: &[(&str, f64)] =
    &[("pi", std::f64::consts::PI), ("e", std::f64::consts::E), ("tau", std::f64::consts::TAU), ("inf", f64::INFINITY), ("nan", f64::NAN)];

/// What CPython's `math` has that the lab's does not: the hyperbolic and special functions and
/// the float-anatomy ones, which tutorials rarely meet (each would cost the page's download).
pub(super) const LACKING: &[&str] = &[
    "acosh", "asinh", "atanh", "cbrt", "cosh", "dist", "erf", "erfc", "exp2", "expm1", "frexp", "gamma", "ldexp", "lgamma", "log1p", "modf",
    "nextafter", "remainder", "sinh", "tanh", "ulp",
];

/// The functions of one float, and of two.
const UNARY: &[(&str, fn(f64) -> f64)] = &[
    ("sin", f64::sin), ("cos", f64::cos), ("tan", f64::tan), ("asin", f64::asin), ("acos", f64::acos), ("atan", f64::atan), ("exp", f64::exp),
    ("log2", f64::log2), ("log10", f64::log10), ("sqrt", f64::sqrt), ("fabs", f64::abs), ("degrees", f64::to_degrees), ("radians", f64::to_radians),
];
const BINARY: &[(&str, fn(f64, f64) -> f64)] = &[
    ("atan2", f64::atan2),
    ("copysign", f64::copysign),
    ("pow", f64::powf),
    ("fmod", |x, y| if y.is_infinite() && x.is_finite() { x } else { x % y }),
];

/// Functions of one float whose infinite result from a finite argument is a pole (a domain
/// error, as `log(0)`), not an overflow.
const POLES: &[&str] = &["log", "log2", "log10"];

impl Interpreter {
    pub(super) fn call_math(&mut self, name: &'static str, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
        let function = name.trim_start_matches("math.");
        let keywords: &[&str] = match function {
            "isclose" => &["rel_tol", "abs_tol"],
            "prod" => &["start"],
            _ => &[],
        };
        if let Some((unexpected, _)) = kwargs.iter().find(|(k, _)| !keywords.contains(&k.as_str())) {
            return if keywords.is_empty() {
                self.error("TypeError", format!("{function}() takes no keyword arguments"))
            } else {
                self.error("TypeError", format!("'{unexpected}' is an invalid keyword argument for {function}()"))
            };
        }
        self.math_arity(function, args.len())?;
        let kw = |key: &str| kwargs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
        match function {
            _ if UNARY.iter().any(|(n, _)| *n == function) => {
                let x = self.real(&args[0])?;
                let Some((_, apply)) = UNARY.iter().find(|(n, _)| *n == function) else { return Ok(Obj::None) };
                self.checked(function, &[x], apply(x))
            }
            "log" => {
                let x = self.real(&args[0])?;
                let ln = self.checked("log", &[x], x.ln())?;
                let Some(base) = args.get(1) else { return Ok(ln) };
                let base = self.real(base)?;
                let Obj::Float(ln_base) = self.checked("log", &[base], base.ln())? else { return Ok(ln) };
                let Obj::Float(ln) = ln else { return Ok(ln) };
                if ln_base == 0.0 {
                    return self.error("ZeroDivisionError", "float division by zero");
                }
                Ok(Obj::Float(ln / ln_base))
            }
            _ if BINARY.iter().any(|(n, _)| *n == function) => {
                let (x, y) = (self.real(&args[0])?, self.real(&args[1])?);
                if function == "pow" && x == 0.0 && y < 0.0 && y.is_finite() {
                    return self.error("ValueError", "math domain error");
                }
                let Some((_, apply)) = BINARY.iter().find(|(n, _)| *n == function) else { return Ok(Obj::None) };
                let result = apply(x, y);
                if function == "pow" && x.is_finite() && y.is_finite() && result.is_infinite() {
                    return self.error("OverflowError", "math range error");
                }
                self.checked(function, &[x, y], result)
            }
            "floor" | "ceil" | "trunc" => {
                if let Obj::Int(_) | Obj::Bool(_) = &args[0] {
                    return Ok(Obj::Int(self.to_index(&args[0])?));
                }
                let x = self.real(&args[0])?;
                if x.is_nan() {
                    return self.error("ValueError", "cannot convert float NaN to integer");
                }
                if x.is_infinite() {
                    return self.error("OverflowError", "cannot convert float infinity to integer");
                }
                let whole = match function {
                    "floor" => x.floor(),
                    "ceil" => x.ceil(),
                    _ => x.trunc(),
                };
                if whole.abs() >= 9.2e18 {
                    return self.overflow();
                }
                Ok(Obj::Int(whole as i64))
            }
            "isfinite" | "isinf" | "isnan" => {
                let x = self.real(&args[0])?;
                Ok(Obj::Bool(match function {
                    "isfinite" => x.is_finite(),
                    "isinf" => x.is_infinite(),
                    _ => x.is_nan(),
                }))
            }
            "isclose" => {
                let (a, b) = (self.real(&args[0])?, self.real(&args[1])?);
                let rel_tol = match kw("rel_tol") {
                    Some(v) => self.real(&v)?,
                    None => 1e-9,
                };
                let abs_tol = match kw("abs_tol") {
                    Some(v) => self.real(&v)?,
                    None => 0.0,
                };
                if rel_tol < 0.0 || abs_tol < 0.0 {
                    return self.error("ValueError", "tolerances must be non-negative");
                }
                if a == b {
                    return Ok(Obj::Bool(true));
                }
                if a.is_infinite() || b.is_infinite() {
                    return Ok(Obj::Bool(false));
                }
                let difference = (b - a).abs();
                Ok(Obj::Bool(difference <= (rel_tol * b).abs() || difference <= (rel_tol * a).abs() || difference <= abs_tol))
            }
            "hypot" => {
                let mut coordinates = Vec::with_capacity(args.len());
                for a in &args {
                    coordinates.push(self.real(a)?);
                }
                Ok(Obj::Float(hypot(&coordinates)))
            }
            "fsum" => {
                let items = self.iterate(&args[0])?;
                let mut values = Vec::with_capacity(items.len());
                for item in &items {
                    values.push(self.real(item)?);
                }
                match fsum(&values) {
                    Ok(total) => Ok(Obj::Float(total)),
                    Err((class, message)) => self.error(class, message),
                }
            }
            "prod" => {
                let mut product = kw("start").unwrap_or(Obj::Int(1));
                for item in self.iterate(&args[0])? {
                    product = self.binary("*", product, item)?;
                }
                Ok(product)
            }
            "comb" | "perm" => {
                let n = self.whole(&args[0])?;
                let k = match args.get(1) {
                    Some(Obj::None) | None => n,
                    Some(k) => self.whole(k)?,
                };
                if n < 0 {
                    return self.error("ValueError", "n must be a non-negative integer");
                }
                if k < 0 {
                    return self.error("ValueError", "k must be a non-negative integer");
                }
                if k > n {
                    return Ok(Obj::Int(0));
                }
                let k = if function == "comb" { k.min(n - k) } else { k };
                let mut result: i128 = 1;
                for i in 0..k {
                    let step = if function == "comb" { result.checked_mul(i128::from(n - i)).map(|r| r / i128::from(i + 1)) } else { result.checked_mul(i128::from(n - i)) };
                    result = match step.filter(|r| *r <= i128::from(i64::MAX)) {
                        Some(r) => r,
                        None => return self.overflow(),
                    };
                }
                Ok(Obj::Int(result as i64))
            }
            _ => self.call_math_integers(name, args),
        }
    }

    /// How many arguments a function takes, with CPython's message for another count.
    fn math_arity(&self, function: &str, given: usize) -> Res<()> {
        let problem = match function {
            "hypot" | "gcd" | "lcm" => None,
            "log" => (!(1..=2).contains(&given)).then(|| "math.log requires 1 to 2 arguments".to_string()),
            "perm" if given == 0 => Some("perm expected at least 1 argument, got 0".to_string()),
            "perm" => (given > 2).then(|| format!("perm expected at most 2 arguments, got {given}")),
            "atan2" | "pow" | "fmod" | "copysign" | "comb" => (given != 2).then(|| format!("{function} expected 2 arguments, got {given}")),
            "isclose" if given < 2 => Some(format!("isclose() missing required argument '{}' (pos {})", ["a", "b"][given], given + 1)),
            "isclose" => (given > 2).then(|| format!("isclose() takes exactly 2 positional arguments ({given} given)")),
            "prod" => (given != 1).then(|| format!("prod() takes exactly 1 positional argument ({given} given)")),
            _ => (given != 1).then(|| format!("math.{function}() takes exactly one argument ({given} given)")),
        };
        match problem {
            Some(message) => self.error("TypeError", message),
            None => Ok(()),
        }
    }

    /// A float argument: an int, a bool, a float, or an object with `__float__`.
    fn real(&mut self, value: &Obj) -> Res<f64> {
        if let Some(inner) = self.value_part(value, "__float__") {
            return self.real(&inner);
        }
        match value {
            Obj::Int(i) => Ok(*i as f64),
            Obj::Float(f) => Ok(*f),
            Obj::Bool(b) => Ok(f64::from(u8::from(*b))),
            other => match self.lookup_special(other, "__float__") {
                Some(method) => match self.call(method, Vec::new(), Vec::new())? {
                    Obj::Float(f) => Ok(f),
                    got => self.error("TypeError", format!("{}.__float__ returned non-float (type {})", other.type_name(), got.type_name())),
                },
                None => self.error("TypeError", format!("must be real number, not {}", other.type_name())),
            },
        }
    }

    fn whole(&mut self, value: &Obj) -> Res<i64> {
        match value {
            Obj::Int(_) | Obj::Bool(_) => self.to_index(value),
            other => self.error("TypeError", format!("'{}' object cannot be interpreted as an integer", other.type_name())),
        }
    }

    /// The result as CPython gives it: NaN from numbers is a domain error, an infinity from
    /// finite numbers a range error (or, at a pole such as `log(0)`, a domain error).
    fn checked(&self, function: &str, inputs: &[f64], result: f64) -> Res<Obj> {
        if result.is_nan() && !inputs.iter().any(|x| x.is_nan()) {
            return self.error("ValueError", "math domain error");
        }
        if result.is_infinite() && inputs.iter().all(|x| x.is_finite()) {
            return if POLES.contains(&function) { self.error("ValueError", "math domain error") } else { self.error("OverflowError", "math range error") };
        }
        Ok(Obj::Float(result))
    }
}

impl Interpreter {
    /// `gcd`, `lcm`, `isqrt` and `factorial`, on the lab's 64-bit integers.
    fn call_math_integers(&mut self, name: &'static str, args: Vec<Obj>) -> Res<Obj> {
        match name {
            "math.gcd" | "math.lcm" => {
                let mut result: i64 = if name == "math.gcd" { 0 } else { 1 };
                for a in &args {
                    let n = match a {
                        Obj::Int(_) | Obj::Bool(_) => self.to_index(a)?,
                        other => return self.error("TypeError", format!("'{}' object cannot be interpreted as an integer", other.type_name())),
                    };
                    let (x, y) = (result.unsigned_abs(), n.unsigned_abs());
                    let mut gcd = (x, y);
                    while gcd.1 != 0 {
                        gcd = (gcd.1, gcd.0 % gcd.1);
                    }
                    result = if name == "math.gcd" {
                        i64::try_from(gcd.0).map_or_else(|_| self.overflow(), Ok)?
                    } else if x == 0 || y == 0 {
                        0
                    } else {
                        match (x / gcd.0).checked_mul(y).and_then(|v| i64::try_from(v).ok()) {
                            Some(v) => v,
                            None => return self.overflow(),
                        }
                    };
                }
                Ok(Obj::Int(result))
            }
            "math.isqrt" | "math.factorial" => {
                let n = match &args[0] {
                    Obj::Int(_) | Obj::Bool(_) => self.to_index(&args[0])?,
                    other => return self.error("TypeError", format!("'{}' object cannot be interpreted as an integer", other.type_name())),
                };
                if n < 0 {
                    let message = if name == "math.isqrt" { "isqrt() argument must be nonnegative" } else { "factorial() not defined for negative values" };
                    return self.error("ValueError", message);
                }
                if name == "math.isqrt" {
                    let mut r = (n as f64).sqrt() as i64;
                    while r.checked_mul(r).is_none_or(|sq| sq > n) {
                        r -= 1;
                    }
                    while (r + 1).checked_mul(r + 1).is_some_and(|sq| sq <= n) {
                        r += 1;
                    }
                    return Ok(Obj::Int(r));
                }
                let mut product: i64 = 1;
                for k in 2..=n {
                    product = match product.checked_mul(k) {
                        Some(p) => p,
                        None => return self.overflow(),
                    };
                }
                Ok(Obj::Int(product))
            }
            other => self.error("AttributeError", format!("module 'math' has no attribute '{}'", other.trim_start_matches("math."))),
        }
    }
}



/// `sqrt(sum of squares)` without overflowing on the way, as `math.hypot`.
fn hypot(coordinates: &[f64]) -> f64 {
    if coordinates.iter().any(|x| x.is_infinite()) {
        return f64::INFINITY;
    }
    if coordinates.iter().any(|x| x.is_nan()) {
        return f64::NAN;
    }
    let largest = coordinates.iter().fold(0f64, |m, x| m.max(x.abs()));
    if largest == 0.0 {
        return 0.0;
    }
    let sum: f64 = coordinates.iter().map(|x| (x / largest) * (x / largest)).sum();
    largest * sum.sqrt()
}


/// The correctly rounded sum (Shewchuk's partials, as CPython's `fsum`).
fn fsum(values: &[f64]) -> Result<f64, (&'static str, &'static str)> {
    let mut partials: Vec<f64> = Vec::new();
    let (mut special, mut infinities) = (0f64, 0f64);
    for &value in values {
        let mut x = value;
        if !x.is_finite() {
            if x.is_infinite() {
                infinities += x;
            }
            special += x;
            continue;
        }
        let mut kept = 0;
        for i in 0..partials.len() {
            let mut y = partials[i];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let high = x + y;
            let low = y - (high - x);
            if low != 0.0 {
                partials[kept] = low;
                kept += 1;
            }
            x = high;
        }
        partials.truncate(kept);
        if !x.is_finite() {
            return Err(("OverflowError", "intermediate overflow in fsum"));
        }
        partials.push(x);
    }
    if special != 0.0 {
        if infinities.is_nan() {
            return Err(("ValueError", "-inf + inf in fsum"));
        }
        return Ok(special);
    }
    let mut high = 0.0;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        high = partials[n];
        let mut low = 0.0;
        while n > 0 {
            let x = high;
            n -= 1;
            let y = partials[n];
            high = x + y;
            let y_rounded = high - x;
            low = y - y_rounded;
            if low != 0.0 {
                break;
            }
        }
        // Round half to even across the partials.
        if n > 0 && ((low < 0.0 && partials[n - 1] < 0.0) || (low > 0.0 && partials[n - 1] > 0.0)) {
            let y = low * 2.0;
            let x = high + y;
            let y_rounded = x - high;
            if y == y_rounded {
                high = x;
            }
        }
    }
    Ok(high)
}
