//! Operations → Python, in the layout Alembic's autogenerate writes (`op.create_table('users',` then
//! one `sa.Column(...)` per line; `alter_column` keyword arguments on continuation lines; batch
//! blocks with `batch_op.`), so a file written by the lab reads like one written by Alembic.

use crate::migrate::ops::{AlterColumn, Op};
use crate::schema::{Column, Constraint, ForeignKey, ServerDefault, SqlType, Table};
use crate::value::Value;

/// Continuation lines of `alter_column` start here, as in Alembic's output.
const CONTINUATION: &str = "               ";

/// `repr()` of a Python string.
pub fn py_str(text: &str) -> String {
    Value::Text(text.to_string()).python_repr()
}

/// The inside of a Python tuple of names: `'a',` for one, `'a', 'b'` for more.
pub(super) fn tuple_inside(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|c| format!("'{c}'")).collect();
    if quoted.len() == 1 {
        format!("{},", quoted[0])
    } else {
        quoted.join(", ")
    }
}

fn py_list(items: &[String]) -> String {
    format!("[{}]", items.iter().map(|i| py_str(i)).collect::<Vec<_>>().join(", "))
}

fn py_bool(value: bool) -> &'static str {
    if value {
        "True"
    } else {
        "False"
    }
}

fn py_opt_str(value: &Option<String>) -> String {
    value.as_deref().map_or_else(|| "None".into(), py_str)
}

/// `sa.String(length=120)`, `sa.Integer()`, `sa.VARCHAR()` …
pub fn render_type(sql_type: &SqlType) -> String {
    // PostgreSQL's JSONB is not in `sqlalchemy`: Alembic writes it from the dialect, with its
    // `astext_type` as Alembic 1.20 writes it (an unqualified `Text()`), and the import.
    if matches!(sql_type, SqlType::Upper(_, "JSONB")) {
        return "postgresql.JSONB(astext_type=Text())".into();
    }
    let (spelled, inner) = match sql_type {
        SqlType::Upper(inner, spelled) => (Some(*spelled), inner.base()),
        other => (None, other),
    };
    let name = spelled.unwrap_or(inner.class_names().0).to_string();
    let (name, args) = match inner {
        SqlType::String(length) => (name, length.map_or_else(String::new, |n| format!("length={n}"))),
        SqlType::Numeric(ps) => (name, ps.map_or_else(String::new, |(p, s)| format!("precision={p}, scale={s}"))),
        SqlType::Uuid(false) => (name, "as_uuid=False".to_string()),
        SqlType::Enum { values, name } => {
            let mut args: Vec<String> = values.iter().map(|v| py_str(v)).collect();
            if let Some(name) = name {
                args.push(format!("name={}", py_str(name)));
            }
            ("Enum".to_string(), args.join(", "))
        }
        _ => (name, String::new()),
    };
    format!("sa.{name}({args})")
}

fn render_server_default(default: &Option<ServerDefault>) -> String {
    match default {
        None => "None".into(),
        Some(ServerDefault::Literal(text)) => py_str(text),
        Some(ServerDefault::Text(sql)) => format!("sa.text({})", py_str(sql)),
    }
}

/// `sa.Column('email', sa.String(length=120), nullable=True)`.
pub fn render_column(column: &Column) -> String {
    let mut text = format!("sa.Column({}, {}", py_str(&column.name), render_type(&column.sql_type));
    if let Some(default) = &column.server_default {
        text.push_str(&format!(", server_default={}", render_server_default(&Some(default.clone()))));
    }
    text.push_str(&format!(", nullable={})", py_bool(column.nullable)));
    text
}

fn render_foreign_key(fk: &ForeignKey, conventional: &[String]) -> String {
    let targets: Vec<String> = fk.ref_columns.iter().map(|c| format!("{}.{c}", fk.ref_table)).collect();
    let mut options = Vec::new();
    if let Some(name) = &fk.name {
        options.push(format!("name={}", named(name, conventional)));
    }
    if let Some(action) = &fk.onupdate {
        options.push(format!("onupdate={}", py_str(action)));
    }
    if let Some(action) = &fk.ondelete {
        options.push(format!("ondelete={}", py_str(action)));
    }
    format!("sa.ForeignKeyConstraint({}, {}, {})", py_list(&fk.columns), py_list(&targets), options.join(", "))
}

/// A constraint's name: `op.f('…')` when the table's naming convention made it.
fn named(name: &str, conventional: &[String]) -> String {
    gen_name("op", name, conventional.iter().any(|n| n == name))
}

fn with_name(mut text: String, name: &Option<String>, conventional: &[String]) -> String {
    if let Some(name) = name {
        text.push_str(&format!(", name={}", named(name, conventional)));
    }
    text.push(')');
    text
}

/// A table constraint as it appears inside `op.create_table(...)`.
pub fn render_constraint(constraint: &Constraint) -> String {
    render_constraint_of(constraint, &[])
}

fn render_constraint_of(constraint: &Constraint, conventional: &[String]) -> String {
    match constraint {
        Constraint::Unique { name, columns } => {
            let cols: Vec<String> = columns.iter().map(|c| py_str(c)).collect();
            with_name(format!("sa.UniqueConstraint({}", cols.join(", ")), name, conventional)
        }
        Constraint::Check { name, sqltext } => with_name(format!("sa.CheckConstraint({}", py_str(sqltext)), name, conventional),
        Constraint::ForeignKey(fk) => render_foreign_key(fk, conventional),
    }
}

/// The items of `op.create_table`: columns in order, then the constraints sorted by their text
/// (as Alembic sorts them), the primary key among them.
pub fn create_table_items(table: &Table) -> Vec<String> {
    let conventional = &table.conventional_names;
    let mut constraints: Vec<String> = table.constraints.iter().map(|c| render_constraint_of(c, conventional)).collect();
    let pk: Vec<String> = table.primary_key().map(|c| py_str(&c.name)).collect();
    if !pk.is_empty() {
        let name = table.primary_key_name.as_ref().map(|n| format!(", name={}", named(n, conventional))).unwrap_or_default();
        constraints.push(format!("sa.PrimaryKeyConstraint({}{name})", pk.join(", ")));
    }
    crate::sorting::sort(&mut constraints);
    table.columns.iter().map(render_column).chain(constraints).collect()
}

/// A constraint or index name: `op.f('name')` when it is a `conv` (named by a convention, or
/// reflected), else the plain string — Alembic's `_render_gen_name`.
fn gen_name(prefix: &str, name: &str, conv: bool) -> String {
    if conv {
        format!("{prefix}.f({})", py_str(name))
    } else {
        py_str(name)
    }
}

fn render_alter(prefix: &str, alter: &AlterColumn, in_batch: bool) -> String {
    let mut text = if in_batch {
        format!("{prefix}.alter_column({}", py_str(&alter.column))
    } else {
        format!("{prefix}.alter_column({}, {}", py_str(&alter.table), py_str(&alter.column))
    };
    let mut arg = |key: &str, value: String| text.push_str(&format!(",\n{CONTINUATION}{key}={value}"));
    if let Some(t) = &alter.existing_type {
        arg("existing_type", render_type(t));
    }
    if let Some(default) = &alter.server_default {
        arg("server_default", render_server_default(default));
    }
    if let Some(name) = &alter.new_column_name {
        arg("new_column_name", py_str(name));
    }
    if let Some(t) = &alter.type_ {
        arg("type_", render_type(t));
    }
    if let Some(nullable) = alter.nullable {
        arg("nullable", py_bool(nullable).into());
    }
    if alter.nullable.is_none() {
        if let Some(existing) = alter.existing_nullable {
            arg("existing_nullable", py_bool(existing).into());
        }
    }
    if alter.server_default.is_none() {
        if let Some(existing) = &alter.existing_server_default {
            arg("existing_server_default", render_server_default(&Some(existing.clone())));
        }
    }
    text.push(')');
    text
}

fn render_value(value: &Value) -> String {
    match value {
        Value::Text(_) => value.python_repr(),
        other => other.python_str(),
    }
}

/// One operation as Python lines, indented by `indent` (4 in `upgrade()`, 8 in a batch block).
pub fn render_op(op: &Op, indent: usize) -> Vec<String> {
    let pad = " ".repeat(indent);
    let in_batch = indent > 4;
    let prefix = if in_batch { "batch_op" } else { "op" };
    let one = |text: String| vec![format!("{pad}{text}")];
    match op {
        Op::CreateTable(table) => {
            let mut lines = vec![format!("{pad}op.create_table({},", py_str(&table.name))];
            let mut items = create_table_items(table);
            // The table's dialect keywords follow its columns and constraints.
            if table.sqlite_autoincrement {
                items.push("sqlite_autoincrement=True".to_string());
            }
            let count = items.len();
            for (i, item) in items.into_iter().enumerate() {
                lines.push(format!("{pad}{item}{}", if i + 1 < count { "," } else { "" }));
            }
            lines.push(format!("{pad})"));
            lines
        }
        Op::DropTable { table, .. } => one(format!("op.drop_table({})", py_str(table))),
        Op::AddColumn { table, column } if in_batch => {
            let _ = table;
            one(format!("batch_op.add_column({})", render_column(column)))
        }
        Op::AddColumn { table, column } => one(format!("op.add_column({}, {})", py_str(table), render_column(column))),
        Op::DropColumn { column, .. } if in_batch => one(format!("batch_op.drop_column({})", py_str(column))),
        Op::DropColumn { table, column, .. } => one(format!("op.drop_column({}, {})", py_str(table), py_str(column))),
        Op::AlterColumn(alter) => render_alter(prefix, alter, in_batch).lines().map(|l| {
            if l.starts_with(' ') {
                l.to_string()
            } else {
                format!("{pad}{l}")
            }
        }).collect(),
        Op::RenameTable { old, new } => one(format!("op.rename_table({}, {})", py_str(old), py_str(new))),
        Op::CreateIndex { table, index } => {
            let name = gen_name(prefix, &index.name, index.auto_named);
            let table_arg = if in_batch { String::new() } else { format!("{}, ", py_str(table)) };
            one(format!(
                "{prefix}.create_index({name}, {table_arg}{}, unique={})",
                py_list(&index.columns),
                py_bool(index.unique)
            ))
        }
        Op::DropIndex { table, name, auto_named, .. } => {
            let name = gen_name(prefix, name, *auto_named);
            match table {
                Some(table) if !in_batch => one(format!("op.drop_index({name}, table_name={})", py_str(table))),
                _ => one(format!("{prefix}.drop_index({name})")),
            }
        }
        Op::CreateUniqueConstraint { table, name, columns, conv } => {
            let table_arg = if in_batch { String::new() } else { format!("{}, ", py_str(table)) };
            let name = name.as_deref().map_or_else(|| "None".to_string(), |n| gen_name(prefix, n, *conv));
            one(format!("{prefix}.create_unique_constraint({name}, {table_arg}{})", py_list(columns)))
        }
        Op::CreateForeignKey { table, fk, conv } => {
            let table_arg = if in_batch { String::new() } else { format!("{}, ", py_str(table)) };
            let mut text = format!(
                "{prefix}.create_foreign_key({}, {table_arg}{}, {}, {}",
                fk.name.as_deref().map_or_else(|| "None".to_string(), |n| gen_name(prefix, n, *conv)),
                py_str(&fk.ref_table),
                py_list(&fk.columns),
                py_list(&fk.ref_columns)
            );
            if let Some(action) = &fk.onupdate {
                text.push_str(&format!(", onupdate={}", py_str(action)));
            }
            if let Some(action) = &fk.ondelete {
                text.push_str(&format!(", ondelete={}", py_str(action)));
            }
            text.push(')');
            one(text)
        }
        Op::CreateCheckConstraint { table, name, sqltext } => {
            let table_arg = if in_batch { String::new() } else { format!("{}, ", py_str(table)) };
            one(format!("{prefix}.create_check_constraint({}, {table_arg}{})", py_opt_str(name), py_str(sqltext)))
        }
        Op::DropConstraint { table, name, type_, conv, .. } => {
            let table_arg = if in_batch { String::new() } else { format!(", {}", py_str(table)) };
            let kind = type_.as_ref().map_or_else(String::new, |t| format!(", type_={}", py_str(t)));
            // An unnamed constraint (a foreign key SQLite reflects without a name) renders as
            // None, as Alembic writes it; such a migration needs a name before it can run.
            if name.is_empty() {
                let mut lines: Vec<String> = UNNAMED_CONSTRAINT_WARNING.iter().map(|l| format!("{pad}{l}")).collect();
                lines.push(format!("{pad}{prefix}.drop_constraint(None{table_arg}{kind})"));
                return lines;
            }
            one(format!("{prefix}.drop_constraint({}{table_arg}{kind})", gen_name(prefix, name, *conv)))
        }
        Op::Execute { sql, .. } => one(format!("op.execute({})", py_str(sql))),
        Op::BulkInsert { table, columns, rows } => {
            let cols: Vec<String> = columns.iter().map(|c| format!("sa.column({})", py_str(c))).collect();
            let mut lines = vec![
                format!("{pad}op.bulk_insert("),
                format!("{pad}    sa.table({}, {}),", py_str(table), cols.join(", ")),
                format!("{pad}    ["),
            ];
            for row in rows {
                let fields: Vec<String> = columns
                    .iter()
                    .zip(row)
                    .filter_map(|(c, v)| v.as_ref().map(|v| format!("{}: {}", py_str(c), render_value(v))))
                    .collect();
                lines.push(format!("{pad}        {{{}}},", fields.join(", ")));
            }
            lines.push(format!("{pad}    ],"));
            lines.push(format!("{pad})"));
            lines
        }
        Op::Batch { table, ops, .. } => {
            let mut lines = vec![format!("{pad}with op.batch_alter_table({}, schema=None) as batch_op:", py_str(table))];
            if ops.is_empty() {
                lines.push(format!("{pad}    pass"));
            }
            for inner in ops {
                lines.extend(render_op(inner, indent + 4));
            }
            lines.push(String::new());
            lines
        }
    }
}

/// The comment Alembic writes above a `drop_constraint(None, …)` it rendered.
const UNNAMED_CONSTRAINT_WARNING: [&str; 3] = [
    "# WARNING: constraint name is None; this directive will fail as",
    "# rendered.  Add a name, or use a naming convention; see",
    "# https://alembic.sqlalchemy.org/en/latest/naming.html",
];

/// The UserWarning Python prints (once per distinct text, as its warnings filter does) for each
/// table whose unnamed constraint Alembic rendered a drop for, in the order they are rendered.
pub fn unnamed_drop_warnings(ops: &[Op]) -> Vec<String> {
    fn tables(ops: &[Op], out: &mut Vec<String>) {
        for op in ops {
            match op {
                Op::DropConstraint { table, name, .. } if name.is_empty() => out.push(table.clone()),
                Op::Batch { ops, .. } => tables(ops, out),
                _ => {}
            }
        }
    }
    let mut found = Vec::new();
    tables(ops, &mut found);
    let mut warnings: Vec<String> = Vec::new();
    for table in found {
        let text = super::runner::alembic_warning(
            "autogenerate/render.py:488",
            &format!(
                "Autogenerate rendered a drop_constraint() directive for an unnamed constraint on table {}; the migration \
                 will fail unless a constraint name is added to the directive.  Consider using a naming convention so that \
                 constraint names are known ahead of time.",
                py_str(&table)
            ),
        );
        if !warnings.contains(&text) {
            warnings.push(text);
        }
    }
    warnings
}

/// The body of `upgrade()` / `downgrade()`: the operations, or `pass` when there are none.
pub fn render_ops(ops: &[Op]) -> Vec<String> {
    if ops.is_empty() {
        return vec!["    pass".into()];
    }
    ops.iter().flat_map(|op| render_op(op, 4)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    use wasm_bindgen_test::wasm_bindgen_test as test;
    use crate::migrate::ops::AlterColumn;
    use crate::schema::user_table;
    use crate::schema::Index;

    #[test]
    fn an_enum_renders_as_alembic_writes_it_and_is_a_varchar_on_sqlite() {
        let status = SqlType::Enum { values: vec!["draft".into(), "published".into()], name: Some("status".into()) };
        assert_eq!(render_type(&status), "sa.Enum('draft', 'published', name='status')");
        assert_eq!(render_type(&SqlType::Enum { values: vec!["a".into(), "bb".into()], name: None }), "sa.Enum('a', 'bb')");
        assert_eq!(crate::sql::type_ddl(&status), "VARCHAR(9)");
    }

    fn text(op: &Op) -> String {
        render_op(op, 4).join("\n")
    }

    // What Alembic 1.20.1's render_python_code printed for DropConstraintOp(None, …) and
    // conv-named (reflected) constraints, and the UserWarning it raised once.
    #[test]
    fn reflected_names_render_as_op_f_and_an_unnamed_drop_is_flagged() {
        let fk = ForeignKey {
            name: Some("fk_a".into()),
            columns: vec!["a".into()],
            ref_table: "users".into(),
            ref_columns: vec!["id".into()],
            ondelete: None,
            onupdate: None,
        };
        let unnamed = Op::DropConstraint { table: "posts".into(), name: String::new(), type_: Some("foreignkey".into()), existing: None, conv: false };
        let ops = vec![
            unnamed.clone(),
            Op::DropConstraint { table: "posts".into(), name: "fk_a".into(), type_: Some("foreignkey".into()), existing: None, conv: true },
            Op::CreateForeignKey { table: "posts".into(), fk, conv: true },
            Op::CreateUniqueConstraint { table: "t".into(), name: Some("uq_x".into()), columns: vec!["x".into()], conv: true },
            unnamed,
        ];
        assert_eq!(
            render_ops(&ops[..4]).join("\n"),
            "    # WARNING: constraint name is None; this directive will fail as\n    \
             # rendered.  Add a name, or use a naming convention; see\n    \
             # https://alembic.sqlalchemy.org/en/latest/naming.html\n    \
             op.drop_constraint(None, 'posts', type_='foreignkey')\n    \
             op.drop_constraint(op.f('fk_a'), 'posts', type_='foreignkey')\n    \
             op.create_foreign_key(op.f('fk_a'), 'posts', 'users', ['a'], ['id'])\n    \
             op.create_unique_constraint(op.f('uq_x'), 't', ['x'])"
        );
        assert_eq!(
            unnamed_drop_warnings(&ops),
            [".venv/lib/python3.11/site-packages/alembic/autogenerate/render.py:488: UserWarning: Autogenerate rendered a \
              drop_constraint() directive for an unnamed constraint on table 'posts'; the migration will fail unless a \
              constraint name is added to the directive.  Consider using a naming convention so that constraint names are \
              known ahead of time.\n  util.warn("]
        );
    }

    // Each expected text is what Alembic's render_python_code printed for the same operation.
    #[test]
    fn operations_render_as_alembic_writes_them() {
        assert_eq!(
            text(&Op::CreateTable(user_table())),
            "    op.create_table('users',\n    sa.Column('id', sa.Integer(), nullable=False),\n    \
             sa.Column('name', sa.String(), nullable=False),\n    sa.PrimaryKeyConstraint('id')\n    )"
        );
        let email = Column::new("email", SqlType::String(Some(120)));
        assert_eq!(
            text(&Op::AddColumn { table: "users".into(), column: email }),
            "    op.add_column('users', sa.Column('email', sa.String(length=120), nullable=True))"
        );
        assert_eq!(
            text(&Op::DropColumn { table: "users".into(), column: "email".into(), existing: None }),
            "    op.drop_column('users', 'email')"
        );
        let upper_varchar = Some(SqlType::upper(SqlType::String(None)));
        let alter = |f: fn(&mut AlterColumn)| {
            let mut a = AlterColumn {
                table: "users".into(),
                column: "name".into(),
                existing_type: upper_varchar.clone(),
                ..Default::default()
            };
            f(&mut a);
            text(&Op::AlterColumn(a))
        };
        assert_eq!(
            alter(|a| a.nullable = Some(true)),
            "    op.alter_column('users', 'name',\n               existing_type=sa.VARCHAR(),\n               nullable=True)"
        );
        assert_eq!(
            alter(|a| {
                a.type_ = Some(SqlType::String(Some(50)));
                a.existing_nullable = Some(false);
            }),
            "    op.alter_column('users', 'name',\n               existing_type=sa.VARCHAR(),\n               \
             type_=sa.String(length=50),\n               existing_nullable=False)"
        );
        assert_eq!(
            alter(|a| a.server_default = Some(Some(ServerDefault::Literal("x".into())))),
            "    op.alter_column('users', 'name',\n               existing_type=sa.VARCHAR(),\n               server_default='x')"
        );
        assert_eq!(
            alter(|a| a.new_column_name = Some("full_name".into())),
            "    op.alter_column('users', 'name',\n               existing_type=sa.VARCHAR(),\n               new_column_name='full_name')"
        );
        let index = Index { name: "ix_users_email".into(), columns: vec!["email".into()], unique: true, auto_named: false };
        assert_eq!(
            text(&Op::CreateIndex { table: "users".into(), index }),
            "    op.create_index('ix_users_email', 'users', ['email'], unique=True)"
        );
        assert_eq!(
            text(&Op::DropIndex { table: Some("users".into()), name: "ix_users_email".into(), auto_named: true, existing: None }),
            "    op.drop_index(op.f('ix_users_email'), table_name='users')"
        );
        assert_eq!(
            text(&Op::CreateUniqueConstraint { table: "users".into(), name: Some("uq_users_email".into()), columns: vec!["email".into()], conv: false }),
            "    op.create_unique_constraint('uq_users_email', 'users', ['email'])"
        );
        let fk = ForeignKey {
            name: Some("fk_posts_user_id_users".into()),
            columns: vec!["user_id".into()],
            ref_table: "users".into(),
            ref_columns: vec!["id".into()],
            ondelete: None,
            onupdate: None,
        };
        assert_eq!(
            text(&Op::CreateForeignKey { table: "posts".into(), fk, conv: false }),
            "    op.create_foreign_key('fk_posts_user_id_users', 'posts', 'users', ['user_id'], ['id'])"
        );
        assert_eq!(
            text(&Op::CreateCheckConstraint { table: "users".into(), name: Some("ck_users_name".into()), sqltext: "length(name) > 0".into() }),
            "    op.create_check_constraint('ck_users_name', 'users', 'length(name) > 0')"
        );
        assert_eq!(
            text(&Op::DropConstraint { table: "users".into(), name: "uq_users_email".into(), type_: Some("unique".into()), existing: None, conv: false }),
            "    op.drop_constraint('uq_users_email', 'users', type_='unique')"
        );
    }

    #[test]
    fn batch_blocks_render_as_alembic_writes_them() {
        let batch = Op::Batch {
            table: "users".into(),
            ops: vec![
                Op::AddColumn { table: "users".into(), column: Column::new("email", SqlType::String(Some(120))) },
                Op::AlterColumn(AlterColumn {
                    table: "users".into(),
                    column: "name".into(),
                    nullable: Some(true),
                    existing_type: Some(SqlType::upper(SqlType::String(None))),
                    ..Default::default()
                }),
                Op::DropColumn { table: "users".into(), column: "email".into(), existing: None },
                Op::CreateIndex {
                    table: "users".into(),
                    index: Index { name: "ix_users_name".into(), columns: vec!["name".into()], unique: false, auto_named: false },
                },
            ],
            options: Default::default(),
        };
        assert_eq!(
            text(&batch),
            "    with op.batch_alter_table('users', schema=None) as batch_op:\n        \
             batch_op.add_column(sa.Column('email', sa.String(length=120), nullable=True))\n        \
             batch_op.alter_column('name',\n               existing_type=sa.VARCHAR(),\n               nullable=True)\n        \
             batch_op.drop_column('email')\n        batch_op.create_index('ix_users_name', ['name'], unique=False)\n"
        );
    }

    #[test]
    fn foreign_key_constraints_keep_alembics_trailing_comma() {
        let fk = ForeignKey {
            name: None,
            columns: vec!["user_id".into()],
            ref_table: "users".into(),
            ref_columns: vec!["id".into()],
            ondelete: None,
            onupdate: None,
        };
        assert_eq!(render_constraint(&Constraint::ForeignKey(fk.clone())), "sa.ForeignKeyConstraint(['user_id'], ['users.id'], )");
        let cascade = ForeignKey { ondelete: Some("CASCADE".into()), ..fk };
        assert_eq!(
            render_constraint(&Constraint::ForeignKey(cascade)),
            "sa.ForeignKeyConstraint(['user_id'], ['users.id'], ondelete='CASCADE')"
        );
    }
}
