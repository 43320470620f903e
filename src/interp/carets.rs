//! The `^^^^` line CPython 3.11 prints under a traceback's source line: it marks what failed in
//! that frame (the call, the subscript, the operator), unless that is the whole line. A binary
//! operation marks its operands with `~` and its operator with `^`; a subscript marks its value
//! with `~` and the brackets with `^`.

use crate::python::{parse_module, ExprKind, Span, StmtKind};

/// The marker line for `span` under `source_line` (the file's line, unstripped), or None when
/// nothing would be drawn.
pub(super) fn markers(source_line: &str, span: Span) -> Option<String> {
    let chars: Vec<char> = source_line.chars().collect();
    let leading = chars.iter().take_while(|c| c.is_whitespace()).count();
    let stripped_len = source_line.trim().chars().count();
    let start = (span.col as usize).checked_sub(1)?;
    // A span over several lines is marked to the end of its first.
    let end = if span.end_line == span.line { (span.end_col as usize).checked_sub(1)? } else { leading + stripped_len };
    if start < leading || end <= start || end > chars.len() {
        return None;
    }
    let anchors = if span.end_line == span.line { anchors(&chars[start..end].iter().collect::<String>()) } else { None };
    if end - start >= stripped_len && anchors.is_none() {
        return None;
    }
    let mut line = format!("    {}", " ".repeat(start - leading));
    match anchors {
        Some((left, right)) => {
            line.push_str(&"~".repeat(left));
            line.push_str(&"^".repeat(right - left));
            line.push_str(&"~".repeat((end - start).saturating_sub(right)));
        }
        None => line.push_str(&"^".repeat(end - start)),
    }
    Some(line)
}

/// Where the `^` part of a binary operation or a subscript starts and ends in `segment` (the
/// failing expression's own text), in characters; None for anything else.
fn anchors(segment: &str) -> Option<(usize, usize)> {
    let module = parse_module(segment).ok()?;
    let [stmt] = module.body.as_slice() else { return None };
    let StmtKind::Expr(expr) = &stmt.kind else { return None };
    let chars: Vec<char> = segment.chars().collect();
    let offset = |line: u32, col: u32| (line == 1).then(|| (col as usize).saturating_sub(1));
    match &expr.kind {
        ExprKind::BinOp { left, right, .. } => {
            let from = offset(left.span.end_line, left.span.end_col)?;
            let to = offset(right.span.line, right.span.col)?.min(chars.len());
            let mut found = None;
            // The operator is the first character after the left operand that is neither space
            // nor a closing parenthesis (CPython 3.11's rule, two-character operators included).
            for i in from..to {
                if chars[i].is_whitespace() {
                    continue;
                }
                let wide = i + 1 < to && !chars[i + 1].is_whitespace();
                found = Some((i, if wide { i + 2 } else { i + 1 }));
                if chars[i] == ')' && i + 1 < to {
                    continue;
                }
                break;
            }
            found
        }
        ExprKind::Subscript { value, index } => {
            // The brackets start after the value's closing parentheses and end past the `]`.
            let mut left = offset(value.span.end_line, value.span.end_col)?;
            while left < chars.len() && (chars[left].is_whitespace() || chars[left] == ')') {
                left += 1;
            }
            let mut right = offset(index.span.end_line, index.span.end_col)? + 1;
            while right < chars.len() && (chars[right].is_whitespace() || chars[right] == ']') {
                right += 1;
            }
            (left < right && right <= chars.len()).then_some((left, right))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn span(line: u32, col: u32, end_line: u32, end_col: u32) -> Span {
        Span { line, col, end_line, end_col }
    }

    // Each expected line is what CPython 3.11.7 printed for the same line and failing expression.
    #[test]
    fn a_call_that_is_not_the_whole_line_is_marked() {
        assert_eq!(markers("print(f(d))", span(1, 7, 1, 11)).as_deref(), Some("          ^^^^"));
        assert_eq!(markers("    g()", span(1, 5, 1, 8)), None);
        assert_eq!(markers("f()   # x", span(1, 1, 1, 4)).as_deref(), Some("    ^^^"));
    }

    #[test]
    fn binary_operations_mark_the_operator() {
        assert_eq!(markers("    return x / y", span(1, 12, 1, 17)).as_deref(), Some("           ~~^~~"));
        assert_eq!(markers("x = 2 ** \"a\"", span(1, 5, 1, 13)).as_deref(), Some("        ~~^^~~~~"));
        assert_eq!(markers("x = 1 +   \"a\"", span(1, 5, 1, 14)).as_deref(), Some("        ~~^~~~~~~"));
        assert_eq!(markers("x = (1) + \"a\"", span(1, 5, 1, 14)).as_deref(), Some("        ~~~~^~~~~"));
        assert_eq!(markers("1/0", span(1, 1, 1, 4)).as_deref(), Some("    ~^~"));
        assert_eq!(markers("x = \"é\" + 1", span(1, 5, 1, 12)).as_deref(), Some("        ~~~~^~~"));
    }

    #[test]
    fn subscripts_mark_the_brackets() {
        assert_eq!(markers("    return x[\"b\"] + 1", span(1, 12, 1, 18)).as_deref(), Some("           ~^^^^^"));
        assert_eq!(markers("x[\"b\"]", span(1, 1, 1, 7)).as_deref(), Some("    ~^^^^^"));
        assert_eq!(markers("x = {\"k\": 1}[\"zz\"]", span(1, 5, 1, 19)).as_deref(), Some("        ~~~~~~~~^^^^^^"));
        assert_eq!(markers("y = x[\"b\" ]", span(1, 5, 1, 12)).as_deref(), Some("        ~^^^^^^"));
        assert_eq!(markers("y = ((x) )[\"b\"] ", span(1, 5, 1, 16)).as_deref(), Some("        ~~~~~~^^^^^"));
    }

    #[test]
    fn a_span_over_several_lines_is_marked_to_the_end_of_its_first() {
        assert_eq!(markers("z = (1 +", span(1, 5, 2, 12)).as_deref(), Some("        ^^^^"));
        assert_eq!(markers("raise ValueError(", span(1, 1, 2, 12)), None);
    }
}
