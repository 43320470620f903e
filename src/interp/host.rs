//! `_lab`: what the lab's own Python modules (sys, os, time, datetime in src/interp/lib/) ask of
//! their host — the clock, the local time zone, the project's file names and the program's
//! arguments. A native module like any other (see native.rs); learners' code has no need of it.

use std::rc::Rc;

use super::eval::Interpreter;
use super::native::{ModuleBuilder, NativeFunction};
use super::object::Obj;

/// Seconds since the Unix epoch, now.
fn epoch_seconds() -> f64 {
    crate::watchdog::now_ms() / 1000.0
}

/// The local time zone's offset from UTC at `seconds` since the epoch, in seconds east. The
/// browser knows the learner's zone; natively the lab keeps UTC.
fn local_offset(seconds: f64) -> i64 {
    #[cfg(target_family = "wasm")]
    {
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(seconds * 1000.0));
        -(date.get_timezone_offset() as i64) * 60
    }
    #[cfg(not(target_family = "wasm"))]
    {
        let _ = seconds;
        0
    }
}

pub fn module() -> ModuleBuilder {
    Rc::new(|_py: &mut Interpreter| {
        Ok(vec![
            ("time".to_string(), NativeFunction::function("time", |_, _, _| Ok(Obj::Float(epoch_seconds())))),
            (
                "utc_offset".to_string(),
                NativeFunction::function("utc_offset", |py, args, _| {
                    let seconds = match args.first() {
                        Some(Obj::Int(i)) => *i as f64,
                        Some(Obj::Float(f)) => *f,
                        _ => return py.error("TypeError", "utc_offset(seconds)"),
                    };
                    Ok(Obj::Int(local_offset(seconds)))
                }),
            ),
            (
                "files".to_string(),
                NativeFunction::function("files", |py, _, _| Ok(Obj::list(py.files.keys().map(|p| Obj::str(p)).collect()))),
            ),
            (
                "read".to_string(),
                NativeFunction::function("read", |py, args, _| {
                    let text = match args.first() {
                        Some(Obj::Str(path)) => py.files.get(&**path).map(|t| Obj::str(t)),
                        _ => None,
                    };
                    Ok(text.unwrap_or(Obj::None))
                }),
            ),
            (
                "unavailable".to_string(),
                NativeFunction::function("unavailable", |py, args, _| {
                    let what = match args.first() {
                        Some(Obj::Str(what)) => what.to_string(),
                        _ => "this".to_string(),
                    };
                    py.stop_not_available(&what)
                }),
            ),
            ("version".to_string(), NativeFunction::function("version", |_, _, _| Ok(Obj::str(super::VERSION)))),
            (
                // The traceback of an exception (the one being handled by default), for logging.
                "traceback".to_string(),
                NativeFunction::function("traceback", |py, args, _| {
                    let exception = args.into_iter().next().filter(|e| matches!(e, Obj::Instance(_)));
                    Ok(Obj::str(&py.caught_traceback(exception)))
                }),
            ),
            (
                // A project file's text (`None` when there is no such file), for configparser.
                "read_text".to_string(),
                NativeFunction::function("read_text", |py, args, _| {
                    let path = match args.first() {
                        Some(Obj::Str(path)) => path.trim_start_matches("./").to_string(),
                        _ => return py.error("TypeError", "read_text(path)"),
                    };
                    Ok(py.files.get(&path).map_or(Obj::None, |text| Obj::str(text)))
                }),
            ),
            (
                "argv".to_string(),
                NativeFunction::function("argv", |py, _, _| Ok(Obj::list(py.argv.iter().map(|a| Obj::str(a)).collect()))),
            ),
        ])
    })
}
