//! No program can hang the lab or exhaust it: an endless loop is stopped within the lab's time
//! budget, deep recursion is Python's `RecursionError`, and a value that grows without end is a
//! `MemoryError` — each a clean result, after which the lab goes on. Runs natively and in the browser.

#[cfg(all(target_family = "wasm", target_os = "unknown"))]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(all(target_family = "wasm", target_os = "unknown"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use alembic_lab::lab::{Lab, Sources};

fn run(source: &str) -> (bool, Vec<String>, Option<String>) {
    let mut lab = Lab::new(Sources::default());
    lab.write_file("prog.py", source).unwrap();
    let result = lab.run("python prog.py");
    assert!(lab.run("ls").ok(), "the lab goes on");
    (result.ok(), result.output, result.error.map(|e| e.class_name().to_string()))
}

#[test]
fn an_endless_loop_is_stopped_with_a_plain_message() {
    for source in ["while True:\n    pass\n", "x = 0\nwhile x >= 0:\n    x += 1\n", "def f():\n    while True:\n        [i for i in range(10)]\nf()\n"] {
        let (ok, output, _) = run(source);
        assert!(!ok);
        let last = output.last().cloned().unwrap_or_default();
        assert!(last.starts_with("the lab stopped this program after 0.8 s: an endless loop?"), "{source}: {last}");
    }
}

#[test]
fn deep_recursion_is_a_recursion_error_and_can_be_caught() {
    let (ok, output, class) = run("def down(n):\n    return down(n + 1)\ndown(0)\n");
    assert!(!ok);
    assert_eq!(class.as_deref(), Some("RecursionError"));
    assert_eq!(output.last().unwrap(), "RecursionError: maximum recursion depth exceeded");
    let (ok, output, _) = run("def down(n):\n    return down(n + 1)\ntry:\n    down(0)\nexcept RecursionError as e:\n    print('caught', e)\n");
    assert!(ok);
    assert_eq!(output, ["caught maximum recursion depth exceeded"]);
}

#[test]
fn growing_without_end_is_a_memory_error() {
    let (ok, output, class) = run("items = [0]\nwhile True:\n    items = items + items\n");
    assert!(!ok, "{output:?}");
    assert_eq!(class.as_deref(), Some("MemoryError"));
    let (ok, _, class) = run("s = 'x'\nwhile True:\n    s = s + s\n");
    assert!(!ok);
    assert_eq!(class.as_deref(), Some("MemoryError"));
    // Each value is within its cap, but together they pass the run's memory budget: the run
    // is stopped, not the page (without the budget this is gigabytes, a trap in the browser).
    let (ok, output, class) = run("def down(n):\n    keep = [n] * 1999999\n    return down(n + 1)\ndown(0)\n");
    assert!(!ok, "{output:?}");
    assert_eq!(class.as_deref(), Some("MemoryError"), "{output:?}");
    assert!(output.last().unwrap().starts_with("MemoryError: the lab stopped this program: it held more than 256 MB"), "{output:?}");
    let (ok, output, _) = run("print(2 ** 62 + 2 ** 62)\n");
    assert!(!ok);
    assert_eq!(output.last().unwrap(), "OverflowError: integer too large for the lab's Python (it keeps 64-bit integers)");
}

#[test]
fn what_the_lab_lacks_is_said_plainly() {
    let (ok, output, _) = run("from alembic import autogenerate\n");
    assert!(!ok);
    assert_eq!(output.last().unwrap(), "not available in this lab: the module alembic.autogenerate", "{output:?}");
    let (ok, output, _) = run("from sqlalchemy.orm import selectinload\nselectinload(None)\n");
    assert!(!ok);
    assert!(output.last().unwrap().starts_with("not available in this lab: selectinload() of anything but"), "{output:?}");
    let (ok, output, _) = run("from sqlalchemy.orm import relationship\nrelationship(\"Tag\", secondary=\"post_tags\", primaryjoin=\"x\")\n");
    assert!(!ok);
    assert_eq!(output.last().unwrap(), "not available in this lab: relationship(primaryjoin=...)", "{output:?}");
    let (_, output, _) = run("from sqlalchemy.orm import relationship\nrelationship(\"Tag\", passive_deletes=\"all\")\n");
    assert_eq!(output.last().unwrap(), "not available in this lab: relationship(passive_deletes=\"all\")", "{output:?}");
    let (ok, output, _) = run("from sqlalchemy.orm import joinedload\njoinedload(None)\n");
    assert!(!ok);
    assert!(output.last().unwrap().starts_with("not available in this lab: joinedload()"), "{output:?}");
    // A name SQLAlchemy has but the lab does not is said so; a name SQLAlchemy does not have is
    // Python's ImportError, naming the file the learner's virtual environment would have.
    let (ok, output, _) = run("from sqlalchemy.orm import query_expression\n");
    assert!(!ok);
    assert_eq!(output.last().unwrap(), "not available in this lab: sqlalchemy.orm.query_expression", "{output:?}");
    let chained = "from sqlalchemy import ForeignKey\nfrom sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, selectinload\nclass Base(DeclarativeBase):\n    pass\nclass P(Base):\n    __tablename__ = 'p'\n    id: Mapped[int] = mapped_column(primary_key=True)\n    kids: Mapped[list['K']] = relationship()\nclass K(Base):\n    __tablename__ = 'k'\n    id: Mapped[int] = mapped_column(primary_key=True)\n    p_id: Mapped[int] = mapped_column(ForeignKey('p.id'))\nselectinload(P.kids).load_only(K.id)\n";
    let (_, output, _) = run(chained);
    assert_eq!(output.last().unwrap(), "not available in this lab: loader options chained on another (.load_only(...)); give each to options() by itself", "{output:?}");
    let (_, output, _) = run("from sqlalchemy import select, table, column\nselect(table('t', column('a'))).execution_options(yield_per=10)\n");
    assert_eq!(output.last().unwrap(), "not available in this lab: execution_options(yield_per=...) of a SELECT (the lab has populate_existing and autoflush)", "{output:?}");
    // A keyword SQLAlchemy's Column has that would change what the lab shows is refused by name.
    let (ok, output, _) = run("from sqlalchemy import Column, Integer\nColumn(Integer, comment='the count')\n");
    assert!(!ok);
    assert_eq!(output.last().unwrap(), "not available in this lab: Column(comment=...)", "{output:?}");
    let (_, output, _) = run("from sqlalchemy.orm import mapped_column\nmapped_column(sqlite_on_conflict_unique='IGNORE')\n");
    assert_eq!(output.last().unwrap(), "not available in this lab: mapped_column(sqlite_on_conflict_unique=...)", "{output:?}");
    let (_, output, _) = run("import sqlalchemy.types\n");
    assert_eq!(output.last().unwrap(), "not available in this lab: the module sqlalchemy.types", "{output:?}");
    let (_, output, _) = run("import sqlalchemy as sa\nsa.tuple_\n");
    assert_eq!(output.last().unwrap(), "not available in this lab: sqlalchemy.tuple_", "{output:?}");
    let (_, output, _) = run("from sqlalchemy import select, table, column\nselect(table(\"t\", column(\"a\"))).options(1)\n");
    assert_eq!(output.last().unwrap(), "not available in this lab: this loader option (the lab has selectinload(), joinedload(), contains_eager(), raiseload(), lazyload(), load_only(), defer(), undefer() and undefer_group())", "{output:?}");
    let (ok, output, class) = run("from sqlalchemy import Colum\n");
    assert!(!ok);
    assert_eq!(class.as_deref(), Some("ImportError"));
    assert_eq!(output.last().unwrap(), "ImportError: cannot import name 'Colum' from 'sqlalchemy' (.venv/lib/python3.11/site-packages/sqlalchemy/__init__.py)");
    let (_, output, _) = run("import sqlalchemy as sa\nsa.nosuch\n");
    assert_eq!(output.last().unwrap(), "AttributeError: module 'sqlalchemy' has no attribute 'nosuch'");
    // A module of Python's standard library is on the learner's machine: the lab says it lacks it.
    let (ok, output, _) = run("from statistics import mean\n");
    assert!(!ok);
    assert_eq!(output.last().unwrap(), "not available in this lab: the module statistics (the lab's Python has part of the standard library)");
    let (ok, output, _) = run("from functools import singledispatch\n");
    assert!(!ok);
    assert_eq!(output.last().unwrap(), "not available in this lab: functools.singledispatch (the lab's Python has part of the standard library)", "{output:?}");
    let (_, output, _) = run("from typing import TypeVar\n");
    assert_eq!(output.last().unwrap(), "not available in this lab: typing.TypeVar (the lab's Python has part of the standard library)", "{output:?}");
    let (_, output, _) = run("import logging.handlers\n");
    assert_eq!(output.last().unwrap(), "not available in this lab: the module logging.handlers (the lab's Python has part of the standard library)");
    // Python the lab cannot run says so, rather than a wrong error or a wrong result.
    let (_, output, _) = run("class Blob(bytes):\n    pass\n");
    assert_eq!(output.last().unwrap(), "not available in this lab: a subclass of the built-in type bytes", "{output:?}");
    let (_, output, _) = run("class Meta(type):\n    pass\n");
    assert_eq!(output.last().unwrap(), "not available in this lab: a metaclass (a class deriving from type)", "{output:?}");
    let (_, output, _) = run("import math\nmath.erf(1)\n");
    assert_eq!(output.last().unwrap(), "not available in this lab: math.erf", "{output:?}");
    let (_, output, _) = run("T = type('T', (), {})\n");
    assert_eq!(output.last().unwrap(), "not available in this lab: type() with three arguments (a class made without a class statement)", "{output:?}");
    let (_, output, _) = run("print('\\N{BULLET}')\n");
    assert_eq!(output.last().unwrap(), "SyntaxError: named Unicode escapes (\\N{...}) are not available in this lab's Python", "{output:?}");
    let (ok, output, class) = run("import requests\n");
    assert!(!ok);
    assert_eq!(class.as_deref(), Some("ModuleNotFoundError"));
    assert_eq!(output.last().unwrap(), "ModuleNotFoundError: No module named 'requests'");
    let mut lab = Lab::new(Sources::default());
    let result = lab.run("python missing.py");
    assert_eq!(result.output, ["python: can't open file 'missing.py': [Errno 2] No such file or directory"]);
    assert!(lab.run("python").output[0].starts_with("not available in this lab"));
}

#[test]
fn a_syntax_error_points_at_its_line() {
    let (ok, output, class) = run("print('fine')\nx = = 2\n");
    assert!(!ok);
    assert_eq!(class.as_deref(), Some("SyntaxError"));
    assert!(output.iter().any(|l| l.contains("File \"prog.py\", line 2")), "{output:?}");
}

#[test]
fn nested_and_self_containing_values_print_without_overflowing() {
    let (ok, output, _) = run("l = [1]\nl.append(l)\nd = {}\nd['me'] = d\nprint(l, d)\n");
    assert!(ok, "{output:?}");
    assert_eq!(output, ["[1, [...]] {'me': {...}}"]);
    let (ok, output, class) = run("x = []\nfor i in range(100000):\n    x = [x]\nprint(x)\n");
    assert!(!ok);
    assert_eq!(class.as_deref(), Some("RecursionError"), "{output:?}");
    let (_, output, _) = run("x = ()\nfor i in range(1000):\n    x = (x,)\nd = {}\ntry:\n    d[x] = 1\nexcept TypeError as e:\n    print('refused')\nprint(x == x)\n");
    assert_eq!(output.first().map(String::as_str), Some("refused"), "{output:?}");
}

#[test]
fn long_chains_of_objects_are_freed_without_overflowing() {
    // Each value holds the one made before it; letting go of the last frees them all, one after
    // another, not by nesting a call per link (which overflowed the stack natively and trapped in
    // the browser).
    let programs = [
        "class Node:\n    def __init__(self, nxt):\n        self.nxt = nxt\nhead = None\nfor i in range(60000):\n    head = Node(head)\nhead = None\nprint('freed')\n",
        "g = iter([1])\nfor i in range(30000):\n    g = (y for y in g)\ng = None\nprint('freed')\n",
        "e = iter([1])\nfor i in range(30000):\n    e = enumerate(e)\ne = None\nprint('freed')\n",
    ];
    for source in programs {
        let (ok, output, error) = run(source);
        assert!(ok, "{source}: {output:?} {error:?}");
        assert_eq!(output, ["freed"]);
    }
}

#[test]
fn recursion_through_operators_and_comprehensions_is_a_recursion_error() {
    // Each level here runs a special method, a comprehension and a generator expression: far
    // more machine stack than a plain call. The lab counts the stack too, so this ends as
    // Python's RecursionError instead of overflowing (the million-program fuzz found it).
    let source = "class M:\n    def __init__(self, rows):\n        self.rows = [list(r) for r in rows]\n        self.n = len(self.rows)\n    def __add__(self, other):\n        if (self.n, 1) != (other.n, 1):\n            raise ValueError('shape')\n        return M([[a + b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])\n    def __eq__(self, other):\n        return isinstance(other, M) and self.rows == other.rows\na, b = M([[1, 2], [3, 4]]), M([[0, 1], [1, 0]])\nprint(a + b)\n";
    let (ok, output, error) = run(source);
    assert!(!ok);
    assert_eq!(error.as_deref(), Some("RecursionError"), "{output:?}");
}

#[test]
fn a_sql_expression_nested_without_end_is_a_recursion_error_and_the_deepest_allowed_one_runs() {
    // Each loop would nest thousands deep: compiling (or dropping) that would exhaust the stack.
    const MODELS: &str = "from sqlalchemy import select, func, create_engine\nfrom sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, Session\nclass Base(DeclarativeBase):\n    pass\nclass U(Base):\n    __tablename__ = 'u'\n    id: Mapped[int] = mapped_column(primary_key=True)\n";
    for grow in ["x = U.id\nfor i in range(5000):\n    x = x + 1\n", "x = U.id\nfor i in range(5000):\n    x = func.abs(x)\n", "s = select(U.id)\nfor i in range(5000):\n    s = select(s.subquery().c.id)\n", "s = select(U.id)\nfor i in range(5000):\n    s = select(U.id).where(U.id.in_(s))\n"] {
        let (ok, output, class) = run(&format!("{MODELS}{grow}"));
        assert!(!ok);
        assert_eq!(class.as_deref(), Some("RecursionError"), "{output:?}");
        assert_eq!(output.last().unwrap(), "RecursionError: maximum recursion depth exceeded");
    }
    let deepest = "engine = create_engine('sqlite://')\nBase.metadata.create_all(engine)\nx = U.id\nfor i in range(130):\n    x = func.abs(x + 1) if i % 2 else x + 1\ns = select(U.id)\nfor i in range(49):\n    s = select(s.subquery().c.id)\nwith Session(engine) as session:\n    print(len(str(select(x))) > 0, session.execute(select(x)).all(), session.execute(s).all())\n";
    let (ok, output, _) = run(&format!("{MODELS}{deepest}"));
    assert!(ok, "{output:?}");
    assert_eq!(output.last().unwrap(), "True [] []");
}
