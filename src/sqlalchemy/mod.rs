//! The lab's `sqlalchemy`: Core (engines, connections, tables, SQL expressions compiled to
//! SQLite's SQL as SQLAlchemy writes it) and the ORM (declarative mapping, Session, Query), as
//! native modules the interpreter imports. The learner's own `src/db.py` and models run on it.
//!
//! Everything is in SQLAlchemy's words; what it prints (echo log, reprs, error messages) is what
//! SQLAlchemy 2.1 prints, checked against recordings of the real library (tests/python/).

pub mod convert;
pub mod dbapi;
pub mod ddl;
pub mod engine;
pub mod event;
pub mod expression;
pub mod inspection;
pub mod orm;
pub mod pool;
pub mod reflection;
pub mod result;
pub mod schema;
pub mod statement;
pub mod subquery;
pub mod types;

use std::rc::Rc;

use crate::databases::Databases;
use crate::interp::native::Native;
use crate::interp::object::Obj;
use crate::interp::{Interpreter, Res};

use convert::{function, native};
use expression::{coerce, condition, Sql};

/// The version `sqlalchemy.__version__` reports: the one the lab follows.
pub const VERSION: &str = "2.1.9";

/// The SQL a native column-like value stands for (a `Column`, a mapped attribute).
pub fn column_sql(_py: &mut Interpreter, value: &dyn Native) -> Res<Option<Sql>> {
    let any = value.as_any();
    if let Some(column) = any.downcast_ref::<schema::ColumnObj>() {
        return Ok(Some(column.expression()));
    }
    if let Some(attr) = any.downcast_ref::<orm::mapper::InstrumentedAttribute>() {
        return Ok(Some(attr.column.sql.clone()));
    }
    if let Some(attr) = any.downcast_ref::<orm::column_property::ExpressionAttr>() {
        return Ok(Some(attr.property.sql.clone()));
    }
    Ok(None)
}

fn conjunction(name: &'static str) -> Obj {
    function(name, move |py, args, _| {
        let mut items = Vec::new();
        for arg in &args {
            items.push(condition(py, arg)?);
        }
        expression::grown(py, match name {
            "and_" => expression::and(items),
            _ => expression::or(items),
        })
    })
}

fn ordering(descending: bool) -> Obj {
    function(if descending { "desc" } else { "asc" }, move |py, args, _| {
        let Some(arg) = args.first() else { return py.error("TypeError", "missing 1 required positional argument: 'column'") };
        let sql = match arg {
            Obj::Str(name) => Sql::LabelReference(name.clone()),
            other => coerce(py, other)?,
        };
        expression::grown(py, Sql::Order { expr: Box::new(sql), descending })
    })
}

/// `nulls_first(expr)` / `nulls_last(expr)`.
fn nulls(first: bool) -> Obj {
    function(if first { "nulls_first" } else { "nulls_last" }, move |py, args, _| {
        let Some(arg) = args.first() else { return py.error("TypeError", "nulls_first() missing 1 required positional argument: 'column'") };
        let sql = coerce(py, arg)?;
        expression::grown(py, Sql::Nulls { expr: Box::new(sql), first })
    })
}

/// Makes `sqlalchemy`, `sqlalchemy.orm`, `sqlalchemy.exc` and `sqlalchemy.orm.exc` importable,
/// over the lab's databases.
pub fn install(py: &mut Interpreter, databases: Databases) {
    // SQLAlchemy's and Alembic's modules and names (tests/sqlalchemy/library_names.py).
    py.declare_library_names(include_str!("../library_names.txt"));
    py.register_python_module("sqlalchemy.exc", "sqlalchemy/exc.py", include_str!("exc.py"));
    py.register_python_module("sqlalchemy.ext", "sqlalchemy/ext/__init__.py", "");
    py.register_python_module("sqlalchemy.ext.hybrid", "sqlalchemy/ext/hybrid.py", include_str!("hybrid.py"));
    py.register_python_module("sqlalchemy.ext.associationproxy", "sqlalchemy/ext/associationproxy.py", include_str!("associationproxy.py"));
    // The driver's exception classes, which SQLAlchemy's wrap (`e.orig`).
    py.register_python_module(
        "sqlite3",
        "sqlite3/__init__.py",
        "class Warning(Exception):\n    pass\n\n\nclass Error(Exception):\n    pass\n\n\nclass InterfaceError(Error):\n    pass\n\n\nclass DatabaseError(Error):\n    pass\n\n\nclass DataError(DatabaseError):\n    pass\n\n\nclass OperationalError(DatabaseError):\n    pass\n\n\nclass IntegrityError(DatabaseError):\n    pass\n\n\nclass InternalError(DatabaseError):\n    pass\n\n\nclass ProgrammingError(DatabaseError):\n    pass\n\n\nclass NotSupportedError(DatabaseError):\n    pass\n\n\nsqlite_version = \"3\"\n\nfrom _sqlite3 import connect\n",
    );
    let for_sqlite3 = databases.clone();
    py.register_module(
        "_sqlite3",
        Rc::new(move |_: &mut Interpreter| {
            let databases = for_sqlite3.clone();
            Ok(vec![("connect".into(), function("connect", move |py, args, kwargs| dbapi::connect(py, &databases, args, kwargs)))])
        }),
    );
    py.register_python_module("sqlalchemy.orm.properties", "sqlalchemy/orm/properties.py", include_str!("properties.py"));
    py.register_python_module("sqlalchemy.orm.decl_api", "sqlalchemy/orm/decl_api.py", include_str!("decl_api.py"));
    py.register_python_module(
        "sqlalchemy.orm.exc",
        "sqlalchemy/orm/exc.py",
        "from sqlalchemy.exc import (StaleDataError, FlushError, MappedAnnotationError, UnmappedError, DetachedInstanceError,\n    UnmappedInstanceError, UnmappedClassError, ObjectDeletedError, LoaderStrategyException, NoResultFound, MultipleResultsFound)\n",
    );
    py.register_module(
        "sqlalchemy",
        Rc::new(move |py: &mut Interpreter| {
            engine::quiet_by_default(py)?;
            let databases = databases.clone();
            let for_config = databases.clone();
            let mut members: Vec<(String, Obj)> = vec![
                ("__version__".into(), Obj::str(VERSION)),
                (
                    "engine_from_config".into(),
                    function("engine_from_config", move |py, args, kwargs| engine_from_config(py, &for_config, args, kwargs)),
                ),
                ("create_engine".into(), function("create_engine", move |py, args, kwargs| engine::create_engine(py, &databases, args, kwargs))),
                ("text".into(), function("text", statement::text_call)),
                ("select".into(), function("select", statement::select_call)),
                ("insert".into(), function("insert", |py, args, _| statement::dml_of(py, statement::DmlKind::Insert, args.first(), "insert"))),
                ("update".into(), function("update", |py, args, _| statement::dml_of(py, statement::DmlKind::Update, args.first(), "update"))),
                ("delete".into(), function("delete", |py, args, _| statement::dml_of(py, statement::DmlKind::Delete, args.first(), "delete"))),
                ("and_".into(), conjunction("and_")),
                ("or_".into(), conjunction("or_")),
                (
                    "not_".into(),
                    function("not_", |py, args, _| {
                        let Some(arg) = args.first() else { return py.error("TypeError", "not_() missing 1 required positional argument: 'clause'") };
                        let negated = condition(py, arg)?.negate();
                        expression::grown(py, negated)
                    }),
                ),
                ("desc".into(), ordering(true)),
                ("asc".into(), ordering(false)),
                ("null".into(), function("null", |_, _, _| Ok(expression::expr(Sql::Null)))),
                ("bindparam".into(), function("bindparam", expression::bindparam)),
                ("true".into(), function("true", |_, _, _| Ok(expression::expr(Sql::True)))),
                ("false".into(), function("false", |_, _, _| Ok(expression::expr(Sql::False)))),
                (
                    "literal".into(),
                    function("literal", |py, args, _| {
                        let Some(arg) = args.first() else { return py.error("TypeError", "literal() missing 1 required positional argument: 'value'") };
                        let value = convert::to_value(py, arg)?;
                        expression::grown(py, Sql::Bind(value))
                    }),
                ),
                ("func".into(), native(expression::Func)),
                ("case".into(), function("case", expression::case_call)),
                (
                    "cast".into(),
                    function("cast", |py, args, _| {
                        let [value, to] = args.as_slice() else { return py.error("TypeError", "cast() missing 1 required positional argument: 'type_'") };
                        let Some(to) = types::sql_type_of(py, to)? else { return py.error("TypeError", "cast() needs a type") };
                        let value = coerce(py, value)?;
                        expression::grown(py, Sql::Cast { expr: Box::new(value), to })
                    }),
                ),
                (
                    "literal_column".into(),
                    function("literal_column", |py, args, _| match args.first() {
                        Some(Obj::Str(text)) => expression::grown(py, Sql::Literal(text.clone())),
                        _ => py.error("TypeError", "literal_column() needs the SQL text"),
                    }),
                ),
                (
                    "distinct".into(),
                    function("distinct", |py, args, _| {
                        let Some(arg) = args.first() else { return py.error("TypeError", "distinct() missing 1 required positional argument: 'expr'") };
                        let inner = coerce(py, arg)?;
                        expression::grown(py, Sql::Distinct(Box::new(inner)))
                    }),
                ),
                ("union".into(), function("union", |py, args, _| statement::compound(py, "UNION", &args))),
                ("union_all".into(), function("union_all", |py, args, _| statement::compound(py, "UNION ALL", &args))),
                ("except_".into(), function("except_", |py, args, _| statement::compound(py, "EXCEPT", &args))),
                ("except_all".into(), function("except_all", |py, args, _| statement::compound(py, "EXCEPT ALL", &args))),
                ("intersect".into(), function("intersect", |py, args, _| statement::compound(py, "INTERSECT", &args))),
                ("intersect_all".into(), function("intersect_all", |py, args, _| statement::compound(py, "INTERSECT ALL", &args))),
                ("nulls_first".into(), nulls(true)),
                ("nulls_last".into(), nulls(false)),
                ("nullsfirst".into(), nulls(true)),
                ("nullslast".into(), nulls(false)),
                ("exists".into(), function("exists", expression::exists_call)),
                (
                    "between".into(),
                    function("between", |py, args, _| {
                        let [expr, low, high] = args.as_slice() else { return py.error("TypeError", "between() takes 3 arguments: expr, lower_bound, upper_bound") };
                        let (e, l, h) = (coerce(py, expr)?, coerce(py, low)?, coerce(py, high)?);
                        expression::grown(py, Sql::Between { expr: Box::new(e), low: Box::new(l), high: Box::new(h) })
                    }),
                ),
                ("MetaData".into(), function("MetaData", schema::metadata_call)),
                ("Table".into(), function("Table", schema::table_call)),
                (
                    "Column".into(),
                    function("Column", |py, args, kwargs| {
                        schema::check_column_keywords(py, &kwargs, false)?;
                        let spec = schema::ColumnSpec::from_args(py, &args, &kwargs)?;
                        Ok(native(schema::ColumnObj::new(spec)))
                    }),
                ),
                ("ForeignKey".into(), function("ForeignKey", schema::foreign_key_call)),
                // The lightweight `table()` / `column()` of data migrations: a table by name and
                // the columns a statement needs, on no MetaData.
                (
                    "table".into(),
                    function("table", |py, args, _| {
                        let name = match args.first() {
                            Some(Obj::Str(name)) => name.to_string(),
                            _ => return py.error("TypeError", "table() missing 1 required positional argument: 'name'"),
                        };
                        Ok(schema::table_value(schema::TableObj::new(&name, args[1..].to_vec(), Vec::new(), Vec::new(), None)))
                    }),
                ),
                (
                    "column".into(),
                    function("column", |py, args, kwargs| {
                        let spec = schema::ColumnSpec::from_args(py, &args, &kwargs)?;
                        Ok(native(schema::ColumnObj::new(spec)))
                    }),
                ),
                ("inspect".into(), function("inspect", inspection::inspect)),
                ("Engine".into(), engine_class()),
                ("Connection".into(), connection_class()),
            ];
            for kind in ["UniqueConstraint", "CheckConstraint", "PrimaryKeyConstraint", "ForeignKeyConstraint", "Index"] {
                members.push((kind.into(), schema::table_item(kind)));
            }
            for name in types::TYPE_NAMES {
                members.push(((*name).into(), native(types::TypeClass(name))));
            }
            // `sqlalchemy/__init__.py` imports these submodules: `sa.event.listen` works at once.
            let engine_members = members.iter().filter(|(n, _)| matches!(n.as_str(), "Engine" | "Connection" | "create_engine" | "engine_from_config" | "inspect")).cloned().collect();
            members.push(("engine".into(), py.define_module("sqlalchemy.engine", engine_members)));
            members.push(("event".into(), py.define_module("sqlalchemy.event", event::members())));
            Ok(members)
        }),
    );
    py.register_module(
        "sqlalchemy.sql",
        Rc::new(|py: &mut Interpreter| {
            // `from sqlalchemy.sql import table, column`: the same objects as `sqlalchemy`'s.
            let sa = py.import("sqlalchemy")?;
            let mut members = Vec::new();
            for name in ["table", "column", "text", "select", "insert", "update", "delete", "and_", "or_", "not_", "func", "literal", "null", "true", "false", "desc", "asc", "between", "bindparam"] {
                members.push((name.to_string(), py.get_attr(&sa, name)?));
            }
            Ok(members)
        }),
    );
    py.register_module("sqlalchemy.schema", Rc::new(ddl::schema_members));
    // SQLite's dialect: its `insert` with the upsert clauses, and its type names.
    py.register_module(
        "sqlalchemy.dialects.sqlite",
        Rc::new(|py: &mut Interpreter| {
            let sa = py.import("sqlalchemy")?;
            let mut members = vec![("insert".to_string(), function("insert", |py, args, _| statement::sqlite_insert(py, args.first())))];
            for name in ["BLOB", "BOOLEAN", "CHAR", "DATE", "DATETIME", "DECIMAL", "FLOAT", "INTEGER", "JSON", "NUMERIC", "REAL", "SMALLINT", "TEXT", "TIME", "TIMESTAMP", "VARCHAR"] {
                members.push((name.to_string(), py.get_attr(&sa, name)?));
            }
            Ok(members)
        }),
    );
    // PostgreSQL's and MySQL's dialects: the type names a project's revision files import from
    // them and SQLite's compiler renders (`postgresql.UUID(as_uuid=True)`, `JSONB`,
    // `mysql.INTEGER(display_width=11)`). The rest (ARRAY, INET, TINYINT, …) are listed as not
    // available: SQLite's compiler cannot render them either.
    for (module, names) in [
        ("sqlalchemy.dialects.postgresql", &["BIGINT", "BOOLEAN", "CHAR", "DATE", "DOUBLE_PRECISION", "ENUM", "FLOAT", "INTEGER", "JSON", "JSONB", "NUMERIC", "REAL", "SMALLINT", "TEXT", "TIME", "TIMESTAMP", "UUID", "VARCHAR"][..]),
        ("sqlalchemy.dialects.mysql", &["BIGINT", "BLOB", "BOOLEAN", "CHAR", "DATE", "DATETIME", "DECIMAL", "DOUBLE", "FLOAT", "INTEGER", "JSON", "NCHAR", "NUMERIC", "NVARCHAR", "REAL", "SMALLINT", "TEXT", "TIME", "TIMESTAMP", "VARCHAR"][..]),
    ] {
        py.register_module(module, Rc::new(move |_: &mut Interpreter| Ok(names.iter().map(|name| ((*name).to_string(), native(types::TypeClass(name)))).collect())));
    }
    // The package: `from sqlalchemy.dialects import sqlite` imports the submodule.
    py.register_module("sqlalchemy.dialects", Rc::new(|_: &mut Interpreter| Ok(Vec::new())));
    py.register_module(
        "sqlalchemy.pool",
        Rc::new(|py: &mut Interpreter| {
            // The lab's databases are not pooled: the pool classes are names env.py can pass.
            Ok(["NullPool", "StaticPool", "QueuePool", "SingletonThreadPool", "Pool"].iter().map(|name| (name.to_string(), py.new_class(name, Vec::new()))).collect())
        }),
    );
    py.register_module(
        "sqlalchemy.orm",
        Rc::new(|py: &mut Interpreter| {
            let base = orm::mapper::declarative_base_class(py);
            // The mixin marks a base; the mapping (orm/mapper.rs) makes its classes dataclasses.
            let as_dataclass = py.new_class("MappedAsDataclass", Vec::new());
            if let Obj::Class(c) = &as_dataclass {
                c.attrs.borrow_mut().insert_str("__module__", Obj::str("sqlalchemy.orm.decl_api"));
            }
            Ok(vec![
                ("DeclarativeBase".into(), base),
                ("MappedAsDataclass".into(), as_dataclass),
                ("Mapped".into(), native(orm::mapper::MappedForm("Mapped"))),
                ("WriteOnlyMapped".into(), native(orm::mapper::MappedForm("WriteOnlyMapped"))),
                ("mapped_column".into(), function("mapped_column", orm::mapper::mapped_column)),
                ("relationship".into(), function("relationship", orm::relationship::relationship_call)),
                ("backref".into(), function("backref", orm::relationship::backref_call)),
                ("sessionmaker".into(), function("sessionmaker", |_, args, kwargs| Ok(orm::session::sessionmaker(args, kwargs)))),
                ("Session".into(), function("Session", |py, args, kwargs| orm::session::new_session(py, &args, &kwargs))),
                (
                    "declarative_base".into(),
                    function("declarative_base", |py, args, kwargs| {
                        // Written in Python (sqlalchemy/orm/decl_api.py): a class statement is
                        // what makes a subclass of DeclarativeBase.
                        let module = py.import("sqlalchemy.orm.decl_api")?;
                        let make = py.get_attr(&module, "declarative_base")?;
                        py.call(make, args, kwargs)
                    }),
                ),
                ("selectinload".into(), function("selectinload", orm::loader::selectinload)),
                ("joinedload".into(), function("joinedload", orm::loader::joinedload)),
                ("contains_eager".into(), function("contains_eager", orm::loader::contains_eager)),
                ("raiseload".into(), function("raiseload", orm::loader::raiseload)),
                ("load_only".into(), function("load_only", orm::deferred::load_only)),
                ("column_property".into(), function("column_property", orm::column_property::column_property)),
                ("deferred".into(), function("deferred", orm::column_property::deferred)),
                ("defer".into(), function("defer", orm::deferred::defer)),
                ("undefer".into(), function("undefer", orm::deferred::undefer)),
                ("undefer_group".into(), function("undefer_group", orm::deferred::undefer_group)),
                ("lazyload".into(), function("lazyload", orm::loader::lazyload)),
                ("aliased".into(), function("aliased", orm::aliased::aliased)),
                ("with_parent".into(), function("with_parent", orm::relationship::with_parent)),
                ("validates".into(), function("validates", orm::mapper::validates)),
                ("Mapper".into(), Obj::Native(Rc::new(crate::interp::native::NativeType(orm::mapper::MAPPER_CLASS.to_string())))),
                // What `inspect(User).attrs` holds (sqlalchemy/properties.py), imported when named.
                (
                    "__getattr__".into(),
                    function("__getattr__", |py, args, _| {
                        let name = match args.first() {
                            Some(Obj::Str(name)) => name.clone(),
                            _ => return py.error("TypeError", "__getattr__() missing 1 required positional argument: 'name'"),
                        };
                        const PROPERTIES: [&str; 8] = ["ColumnProperty", "MappedSQLExpression", "MapperProperty", "RelationshipProperty", "RelationshipDirection", "ONETOMANY", "MANYTOONE", "MANYTOMANY"];
                        if !PROPERTIES.contains(&&*name) {
                            return py.error("AttributeError", format!("module 'sqlalchemy.orm' has no attribute '{name}'"));
                        }
                        let module = py.import("sqlalchemy.orm.properties")?;
                        py.get_attr(&module, &name)
                    }),
                ),
            ])
        }),
    );
}

/// The `Engine` class, as `isinstance()` and `event.listen(Engine, …)` take it.
fn engine_class() -> Obj {
    Obj::Native(Rc::new(crate::interp::native::NativeType(engine::ENGINE_CLASS.to_string())))
}

fn connection_class() -> Obj {
    Obj::Native(Rc::new(crate::interp::native::NativeType(engine::CONNECTION_CLASS.to_string())))
}

/// `engine_from_config(config, prefix="sqlalchemy.", **kw)`: an engine for the `<prefix>url` of a
/// configuration dict (alembic.ini's section), with `<prefix>echo` read as SQLAlchemy reads it.
fn engine_from_config(py: &mut Interpreter, databases: &Databases, args: Vec<Obj>, kwargs: Vec<(String, Obj)>) -> Res<Obj> {
    let Some(configuration) = args.first().or_else(|| convert::kwarg(&kwargs, "configuration")).cloned() else {
        return py.error("TypeError", "engine_from_config() missing 1 required positional argument: 'configuration'");
    };
    let prefix = match args.get(1).or_else(|| convert::kwarg(&kwargs, "prefix")) {
        Some(Obj::Str(p)) => p.to_string(),
        _ => "sqlalchemy.".to_string(),
    };
    let items = statement::dict_items(py, &configuration)?;
    let Some((_, url)) = items.iter().find(|(k, _)| *k == format!("{prefix}url")) else {
        return py.error("KeyError", "url");
    };
    let mut options = Vec::new();
    if let Some((_, Obj::Str(echo))) = items.iter().find(|(k, _)| *k == format!("{prefix}echo")) {
        let on = matches!(echo.to_ascii_lowercase().as_str(), "true" | "1" | "yes" | "on");
        options.push(("echo".to_string(), Obj::Bool(on)));
    }
    options.extend(kwargs.into_iter().filter(|(k, _)| k == "poolclass"));
    engine::create_engine(py, databases, vec![url.clone()], options)
}

/// The MetaData a project's models declare: `modules` imported (their classes mapped as the class
/// bodies run), then `Base.metadata` of `base_module`. A model's error is its Python traceback.
pub fn declared_metadata(files: crate::Files, modules: &[&str], base_module: &str) -> crate::Result<crate::schema::MetaData> {
    let mut py = Interpreter::new(files);
    install(&mut py, Databases::new(crate::watchdog::DEFAULT_BUDGET_MS));
    let (value, outcome) = py.run_host(|py| {
        for module in modules {
            py.import(module)?;
        }
        let base = py.import(base_module)?;
        let base = py.get_attr(&base, "Base")?;
        py.get_attr(&base, "metadata")
    });
    if let Some((class, traceback)) = outcome.error {
        return Err(crate::Error::python(&class, traceback.trim_end()));
    }
    match value.as_ref().and_then(|v| v.native::<schema::MetaDataObj>()) {
        Some(metadata) => Ok(metadata.to_schema()),
        None => Err(crate::Error::new(crate::ErrorKind::TypeError, "Base.metadata is not a MetaData")),
    }
}

