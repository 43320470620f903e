//! The tutorial's reference script directory (`migrations/`), embedded in the build: the files the
//! walkthrough ends with, which the lab can show, compare with, and load.

use crate::error::Result;
use crate::databases::Databases;
use crate::migrate::runner::Scripts;

/// Every file of `migrations/`, by its path in a project.
pub const FILES: &[(&str, &str)] = &[
    ("migrations/README", include_str!("../../migrations/README")),
    ("migrations/env.py", include_str!("../../migrations/env.py")),
    ("migrations/script.py.mako", include_str!("../../migrations/script.py.mako")),
    (
        "migrations/versions/3f1a9c2b7d40_add_user_table.py",
        include_str!("../../migrations/versions/3f1a9c2b7d40_add_user_table.py"),
    ),
    (
        "migrations/versions/8e2d41b6c0f3_add_email_to_users.py",
        include_str!("../../migrations/versions/8e2d41b6c0f3_add_email_to_users.py"),
    ),
    (
        "migrations/versions/c47a0e9b2d15_add_posts_table.py",
        include_str!("../../migrations/versions/c47a0e9b2d15_add_posts_table.py"),
    ),
];

/// The reference revision files, loaded (over databases of their own), with the interpreter
/// that runs them.
pub fn scripts() -> Result<(Scripts, crate::interp::Interpreter)> {
    let files = crate::lab::project_files(FILES);
    let paths: Vec<String> = FILES.iter().filter(|(p, _)| p.starts_with("migrations/versions/")).map(|(p, _)| p.to_string()).collect();
    Scripts::from_files(files, Databases::new(crate::watchdog::DEFAULT_BUDGET_MS), &paths)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn the_embedded_revisions_form_one_chain() {
        let (scripts, _) = scripts().unwrap();
        let order = scripts.map.in_order();
        let messages: Vec<&str> = order.iter().filter_map(|id| scripts.revision(id)).map(|r| r.message.as_str()).collect();
        assert_eq!(messages, ["Add User table", "Add email to users", "Add posts table"]);
        for pair in order.windows(2) {
            assert_eq!(scripts.revision(&pair[1]).unwrap().down_revision, vec![pair[0].clone()]);
        }
    }
}
