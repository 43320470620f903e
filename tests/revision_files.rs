//! Revision files: the reference `migrations/versions/*.py` load (run as Python, as Alembic loads
//! them) and render back byte for byte; every operation survives render → run; a file in
//! Alembic's own default layout loads; Python in a revision runs as written, and its errors are
//! Python's. Runs natively and in the browser.

#[cfg(all(target_family = "wasm", target_os = "unknown"))]
use wasm_bindgen_test::wasm_bindgen_test as test;
#[cfg(all(target_family = "wasm", target_os = "unknown"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use alembic_lab::Files;

use alembic_lab::databases::Databases;
use alembic_lab::migrate::ops::{AlterColumn, Op};
use alembic_lab::interp::Interpreter;
use alembic_lab::migrate::runner::Scripts;
use alembic_lab::migrate::script::{file_name, render_revision, Revision};
use alembic_lab::schema::user_table;
use alembic_lab::schema::{Column, Constraint, ForeignKey, Index, ServerDefault, SqlType, Table};
use alembic_lab::{ErrorKind, Result, Value};

const REFERENCE: &[(&str, &str)] = &[
    ("3f1a9c2b7d40_add_user_table.py", include_str!("../migrations/versions/3f1a9c2b7d40_add_user_table.py")),
    ("8e2d41b6c0f3_add_email_to_users.py", include_str!("../migrations/versions/8e2d41b6c0f3_add_email_to_users.py")),
    ("c47a0e9b2d15_add_posts_table.py", include_str!("../migrations/versions/c47a0e9b2d15_add_posts_table.py")),
];

/// Revision files (name, text) in `migrations/versions/`, loaded as one `alembic` command would,
/// with the interpreter that runs them.
fn load(files: &[(&str, &str)]) -> Result<(Scripts, Interpreter)> {
    let mut project = Files::new();
    let mut paths = Vec::new();
    for (name, text) in files {
        let path = format!("migrations/versions/{name}");
        project.insert(path.clone(), text.to_string());
        paths.push(path);
    }
    Scripts::from_files(project, Databases::new(5_000.0), &paths)
}

/// Stand-ins for the revisions a file revises, so that the graph is whole.
fn parents_of(text: &str) -> Vec<(String, String)> {
    let ids: Vec<&str> = ["0123456789ab", "ba9876543210", "3f1a9c2b7d40", "8e2d41b6c0f3"]
        .into_iter()
        .filter(|id| text.contains(&format!("down_revision: Union[str, Sequence[str], None] = '{id}'")) || text.contains(&format!("'{id}', ")) || text.contains(&format!(", '{id}')")))
        .collect();
    ids.iter().map(|id| (format!("{id}_parent.py"), format!("revision = '{id}'\ndown_revision = None\n"))).collect()
}

/// One file: the revision, and what its `upgrade()` and `downgrade()` do.
fn read(name: &str, text: &str) -> Result<(Revision, Vec<Op>, Vec<Op>)> {
    let parents = parents_of(text);
    let mut files: Vec<(&str, &str)> = parents.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    files.push((name, text));
    let (scripts, mut python) = load(&files)?;
    let id = scripts.map.heads().pop().unwrap_or_default();
    let rev = scripts.revision(&id).cloned().unwrap_or_else(|| panic!("{name} has no revision"));
    Ok((rev, scripts.operations(&mut python, &id, "upgrade")?, scripts.operations(&mut python, &id, "downgrade")?))
}

#[test]
fn the_reference_revisions_load_and_render_back_identically() {
    let mut previous: Vec<String> = Vec::new();
    for (name, source) in REFERENCE {
        let (rev, upgrade, downgrade) = read(name, source).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(render_revision(&rev, &upgrade, &downgrade, true), *source, "{name}");
        assert_eq!(file_name(&rev.revision, &rev.message), *name);
        assert_eq!(rev.down_revision, previous, "{name} follows the one before");
        previous = vec![rev.revision.clone()];
    }
    let (first, upgrade, downgrade) = read(REFERENCE[0].0, REFERENCE[0].1).unwrap();
    assert_eq!(first.message, "Add User table");
    assert_eq!(first.create_date, "2026-11-20 09:14:03.118042");
    assert_eq!(upgrade, vec![Op::CreateTable(user_table())]);
    assert_eq!(downgrade, vec![Op::DropTable { table: "users".into(), existing: None }]);
    let (_, posts, _) = read(REFERENCE[2].0, REFERENCE[2].1).unwrap();
    let Op::CreateTable(table) = &posts[0] else { panic!() };
    let fk = table.foreign_keys().next().unwrap();
    assert_eq!((fk.ref_table.as_str(), fk.columns.as_slice()), ("users", ["user_id".to_string()].as_slice()));
}

fn revision() -> Revision {
    Revision {
        revision: "ab12cd34ef56".into(),
        down_revision: vec!["0123456789ab".into(), "ba9876543210".into()],
        branch_labels: vec!["feature".into()],
        depends_on: vec![],
        doc: String::new(),
        message: "Every operation".into(),
        create_date: "2026-11-25 14:00:00.000000".into(),
    }
}

fn every_op() -> Vec<Op> {
    let mut things = Table::new(
        "things",
        vec![
            Column::new("id", SqlType::Integer).primary_key(),
            Column { server_default: Some(ServerDefault::Literal("0".into())), ..Column::new("n", SqlType::Double).not_null() },
            Column {
                server_default: Some(ServerDefault::Text("(CURRENT_TIMESTAMP)".into())),
                ..Column::new("e", SqlType::DateTime)
            },
            Column::new("m", SqlType::Numeric(Some((10, 2)))),
            Column::new("p", SqlType::Integer).not_null(),
        ],
    );
    // In Alembic's order: sorted by their rendered text.
    things.constraints = vec![
        Constraint::Check { name: Some("ck_things_n".into()), sqltext: "n >= 0".into() },
        Constraint::ForeignKey(ForeignKey {
            name: None,
            columns: vec!["p".into()],
            ref_table: "users".into(),
            ref_columns: vec!["id".into()],
            ondelete: Some("CASCADE".into()),
            onupdate: None,
        }),
        Constraint::Unique { name: None, columns: vec!["m".into(), "p".into()] },
    ];
    let varchar = SqlType::upper(SqlType::String(None));
    let alter = AlterColumn {
        table: "users".into(),
        column: "name".into(),
        nullable: Some(true),
        type_: Some(SqlType::String(Some(50))),
        server_default: Some(Some(ServerDefault::Text("'x'".into()))),
        new_column_name: Some("full_name".into()),
        existing_type: Some(varchar.clone()),
        existing_nullable: None,
        existing_server_default: None,
    };
    let index = Index { name: "ix_users_email".into(), columns: vec!["email".into()], unique: true, auto_named: true };
    vec![
        Op::CreateTable(things),
        Op::DropTable { table: "old".into(), existing: None },
        Op::AddColumn { table: "users".into(), column: Column::new("email", SqlType::String(Some(120))) },
        Op::DropColumn { table: "users".into(), column: "email".into(), existing: None },
        Op::AlterColumn(alter.clone()),
        Op::RenameTable { old: "users".into(), new: "people".into() },
        Op::CreateIndex { table: "users".into(), index },
        Op::DropIndex { table: Some("users".into()), name: "ix_users_email".into(), auto_named: true, existing: None },
        Op::CreateUniqueConstraint { table: "users".into(), name: Some("uq_users_email".into()), columns: vec!["email".into()], conv: false },
        Op::CreateForeignKey {
            table: "posts".into(),
            fk: ForeignKey {
                name: Some("fk_posts_user_id_users".into()),
                columns: vec!["user_id".into()],
                ref_table: "users".into(),
                ref_columns: vec!["id".into()],
                ondelete: Some("CASCADE".into()),
                onupdate: None,
            },
            conv: false,
        },
        Op::CreateCheckConstraint { table: "users".into(), name: Some("ck_name".into()), sqltext: "length(name) > 0".into() },
        Op::DropConstraint { table: "users".into(), name: "uq_users_email".into(), type_: Some("unique".into()), existing: None, conv: false },
        Op::Execute { sql: "UPDATE users SET name = 'Jane' WHERE id = 2".into(), params: Vec::new() },
        Op::BulkInsert {
            table: "users".into(),
            columns: vec!["id".into(), "name".into()],
            rows: vec![vec![Some(Value::Integer(5)), Some(Value::from("O'Neil"))], vec![Some(Value::Integer(6)), Some(Value::Null)]],
        },
        Op::Batch {
            table: "users".into(),
            ops: vec![
                Op::AlterColumn(AlterColumn { table: "users".into(), ..alter }),
                Op::DropColumn { table: "users".into(), column: "nick".into(), existing: None },
                Op::CreateIndex {
                    table: "users".into(),
                    index: Index { name: "ix_users_name".into(), columns: vec!["name".into()], unique: false, auto_named: true },
                },
                Op::DropIndex { table: Some("users".into()), name: "ix_old".into(), auto_named: false, existing: None },
                Op::CreateUniqueConstraint { table: "users".into(), name: None, columns: vec!["email".into()], conv: false },
                Op::CreateCheckConstraint { table: "users".into(), name: Some("ck_b".into()), sqltext: "id > 0".into() },
                Op::DropConstraint { table: "users".into(), name: "uq_x".into(), type_: Some("unique".into()), existing: None, conv: false },
            ],
            options: Default::default(),
        },
    ]
}

#[test]
fn every_operation_survives_render_then_run() {
    let rev = revision();
    let ops = every_op();
    let text = render_revision(&rev, &ops, &[], false);
    let (back, upgrade, downgrade) = read("ab12cd34ef56_every_operation.py", &text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(upgrade.len(), ops.len(), "{text}");
    for (a, b) in ops.iter().zip(&upgrade) {
        assert_eq!(a, b, "{}", a.name());
    }
    assert!(downgrade.is_empty());
    assert_eq!(back.doc, "Every operation\n\nRevision ID: ab12cd34ef56\nRevises: 0123456789ab, ba9876543210\nCreate Date: 2026-11-25 14:00:00.000000");
    assert_eq!(Revision { doc: String::new(), ..back }, rev);
    assert!(text.contains("down_revision: Union[str, Sequence[str], None] = ('0123456789ab', 'ba9876543210')"));
    assert!(text.contains("Revises: 0123456789ab, ba9876543210"));
    // As Alembic passes them to the template: a tuple (`alembic revision --branch-label feature` writes this too).
    assert!(text.contains("branch_labels: Union[str, Sequence[str], None] = ('feature',)"));
}

#[test]
fn an_empty_revision_writes_pass() {
    let mut rev = revision();
    rev.down_revision = vec![];
    let text = render_revision(&rev, &[], &[], false);
    assert!(text.contains("def upgrade() -> None:\n    \"\"\"Move the schema forward to this revision.\"\"\"\n    pass\n"));
    assert!(text.contains("Revises: \n"));
    let (back, upgrade, downgrade) = read("x.py", &text).unwrap();
    assert_eq!(Revision { doc: String::new(), ..back }, rev);
    assert!(upgrade.is_empty() && downgrade.is_empty());
}

#[test]
fn a_file_in_alembics_default_layout_loads() {
    let source = include_str!("fixtures/alembic_default_layout.py");
    let (rev, upgrade, downgrade) = read("aaaa00000001_add_all_tables.py", source).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((rev.revision.as_str(), rev.message.as_str()), ("aaaa00000001", "Add all tables"));
    assert!(rev.down_revision.is_empty());
    assert_eq!(upgrade.len(), 4);
    assert_eq!(downgrade.len(), 4);
    let Op::CreateTable(things) = &upgrade[2] else { panic!() };
    assert_eq!(things.column("o").unwrap().server_default, Some(ServerDefault::Literal("x'y".into())));
    assert_eq!(things.constraints.len(), 3);
    let Op::CreateIndex { index, .. } = &upgrade[1] else { panic!() };
    assert!(index.auto_named && index.unique);
    // The lab writes its own template around the same operations; they run back the same.
    let (_, again, back) = read("x.py", &render_revision(&rev, &upgrade, &downgrade, false)).unwrap();
    assert_eq!((again, back), (upgrade, downgrade));
}

#[test]
fn python_in_a_revision_runs_as_written() {
    let base = REFERENCE[1].1;
    let source = base.replace(
        "    op.add_column('users', sa.Column('email', sa.String(length=120), nullable=True))",
        "    accounts = sa.table('accounts', sa.column('id', sa.Integer), sa.column('name', sa.String))\n    \
         for name in ['email', 'phone']:\n        op.add_column('users', sa.Column(name, sa.String(length=120), nullable=True))\n    \
         op.bulk_insert(accounts, [{'id': n, 'name': f'account {n}'} for n in range(1, 3)])\n    \
         op.execute(accounts.update().where(accounts.c.id == 2).values(name='second'))",
    );
    let (_, upgrade, _) = read("x.py", &source).unwrap_or_else(|e| panic!("{e}\n{source}"));
    let names: Vec<&str> = upgrade.iter().map(Op::name).collect();
    assert_eq!(names, ["add_column", "add_column", "bulk_insert", "execute"], "{upgrade:?}");
    let Op::BulkInsert { rows, .. } = &upgrade[2] else { panic!() };
    assert_eq!(rows[1], vec![Some(Value::Integer(2)), Some(Value::from("account 2"))]);
    let Op::Execute { sql, params } = &upgrade[3] else { panic!() };
    assert_eq!((sql.as_str(), params.as_slice()), ("UPDATE accounts SET name=? WHERE accounts.id = ?", [Value::from("second"), Value::Integer(2)].as_slice()));
}

#[test]
fn errors_in_a_revision_are_pythons() {
    let base = REFERENCE[1].1;
    let python_error = |source: String| -> String {
        let parents = parents_of(&source);
        let mut files: Vec<(&str, &str)> = parents.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
        files.push(("x.py", &source));
        let scripts = load(&files);
        let (scripts, mut python) = match scripts {
            Err(e) => return e.traceback_line(),
            Ok(s) => s,
        };
        let id = scripts.map.heads().pop().unwrap();
        scripts.operations(&mut python, &id, "downgrade").map(|_| String::new()).unwrap_or_else(|e| e.traceback_line())
    };
    assert_eq!(
        python_error(base.replace("op.drop_column('users', 'email')", "op.create_table_comment('users', 'x')")),
        "not available in this lab: op.create_table_comment()"
    );
    assert_eq!(python_error(base.replace("    op.drop_column('users', 'email')", "    for x in y:\n        pass")), "NameError: name 'y' is not defined");
    assert_eq!(
        python_error(base.replace("    op.drop_column('users', 'email')", "    op.drop_column('users')")),
        "TypeError: drop_column() missing 1 required positional argument: 'column_name'"
    );
    assert_eq!(
        python_error(base.replace("revision: str = '8e2d41b6c0f3'", "rev = '8e2d41b6c0f3'")),
        "alembic.util.exc.CommandError: Could not determine revision id from filename x.py. Be sure the 'revision' variable is declared inside \
         the script (please see 'Upgrading from Alembic 0.1 to 0.2' in the documentation)."
    );
    assert!(python_error(base.replace("def upgrade() -> None:", "def upgrade() -> None")).starts_with("SyntaxError"));
    // At the top level there is no migration yet: Alembic's proxy refuses.
    assert_eq!(
        python_error(format!("{base}\nop.drop_table('users')\n")),
        "NameError: Can't invoke function 'drop_table', as the proxy object has not yet been established for the \
         Alembic 'Operations' class.  Try placing this code inside a callable."
    );
    let err = load(&[("x.py", &base.replace("revision: str = '8e2d41b6c0f3'", "rev = '8e2d41b6c0f3'"))]).err().unwrap();
    assert_eq!(err.kind(), ErrorKind::CommandError);
}
