//! The built-ins: functions (`print`, `len`, `range` …), the exception classes, the methods of
//! str, list, dict and set, and the operators, attributes, items and iteration of every value —
//! with Python's own error messages.

use std::cell::RefCell;
use std::rc::Rc;

use super::generator::{Lazy, LazyKind};
use super::eval::{Interpreter, Res, MAX_ITEMS};
use super::object::{View, Class, Dict, Instance, Iter, Obj};
use crate::value::{python_float, python_str_repr};

const EXCEPTIONS: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("Exception", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("AttributeError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("RuntimeError", "Exception"),
    ("RecursionError", "RuntimeError"),
    ("NotImplementedError", "RuntimeError"),
    ("StopIteration", "Exception"),
    ("AssertionError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("MemoryError", "Exception"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("OSError", "Exception"),
    ("FileNotFoundError", "OSError"),
    ("FileExistsError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("SystemExit", "BaseException"),
];

const FUNCTIONS: &[&str] = &[
    "print", "len", "range", "repr", "str", "int", "float", "bool", "list", "tuple", "dict", "set", "type", "isinstance",
    "issubclass", "hasattr", "getattr", "setattr", "delattr", "abs", "min", "max", "sum", "sorted", "reversed", "enumerate",
    "zip", "map", "filter", "any", "all", "round", "iter", "next", "ord", "chr", "divmod", "pow", "format", "vars", "dir",
    "bytes", "frozenset", "bytearray", "memoryview", "complex", "help", "id", "hash", "callable", "property", "staticmethod", "classmethod", "input", "open", "exit", "quit", "exec", "eval",
    "globals", "locals", "hex", "oct", "bin", "slice", "ascii",
];

impl Interpreter {
    pub(super) fn install_builtins(&mut self) {
        for name in FUNCTIONS {
            self.builtins.insert_str(name, Obj::Builtin(name));
        }
        self.builtins.insert_str("object", Obj::Class(self.object_class.clone()));
        self.object_class.attrs.borrow_mut().insert_str("__setattr__", Obj::Builtin("object.__setattr__"));
        self.object_class.attrs.borrow_mut().insert_str("__delattr__", Obj::Builtin("object.__delattr__"));
        for (name, base) in EXCEPTIONS {
            let bases = if base.is_empty() { vec![self.object_class.clone()] } else { vec![self.exceptions[base].clone()] };
            let mut attrs = Dict::default();
            attrs.insert_str("__module__", Obj::str("builtins"));
            let class = Rc::new(Class { name: Rc::from(*name), bases: bases.clone(), mro: RefCell::new(Vec::new()), attrs: RefCell::new(attrs), builtin: true });
            let mut mro = vec![class.clone()];
            mro.extend(bases[0].mro.borrow().iter().cloned());
            *class.mro.borrow_mut() = mro;
            self.classes.push(Rc::downgrade(&class));
            self.exceptions.insert(name, class.clone());
            self.builtins.insert_str(name, Obj::Class(class));
        }
        self.install_value_types();
        self.builtins.insert_str("__name__", Obj::str("builtins"));
        self.builtins.insert_str("NotImplemented", Obj::Builtin("NotImplemented"));
        // `builtins` (and `__builtins__`): the built-in names as a module.
        let module = Obj::Module(Rc::new(super::object::Module {
            name: Rc::from("builtins"),
            globals: Rc::new(RefCell::new(self.builtins.clone())),
        }));
        self.builtins.insert_str("__builtins__", module.clone());
        self.builtin_module = Some(module);
    }

    pub(super) fn arity(&self, name: &str, args: &[Obj], min: usize, max: usize) -> Res<()> {
        if args.len() < min || args.len() > max {
            let expected = if min == max { format!("{min}") } else if max == usize::MAX { format!("at least {min}") } else { format!("from {min} to {max}") };
            let plural = if max == 1 { "" } else { "s" };
            return self.error("TypeError", format!("{name}() takes {expected} argument{plural} ({} given)", args.len()));
        }
        Ok(())
    }

    pub(super) fn call_builtin(&mut self, name: &'static str, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
        if name.starts_with("math.") {
            return self.call_math(name, args, kwargs);
        }
        let kw = |key: &str| kwargs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
        if !kwargs.is_empty() && !matches!(name, "print" | "sorted" | "min" | "max" | "dict" | "round" | "int" | "enumerate") {
            return self.error("TypeError", format!("{name}() takes no keyword arguments"));
        }
        match name {
            "print" => {
                let sep = match kw("sep") {
                    Some(Obj::None) | None => " ".to_string(),
                    Some(v) => self.str_of(&v)?,
                };
                let end = match kw("end") {
                    Some(Obj::None) | None => "\n".to_string(),
                    Some(v) => self.str_of(&v)?,
                };
                let mut parts = Vec::new();
                for a in &args {
                    parts.push(self.str_of(a)?);
                }
                let text = parts.join(&sep) + &end;
                self.write(&text)?;
                Ok(Obj::None)
            }
            "len" => {
                self.arity("len", &args, 1, 1)?;
                Ok(Obj::Int(self.length(&args[0])? as i64))
            }
            "range" => {
                self.arity("range", &args, 1, 3)?;
                let mut ints = Vec::new();
                for a in &args {
                    ints.push(self.to_index(a)?);
                }
                let (start, stop, step) = match ints.as_slice() {
                    [stop] => (0, *stop, 1),
                    [start, stop] => (*start, *stop, 1),
                    [start, stop, step] => (*start, *stop, *step),
                    _ => (0, 0, 1),
                };
                if step == 0 {
                    return self.error("ValueError", "range() arg 3 must not be zero");
                }
                Ok(Obj::Range(start, stop, step))
            }
            "repr" => {
                self.arity("repr", &args, 1, 1)?;
                Ok(Obj::str(&self.repr_of(&args[0])?))
            }
            "ascii" => {
                self.arity("ascii", &args, 1, 1)?;
                Ok(Obj::str(&self.ascii_of(&args[0])?))
            }
            "str" => match args.as_slice() {
                [] => Ok(Obj::str("")),
                [Obj::Bytes(b), _encoding, ..] => self.bytes_method(&b.clone(), "decode", &[]),
                [v, ..] => Ok(Obj::str(&self.str_of(v)?)),
            },
            "bytes" => self.make_bytes(&args),
            "int" => self.to_int(&args, kw("base")),
            "float" => {
                if let Some(inner) = args.first().and_then(|a| self.value_part(a, "__float__")) {
                    return self.call_builtin("float", vec![inner], Vec::new());
                }
                match args.first() {
                    None => Ok(Obj::Float(0.0)),
                    Some(Obj::Int(i)) => Ok(Obj::Float(*i as f64)),
                    Some(Obj::Bool(b)) => Ok(Obj::Float(f64::from(u8::from(*b)))),
                    Some(Obj::Float(f)) => Ok(Obj::Float(*f)),
                    Some(Obj::Str(s)) => match s.trim().to_ascii_lowercase().as_str() {
                        "inf" | "+inf" | "infinity" => Ok(Obj::Float(f64::INFINITY)),
                        "-inf" | "-infinity" => Ok(Obj::Float(f64::NEG_INFINITY)),
                        "nan" => Ok(Obj::Float(f64::NAN)),
                        t => match super::parse_float::parse_float(&super::parse_float::without_digit_separators(t)) {
                            Some(f) => Ok(Obj::Float(f)),
                            None => self.error("ValueError", format!("could not convert string to float: {}", python_str_repr(s))),
                        },
                    },
                    Some(other) => match self.lookup_special(other, "__float__") {
                        Some(method) => match self.call(method, Vec::new(), Vec::new())? {
                            Obj::Float(f) => Ok(Obj::Float(f)),
                            got => self.error("TypeError", format!("{}.__float__ returned non-float (type {})", other.type_name(), got.type_name())),
                        },
                        None => self.error("TypeError", format!("float() argument must be a string or a real number, not '{}'", other.type_name())),
                    },
                }
            }
            "bool" => match args.first() {
                None => Ok(Obj::Bool(false)),
                Some(v) => Ok(Obj::Bool(self.truthy(v)?)),
            },
            "list" => match args.first() {
                None => Ok(Obj::list(Vec::new())),
                Some(v) => {
                    let items = self.iterate(v)?;
                    Ok(Obj::list(items))
                }
            },
            "tuple" => match args.first() {
                None => Ok(Obj::tuple(Vec::new())),
                Some(v) => {
                    let items = self.iterate(v)?;
                    Ok(Obj::tuple(items))
                }
            },
            "set" => match args.first() {
                None => self.make_set(Vec::new()),
                Some(v) => {
                    let items = self.iterate(v)?;
                    self.make_set(items)
                }
            },
            "dict" => {
                let mut dict = Dict::default();
                if let Some(source) = args.first() {
                    match Self::as_dict(source) {
                        Obj::Dict(d) => dict = d.borrow().clone(),
                        // A mapping of a native module (a row's `_mapping`): its keys, then each item.
                        Obj::Native(_) if self.get_attr(source, "keys").is_ok() => {
                            let keys = self.get_attr(source, "keys")?;
                            let keys = self.call(keys, Vec::new(), Vec::new())?;
                            for k in self.iterate(&keys)? {
                                let v = self.get_item(source, k.clone())?;
                                let hashed = self.hash_key(&k)?;
                                dict.insert(hashed, k, v);
                            }
                        }
                        other => {
                            for (at, pair) in self.iterate(other)?.into_iter().enumerate() {
                                let items = match self.iterate(&pair) {
                                    Ok(items) => items,
                                    Err(_) => {
                                        return self.error(
                                            "TypeError",
                                            format!("cannot convert dictionary update sequence element #{at} to a sequence"),
                                        )
                                    }
                                };
                                if items.len() != 2 {
                                    return self.error(
                                        "ValueError",
                                        format!("dictionary update sequence element #{at} has length {}; 2 is required", items.len()),
                                    );
                                }
                                let k = self.hash_key(&items[0])?;
                                dict.insert(k, items[0].clone(), items[1].clone());
                            }
                        }
                    }
                }
                for (k, v) in kwargs {
                    dict.insert_str(&k, v);
                }
                Ok(Obj::Dict(Rc::new(RefCell::new(dict))))
            }
            "type" => match args.len() {
                1 => Ok(self.type_of(&args[0])),
                3 => self.stop_not_available("type() with three arguments (a class made without a class statement)"),
                _ => self.error("TypeError", "type() takes 1 or 3 arguments"),
            },
            "isinstance" => {
                self.arity("isinstance", &args, 2, 2)?;
                Ok(Obj::Bool(self.is_instance(&args[0], &args[1])?))
            }
            "issubclass" => {
                self.arity("issubclass", &args, 2, 2)?;
                if !matches!(&args[0], Obj::Class(_)) && !is_type_name(builtin_name(&args[0])) {
                    return self.error("TypeError", "issubclass() arg 1 must be a class");
                }
                self.is_subclass(&args[0], &args[1]).map(Obj::Bool)
            }
            "hasattr" => {
                self.arity("hasattr", &args, 2, 2)?;
                let name = self.text_arg(&args[1], "attribute name must be string")?;
                match self.get_attr(&args[0], &name) {
                    Ok(_) => Ok(Obj::Bool(true)),
                    Err(raised) if !raised.stop && self.is_instance_of(&raised.value, "AttributeError") => Ok(Obj::Bool(false)),
                    Err(raised) => Err(raised),
                }
            }
            "getattr" => {
                self.arity("getattr", &args, 2, 3)?;
                let name = self.text_arg(&args[1], "attribute name must be string")?;
                match (self.get_attr(&args[0], &name), args.get(2)) {
                    (Err(raised), Some(default)) if self.is_instance_of(&raised.value, "AttributeError") => Ok(default.clone()),
                    (Err(raised), _) => Err(self.attribute_error_context(raised, &args[0], &name)),
                    (result, _) => result,
                }
            }
            "setattr" => {
                self.arity("setattr", &args, 3, 3)?;
                let name = self.text_arg(&args[1], "attribute name must be string")?;
                self.set_attr(&args[0], &name, args[2].clone())?;
                Ok(Obj::None)
            }
            "delattr" => {
                self.arity("delattr", &args, 2, 2)?;
                let name = self.text_arg(&args[1], "attribute name must be string")?;
                self.del_attr(&args[0], &name)?;
                Ok(Obj::None)
            }
            "abs" => {
                self.arity("abs", &args, 1, 1)?;
                if let Some(inner) = self.value_part(&args[0], "__abs__") {
                    return self.call_builtin("abs", vec![inner], Vec::new());
                }
                match &args[0] {
                    Obj::Int(i) => i.checked_abs().map(Obj::Int).map_or_else(|| self.overflow(), Ok),
                    Obj::Bool(b) => Ok(Obj::Int(i64::from(*b))),
                    Obj::Float(f) => Ok(Obj::Float(f.abs())),
                    Obj::Instance(_) if self.lookup_special(&args[0], "__abs__").is_some() => {
                        let method = self.lookup_special(&args[0], "__abs__").unwrap_or(Obj::None);
                        self.call(method, Vec::new(), Vec::new())
                    }
                    other => self.error("TypeError", format!("bad operand type for abs(): '{}'", other.type_name())),
                }
            }
            "min" | "max" => {
                if args.is_empty() {
                    return self.error("TypeError", format!("{name} expected at least 1 argument, got 0"));
                }
                let items = if args.len() == 1 { self.iterate(&args[0])? } else { args.clone() };
                if items.is_empty() {
                    return match kw("default") {
                        Some(d) => Ok(d),
                        None => self.error("ValueError", format!("{name}() arg is an empty sequence")),
                    };
                }
                let key_fn = kw("key").filter(|k| !matches!(k, Obj::None));
                let mut best = items[0].clone();
                let mut best_key = match &key_fn {
                    Some(f) => self.call(f.clone(), vec![best.clone()], Vec::new())?,
                    None => best.clone(),
                };
                for item in items.into_iter().skip(1) {
                    let k = match &key_fn {
                        Some(f) => self.call(f.clone(), vec![item.clone()], Vec::new())?,
                        None => item.clone(),
                    };
                    let better = if name == "min" { self.compare("<", &k, &best_key)? } else { self.compare(">", &k, &best_key)? };
                    if better {
                        best = item;
                        best_key = k;
                    }
                }
                Ok(best)
            }
            "sum" => {
                self.arity("sum", &args, 1, 2)?;
                let mut total = args.get(1).cloned().unwrap_or(Obj::Int(0));
                for item in self.iterate(&args[0])? {
                    total = self.binary("+", total, item)?;
                }
                Ok(total)
            }
            "sorted" => {
                self.arity("sorted", &args, 1, 1)?;
                let items = self.iterate(&args[0])?;
                let list = Obj::list(items);
                self.call_native_method(&list, "sort", Vec::new(), kwargs)?;
                Ok(list)
            }
            "reversed" => {
                self.arity("reversed", &args, 1, 1)?;
                let mut items = self.iterate(&args[0])?;
                items.reverse();
                Ok(Obj::Iterator(Rc::new(RefCell::new(Iter { items, at: 0 }))))
            }
            "enumerate" => {
                self.arity("enumerate", &args, 1, 2)?;
                if let Some((k, _)) = kwargs.iter().find(|(k, _)| k != "start") {
                    return self.error("TypeError", format!("'{k}' is an invalid keyword argument for enumerate()"));
                }
                let start = match args.get(1).cloned().or_else(|| kw("start")) {
                    Some(v) => self.to_index(&v)?,
                    None => 0,
                };
                let source = self.loop_over(&args[0])?;
                Ok(self.lazy(LazyKind::Enumerate(std::cell::Cell::new(start)), vec![source]))
            }
            "zip" => {
                let mut sources = Vec::new();
                for a in &args {
                    sources.push(self.loop_over(a)?);
                }
                Ok(self.lazy(LazyKind::Zip, sources))
            }
            "map" => {
                self.arity("map", &args, 2, usize::MAX)?;
                let mut sources = Vec::new();
                for a in &args[1..] {
                    sources.push(self.loop_over(a)?);
                }
                Ok(self.lazy(LazyKind::Map(args[0].clone()), sources))
            }
            "filter" => {
                self.arity("filter", &args, 2, 2)?;
                let source = self.loop_over(&args[1])?;
                Ok(self.lazy(LazyKind::Filter(args[0].clone()), vec![source]))
            }
            "any" | "all" => {
                self.arity(name, &args, 1, 1)?;
                // Stops at the first deciding item, as Python does (an endless generator too).
                let mut items = self.loop_over(&args[0])?;
                while let Some(item) = self.next_loop_item(&mut items)? {
                    self.tick()?;
                    let t = self.truthy(&item)?;
                    if name == "any" && t {
                        return Ok(Obj::Bool(true));
                    }
                    if name == "all" && !t {
                        return Ok(Obj::Bool(false));
                    }
                }
                Ok(Obj::Bool(name == "all"))
            }
            "round" => {
                self.arity("round", &args, 1, 2)?;
                let digits = match args.get(1).or(kw("ndigits").as_ref()) {
                    Some(Obj::None) | None => None,
                    Some(v) => Some(self.to_index(v)?),
                };
                match (&args[0], digits) {
                    (Obj::Int(i), Some(d)) if d < 0 => {
                        // Half to even on the exact integer.
                        let Some(scale) = u32::try_from(-d).ok().and_then(|e| 10i64.checked_pow(e)) else { return Ok(Obj::Int(0)) };
                        let (q, r) = (i.div_euclid(scale), i.rem_euclid(scale));
                        let up = r * 2 > scale || (r * 2 == scale && q % 2 != 0);
                        match (q + i64::from(up)).checked_mul(scale) {
                            Some(v) => Ok(Obj::Int(v)),
                            None => self.overflow(),
                        }
                    }
                    (Obj::Int(i), _) => Ok(Obj::Int(*i)),
                    (Obj::Bool(b), _) => Ok(Obj::Int(i64::from(*b))),
                    (Obj::Float(f), None) if f.is_nan() => self.error("ValueError", "cannot convert float NaN to integer"),
                    (Obj::Float(f), None) if f.is_infinite() => self.error("OverflowError", "cannot convert float infinity to integer"),
                    (Obj::Float(f), None) if f.abs() >= 9.2e18 => self.overflow(),
                    (Obj::Float(f), None) => Ok(Obj::Int(round_half_even(*f) as i64)),
                    (Obj::Float(f), Some(d)) if d >= 0 => {
                        // Correctly rounded, as Python's round(): through the exact decimal digits.
                        let text = super::format::fixed(*f, d as usize);
                        Ok(Obj::Float(super::parse_float::parse_float(&text).unwrap_or(*f)))
                    }
                    (Obj::Float(f), Some(d)) => {
                        let scale = 10f64.powi((-d) as i32);
                        Ok(Obj::Float(round_half_even(f / scale) * scale))
                    }
                    // A float or int subclass rounds as its value.
                    (Obj::Instance(i), _) if i.value.is_some() => {
                        let mut args = args.to_vec();
                        args[0] = i.value.clone().unwrap_or(Obj::None);
                        self.call_builtin("round", args, kwargs.to_vec())
                    }
                    (other, _) => self.error("TypeError", format!("type {} doesn't define __round__ method", other.type_name())),
                }
            }
            "iter" => {
                self.arity("iter", &args, 1, 1)?;
                if let Obj::Generator(_) | Obj::Iterator(_) | Obj::Lazy(_) = &args[0] {
                    return Ok(args[0].clone());
                }
                // An object written in Python gives what its __iter__ returns (an iterator
                // instance stays itself, however long it would run).
                if let Some(inner) = self.value_part(&args[0], "__iter__") {
                    return self.call_builtin("iter", vec![inner], Vec::new());
                }
                if let Some(method) = self.lookup_special(&args[0], "__iter__") {
                    let iterator = self.call(method, Vec::new(), Vec::new())?;
                    return match iterator {
                        Obj::Generator(_) | Obj::Iterator(_) | Obj::Lazy(_) => Ok(iterator),
                        Obj::Native(_) => {
                            let items = self.iterate(&iterator)?;
                            Ok(Obj::Iterator(Rc::new(RefCell::new(Iter { items, at: 0 }))))
                        }
                        // An instance must have __next__; anything else is not an iterator.
                        _ => self.iterator_items(iterator.clone()).map(|_| iterator),
                    };
                }
                let items = self.iterate(&args[0])?;
                Ok(Obj::Iterator(Rc::new(RefCell::new(Iter { items, at: 0 }))))
            }
            "next" => {
                self.arity("next", &args, 1, 2)?;
                match &args[0] {
                    Obj::Iterator(it) => {
                        let mut it = it.borrow_mut();
                        if let Some(v) = it.items.get(it.at).cloned() {
                            it.at += 1;
                            return Ok(v);
                        }
                        drop(it);
                        match args.get(1) {
                            Some(d) => Ok(d.clone()),
                            None => self.error("StopIteration", ""),
                        }
                    }
                    Obj::Lazy(lazy) => {
                        let lazy = lazy.clone();
                        match (self.lazy_next(&lazy)?, args.get(1)) {
                            (Some(item), _) => Ok(item),
                            (None, Some(default)) => Ok(default.clone()),
                            (None, None) => self.error("StopIteration", ""),
                        }
                    }
                    Obj::Generator(generator) => {
                        let generator = generator.clone();
                        match (self.generator_next(&generator, Obj::None), args.get(1)) {
                            (Err(raised), Some(default)) if !raised.stop && self.is_instance_of(&raised.value, "StopIteration") => Ok(default.clone()),
                            (outcome, _) => outcome,
                        }
                    }
                    instance @ Obj::Instance(_) => match self.lookup_special(instance, "__next__") {
                        Some(next) => match (self.call(next, Vec::new(), Vec::new()), args.get(1)) {
                            (Err(raised), Some(default)) if !raised.stop && self.is_instance_of(&raised.value, "StopIteration") => Ok(default.clone()),
                            (outcome, _) => outcome,
                        },
                        None => self.error("TypeError", format!("'{}' object is not an iterator", instance.type_name())),
                    },
                    other => self.error("TypeError", format!("'{}' object is not an iterator", other.type_name())),
                }
            }
            "ord" => match args.as_slice() {
                [Obj::Str(s)] if s.chars().count() == 1 => Ok(Obj::Int(s.chars().next().map_or(0, |c| c as i64))),
                [Obj::Str(s)] => self.error("TypeError", format!("ord() expected a character, but string of length {} found", s.chars().count())),
                _ => self.error("TypeError", "ord() expected string of length 1"),
            },
            "chr" => {
                self.arity("chr", &args, 1, 1)?;
                let code = self.to_index(&args[0])?;
                match u32::try_from(code).ok().and_then(char::from_u32) {
                    Some(c) => Ok(Obj::str(&c.to_string())),
                    None => self.error("ValueError", "chr() arg not in range(0x110000)"),
                }
            }
            "divmod" => {
                self.arity("divmod", &args, 2, 2)?;
                let q = self.binary("//", args[0].clone(), args[1].clone())?;
                let r = self.binary("%", args[0].clone(), args[1].clone())?;
                Ok(Obj::tuple(vec![q, r]))
            }
            "slice" => {
                self.arity("slice", &args, 1, 3)?;
                let mut parts = Vec::new();
                for a in &args {
                    parts.push(match a {
                        Obj::None => None,
                        other => Some(self.to_index(other)?),
                    });
                }
                Ok(match parts.as_slice() {
                    [stop] => Obj::Slice(None, *stop, None),
                    [start, stop] => Obj::Slice(*start, *stop, None),
                    [start, stop, step] => Obj::Slice(*start, *stop, *step),
                    _ => Obj::None,
                })
            }
            // A bare instance, no __init__: what a class's own __new__ builds on.
            "str.__new__" | "int.__new__" | "float.__new__" | "list.__new__" | "dict.__new__" | "set.__new__" | "tuple.__new__" => {
                let type_name = super::subclass::value_type_name(name.split('.').next().unwrap_or_default()).unwrap_or("object");
                self.builtin_new(type_name, args, kwargs)
            }
            "object.__new__" => match args.first() {
                Some(Obj::Class(class)) if self.value_type_of(class).is_some() => {
                    // CPython names the nearest class whose __new__ is not written in Python.
                    let mro = class.mro.borrow().clone();
                    let base = mro.iter().find(|c| c.attrs.borrow().get_str("__new__").is_none()).map_or(class.name.clone(), |c| c.name.clone());
                    self.error("TypeError", format!("object.__new__({}) is not safe, use {base}.__new__()", class.name))
                }
                Some(Obj::Class(class)) => Ok(Obj::new_instance(class.clone())),
                Some(other) => self.error("TypeError", format!("object.__new__(X): X is not a type object ({})", other.type_name())),
                None => self.error("TypeError", "object.__new__(): not enough arguments"),
            },
            "dict.fromkeys" => {
                self.arity("fromkeys", &args, 1, 2)?;
                let value = args.get(1).cloned().unwrap_or(Obj::None);
                let mut dict = Dict::default();
                for k in self.iterate(&args[0])? {
                    let hashed = self.hash_key(&k)?;
                    dict.insert(hashed, k, value.clone());
                }
                Ok(Obj::Dict(Rc::new(RefCell::new(dict))))
            }
            "pow" => {
                self.arity("pow", &args, 2, 3)?;
                let Some(modulus) = args.get(2).filter(|m| !matches!(m, Obj::None)) else {
                    return self.binary("**", args[0].clone(), args[1].clone());
                };
                let (Obj::Int(base), Obj::Int(exp), Obj::Int(m)) = (&args[0], &args[1], modulus) else {
                    return self.error("TypeError", "pow() 3rd argument not allowed unless all arguments are integers");
                };
                if *m == 0 {
                    return self.error("ValueError", "pow() 3rd argument cannot be 0");
                }
                // Square and multiply in 128 bits; the result takes the modulus's sign, as `%`.
                let m128 = i128::from(*m);
                let mut b = i128::from(*base).rem_euclid(m128.abs());
                if *exp < 0 {
                    // A negative exponent raises the modular inverse (extended Euclid).
                    let (mut r0, mut r1, mut s0, mut s1) = (m128.abs(), b, 0i128, 1i128);
                    while r1 != 0 {
                        let q = r0 / r1;
                        (r0, r1) = (r1, r0 - q * r1);
                        (s0, s1) = (s1, s0 - q * s1);
                    }
                    if r0 != 1 {
                        return self.error("ValueError", "base is not invertible for the given modulus");
                    }
                    b = s0.rem_euclid(m128.abs());
                }
                let (mut result, mut e) = (1i128.rem_euclid(m128.abs()), exp.unsigned_abs());
                while e > 0 {
                    if e & 1 == 1 {
                        result = result * b % m128.abs();
                    }
                    b = b * b % m128.abs();
                    e >>= 1;
                }
                if m128 < 0 && result != 0 {
                    result += m128;
                }
                Ok(Obj::Int(result as i64))
            }
            "format" => {
                self.arity("format", &args, 1, 2)?;
                let spec = match args.get(1) {
                    Some(s) => self.text_arg(s, "format() argument 2 must be str")?,
                    None => String::new(),
                };
                Ok(Obj::str(&self.format_value(&args[0], &spec)?))
            }
            "vars" => match args.first() {
                Some(Obj::Instance(i)) => Ok(Obj::Dict(i.attrs.clone())),
                Some(Obj::Module(m)) => Ok(Obj::Dict(m.globals.clone())),
                Some(_) => self.error("TypeError", "vars() argument must have __dict__ attribute"),
                None => self.stop_not_available("vars() called other than by its name"),
            },
            "globals" | "locals" => self.stop_not_available(&format!("{name}() called other than by its name")),
            "dir" => match args.first() {
                Some(value) => Ok(Obj::list(self.dir_names(value).iter().map(|n| Obj::str(n)).collect())),
                None => self.stop_not_available("dir() called other than by its name"),
            },
            "help" => {
                self.write("The lab's Python runs plain Python: functions, classes, loops, exceptions, comprehensions, f-strings,\nthe built-in functions and the str, list, dict and set methods a tutorial uses. Interactive help()\nis not available in this lab; see https://docs.python.org/3/.\n")?;
                Ok(Obj::None)
            }
            "id" => {
                self.arity("id", &args, 1, 1)?;
                Ok(Obj::Int(Interpreter::identity_of(&args[0]) as i64))
            }
            "hash" => {
                self.arity("hash", &args, 1, 1)?;
                self.hash_of(&args[0]).map(Obj::Int)
            }
            "callable" => {
                self.arity("callable", &args, 1, 1)?;
                Ok(Obj::Bool(matches!(
                    args[0],
                    Obj::Function(_) | Obj::Builtin(_) | Obj::NativeMethod(..) | Obj::Method(..) | Obj::Class(_)
                ) || self.lookup_special(&args[0], "__call__").is_some()))
            }
            "property" => {
                let mut args = args.into_iter();
                let getter = args.next().or_else(|| kw("fget")).unwrap_or(Obj::None);
                let setter = args.next().or_else(|| kw("fset")).filter(|s| !matches!(s, Obj::None));
                let deleter = args.next().or_else(|| kw("fdel")).filter(|s| !matches!(s, Obj::None));
                Ok(Obj::Property(Rc::new(super::object::PropertyCell { getter, setter, deleter })))
            }
            "staticmethod" => Ok(Obj::StaticMethod(Box::new(args.into_iter().next().unwrap_or(Obj::None)))),
            "classmethod" => Ok(Obj::ClassMethod(Box::new(args.into_iter().next().unwrap_or(Obj::None)))),
            "input" | "open" => self.stop_not_available(&format!("{name}() (the lab's programs have no keyboard or disk)")),
            "frozenset" | "bytearray" | "memoryview" | "complex" => self.stop_not_available(&format!("{name}() (the lab's Python has no {name} type)")),
            "object.__setattr__" => match args.as_slice() {
                [this, Obj::Str(attr), value] => self.object_set_attr(this, attr, value.clone()).map(|()| Obj::None),
                _ => self.error("TypeError", "expected 3 arguments: the object, a name and a value"),
            },
            "object.__delattr__" => match args.as_slice() {
                [this, Obj::Str(attr)] => self.object_del_attr(this, attr).map(|()| Obj::None),
                _ => self.error("TypeError", "expected 2 arguments: the object and a name"),
            },
            "exit" | "quit" => {
                let value = self.new_exception("SystemExit", String::new());
                if let Obj::Instance(instance) = &value {
                    instance.attrs.borrow_mut().insert_str("args", Obj::tuple(args));
                }
                Err(super::eval::raised(value, false))
            }
            "hex" | "oct" | "bin" => {
                self.arity(name, &args, 1, 1)?;
                let i = self.to_index(&args[0])?;
                let digits = match name {
                    "hex" => format!("0x{:x}", i.unsigned_abs()),
                    "oct" => format!("0o{:o}", i.unsigned_abs()),
                    _ => format!("0b{:b}", i.unsigned_abs()),
                };
                Ok(Obj::str(&if i < 0 { format!("-{digits}") } else { digits }))
            }
            other => self.error("TypeError", format!("'{other}' is not callable")),
        }
    }

    pub fn stop_not_available<T>(&self, what: &str) -> Res<T> {
        Err(self.exception("RuntimeError", format!("not available in this lab: {what}"), true))
    }

    pub(super) fn overflow<T>(&self) -> Res<T> {
        self.error("OverflowError", "integer too large for the lab's Python (it keeps 64-bit integers)")
    }

    pub(super) fn plain_str(&self, value: &Obj) -> String {
        match value {
            Obj::Str(s) => s.to_string(),
            other => other.type_name(),
        }
    }

    fn text_arg(&self, value: &Obj, message: &str) -> Res<String> {
        match Self::unwrapped(value) {
            Obj::Str(s) => Ok(s.to_string()),
            _ => self.error("TypeError", message.to_string()),
        }
    }

    /// Writes to the terminal, within the lab's memory budget.
    pub fn write(&mut self, text: &str) -> Res<()> {
        if self.out.len() + text.len() > 4 * 1024 * 1024 {
            return self.stop_not_available("more than 4 MB of output from one program");
        }
        self.out.push_str(text);
        Ok(())
    }

    fn to_int(&mut self, args: &[Obj], base: Option<Obj>) -> Res<Obj> {
        let explicit_base = args.len() > 1 || base.is_some();
        if explicit_base && !matches!(args.first(), Some(Obj::Str(_))) {
            return self.error("TypeError", "int() can't convert non-string with explicit base");
        }
        if let Some(inner) = args.first().and_then(|v| self.value_part(v, "__int__")).filter(|_| self.lookup_special(&args[0], "__index__").is_none()) {
            let mut args = args.to_vec();
            args[0] = inner;
            return self.call_builtin("int", args, Vec::new());
        }
        if let Some(value @ Obj::Instance(_)) = args.first() {
            // `int(x)` asks the object: `__int__`, else `__index__`.
            let method = self.lookup_special(value, "__int__").or_else(|| self.lookup_special(value, "__index__"));
            if let Some(method) = method {
                return match self.call(method, Vec::new(), Vec::new())? {
                    result @ Obj::Int(_) => Ok(result),
                    other => self.error("TypeError", format!("__int__ returned non-int (type {})", other.type_name())),
                };
            }
        }
        match args.first() {
            None => Ok(Obj::Int(0)),
            Some(Obj::Int(i)) => Ok(Obj::Int(*i)),
            Some(Obj::Bool(b)) => Ok(Obj::Int(i64::from(*b))),
            Some(Obj::Float(f)) if f.is_finite() => {
                if f.abs() >= 9.2e18 {
                    return self.overflow();
                }
                Ok(Obj::Int(f.trunc() as i64))
            }
            Some(Obj::Float(f)) if f.is_nan() => self.error("ValueError", "cannot convert float NaN to integer"),
            Some(Obj::Float(_)) => self.error("OverflowError", "cannot convert float infinity to integer"),
            Some(Obj::Str(s)) => {
                let radix = match args.get(1).cloned().or(base) {
                    Some(b) => self.to_index(&b)?,
                    None => 10,
                };
                if radix != 0 && !(2..=36).contains(&radix) {
                    return self.error("ValueError", "int() base must be >= 2 and <= 36, or 0");
                }
                let invalid = || format!("invalid literal for int() with base {radix}: {}", python_str_repr(s));
                match parse_int_literal(s.trim(), radix as u32) {
                    Some(Ok(i)) => Ok(Obj::Int(i)),
                    Some(Err(())) => self.overflow(),
                    None => self.error("ValueError", invalid()),
                }
            }
            Some(other) => self.error(
                "TypeError",
                format!("int() argument must be a string, a bytes-like object or a real number, not '{}'", other.type_name()),
            ),
        }
    }

    pub(super) fn to_index(&self, value: &Obj) -> Res<i64> {
        match Self::unwrapped(value) {
            Obj::Int(i) => Ok(*i),
            Obj::Bool(b) => Ok(i64::from(*b)),
            other => self.error("TypeError", format!("'{}' object cannot be interpreted as an integer", other.type_name())),
        }
    }

    pub(crate) fn type_of(&self, value: &Obj) -> Obj {
        match value {
            Obj::Instance(i) => Obj::Class(i.class.clone()),
            Obj::Class(_) => Obj::Builtin("type"),
            Obj::Native(native) if native.type_name() != "builtin_function_or_method" => super::native::NativeType::of(native.as_ref()),
            other => Obj::Builtin(builtin_type_name(other)),
        }
    }

    fn is_instance(&mut self, value: &Obj, wanted: &Obj) -> Res<bool> {
        match wanted {
            Obj::Tuple(options) => {
                for o in options.iter() {
                    if self.is_instance(value, o)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Obj::Class(class) => Ok(match value {
                Obj::Instance(i) => i.class.mro.borrow().iter().any(|c| Rc::ptr_eq(c, class)),
                _ => Rc::ptr_eq(class, &self.object_class),
            }),
            Obj::Builtin(name) => Ok(match (value, *name) {
                (Obj::Bool(_), "int" | "bool") => true,
                (Obj::Instance(i), n) if i.value.is_some() => self.value_type_of(&i.class) == Some(n),
                (other, n) => builtin_type_name(other) == n,
            }),
            Obj::Native(native) if native.type_name() == "types.GenericAlias" => self.error("TypeError", "isinstance() argument 2 cannot be a parameterized generic"),
            // A native module's class (`sqlalchemy.Engine`): its objects carry its name.
            Obj::Native(native) if native.as_any().downcast_ref::<super::native::NativeType>().is_some() => {
                let name = native.as_any().downcast_ref::<super::native::NativeType>().map(|t| t.0.clone()).unwrap_or_default();
                Ok(matches!(value, Obj::Native(v) if v.class_path() == name))
            }
            _ => self.error("TypeError", "isinstance() arg 2 must be a type, a tuple of types, or a union"),
        }
    }

    /// The number of items, or `TypeError` for a value without a length.
    pub(super) fn length(&mut self, value: &Obj) -> Res<usize> {
        if let Some(inner) = self.value_part(value, "__len__") {
            return self.length(&inner);
        }
        Ok(match value {
            Obj::Str(s) => s.chars().count(),
            Obj::Bytes(b) => b.len(),
            Obj::List(l) => l.borrow().len(),
            Obj::Tuple(t) => t.len(),
            Obj::Dict(d) | Obj::Set(d) | Obj::DictView(d, _) => d.borrow().len(),
            Obj::Range(start, stop, step) => range_len(*start, *stop, *step),
            Obj::Class(class) => match self.enum_members(class) {
                Some(members) => members.len(),
                None => return self.error("TypeError", "object of type 'type' has no len()"),
            },
            Obj::Native(native) => match native.clone().len(self, value) {
                Some(n) => n?,
                None => return self.error("TypeError", format!("object of type '{}' has no len()", native.type_name())),
            },
            Obj::Instance(_) => match self.lookup_special(value, "__len__") {
                Some(m) => {
                    let n = self.call(m, Vec::new(), Vec::new())?;
                    self.to_index(&n)? as usize
                }
                None => return self.error("TypeError", format!("object of type '{}' has no len()", value.type_name())),
            },
            other => return self.error("TypeError", format!("object of type '{}' has no len()", other.type_name())),
        })
    }

    /// Every item of an iterable, in order.
    fn lazy(&mut self, kind: LazyKind, sources: Vec<super::eval::LoopItems>) -> Obj {
        Obj::Lazy(Rc::new(Lazy::new(kind, sources)))
    }

    /// Whether a class is an enum (it has `_member_names_` and `_member_map_`, as the lab's
    /// `enum` gives every Enum subclass): CPython's EnumType behaviour applies to it.
    pub fn is_enum_class(&self, class: &Rc<Class>) -> bool {
        matches!(self.find_in_mro(class, "_member_names_"), Some(Obj::List(_))) && matches!(self.find_in_mro(class, "_member_map_"), Some(Obj::Dict(_)))
    }

    /// Whether a value is a member of an enum class.
    pub fn is_enum_member(&self, value: &Obj) -> bool {
        matches!(value, Obj::Instance(i) if self.is_enum_class(&i.class))
    }

    /// An enum class's members in definition order (`_member_names_` through `_member_map_`),
    /// which CPython's EnumType iterates, counts and searches; None for any other class.
    pub fn enum_members(&self, class: &Rc<Class>) -> Option<Vec<Obj>> {
        let Some(Obj::List(names)) = self.find_in_mro(class, "_member_names_") else { return None };
        let Some(Obj::Dict(map)) = self.find_in_mro(class, "_member_map_") else { return None };
        let map = map.borrow();
        let names = names.borrow();
        Some(names.iter().filter_map(|n| if let Obj::Str(s) = n { map.get_str(s).cloned() } else { None }).collect())
    }

    pub fn iterate(&mut self, value: &Obj) -> Res<Vec<Obj>> {
        if let Some(inner) = self.value_part(value, "__iter__") {
            return self.iterate(&inner);
        }
        Ok(match value {
            Obj::List(l) => l.borrow().clone(),
            Obj::Tuple(t) => t.to_vec(),
            Obj::Str(s) => s.chars().map(|c| Obj::str(&c.to_string())).collect(),
            Obj::Bytes(b) => b.iter().map(|&x| Obj::Int(i64::from(x))).collect(),
            Obj::Set(d) => super::set_order::cpython_order(d.borrow().items().map(|(k, _)| k.clone()).collect(), d.borrow().presize),
            Obj::Dict(d) | Obj::DictView(d, View::Keys) => d.borrow().items().map(|(k, _)| k.clone()).collect(),
            Obj::DictView(d, View::Values) => d.borrow().items().map(|(_, v)| v.clone()).collect(),
            Obj::DictView(d, View::Items) => d.borrow().items().map(|(k, v)| Obj::tuple(vec![k.clone(), v.clone()])).collect(),
            Obj::Range(start, stop, step) => {
                let n = range_len(*start, *stop, *step);
                if n > MAX_ITEMS {
                    return self.memory_error();
                }
                (0..n as i64).map(|i| Obj::Int(start + i * step)).collect()
            }
            Obj::Iterator(it) => {
                let mut it = it.borrow_mut();
                let rest = it.items[it.at..].to_vec();
                it.at = it.items.len();
                rest
            }
            Obj::Generator(generator) => self.drain_generator(&generator.clone())?,
            Obj::Lazy(lazy) => {
                let lazy = lazy.clone();
                let mut items = Vec::new();
                while let Some(item) = self.lazy_next(&lazy)? {
                    if items.len() >= MAX_ITEMS {
                        return self.memory_error();
                    }
                    items.push(item);
                }
                items
            }
            Obj::Native(native) => match native.clone().iterate(self, value) {
                Some(items) => items?,
                None => return self.error("TypeError", format!("'{}' object is not iterable", native.type_name())),
            },
            Obj::Class(class) => match self.enum_members(class) {
                Some(members) => members,
                None => return self.error("TypeError", "'type' object is not iterable"),
            },
            Obj::Instance(_) => {
                if self.lookup_special(value, "__iter__").is_some() {
                    // Walked as a `for` loop walks it (an iterator written in Python, its
                    // __next__ until StopIteration).
                    let mut items = self.loop_over(value)?;
                    let mut out = Vec::new();
                    while let Some(item) = self.next_loop_item(&mut items)? {
                        if out.len() >= MAX_ITEMS {
                            return self.memory_error();
                        }
                        out.push(item);
                    }
                    return Ok(out);
                }
                if let Some(m) = self.lookup_special(value, "__getitem__") {
                    let mut out = Vec::new();
                    for i in 0.. {
                        match self.call(m.clone(), vec![Obj::Int(i)], Vec::new()) {
                            Ok(v) => out.push(v),
                            Err(raised) if self.is_instance_of(&raised.value, "IndexError") => break,
                            Err(raised) => return Err(raised),
                        }
                    }
                    return Ok(out);
                }
                return self.error("TypeError", format!("'{}' object is not iterable", value.type_name()));
            }
            other => return self.error("TypeError", format!("'{}' object is not iterable", other.type_name())),
        })
    }

    fn is_subclass(&mut self, class: &Obj, of: &Obj) -> Res<bool> {
        match (class, of) {
            (_, Obj::Tuple(options)) => {
                for option in options.iter() {
                    if self.is_subclass(class, option)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            (Obj::Class(a), Obj::Class(b)) => Ok(a.mro.borrow().iter().any(|c| Rc::ptr_eq(c, b))),
            (Obj::Builtin(a), Obj::Builtin(b)) if is_type_name(b) => Ok(a == b || *b == "object" || (*a == "bool" && *b == "int")),
            (Obj::Class(a), Obj::Builtin(b)) if is_type_name(b) => Ok(*b == "object" || self.value_type_of(a) == Some(b)),
            (Obj::Builtin(_), Obj::Class(_)) => Ok(false),
            _ => self.error("TypeError", "issubclass() arg 2 must be a class, a tuple of classes, or a union"),
        }
    }

    /// `KeyError(key)`: its text is the key's repr.
    pub(super) fn key_error<T>(&mut self, key: Obj) -> Res<T> {
        let exc = self.new_exception("KeyError", String::new());
        self.set_attr(&exc, "args", Obj::tuple(vec![key]))?;
        Err(super::eval::raised(exc, false))
    }

    pub(super) fn memory_error<T>(&self) -> Res<T> {
        self.error("MemoryError", format!("the lab's Python holds at most {MAX_ITEMS} items in one value"))
    }

    pub fn truthy(&mut self, value: &Obj) -> Res<bool> {
        if let Some(inner) = self.value_part(value, "__bool__").filter(|_| self.lookup_special(value, "__len__").is_none()) {
            return self.truthy(&inner);
        }
        Ok(match value {
            Obj::None => false,
            Obj::Bool(b) => *b,
            Obj::Int(i) => *i != 0,
            Obj::Float(f) => *f != 0.0,
            Obj::Str(s) => !s.is_empty(),
            Obj::Bytes(b) => !b.is_empty(),
            Obj::List(l) => !l.borrow().is_empty(),
            Obj::Tuple(t) => !t.is_empty(),
            Obj::Dict(d) | Obj::Set(d) | Obj::DictView(d, _) => !d.borrow().is_empty(),
            Obj::Range(start, stop, step) => range_len(*start, *stop, *step) > 0,
            Obj::Native(native) => native.clone().truthy(self, value)?,
            Obj::Instance(_) => {
                if let Some(m) = self.lookup_special(value, "__bool__") {
                    let r = self.call(m, Vec::new(), Vec::new())?;
                    return self.truthy(&r);
                }
                if self.lookup_special(value, "__len__").is_some() {
                    return Ok(self.length(value)? > 0);
                }
                true
            }
            _ => true,
        })
    }

    // ---- text ------------------------------------------------------------------------------

    /// The text an object's own `__str__` / `__repr__` returns, if it has one.
    fn text_from_special(&mut self, value: &Obj, method: &str) -> Res<Option<String>> {
        let Some(m) = self.lookup_special(value, method) else { return Ok(None) };
        match self.call(m, Vec::new(), Vec::new())? {
            Obj::Str(s) => Ok(Some(s.to_string())),
            other => self.error("TypeError", format!("{method} returned non-string (type {})", other.type_name())),
        }
    }

    pub fn str_of(&mut self, value: &Obj) -> Res<String> {
        match value {
            Obj::Str(s) => Ok(s.to_string()),
            Obj::Instance(i) => {
                if let Some(text) = self.text_from_special(value, "__str__")? {
                    return Ok(text);
                }
                // `str.__str__` is the value; the other built-in types have none of their own, so
                // `str()` is the repr, a class's own `__repr__` included.
                if let Some(inner) = self.value_part(value, "__str__") {
                    return match inner {
                        Obj::Str(_) => self.str_of(&inner),
                        _ => self.repr_of(value),
                    };
                }
                if self.is_exception_class(&i.class) {
                    // A SyntaxError that knows where it was found says so, as Python's does.
                    if let Some(place) = super::eval::syntax_place(value) {
                        return Ok(format!("{} ({}, line {})", place.msg, place.file, place.line));
                    }
                    let args = i.attrs.borrow().get_str("args").cloned();
                    // `OSError(errno, strerror[, filename])`: `[Errno 2] No such file or directory: 'x'`.
                    if let Some(Obj::Tuple(a)) = &args {
                        if let (2 | 3, Some(Obj::Int(errno)), true) = (a.len(), a.first(), self.is_instance_of(value, "OSError")) {
                            let message = self.str_of(&a[1])?;
                            return Ok(match a.get(2) {
                                Some(file) => format!("[Errno {errno}] {message}: {}", self.repr_of(file)?),
                                None => format!("[Errno {errno}] {message}"),
                            });
                        }
                    }
                    return match args {
                        Some(Obj::Tuple(a)) if a.is_empty() => Ok(String::new()),
                        Some(Obj::Tuple(a)) if a.len() == 1 => {
                            if i.class.name.as_ref() == "KeyError" {
                                self.repr_of(&a[0])
                            } else {
                                self.str_of(&a[0])
                            }
                        }
                        Some(other) => self.repr_of(&other),
                        None => Ok(String::new()),
                    };
                }
                self.repr_of(value)
            }
            Obj::Native(native) => native.clone().str(self, value),
            other => self.repr_of(other),
        }
    }

    pub fn repr_of(&mut self, value: &Obj) -> Res<String> {
        let container = matches!(value, Obj::List(_) | Obj::Dict(_) | Obj::Set(_) | Obj::Tuple(_));
        if container {
            let id = Interpreter::identity_of(value);
            if self.repr_stack.contains(&id) {
                return Ok(match value {
                    Obj::Dict(_) => "{...}".into(),
                    Obj::Tuple(_) => "(...)".into(),
                    _ => "[...]".into(),
                });
            }
            if self.repr_stack.len() >= 200 {
                return self.error("RecursionError", "maximum recursion depth exceeded while getting the repr of an object");
            }
            self.repr_stack.push(id);
        }
        let text = self.repr_inner(value);
        if container {
            self.repr_stack.pop();
        }
        text
    }

    fn repr_inner(&mut self, value: &Obj) -> Res<String> {
        Ok(match value {
            Obj::None => "None".into(),
            Obj::Bool(b) => (if *b { "True" } else { "False" }).into(),
            Obj::Int(i) => i.to_string(),
            Obj::Float(f) => python_float(*f),
            Obj::Str(s) => python_str_repr(s),
            Obj::Bytes(b) => super::bytes::repr(b),
            Obj::List(l) => {
                let items = l.borrow().clone();
                format!("[{}]", self.join_reprs(&items)?)
            }
            Obj::Tuple(t) => {
                if t.len() == 1 {
                    format!("({},)", self.repr_of(&t[0])?)
                } else {
                    format!("({})", self.join_reprs(t)?)
                }
            }
            Obj::Dict(d) => {
                let items: Vec<(Obj, Obj)> = d.borrow().items().cloned().collect();
                let mut parts = Vec::new();
                for (k, v) in items {
                    parts.push(format!("{}: {}", self.repr_of(&k)?, self.repr_of(&v)?));
                }
                format!("{{{}}}", parts.join(", "))
            }
            Obj::Set(d) => {
                let items = super::set_order::cpython_order(d.borrow().items().map(|(k, _)| k.clone()).collect(), d.borrow().presize);
                if items.is_empty() {
                    "set()".into()
                } else {
                    format!("{{{}}}", self.join_reprs(&items)?)
                }
            }
            Obj::Range(start, stop, step) => {
                if *step == 1 {
                    format!("range({start}, {stop})")
                } else {
                    format!("range({start}, {stop}, {step})")
                }
            }
            Obj::Function(f) => {
                // Python names a function by its qualified name, which `functools.wraps` may have set.
                let qualname = match f.attrs.borrow().get_str("__qualname__") {
                    Some(Obj::Str(name)) => name.to_string(),
                    _ => f.qualname.to_string(),
                };
                format!("<function {qualname} at 0x{:x}>", Interpreter::identity_of(value))
            }
            Obj::Builtin("NotImplemented") => "NotImplemented".into(),
            Obj::Builtin("Ellipsis") => "Ellipsis".into(),
            // What typing `exit` at Python's prompt shows.
            Obj::Builtin(name @ ("exit" | "quit")) => format!("Use {name}() or Ctrl-D (i.e. EOF) to exit"),
            Obj::Builtin(name) if is_type_name(name) => format!("<class '{name}'>"),
            Obj::Builtin(name) => format!("<built-in function {}>", name.trim_start_matches("math.")),
            Obj::NativeMethod(this, name) => format!("<built-in method {name} of {} object>", this.type_name()),
            Obj::UnboundNative(name) => format!("<method '{name}'>"),
            Obj::Method(this, f) => format!("<bound method {}.{} of {}>", this.type_name(), f.name, self.repr_of(this)?),
            Obj::Class(c) if self.is_enum_class(c) => format!("<enum '{}'>", c.name),
            Obj::Class(c) => match class_module(c) {
                Some(module) => format!("<class '{module}.{}'>", c.name),
                None => format!("<class '{}'>", c.name),
            },
            Obj::Instance(i) => {
                if let Some(text) = self.text_from_special(value, "__repr__")? {
                    return Ok(text);
                }
                if let Some(inner) = self.value_part(value, "__repr__") {
                    let text = self.repr_of(&inner)?;
                    // A set subclass names itself: `Flags({1, 2})`.
                    return Ok(match inner {
                        Obj::Set(_) => format!("{}({text})", i.class.name),
                        _ => text,
                    });
                }
                if self.is_exception_class(&i.class) {
                    let args = i.attrs.borrow().get_str("args").cloned().unwrap_or(Obj::tuple(Vec::new()));
                    let inner = match &args {
                        Obj::Tuple(a) if a.len() == 1 => self.repr_of(&a[0])?,
                        Obj::Tuple(a) => self.join_reprs(a)?,
                        other => self.repr_of(other)?,
                    };
                    return Ok(format!("{}({inner})", i.class.name));
                }
                let module = class_module(&i.class).unwrap_or_else(|| "builtins".to_string());
                format!("<{module}.{} object at 0x{:x}>", i.class.name, Interpreter::identity_of(value))
            }
            Obj::Module(m) => format!("<module '{}'>", m.name),
            Obj::Iterator(_) => "<iterator object>".into(),
            Obj::Property(_) => "<property object>".into(),
            Obj::StaticMethod(_) => "<staticmethod object>".into(),
            Obj::ClassMethod(_) => "<classmethod object>".into(),
            Obj::Super(c, _) => format!("<super: <class '{}'>, <{} object>>", c.name, c.name),
            Obj::DictView(..) => {
                let items = self.iterate(value)?;
                format!("{}([{}])", value.type_name(), self.join_reprs(&items)?)
            }
            Obj::Slice(start, stop, step) => {
                let part = |v: &Option<i64>| v.map_or("None".to_string(), |i| i.to_string());
                format!("slice({}, {}, {})", part(start), part(stop), part(step))
            }
            Obj::Native(native) => native.clone().repr(self, value)?,
            Obj::Generator(generator) => format!("<generator object {} at 0x{:x}>", generator.qualname(), Interpreter::identity_of(value)),
            Obj::Lazy(lazy) => format!("<{} object at 0x{:x}>", lazy.type_name(), Interpreter::identity_of(value)),
        })
    }

    fn join_reprs(&mut self, items: &[Obj]) -> Res<String> {
        let mut parts = Vec::with_capacity(items.len());
        for item in items {
            parts.push(self.repr_of(item)?);
        }
        Ok(parts.join(", "))
    }

    // ---- attributes --------------------------------------------------------------------------

    pub fn get_attr(&mut self, object: &Obj, name: &str) -> Res<Obj> {
        match object {
            Obj::Instance(instance) => {
                if name == "__class__" {
                    return Ok(Obj::Class(instance.class.clone()));
                }
                if name == "__dict__" {
                    return Ok(Obj::Dict(instance.attrs.clone()));
                }
                if matches!(name, "__cause__" | "__context__" | "__suppress_context__" | "__traceback__")
                    && self.is_exception_class(&instance.class)
                    && instance.attrs.borrow().get_str(name).is_none()
                {
                    return Ok(if name == "__suppress_context__" { Obj::Bool(false) } else { Obj::None });
                }
                // An OSError's `errno`, `strerror` and `filename`: its arguments, when it was given
                // a number first.
                if matches!(name, "errno" | "strerror" | "filename") && self.is_instance_of(object, "OSError") && instance.attrs.borrow().get_str(name).is_none() {
                    let args = instance.attrs.borrow().get_str("args").cloned();
                    let at = match name {
                        "errno" => 0,
                        "strerror" => 1,
                        _ => 2,
                    };
                    return Ok(match args {
                        Some(Obj::Tuple(args)) if (2..=3).contains(&args.len()) && matches!(args[0], Obj::Int(_)) => args.get(at).cloned().unwrap_or(Obj::None),
                        _ => Obj::None,
                    });
                }
                // `SystemExit.code` and `StopIteration.value`: the first argument, or None.
                if (name == "code" && self.is_instance_of(object, "SystemExit") || name == "value" && self.is_instance_of(object, "StopIteration"))
                    && instance.attrs.borrow().get_str(name).is_none()
                {
                    let args = instance.attrs.borrow().get_str("args").cloned();
                    return Ok(match args {
                        Some(Obj::Tuple(args)) if args.len() == 1 => args[0].clone(),
                        Some(args @ Obj::Tuple(_)) if name == "code" && self.length(&args)? > 1 => args,
                        _ => Obj::None,
                    });
                }
                let from_class = self.find_in_mro(&instance.class, name);
                if let Some(Obj::Property(property)) = &from_class {
                    return self.call(property.getter.clone(), vec![object.clone()], Vec::new());
                }
                if let Some(descriptor @ Obj::Native(native)) = &from_class {
                    let owner = Obj::Class(instance.class.clone());
                    if let Some(value) = native.clone().descriptor_get(self, descriptor, Some(object), &owner) {
                        return value;
                    }
                }
                // A descriptor written in Python: one with `__set__` or `__delete__` (a data
                // descriptor) comes before the instance's own attribute, one with only `__get__`
                // after it.
                if let Some(get) = from_class.as_ref().and_then(|d| self.lookup_special(d, "__get__")) {
                    let data = from_class.as_ref().is_some_and(|d| self.lookup_special(d, "__set__").is_some() || self.lookup_special(d, "__delete__").is_some());
                    if data || instance.attrs.borrow().get_str(name).is_none() {
                        return self.call(get, vec![object.clone(), Obj::Class(instance.class.clone())], Vec::new());
                    }
                }
                if let Some(v) = instance.attrs.borrow().get_str(name) {
                    return Ok(v.clone());
                }
                match from_class {
                    Some(Obj::Function(f)) => Ok(Obj::Method(Box::new(object.clone()), f)),
                    Some(Obj::ClassMethod(f)) => self.bind_classmethod(&f, Obj::Class(instance.class.clone())),
                    Some(Obj::StaticMethod(f)) => Ok(*f),
                    Some(other) => Ok(other),
                    None => {
                        // A subclass of a built-in type: the value's own methods (`self.upper()`).
                        if let Some(method) = instance.value.as_ref().and_then(|v| native_method(v, name).map(|m| (v, m))) {
                            return Ok(Obj::NativeMethod(Box::new(method.0.clone()), method.1));
                        }
                        if let Some(getattr) = self.find_in_mro(&instance.class, "__getattr__") {
                            return self.call(getattr, vec![object.clone(), Obj::str(name)], Vec::new());
                        }
                        self.error("AttributeError", format!("'{}' object has no attribute '{name}'", instance.class.name))
                    }
                }
            }
            Obj::Class(class) => {
                if name == "__name__" {
                    return Ok(Obj::str(&class.name));
                }
                if name == "__dict__" {
                    return Ok(Obj::Dict(Rc::new(RefCell::new(class.attrs.borrow().clone()))));
                }
                if name == "__qualname__" {
                    return Ok(Obj::str(&class.name));
                }
                if name == "__bases__" || name == "__base__" {
                    let bases: Vec<Obj> = class.bases.iter().map(as_type).collect();
                    let bases = if bases.is_empty() { vec![Obj::Builtin("object")] } else { bases };
                    return Ok(if name == "__base__" { bases[0].clone() } else { Obj::tuple(bases) });
                }
                if name == "__mro__" {
                    return Ok(Obj::tuple(class.mro.borrow().iter().map(as_type).collect()));
                }
                match self.find_in_mro(class, name) {
                    Some(Obj::ClassMethod(f)) => self.bind_classmethod(&f, object.clone()),
                    Some(Obj::StaticMethod(f)) => Ok(*f),
                    Some(descriptor @ Obj::Native(_)) => {
                        let Obj::Native(native) = &descriptor else { return Ok(descriptor) };
                        match native.clone().descriptor_get(self, &descriptor, None, object) {
                            Some(value) => value,
                            None => Ok(descriptor),
                        }
                    }
                    Some(v) => match self.lookup_special(&v, "__get__") {
                        Some(get) => self.call(get, vec![Obj::None, object.clone()], Vec::new()),
                        None => Ok(v),
                    },
                    None if name == "__new__" => Ok(Obj::Builtin("object.__new__")),
                    // A subclass of a built-in type: the type's own (`Registry.fromkeys`).
                    None if self.value_type_of(class).is_some() => {
                        let type_name = self.value_type_of(class).unwrap_or("object");
                        self.get_attr(&Obj::Builtin(type_name), name).map_err(|_| self.exception("AttributeError", format!("type object '{}' has no attribute '{name}'", class.name), false))
                    }
                    None => self.error("AttributeError", format!("type object '{}' has no attribute '{name}'", class.name)),
                }
            }
            Obj::Module(module) => {
                let found = module.globals.borrow().get_str(name).cloned();
                // A module's own `__getattr__` answers for the names it lacks (PEP 562).
                let hook = if found.is_none() { module.globals.borrow().get_str("__getattr__").cloned() } else { None };
                if let Some(hook) = hook {
                    match self.call(hook, vec![Obj::str(name)], Vec::new()) {
                        Err(raised) if !raised.stop && self.is_instance_of(&raised.value, "AttributeError") => {
                            if let Some(lacking) = self.library_lacks(&module.name, Some(name)) {
                                return lacking;
                            }
                            return Err(raised);
                        }
                        answered => return answered,
                    }
                }
                match found {
                    Some(v) => Ok(v),
                    None => match self.library_lacks(&module.name, Some(name)) {
                        Some(lacking) => lacking,
                        None => self.error("AttributeError", format!("module '{}' has no attribute '{name}'", module.name)),
                    },
                }
            }
            Obj::Super(class, this) => {
                let owner = match this.as_ref() {
                    Obj::Instance(i) => i.class.clone(),
                    Obj::Class(c) => c.clone(),
                    _ => class.clone(),
                };
                let mro = owner.mro.borrow().clone();
                let start = mro.iter().position(|c| Rc::ptr_eq(c, class)).map_or(mro.len(), |p| p + 1);
                for c in &mro[start..] {
                    if let Some(v) = c.attrs.borrow().get_str(name).cloned() {
                        return match v {
                            // `__new__` is a static method: `super().__new__(cls)` passes the class.
                            Obj::Function(f) if name == "__new__" => Ok(Obj::Function(f)),
                            Obj::Function(f) => Ok(Obj::Method(this.clone(), f)),
                            Obj::ClassMethod(f) => self.bind_classmethod(&f, Obj::Class(owner.clone())),
                            other => Ok(other),
                        };
                    }
                }
                if let Some(found) = self.super_value_attr(this, &mro[start.min(mro.len())..], name) {
                    return Ok(found);
                }
                if name == "__init__" {
                    return Ok(Obj::NativeMethod(this.clone(), "__init__"));
                }
                if name == "__init_subclass__" {
                    return Ok(Obj::NativeMethod(this.clone(), "__init_subclass__"));
                }
                if name == "__new__" {
                    let base = mro[start.min(mro.len())..].iter().find(|c| Self::is_value_type_class(c));
                    return Ok(Obj::Builtin(base.map_or("object.__new__", |c| Self::type_new_name(&c.name))));
                }
                self.error("AttributeError", format!("'super' object has no attribute '{name}'"))
            }
            Obj::Function(f) => {
                if let Some(v) = f.attrs.borrow().get_str(name) {
                    return Ok(v.clone());
                }
                match name {
                    "__name__" => Ok(Obj::str(&f.name)),
                    "__qualname__" => Ok(Obj::str(&f.qualname)),
                    "__defaults__" => {
                        // Positional parameters' defaults: those before any `*`.
                        let defaults: Vec<Obj> = f
                            .params
                            .iter()
                            .zip(&f.defaults)
                            .take_while(|(p, _)| p.star.is_empty() || p.star == "/")
                            .filter_map(|(_, d)| d.clone())
                            .collect();
                        Ok(if defaults.is_empty() { Obj::None } else { Obj::tuple(defaults) })
                    }
                    "__doc__" => Ok(docstring(&f.body).map_or(Obj::None, |d| Obj::str(&d))),
                    "__module__" => Ok(f.globals.borrow().get_str("__name__").cloned().unwrap_or(Obj::None)),
                    "__dict__" => {
                        // The function's own fields, even when assigned (`wrapper.__name__ = …`), are
                        // not in its `__dict__`; `__annotations__` is kept with the attributes too.
                        let mut attrs = f.attrs.borrow().clone();
                        for own in ["__annotations__", "__name__", "__qualname__", "__doc__", "__module__", "__defaults__"] {
                            attrs.remove_str(own);
                        }
                        Ok(Obj::Dict(Rc::new(RefCell::new(attrs))))
                    }
                    "__annotations__" => Ok(Obj::Dict(Rc::new(RefCell::new(Dict::default())))),
                    _ => self.error("AttributeError", format!("'function' object has no attribute '{name}'")),
                }
            }
            Obj::Native(native) => match native.clone().get_attr(self, object, name)? {
                Some(value) => Ok(value),
                None => {
                    // A name the real class has: the lab's "not available", not a false AttributeError.
                    if self.library_has(&format!("{}()", native.library_class()), name) {
                        return self.stop_not_available(&format!("{}.{name}", native.type_name()));
                    }
                    match native.clone().missing_attribute(self, object, name) {
                        Some(raised) => Err(raised),
                        None => self.error("AttributeError", format!("'{}' object has no attribute '{name}'", native.type_name())),
                    }
                }
            },
            Obj::Builtin(type_name) if name == "__name__" => Ok(Obj::str(type_name)),
            Obj::Builtin("dict") if name == "fromkeys" => Ok(Obj::Builtin("dict.fromkeys")),
            Obj::Builtin("object") if name == "__new__" => Ok(Obj::Builtin("object.__new__")),
            Obj::Builtin(type_name) if name == "__new__" && Self::type_new_name(type_name) != "object.__new__" => Ok(Obj::Builtin(Self::type_new_name(type_name))),
            Obj::Builtin(type_name @ ("str" | "list" | "dict" | "set" | "tuple" | "int")) => {
                let sample = match *type_name {
                    "int" => Obj::Int(0),
                    "str" => Obj::str(""),
                    "list" => Obj::list(Vec::new()),
                    "tuple" => Obj::tuple(Vec::new()),
                    "dict" => Obj::Dict(Rc::new(RefCell::new(Dict::default()))),
                    _ => Obj::Set(Rc::new(RefCell::new(Dict::default()))),
                };
                match native_method(&sample, name) {
                    Some(method) => Ok(Obj::UnboundNative(method)),
                    None => self.error("AttributeError", format!("type object '{type_name}' has no attribute '{name}'")),
                }
            }
            Obj::UnboundNative(method) | Obj::NativeMethod(_, method) if name == "__name__" => Ok(Obj::str(method)),
            Obj::Slice(start, stop, step) if matches!(name, "start" | "stop" | "step") => {
                let v = match name {
                    "start" => start,
                    "stop" => stop,
                    _ => step,
                };
                Ok(v.map_or(Obj::None, Obj::Int))
            }
            _ if name == "__class__" => Ok(self.type_of(object)),
            _ => {
                if let Some(method) = native_method(object, name) {
                    return Ok(Obj::NativeMethod(Box::new(object.clone()), method));
                }
                self.error("AttributeError", format!("'{}' object has no attribute '{name}'", object.type_name()))
            }
        }
    }

    fn bind_classmethod(&self, f: &Obj, class: Obj) -> Res<Obj> {
        match f {
            Obj::Function(f) => Ok(Obj::Method(Box::new(class), f.clone())),
            other => Ok(other.clone()),
        }
    }

    /// `ascii(value)`: its repr with what is not ASCII escaped (`\xe9`, `\u2603`, `\U0001f600`).
    pub(super) fn ascii_of(&mut self, value: &Obj) -> Res<String> {
        let repr = self.repr_of(value)?;
        Ok(repr
            .chars()
            .map(|c| match u32::from(c) {
                0..=0x7f => c.to_string(),
                n @ 0x80..=0xff => format!("\\x{n:02x}"),
                n @ 0x100..=0xffff => format!("\\u{n:04x}"),
                n => format!("\\U{n:08x}"),
            })
            .collect())
    }

    pub fn set_attr(&mut self, object: &Obj, name: &str, value: Obj) -> Res<()> {
        match object {
            // A bare `object()` has no `__dict__`: nothing can be set on it.
            Obj::Instance(instance) if Rc::ptr_eq(&instance.class, &self.object_class) => {
                self.error("AttributeError", format!("'object' object has no attribute '{name}'"))
            }
            Obj::Instance(instance) => {
                // A class's own `__setattr__` decides (it may call `object.__setattr__`).
                if let Some(hook @ Obj::Function(_)) = self.find_in_mro(&instance.class, "__setattr__") {
                    self.call(hook, vec![object.clone(), Obj::str(name), value], Vec::new())?;
                    return Ok(());
                }
                self.object_set_attr(object, name, value)
            }
            _ => self.object_set_attr(object, name, value),
        }
    }

    /// `object.__setattr__`: a property's setter, a descriptor, or the instance's own attribute.
    pub(super) fn object_set_attr(&mut self, object: &Obj, name: &str, value: Obj) -> Res<()> {
        match object {
            Obj::Instance(instance) => {
                if let Some(Obj::Property(property)) = self.find_in_mro(&instance.class, name) {
                    let Some(setter) = property.setter.clone() else {
                        return self.error("AttributeError", format!("property '{name}' of '{}' object has no setter", instance.class.name));
                    };
                    self.call(setter, vec![object.clone(), value], Vec::new())?;
                    return Ok(());
                }
                let from_class = self.find_in_mro(&instance.class, name);
                if let Some(descriptor @ Obj::Native(native)) = &from_class {
                    if let Some(done) = native.clone().descriptor_set(self, descriptor, object, value.clone()) {
                        return done;
                    }
                }
                if let Some(set) = from_class.as_ref().and_then(|d| self.lookup_special(d, "__set__")) {
                    self.call(set, vec![object.clone(), value], Vec::new())?;
                    return Ok(());
                }
                instance.attrs.borrow_mut().insert_str(name, value);
                Ok(())
            }
            Obj::Native(native) => {
                if native.clone().set_attr(self, object, name, value)? {
                    return Ok(());
                }
                self.error("AttributeError", format!("'{}' object has no attribute '{name}'", native.type_name()))
            }
            Obj::Class(class) => {
                class.attrs.borrow_mut().insert_str(name, value.clone());
                // A native module's metaclass-like hook (SQLAlchemy's declarative classes map an
                // attribute assigned after the class statement).
                if let Some(hook) = self.find_in_mro(class, super::CLASS_SETATTR_HOOK) {
                    self.call(hook, vec![Obj::Class(class.clone()), Obj::str(name), value], Vec::new())?;
                }
                Ok(())
            }
            Obj::Module(module) => {
                module.globals.borrow_mut().insert_str(name, value);
                Ok(())
            }
            Obj::Function(f) => {
                f.attrs.borrow_mut().insert_str(name, value);
                Ok(())
            }
            other => {
                if native_method(other, name).is_some() {
                    self.error("AttributeError", format!("'{}' object attribute '{name}' is read-only", other.type_name()))
                } else {
                    self.error("AttributeError", format!("'{}' object has no attribute '{name}'", other.type_name()))
                }
            }
        }
    }

    pub(super) fn del_attr(&mut self, object: &Obj, name: &str) -> Res<()> {
        // A class's own `__delattr__` decides (it may call `object.__delattr__`).
        if let Obj::Instance(instance) = object {
            if let Some(hook @ Obj::Function(_)) = self.find_in_mro(&instance.class, "__delattr__") {
                return self.call(hook, vec![object.clone(), Obj::str(name)], Vec::new()).map(|_| ());
            }
        }
        self.object_del_attr(object, name)
    }

    /// `object.__delattr__`: a property's deleter, a descriptor's `__delete__`, or the attribute.
    fn object_del_attr(&mut self, object: &Obj, name: &str) -> Res<()> {
        if let Obj::Instance(instance) = object {
            let from_class = self.find_in_mro(&instance.class, name);
            if let Some(Obj::Property(property)) = &from_class {
                let Some(deleter) = property.deleter.clone() else {
                    return self.error("AttributeError", format!("property '{name}' of '{}' object has no deleter", instance.class.name));
                };
                self.call(deleter, vec![object.clone()], Vec::new())?;
                return Ok(());
            }
            if let Some(delete) = from_class.as_ref().and_then(|d| self.lookup_special(d, "__delete__")) {
                self.call(delete, vec![object.clone()], Vec::new())?;
                return Ok(());
            }
        }
        let removed = match object {
            Obj::Instance(instance) => instance.attrs.borrow_mut().remove_str(name).is_some(),
            Obj::Class(class) if !class.builtin => class.attrs.borrow_mut().remove_str(name).is_some(),
            Obj::Function(f) => f.attrs.borrow_mut().remove_str(name).is_some(),
            _ => false,
        };
        if removed {
            return Ok(());
        }
        match object {
            Obj::Class(class) => self.error("AttributeError", format!("type object '{}' has no attribute '{name}'", class.name)),
            _ => self.error("AttributeError", format!("'{}' object has no attribute '{name}'", object.type_name())),
        }
    }

    // ---- items -------------------------------------------------------------------------------

    pub fn get_item(&mut self, object: &Obj, index: Obj) -> Res<Obj> {
        if let Some(inner) = self.value_part(object, "__getitem__") {
            // A dict subclass's `__missing__` answers for a key it lacks, as dict's lookup asks.
            if let (Obj::Dict(d), Some(missing)) = (&inner, self.lookup_special(object, "__missing__")) {
                let k = self.hash_key(&index)?;
                if d.borrow().get(&k).is_none() {
                    return self.call(missing, vec![index], Vec::new());
                }
            }
            return self.get_item(&inner, index);
        }
        match object {
            Obj::List(_) | Obj::Tuple(_) | Obj::Str(_) | Obj::Bytes(_) | Obj::Range(..) => {
                // `x[1:]` reaching here from a subclass or `operator`-style call.
                if let Obj::Slice(start, stop, step) = &index {
                    return self.slice(object, start, stop, step);
                }
                let index = match self.lookup_special(&index, "__index__") {
                    Some(method) => self.call(method, Vec::new(), Vec::new())?,
                    None => self.value_part(&index, "__index__").filter(|v| matches!(v, Obj::Int(_))).unwrap_or(index),
                };
                let i = match &index {
                    Obj::Int(_) | Obj::Bool(_) => self.to_index(&index)?,
                    other => {
                        let message = match object {
                            Obj::Str(_) => format!("string indices must be integers, not '{}'", other.type_name()),
                            Obj::Bytes(_) => format!("byte indices must be integers or slices, not {}", other.type_name()),
                            _ => format!("{} indices must be integers or slices, not {}", object.type_name(), other.type_name()),
                        };
                        return self.error("TypeError", message);
                    }
                };
                // One item, found where it is: no copy of the whole sequence.
                let len = self.length(object)?;
                let at = if i < 0 { len as i64 + i } else { i };
                let Some(at) = usize::try_from(at).ok().filter(|&at| at < len) else {
                    let message = match object {
                        Obj::Str(_) => "string index out of range".to_string(),
                        Obj::Bytes(_) => "index out of range".to_string(),
                        Obj::Range(..) => "range object index out of range".to_string(),
                        other => format!("{} index out of range", other.type_name()),
                    };
                    return self.error("IndexError", message);
                };
                Ok(match object {
                    Obj::List(list) => list.borrow().get(at).cloned().unwrap_or(Obj::None),
                    Obj::Tuple(items) => items.get(at).cloned().unwrap_or(Obj::None),
                    Obj::Str(text) if text.is_ascii() => Obj::str(&text[at..at + 1]),
                    Obj::Str(text) => Obj::str(&text.chars().nth(at).map(String::from).unwrap_or_default()),
                    Obj::Bytes(bytes) => Obj::Int(i64::from(bytes[at])),
                    Obj::Range(start, _, step) => Obj::Int(start.saturating_add((at as i64).saturating_mul(*step))),
                    _ => Obj::None,
                })
            }
            Obj::Dict(d) => {
                let k = self.hash_key(&index)?;
                let found = d.borrow().get(&k).cloned();
                match found {
                    Some(v) => Ok(v),
                    None => self.key_error(index),
                }
            }
            Obj::Instance(_) => match self.lookup_special(object, "__getitem__") {
                Some(m) => self.call(m, vec![index], Vec::new()),
                None => self.error("TypeError", format!("'{}' object is not subscriptable", object.type_name())),
            },
            Obj::Native(native) => match native.clone().get_item(self, object, &index) {
                Some(item) => item,
                None => self.error("TypeError", format!("'{}' object is not subscriptable", native.type_name())),
            },
            // An enum class's member by name (EnumType.__getitem__).
            Obj::Class(class) if self.is_enum_class(class) => {
                let Some(Obj::Dict(map)) = self.find_in_mro(class, "_member_map_") else { return Ok(Obj::None) };
                let k = self.hash_key(&index)?;
                let found = map.borrow().get(&k).cloned();
                match found {
                    Some(member) => Ok(member),
                    None => self.key_error(index),
                }
            }
            // `Box[int]`: the class's own `__class_getitem__` (implicitly a class method).
            Obj::Class(class) => match self.find_in_mro(class, "__class_getitem__") {
                Some(Obj::Function(f)) => self.call(Obj::Function(f), vec![object.clone(), index], Vec::new()),
                Some(Obj::ClassMethod(f)) => {
                    let bound = self.bind_classmethod(&f, object.clone())?;
                    self.call(bound, vec![index], Vec::new())
                }
                _ => self.error("TypeError", format!("type '{}' is not subscriptable", class.name)),
            },
            Obj::Builtin(origin @ ("list" | "dict" | "set" | "tuple" | "type" | "frozenset")) => Ok(super::typing::GenericAlias::of(origin, &index)),
            Obj::Builtin(name) if is_type_name(name) => self.error("TypeError", format!("type '{name}' is not subscriptable")),
            other => self.error("TypeError", format!("'{}' object is not subscriptable", other.type_name())),
        }
    }

    /// `seq[start:stop:step]` with Python's clamping of out-of-range and negative bounds.
    /// The positions `[start:stop:step]` picks from a sequence of `len` items, in order.
    pub(super) fn slice_positions(&self, len: usize, start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> Res<Vec<usize>> {
        let step = step.unwrap_or(1);
        if step == 0 {
            return self.error("ValueError", "slice step cannot be zero");
        }
        let len = len as i64;
        let clamp = |v: i64, low: i64, high: i64| if v < 0 { v.saturating_add(len).max(low) } else { v.min(high) };
        let (start, stop) = if step > 0 {
            (start.map_or(0, |v| clamp(v, 0, len)), stop.map_or(len, |v| clamp(v, 0, len)))
        } else {
            (start.map_or(len - 1, |v| clamp(v, -1, len - 1)), stop.map_or(-1, |v| clamp(v, -1, len - 1)))
        };
        let mut picked = Vec::new();
        let mut i = start;
        while (step > 0 && i < stop) || (step < 0 && i > stop) {
            if let Ok(at) = usize::try_from(i) {
                picked.push(at);
            }
            i = match i.checked_add(step) {
                Some(next) => next,
                None => break,
            };
        }
        Ok(picked)
    }

    /// `slice(start, stop, step).indices(len)`: the start, stop and step a sequence of `len`
    /// items is walked with.
    pub(super) fn slice_indices(&self, len: i64, start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> Res<(i64, i64, i64)> {
        let step = step.unwrap_or(1);
        if step == 0 {
            return self.error("ValueError", "slice step cannot be zero");
        }
        let (lower, upper) = if step > 0 { (0, len) } else { (-1, len - 1) };
        let clamp = |given: Option<i64>, default: i64| match given {
            None => default,
            Some(v) if v < 0 => v.saturating_add(len).max(lower),
            Some(v) => v.min(upper),
        };
        let from = clamp(start, if step > 0 { lower } else { upper });
        let to = clamp(stop, if step > 0 { upper } else { lower });
        Ok((from, to, step))
    }

    pub(super) fn slice(&mut self, object: &Obj, start: &Option<i64>, stop: &Option<i64>, step: &Option<i64>) -> Res<Obj> {
        if let Obj::Range(r_start, r_stop, r_step) = object {
            // A range's slice is a range, worked out without listing it.
            let len = range_len(*r_start, *r_stop, *r_step) as i64;
            let (from, to, step) = self.slice_indices(len, *start, *stop, *step)?;
            let at = |i: i64| r_start.saturating_add(i.saturating_mul(*r_step));
            return Ok(Obj::Range(at(from), at(to), r_step.saturating_mul(step)));
        }
        let items: Vec<Obj> = match object {
            Obj::List(_) | Obj::Tuple(_) | Obj::Str(_) | Obj::Bytes(_) | Obj::Range(..) => self.iterate(object)?,
            other => return self.error("TypeError", format!("'{}' object is not subscriptable", other.type_name())),
        };
        if let Obj::Bytes(b) = object {
            let picked = self.slice_positions(b.len(), *start, *stop, *step)?.into_iter().filter_map(|at| b.get(at).copied()).collect();
            return Ok(super::bytes::obj(picked));
        }

        let picked: Vec<Obj> = self.slice_positions(items.len(), *start, *stop, *step)?.into_iter().filter_map(|at| items.get(at).cloned()).collect();
        Ok(match object {
            Obj::Str(_) => {
                let text: String = picked.iter().map(|c| if let Obj::Str(c) = c { c.to_string() } else { String::new() }).collect();
                Obj::str(&text)
            }
            Obj::Tuple(_) => Obj::tuple(picked),
            _ => Obj::list(picked),
        })
    }

    pub fn set_item(&mut self, object: &Obj, index: Obj, value: Obj) -> Res<()> {
        if let Some(inner) = self.value_part(object, "__setitem__") {
            return self.set_item(&inner, index, value);
        }
        match object {
            Obj::List(l) if matches!(index, Obj::Slice(..)) => {
                let Obj::Slice(start, stop, step) = index else { return Ok(()) };
                let new_items = self.iterate(&value)?;
                let len = l.borrow().len();
                if step.unwrap_or(1) == 1 {
                    // A plain slice is replaced by any number of items.
                    let from = clamp_index(start.unwrap_or(0), len);
                    let to = stop.map_or(len, |v| clamp_index(v, len)).max(from);
                    if len - (to - from) + new_items.len() > MAX_ITEMS {
                        return self.memory_error();
                    }
                    l.borrow_mut().splice(from..to, new_items);
                    return Ok(());
                }
                let positions = self.slice_positions(len, start, stop, step)?;
                if positions.len() != new_items.len() {
                    return self.error(
                        "ValueError",
                        format!("attempt to assign sequence of size {} to extended slice of size {}", new_items.len(), positions.len()),
                    );
                }
                let mut list = l.borrow_mut();
                for (at, item) in positions.into_iter().zip(new_items) {
                    if let Some(slot) = list.get_mut(at) {
                        *slot = item;
                    }
                }
                Ok(())
            }
            Obj::List(l) => {
                let at = self.assignment_position(l.borrow().len(), &index)?;
                l.borrow_mut()[at] = value;
                Ok(())
            }
            Obj::Dict(d) => {
                let k = self.hash_key(&index)?;
                if d.borrow().len() >= MAX_ITEMS {
                    return self.memory_error();
                }
                d.borrow_mut().insert(k, index, value);
                Ok(())
            }
            Obj::Instance(_) => match self.lookup_special(object, "__setitem__") {
                Some(m) => self.call(m, vec![index, value], Vec::new()).map(|_| ()),
                None => self.error("TypeError", format!("'{}' object does not support item assignment", object.type_name())),
            },
            other => self.error("TypeError", format!("'{}' object does not support item assignment", other.type_name())),
        }
    }

    /// Where `items[index] = …` / `del items[index]` acts in a list of `len` items.
    fn assignment_position(&self, len: usize, index: &Obj) -> Res<usize> {
        let i = self.to_index(index)?;
        let at = if i < 0 { i.saturating_add(len as i64) } else { i };
        match usize::try_from(at) {
            Ok(at) if at < len => Ok(at),
            _ => self.error("IndexError", "list assignment index out of range"),
        }
    }

    pub(super) fn del_item(&mut self, object: &Obj, index: Obj) -> Res<()> {
        if let Some(inner) = self.value_part(object, "__delitem__") {
            return self.del_item(&inner, index);
        }
        match object {
            Obj::List(l) if matches!(index, Obj::Slice(..)) => {
                let Obj::Slice(start, stop, step) = index else { return Ok(()) };
                let len = l.borrow().len();
                let doomed = self.slice_positions(len, start, stop, step)?;
                let mut gone = vec![false; len];
                for i in doomed {
                    if let Some(g) = gone.get_mut(i) {
                        *g = true;
                    }
                }
                let kept: Vec<Obj> = l.borrow().iter().zip(gone).filter(|(_, g)| !g).map(|(v, _)| v.clone()).collect();
                *l.borrow_mut() = kept;
                Ok(())
            }
            Obj::List(l) => {
                let at = self.assignment_position(l.borrow().len(), &index)?;
                l.borrow_mut().remove(at);
                Ok(())
            }
            Obj::Dict(d) => {
                let k = self.hash_key(&index)?;
                if d.borrow_mut().remove(&k).is_none() {
                    return self.key_error(index);
                }
                Ok(())
            }
            Obj::Instance(_) if self.lookup_special(object, "__delitem__").is_some() => {
                let method = self.lookup_special(object, "__delitem__").unwrap_or(Obj::None);
                self.call(method, vec![index], Vec::new())?;
                Ok(())
            }
            other => self.error("TypeError", format!("'{}' object doesn't support item deletion", other.type_name())),
        }
    }

    // ---- operators ---------------------------------------------------------------------------

    pub fn binary(&mut self, op: &str, left: Obj, right: Obj) -> Res<Obj> {
        use Obj::*;
        // `str | None` in an annotation: a union of types (PEP 604).
        if op == "|" && super::typing::is_type(&left) && super::typing::is_type(&right) {
            return Ok(super::typing::union(left, right));
        }
        if matches!(left, Native(_)) || matches!(right, Native(_)) {
            return self.native_operator(op, &left, &right);
        }
        // Keys and items views take part in set algebra with any iterable, giving sets.
        let is_set_like = |v: &Obj| matches!(v, DictView(_, View::Keys | View::Items));
        if matches!(op, "&" | "|" | "-" | "^") && (is_set_like(&left) || (matches!(left, Set(_)) && is_set_like(&right))) {
            let (a, b) = (self.iterate(&left)?, self.iterate(&right)?);
            let (a, b) = (self.make_set(a)?, self.make_set(b)?);
            return self.binary(op, a, b);
        }
        let as_int = |v: &Obj| match v {
            Int(i) => Some(*i),
            Bool(b) => Some(i64::from(*b)),
            _ => Option::None,
        };
        let as_float = |v: &Obj| match v {
            Int(i) => Some(*i as f64),
            Bool(b) => Some(f64::from(u8::from(*b))),
            Float(f) => Some(*f),
            _ => Option::None,
        };
        if let (Some(a), Some(b)) = (as_int(&left), as_int(&right)) {
            let checked = match op {
                "+" => a.checked_add(b),
                "-" => a.checked_sub(b),
                "*" => a.checked_mul(b),
                "/" => {
                    if b == 0 {
                        return self.error("ZeroDivisionError", "division by zero");
                    }
                    return Ok(Float(a as f64 / b as f64));
                }
                "//" => {
                    if b == 0 {
                        return self.error("ZeroDivisionError", "integer division or modulo by zero");
                    }
                    a.checked_div(b).map(|_| floor_div(a, b))
                }
                "%" => {
                    if b == 0 {
                        return self.error("ZeroDivisionError", "integer modulo by zero");
                    }
                    Some(a - floor_div(a, b) * b)
                }
                "**" => {
                    if b < 0 {
                        return Ok(Float((a as f64).powf(b as f64)));
                    }
                    u32::try_from(b).ok().and_then(|e| a.checked_pow(e))
                }
                "&" => Some(a & b),
                "|" => Some(a | b),
                "^" => Some(a ^ b),
                "<<" | ">>" if b < 0 => return self.error("ValueError", "negative shift count".to_string()),
                "<<" if a == 0 => Some(0),
                "<<" => u32::try_from(b).ok().and_then(|s| a.checked_shl(s)).filter(|r| r >> b.min(63) == a),
                ">>" => Some(a >> b.min(63)),
                _ => Option::None,
            };
            if matches!(left, Bool(_)) && matches!(right, Bool(_)) && matches!(op, "&" | "|" | "^") {
                return Ok(Bool(checked.unwrap_or(0) != 0));
            }
            return match checked {
                Some(v) => Ok(Int(v)),
                Option::None if matches!(op, "+" | "-" | "*" | "**" | "<<" | "//") => self.overflow(),
                Option::None => self.unsupported(op, &left, &right),
            };
        }
        if let (Some(a), Some(b)) = (as_float(&left), as_float(&right)) {
            return match op {
                "+" => Ok(Float(a + b)),
                "-" => Ok(Float(a - b)),
                "*" => Ok(Float(a * b)),
                "/" if b == 0.0 => self.error("ZeroDivisionError", "float division by zero"),
                "/" => Ok(Float(a / b)),
                "//" if b == 0.0 => self.error("ZeroDivisionError", "float floor division by zero"),
                "//" => Ok(Float((a / b).floor())),
                "%" if b == 0.0 => self.error("ZeroDivisionError", "float modulo"),
                "%" => Ok(Float(a - (a / b).floor() * b)),
                "**" => Ok(Float(a.powf(b))),
                _ => self.unsupported(op, &left, &right),
            };
        }
        match (op, &left, &right) {
            ("+", Str(a), Str(b)) => {
                if a.len() + b.len() > 16 * 1024 * 1024 {
                    return self.memory_error();
                }
                Ok(Obj::str(&format!("{a}{b}")))
            }
            ("*", Str(s), n) | ("*", n, Str(s)) if as_int(n).is_some() => {
                let n = as_int(n).unwrap_or(0).max(0) as usize;
                if s.len().saturating_mul(n) > 16 * 1024 * 1024 {
                    return self.memory_error();
                }
                Ok(Obj::str(&s.repeat(n)))
            }
            ("+", Bytes(a), Bytes(b)) => {
                if a.len() + b.len() > 16 * 1024 * 1024 {
                    return self.memory_error();
                }
                Ok(super::bytes::obj([&a[..], &b[..]].concat()))
            }
            ("*", Bytes(b), n) | ("*", n, Bytes(b)) if as_int(n).is_some() => {
                let n = as_int(n).unwrap_or(0).max(0) as usize;
                if b.len().saturating_mul(n) > 16 * 1024 * 1024 {
                    return self.memory_error();
                }
                Ok(super::bytes::obj(b.repeat(n)))
            }
            ("+", List(a), List(b)) => {
                if a.borrow().len() + b.borrow().len() > MAX_ITEMS {
                    return self.memory_error();
                }
                let mut items = a.borrow().clone();
                items.extend(b.borrow().iter().cloned());
                Ok(Obj::list(items))
            }
            ("+", Tuple(a), Tuple(b)) => {
                if a.len() + b.len() > MAX_ITEMS {
                    return self.memory_error();
                }
                let mut items = a.to_vec();
                items.extend(b.iter().cloned());
                Ok(Obj::tuple(items))
            }
            ("*", Tuple(t), n) | ("*", n, Tuple(t)) if as_int(n).is_some() => {
                let n = as_int(n).unwrap_or(0).max(0) as usize;
                if t.len().saturating_mul(n) > MAX_ITEMS {
                    return self.memory_error();
                }
                Ok(Obj::tuple((0..n).flat_map(|_| t.iter().cloned()).collect()))
            }
            ("*", List(l), n) | ("*", n, List(l)) if as_int(n).is_some() => {
                let n = as_int(n).unwrap_or(0).max(0) as usize;
                if l.borrow().len().saturating_mul(n) > MAX_ITEMS {
                    return self.memory_error();
                }
                let items = l.borrow();
                Ok(Obj::list((0..n).flat_map(|_| items.iter().cloned()).collect()))
            }
            ("%", Str(fmt), _) => {
                let values = match &right {
                    Tuple(t) => t.to_vec(),
                    other => vec![other.clone()],
                };
                let mapping = matches!(right, Dict(_)).then_some(&right);
                self.percent_format(fmt, &values, mapping).map(|s| Obj::str(&s))
            }
            ("|", Dict(a), Dict(b)) => {
                let mut merged = a.borrow().clone();
                for (k, v) in b.borrow().items() {
                    let hashed = self.hash_key(k)?;
                    merged.insert(hashed, k.clone(), v.clone());
                }
                Ok(Obj::Dict(Rc::new(RefCell::new(merged))))
            }
            ("|" | "&" | "-" | "^", Set(a), Set(b)) => {
                let (a, b) = (a.borrow().clone(), b.borrow().clone());
                let mut out = Vec::new();
                match op {
                    "|" => {
                        out.extend(a.items().map(|(k, _)| k.clone()));
                        out.extend(b.items().map(|(k, _)| k.clone()));
                    }
                    "&" => out.extend(a.keyed().filter(|(kk, _)| b.contains(kk)).map(|(_, k)| k.clone())),
                    "^" => {
                        out.extend(a.keyed().filter(|(kk, _)| !b.contains(kk)).map(|(_, k)| k.clone()));
                        out.extend(b.keyed().filter(|(kk, _)| !a.contains(kk)).map(|(_, k)| k.clone()));
                    }
                    _ => out.extend(a.keyed().filter(|(kk, _)| !b.contains(kk)).map(|(_, k)| k.clone())),
                }
                self.make_set(out)
            }
            _ => {
                let method = match operator_name(op) {
                    "" => return self.unsupported(op, &left, &right),
                    name => format!("__{name}__"),
                };
                let method = method.as_str();
                if let Some(m) = self.lookup_special(&left, method) {
                    let r = self.call(m, vec![right.clone()], Vec::new())?;
                    if !is_not_implemented(&r) {
                        return Ok(r);
                    }
                }
                let reflected = format!("__r{}", method.get(2..).unwrap_or_default());
                if let Some(m) = self.lookup_special(&right, &reflected) {
                    let r = self.call(m, vec![left.clone()], Vec::new())?;
                    if !is_not_implemented(&r) {
                        return Ok(r);
                    }
                }
                if let Some((x, y)) = self.value_operands(&left, &right, method, &reflected) {
                    return self.binary(op, x, y);
                }
                self.unsupported(op, &left, &right)
            }
        }
    }

    fn unsupported<T>(&self, op: &str, left: &Obj, right: &Obj) -> Res<T> {
        if op == "*" && matches!(left, Obj::List(_) | Obj::Tuple(_) | Obj::Str(_) | Obj::Bytes(_)) {
            return self.error("TypeError", format!("can't multiply sequence by non-int of type '{}'", right.type_name()));
        }
        if op == "+" && matches!(left, Obj::Str(_)) {
            return self.error("TypeError", format!("can only concatenate str (not \"{}\") to str", right.type_name()));
        }
        if op == "+" && matches!(left, Obj::Bytes(_)) {
            return self.error("TypeError", format!("can't concat {} to bytes", right.type_name()));
        }
        if op == "+" && matches!(left, Obj::List(_)) {
            return self.error("TypeError", format!("can only concatenate list (not \"{}\") to list", right.type_name()));
        }
        let shown = if op == "**" { "** or pow()" } else { op };
        self.error("TypeError", format!("unsupported operand type(s) for {shown}: '{}' and '{}'", left.type_name(), right.type_name()))
    }

    pub fn unary(&mut self, op: &str, value: Obj) -> Res<Obj> {
        match (op, &value) {
            ("not", v) => Ok(Obj::Bool(!self.truthy(v)?)),
            ("-", Obj::Int(i)) => i.checked_neg().map(Obj::Int).map_or_else(|| self.overflow(), Ok),
            ("-", Obj::Bool(b)) => Ok(Obj::Int(-i64::from(*b))),
            ("-", Obj::Float(f)) => Ok(Obj::Float(-f)),
            ("+", Obj::Int(_) | Obj::Float(_)) => Ok(value.clone()),
            ("+", Obj::Bool(b)) => Ok(Obj::Int(i64::from(*b))),
            ("~", Obj::Int(i)) => Ok(Obj::Int(!i)),
            ("~", Obj::Bool(b)) => Ok(Obj::Int(!i64::from(*b))),
            (_, Obj::Native(native)) => match native.clone().unary(self, &value, op) {
                Some(result) => result,
                None => self.error("TypeError", format!("bad operand type for unary {op}: '{}'", native.type_name())),
            },
            _ => {
                let method = match op {
                    "-" => "__neg__",
                    "+" => "__pos__",
                    _ => "__invert__",
                };
                if let Some(m) = self.lookup_special(&value, method) {
                    return self.call(m, Vec::new(), Vec::new());
                }
                if let Some(inner) = self.value_part(&value, method) {
                    return self.unary(op, inner);
                }
                self.error("TypeError", format!("bad operand type for unary {op}: '{}'", value.type_name()))
            }
        }
    }

    pub(super) fn equal(&mut self, a: &Obj, b: &Obj) -> Res<bool> {
        if self.repr_stack.len() >= 200 {
            return self.error("RecursionError", "maximum recursion depth exceeded in comparison");
        }
        self.repr_stack.push(0);
        let outcome = self.equal_inner(a, b);
        self.repr_stack.pop();
        outcome
    }

    fn equal_inner(&mut self, a: &Obj, b: &Obj) -> Res<bool> {
        use Obj::*;
        Ok(match (a, b) {
            (None, None) => true,
            (Int(_) | Bool(_) | Float(_), Int(_) | Bool(_) | Float(_)) => {
                let to_f = |v: &Obj| match v {
                    Int(i) => *i as f64,
                    Bool(x) => f64::from(u8::from(*x)),
                    Float(f) => *f,
                    _ => 0.0,
                };
                match (a, b) {
                    (Int(x), Int(y)) => x == y,
                    _ => to_f(a) == to_f(b),
                }
            }
            (Str(x), Str(y)) => x == y,
            (Bytes(x), Bytes(y)) => x == y,
            (List(x), List(y)) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                self.seq_equal(&x, &y)?
            }
            (Tuple(x), Tuple(y)) => self.seq_equal(x, y)?,
            (Dict(x), Dict(y)) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                if x.len() != y.len() {
                    return Ok(false);
                }
                let pairs: Vec<(super::object::Key, Obj)> = x.keyed().map(|(kk, k)| (kk.clone(), k.clone())).collect();
                for (kk, k) in pairs {
                    let v = x.get(&kk).cloned().unwrap_or(Obj::None);
                    let _ = k;
                    match y.get(&kk) {
                        Some(w) => {
                            let w = w.clone();
                            if !self.equal(&v, &w)? {
                                return Ok(false);
                            }
                        }
                        Option::None => return Ok(false),
                    }
                }
                true
            }
            (Set(x), Set(y)) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                x.len() == y.len() && x.keyed().all(|(kk, _)| y.contains(kk))
            }
            (Range(a1, b1, c1), Range(a2, b2, c2)) => (a1, b1, c1) == (a2, b2, c2),
            // Keys and items views are sets: they equal a set or a view with the same members.
            (DictView(_, View::Keys | View::Items), Set(_) | DictView(_, View::Keys | View::Items)) | (Set(_), DictView(_, View::Keys | View::Items)) => {
                let (x, y) = (self.iterate(a)?, self.iterate(b)?);
                let (x, y) = (self.make_set(x)?, self.make_set(y)?);
                return self.equal(&x, &y);
            }
            (Instance(_), _) | (_, Instance(_)) => {
                // Each side's __eq__ in turn; NotImplemented passes to the other, then identity.
                for (this, other) in [(a, b), (b, a)] {
                    if let Some(m) = self.lookup_special(this, "__eq__") {
                        let r = self.call(m, vec![other.clone()], Vec::new())?;
                        if !is_not_implemented(&r) {
                            return self.truthy(&r);
                        }
                    }
                }
                // Neither side's Python `__eq__` answered: a built-in base compares the values
                // (`Counter(a=1) == {"a": 1}` is dict's ==).
                let (x, y) = (Self::plain_value(a), Self::plain_value(b));
                if x.is_some() || y.is_some() {
                    let (x, y) = (x.unwrap_or(a).clone(), y.unwrap_or(b).clone());
                    return self.equal(&x, &y);
                }
                Interpreter::identity_of(a) == Interpreter::identity_of(b)
            }
            (Class(x), Class(y)) => Rc::ptr_eq(x, y),
            (Builtin(x), Builtin(y)) => x == y,
            // A native value (an ORM collection, a Row) compares as its `==` says; the same
            // object is equal without asking, as in Python's containment and sequence equality.
            (Native(_), _) | (_, Native(_)) => {
                if same_object(a, b) {
                    return Ok(true);
                }
                let outcome = self.native_operator("==", a, b)?;
                return self.truthy(&outcome);
            }
            _ => {
                let (ia, ib) = (Interpreter::identity_of(a), Interpreter::identity_of(b));
                ia != 0 && ia == ib
            }
        })
    }

    fn seq_equal(&mut self, x: &[Obj], y: &[Obj]) -> Res<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        for (a, b) in x.iter().zip(y) {
            if !self.equal(a, b)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `a < b` and friends, for numbers, strings and sequences (element by element).
    fn less(&mut self, a: &Obj, b: &Obj, op: &str) -> Res<bool> {
        use Obj::*;
        let num = |v: &Obj| match v {
            Int(i) => Some(*i as f64),
            Bool(x) => Some(f64::from(u8::from(*x))),
            Float(f) => Some(*f),
            _ => Option::None,
        };
        match (a, b) {
            (Int(x), Int(y)) => Ok(x < y),
            _ if num(a).is_some() && num(b).is_some() => Ok(num(a) < num(b)),
            (Str(x), Str(y)) => Ok(x < y),
            (Bytes(x), Bytes(y)) => Ok(x < y),
            (List(_) | Tuple(_), List(_) | Tuple(_)) if std::mem::discriminant(a) == std::mem::discriminant(b) => {
                let (x, y) = (self.iterate(a)?, self.iterate(b)?);
                for (p, q) in x.iter().zip(y.iter()) {
                    if !self.equal(p, q)? {
                        return self.less(p, q, op);
                    }
                }
                Ok(x.len() < y.len())
            }
            (Instance(_), _) | (_, Instance(_)) => {
                // a < b, else the reflection b > a; NotImplemented from both is a TypeError.
                for (this, other, method) in [(a, b, "__lt__"), (b, a, "__gt__")] {
                    if let Some(m) = self.lookup_special(this, method) {
                        let r = self.call(m, vec![other.clone()], Vec::new())?;
                        if !is_not_implemented(&r) {
                            return self.truthy(&r);
                        }
                    }
                }
                if let Some((x, y)) = self.value_operands(a, b, "__lt__", "__gt__") {
                    return self.less(&x, &y, op);
                }
                self.error("TypeError", format!("'{op}' not supported between instances of '{}' and '{}'", a.type_name(), b.type_name()))
            }
            _ => self.error("TypeError", format!("'{op}' not supported between instances of '{}' and '{}'", a.type_name(), b.type_name())),
        }
    }

    /// `a OP b` for a rich comparison where an instance takes part: its method's result as it
    /// is (`__eq__` may build an SQL expression), then the other side's reflection; without
    /// either, what Python does by default (identity for `==`, `!=` the inverse of `__eq__`).
    pub fn rich_compare(&mut self, op: &str, a: &Obj, b: &Obj) -> Res<Obj> {
        let (method, reflected) = match op {
            "==" => ("__eq__", "__eq__"),
            "!=" => ("__ne__", "__ne__"),
            "<" => ("__lt__", "__gt__"),
            "<=" => ("__le__", "__ge__"),
            ">" => ("__gt__", "__lt__"),
            _ => ("__ge__", "__le__"),
        };
        for (this, other, name) in [(a, b, method), (b, a, reflected)] {
            if let Some(m) = self.lookup_special(this, name) {
                let r = self.call(m, vec![other.clone()], Vec::new())?;
                if !is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        if op == "!=" {
            let equal = self.rich_compare("==", a, b)?;
            return Ok(Obj::Bool(!self.truthy(&equal)?));
        }
        Ok(Obj::Bool(self.compare(op, a, b)?))
    }

    pub fn compare(&mut self, op: &str, a: &Obj, b: &Obj) -> Res<bool> {
        if let (Obj::Set(x), Obj::Set(y), "<" | "<=" | ">" | ">=") = (a, b, op) {
            // Subset and superset.
            let (small, big) = if op.starts_with('<') { (x.borrow().clone(), y.borrow().clone()) } else { (y.borrow().clone(), x.borrow().clone()) };
            let within = small.keyed().all(|(kk, _)| big.contains(kk));
            return Ok(within && (op.ends_with('=') || small.len() < big.len()));
        }
        match op {
            "==" => self.equal(a, b),
            "!=" => Ok(!self.equal(a, b)?),
            "<" => self.less(a, b, "<"),
            ">" => self.less(b, a, ">"),
            "<=" => Ok(self.less(a, b, "<=")? || self.equal(a, b)?),
            ">=" => Ok(self.less(b, a, ">=")? || self.equal(a, b)?),
            "is" => Ok(same_object(a, b)),
            "is not" => Ok(!same_object(a, b)),
            "in" => self.contains(b, a),
            "not in" => Ok(!self.contains(b, a)?),
            _ => self.error("SyntaxError", format!("unknown comparison {op}")),
        }
    }

    /// `left OP right` where a native value takes part: the left one's operator, then the right
    /// one's reflected, as Python tries `__op__` then `__rop__`. Comparisons give whatever the
    /// value returns (an SQL expression, say).
    pub(super) fn native_operator(&mut self, op: &str, left: &Obj, right: &Obj) -> Res<Obj> {
        if let Obj::Native(native) = left {
            if let Some(result) = native.clone().binary(self, left, op, right, false) {
                return result;
            }
        }
        if let Obj::Native(native) = right {
            // `a < b` reflected is `b > a`; arithmetic keeps its operator.
            let swapped = match op {
                "<" => ">",
                ">" => "<",
                "<=" => ">=",
                ">=" => "<=",
                other => other,
            };
            if let Some(result) = native.clone().binary(self, right, swapped, left, true) {
                return result;
            }
        }
        match op {
            "==" => Ok(Obj::Bool(same_object(left, right))),
            "!=" => Ok(Obj::Bool(!same_object(left, right))),
            "<" | ">" | "<=" | ">=" => self.error(
                "TypeError",
                format!("'{op}' not supported between instances of '{}' and '{}'", left.type_name(), right.type_name()),
            ),
            _ => self.error(
                "TypeError",
                format!("unsupported operand type(s) for {op}: '{}' and '{}'", left.type_name(), right.type_name()),
            ),
        }
    }

    pub fn contains(&mut self, container: &Obj, item: &Obj) -> Res<bool> {
        if let Some(inner) = self.value_part(container, "__contains__") {
            return self.contains(&inner, item);
        }
        if let Obj::Bytes(b) = container {
            return match item {
                Obj::Int(i) if (0..256).contains(i) => Ok(b.contains(&(*i as u8))),
                Obj::Int(_) => self.error("ValueError", "byte must be in range(0, 256)"),
                Obj::Bytes(needle) => Ok(needle.is_empty() || b.windows(needle.len()).any(|w| w == &needle[..])),
                other => self.error("TypeError", format!("a bytes-like object is required, not '{}'", other.type_name())),
            };
        }
        if let Obj::Native(native) = container {
            if let Some(found) = native.clone().contains(self, container, item) {
                return found;
            }
        }
        if let Obj::Class(class) = container {
            if let Some(members) = self.enum_members(class) {
                // Python 3.11's EnumType: a member of this class, or a TypeError for anything else.
                if !self.is_enum_member(item) {
                    return self.error("TypeError", format!("unsupported operand type(s) for 'in': '{}' and 'EnumType'", item.type_name()));
                }
                return Ok(members.iter().any(|m| matches!((m, item), (Obj::Instance(a), Obj::Instance(b)) if Rc::ptr_eq(a, b))));
            }
        }
        match container {
            Obj::Str(s) => match item {
                Obj::Str(sub) => Ok(s.contains(sub.as_ref())),
                other => self.error("TypeError", format!("'in <string>' requires string as left operand, not {}", other.type_name())),
            },
            Obj::Dict(d) | Obj::Set(d) | Obj::DictView(d, View::Keys) => {
                let k = self.hash_key(item)?;
                Ok(d.borrow().get(&k).is_some())
            }
            Obj::DictView(d, View::Items) => {
                let Obj::Tuple(pair) = item else { return Ok(false) };
                let [k, v] = &pair.0[..] else { return Ok(false) };
                let Ok(hashed) = self.hash_key(k) else { return Ok(false) };
                let found = d.borrow().get(&hashed).cloned();
                match found {
                    Some(value) => self.equal(&value, v),
                    None => Ok(false),
                }
            }
            Obj::Instance(_) if self.lookup_special(container, "__contains__").is_some() => {
                let m = self.lookup_special(container, "__contains__");
                let r = self.call(m.unwrap_or(Obj::None), vec![item.clone()], Vec::new())?;
                self.truthy(&r)
            }
            _ => {
                for candidate in self.iterate(container)? {
                    if self.equal(&candidate, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    // ---- methods of the built-in types ------------------------------------------------------

    pub(super) fn call_native_method(&mut self, this: &Obj, name: &str, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
        if let Obj::Instance(instance) = this {
            match (&instance.value, name) {
                (Some(_), "__init__") => return self.fill_value(this, args, kwargs).map(|()| Obj::None),
                // `str.upper(name)`, `super().__setitem__(k, v)`: the value's method.
                (Some(value), _) => {
                    let value = value.clone();
                    if let Some(result) = self.value_special(&value, name, &args) {
                        return result;
                    }
                    return self.call_native_method(&value, name, args, kwargs);
                }
                _ => {}
            }
        }
        let kw = |key: &str| kwargs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
        match (this, name) {
            (Obj::Slice(start, stop, step), "indices") => {
                self.arity("indices", &args, 1, 1)?;
                let len = self.to_index(&args[0])?;
                if len < 0 {
                    return self.error("ValueError", "length should not be negative");
                }
                let (from, to, step) = self.slice_indices(len, *start, *stop, *step)?;
                Ok(Obj::tuple(vec![Obj::Int(from), Obj::Int(to), Obj::Int(step)]))
            }
            // `super().__init__(...)` reaching the built-in base: an exception keeps its
            // arguments; a plain object takes none.
            (Obj::Generator(generator), "send" | "__next__" | "throw" | "close") => {
                let generator = generator.clone();
                match name {
                    "send" => {
                        self.arity("send", &args, 1, 1)?;
                        self.generator_next(&generator, args[0].clone())
                    }
                    "__next__" => self.generator_next(&generator, Obj::None),
                    "close" => self.close_generator(&generator).map(|()| Obj::None),
                    _ => {
                        self.arity("throw", &args, 1, 3)?;
                        let value = match &args[0] {
                            Obj::Class(class) if self.is_exception_class(class) => self.instantiate(class, args[1..].iter().take(1).cloned().collect(), Vec::new())?,
                            Obj::Instance(i) if self.is_exception_class(&i.class) => args[0].clone(),
                            _ => return self.error("TypeError", "exceptions must be classes or instances deriving from BaseException, not ".to_string() + &args[0].type_name()),
                        };
                        let thrown = super::eval::raised(value, false);
                        match self.resume_generator(&generator, Obj::None, Some(thrown))? {
                            Some(value) => Ok(value),
                            None => self.error("StopIteration", ""),
                        }
                    }
                }
            }
            // `super().__init_subclass__()` reaching `object`: nothing more to do.
            (Obj::Class(_), "__init_subclass__") => Ok(Obj::None),
            (Obj::Instance(instance), "__init__") => {
                if self.is_exception_class(&instance.class) {
                    self.set_attr(this, "args", Obj::tuple(args))?;
                    return Ok(Obj::None);
                }
                if !args.is_empty() || !kwargs.is_empty() {
                    return self.error("TypeError", "object.__init__() takes exactly one argument (the instance to initialize)");
                }
                Ok(Obj::None)
            }
            (Obj::Str(s), "split" | "rsplit") if !kwargs.is_empty() => {
                let mut args = args;
                for (key, value) in kwargs {
                    match (key.as_str(), args.len()) {
                        ("sep", 0) => args.push(value),
                        ("maxsplit", 0) => args.extend([Obj::None, value]),
                        ("maxsplit", 1) => args.push(value),
                        _ => return self.error("TypeError", format!("'{key}' is an invalid keyword argument for {name}()")),
                    }
                }
                self.str_method(s, name, args)
            }
            (Obj::Str(s), "format") => Ok(Obj::str(&self.str_format(s, &args, &kwargs)?)),
            (Obj::Str(s), _) => self.str_method(s, name, args),
            (Obj::Bytes(b), _) => self.bytes_method(&b.clone(), name, &args),
            (Obj::List(list), "append") => {
                self.arity("append", &args, 1, 1)?;
                if list.borrow().len() >= MAX_ITEMS {
                    return self.memory_error();
                }
                list.borrow_mut().push(args[0].clone());
                Ok(Obj::None)
            }
            (Obj::List(list), "extend") => {
                self.arity("extend", &args, 1, 1)?;
                let items = self.iterate(&args[0])?;
                if list.borrow().len() + items.len() > MAX_ITEMS {
                    return self.memory_error();
                }
                list.borrow_mut().extend(items);
                Ok(Obj::None)
            }
            (Obj::List(list), "insert") => {
                self.arity("insert", &args, 2, 2)?;
                let i = self.to_index(&args[0])?;
                let len = list.borrow().len() as i64;
                let at = if i < 0 { (len + i).max(0) } else { i.min(len) };
                list.borrow_mut().insert(at as usize, args[1].clone());
                Ok(Obj::None)
            }
            (Obj::List(list), "pop") => {
                let len = list.borrow().len() as i64;
                if len == 0 {
                    return self.error("IndexError", "pop from empty list");
                }
                let i = match args.first() {
                    Some(v) => self.to_index(v)?,
                    None => -1,
                };
                let at = if i < 0 { len + i } else { i };
                if at < 0 || at >= len {
                    return self.error("IndexError", "pop index out of range");
                }
                Ok(list.borrow_mut().remove(at as usize))
            }
            (Obj::List(list), "remove" | "index" | "count") => {
                self.arity(name, &args, 1, if name == "index" { 3 } else { 1 })?;
                let items = list.borrow().clone();
                let len = items.len();
                let (from, to) = match (args.get(1), args.get(2)) {
                    (Some(start), end) => (clamp_index(self.to_index(start)?, len), end.map_or(Ok(len), |e| self.to_index(e).map(|e| clamp_index(e, len)))?),
                    (None, _) => (0, len),
                };
                let mut positions = Vec::new();
                for (i, item) in items.iter().enumerate().take(to).skip(from) {
                    if self.equal(item, &args[0])? {
                        positions.push(i);
                        if name != "count" {
                            break;
                        }
                    }
                }
                match name {
                    "count" => Ok(Obj::Int(positions.len() as i64)),
                    "index" => match positions.first() {
                        Some(i) => Ok(Obj::Int(*i as i64)),
                        None => {
                            let repr = self.repr_of(&args[0])?;
                            self.error("ValueError", format!("{repr} is not in list"))
                        }
                    },
                    _ => match positions.first() {
                        Some(i) => {
                            list.borrow_mut().remove(*i);
                            Ok(Obj::None)
                        }
                        None => self.error("ValueError", "list.remove(x): x not in list"),
                    },
                }
            }
            (Obj::List(list), "sort") => {
                let key_fn = kw("key").filter(|k| !matches!(k, Obj::None));
                let reverse = match kw("reverse") {
                    Some(r) => self.truthy(&r)?,
                    None => false,
                };
                let items = list.borrow().clone();
                let mut keyed = Vec::with_capacity(items.len());
                for item in items {
                    let k = match &key_fn {
                        Some(f) => self.call(f.clone(), vec![item.clone()], Vec::new())?,
                        None => item.clone(),
                    };
                    keyed.push((k, item));
                }
                // A stable merge sort on Python's `<`, which may raise.
                let sorted = self.sort_keyed(keyed, reverse)?;
                *list.borrow_mut() = sorted.into_iter().map(|(_, v)| v).collect();
                Ok(Obj::None)
            }
            (Obj::List(list), "reverse") => {
                list.borrow_mut().reverse();
                Ok(Obj::None)
            }
            (Obj::List(list), "copy") => Ok(Obj::list(list.borrow().clone())),
            (Obj::List(list), "clear") => {
                list.borrow_mut().clear();
                Ok(Obj::None)
            }
            (Obj::Tuple(t), "index" | "count") => {
                let list = Obj::list(t.to_vec());
                match self.call_native_method(&list, name, args, kwargs) {
                    Err(raised) if self.is_instance_of(&raised.value, "ValueError") => self.error("ValueError", "tuple.index(x): x not in tuple"),
                    other => other,
                }
            }
            (Obj::Dict(d), "get") => {
                self.arity("get", &args, 1, 2)?;
                let k = self.hash_key(&args[0])?;
                let found = d.borrow().get(&k).cloned();
                Ok(found.or_else(|| args.get(1).cloned()).unwrap_or(Obj::None))
            }
            (Obj::Dict(d), "keys") => Ok(Obj::DictView(d.clone(), View::Keys)),
            (Obj::Dict(d), "values") => Ok(Obj::DictView(d.clone(), View::Values)),
            (Obj::Dict(d), "items") => Ok(Obj::DictView(d.clone(), View::Items)),
            (Obj::Dict(d), "update") => {
                if let Some(other) = args.first() {
                    let pairs: Vec<(Obj, Obj)> = match Self::as_dict(other) {
                        Obj::Dict(o) => o.borrow().items().cloned().collect(),
                        other => {
                            let mut out = Vec::new();
                            for pair in self.iterate(other)? {
                                let items = self.iterate(&pair)?;
                                if items.len() == 2 {
                                    out.push((items[0].clone(), items[1].clone()));
                                }
                            }
                            out
                        }
                    };
                    for (k, v) in pairs {
                        let hashed = self.hash_key(&k)?;
                        d.borrow_mut().insert(hashed, k, v);
                    }
                }
                for (k, v) in kwargs {
                    d.borrow_mut().insert_str(&k, v);
                }
                Ok(Obj::None)
            }
            (Obj::Dict(d), "pop") => {
                self.arity("pop", &args, 1, 2)?;
                let k = self.hash_key(&args[0])?;
                let removed = d.borrow_mut().remove(&k);
                match (removed, args.get(1)) {
                    (Some(v), _) => Ok(v),
                    (None, Some(default)) => Ok(default.clone()),
                    (None, None) => self.key_error(args[0].clone()),
                }
            }
            (Obj::Dict(d), "setdefault") => {
                self.arity("setdefault", &args, 1, 2)?;
                let k = self.hash_key(&args[0])?;
                let found = d.borrow().get(&k).cloned();
                match found {
                    Some(v) => Ok(v),
                    None => {
                        let v = args.get(1).cloned().unwrap_or(Obj::None);
                        d.borrow_mut().insert(k, args[0].clone(), v.clone());
                        Ok(v)
                    }
                }
            }
            (Obj::Dict(d), "copy") => Ok(Obj::Dict(Rc::new(RefCell::new(d.borrow().clone())))),
            (Obj::Set(d), "copy") => Ok(Obj::Set(Rc::new(RefCell::new(d.borrow().clone())))),
            (Obj::Set(d), "pop") => {
                let first = super::set_order::cpython_order(d.borrow().items().map(|(k, _)| k.clone()).collect(), d.borrow().presize).into_iter().next();
                match first {
                    Some(k) => {
                        let hashed = self.hash_key(&k)?;
                        d.borrow_mut().remove(&hashed);
                        Ok(k)
                    }
                    None => self.error("KeyError", "pop from an empty set"),
                }
            }
            (Obj::Dict(d) | Obj::Set(d), "clear") => {
                d.borrow_mut().clear();
                Ok(Obj::None)
            }
            (Obj::Set(s), "add") => {
                self.arity("add", &args, 1, 1)?;
                if s.borrow().len() >= MAX_ITEMS {
                    return self.memory_error();
                }
                let k = self.hash_key(&args[0])?;
                s.borrow_mut().insert(k, args[0].clone(), Obj::None);
                Ok(Obj::None)
            }
            (Obj::Set(s), "discard" | "remove") => {
                self.arity(name, &args, 1, 1)?;
                let k = self.hash_key(&args[0])?;
                let removed = s.borrow_mut().remove(&k);
                if removed.is_none() && name == "remove" {
                    return self.key_error(args[0].clone());
                }
                Ok(Obj::None)
            }
            (Obj::Set(_), "union" | "intersection" | "difference" | "symmetric_difference") => {
                if name == "symmetric_difference" {
                    self.arity(name, &args, 1, 1)?;
                }
                let op = match name {
                    "union" => "|",
                    "intersection" => "&",
                    "difference" => "-",
                    _ => "^",
                };
                let mut result = self.binary("|", this.clone(), Obj::Set(Rc::new(RefCell::new(Dict::default()))))?;
                for other in &args {
                    let items = self.iterate(other)?;
                    let other = self.make_set(items)?;
                    result = self.binary(op, result, other)?;
                }
                Ok(result)
            }
            (Obj::Set(set), "update" | "intersection_update" | "difference_update") => {
                let op = match name {
                    "update" => "union",
                    "intersection_update" => "intersection",
                    _ => "difference",
                };
                let Obj::Set(result) = self.call_native_method(this, op, args, kwargs)? else { return Ok(Obj::None) };
                let result = result.borrow().clone();
                *set.borrow_mut() = result;
                Ok(Obj::None)
            }
            (Obj::Set(set), "issubset" | "issuperset" | "isdisjoint") => {
                self.arity(name, &args, 1, 1)?;
                let items = self.iterate(&args[0])?;
                let Obj::Set(other) = self.make_set(items)? else { return Ok(Obj::Bool(false)) };
                let (mine, theirs) = (set.borrow().clone(), other.borrow().clone());
                Ok(Obj::Bool(match name {
                    "issubset" => mine.keyed().all(|(k, _)| theirs.contains(k)),
                    "issuperset" => theirs.keyed().all(|(k, _)| mine.contains(k)),
                    _ => !mine.keyed().any(|(k, _)| theirs.contains(k)),
                }))
            }
            (Obj::Int(_) | Obj::Bool(_), "bit_length") => {
                self.arity(name, &args, 0, 0)?;
                let i = self.to_index(this)?;
                Ok(Obj::Int(i64::from(64 - i.unsigned_abs().leading_zeros())))
            }
            (Obj::Float(f), "is_integer") => Ok(Obj::Bool(f.is_finite() && f.fract() == 0.0)),
            (Obj::Property(property), "setter" | "getter" | "deleter") => {
                self.arity(name, &args, 1, 1)?;
                let mut copy = super::object::PropertyCell { getter: property.getter.clone(), setter: property.setter.clone(), deleter: property.deleter.clone() };
                match name {
                    "setter" => copy.setter = Some(args[0].clone()),
                    "deleter" => copy.deleter = Some(args[0].clone()),
                    _ => copy.getter = args[0].clone(),
                }
                Ok(Obj::Property(Rc::new(copy)))
            }
            (Obj::Dict(d), "popitem") => {
                self.arity(name, &args, 0, 0)?;
                let last = d.borrow().items().last().cloned();
                match last {
                    Some((k, v)) => {
                        let hashed = self.hash_key(&k)?;
                        d.borrow_mut().remove(&hashed);
                        Ok(Obj::tuple(vec![k, v]))
                    }
                    None => self.error("KeyError", "popitem(): dictionary is empty"),
                }
            }
            _ => self.error("AttributeError", format!("'{}' object has no attribute '{name}'", this.type_name())),
        }
    }

    /// `list.sort`: stable, and `reverse=True` reverses, sorts and reverses back, as CPython
    /// does. Short lists are sorted as CPython's timsort sorts them (one run, then binary
    /// insertion), so a comparison that fails fails on the same pair, with the same message.
    fn sort_keyed(&mut self, mut items: Vec<(Obj, Obj)>, reverse: bool) -> Res<Vec<(Obj, Obj)>> {
        if reverse {
            items.reverse();
        }
        let mut sorted = if items.len() < 64 { self.timsort_short(items)? } else { self.merge_sort(items, false)? };
        if reverse {
            sorted.reverse();
        }
        Ok(sorted)
    }

    /// CPython's timsort on fewer than 64 items: the leading run (strictly descending runs are
    /// reversed), then each later item binary-inserted; every comparison is `later < earlier`.
    fn timsort_short(&mut self, mut v: Vec<(Obj, Obj)>) -> Res<Vec<(Obj, Obj)>> {
        let n = v.len();
        if n < 2 {
            return Ok(v);
        }
        let mut run = 2;
        if self.compare("<", &v[1].0, &v[0].0)? {
            while run < n && self.compare("<", &v[run].0, &v[run - 1].0)? {
                run += 1;
            }
            v[..run].reverse();
        } else {
            while run < n && !self.compare("<", &v[run].0, &v[run - 1].0)? {
                run += 1;
            }
        }
        for start in run..n {
            let pivot = v[start].0.clone();
            let (mut l, mut r) = (0, start);
            while l < r {
                let p = l + (r - l) / 2;
                if self.compare("<", &pivot, &v[p].0)? {
                    r = p;
                } else {
                    l = p + 1;
                }
            }
            let item = v.remove(start);
            v.insert(l, item);
        }
        Ok(v)
    }

    fn merge_sort(&mut self, items: Vec<(Obj, Obj)>, reverse: bool) -> Res<Vec<(Obj, Obj)>> {
        if items.len() <= 1 {
            return Ok(items);
        }
        let mut items = items;
        let right = items.split_off(items.len() / 2);
        let left = self.merge_sort(items, reverse)?;
        let right = self.merge_sort(right, reverse)?;
        let mut out = Vec::with_capacity(left.len() + right.len());
        let (mut l, mut r) = (left.into_iter().peekable(), right.into_iter().peekable());
        while let (Some(a), Some(b)) = (l.peek(), r.peek()) {
            // A comparison is a step of work: sorting a huge list meets the time budget.
            self.tick()?;
            let take_right = if reverse { self.compare("<", &a.0, &b.0)? } else { self.compare("<", &b.0, &a.0)? };
            if take_right {
                out.extend(r.next());
            } else {
                out.extend(l.next());
            }
        }
        out.extend(l);
        out.extend(r);
        Ok(out)
    }

    /// `s[start:end]` for the optional start/end arguments of find, count, startswith…: the
    /// text and the char index it begins at, or None when start lies past the end.
    fn str_window<'a>(&self, s: &'a str, bounds: &[Obj]) -> Res<Option<(&'a str, usize)>> {
        let len = s.chars().count();
        let given = |i: usize| -> Res<Option<i64>> {
            match bounds.get(i) {
                None | Some(Obj::None) => Ok(None),
                Some(v) => self.to_index(v).map(Some),
            }
        };
        let (start, end) = (given(0)?, given(1)?);
        if start.is_some_and(|v| v > len as i64) {
            return Ok(None);
        }
        let start = start.map_or(0, |v| clamp_index(v, len));
        let end = end.map_or(len, |v| clamp_index(v, len)).max(start);
        let byte = |char_index: usize| s.char_indices().nth(char_index).map_or(s.len(), |(b, _)| b);
        Ok(Some((&s[byte(start)..byte(end)], start)))
    }

    fn str_method(&mut self, s: &Rc<str>, name: &str, args: Vec<Obj>) -> Res<Obj> {
        let text = |interp: &Self, v: &Obj| -> Res<String> {
            match Self::unwrapped(v) {
                Obj::Str(t) => Ok(t.to_string()),
                other => interp.error("TypeError", format!("must be str, not {}", other.type_name())),
            }
        };
        let strip_chars = |interp: &Self| -> Res<Option<String>> {
            match args.first() {
                None | Some(Obj::None) => Ok(None),
                Some(v) => text(interp, v).map(Some),
            }
        };
        Ok(match name {
            "upper" => Obj::str(&s.to_uppercase()),
            "lower" => Obj::str(&s.to_lowercase()),
            // Full case folding differs from lowercasing mostly in ß (and its capital).
            "casefold" => Obj::str(&s.to_lowercase().replace('ß', "ss")),
            "title" => Obj::str(&title_case(s)),
            "capitalize" => {
                let mut chars = s.chars();
                let first: String = chars.next().map(|c| c.to_uppercase().collect()).unwrap_or_default();
                Obj::str(&(first + &chars.as_str().to_lowercase()))
            }
            "swapcase" => Obj::str(&s.chars().map(|c| if c.is_uppercase() { c.to_lowercase().collect::<String>() } else { c.to_uppercase().collect() }).collect::<String>()),
            "strip" | "lstrip" | "rstrip" => {
                let chars = strip_chars(self)?;
                let is_strip = |c: char| chars.as_ref().map_or(c.is_whitespace(), |set| set.contains(c));
                let out = match name {
                    "strip" => s.trim_matches(is_strip),
                    "lstrip" => s.trim_start_matches(is_strip),
                    _ => s.trim_end_matches(is_strip),
                };
                Obj::str(out)
            }
            "split" | "rsplit" => {
                let sep = match args.first() {
                    None | Some(Obj::None) => None,
                    Some(v) => Some(text(self, v)?),
                };
                let max = match args.get(1) {
                    Some(v) => self.to_index(v)?,
                    None => -1,
                };
                let parts: Vec<String> = match (&sep, max) {
                    (Some(sep), _) if sep.is_empty() => return self.error("ValueError", "empty separator"),
                    (None, -1) => s.split_whitespace().map(String::from).collect(),
                    (None, n) if name == "rsplit" => {
                        let mut out: Vec<String> = Vec::new();
                        let mut rest = s.trim_end();
                        while !rest.is_empty() && (out.len() as i64) < n {
                            let start = rest.rfind(char::is_whitespace).map_or(0, |i| i + rest[i..].chars().next().map_or(1, char::len_utf8));
                            out.push(rest[start..].to_string());
                            rest = rest[..start].trim_end();
                        }
                        if !rest.is_empty() {
                            out.push(rest.to_string());
                        }
                        out.reverse();
                        out
                    }
                    (None, n) => {
                        let mut out: Vec<String> = Vec::new();
                        let mut rest = s.trim_start();
                        while !rest.is_empty() && (out.len() as i64) < n {
                            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                            out.push(rest[..end].to_string());
                            rest = rest[end..].trim_start();
                        }
                        if !rest.is_empty() {
                            out.push(rest.to_string());
                        }
                        out
                    }
                    (Some(sep), -1) => s.split(sep.as_str()).map(String::from).collect(),
                    (Some(sep), n) if name == "split" => s.splitn(n as usize + 1, sep.as_str()).map(String::from).collect(),
                    (Some(sep), n) => {
                        let mut parts: Vec<String> = s.rsplitn(n as usize + 1, sep.as_str()).map(String::from).collect();
                        parts.reverse();
                        parts
                    }
                };
                Obj::list(parts.iter().map(|p| Obj::str(p)).collect())
            }
            "splitlines" => Obj::list(s.lines().map(Obj::str).collect()),
            "join" => {
                self.arity("join", &args, 1, 1)?;
                let mut parts = Vec::new();
                for (i, item) in self.iterate(&args[0])?.into_iter().enumerate() {
                    match Self::unwrapped(&item) {
                        Obj::Str(t) => parts.push(t.to_string()),
                        other => {
                            return self.error("TypeError", format!("sequence item {i}: expected str instance, {} found", other.type_name()))
                        }
                    }
                }
                Obj::str(&parts.join(s))
            }
            "replace" => {
                self.arity("replace", &args, 2, 3)?;
                let (old, new) = (text(self, &args[0])?, text(self, &args[1])?);
                match args.get(2) {
                    Some(n) => {
                        let n = self.to_index(n)?;
                        if n < 0 {
                            Obj::str(&s.replace(&old, &new))
                        } else {
                            Obj::str(&s.replacen(&old, &new, n as usize))
                        }
                    }
                    None => Obj::str(&s.replace(&old, &new)),
                }
            }
            "startswith" | "endswith" => {
                self.arity(name, &args, 1, 3)?;
                let options = match &args[0] {
                    Obj::Tuple(t) => t.iter().map(|v| text(self, v)).collect::<Res<Vec<_>>>()?,
                    v => vec![text(self, v)?],
                };
                let Some((window, _)) = self.str_window(s, &args[1..])? else { return Ok(Obj::Bool(false)) };
                Obj::Bool(options.iter().any(|o| if name == "startswith" { window.starts_with(o.as_str()) } else { window.ends_with(o.as_str()) }))
            }
            "find" | "index" | "rfind" | "rindex" | "count" => {
                self.arity(name, &args, 1, 3)?;
                let sub = text(self, &args[0])?;
                let not_found = || if name.ends_with("index") { Err(()) } else { Ok(Obj::Int(-1)) };
                let window = self.str_window(s, &args[1..])?;
                let result = match (name, window) {
                    ("count", None) => Ok(Obj::Int(0)),
                    ("count", Some((w, _))) => {
                        Ok(Obj::Int(if sub.is_empty() { w.chars().count() as i64 + 1 } else { w.matches(sub.as_str()).count() as i64 }))
                    }
                    (_, None) => not_found(),
                    (_, Some((w, offset))) => {
                        let found = if name.starts_with('r') { w.rfind(sub.as_str()) } else { w.find(sub.as_str()) };
                        match found {
                            Some(byte) => Ok(Obj::Int((offset + w[..byte].chars().count()) as i64)),
                            None => not_found(),
                        }
                    }
                };
                match result {
                    Ok(v) => v,
                    Err(()) => return self.error("ValueError", "substring not found"),
                }
            }
            "removeprefix" | "removesuffix" => {
                self.arity(name, &args, 1, 1)?;
                let affix = text(self, &args[0])?;
                let out = if name == "removeprefix" { s.strip_prefix(affix.as_str()) } else { s.strip_suffix(affix.as_str()) };
                Obj::str(out.unwrap_or(s))
            }
            "isidentifier" => {
                let mut chars = s.chars();
                Obj::Bool(chars.next().is_some_and(|c| c == '_' || c.is_alphabetic()) && chars.all(|c| c == '_' || c.is_alphanumeric()))
            }
            "expandtabs" => {
                self.arity(name, &args, 0, 1)?;
                let size = match args.first() {
                    Some(v) => self.to_index(v)?.max(0) as usize,
                    None => 8,
                };
                let mut out = String::new();
                let mut column = 0;
                for c in s.chars() {
                    match c {
                        '\t' if size > 0 => {
                            let pad = size - column % size;
                            out.push_str(&" ".repeat(pad));
                            column += pad;
                        }
                        '\t' => {}
                        '\n' | '\r' => {
                            out.push(c);
                            column = 0;
                        }
                        c => {
                            out.push(c);
                            column += 1;
                        }
                    }
                    if out.len() > 16 * 1024 * 1024 {
                        return self.memory_error();
                    }
                }
                Obj::str(&out)
            }
            "istitle" => {
                // Upper case only after an uncased character, lower case only after a cased one.
                let (mut cased_before, mut any) = (false, false);
                let mut ok = true;
                for c in s.chars() {
                    if c.is_uppercase() {
                        ok &= !cased_before;
                        cased_before = true;
                        any = true;
                    } else if c.is_lowercase() {
                        ok &= cased_before;
                        cased_before = true;
                        any = true;
                    } else {
                        cased_before = false;
                    }
                }
                Obj::Bool(ok && any)
            }
            "isdigit" | "isnumeric" | "isdecimal" => Obj::Bool(!s.is_empty() && s.chars().all(|c| c.is_ascii_digit())),
            "isalpha" => Obj::Bool(!s.is_empty() && s.chars().all(char::is_alphabetic)),
            "isalnum" => Obj::Bool(!s.is_empty() && s.chars().all(char::is_alphanumeric)),
            "isspace" => Obj::Bool(!s.is_empty() && s.chars().all(char::is_whitespace)),
            "isupper" => Obj::Bool(s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)),
            "islower" => Obj::Bool(s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_uppercase)),
            "zfill" | "center" | "ljust" | "rjust" => {
                self.arity(name, &args, 1, 2)?;
                let width = self.to_index(&args[0])?.max(0) as usize;
                let fill = match args.get(1) {
                    Some(v) => text(self, v)?.chars().next().unwrap_or(' '),
                    None => if name == "zfill" { '0' } else { ' ' },
                };
                let len = s.chars().count();
                let pad = width.saturating_sub(len);
                let fill_str = |n: usize| fill.to_string().repeat(n);
                Obj::str(&match name {
                    "ljust" => format!("{s}{}", fill_str(pad)),
                    "rjust" => format!("{}{s}", fill_str(pad)),
                    "center" => {
                        let left = pad / 2 + (pad & width & 1);
                        format!("{}{s}{}", fill_str(left), fill_str(pad - left))
                    }
                    _ => match s.strip_prefix(['-', '+']) {
                        Some(rest) => format!("{}{}{rest}", &s[..1], fill_str(pad)),
                        None => format!("{}{s}", fill_str(pad)),
                    },
                })
            }
            "partition" | "rpartition" => {
                self.arity(name, &args, 1, 1)?;
                let sep = text(self, &args[0])?;
                if sep.is_empty() {
                    return self.error("ValueError", "empty separator");
                }
                let found = if name == "partition" { s.split_once(sep.as_str()) } else { s.rsplit_once(sep.as_str()) };
                match (found, name) {
                    (Some((a, b)), _) => Obj::tuple(vec![Obj::str(a), Obj::str(&sep), Obj::str(b)]),
                    (None, "partition") => Obj::tuple(vec![Obj::str(s), Obj::str(""), Obj::str("")]),
                    (None, _) => Obj::tuple(vec![Obj::str(""), Obj::str(""), Obj::str(s)]),
                }
            }
            "format" => Obj::str(&self.str_format(s, &args, &[])?),
            "format_map" => {
                self.arity("format_map", &args, 1, 1)?;
                let Obj::Dict(mapping) = &args[0] else {
                    return self.error("TypeError", format!("'{}' object is not subscriptable", args[0].type_name()));
                };
                let fields: Vec<(String, Obj)> = mapping.borrow().items().filter_map(|(k, v)| match k {
                    Obj::Str(k) => Some((k.to_string(), v.clone())),
                    _ => None,
                }).collect();
                Obj::str(&self.str_format(s, &[], &fields)?)
            }
            "isascii" => Obj::Bool(s.is_ascii()),
            "isprintable" => Obj::Bool(s.chars().all(|c| c == ' ' || !(c.is_control() || c.is_whitespace()))),
            "translate" => {
                self.arity("translate", &args, 1, 1)?;
                let mut out = String::new();
                for c in s.chars() {
                    let mapped = match &args[0] {
                        Obj::Dict(table) => table.borrow().get(&key_of_int(c as i64)).cloned(),
                        other => match self.get_item(other, Obj::Int(c as i64)) {
                            Ok(v) => Some(v),
                            Err(raised) if self.is_instance_of(&raised.value, "LookupError") => None,
                            Err(raised) => return Err(raised),
                        },
                    };
                    match mapped {
                        None => out.push(c),
                        Some(Obj::None) => {}
                        Some(Obj::Str(t)) => out.push_str(&t),
                        Some(Obj::Int(n)) => match u32::try_from(n).ok().and_then(char::from_u32) {
                            Some(ch) => out.push(ch),
                            None => return self.error("ValueError", "character mapping must be in range(0x110000)"),
                        },
                        Some(_) => return self.error("TypeError", "character mapping must return integer, None or str"),
                    }
                    if out.len() > MAX_ITEMS * 16 {
                        return self.memory_error();
                    }
                }
                Obj::str(&out)
            }
            "encode" => super::bytes::obj(s.as_bytes().to_vec()),
            _ => return self.error("AttributeError", format!("'str' object has no attribute '{name}'")),
        })
    }
}

/// Python's `//` on integers: rounds toward negative infinity.
fn floor_div(a: i64, b: i64) -> i64 {
    let q = a.wrapping_div(b);
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        r
    }
}

pub(super) fn range_len(start: i64, stop: i64, step: i64) -> usize {
    if step > 0 && start < stop {
        ((stop as i128 - start as i128 + step as i128 - 1) / step as i128) as usize
    } else if step < 0 && start > stop {
        ((start as i128 - stop as i128 - step as i128 - 1) / -(step as i128)) as usize
    } else {
        0
    }
}

fn title_case(s: &str) -> String {
    let mut out = String::new();
    let mut start = true;
    for c in s.chars() {
        if c.is_alphabetic() {
            if start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            start = false;
        } else {
            out.push(c);
            start = true;
        }
    }
    out
}

fn same_object(a: &Obj, b: &Obj) -> bool {
    match (a, b) {
        (Obj::None, Obj::None) => true,
        (Obj::Bool(x), Obj::Bool(y)) => x == y,
        (Obj::Int(x), Obj::Int(y)) => x == y && (-5..=256).contains(x),
        (Obj::Builtin(x), Obj::Builtin(y)) => x == y,
        _ => {
            let (ia, ib) = (Interpreter::identity_of(a), Interpreter::identity_of(b));
            ia != 0 && ia == ib
        }
    }
}

/// `int(text, base)`: an optional sign, the base's prefix (any of them for base 0, where a
/// decimal may not start with 0), digits with single underscores between them. None when
/// invalid, Some(Err) when it does not fit 64 bits.
fn parse_int_literal(text: &str, base: u32) -> Option<Result<i64, ()>> {
    let (negative, rest) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let lower = rest.to_ascii_lowercase();
    let prefixed = |p: &str| lower.starts_with(p) && lower.len() > 2;
    let (radix, digits) = match base {
        0 | 16 if prefixed("0x") => (16, &rest[2..]),
        0 | 8 if prefixed("0o") => (8, &rest[2..]),
        0 | 2 if prefixed("0b") => (2, &rest[2..]),
        0 if rest.len() > 1 && rest.starts_with('0') && rest.trim_start_matches(['0', '_']).is_empty() => (10, rest),
        0 if rest.starts_with('0') && rest.len() > 1 => return None,
        0 => (10, rest),
        b => (b, rest),
    };
    // After a prefix, one underscore may come first (`0x_1f`).
    let digits = if digits.len() < rest.len() { digits.strip_prefix('_').unwrap_or(digits) } else { digits };
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return None;
    }
    let mut value: i64 = 0;
    for c in digits.chars().filter(|c| *c != '_') {
        let d = c.to_digit(radix)? as i64;
        value = match value.checked_mul(radix as i64).and_then(|v| if negative { v.checked_sub(d) } else { v.checked_add(d) }) {
            Some(v) => v,
            None => return Some(Err(())),
        };
    }
    Some(Ok(value))
}

/// A start or end argument (`s.find(x, -3)`, `items.index(x, 2, 9)`, `a[i:j] = …`) as a position
/// in `len` items: negative counts from the end, and it is held within 0..=len.
fn clamp_index(index: i64, len: usize) -> usize {
    let len_i = len as i64;
    (if index < 0 { index.saturating_add(len_i).max(0) } else { index.min(len_i) }) as usize
}

fn is_not_implemented(value: &Obj) -> bool {
    matches!(value, Obj::Builtin("NotImplemented"))
}

/// A binary operator's special-method name without its underscores (`+` → `add`); "" for none.
pub(super) fn operator_name(op: &str) -> &'static str {
    match op {
        "+" => "add",
        "-" => "sub",
        "*" => "mul",
        "/" => "truediv",
        "//" => "floordiv",
        "%" => "mod",
        "**" => "pow",
        "&" => "and",
        "|" => "or",
        "@" => "matmul",
        "^" => "xor",
        "<<" => "lshift",
        ">>" => "rshift",
        _ => "",
    }
}

/// A class as `__bases__` and `__mro__` show it: the stand-in for a built-in type is that type.
fn as_type(class: &Rc<Class>) -> Obj {
    if Interpreter::is_value_type_class(class) {
        if let Some(name) = super::subclass::value_type_name(&class.name) {
            return Obj::Builtin(name);
        }
    }
    Obj::Class(class.clone())
}

/// The built-in names that are types (`int`, `str`, …), as `issubclass` sees them.
pub(super) fn is_type_name(name: &str) -> bool {
    matches!(
        name,
        "int" | "float" | "str" | "bool" | "list" | "tuple" | "dict" | "set" | "object" | "type" | "range" | "bytes" | "property" | "NoneType"
            | "staticmethod" | "classmethod"
    )
}

fn builtin_name(value: &Obj) -> &'static str {
    match value {
        Obj::Builtin(name) => name,
        _ => "",
    }
}

/// A function's docstring: its body's first statement, when that is a string.
pub(super) fn docstring(body: &[crate::python::Stmt]) -> Option<String> {
    match &body.first()?.kind {
        crate::python::StmtKind::Expr(e) => match &e.kind {
            crate::python::ExprKind::Constant(crate::python::Constant::Str(s)) => Some(s.to_string()),
            _ => None,
        },
        _ => None,
    }
}

fn builtin_type_name(value: &Obj) -> &'static str {
    match value {
        Obj::None => "NoneType",
        Obj::Bool(_) => "bool",
        Obj::Int(_) => "int",
        Obj::Float(_) => "float",
        Obj::Str(_) => "str",
        Obj::Bytes(_) => "bytes",
        Obj::List(_) => "list",
        Obj::Tuple(_) => "tuple",
        Obj::Dict(_) => "dict",
        Obj::Set(_) => "set",
        Obj::Range(..) => "range",
        Obj::Generator(_) => "generator",
        Obj::Lazy(lazy) => lazy.type_name(),
        Obj::Property(_) => "property",
        Obj::StaticMethod(_) => "staticmethod",
        Obj::ClassMethod(_) => "classmethod",
        Obj::Slice(..) => "slice",
        Obj::DictView(_, super::object::View::Keys) => "dict_keys",
        Obj::DictView(_, super::object::View::Values) => "dict_values",
        Obj::DictView(_, super::object::View::Items) => "dict_items",
        Obj::Function(_) => "function",
        Obj::Method(..) => "method",
        Obj::Class(_) => "type",
        Obj::Builtin(name) if is_type_name(name) => "type",
        Obj::Builtin(_) | Obj::NativeMethod(..) => "builtin_function_or_method",
        Obj::UnboundNative(_) => "method_descriptor",
        Obj::Module(_) => "module",
        Obj::Super(..) => "super",
        _ => "object",
    }
}

/// The module a class was defined in, as its repr names it (`None` for a built-in class).
fn class_module(class: &Class) -> Option<String> {
    if class.builtin {
        return None;
    }
    match class.attrs.borrow().get_str("__module__") {
        Some(Obj::Str(module)) if &**module == "builtins" => None,
        Some(Obj::Str(module)) => Some(module.to_string()),
        _ => Some("__main__".to_string()),
    }
}

/// The dict key of an integer, as `{65: ...}` stores it.
fn key_of_int(i: i64) -> super::object::Key {
    super::object::Key::Int(i)
}

impl Interpreter {
    /// `str.maketrans(x[, y[, z]])`: a table for `str.translate`, from a dict of characters (or
    /// code points), from two strings of equal length, and characters to delete.
    pub(super) fn str_maketrans(&mut self, args: &[Obj]) -> Res<Obj> {
        self.arity("maketrans", args, 1, 3)?;
        let table = Rc::new(RefCell::new(Dict::default()));
        match args {
            [Obj::Dict(given)] => {
                let entries: Vec<(Obj, Obj)> = given.borrow().items().cloned().collect();
                for (k, v) in entries {
                    let code = match &k {
                        Obj::Str(c) if c.chars().count() == 1 => c.chars().next().map_or(0, |c| c as i64),
                        Obj::Str(_) => return self.error("ValueError", "string keys in translate table must be of length 1"),
                        Obj::Int(i) => *i,
                        _ => return self.error("TypeError", "keys in translate table must be strings or integers"),
                    };
                    self.set_item(&Obj::Dict(table.clone()), Obj::Int(code), v)?;
                }
            }
            [_] => return self.error("TypeError", "if you give only one argument to maketrans it must be a dict"),
            [Obj::Str(from), Obj::Str(to), rest @ ..] => {
                if from.chars().count() != to.chars().count() {
                    return self.error("ValueError", "the first two maketrans arguments must have equal length");
                }
                for (a, b) in from.chars().zip(to.chars()) {
                    self.set_item(&Obj::Dict(table.clone()), Obj::Int(a as i64), Obj::Int(b as i64))?;
                }
                match rest {
                    [Obj::Str(deleted)] => {
                        for c in deleted.chars() {
                            self.set_item(&Obj::Dict(table.clone()), Obj::Int(c as i64), Obj::None)?;
                        }
                    }
                    [other] => return self.error("TypeError", format!("maketrans() argument 3 must be str, not {}", other.type_name())),
                    _ => {}
                }
            }
            [Obj::Str(_), other, ..] => return self.error("TypeError", format!("maketrans() argument 2 must be str, not {}", other.type_name())),
            [other, ..] => return self.error("TypeError", format!("maketrans() argument 1 must be str, not {}", other.type_name())),
            [] => {}
        }
        Ok(Obj::Dict(table))
    }
}

pub(super) fn native_method(value: &Obj, name: &str) -> Option<&'static str> {
    let names: &[&'static str] = match value {
        Obj::Str(_) => &[
            "upper", "lower", "casefold", "title", "capitalize", "swapcase", "strip", "lstrip", "rstrip", "split", "rsplit", "splitlines",
            "join", "replace", "startswith", "endswith", "find", "rfind", "index", "count", "isdigit", "isnumeric", "isdecimal", "istitle", "rpartition", "rindex", "removeprefix", "removesuffix", "isidentifier", "expandtabs",
            "isalpha", "isalnum", "isspace", "isupper", "islower", "zfill", "center", "ljust", "rjust", "partition", "format",
            "encode", "format_map", "isascii", "isprintable", "translate", "maketrans",
        ],
        Obj::List(_) => &["append", "extend", "insert", "pop", "remove", "index", "count", "sort", "reverse", "copy", "clear"],
        Obj::Tuple(_) => &["index", "count"],
        Obj::Bytes(_) => super::bytes::METHODS,
        Obj::Property(_) => &["setter", "getter", "deleter"],
        Obj::Int(_) | Obj::Bool(_) => &["bit_length"],
        Obj::Float(_) => &["is_integer"],
        Obj::Slice(..) => &["indices"],
        Obj::Generator(_) => &["send", "throw", "close", "__next__"],
        Obj::Dict(_) => &["get", "keys", "values", "items", "update", "pop", "setdefault", "copy", "clear", "popitem"],
        Obj::Set(_) => &["add", "discard", "remove", "union", "intersection", "difference", "symmetric_difference", "update", "intersection_update", "difference_update", "issubset", "issuperset", "isdisjoint", "copy", "pop", "clear"],
        _ => &[],
    };
    names.iter().copied().find(|n| *n == name)
}

#[allow(dead_code)]
fn unused(_: Instance) {}
