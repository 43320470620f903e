//! When the console needs more lines before it can run what was typed, as Python's REPL decides
//! it (its `...` prompt): inside an open bracket, a triple-quoted string or a `\` continuation,
//! after a line that opens a block, and for a compound statement until a blank line ends it.

use super::lexer::{tokenize, TokenKind};

const COMPOUND: &[&str] = &["if", "for", "while", "def", "class", "with", "try", "async"];

/// Whether `source` (the lines typed so far, joined by `\n`) is still incomplete.
pub fn needs_more(source: &str) -> bool {
    let last_line = source.rsplit('\n').next().unwrap_or_default();
    if last_line.trim_end_matches('\r').ends_with('\\') {
        return true;
    }
    let tokens = match tokenize(source) {
        Ok(tokens) => tokens,
        Err(error) => {
            let message = error.message();
            return message.ends_with("was never closed") || message.ends_with("unterminated triple-quoted string literal");
        }
    };
    let meaningful: Vec<&TokenKind> =
        tokens.iter().map(|t| &t.kind).filter(|k| !matches!(k, TokenKind::Newline | TokenKind::Dedent | TokenKind::End)).collect();
    let Some(first) = meaningful.first() else { return false };
    if meaningful.last() == Some(&&TokenKind::Op(":")) {
        return true;
    }
    let compound = match first {
        TokenKind::Name(word) => COMPOUND.contains(&word.as_str()),
        TokenKind::Op("@") => true,
        _ => false,
    };
    let block = compound || meaningful.contains(&&TokenKind::Indent);
    block && !source.ends_with('\n')
}

#[cfg(test)]
mod tests {
    use super::needs_more;

    /// Each case as CPython's `codeop.compile_command(source, "<stdin>", "single")` answers it
    /// (None: more input needed).
    #[test]
    fn asks_for_more_where_python_does() {
        let more = [
            "if 1: pass",
            "x = 1 \\",
            "@dec",
            "class A: pass",
            "x = \"\"\"a",
            "try:\n  pass\nexcept:\n  pass",
            "x = {1:",
            "if 1:\n  pass\nelse:",
            "for i in range(3):",
            "if 1:\n  pass",
            "x = (1,",
        ];
        for source in more {
            assert!(needs_more(source), "{source:?} should ask for more");
        }
        let complete = ["# hi", "", "lambda: 1", "x = (1,\n2)", "if 1:\n  pass\n", "print(1)", "x = 1\ny = 2", "1 +"];
        for source in complete {
            assert!(!needs_more(source), "{source:?} is complete (or an error to show)");
        }
    }
}
