//! Tokens → syntax tree: a recursive-descent parser for the Python that models, revision files and
//! the console use. What is outside the subset is an error naming the construct and its place,
//! never a guess. Nesting is bounded, so no input can overflow the stack.

use super::ast::*;
use super::lexer::{syntax_error, tokenize, tokenize_at, Token, TokenKind};
use crate::error::{Error, Result};

/// How deep expressions and blocks may nest (Python's own parser stops near 200).
const MAX_DEPTH: u32 = 100;

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
    "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// Parses a whole file.
pub fn parse_module(source: &str) -> Result<Module> {
    let mut parser = Parser::new(tokenize(source)?);
    let mut body = Vec::new();
    while !parser.at_end() {
        if parser.eat_kind(&TokenKind::Newline) {
            continue;
        }
        if matches!(parser.peek().kind, TokenKind::Indent) {
            return Err(parser.error_here("unexpected indent"));
        }
        parser.statement(&mut body)?;
    }
    Ok(Module { body })
}

/// Parses one expression (all of `source` must be that expression).
pub fn parse_expression(source: &str) -> Result<Expr> {
    parse_expression_at(source, 1, 1)
}

/// Parses one expression written at `line`, `col` of a file: its spans are the file's.
fn parse_expression_at(source: &str, line: u32, col: u32) -> Result<Expr> {
    let mut parser = Parser::new(tokenize_at(source, line, col)?);
    let expr = parser.test_list()?;
    parser.eat_kind(&TokenKind::Newline);
    if !parser.at_end() {
        return Err(parser.error_here("unexpected text after the expression"));
    }
    Ok(expr)
}

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
    depth: u32,
    /// Where the last token taken (not a NEWLINE, INDENT or DEDENT) ends: the end of the node
    /// being built.
    last_end: (u32, u32),
}

impl Parser {
    fn new(tokens: Vec<Token>) -> Self {
        Parser { tokens, pos: 0, depth: 0, last_end: (1, 1) }
    }

    fn peek(&self) -> &Token {
        // The lexer always ends with END, and the parser never moves past it.
        let last = self.tokens.len().saturating_sub(1);
        &self.tokens[self.pos.min(last)]
    }

    fn peek_at(&self, ahead: usize) -> &TokenKind {
        let last = self.tokens.len().saturating_sub(1);
        &self.tokens[(self.pos + ahead).min(last)].kind
    }

    fn advance(&mut self) -> Token {
        let token = self.peek().clone();
        if !matches!(token.kind, TokenKind::End) {
            self.pos += 1;
        }
        if !matches!(token.kind, TokenKind::End | TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent) {
            self.last_end = (token.end_line, token.end_col);
        }
        token
    }

    fn at_end(&self) -> bool {
        matches!(self.peek().kind, TokenKind::End)
    }

    fn eat_kind(&mut self, kind: &TokenKind) -> bool {
        if &self.peek().kind == kind {
            self.advance();
            true
        } else {
            false
        }
    }

    fn is_op(&self, op: &str) -> bool {
        matches!(&self.peek().kind, TokenKind::Op(o) if *o == op)
    }

    fn eat_op(&mut self, op: &str) -> bool {
        if self.is_op(op) {
            self.advance();
            true
        } else {
            false
        }
    }

    fn is_keyword(&self, word: &str) -> bool {
        matches!(&self.peek().kind, TokenKind::Name(n) if n == word)
    }

    fn eat_keyword(&mut self, word: &str) -> bool {
        if self.is_keyword(word) {
            self.advance();
            true
        } else {
            false
        }
    }

    fn error_here(&self, message: impl AsRef<str>) -> Error {
        let token = self.peek();
        syntax_error(token.line, token.col, message)
    }

    fn expect_op(&mut self, op: &str, context: &str) -> Result<()> {
        if self.eat_op(op) {
            Ok(())
        } else {
            Err(self.error_here(format!("expected '{op}' {context}")))
        }
    }

    fn expect_name(&mut self, context: &str) -> Result<String> {
        match &self.peek().kind {
            TokenKind::Name(name) if !KEYWORDS.contains(&name.as_str()) => {
                let name = name.clone();
                self.advance();
                Ok(name)
            }
            _ => Err(self.error_here(format!("expected a name {context}"))),
        }
    }

    fn expect_statement_end(&mut self) -> Result<()> {
        if self.eat_kind(&TokenKind::Newline) || self.at_end() {
            Ok(())
        } else {
            Err(self.error_here("invalid syntax: expected the end of the statement"))
        }
    }

    fn nested<T>(&mut self, body: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error_here("too deeply nested"));
        }
        self.depth += 1;
        let result = body(self);
        self.depth -= 1;
        result
    }

    // ---- statements ---------------------------------------------------------------------------

    fn statement(&mut self, out: &mut Vec<Stmt>) -> Result<()> {
        let first = out.len();
        self.statement_here(out)?;
        // A compound statement spans to the end of its body (simple ones set their own).
        for stmt in out.iter_mut().skip(first).filter(|s| s.span == Span::default()) {
            stmt.span = Span { line: stmt.line, col: stmt.col, end_line: self.last_end.0, end_col: self.last_end.1 };
        }
        Ok(())
    }

    fn statement_here(&mut self, out: &mut Vec<Stmt>) -> Result<()> {
        let token = self.peek().clone();
        let (line, col) = (token.line, token.col);
        let stmt = |kind| Stmt { kind, line, col, span: Span::default() };
        if self.is_op("@") {
            let mut decorators = Vec::new();
            while self.eat_op("@") {
                decorators.push(self.named_test()?);
                self.expect_statement_end()?;
            }
            if !self.is_keyword("def") && !self.is_keyword("class") {
                return Err(self.error_here("expected 'def' or 'class' after a decorator"));
            }
            let mut defined = Vec::new();
            self.statement(&mut defined)?;
            for mut stmt in defined {
                match &mut stmt.kind {
                    StmtKind::FunctionDef { decorators: d, .. } | StmtKind::ClassDef { decorators: d, .. } => *d = decorators.clone(),
                    _ => {}
                }
                stmt.line = line;
                out.push(stmt);
            }
            return Ok(());
        }
        let TokenKind::Name(word) = &token.kind else {
            return self.simple_statements(out);
        };
        match word.as_str() {
            "class" => {
                self.advance();
                let name = self.expect_name("after 'class'")?;
                let (mut bases, mut keywords) = (Vec::new(), Vec::new());
                if self.eat_op("(") {
                    (bases, keywords) = self.call_arguments()?;
                }
                self.expect_op(":", "after class bases")?;
                let body = self.block("class definition", line)?;
                out.push(stmt(StmtKind::ClassDef { name, bases, keywords, body, decorators: Vec::new() }));
            }
            "def" => {
                self.advance();
                let name = self.expect_name("after 'def'")?;
                self.expect_op("(", "after the function name")?;
                let params = self.parameters(")")?;
                let returns = if self.eat_op("->") { Some(self.test()?) } else { None };
                self.expect_op(":", "after the function signature")?;
                let body = self.block("function definition", line)?;
                out.push(stmt(StmtKind::FunctionDef { name, params, returns, body, decorators: Vec::new() }));
            }
            "if" => {
                self.advance();
                out.push(self.if_statement(line, col)?);
            }
            "for" => {
                self.advance();
                let target = self.target_list()?;
                if !self.eat_keyword("in") {
                    return Err(self.error_here("expected 'in' in the 'for' statement"));
                }
                let iter = self.test_list()?;
                self.expect_op(":", "after the 'for' statement")?;
                let body = self.block("'for' statement", line)?;
                let orelse = self.else_block(line)?;
                out.push(stmt(StmtKind::For { target, iter, body, orelse }));
            }
            "with" => {
                self.advance();
                let mut items = Vec::new();
                loop {
                    let context = self.test()?;
                    let alias = if self.eat_keyword("as") { Some(self.target()?) } else { None };
                    items.push((context, alias));
                    if !self.eat_op(",") {
                        break;
                    }
                }
                self.expect_op(":", "after the 'with' statement")?;
                let body = self.block("'with' statement", line)?;
                out.push(stmt(StmtKind::With { items, body }));
            }
            "while" if self.looks_like_compound() => {
                self.advance();
                let test = self.named_test()?;
                self.expect_op(":", "after the 'while' condition")?;
                let body = self.block("'while' statement", line)?;
                let orelse = self.else_block(line)?;
                out.push(stmt(StmtKind::While { test, body, orelse }));
            }
            "try" if self.looks_like_compound() => {
                self.advance();
                self.expect_op(":", "after 'try'")?;
                let body = self.block("'try' statement", line)?;
                let mut handlers = Vec::new();
                while self.is_keyword("except") {
                    let at = self.advance().line;
                    let (type_, name) = if self.is_op(":") {
                        (None, None)
                    } else {
                        let type_ = self.test()?;
                        let name = if self.eat_keyword("as") { Some(self.expect_name("after 'as'")?) } else { None };
                        (Some(type_), name)
                    };
                    self.expect_op(":", "after 'except'")?;
                    let body = self.block("'except' statement", at)?;
                    handlers.push(ExceptHandler { type_, name, body, line: at });
                }
                let orelse = if handlers.is_empty() { Vec::new() } else { self.else_block(line)? };
                let finalbody = if self.eat_keyword("finally") {
                    self.expect_op(":", "after 'finally'")?;
                    self.block("'finally' statement", line)?
                } else {
                    Vec::new()
                };
                if handlers.is_empty() && finalbody.is_empty() {
                    return Err(self.error_here("expected 'except' or 'finally' block"));
                }
                out.push(stmt(StmtKind::Try { body, handlers, orelse, finalbody }));
            }
            "async" | "match" if self.looks_like_compound() => {
                return Err(self.error_here(format!("'{word}' statements are not supported here")));
            }
            _ => return self.simple_statements(out),
        }
        Ok(())
    }

    /// `match` is only a keyword at the start of a `match x:` block; elsewhere it is a name.
    fn looks_like_compound(&self) -> bool {
        match &self.peek().kind {
            TokenKind::Name(n) if n == "match" => !matches!(self.peek_at(1), TokenKind::Op("=" | "." | "(" | "[")),
            _ => true,
        }
    }

    /// `else:` after a loop or a `try`, if there is one.
    fn else_block(&mut self, line: u32) -> Result<Vec<Stmt>> {
        if !self.eat_keyword("else") {
            return Ok(Vec::new());
        }
        self.expect_op(":", "after 'else'")?;
        self.block("'else' statement", line)
    }

    fn if_statement(&mut self, line: u32, col: u32) -> Result<Stmt> {
        let test = self.named_test()?;
        self.expect_op(":", "after the 'if' condition")?;
        let body = self.block("'if' statement", line)?;
        let orelse = if self.is_keyword("elif") {
            let token = self.advance();
            vec![self.if_statement(token.line, token.col)?]
        } else if self.eat_keyword("else") {
            self.expect_op(":", "after 'else'")?;
            self.block("'else' statement", line)?
        } else {
            Vec::new()
        };
        Ok(Stmt { kind: StmtKind::If { test, body, orelse }, line, col, span: Span::default() })
    }

    /// An indented block after `:` (or statements on the same line: `def f(): pass`).
    fn block(&mut self, what: &str, line: u32) -> Result<Vec<Stmt>> {
        self.nested(|p| {
            let mut body = Vec::new();
            if !p.eat_kind(&TokenKind::Newline) {
                p.simple_statements(&mut body)?;
                return Ok(body);
            }
            if !p.eat_kind(&TokenKind::Indent) {
                return Err(p.error_here(format!("expected an indented block after {what} on line {line}")));
            }
            while !p.eat_kind(&TokenKind::Dedent) {
                if p.at_end() {
                    break;
                }
                if matches!(p.peek().kind, TokenKind::Indent) {
                    return Err(p.error_here("unexpected indent"));
                }
                p.statement(&mut body)?;
            }
            Ok(body)
        })
    }

    fn simple_statements(&mut self, out: &mut Vec<Stmt>) -> Result<()> {
        loop {
            let mut stmt = self.simple_statement()?;
            stmt.span = Span { line: stmt.line, col: stmt.col, end_line: self.last_end.0, end_col: self.last_end.1 };
            out.push(stmt);
            if !self.eat_op(";") || matches!(self.peek().kind, TokenKind::Newline | TokenKind::End) {
                break;
            }
        }
        self.expect_statement_end()
    }

    fn simple_statement(&mut self) -> Result<Stmt> {
        let token = self.peek().clone();
        let (line, col) = (token.line, token.col);
        let stmt = |kind| Ok(Stmt { kind, line, col, span: Span::default() });
        if let TokenKind::Name(word) = &token.kind {
            match word.as_str() {
                "pass" => {
                    self.advance();
                    return stmt(StmtKind::Pass);
                }
                "break" => {
                    self.advance();
                    return stmt(StmtKind::Break);
                }
                "continue" => {
                    self.advance();
                    return stmt(StmtKind::Continue);
                }
                "return" => {
                    self.advance();
                    let value = if self.at_statement_end() { None } else { Some(self.test_list()?) };
                    return stmt(StmtKind::Return(value));
                }
                "raise" => {
                    self.advance();
                    let exc = if self.at_statement_end() { None } else { Some(self.test()?) };
                    let cause = if exc.is_some() && self.eat_keyword("from") { Some(self.test()?) } else { None };
                    return stmt(StmtKind::Raise { exc, cause });
                }
                "assert" => {
                    self.advance();
                    let test = self.test()?;
                    let msg = if self.eat_op(",") { Some(self.test()?) } else { None };
                    return stmt(StmtKind::Assert { test, msg });
                }
                "del" => {
                    self.advance();
                    let mut targets = Vec::new();
                    loop {
                        let target = self.target()?;
                        check_target(&target)?;
                        targets.push(target);
                        if !self.eat_op(",") || self.at_statement_end() {
                            break;
                        }
                    }
                    return stmt(StmtKind::Delete(targets));
                }
                "global" | "nonlocal" => {
                    let global = word == "global";
                    self.advance();
                    let mut names = vec![self.expect_name("after 'global' or 'nonlocal'")?];
                    while self.eat_op(",") {
                        names.push(self.expect_name("after ','")?);
                    }
                    return stmt(if global { StmtKind::Global(names) } else { StmtKind::Nonlocal(names) });
                }
                "import" => {
                    self.advance();
                    let mut names = Vec::new();
                    loop {
                        let module = self.dotted_name()?;
                        let alias = if self.eat_keyword("as") { Some(self.expect_name("after 'as'")?) } else { None };
                        names.push((module, alias));
                        if !self.eat_op(",") {
                            break;
                        }
                    }
                    return stmt(StmtKind::Import(names));
                }
                "from" => {
                    self.advance();
                    return self.import_from().map(|kind| Stmt { kind, line, col, span: Span::default() });
                }
                "yield" => {
                    self.advance();
                    let from = self.eat_keyword("from");
                    let value = if self.at_statement_end() { None } else { Some(Box::new(self.test_list()?)) };
                    return stmt(StmtKind::Expr(self.expr(ExprKind::Yield { value, from }, line, col)));
                }
                "await" | "async" | "try" | "while"
                | "except" | "finally" | "else" | "elif" | "lambda" | "class" | "def" | "with" | "for" | "if"
                    if !matches!(self.peek_at(1), TokenKind::Op("=" | "." | "(")) || word == "lambda" =>
                {
                    if word == "lambda" {
                        let expr = self.test_list()?;
                        return stmt(StmtKind::Expr(expr));
                    }
                    return Err(self.error_here(format!("'{word}' is not supported here")));
                }
                _ => {}
            }
        }
        let first = self.star_test_list()?;
        if self.eat_op(":") {
            let annotation = self.test()?;
            let value = if self.eat_op("=") { Some(self.star_test_list()?) } else { None };
            return stmt(StmtKind::AnnAssign { target: first, annotation, value });
        }
        if let TokenKind::Op(op) = self.peek().kind {
            if op.len() >= 2 && op.ends_with('=') && !matches!(op, "==" | "<=" | ">=" | "!=") {
                self.advance();
                let value = self.test_list()?;
                return stmt(StmtKind::AugAssign { target: first, op, value });
            }
        }
        if self.is_op("=") {
            let mut targets = vec![first];
            let mut value;
            loop {
                self.advance();
                // `received = yield value`: what the generator is sent.
                if self.is_keyword("yield") {
                    let (line, col) = (self.peek().line, self.peek().col);
                    self.advance();
                    let from = self.eat_keyword("from");
                    let yielded = if self.at_statement_end() { None } else { Some(Box::new(self.test_list()?)) };
                    value = self.expr(ExprKind::Yield { value: yielded, from }, line, col);
                    break;
                }
                value = self.star_test_list()?;
                if !self.is_op("=") {
                    break;
                }
                targets.push(value);
            }
            for target in &targets {
                check_target(target)?;
            }
            return stmt(StmtKind::Assign { targets, value });
        }
        stmt(StmtKind::Expr(first))
    }

    fn at_statement_end(&self) -> bool {
        matches!(self.peek().kind, TokenKind::Newline | TokenKind::End) || self.is_op(";")
    }

    fn dotted_name(&mut self) -> Result<String> {
        let mut name = self.expect_name("(a module name)")?;
        while self.eat_op(".") {
            name.push('.');
            name.push_str(&self.expect_name("after '.' in a module name")?);
        }
        Ok(name)
    }

    fn import_from(&mut self) -> Result<StmtKind> {
        let mut level = 0;
        while self.is_op(".") || self.is_op("...") {
            level += if self.eat_op("...") { 3 } else { u32::from(self.eat_op(".")) };
        }
        let module = if self.is_keyword("import") { String::new() } else { self.dotted_name()? };
        if !self.eat_keyword("import") {
            return Err(self.error_here("expected 'import' in the 'from' statement"));
        }
        let parenthesized = self.eat_op("(");
        let mut names = Vec::new();
        if self.eat_op("*") {
            names.push(("*".to_string(), None));
        } else {
            loop {
                let name = self.expect_name("to import")?;
                let alias = if self.eat_keyword("as") { Some(self.expect_name("after 'as'")?) } else { None };
                names.push((name, alias));
                if !self.eat_op(",") || (parenthesized && self.is_op(")")) {
                    break;
                }
            }
        }
        if parenthesized {
            self.expect_op(")", "to close the import list")?;
        }
        Ok(StmtKind::FromImport { module, level, names })
    }

    fn parameters(&mut self, close: &str) -> Result<Vec<Param>> {
        let mut params = Vec::new();
        while !self.eat_op(close) {
            let star = if self.eat_op("**") {
                "**"
            } else if self.eat_op("*") {
                "*"
            } else if self.eat_op("/") {
                // The parameters before it are positional-only. Kept as a nameless `/`.
                params.push(Param { name: String::new(), star: "/", annotation: None, default: None });
                if !self.eat_op(",") {
                    self.expect_op(close, "to close the parameters")?;
                    break;
                }
                continue;
            } else {
                ""
            };
            if star == "*" && (self.is_op(",") || self.is_op(close)) {
                // A bare `*`: the parameters after it are keyword-only. Kept as a nameless `*`.
                params.push(Param { name: String::new(), star, annotation: None, default: None });
                if !self.eat_op(",") {
                    self.expect_op(close, "to close the parameters")?;
                    break;
                }
                continue;
            }
            let name = self.expect_name("for a parameter")?;
            let annotation = if close == ")" && self.eat_op(":") { Some(self.test()?) } else { None };
            let default = if self.eat_op("=") { Some(self.test()?) } else { None };
            params.push(Param { name, star, annotation, default });
            if !self.eat_op(",") {
                self.expect_op(close, "to close the parameters")?;
                break;
            }
        }
        Ok(params)
    }

    // ---- expressions --------------------------------------------------------------------------

    fn expr(&self, kind: ExprKind, line: u32, col: u32) -> Expr {
        self.expr_from(kind, line, col, (line, col))
    }

    /// A node whose reported `line`/`col` is its operator or bracket, starting at `start`.
    fn expr_from(&self, kind: ExprKind, line: u32, col: u32, start: (u32, u32)) -> Expr {
        let span = Span { line: start.0, col: start.1, end_line: self.last_end.0, end_col: self.last_end.1 };
        Expr { kind, line, col, span }
    }

    fn start(&self) -> (u32, u32) {
        (self.peek().line, self.peek().col)
    }

    /// `a, b` as a tuple, or a single expression.
    fn test_list(&mut self) -> Result<Expr> {
        self.sequence(Self::test)
    }

    fn star_test_list(&mut self) -> Result<Expr> {
        self.sequence(Self::star_test)
    }

    fn target_list(&mut self) -> Result<Expr> {
        let target = self.sequence(Self::target)?;
        check_target(&target)?;
        Ok(target)
    }

    fn target(&mut self) -> Result<Expr> {
        // `for key, *rest in rows:` — a starred item of a target list.
        if self.is_op("*") {
            let token = self.advance();
            let value = self.bitor()?;
            check_target(&value)?;
            return Ok(self.expr(ExprKind::Starred(Box::new(value)), token.line, token.col));
        }
        let target = self.or_test_no_cond()?;
        check_target(&target)?;
        Ok(target)
    }

    fn or_test_no_cond(&mut self) -> Result<Expr> {
        self.bitor()
    }

    fn sequence(&mut self, item: fn(&mut Self) -> Result<Expr>) -> Result<Expr> {
        let (line, col) = (self.peek().line, self.peek().col);
        let first = item(self)?;
        if !self.is_op(",") {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat_op(",") {
            if self.ends_sequence() {
                break;
            }
            items.push(item(self)?);
        }
        Ok(self.expr(ExprKind::Tuple(items), line, col))
    }

    fn ends_sequence(&self) -> bool {
        matches!(self.peek().kind, TokenKind::Newline | TokenKind::End)
            || ["=", ")", "]", "}", ":", ";"].iter().any(|op| self.is_op(op))
            || self.is_keyword("in")
    }

    fn star_test(&mut self) -> Result<Expr> {
        if self.is_op("*") {
            let token = self.advance();
            let value = self.bitor()?;
            return Ok(self.expr(ExprKind::Starred(Box::new(value)), token.line, token.col));
        }
        self.test()
    }

    /// A test that may be `name := value` (an assignment expression).
    fn named_test(&mut self) -> Result<Expr> {
        self.test()
    }

    fn test(&mut self) -> Result<Expr> {
        self.nested(|p| {
            let (line, col) = (p.peek().line, p.peek().col);
            if p.eat_keyword("lambda") {
                let params = p.parameters(":")?;
                let body = p.test()?;
                return Ok(p.expr(ExprKind::Lambda { params, body: Box::new(body) }, line, col));
            }
            let body = p.or_test()?;
            if p.is_op(":=") {
                if !matches!(body.kind, ExprKind::Name(_)) {
                    return Err(p.error_here("cannot use assignment expressions with this expression"));
                }
                p.advance();
                let value = p.test()?;
                return Ok(p.expr(ExprKind::NamedExpr { target: Box::new(body), value: Box::new(value) }, line, col));
            }
            if !p.eat_keyword("if") {
                return Ok(body);
            }
            let test = p.or_test()?;
            if !p.eat_keyword("else") {
                return Err(p.error_here("expected 'else' after the condition of a conditional expression"));
            }
            let orelse = p.test()?;
            let kind = ExprKind::IfExp { test: Box::new(test), body: Box::new(body), orelse: Box::new(orelse) };
            Ok(p.expr(kind, line, col))
        })
    }

    fn bool_op(&mut self, word: &'static str, operand: fn(&mut Self) -> Result<Expr>) -> Result<Expr> {
        let (line, col) = (self.peek().line, self.peek().col);
        let first = operand(self)?;
        if !self.is_keyword(word) {
            return Ok(first);
        }
        let mut values = vec![first];
        while self.eat_keyword(word) {
            values.push(operand(self)?);
        }
        Ok(self.expr(ExprKind::BoolOp { op: word, values }, line, col))
    }

    fn or_test(&mut self) -> Result<Expr> {
        self.bool_op("or", Self::and_test)
    }

    fn and_test(&mut self) -> Result<Expr> {
        self.bool_op("and", Self::not_test)
    }

    fn not_test(&mut self) -> Result<Expr> {
        if self.is_keyword("not") {
            let token = self.advance();
            let operand = self.nested(Self::not_test)?;
            return Ok(self.expr(ExprKind::UnaryOp { op: "not", operand: Box::new(operand) }, token.line, token.col));
        }
        self.comparison()
    }

    fn comparison(&mut self) -> Result<Expr> {
        let (line, col) = (self.peek().line, self.peek().col);
        let left = self.bitor()?;
        let mut ops = Vec::new();
        loop {
            let op = match &self.peek().kind {
                TokenKind::Op(op @ ("<" | ">" | "==" | ">=" | "<=" | "!=")) => {
                    let op = *op;
                    self.advance();
                    op
                }
                TokenKind::Name(n) if n == "in" => {
                    self.advance();
                    "in"
                }
                TokenKind::Name(n) if n == "not" && matches!(self.peek_at(1), TokenKind::Name(m) if m == "in") => {
                    self.advance();
                    self.advance();
                    "not in"
                }
                TokenKind::Name(n) if n == "is" => {
                    self.advance();
                    if self.eat_keyword("not") {
                        "is not"
                    } else {
                        "is"
                    }
                }
                _ => break,
            };
            ops.push((op, self.bitor()?));
        }
        if ops.is_empty() {
            return Ok(left);
        }
        Ok(self.expr(ExprKind::Compare { left: Box::new(left), ops }, line, col))
    }

    fn binary(&mut self, ops: &[&'static str], operand: fn(&mut Self) -> Result<Expr>) -> Result<Expr> {
        let start = self.start();
        let mut left = operand(self)?;
        while let Some(op) = ops.iter().find(|op| self.is_op(op)).copied() {
            let token = self.advance();
            let right = operand(self)?;
            left = self.expr_from(ExprKind::BinOp { left: Box::new(left), op, right: Box::new(right) }, token.line, token.col, start);
        }
        Ok(left)
    }

    fn bitor(&mut self) -> Result<Expr> {
        self.binary(&["|"], Self::bitxor)
    }

    fn bitxor(&mut self) -> Result<Expr> {
        self.binary(&["^"], Self::bitand)
    }

    fn bitand(&mut self) -> Result<Expr> {
        self.binary(&["&"], Self::shift)
    }

    fn shift(&mut self) -> Result<Expr> {
        self.binary(&["<<", ">>"], Self::arith)
    }

    fn arith(&mut self) -> Result<Expr> {
        self.binary(&["+", "-"], Self::term)
    }

    fn term(&mut self) -> Result<Expr> {
        self.binary(&["*", "/", "//", "%", "@"], Self::factor)
    }

    fn factor(&mut self) -> Result<Expr> {
        if let Some(op) = ["-", "+", "~"].into_iter().find(|op| self.is_op(op)) {
            let token = self.advance();
            let operand = self.nested(Self::factor)?;
            return Ok(self.expr(ExprKind::UnaryOp { op, operand: Box::new(operand) }, token.line, token.col));
        }
        let start = self.start();
        let base = self.primary()?;
        if self.is_op("**") {
            let token = self.advance();
            let exponent = self.nested(Self::factor)?;
            let kind = ExprKind::BinOp { left: Box::new(base), op: "**", right: Box::new(exponent) };
            return Ok(self.expr_from(kind, token.line, token.col, start));
        }
        Ok(base)
    }

    fn primary(&mut self) -> Result<Expr> {
        if self.is_keyword("await") {
            return Err(self.error_here("'await' is not supported here"));
        }
        let start = self.start();
        let mut value = self.atom()?;
        loop {
            let (line, col) = (self.peek().line, self.peek().col);
            if self.eat_op("(") {
                let (args, keywords) = self.nested(Self::call_arguments)?;
                // A method call continued on a later line is placed at its name there, as
                // CPython 3.11 places it (`.first()` of a chain split over lines).
                let from = match &value.kind {
                    ExprKind::Attribute { .. } if value.span.line != start.0 => (value.span.line, value.span.col),
                    _ => start,
                };
                value = self.expr_from(ExprKind::Call { func: Box::new(value), args, keywords }, line, col, from);
            } else if self.eat_op("[") {
                let index = self.nested(Self::subscript)?;
                self.expect_op("]", "to close the subscript")?;
                value = self.expr_from(ExprKind::Subscript { value: Box::new(value), index: Box::new(index) }, line, col, start);
            } else if self.eat_op(".") {
                let name_at = self.start();
                let attr = self.expect_name("after '.'")?;
                let from = if name_at.0 != start.0 { name_at } else { start };
                value = self.expr_from(ExprKind::Attribute { value: Box::new(value), attr }, line, col, from);
            } else {
                return Ok(value);
            }
        }
    }

    /// The arguments of a call after `(`, through the closing `)`.
    fn call_arguments(&mut self) -> Result<(Vec<Expr>, Vec<Keyword>)> {
        let mut args = Vec::new();
        let mut keywords = Vec::new();
        while !self.eat_op(")") {
            if self.eat_op("**") {
                keywords.push(Keyword { arg: None, value: self.test()? });
            } else if matches!(self.peek().kind, TokenKind::Name(_)) && matches!(self.peek_at(1), TokenKind::Op("=")) {
                let arg = self.expect_name("for a keyword argument")?;
                self.advance(); // '='
                keywords.push(Keyword { arg: Some(arg), value: self.test()? });
            } else {
                if !keywords.is_empty() && !self.is_op("*") {
                    return Err(self.error_here("positional argument follows keyword argument"));
                }
                let arg = self.star_test()?;
                if self.is_keyword("for") {
                    // `f(x for x in y)`: a generator expression as the only argument.
                    let (line, col) = (arg.line, arg.col);
                    let generators = self.comprehension_clauses()?;
                    args.push(self.expr(ExprKind::GeneratorExp { elt: Box::new(arg), generators }, line, col));
                    self.expect_op(")", "after a generator expression argument")?;
                    break;
                }
                args.push(arg);
            }
            if !self.eat_op(",") {
                self.expect_op(")", "to close the call's arguments")?;
                break;
            }
        }
        Ok((args, keywords))
    }

    fn subscript(&mut self) -> Result<Expr> {
        let (line, col) = (self.peek().line, self.peek().col);
        let mut items = Vec::new();
        loop {
            items.push(self.slice()?);
            if !self.eat_op(",") || self.is_op("]") {
                break;
            }
        }
        if items.len() == 1 {
            return Ok(items.remove(0));
        }
        Ok(self.expr(ExprKind::Tuple(items), line, col))
    }

    fn slice(&mut self) -> Result<Expr> {
        let (line, col) = (self.peek().line, self.peek().col);
        let start = if self.is_op(":") { None } else { Some(self.test()?) };
        if !self.eat_op(":") {
            return start.ok_or_else(|| self.error_here("expected an index"));
        }
        let part = |p: &mut Self| -> Result<Option<Box<Expr>>> {
            if p.is_op(":") || p.is_op("]") || p.is_op(",") {
                Ok(None)
            } else {
                Ok(Some(Box::new(p.test()?)))
            }
        };
        let stop = part(self)?;
        let step = if self.eat_op(":") { part(self)? } else { None };
        Ok(self.expr(ExprKind::Slice(start.map(Box::new), stop, step), line, col))
    }

    fn atom(&mut self) -> Result<Expr> {
        let token = self.peek().clone();
        let (line, col) = (token.line, token.col);
        match token.kind {
            TokenKind::Name(name) => {
                let constant = match name.as_str() {
                    "None" => Some(Constant::None),
                    "True" => Some(Constant::True),
                    "False" => Some(Constant::False),
                    _ => None,
                };
                if let Some(constant) = constant {
                    self.advance();
                    return Ok(self.expr(ExprKind::Constant(constant), line, col));
                }
                if KEYWORDS.contains(&name.as_str()) {
                    return Err(self.error_here("invalid syntax"));
                }
                self.advance();
                Ok(self.expr(ExprKind::Name(name), line, col))
            }
            TokenKind::Number(text) => {
                self.advance();
                Ok(self.expr(ExprKind::Constant(Constant::Number(text)), line, col))
            }
            TokenKind::Str { .. } => self.strings(),
            TokenKind::Op("...") => {
                self.advance();
                Ok(self.expr(ExprKind::Constant(Constant::Ellipsis), line, col))
            }
            TokenKind::Op("(") => {
                self.advance();
                if self.eat_op(")") {
                    return Ok(self.expr(ExprKind::Tuple(Vec::new()), line, col));
                }
                let mut inner = self.nested(Self::star_test_list_in_parens)?;
                self.expect_op(")", "to close the parenthesis")?;
                // A tuple or a generator expression in parentheses includes them, as in CPython.
                if matches!(inner.kind, ExprKind::Tuple(_) | ExprKind::GeneratorExp { .. }) {
                    inner.span = Span { line, col, end_line: self.last_end.0, end_col: self.last_end.1 };
                }
                Ok(inner)
            }
            TokenKind::Op("[") => {
                self.advance();
                self.nested(|p| p.list(line, col))
            }
            TokenKind::Op("{") => {
                self.advance();
                self.nested(|p| p.dict(line, col))
            }
            // Python's own word for a token that cannot start an expression here.
            TokenKind::Newline | TokenKind::End => Err(self.error_here("invalid syntax")),
            TokenKind::Indent => Err(self.error_here("unexpected indent")),
            TokenKind::Dedent | TokenKind::Op(_) => Err(self.error_here("invalid syntax")),
        }
    }

    fn star_test_list_in_parens(&mut self) -> Result<Expr> {
        let (line, col) = (self.peek().line, self.peek().col);
        let expr = self.star_test_list()?;
        if self.is_keyword("for") {
            let generators = self.comprehension_clauses()?;
            return Ok(self.expr(ExprKind::GeneratorExp { elt: Box::new(expr), generators }, line, col));
        }
        Ok(expr)
    }

    /// `for target in iter [if cond]…` clauses, one or more.
    fn comprehension_clauses(&mut self) -> Result<Vec<Comprehension>> {
        let mut generators = Vec::new();
        while self.eat_keyword("for") {
            let target = self.target_list()?;
            if !self.eat_keyword("in") {
                return Err(self.error_here("expected 'in' in a comprehension"));
            }
            let iter = self.or_test()?;
            let mut ifs = Vec::new();
            while self.eat_keyword("if") {
                ifs.push(self.nested(Self::or_test)?);
            }
            generators.push(Comprehension { target, iter, ifs });
        }
        Ok(generators)
    }

    /// List items up to `close` (consumed), or a list comprehension.
    fn list(&mut self, line: u32, col: u32) -> Result<Expr> {
        let mut items = Vec::new();
        while !self.eat_op("]") {
            let item = self.star_test()?;
            if items.is_empty() && self.is_keyword("for") {
                let generators = self.comprehension_clauses()?;
                self.expect_op("]", "to close the list comprehension")?;
                return Ok(self.expr(ExprKind::ListComp { elt: Box::new(item), generators }, line, col));
            }
            items.push(item);
            if !self.eat_op(",") {
                self.expect_op("]", "to close the list")?;
                break;
            }
        }
        Ok(self.expr(ExprKind::List(items), line, col))
    }

    /// `{}`, a dict, a set, or a dict or set comprehension.
    fn dict(&mut self, line: u32, col: u32) -> Result<Expr> {
        if self.eat_op("}") {
            return Ok(self.expr(ExprKind::Dict(Vec::new()), line, col));
        }
        if self.is_op("**") {
            return self.dict_items(Vec::new(), line, col);
        }
        let first = self.star_test()?;
        if !self.is_op(":") {
            // A set, or a set comprehension.
            if self.is_keyword("for") {
                let generators = self.comprehension_clauses()?;
                self.expect_op("}", "to close the set comprehension")?;
                return Ok(self.expr(ExprKind::SetComp { elt: Box::new(first), generators }, line, col));
            }
            let mut items = vec![first];
            while self.eat_op(",") {
                if self.eat_op("}") {
                    return Ok(self.expr(ExprKind::Set(items), line, col));
                }
                items.push(self.star_test()?);
            }
            self.expect_op("}", "to close the set")?;
            return Ok(self.expr(ExprKind::Set(items), line, col));
        }
        self.advance(); // ':'
        let value = self.test()?;
        if self.is_keyword("for") {
            let generators = self.comprehension_clauses()?;
            self.expect_op("}", "to close the dict comprehension")?;
            return Ok(self.expr(ExprKind::DictComp { key: Box::new(first), value: Box::new(value), generators }, line, col));
        }
        if !self.eat_op(",") {
            self.expect_op("}", "to close the dict")?;
            return Ok(self.expr(ExprKind::Dict(vec![(first, value)]), line, col));
        }
        self.dict_items(vec![(first, value)], line, col)
    }

    /// The rest of a dict display: `key: value` pairs and `**mapping` (kept as a pair whose key
    /// is `Starred(mapping)`), up to the closing brace.
    fn dict_items(&mut self, mut pairs: Vec<(Expr, Expr)>, line: u32, col: u32) -> Result<Expr> {
        while !self.eat_op("}") {
            if self.eat_op("**") {
                let (l, c) = (self.peek().line, self.peek().col);
                let mapping = self.bitor()?;
                let marker = self.expr(ExprKind::Starred(Box::new(mapping)), l, c);
                pairs.push((marker, self.expr(ExprKind::Constant(Constant::None), l, c)));
            } else {
                let key = self.test()?;
                self.expect_op(":", "in a dict")?;
                pairs.push((key, self.test()?));
            }
            if !self.eat_op(",") {
                self.expect_op("}", "to close the dict")?;
                break;
            }
        }
        Ok(self.expr(ExprKind::Dict(pairs), line, col))
    }

    /// Adjacent string literals concatenate, as in Python; f-strings are split into parts.
    fn strings(&mut self) -> Result<Expr> {
        let (line, col) = (self.peek().line, self.peek().col);
        let mut parts: Vec<FStringPart> = Vec::new();
        let mut bytes: Option<Vec<u8>> = None;
        let mut any_f = false;
        let mut count = 0;
        while let TokenKind::Str { value, prefix } = self.peek().kind.clone() {
            let token = self.advance();
            count += 1;
            let is_bytes = prefix.contains('b');
            if count > 1 && is_bytes != bytes.is_some() {
                return Err(syntax_error(token.line, token.col, "cannot mix bytes and nonbytes literals"));
            }
            if is_bytes {
                // The lexer gave one char per byte (escapes like \xff included).
                bytes.get_or_insert_with(Vec::new).extend(value.chars().map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?')));
            } else if prefix.contains('f') {
                any_f = true;
                // Where the text between the quotes starts, when each of its characters is one
                // written on the same line (no escapes): replacement fields then have the file's
                // columns, as CPython 3.11 gives them.
                let written = token.end_col.saturating_sub(token.col) as usize;
                let (chars, prefix_len) = (value.chars().count(), prefix.chars().count());
                let quotes = written.saturating_sub(prefix_len + chars);
                let exact = token.end_line == token.line && (quotes == 2 || quotes == 6);
                let origin = exact.then(|| token.col + (prefix_len + quotes / 2) as u32);
                parts.extend(self.nested(|_| fstring_parts(&value, token.line, token.col, origin))?);
            } else {
                parts.push(FStringPart::Text(value));
            }
        }
        if let Some(bytes) = bytes {
            return Ok(self.expr(ExprKind::Constant(Constant::Bytes(bytes)), line, col));
        }
        if !any_f {
            let text: String = parts
                .into_iter()
                .map(|p| match p {
                    FStringPart::Text(t) => t,
                    FStringPart::Value { .. } => String::new(),
                })
                .collect();
            return Ok(self.expr(ExprKind::Constant(Constant::Str(text)), line, col));
        }
        Ok(self.expr(ExprKind::FString(merge_text(parts)), line, col))
    }
}

/// Only names, attributes, subscripts and tuples/lists of them can be assigned to.
fn check_target(target: &Expr) -> Result<()> {
    match &target.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(()),
        ExprKind::Tuple(items) | ExprKind::List(items) => items.iter().try_for_each(check_target),
        ExprKind::Starred(inner) => check_target(inner),
        _ => Err(syntax_error(target.line, target.col, "cannot assign to this expression")),
    }
}

fn merge_text(parts: Vec<FStringPart>) -> Vec<FStringPart> {
    let mut merged: Vec<FStringPart> = Vec::new();
    for part in parts {
        match (merged.last_mut(), part) {
            (Some(FStringPart::Text(prev)), FStringPart::Text(text)) => prev.push_str(&text),
            (_, part) => merged.push(part),
        }
    }
    merged
}

/// Splits an f-string's text into literal text and `{expression!conversion:spec}` parts.
fn fstring_parts(text: &str, line: u32, col: u32, origin: Option<u32>) -> Result<Vec<FStringPart>> {
    let chars: Vec<char> = text.chars().collect();
    let mut parts = Vec::new();
    let mut literal = String::new();
    let mut i = 0;
    let fail = |message: &str| syntax_error(line, col, format!("f-string: {message}"));
    while i < chars.len() {
        let c = chars[i];
        if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                literal.push('}');
                i += 2;
                continue;
            }
            return Err(fail("single '}' is not allowed"));
        }
        if c != '{' {
            literal.push(c);
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'{') {
            literal.push('{');
            i += 2;
            continue;
        }
        // Find the end of the replacement field: the matching '}' outside brackets and quotes.
        let start = i + 1;
        let mut depth = 0;
        let mut quote: Option<char> = None;
        let mut end = None;
        let mut split = None; // where '!' or ':' ends the expression
        let mut j = start;
        while j < chars.len() {
            let d = chars[j];
            match quote {
                Some(q) if d == q => quote = None,
                Some(_) => {}
                None => match d {
                    '\'' | '"' => quote = Some(d),
                    '(' | '[' | '{' => depth += 1,
                    ')' | ']' => depth -= 1,
                    '}' if depth == 0 => {
                        end = Some(j);
                        break;
                    }
                    '}' => depth -= 1,
                    '!' if depth == 0 && split.is_none() && chars.get(j + 1) != Some(&'=') => split = Some(j),
                    ':' if depth == 0 && split.is_none() => split = Some(j),
                    _ => {}
                },
            }
            j += 1;
        }
        let Some(end) = end else { return Err(fail("expecting '}'")) };
        let expr_end = split.unwrap_or(end);
        let written: String = chars[start..expr_end].iter().collect();
        // `{x=}` / `{name = }` write the expression's text, then its value (repr by default).
        let trimmed = written.trim_end();
        let self_documenting = trimmed.ends_with('=') && !trimmed.ends_with("==") && !trimmed.ends_with("!=")
            && !trimmed.ends_with("<=") && !trimmed.ends_with(">=");
        let source = if self_documenting { &trimmed[..trimmed.len() - 1] } else { written.as_str() };
        if source.trim().is_empty() {
            return Err(fail("valid expression required before '}'"));
        }
        // Without the file's columns (escapes, several lines) the field's parts are placed on line
        // 0, which marks nothing: a failure inside is marked at the whole f-string.
        let lead = source.chars().take_while(|c| c.is_whitespace()).count();
        let (at_line, at_col) = origin.map_or((0, 1), |o| (line, o + (start + lead) as u32));
        // The field's own error, without its position: the f-string's is the one reported.
        let mut expr = parse_expression_at(source.trim(), at_line, at_col)
            .map_err(|e| fail(e.message().split_once(": ").filter(|(at, _)| at.starts_with("line ")).map_or(e.message(), |(_, m)| m)))?;
        relocate(&mut expr, line, col);
        let mut conversion = None;
        let mut spec = None;
        if let Some(split) = split {
            let rest: String = chars[split..end].iter().collect();
            let (conv_part, spec_part) = match rest.strip_prefix('!') {
                Some(after) => match after.split_once(':') {
                    Some((conv, spec)) => (Some(conv.to_string()), Some(spec.to_string())),
                    None => (Some(after.to_string()), None),
                },
                None => (None, rest.strip_prefix(':').map(String::from)),
            };
            if let Some(conv) = conv_part {
                match conv.as_str() {
                    "r" | "s" | "a" => conversion = conv.chars().next(),
                    _ => return Err(fail("invalid conversion character: expected 's', 'r', or 'a'")),
                }
            }
            spec = match spec_part {
                Some(text) if text.contains(['{', '}']) => Some(fstring_parts(&text, line, col, origin.map(|o| o + split as u32))?),
                Some(text) if text.is_empty() => None,
                Some(text) => Some(vec![FStringPart::Text(text)]),
                None => None,
            };
        }
        if self_documenting {
            literal.push_str(&written);
            if conversion.is_none() && spec.is_none() {
                conversion = Some('r');
            }
        }
        if !literal.is_empty() {
            parts.push(FStringPart::Text(std::mem::take(&mut literal)));
        }
        parts.push(FStringPart::Value { expr, conversion, spec });
        i = end + 1;
    }
    if !literal.is_empty() {
        parts.push(FStringPart::Text(literal));
    }
    Ok(parts)
}

/// Positions inside an f-string are reported at the string itself.
fn relocate(expr: &mut Expr, line: u32, col: u32) {
    expr.line = line;
    expr.col = col;
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn stmt(source: &str) -> StmtKind {
        let mut module = parse_module(source).unwrap_or_else(|e| panic!("{source}: {e}"));
        module.body.remove(0).kind
    }

    fn expr(source: &str) -> ExprKind {
        parse_expression(source).unwrap_or_else(|e| panic!("{source}: {e}")).kind
    }

    fn error(source: &str) -> String {
        parse_module(source).unwrap_err().message().to_string()
    }

    #[test]
    fn imports_are_recorded() {
        assert_eq!(stmt("import sqlalchemy as sa"), StmtKind::Import(vec![("sqlalchemy".into(), Some("sa".into()))]));
        let StmtKind::FromImport { module, level, names } = stmt("from typing import (Optional,\n Union as U,)") else {
            panic!()
        };
        assert_eq!((module.as_str(), level), ("typing", 0));
        assert_eq!(names, vec![("Optional".into(), None), ("Union".into(), Some("U".into()))]);
        let StmtKind::FromImport { module, level, .. } = stmt("from ..models import base") else { panic!() };
        assert_eq!((module.as_str(), level), ("models", 2));
    }

    #[test]
    fn a_mapped_class_with_annotations_and_a_repr() {
        let source = r#"
class User(Base):
    """A user."""
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str | None] = mapped_column(String(120), unique=True)

    def __repr__(self) -> str:
        return f"<User(name={self.name!r:>10})>"
"#;
        let StmtKind::ClassDef { name, bases, body, .. } = stmt(source) else { panic!() };
        assert_eq!(name, "User");
        assert_eq!(bases[0].dotted_name().as_deref(), Some("Base"));
        assert_eq!(body.len(), 5);
        let StmtKind::AnnAssign { annotation, value: Some(value), .. } = &body[3].kind else { panic!() };
        let ExprKind::Subscript { index, .. } = &annotation.kind else { panic!() };
        assert!(matches!(index.kind, ExprKind::BinOp { op: "|", .. }));
        let ExprKind::Call { args, keywords, .. } = &value.kind else { panic!() };
        assert_eq!(args.len(), 1);
        assert_eq!(keywords[0].arg.as_deref(), Some("unique"));
        let StmtKind::FunctionDef { name, params, returns, body, .. } = &body[4].kind else { panic!() };
        assert_eq!((name.as_str(), params.len()), ("__repr__", 1));
        assert_eq!(returns.as_ref().and_then(Expr::dotted_name).as_deref(), Some("str"));
        let StmtKind::Return(Some(ret)) = &body[0].kind else { panic!() };
        let ExprKind::FString(parts) = &ret.kind else { panic!() };
        assert_eq!(parts[0], FStringPart::Text("<User(name=".into()));
        let FStringPart::Value { expr, conversion, spec } = &parts[1] else { panic!() };
        assert_eq!(expr.dotted_name().as_deref(), Some("self.name"));
        assert_eq!((*conversion, spec.as_deref()), (Some('r'), Some(&[FStringPart::Text(">10".into())][..])));
        assert_eq!(parts[2], FStringPart::Text(")>".into()));
    }

    #[test]
    fn with_blocks_calls_and_containers() {
        let source = "with op.batch_alter_table('users', schema=None) as batch_op:\n    batch_op.add_column(sa.Column('e', sa.String(length=1), nullable=True))\n";
        let StmtKind::With { items, body } = stmt(source) else { panic!() };
        assert_eq!(items[0].1.as_ref().and_then(Expr::dotted_name).as_deref(), Some("batch_op"));
        assert_eq!(body.len(), 1);
        assert!(matches!(expr("('a', 'b')"), ExprKind::Tuple(items) if items.len() == 2));
        assert!(matches!(expr("('a',)"), ExprKind::Tuple(items) if items.len() == 1));
        assert!(matches!(expr("('a')"), ExprKind::Constant(Constant::Str(s)) if s == "a"));
        assert!(matches!(expr("['id', 'name']"), ExprKind::List(items) if items.len() == 2));
        assert!(matches!(expr("{'a': 1, 'b': [2]}"), ExprKind::Dict(pairs) if pairs.len() == 2));
        assert!(matches!(expr("Union[str, Sequence[str], None]"), ExprKind::Subscript { .. }));
        assert!(matches!(expr("'a' 'b'"), ExprKind::Constant(Constant::Str(s)) if s == "ab"));
        assert!(matches!(expr("-1"), ExprKind::UnaryOp { op: "-", .. }));
        assert!(matches!(expr("x if y else z"), ExprKind::IfExp { .. }));
        assert!(matches!(expr("not a and b or c"), ExprKind::BoolOp { op: "or", .. }));
        assert!(matches!(expr("a is not None"), ExprKind::Compare { .. }));
        assert!(matches!(expr("b'\\x00'"), ExprKind::Constant(Constant::Bytes(b)) if b == [0]));
    }

    #[test]
    fn the_seed_database_class_parses() {
        let source = r#"
class Database:
    def __init__(self, db_path):
        self.engine = create_engine(f"sqlite:///{db_path}")

    def update_user(self, user_id, **kwargs):
        user = self.get_user(user_id)
        for key, value in kwargs.items():
            if not hasattr(user, key):
                raise AttributeError(f"User does not have attribute {key}")
            setattr(user, key, value)
        self.session.commit()
        return user


if __name__ == "__main__":
    main()
"#;
        let module = parse_module(source).unwrap();
        assert_eq!(module.body.len(), 2);
    }

    #[test]
    fn assignments_of_every_shape() {
        assert!(matches!(stmt("a = b = 1"), StmtKind::Assign { targets, .. } if targets.len() == 2));
        assert!(matches!(stmt("a, b = 1, 2"), StmtKind::Assign { .. }));
        assert!(matches!(stmt("x: int"), StmtKind::AnnAssign { value: None, .. }));
        assert!(matches!(stmt("n += 1"), StmtKind::AugAssign { op: "+=", .. }));
        assert!(matches!(stmt("user = db.get_user(1)"), StmtKind::Assign { .. }));
        assert!(matches!(stmt("def f(a, *args, b=1, **kw): pass"), StmtKind::FunctionDef { params, .. } if params.len() == 4));
    }

    #[test]
    fn errors_name_line_column_and_construct() {
        let cases = [
            ("class A(Base)\n    pass\n", "line 1, col 14: expected ':' after class bases"),
            ("def f()\n", "line 1, col 8: expected ':' after the function signature"),
            ("def f():\nreturn 1\n", "line 2, col 1: expected an indented block after function definition on line 1"),
            ("x = [i for i in y if]\n", "line 1, col 21: invalid syntax"),
            ("try:\n    pass\n", "line 3, col 1: expected 'except' or 'finally' block"),
            ("while x\n    pass\n", "line 1, col 8: expected ':' after the 'while' condition"),
            ("f(a=1, 2)\n", "line 1, col 8: positional argument follows keyword argument"),
            ("1 = x\n", "line 1, col 1: cannot assign to this expression"),
            ("  x = 1\n", "line 1, col 3: unexpected indent"),
            ("x = \n", "line 1, col 5: invalid syntax"),
            ("x = f'{}'\n", "line 1, col 5: f-string: valid expression required before '}'"),
            ("x = f'{a'\n", "line 1, col 5: f-string: expecting '}'"),
            ("global\n", "line 1, col 7: expected a name after 'global' or 'nonlocal'"),
            ("x = 1 2\n", "line 1, col 7: invalid syntax: expected the end of the statement"),
        ];
        for (source, expected) in cases {
            assert_eq!(error(source), expected, "{source:?}");
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        for source in ["(".repeat(150) + "1" + &")".repeat(150), "-".repeat(10_000) + "1", "not ".repeat(10_000) + "x"] {
            let err = parse_module(&source).unwrap_err();
            assert!(err.message().contains("too deeply nested") || err.message().contains("nested parentheses"), "{err}");
        }
        let deep_blocks: String = (0..150).map(|i| format!("{}if x:\n", "    ".repeat(i))).collect();
        assert!(parse_module(&deep_blocks).is_err());
    }

    #[test]
    fn loops_try_and_the_small_statements_parse() {
        let StmtKind::While { orelse, .. } = stmt("while x < 3:\n    x += 1\nelse:\n    done()\n") else { panic!() };
        assert_eq!(orelse.len(), 1);
        let StmtKind::For { orelse, .. } = stmt("for i in range(3):\n    break\nelse:\n    pass\n") else { panic!() };
        assert_eq!(orelse.len(), 1);
        let StmtKind::Try { handlers, orelse, finalbody, .. } =
            stmt("try:\n    f()\nexcept (KeyError, ValueError) as e:\n    pass\nexcept:\n    raise\nelse:\n    g()\nfinally:\n    h()\n")
        else {
            panic!()
        };
        assert_eq!(handlers.len(), 2);
        assert_eq!(handlers[0].name.as_deref(), Some("e"));
        assert!(handlers[1].type_.is_none());
        assert_eq!((orelse.len(), finalbody.len()), (1, 1));
        assert!(matches!(stmt("try:\n    pass\nfinally:\n    pass\n"), StmtKind::Try { .. }));
        assert_eq!(error("try:\n    pass\nx = 1\n"), "line 3, col 1: expected 'except' or 'finally' block");
        let StmtKind::Raise { exc: Some(_), cause: Some(_) } = stmt("raise ValueError('x') from err") else { panic!() };
        assert!(matches!(stmt("raise"), StmtKind::Raise { exc: None, cause: None }));
        let StmtKind::Assert { msg: Some(_), .. } = stmt("assert x == 1, 'x must be 1'") else { panic!() };
        let StmtKind::Delete(targets) = stmt("del d['k'], x.y, z") else { panic!() };
        assert_eq!(targets.len(), 3);
        assert_eq!(stmt("global a, b"), StmtKind::Global(vec!["a".into(), "b".into()]));
        assert_eq!(stmt("nonlocal n"), StmtKind::Nonlocal(vec!["n".into()]));
        let StmtKind::Expr(Expr { kind: ExprKind::Yield { from: true, value: Some(_) }, .. }) = stmt("yield from items") else { panic!() };
    }

    #[test]
    fn decorators_are_kept_in_order() {
        let StmtKind::FunctionDef { decorators, .. } = stmt("@property\n@cache(2)\ndef f(self):\n    pass\n") else { panic!() };
        assert_eq!(decorators.len(), 2);
        assert_eq!(decorators[0].dotted_name().as_deref(), Some("property"));
        let StmtKind::ClassDef { decorators, keywords, .. } = stmt("@dataclass\nclass P(Base, metaclass=M):\n    x: int\n") else { panic!() };
        assert_eq!((decorators.len(), keywords.len()), (1, 1));
    }

    #[test]
    fn comprehensions_sets_and_generator_expressions_parse() {
        let ExprKind::ListComp { generators, .. } = expr("[x * 2 for x in range(10) if x % 2 if x > 2 for y in z]") else { panic!() };
        assert_eq!((generators.len(), generators[0].ifs.len()), (2, 2));
        assert!(matches!(expr("{k: v for k, v in d.items()}"), ExprKind::DictComp { .. }));
        assert!(matches!(expr("{x for x in s}"), ExprKind::SetComp { .. }));
        assert!(matches!(expr("{1, 2, 3}"), ExprKind::Set(ref items) if items.len() == 3));
        assert!(matches!(expr("{1: 2, 3: 4,}"), ExprKind::Dict(ref pairs) if pairs.len() == 2));
        assert!(matches!(expr("{}"), ExprKind::Dict(ref pairs) if pairs.is_empty()));
        assert!(matches!(expr("(x for x in y)"), ExprKind::GeneratorExp { .. }));
        let ExprKind::Call { args, .. } = expr("sum(x for x in y)") else { panic!() };
        assert!(matches!(args[0].kind, ExprKind::GeneratorExp { .. }));
        assert!(matches!(expr("[1, 2, *rest]"), ExprKind::List(ref items) if items.len() == 3));
    }
}
