//! The syntax tree of the Python subset, shaped like Python's own `ast` module so the code that
//! reads models and revision files can be written the way one would write it against `ast`.

/// A whole file.
#[derive(Debug, Clone, PartialEq)]
pub struct Module {
    pub body: Vec<Stmt>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub line: u32,
    pub col: u32,
    /// Where the statement ends (a compound statement's header line only).
    pub span: Span,
}

/// Where a node is in its file as CPython's `ast` places it: 1-based line and column (in
/// characters) of its first character, including an opening parenthesis that belongs to its
/// leftmost part, and the line and column just past its last. A traceback's `^^^^` markers are
/// drawn from it.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Span {
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    /// `import a.b as c` — `(module, alias)` pairs.
    Import(Vec<(String, Option<String>)>),
    /// `from a.b import c as d, e` — `level` counts leading dots.
    FromImport { module: String, level: u32, names: Vec<(String, Option<String>)> },
    /// `@decorator` lines come first in `decorators`, top to bottom; `keywords` are the class
    /// line's `name=value` arguments (`metaclass=…`).
    ClassDef { name: String, bases: Vec<Expr>, keywords: Vec<Keyword>, body: Vec<Stmt>, decorators: Vec<Expr> },
    FunctionDef { name: String, params: Vec<Param>, returns: Option<Expr>, body: Vec<Stmt>, decorators: Vec<Expr> },
    /// `a = b = value`: every target in order.
    Assign { targets: Vec<Expr>, value: Expr },
    /// `target: annotation [= value]`.
    AnnAssign { target: Expr, annotation: Expr, value: Option<Expr> },
    AugAssign { target: Expr, op: &'static str, value: Expr },
    Expr(Expr),
    With { items: Vec<(Expr, Option<Expr>)>, body: Vec<Stmt> },
    If { test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt> },
    /// `orelse` runs when the loop ends without `break`.
    For { target: Expr, iter: Expr, body: Vec<Stmt>, orelse: Vec<Stmt> },
    While { test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt> },
    Try { body: Vec<Stmt>, handlers: Vec<ExceptHandler>, orelse: Vec<Stmt>, finalbody: Vec<Stmt> },
    Return(Option<Expr>),
    /// `raise [exc [from cause]]`.
    Raise { exc: Option<Expr>, cause: Option<Expr> },
    Assert { test: Expr, msg: Option<Expr> },
    Delete(Vec<Expr>),
    Global(Vec<String>),
    Nonlocal(Vec<String>),
    Pass,
    Break,
    Continue,
}

/// `except [type [as name]]:` and its body.
#[derive(Debug, Clone, PartialEq)]
pub struct ExceptHandler {
    pub type_: Option<Expr>,
    pub name: Option<String>,
    pub body: Vec<Stmt>,
    pub line: u32,
}

/// `for target in iter if cond …` inside a comprehension.
#[derive(Debug, Clone, PartialEq)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
}

/// A function parameter; `star` is `"*"` or `"**"` for `*args` / `**kwargs`.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    pub name: String,
    pub star: &'static str,
    pub annotation: Option<Expr>,
    pub default: Option<Expr>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub line: u32,
    pub col: u32,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Name(String),
    Constant(Constant),
    /// An f-string: literal text and `{expression}` parts.
    FString(Vec<FStringPart>),
    Attribute { value: Box<Expr>, attr: String },
    Subscript { value: Box<Expr>, index: Box<Expr> },
    Call { func: Box<Expr>, args: Vec<Expr>, keywords: Vec<Keyword> },
    Tuple(Vec<Expr>),
    List(Vec<Expr>),
    Set(Vec<Expr>),
    Dict(Vec<(Expr, Expr)>),
    ListComp { elt: Box<Expr>, generators: Vec<Comprehension> },
    SetComp { elt: Box<Expr>, generators: Vec<Comprehension> },
    DictComp { key: Box<Expr>, value: Box<Expr>, generators: Vec<Comprehension> },
    GeneratorExp { elt: Box<Expr>, generators: Vec<Comprehension> },
    /// `target := value`: assigns and gives the value.
    NamedExpr { target: Box<Expr>, value: Box<Expr> },
    /// `yield [value]` / `yield from value`.
    Yield { value: Option<Box<Expr>>, from: bool },
    BinOp { left: Box<Expr>, op: &'static str, right: Box<Expr> },
    UnaryOp { op: &'static str, operand: Box<Expr> },
    /// `and` / `or` over two or more values.
    BoolOp { op: &'static str, values: Vec<Expr> },
    /// `a < b <= c`: the first operand, then each operator with its right side.
    Compare { left: Box<Expr>, ops: Vec<(&'static str, Expr)> },
    IfExp { test: Box<Expr>, body: Box<Expr>, orelse: Box<Expr> },
    Lambda { params: Vec<Param>, body: Box<Expr> },
    Starred(Box<Expr>),
    /// `start:stop:step` inside a subscript.
    Slice(Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    None,
    True,
    False,
    Ellipsis,
    /// A number as written; parsed where a value is needed.
    Number(String),
    Str(String),
    Bytes(Vec<u8>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum FStringPart {
    Text(String),
    /// `{expr!r:spec}`: the expression, its conversion letter and format spec, itself text and
    /// nested fields (`{x:{width}.2f}`).
    Value { expr: Expr, conversion: Option<char>, spec: Option<Vec<FStringPart>> },
}

/// `name=value` in a call; `arg` is `None` for `**mapping`.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyword {
    pub arg: Option<String>,
    pub value: Expr,
}

impl Expr {
    /// The dotted name this expression spells (`sa.Column`, `op`, `Mapped`), if it is one.
    pub fn dotted_name(&self) -> Option<String> {
        match &self.kind {
            ExprKind::Name(name) => Some(name.clone()),
            ExprKind::Attribute { value, attr } => value.dotted_name().map(|base| format!("{base}.{attr}")),
            _ => None,
        }
    }

    /// The text of a plain string constant.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            ExprKind::Constant(Constant::Str(s)) => Some(s),
            _ => None,
        }
    }
}

impl Keyword {
    pub fn find<'a>(keywords: &'a [Keyword], name: &str) -> Option<&'a Expr> {
        keywords.iter().find(|k| k.arg.as_deref() == Some(name)).map(|k| &k.value)
    }
}
