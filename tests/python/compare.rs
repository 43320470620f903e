//! How a lab run is compared with what CPython printed (shared by the corpus replays).

/// (printed before the traceback, innermost frame line, final line), or the whole output: the lab
/// prints no `^^^^` markers, and a traceback's outer frames may name CPython's own files.
pub fn shape(lines: &[String]) -> (Vec<String>, Option<String>, Option<String>) {
    match lines.iter().position(|l| l == "Traceback (most recent call last):") {
        None => (lines.to_vec(), None, None),
        Some(at) => {
            let innermost = lines[at..].iter().filter(|l| l.starts_with("  File ")).last().cloned();
            (lines[..at].to_vec(), innermost, lines.last().cloned())
        }
    }
}

/// `python PROGRAM` in a fresh lab; Some(report) when it differs from the recorded fixture.
pub fn differs(program: &str, source: &str, fixture: &serde_json::Value) -> Option<String> {
    use alembic_lab::lab::{Lab, Sources};
    let expected: Vec<String> =
        fixture["output"].as_array().into_iter().flatten().map(|l| l.as_str().unwrap_or_default().to_string()).collect();
    let mut lab = Lab::new(Sources::default());
    if let Err(e) = lab.write_file(program, source) {
        return Some(format!("{program}: cannot write: {e:?}"));
    }
    let result = lab.run(&format!("python {program}"));
    let ok_expected = fixture["exit"].as_i64() == Some(0);
    if result.ok() == ok_expected && shape(&result.output) == shape(&expected) {
        return None;
    }
    Some(format!(
        "{program} (exit {}, lab {}):\n--- CPython\n{}\n--- lab\n{}",
        fixture["exit"],
        if result.ok() { "ok" } else { "error" },
        expected.join("\n"),
        result.output.join("\n")
    ))
}
