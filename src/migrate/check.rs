//! What `alembic check` reports: the operations autogenerate found, written as the reprs of
//! Alembic's diff tuples (`('add_table', Table('users', MetaData(), Column(...), schema=None))`),
//! which is what its `New upgrade operations detected: [...]` message prints.

use crate::migrate::ops::Op;
use crate::migrate::render::render_type;
use crate::schema::{Column, Constraint, ForeignKey, MetaData, Table};

/// A type as SQLAlchemy's repr writes it: `String(length=120)`, or `VARCHAR()` for a type read
/// back from the database.
fn type_repr(column: &Column) -> String {
    render_type(&column.sql_type).trim_start_matches("sa.").to_string()
}

/// `Column('id', Integer(), table=<users>, primary_key=True, nullable=False)`; a column with a
/// single-column foreign key shows it after the type, as SQLAlchemy does.
fn column_repr(table: Option<&Table>, table_name: &str, column: &Column) -> String {
    let mut parts = vec![format!("'{}'", column.name), type_repr(column)];
    for fk in table.into_iter().flat_map(|t| t.foreign_keys()) {
        if fk.columns == [column.name.clone()] {
            let target = fk.ref_columns.first().map_or(String::new(), |c| format!("{}.{c}", fk.ref_table));
            parts.push(format!("ForeignKey('{target}')"));
        }
    }
    parts.push(format!("table=<{table_name}>"));
    if column.primary_key {
        parts.push("primary_key=True".into());
    }
    if !column.nullable {
        parts.push("nullable=False".into());
    }
    format!("Column({})", parts.join(", "))
}

fn table_repr(table: &Table) -> String {
    let mut parts = vec![format!("'{}'", table.name), "MetaData()".to_string()];
    parts.extend(table.columns.iter().map(|c| column_repr(Some(table), &table.name, c)));
    parts.push("schema=None".into());
    format!("Table({})", parts.join(", "))
}

fn py_bool(value: bool) -> &'static str {
    if value {
        "True"
    } else {
        "False"
    }
}

/// One operation as the diff tuple Alembic's comparison produced for it.
pub fn diff_text(op: &Op) -> String {
    match op {
        Op::CreateTable(t) => format!("('add_table', {})", table_repr(t)),
        Op::DropTable { existing: Some(t), .. } => format!("('remove_table', {})", table_repr(t)),
        Op::DropTable { table, existing: None } => format!("('remove_table', Table('{table}', MetaData(), schema=None))"),
        Op::AddColumn { table, column } => format!("('add_column', None, '{table}', {})", column_repr(None, table, column)),
        Op::DropColumn { table, existing: Some(column), .. } => {
            format!("('remove_column', None, '{table}', {})", column_repr(None, table, column))
        }
        Op::DropColumn { table, column, existing: None } => format!("('remove_column', None, '{table}', Column('{column}'))"),
        Op::AlterColumn(a) if a.nullable.is_some() => format!(
            "[('modify_nullable', None, '{}', '{}', {{}}, {}, {})]",
            a.table,
            a.column,
            py_bool(a.existing_nullable.unwrap_or(true)),
            py_bool(a.nullable.unwrap_or(true))
        ),
        Op::AlterColumn(a) => format!(
            "[('modify_type', None, '{}', '{}', {{'existing_nullable': {}, 'existing_server_default': False, 'existing_comment': None}}, {}, {})]",
            a.table,
            a.column,
            py_bool(a.existing_nullable.unwrap_or(true)),
            a.existing_type.as_ref().map_or("NullType()".to_string(), |t| render_type(t).trim_start_matches("sa.").to_string()),
            a.type_.as_ref().map_or("NullType()".to_string(), |t| render_type(t).trim_start_matches("sa.").to_string())
        ),
        Op::CreateIndex { index, .. } => format!("('add_index', Index('{}'))", index.name),
        Op::DropIndex { name, .. } => format!("('remove_index', Index('{name}'))"),
        Op::Batch { ops, .. } => ops.iter().map(diff_text).collect::<Vec<_>>().join(", "),
        other => format!("('{}',)", other.name()),
    }
}

/// [`diff_text`], with the tables the comparison saw (the models' and the database's), which
/// the reprs of indexes and constraints show their columns from.
/// A foreign key as Alembic's comparison holds it: a `ForeignKeyConstraint` on a stand-in table
/// whose columns know no type. SQLAlchemy's repr shows the constraint's column collection as an
/// object at some address; the lab's address is made up (the oracle compares them as "0x…").
fn foreign_key_repr(table: &str, fk: &ForeignKey) -> String {
    let columns: Vec<String> = fk
        .columns
        .iter()
        .zip(&fk.ref_columns)
        .map(|(column, target)| format!("Column('{column}', NullType(), ForeignKey('{}.{target}'), table=<{table}>)", fk.ref_table))
        .collect();
    let name = fk.name.as_ref().map_or_else(String::new, |n| format!("name='{n}', "));
    format!(
        "ForeignKeyConstraint(<sqlalchemy.sql.base.ReadOnlyColumnCollection object at 0x7f0000000000>, None, {name}table=Table('{table}', MetaData(), {}, schema=None))",
        columns.join(", ")
    )
}

pub fn diff_text_in(op: &Op, model: &MetaData, live: &[Table]) -> String {
    let columns_of = |table: Option<&Table>, table_name: &str, names: &[String]| -> Vec<String> {
        names
            .iter()
            .map(|n| match table.and_then(|t| t.column(n)) {
                Some(column) => column_repr(None, table_name, column),
                None => format!("Column('{n}', NullType(), table=<{table_name}>)"),
            })
            .collect()
    };
    match op {
        Op::DropIndex { table: Some(table), name, existing: Some(index), .. } => {
            let parts = columns_of(live.iter().find(|t| t.name == *table), table, &index.columns);
            format!("('remove_index', Index('{name}', {}))", parts.join(", "))
        }
        Op::CreateIndex { table, index } => {
            let parts = columns_of(model.table(table), table, &index.columns);
            format!("('add_index', Index('{}', {}))", index.name, parts.join(", "))
        }
        // The constraint's own copies of its columns, which know no type.
        Op::CreateUniqueConstraint { table, columns, .. } => {
            let parts: Vec<String> = columns.iter().map(|c| format!("Column('{c}', NullType(), table=<{table}>)")).collect();
            format!("('add_constraint', UniqueConstraint({}))", parts.join(", "))
        }
        Op::CreateForeignKey { table, fk, .. } => format!("('add_fk', {})", foreign_key_repr(table, fk)),
        Op::DropConstraint { table, existing: Some(Constraint::ForeignKey(fk)), .. } => format!("('remove_fk', {})", foreign_key_repr(table, fk)),
        Op::Batch { ops, .. } => ops.iter().map(|inner| diff_text_in(inner, model, live)).collect::<Vec<_>>().join(", "),
        other => diff_text(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::SqlType;
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn tables_and_columns_read_as_their_reprs() {
        let users = Table::new(
            "users",
            vec![Column::new("id", SqlType::Integer).primary_key(), Column { nullable: false, ..Column::new("name", SqlType::String(None)) }],
        );
        assert_eq!(
            diff_text(&Op::CreateTable(users)),
            "('add_table', Table('users', MetaData(), Column('id', Integer(), table=<users>, primary_key=True, nullable=False), \
             Column('name', String(), table=<users>, nullable=False), schema=None))"
        );
        let email = Column::new("email", SqlType::upper(SqlType::String(Some(120))));
        assert_eq!(
            diff_text(&Op::DropColumn { table: "users".into(), column: "email".into(), existing: Some(email) }),
            "('remove_column', None, 'users', Column('email', VARCHAR(length=120), table=<users>))"
        );
    }
}
