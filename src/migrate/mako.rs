//! `script.py.mako` → Python, the way Mako itself works: the template becomes a Python function
//! that writes its text and the values of its `${…}` expressions, which the lab's interpreter
//! runs. So an edited template changes the next revision file, and its expressions are real
//! Python (`${repr(up_revision)}`, `${imports if imports else ""}`).
//!
//! What Alembic's templates use is here: `${expr}` with filters (`| comma,n`, `h`, `trim`, `n`
//! to leave out the default `str`), `% if` / `% elif` / `% else` / `% for` / `% while` control
//! lines closed by `% endif` / `% endfor` / `% endwhile`, `## comments`, `<%text>` blocks, and
//! a backslash that joins a line to the next. Python blocks (`<% %>`, `<%! %>`) and `<%def>` /
//! `<%include>` tags are refused by name.

use crate::error::{Error, ErrorKind, Result};

/// The names a revision template is rendered with, as Alembic's `generate_revision` passes them.
pub const TEMPLATE_NAMES: &[&str] =
    &["message", "up_revision", "down_revision", "branch_labels", "depends_on", "create_date", "comma", "imports", "upgrades", "downgrades", "config"];

fn template_error(line: usize, message: impl AsRef<str>) -> Error {
    Error::new(ErrorKind::CommandError, format!("script.py.mako, line {line}: {}", message.as_ref()))
}

/// One piece of a template line: text, or an expression with its filters.
enum Piece {
    Text(String),
    Expr { code: String, filters: Vec<String> },
}

/// Splits text into literal pieces and `${…}` expressions (braces inside strings and nested
/// braces are part of the expression).
fn pieces(text: &str, line: usize) -> Result<Vec<Piece>> {
    let mut out = Vec::new();
    let mut literal = String::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '$' && chars.get(i + 1) == Some(&'{') {
            let mut depth = 0;
            let mut quote: Option<char> = None;
            let mut j = i + 2;
            let mut end = None;
            while j < chars.len() {
                let c = chars[j];
                match quote {
                    Some(q) if c == q => quote = None,
                    Some(_) if c == '\\' => j += 1,
                    Some(_) => {}
                    None if c == '\'' || c == '"' => quote = Some(c),
                    None if c == '{' => depth += 1,
                    None if c == '}' && depth == 0 => {
                        end = Some(j);
                        break;
                    }
                    None if c == '}' => depth -= 1,
                    None => {}
                }
                j += 1;
            }
            let Some(end) = end else { return Err(template_error(line, "an expression `${` is not closed by `}`")) };
            if !literal.is_empty() {
                out.push(Piece::Text(std::mem::take(&mut literal)));
            }
            let inner: String = chars[i + 2..end].iter().collect();
            let (code, filters) = split_filters(&inner);
            out.push(Piece::Expr { code, filters });
            i = end + 1;
            continue;
        }
        literal.push(chars[i]);
        i += 1;
    }
    if !literal.is_empty() {
        out.push(Piece::Text(literal));
    }
    Ok(out)
}

/// `expr | comma,n` → the expression and its filters; a `|` inside a string or brackets is
/// Python's own.
fn split_filters(inner: &str) -> (String, Vec<String>) {
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut previous = '\0';
    for (at, c) in inner.char_indices() {
        match quote {
            Some(q) if c == q && previous != '\\' => quote = None,
            Some(_) => {}
            None => match c {
                '\'' | '"' => quote = Some(c),
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth -= 1,
                '|' if depth == 0 => {
                    let filters = inner[at + 1..].split(',').map(|f| f.trim().to_string()).filter(|f| !f.is_empty()).collect();
                    return (inner[..at].trim().to_string(), filters);
                }
                _ => {}
            },
        }
        previous = c;
    }
    (inner.trim().to_string(), Vec::new())
}

/// The Python for one expression's value with its filters: `str` first unless `n` is among them,
/// then each filter in order.
fn filtered(code: &str, filters: &[String]) -> String {
    let mut value = if filters.iter().any(|f| f == "n") { format!("({code})") } else { format!("str({code})") };
    for filter in filters {
        value = match filter.as_str() {
            "n" => continue,
            "trim" => format!("str({value}).strip()"),
            "h" => format!("_mako_escape({value})"),
            "str" | "unicode" => format!("str({value})"),
            other => format!("{other}({value})"),
        };
    }
    value
}

/// The template as the source of a Python module defining `render(**names)`, which returns the
/// rendered text.
pub fn to_python(template: &str) -> Result<String> {
    let mut code = String::from(
        "def _mako_escape(value):\n    return str(value).replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;').replace('\"', '&#34;').replace(\"'\", '&#39;')\n\n\n",
    );
    code.push_str(&format!("def render({}, **_mako_rest):\n    _mako_out = []\n", TEMPLATE_NAMES.join(", ")));
    let mut indent = 1usize;
    let mut opened: Vec<(&str, usize)> = Vec::new();
    let pad = |indent: usize| "    ".repeat(indent);
    let mut text = template.to_string();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut i = 0;
    while i < lines.len() {
        let number = i + 1;
        let line = lines[i];
        let trimmed = line.trim_start();
        if trimmed.starts_with("##") {
            i += 1;
            continue;
        }
        if trimmed.starts_with('%') && !trimmed.starts_with("%%") {
            let control = trimmed[1..].trim();
            let keyword = control.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            match keyword {
                "if" | "for" | "while" | "try" | "with" => {
                    code.push_str(&format!("{}{}\n", pad(indent), control));
                    opened.push((keyword, number));
                    indent += 1;
                }
                "elif" | "else" | "except" | "finally" => {
                    if opened.is_empty() {
                        return Err(template_error(number, format!("`% {keyword}` without an open block")));
                    }
                    code.push_str(&format!("{}pass\n{}{}\n", pad(indent), pad(indent - 1), control));
                }
                "endif" | "endfor" | "endwhile" | "endtry" | "endwith" => {
                    let Some((open, _)) = opened.pop() else {
                        return Err(template_error(number, format!("`% {keyword}` without an open block")));
                    };
                    if format!("end{open}") != keyword {
                        return Err(template_error(number, format!("`% {keyword}` closes a `% {open}` block")));
                    }
                    code.push_str(&format!("{}pass\n", pad(indent)));
                    indent -= 1;
                }
                _ => return Err(template_error(number, format!("unknown control line `% {control}`"))),
            }
            i += 1;
            continue;
        }
        // `<%text>` … `</%text>`: literal, across lines.
        if let Some(start) = line.find("<%text>") {
            let mut literal = line[start + "<%text>".len()..].to_string();
            let before = &line[..start];
            let mut j = i;
            while !literal.contains("</%text>") {
                j += 1;
                let Some(next) = lines.get(j) else { return Err(template_error(number, "<%text> is not closed by </%text>")) };
                literal.push_str(next);
            }
            let (inside, after) = literal.split_once("</%text>").unwrap_or((&literal, ""));
            write_text(&mut code, indent, before, number)?;
            code.push_str(&format!("{}_mako_out.append({})\n", pad(indent), crate::migrate::render::py_str(inside)));
            write_text(&mut code, indent, after, number)?;
            i = j + 1;
            continue;
        }
        for tag in ["<%!", "<%def", "<%include", "<%inherit", "<%block", "<%namespace", "<%page", "<%"] {
            if line.contains(tag) {
                return Err(Error::new(ErrorKind::NotAvailable, format!("not available in this lab: the Mako tag {tag} (script.py.mako, line {number})")));
            }
        }
        // A backslash at the end of a line joins it to the next.
        let content = match line.strip_suffix("\\\n") {
            Some(joined) => joined.to_string(),
            None => line.to_string(),
        };
        write_text(&mut code, indent, &content, number)?;
        i += 1;
    }
    if let Some((open, at)) = opened.pop() {
        return Err(template_error(at, format!("`% {open}` is not closed by `% end{open}`")));
    }
    code.push_str("    return ''.join(_mako_out)\n");
    Ok(code)
}

fn write_text(code: &mut String, indent: usize, text: &str, line: usize) -> Result<()> {
    let pad = "    ".repeat(indent);
    for piece in pieces(&text.replace("%%", "%"), line)? {
        match piece {
            Piece::Text(t) => code.push_str(&format!("{pad}_mako_out.append({})\n", crate::migrate::render::py_str(&t))),
            Piece::Expr { code: expr, filters } => code.push_str(&format!("{pad}_mako_out.append({})\n", filtered(&expr, &filters))),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn expressions_filters_and_control_lines_become_python() {
        let code = to_python("a ${x | comma,n} b\n% if y:\nyes ${y}\n% else:\nno\n% endif\n## gone\n<%text>${raw}</%text>\njoined \\\nline\n").unwrap();
        assert!(code.contains("_mako_out.append((comma(x)))") || code.contains("_mako_out.append(comma((x)))"), "{code}");
        assert!(code.contains("    if y:\n"), "{code}");
        assert!(code.contains("_mako_out.append('${raw}')"), "{code}");
        assert!(!code.contains("gone"));
        assert!(code.contains("_mako_out.append('joined ')\n    _mako_out.append('line\\n')"), "{code}");
    }

    #[test]
    fn unbalanced_blocks_are_errors_naming_the_line() {
        assert_eq!(to_python("% if x:\nyes\n").unwrap_err().message(), "script.py.mako, line 1: `% if` is not closed by `% endif`");
        assert_eq!(to_python("% endfor\n").unwrap_err().message(), "script.py.mako, line 1: `% endfor` without an open block");
        assert!(to_python("${x\n").is_err());
    }
}
