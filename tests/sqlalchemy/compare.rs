//! How a lab run of a SQLAlchemy program is compared with what CPython + SQLAlchemy printed:
//! line for line, after blanking what differs between any two runs — the echo log's clock
//! (`2026-11-30 06:31:12,023`), its measured times (`[generated in 0.00009s]`, `[cached since
//! 0.0024s ago]`, `[no key 0.00004s]`) and object addresses (`0x7f…`).

/// One output line with the run-dependent figures replaced by fixed marks.
pub fn normalize(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    // `YYYY-MM-DD HH:MM:SS,mmm` where an echo line starts (after any console prompts).
    let is_stamp = |bytes: &[u8]| {
        bytes.len() >= 23
            && bytes[..23].iter().enumerate().all(|(i, b)| match i {
                4 | 7 => *b == b'-',
                10 => *b == b' ',
                13 | 16 => *b == b':',
                19 => *b == b',',
                _ => b.is_ascii_digit(),
            })
    };
    let mut rest = line;
    while let Some(after) = rest.strip_prefix(">>> ").or_else(|| rest.strip_prefix("... ")) {
        out.push_str(&rest[..4]);
        rest = after;
    }
    if is_stamp(rest.as_bytes()) {
        out.push_str("<time>");
        rest = &rest[23..];
    }
    let mut chars = rest.char_indices().peekable();
    let mut text = String::new();
    while let Some((at, c)) = chars.next() {
        if c == '0' && rest[at..].starts_with("0x") && rest[at + 2..].starts_with(|c: char| c.is_ascii_hexdigit()) {
            text.push_str("0x…");
            chars.next();
            while chars.peek().is_some_and(|(_, c)| c.is_ascii_hexdigit()) {
                chars.next();
            }
            continue;
        }
        text.push(c);
    }
    for (prefix, suffix) in [("[generated in ", "s"), ("[cached since ", "s ago"), ("[no key ", "s")] {
        if let Some(start) = text.find(prefix) {
            let from = start + prefix.len();
            if let Some(len) = text[from..].find(suffix) {
                let figure = &text[from..from + len];
                if !figure.is_empty() && figure.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | '-')) {
                    text.replace_range(from..from + len, "<t>");
                }
            }
        }
    }
    out.push_str(&text);
    out
}

/// Whether the lab's lines match the recorded ones; a report of the first difference if not.
pub fn differs(program: &str, source: &str, fixture: &serde_json::Value) -> Option<String> {
    use alembic_lab::lab::{Lab, Sources};
    let expected: Vec<String> = fixture["output"].as_array().into_iter().flatten().map(|l| normalize(l.as_str().unwrap_or_default())).collect();
    let mut lab = Lab::new(Sources::default());
    if let Err(e) = lab.write_file(program, source) {
        return Some(format!("{program}: cannot write: {e:?}"));
    }
    let result = lab.run(&format!("python {program}"));
    let got: Vec<String> = result.output.iter().map(|l| normalize(l)).collect();
    let ok_expected = fixture["exit"].as_i64() == Some(0);
    if result.ok() == ok_expected && got == expected {
        return None;
    }
    let first = got.iter().zip(expected.iter()).position(|(a, b)| a != b).unwrap_or(got.len().min(expected.len()));
    Some(format!(
        "{program} (exit {}, lab {}), first difference at line {}:\n--- CPython + SQLAlchemy\n{}\n--- lab\n{}",
        fixture["exit"],
        if result.ok() { "ok" } else { "error" },
        first + 1,
        expected.join("\n"),
        got.join("\n")
    ))
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn run_dependent_figures_are_blanked() {
        assert_eq!(normalize("2026-11-30 06:31:12,023 INFO sqlalchemy.engine.Engine [generated in 0.00009s] (1,)"), "<time> INFO sqlalchemy.engine.Engine [generated in <t>s] (1,)");
        assert_eq!(normalize("INFO:sqlalchemy.engine.Engine:[cached since 1.663e-05s ago] ('x',)"), "INFO:sqlalchemy.engine.Engine:[cached since <t>s ago] ('x',)");
        assert_eq!(normalize("Instance <User at 0x7f9e8e105120> is not bound"), "Instance <User at 0x…> is not bound");
    }
}
