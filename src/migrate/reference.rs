//! The tutorial's reference script directory (`migrations/`), embedded in the build: the files the
//! walkthrough ends with, which the lab can show, compare with, and load.

use crate::error::Result;
use crate::migrate::script::{parse_revision, Revision};

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

/// The reference revisions, parsed, with their paths, oldest first.
pub fn revisions() -> Result<Vec<(&'static str, Revision)>> {
    FILES
        .iter()
        .filter(|(path, _)| path.starts_with("migrations/versions/"))
        .map(|(path, text)| Ok((*path, parse_revision(path, text)?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn the_embedded_revisions_form_one_chain() {
        let revisions = revisions().unwrap();
        let messages: Vec<&str> = revisions.iter().map(|(_, r)| r.message.as_str()).collect();
        assert_eq!(messages, ["Add User table", "Add email to users", "Add posts table"]);
        for pair in revisions.windows(2) {
            assert_eq!(pair[1].1.down_revision, vec![pair[0].1.revision.clone()]);
        }
    }
}
