//! `MetaData(naming_convention={...})`: the names SQLAlchemy gives a table's constraints and
//! indexes from templates (`"uq": "uq_%(table_name)s_%(column_0_name)s"`), in its DDL and in
//! what autogenerate compares and writes (those names render as `op.f('uq_users_email')`, as
//! Alembic renders SQLAlchemy's `conv` names); also a batch's `naming_convention=` for the
//! table it reflects.

use crate::schema::{Constraint, Table};

/// The keys a convention may give, and the templates' tokens for a constraint's columns.
pub const KEYS: &[&str] = &["ix", "uq", "ck", "fk", "pk"];

/// A template filled for one constraint of `table`; `None` when it needs the constraint's own
/// name (`%(constraint_name)s`) and the constraint has none, or names a token the lab lacks.
fn fill(template: &str, table: &str, columns: &[String], referred: Option<(&str, &[String])>, own: Option<&str>) -> Option<String> {
    let joined = |sep: &str, label: bool| columns.iter().map(|c| if label { format!("{table}_{c}") } else { c.clone() }).collect::<Vec<_>>().join(sep);
    let first = columns.first().map_or("", String::as_str);
    let (ref_table, ref_columns) = referred.unwrap_or(("", &[]));
    let ref_first = ref_columns.first().map_or("", String::as_str);
    let tokens: [(&str, Option<String>); 13] = [
        ("table_name", Some(table.to_string())),
        ("column_0_name", Some(first.to_string())),
        ("column_0_key", Some(first.to_string())),
        ("column_0_label", Some(format!("{table}_{first}"))),
        ("column_0N_name", Some(joined("", false))),
        ("column_0_N_name", Some(joined("_", false))),
        ("column_0N_label", Some(joined("", true))),
        ("column_0_N_label", Some(joined("_", true))),
        ("referred_table_name", Some(ref_table.to_string())),
        ("referred_column_0_name", Some(ref_first.to_string())),
        ("referred_column_0N_name", Some(ref_columns.join(""))),
        ("referred_column_0_N_name", Some(ref_columns.join("_"))),
        ("constraint_name", own.map(str::to_string)),
    ];
    let mut out = String::new();
    let mut rest = template;
    while let Some(start) = rest.find("%(") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after.find(")s")?;
        let value = tokens.iter().find(|(name, _)| *name == &after[..end])?.1.as_deref()?;
        out.push_str(value);
        rest = &after[end + 2..];
    }
    out.push_str(rest);
    Some(out)
}

/// The name SQLAlchemy gives a constraint: an unnamed one takes the template's; a named one keeps
/// its name unless the template is made of it (`%(constraint_name)s`). `Some` when the name is
/// the convention's.
fn conventional(template: Option<&String>, table: &str, columns: &[String], referred: Option<(&str, &[String])>, own: Option<&str>) -> Option<String> {
    let template = template?;
    if own.is_some() && !template.contains("%(constraint_name)s") {
        return None;
    }
    fill(template, table, columns, referred, own)
}

/// Names `table`'s constraints and indexes by `convention` (key, template), noting in
/// `conventional_names` the names that came from it.
pub fn apply(table: &mut Table, convention: &[(String, String)]) {
    if convention.is_empty() {
        return;
    }
    let template = |key: &str| convention.iter().find(|(k, _)| k == key).map(|(_, t)| t);
    let name = table.name.clone();
    let mut named = Vec::new();
    let pk: Vec<String> = table.primary_key().map(|c| c.name.clone()).collect();
    if !pk.is_empty() {
        if let Some(found) = conventional(template("pk"), &name, &pk, None, table.primary_key_name.as_deref()) {
            table.primary_key_name = Some(found.clone());
            named.push(found);
        }
    }
    for constraint in &mut table.constraints {
        let found = match constraint {
            Constraint::Unique { name: own, columns } => conventional(template("uq"), &name, columns, None, own.as_deref()).inspect(|n| *own = Some(n.clone())),
            Constraint::Check { name: own, .. } => conventional(template("ck"), &name, &[], None, own.as_deref()).inspect(|n| *own = Some(n.clone())),
            Constraint::ForeignKey(fk) => {
                conventional(template("fk"), &name, &fk.columns, Some((&fk.ref_table, &fk.ref_columns)), fk.name.as_deref()).inspect(|n| fk.name = Some(n.clone()))
            }
        };
        named.extend(found);
    }
    for index in &mut table.indexes {
        // An `index=True` index is named by SQLAlchemy's default `ix_%(column_0_label)s`, or by the convention's.
        let own = (!index.auto_named).then_some(index.name.as_str());
        if let Some(found) = conventional(template("ix"), &name, &index.columns, None, own) {
            index.name = found.clone();
            index.auto_named = true;
            named.push(found);
        }
    }
    table.conventional_names = named;
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn templates_fill_as_sqlalchemy_fills_them() {
        let columns = vec!["team_id".to_string()];
        let referred = vec!["id".to_string()];
        let fk = fill("fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s", "users", &columns, Some(("teams", &referred)), None);
        assert_eq!(fk.as_deref(), Some("fk_users_team_id_teams"));
        assert_eq!(fill("ix_%(column_0_label)s", "users", &columns, None, None).as_deref(), Some("ix_users_team_id"));
        assert_eq!(fill("ck_%(table_name)s_%(constraint_name)s", "users", &[], None, None), None);
        assert_eq!(fill("ck_%(table_name)s_%(constraint_name)s", "users", &[], None, Some("positive")).as_deref(), Some("ck_users_positive"));
        assert_eq!(conventional(Some(&"uq_%(table_name)s".to_string()), "users", &columns, None, Some("mine")), None);
    }
}
