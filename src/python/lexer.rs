//! Python source → tokens, with Python's own rules for what a learner's files rely on: indentation
//! as INDENT / DEDENT, newlines ignored inside brackets and after a backslash, comments, every
//! string form (single, double, triple-quoted, raw, bytes, f-strings), numbers as written.

use crate::error::{Error, ErrorKind, Result};

/// What a token is. Positions are kept beside it in [`Token`].
#[derive(Debug, Clone, PartialEq)]
pub enum TokenKind {
    Name(String),
    /// A number exactly as written (`120`, `1.5`, `0x1F`, `1_000`).
    Number(String),
    /// A string literal after escapes; `prefix` holds its lower-cased prefix letters (`f`, `b`, `rb` …).
    Str { value: String, prefix: String },
    /// An operator or delimiter (`(`, `->`, `**`, `:` …).
    Op(&'static str),
    Newline,
    Indent,
    Dedent,
    End,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub kind: TokenKind,
    /// 1-based line and column (in characters) where the token starts.
    pub line: u32,
    pub col: u32,
    /// Line and column just past its last character.
    pub end_line: u32,
    pub end_col: u32,
}

/// Operators and delimiters, longest first so `**=` wins over `**` and `*`.
const OPERATORS: &[&str] = &[
    "**=", "//=", ">>=", "<<=", "...", "->", "**", "//", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=",
    "%=", "&=", "|=", "^=", ":=", "<<", ">>", "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<",
    ">", "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "=",
];

/// Deepest indentation the lexer accepts; Python's own limit is 100.
const MAX_INDENT_LEVELS: usize = 100;

pub fn syntax_error(line: u32, col: u32, message: impl AsRef<str>) -> Error {
    Error::new(ErrorKind::SyntaxError, format!("line {line}, col {col}: {}", message.as_ref()))
}

struct Lexer {
    chars: Vec<char>,
    pos: usize,
    line: u32,
    col: u32,
    tokens: Vec<Token>,
    indents: Vec<usize>,
    brackets: Vec<(char, u32, u32)>,
}

/// Splits a whole file into tokens, ending with NEWLINE, the DEDENTs that close open blocks and END.
pub fn tokenize(source: &str) -> Result<Vec<Token>> {
    tokenize_at(source, 1, 1)
}

/// Tokenizes text that starts at `line`, `col` of a file (an f-string's replacement field), so
/// its tokens carry the file's positions.
pub fn tokenize_at(source: &str, line: u32, col: u32) -> Result<Vec<Token>> {
    let mut lexer = Lexer {
        chars: source.chars().collect(),
        pos: 0,
        line,
        col,
        tokens: Vec::new(),
        indents: vec![0],
        brackets: Vec::new(),
    };
    lexer.run()?;
    Ok(lexer.tokens)
}

impl Lexer {
    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos + ahead).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.chars.get(self.pos).copied()?;
        self.pos += 1;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn push(&mut self, kind: TokenKind, line: u32, col: u32) {
        self.tokens.push(Token { kind, line, col, end_line: self.line, end_col: self.col });
    }

    fn last_is_newline_or_start(&self) -> bool {
        matches!(self.tokens.last().map(|t| &t.kind), None | Some(TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent))
    }

    fn run(&mut self) -> Result<()> {
        let mut at_line_start = true;
        loop {
            if at_line_start && self.brackets.is_empty() {
                if self.indentation()? {
                    continue; // a blank or comment-only line: measure the next one
                }
                at_line_start = false;
            }
            let Some(c) = self.peek(0) else { break };
            let (line, col) = (self.line, self.col);
            match c {
                '\n' => {
                    self.bump();
                    if self.brackets.is_empty() {
                        if !self.last_is_newline_or_start() {
                            self.push(TokenKind::Newline, line, col);
                        }
                        at_line_start = true;
                    }
                }
                ' ' | '\t' | '\x0c' | '\r' => {
                    self.bump();
                }
                '#' => {
                    while self.peek(0).is_some_and(|c| c != '\n') {
                        self.bump();
                    }
                }
                '\\' => {
                    self.bump();
                    if self.peek(0) == Some('\r') {
                        self.bump();
                    }
                    if self.bump() != Some('\n') {
                        return Err(syntax_error(line, col, "unexpected character after line continuation character"));
                    }
                }
                c if c.is_alphabetic() || c == '_' => self.name_or_string()?,
                c if c.is_ascii_digit() || (c == '.' && self.peek(1).is_some_and(|d| d.is_ascii_digit())) => self.number(),
                '"' | '\'' => self.string(String::new(), line, col)?,
                _ => self.operator(line, col)?,
            }
        }
        if let Some(&(open, line, col)) = self.brackets.last() {
            return Err(syntax_error(line, col, format!("'{open}' was never closed")));
        }
        let (line, col) = (self.line, self.col);
        if !self.last_is_newline_or_start() {
            self.push(TokenKind::Newline, line, col);
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.push(TokenKind::Dedent, line, col);
        }
        self.push(TokenKind::End, line, col);
        Ok(())
    }

    /// Measures the indentation of a new line and emits INDENT / DEDENT. Returns true when the line
    /// is blank or holds only a comment (it then has been consumed and counts for nothing).
    fn indentation(&mut self) -> Result<bool> {
        let mut width = 0;
        while let Some(c) = self.peek(0) {
            match c {
                ' ' => width += 1,
                '\t' => width = (width / 8 + 1) * 8,
                '\x0c' => width = 0,
                _ => break,
            }
            self.bump();
        }
        match self.peek(0) {
            None => return Ok(false),
            Some('\n') => {
                self.bump();
                return Ok(true);
            }
            Some('\r') if self.peek(1) == Some('\n') => {
                self.bump();
                self.bump();
                return Ok(true);
            }
            Some('#') => {
                while self.peek(0).is_some_and(|c| c != '\n') {
                    self.bump();
                }
                self.bump();
                return Ok(true);
            }
            _ => {}
        }
        let (line, col) = (self.line, self.col);
        let current = self.indents.last().copied().unwrap_or(0);
        if width > current {
            if self.indents.len() > MAX_INDENT_LEVELS {
                return Err(syntax_error(line, col, "too many levels of indentation"));
            }
            self.indents.push(width);
            self.push(TokenKind::Indent, line, col);
        } else {
            while width < self.indents.last().copied().unwrap_or(0) {
                self.indents.pop();
                self.push(TokenKind::Dedent, line, col);
            }
            if width != self.indents.last().copied().unwrap_or(0) {
                return Err(syntax_error(line, col, "unindent does not match any outer indentation level"));
            }
        }
        Ok(false)
    }

    fn name_or_string(&mut self) -> Result<()> {
        let (line, col) = (self.line, self.col);
        let start = self.pos;
        while self.peek(0).is_some_and(|c| c.is_alphanumeric() || c == '_') {
            self.bump();
        }
        let word: String = self.chars[start..self.pos].iter().collect();
        let lower = word.to_ascii_lowercase();
        let is_prefix = matches!(lower.as_str(), "r" | "b" | "f" | "u" | "rb" | "br" | "fr" | "rf");
        if is_prefix && matches!(self.peek(0), Some('"' | '\'')) {
            return self.string(lower, line, col);
        }
        self.push(TokenKind::Name(word), line, col);
        Ok(())
    }

    fn number(&mut self) {
        let (line, col) = (self.line, self.col);
        let start = self.pos;
        let mut prev = '\0';
        while let Some(c) = self.peek(0) {
            let exponent_sign = (c == '+' || c == '-') && matches!(prev, 'e' | 'E') && !self.is_hex(start);
            if c.is_ascii_alphanumeric() || c == '_' || c == '.' || exponent_sign {
                prev = c;
                self.bump();
            } else {
                break;
            }
        }
        let text: String = self.chars[start..self.pos].iter().collect();
        self.push(TokenKind::Number(text), line, col);
    }

    fn is_hex(&self, start: usize) -> bool {
        matches!(self.chars.get(start + 1), Some('x' | 'X')) && self.chars.get(start) == Some(&'0')
    }

    fn string(&mut self, prefix: String, line: u32, col: u32) -> Result<()> {
        let Some(quote) = self.bump() else {
            return Err(syntax_error(line, col, "unterminated string literal"));
        };
        let triple = self.peek(0) == Some(quote) && self.peek(1) == Some(quote);
        if triple {
            self.bump();
            self.bump();
        }
        let raw = prefix.contains('r');
        // A bytes literal's value holds one char per byte (U+0000–U+00FF): escapes give any
        // byte, but what is written must be ASCII.
        let bytes = prefix.contains('b');
        let mut value = String::new();
        loop {
            let Some(c) = self.bump() else {
                let what = if triple { "unterminated triple-quoted string literal" } else { "unterminated string literal" };
                return Err(syntax_error(line, col, what));
            };
            if c == quote {
                if !triple {
                    break;
                }
                if self.peek(0) == Some(quote) && self.peek(1) == Some(quote) {
                    self.bump();
                    self.bump();
                    break;
                }
                value.push(c);
            } else if c == '\n' && !triple {
                return Err(syntax_error(line, col, "unterminated string literal"));
            } else if c == '\\' {
                let Some(next) = self.bump() else {
                    return Err(syntax_error(line, col, "unterminated string literal"));
                };
                if bytes && !next.is_ascii() {
                    return Err(syntax_error(line, col, "bytes can only contain ASCII literal characters"));
                }
                if raw || (bytes && matches!(next, 'u' | 'U' | 'N')) {
                    value.push('\\');
                    value.push(next);
                } else {
                    self.escape(next, &mut value, line, col)?;
                }
            } else if bytes && !c.is_ascii() {
                return Err(syntax_error(line, col, "bytes can only contain ASCII literal characters"));
            } else {
                value.push(c);
            }
        }
        self.push(TokenKind::Str { value, prefix }, line, col);
        Ok(())
    }

    fn escape(&mut self, c: char, value: &mut String, line: u32, col: u32) -> Result<()> {
        match c {
            '\n' => {} // a backslash-newline inside a string joins the lines
            'n' => value.push('\n'),
            't' => value.push('\t'),
            'r' => value.push('\r'),
            '0'..='7' => {
                // An octal escape: up to three octal digits (`\0`, `\12`, `\101`).
                let mut code = c.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match self.peek(0).and_then(|d| d.to_digit(8)) {
                        Some(digit) => {
                            self.bump();
                            code = code * 8 + digit;
                        }
                        None => break,
                    }
                }
                value.push(char::from_u32(code).unwrap_or('\u{fffd}'));
            }
            'N' => {
                // Reading `\N{LATIN SMALL LETTER A}` needs Unicode's table of names, which the
                // lab does not carry: say so rather than keep the escape as written.
                return Err(syntax_error(line, col, "named Unicode escapes (\\N{...}) are not available in this lab's Python"));
            }
            'a' => value.push('\x07'),
            'b' => value.push('\x08'),
            'f' => value.push('\x0c'),
            'v' => value.push('\x0b'),
            '\\' | '\'' | '"' => value.push(c),
            'x' | 'u' | 'U' => {
                let digits = match c {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let mut code = 0u32;
                for _ in 0..digits {
                    let digit = self.bump().and_then(|d| d.to_digit(16));
                    let Some(digit) = digit else {
                        return Err(syntax_error(line, col, format!("truncated \\{c} escape in string")));
                    };
                    code = code * 16 + digit;
                }
                value.push(char::from_u32(code).unwrap_or('\u{fffd}'));
            }
            other => {
                // Python keeps unknown escapes as written (with a warning).
                value.push('\\');
                value.push(other);
            }
        }
        Ok(())
    }

    fn operator(&mut self, line: u32, col: u32) -> Result<()> {
        let Some(op) = OPERATORS.iter().find(|op| op.chars().enumerate().all(|(i, c)| self.peek(i) == Some(c))) else {
            let c = self.peek(0).unwrap_or(' ');
            return Err(syntax_error(line, col, format!("invalid character '{c}'")));
        };
        for _ in 0..op.chars().count() {
            self.bump();
        }
        match *op {
            "(" | "[" | "{" => {
                if self.brackets.len() >= 200 {
                    return Err(syntax_error(line, col, "too many nested parentheses"));
                }
                self.brackets.push((op.chars().next().unwrap_or('('), line, col));
            }
            ")" | "]" | "}" => {
                let close = op.chars().next().unwrap_or(')');
                let expected = match self.brackets.pop() {
                    Some(('(', ..)) => ')',
                    Some(('[', ..)) => ']',
                    Some(('{', ..)) => '}',
                    _ => return Err(syntax_error(line, col, format!("unmatched '{close}'"))),
                };
                if close != expected {
                    return Err(syntax_error(line, col, format!("closing parenthesis '{close}' does not match '{expected}'")));
                }
            }
            _ => {}
        }
        self.push(TokenKind::Op(op), line, col);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn kinds(source: &str) -> Vec<TokenKind> {
        tokenize(source).unwrap().into_iter().map(|t| t.kind).collect()
    }

    fn name(s: &str) -> TokenKind {
        TokenKind::Name(s.into())
    }

    #[test]
    fn indentation_becomes_indent_and_dedent() {
        let tokens = kinds("class A:\n    x = 1\n\n    # note\n    y = 2\n\nz = 3\n");
        use TokenKind::*;
        assert_eq!(
            tokens,
            vec![
                name("class"), name("A"), Op(":"), Newline, Indent, name("x"), Op("="), Number("1".into()), Newline,
                name("y"), Op("="), Number("2".into()), Newline, Dedent, name("z"), Op("="), Number("3".into()),
                Newline, End
            ]
        );
    }

    #[test]
    fn newlines_inside_brackets_and_after_backslash_join_lines() {
        let tokens = kinds("f(a,\n  b)\nx = 1 + \\\n  2\n");
        assert_eq!(tokens.iter().filter(|t| **t == TokenKind::Newline).count(), 2);
        assert!(!tokens.contains(&TokenKind::Indent));
    }

    #[test]
    fn strings_in_every_form() {
        let tokens = kinds(r#"a = 'x\'y' "q\n" r'\d' b"\x41" f"<{n}>" """one
two""" '''3'''"#);
        let strings: Vec<(String, String)> = tokens
            .into_iter()
            .filter_map(|t| match t {
                TokenKind::Str { value, prefix } => Some((prefix, value)),
                _ => None,
            })
            .collect();
        let expected = [("", "x'y"), ("", "q\n"), ("r", "\\d"), ("b", "A"), ("f", "<{n}>"), ("", "one\ntwo"), ("", "3")];
        assert_eq!(strings, expected.map(|(p, v)| (p.to_string(), v.to_string())));
    }

    #[test]
    fn numbers_and_operators_keep_their_text() {
        use TokenKind::*;
        assert_eq!(
            kinds("x: int = 1_000 ** 2.5e-3 -> 0x1F"),
            vec![
                name("x"), Op(":"), name("int"), Op("="), Number("1_000".into()), Op("**"), Number("2.5e-3".into()),
                Op("->"), Number("0x1F".into()), Newline, End
            ]
        );
    }

    #[test]
    fn errors_name_the_line_column_and_problem() {
        let cases = [
            ("x = 'abc\n", "line 1, col 5: unterminated string literal"),
            ("x = \"\"\"abc", "line 1, col 5: unterminated triple-quoted string literal"),
            ("f(a, b\n", "line 1, col 2: '(' was never closed"),
            ("x = 1)\n", "line 1, col 6: unmatched ')'"),
            ("f(a]\n", "line 1, col 4: closing parenthesis ']' does not match ')'"),
            ("if x:\n        a\n    b\n", "line 3, col 5: unindent does not match any outer indentation level"),
            ("x = 1 $ 2\n", "line 1, col 7: invalid character '$'"),
            ("x = 1 \\ 2\n", "line 1, col 7: unexpected character after line continuation character"),
        ];
        for (source, message) in cases {
            let err = tokenize(source).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::SyntaxError);
            assert_eq!(err.message(), message, "{source:?}");
        }
    }

    #[test]
    fn windows_line_endings_and_tabs_are_accepted() {
        let tokens = kinds("def f():\r\n\treturn 1\r\n");
        assert!(tokens.contains(&TokenKind::Indent));
        assert!(tokens.contains(&TokenKind::Dedent));
    }
}
