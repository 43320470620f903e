//! The revision graph, like Alembic's `script/revision.py`: a pure structure built from a list of
//! revisions (id, down_revisions, branch labels), knowing nothing of files or databases. Heads,
//! bases, branch and merge points, identifiers (`head`, `heads`, `base`, full and partial ids,
//! `<label>@head`, `+N`, `-N`, `<rev>+N`, `<rev>-N`) and upgrade / downgrade paths live here.

use std::collections::{HashMap, HashSet};

use crate::error::{Error, ErrorKind};

/// What the graph needs to know of one revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub revision: String,
    pub down_revisions: Vec<String>,
    pub branch_labels: Vec<String>,
}

impl Node {
    pub fn new(revision: &str, down_revisions: &[&str]) -> Node {
        Node {
            revision: revision.to_string(),
            down_revisions: down_revisions.iter().map(|d| d.to_string()).collect(),
            branch_labels: Vec::new(),
        }
    }
}

/// Why an identifier or a path could not be resolved. Each renders in Alembic's words: the
/// command layer's (`Can't locate revision identified by 'x'`) through `From<RevisionError> for
/// Error`, the graph's own (which name the candidates) through [`RevisionError::detail`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RevisionError {
    NotFound { argument: String },
    Ambiguous { argument: String, candidates: Vec<String> },
    MultipleHeads { argument: String, heads: Vec<String> },
    NotAncestor { lower: String, upper: String },
    Relative { argument: String, steps: u64 },
    Invalid(String),
}

impl RevisionError {
    /// The graph-level explanation (what `alembic.script.revision` says).
    pub fn detail(&self) -> String {
        match self {
            RevisionError::NotFound { argument } => {
                let hint = if argument.len() < 4 {
                    "; please ensure at least four characters are present for partial revision identifier matches"
                } else {
                    ""
                };
                format!("No such revision or branch '{argument}'{hint}")
            }
            RevisionError::Ambiguous { argument, candidates } => {
                let shown: Vec<String> = candidates.iter().take(3).map(|c| format!("'{c}'")).collect();
                format!("Multiple revisions start with '{argument}': {}...", shown.join(", "))
            }
            RevisionError::MultipleHeads { argument, heads } => {
                format!("Multiple heads are present for given argument '{argument}'; {}", heads.join(", "))
            }
            RevisionError::NotAncestor { lower, upper } => format!("Revision {lower} is not an ancestor of revision {upper}"),
            RevisionError::Relative { argument, steps } => {
                format!("Relative revision {argument} didn't produce {steps} migrations")
            }
            RevisionError::Invalid(message) => message.clone(),
        }
    }
}

/// As the `alembic` command reports it (`FAILED: …`).
impl From<RevisionError> for Error {
    fn from(err: RevisionError) -> Error {
        let message = match &err {
            RevisionError::NotFound { argument } | RevisionError::Ambiguous { argument, .. } => {
                format!("Can't locate revision identified by '{argument}'")
            }
            RevisionError::MultipleHeads { argument, .. } => format!(
                "Multiple head revisions are present for given argument '{argument}'; please specify a specific \
                 target revision, '<branchname>@{argument}' to narrow to a specific head, or 'heads' for all heads"
            ),
            RevisionError::NotAncestor { lower, upper } => format!(
                "Requested range {lower}:{upper} does not refer to ancestor/descendant revisions along the same branch"
            ),
            other => other.detail(),
        };
        Error::new(ErrorKind::CommandError, message)
    }
}

type Outcome<T> = std::result::Result<T, RevisionError>;

/// The graph. Revisions are kept in the order given; indexes are positions in that list.
#[derive(Debug, Clone, Default)]
pub struct RevisionMap {
    nodes: Vec<Node>,
    index: HashMap<String, usize>,
    parents: Vec<Vec<usize>>,
    children: Vec<Vec<usize>>,
    labels: HashMap<String, usize>,
    /// Every revision, parents before children.
    order: Vec<usize>,
}

impl RevisionMap {
    /// Builds the graph; fails on a duplicate id, a missing down_revision or a cycle.
    pub fn new(nodes: Vec<Node>) -> Outcome<RevisionMap> {
        let mut index = HashMap::with_capacity(nodes.len());
        let mut labels = HashMap::new();
        for (i, node) in nodes.iter().enumerate() {
            if index.insert(node.revision.clone(), i).is_some() {
                return Err(RevisionError::Invalid(format!("Revision {} is present more than once", node.revision)));
            }
            for label in &node.branch_labels {
                if labels.insert(label.clone(), i).is_some() {
                    return Err(RevisionError::Invalid(format!(
                        "Branch name '{label}' in revision {} already used by revision {}",
                        node.revision,
                        nodes[labels[label]].revision
                    )));
                }
            }
        }
        let mut parents = vec![Vec::new(); nodes.len()];
        let mut children = vec![Vec::new(); nodes.len()];
        for (i, node) in nodes.iter().enumerate() {
            for down in &node.down_revisions {
                let Some(&p) = index.get(down) else {
                    return Err(RevisionError::Invalid(format!(
                        "Revision {down} referenced from {} is not present",
                        node.revision
                    )));
                };
                if p == i {
                    return Err(RevisionError::Invalid(format!("Self-loop is detected in revisions ({down})")));
                }
                parents[i].push(p);
                children[p].push(i);
            }
        }
        let mut map = RevisionMap { nodes, index, parents, children, labels, order: Vec::new() };
        map.order = map.topological()?;
        Ok(map)
    }

    /// Parents before children, walking depth first from the newest sibling as Alembic does:
    /// for a branch point with children read in the order b, c, it runs c's line, then b's.
    fn topological(&self) -> Outcome<Vec<usize>> {
        let mut waiting: Vec<usize> = self.parents.iter().map(Vec::len).collect();
        let mut ready: Vec<usize> = (0..self.nodes.len()).filter(|&i| waiting[i] == 0).rev().collect();
        let mut order = Vec::with_capacity(self.nodes.len());
        while let Some(i) = ready.pop() {
            order.push(i);
            for &c in &self.children[i] {
                waiting[c] -= 1;
                if waiting[c] == 0 {
                    ready.push(c);
                }
            }
        }
        if order.len() < self.nodes.len() {
            let mut stuck: Vec<String> =
                (0..self.nodes.len()).filter(|&i| waiting[i] > 0).map(|i| self.nodes[i].revision.clone()).collect();
            crate::sorting::sort(&mut stuck);
            return Err(RevisionError::Invalid(format!("Cycle is detected in revisions ({})", stuck.join(", "))));
        }
        Ok(order)
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    pub fn node(&self, revision: &str) -> Option<&Node> {
        self.index.get(revision).map(|&i| &self.nodes[i])
    }

    fn id(&self, i: usize) -> String {
        self.nodes[i].revision.clone()
    }

    fn ids(&self, indexes: impl IntoIterator<Item = usize>) -> Vec<String> {
        indexes.into_iter().map(|i| self.id(i)).collect()
    }

    /// Revisions nothing builds on, in file order.
    pub fn heads(&self) -> Vec<String> {
        self.ids((0..self.nodes.len()).filter(|&i| self.children[i].is_empty()))
    }

    /// Revisions with no down_revision.
    pub fn bases(&self) -> Vec<String> {
        self.ids((0..self.nodes.len()).filter(|&i| self.parents[i].is_empty()))
    }

    pub fn is_head(&self, revision: &str) -> bool {
        self.index.get(revision).is_some_and(|&i| self.children[i].is_empty())
    }

    /// Two or more revisions build on this one.
    pub fn is_branch_point(&self, revision: &str) -> bool {
        self.index.get(revision).is_some_and(|&i| self.children[i].len() > 1)
    }

    /// This one joins two or more revisions.
    pub fn is_merge_point(&self, revision: &str) -> bool {
        self.index.get(revision).is_some_and(|&i| self.parents[i].len() > 1)
    }

    /// The revisions that build directly on this one.
    pub fn children_of(&self, revision: &str) -> Vec<String> {
        self.index.get(revision).map_or_else(Vec::new, |&i| self.ids(self.children[i].iter().copied()))
    }

    /// Every revision, parents before children (`history` lists them the other way round).
    pub fn in_order(&self) -> Vec<String> {
        self.ids(self.order.iter().copied())
    }

    /// A revision id from a full or unique partial identifier, or a branch label.
    pub fn lookup(&self, ident: &str) -> Outcome<String> {
        if self.index.contains_key(ident) {
            return Ok(ident.to_string());
        }
        if let Some(&i) = self.labels.get(ident) {
            return Ok(self.id(i));
        }
        let candidates: Vec<String> =
            self.nodes.iter().filter(|n| n.revision.len() > 3 && n.revision.starts_with(ident)).map(|n| n.revision.clone()).collect();
        match candidates.len() {
            1 => Ok(candidates[0].clone()),
            0 => Err(RevisionError::NotFound { argument: ident.to_string() }),
            _ => Err(RevisionError::Ambiguous { argument: ident.to_string(), candidates }),
        }
    }

    fn ancestors_of(&self, starts: &[usize]) -> HashSet<usize> {
        let mut seen: HashSet<usize> = HashSet::new();
        let mut todo: Vec<usize> = starts.to_vec();
        while let Some(i) = todo.pop() {
            if seen.insert(i) {
                todo.extend(self.parents[i].iter().copied());
            }
        }
        seen
    }

    fn descendants_of(&self, start: usize) -> HashSet<usize> {
        let mut seen: HashSet<usize> = HashSet::new();
        let mut todo = vec![start];
        while let Some(i) = todo.pop() {
            if seen.insert(i) {
                todo.extend(self.children[i].iter().copied());
            }
        }
        seen
    }

    fn indexes(&self, ids: &[String]) -> Outcome<Vec<usize>> {
        ids.iter().map(|id| self.index.get(id).copied().ok_or_else(|| RevisionError::NotFound { argument: id.clone() })).collect()
    }

    /// The heads reachable from `revision` (for `<rev>@head`).
    fn heads_from(&self, revision: usize) -> Vec<usize> {
        let below = self.descendants_of(revision);
        let mut heads: Vec<usize> = below.into_iter().filter(|&i| self.children[i].is_empty()).collect();
        crate::sorting::sort(&mut heads);
        heads
    }

    fn one_head(&self, heads: Vec<usize>, argument: &str) -> Outcome<Vec<String>> {
        if heads.len() > 1 {
            return Err(RevisionError::MultipleHeads { argument: argument.to_string(), heads: self.ids(heads) });
        }
        Ok(self.ids(heads))
    }

    /// Resolves an absolute identifier to the revisions it names: `head` (exactly one), `heads`,
    /// `base` (none), `<label-or-rev>@head`, a full or partial id, `<rev>+N`, `<rev>-N`.
    pub fn resolve(&self, target: &str) -> Outcome<Vec<String>> {
        match target {
            "base" => return Ok(Vec::new()),
            "heads" => return Ok(self.heads()),
            "head" => return self.one_head((0..self.nodes.len()).filter(|&i| self.children[i].is_empty()).collect(), "head"),
            _ => {}
        }
        if let Some(branch) = target.strip_suffix("@head") {
            let start = self.lookup(branch).map_err(|_| RevisionError::Invalid(format!("No such branch: '{branch}'")))?;
            let at = self.index.get(&start).copied().ok_or_else(|| RevisionError::NotFound { argument: start.clone() })?;
            return self.one_head(self.heads_from(at), target);
        }
        if let Some((base, steps)) = split_relative(target) {
            if !base.is_empty() {
                let start = self.lookup(base)?;
                return self.walk(&[start], steps, target).map(|r| r.into_iter().collect());
            }
        }
        Ok(vec![self.lookup(target)?])
    }

    /// `N` steps up (positive) or down (negative) from `from`, along a single line of revisions;
    /// stepping down past the first revision lands on `base` (`None`).
    fn walk(&self, from: &[String], steps: i64, argument: &str) -> Outcome<Option<String>> {
        let mut current: Option<usize> = match from {
            [] => None,
            [one] => Some(self.index.get(one).copied().ok_or_else(|| RevisionError::NotFound { argument: one.clone() })?),
            _ => return Err(RevisionError::MultipleHeads { argument: argument.to_string(), heads: from.to_vec() }),
        };
        let count = steps.unsigned_abs();
        let relative = || RevisionError::Relative { argument: argument.to_string(), steps: count };
        for step in 0..count {
            let next: Vec<usize> = match (current, steps > 0) {
                (None, true) => (0..self.nodes.len()).filter(|&i| self.parents[i].is_empty()).collect(),
                (None, false) => return Err(relative()),
                (Some(i), true) => self.children[i].clone(),
                (Some(i), false) => self.parents[i].clone(),
            };
            current = match next.as_slice() {
                [one] => Some(*one),
                [] if steps < 0 && step + 1 == count => None,
                _ => return Err(relative()),
            };
        }
        Ok(current.map(|i| self.id(i)))
    }

    /// The revisions to run for `alembic upgrade <target>` from the database's current heads,
    /// parents first. `+N` counts from the current head.
    pub fn upgrade_path(&self, current: &[String], target: &str) -> Outcome<Vec<String>> {
        let destination: Vec<String> = match split_relative(target) {
            Some(("", steps)) if steps > 0 => self.walk(current, steps, target)?.into_iter().collect(),
            Some(("", _)) => return Err(RevisionError::Relative { argument: target.to_string(), steps: 0 }),
            _ => self.resolve(target)?,
        };
        let applied = self.ancestors_of(&self.indexes(current)?);
        let wanted = self.ancestors_of(&self.indexes(&destination)?);
        if destination.iter().any(|d| self.index.get(d).is_some_and(|i| applied.contains(i)) && !current.contains(d)) {
            return Err(RevisionError::NotAncestor { lower: current.join(","), upper: target.to_string() });
        }
        Ok(self.ids(self.order.iter().copied().filter(|i| wanted.contains(i) && !applied.contains(i))))
    }

    /// The revisions to undo for `alembic downgrade <target>`, children first. `-N` undoes the N
    /// latest revisions below the current head (a merge counts as one); `base` undoes everything.
    pub fn downgrade_path(&self, current: &[String], target: &str) -> Outcome<Vec<String>> {
        let applied = self.ancestors_of(&self.indexes(current)?);
        let destination: Vec<String> = match split_relative(target) {
            Some(("", steps)) if steps < 0 => {
                if current.len() > 1 {
                    return Err(RevisionError::MultipleHeads { argument: target.to_string(), heads: current.to_vec() });
                }
                let mut newest_first: Vec<usize> = self.order.iter().copied().filter(|i| applied.contains(i)).collect();
                newest_first.reverse();
                let count = steps.unsigned_abs() as usize;
                if newest_first.len() < count {
                    return Err(RevisionError::Relative { argument: target.to_string(), steps: steps.unsigned_abs() });
                }
                return Ok(self.ids(newest_first.into_iter().take(count)));
            }
            Some(("", _)) => return Err(RevisionError::Relative { argument: target.to_string(), steps: 0 }),
            _ => self.resolve(target)?,
        };
        let keep = self.ancestors_of(&self.indexes(&destination)?);
        if let Some(outside) = destination.iter().find(|d| !self.index.get(d.as_str()).is_some_and(|i| applied.contains(i))) {
            return Err(RevisionError::NotAncestor { lower: outside.clone(), upper: current.join(",") });
        }
        let mut undo: Vec<usize> = self.order.iter().copied().filter(|i| applied.contains(i) && !keep.contains(i)).collect();
        undo.reverse();
        Ok(self.ids(undo))
    }

    /// The heads recorded in `alembic_version` after upgrading through `revision`: its
    /// down_revisions leave, it comes in (one row per head; a merge joins rows).
    pub fn heads_after_upgrade(&self, heads: &[String], revision: &str) -> Vec<String> {
        let downs = self.node(revision).map_or_else(Vec::new, |n| n.down_revisions.clone());
        let mut next: Vec<String> = heads.iter().filter(|h| !downs.contains(h)).cloned().collect();
        next.push(revision.to_string());
        next
    }

    /// The heads after undoing `revision`: it leaves, and each down_revision comes back unless
    /// another remaining head already descends from it.
    pub fn heads_after_downgrade(&self, heads: &[String], revision: &str) -> Vec<String> {
        let mut next: Vec<String> = heads.iter().filter(|h| h.as_str() != revision).cloned().collect();
        let covered = self.ancestors_of(&self.indexes(&next).unwrap_or_default());
        for down in self.node(revision).map_or_else(Vec::new, |n| n.down_revisions.clone()) {
            if self.index.get(&down).is_some_and(|i| !covered.contains(i)) && !next.contains(&down) {
                next.push(down);
            }
        }
        next
    }
}

/// `+2` → ("", 2); `ae10+1` → ("ae10", 1); `-1` → ("", -1); anything else → None.
fn split_relative(target: &str) -> Option<(&str, i64)> {
    let at = target.rfind(['+', '-'])?;
    let (base, number) = target.split_at(at);
    let steps: i64 = number.parse().ok()?;
    Some((base, steps))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(all(target_family = "wasm", target_os = "unknown"))]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    /// base → a1 → b2 → c3, and a branch b2 → d4; e5 merges c3 and d4.
    fn graph() -> RevisionMap {
        RevisionMap::new(vec![
            Node::new("a1a1a1a1", &[]),
            Node::new("b2b2b2b2", &["a1a1a1a1"]),
            Node::new("c3c3c3c3", &["b2b2b2b2"]),
            Node::new("d4d4d4d4", &["b2b2b2b2"]),
        ])
        .unwrap()
    }

    fn with_merge() -> RevisionMap {
        let mut nodes = graph().nodes;
        nodes.push(Node::new("e5e5e5e5", &["c3c3c3c3", "d4d4d4d4"]));
        RevisionMap::new(nodes).unwrap()
    }

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn heads_bases_branch_and_merge_points() {
        let g = graph();
        assert_eq!(g.heads(), ids(&["c3c3c3c3", "d4d4d4d4"]));
        assert_eq!(g.bases(), ids(&["a1a1a1a1"]));
        assert!(g.is_branch_point("b2b2b2b2"));
        let m = with_merge();
        assert_eq!(m.heads(), ids(&["e5e5e5e5"]));
        assert!(m.is_merge_point("e5e5e5e5"));
        // As Alembic orders the same graph: the later sibling's line first.
        assert_eq!(m.in_order(), ids(&["a1a1a1a1", "b2b2b2b2", "d4d4d4d4", "c3c3c3c3", "e5e5e5e5"]));
    }

    #[test]
    fn identifiers_resolve_like_alembic() {
        let g = graph();
        assert_eq!(g.resolve("base").unwrap(), Vec::<String>::new());
        assert_eq!(g.resolve("heads").unwrap().len(), 2);
        assert_eq!(g.resolve("c3c3").unwrap(), ids(&["c3c3c3c3"]));
        assert_eq!(g.resolve("a1a1a1a1+1").unwrap(), ids(&["b2b2b2b2"]));
        assert!(g.resolve("a1a1a1a1+2").is_err(), "b2 branches: +2 is ambiguous");
        assert_eq!(g.resolve("c3c3c3c3-1").unwrap(), ids(&["b2b2b2b2"]));
        assert_eq!(g.resolve("c3c3@head").unwrap(), ids(&["c3c3c3c3"]));
        let err = g.resolve("head").unwrap_err();
        assert_eq!(err, RevisionError::MultipleHeads { argument: "head".into(), heads: ids(&["c3c3c3c3", "d4d4d4d4"]) });
        assert_eq!(
            Error::from(err).message(),
            "Multiple head revisions are present for given argument 'head'; please specify a specific target revision, \
             '<branchname>@head' to narrow to a specific head, or 'heads' for all heads"
        );
        let err = g.resolve("zzzz").unwrap_err();
        assert_eq!(Error::from(err.clone()).message(), "Can't locate revision identified by 'zzzz'");
        assert_eq!(err.detail(), "No such revision or branch 'zzzz'");
        let mut nodes = g.nodes.clone();
        nodes.push(Node::new("c3c3ffff", &["a1a1a1a1"]));
        let err = RevisionMap::new(nodes).unwrap().resolve("c3c3").unwrap_err();
        assert_eq!(err.detail(), "Multiple revisions start with 'c3c3': 'c3c3c3c3', 'c3c3ffff'...");
    }

    #[test]
    fn upgrade_paths_apply_parents_first_and_refuse_ambiguity() {
        let g = graph();
        assert_eq!(g.upgrade_path(&[], "c3c3c3c3").unwrap(), ids(&["a1a1a1a1", "b2b2b2b2", "c3c3c3c3"]));
        // Alembic runs the later sibling's line first (it ran "c2" before "b one" for real).
        assert_eq!(g.upgrade_path(&[], "heads").unwrap(), ids(&["a1a1a1a1", "b2b2b2b2", "d4d4d4d4", "c3c3c3c3"]));
        assert_eq!(g.upgrade_path(&ids(&["c3c3c3c3"]), "d4d4").unwrap(), ids(&["d4d4d4d4"]));
        assert_eq!(g.upgrade_path(&[], "+2").unwrap(), ids(&["a1a1a1a1", "b2b2b2b2"]));
        let err = g.upgrade_path(&ids(&["b2b2b2b2"]), "+1").unwrap_err();
        assert_eq!(Error::from(err).message(), "Relative revision +1 didn't produce 1 migrations");
        assert!(g.upgrade_path(&[], "head").is_err());
        let m = with_merge();
        assert_eq!(m.upgrade_path(&ids(&["c3c3c3c3", "d4d4d4d4"]), "head").unwrap(), ids(&["e5e5e5e5"]));
        assert!(m.upgrade_path(&ids(&["e5e5e5e5"]), "head").unwrap().is_empty(), "already at head");
    }

    #[test]
    fn downgrade_paths_undo_children_first() {
        let m = with_merge();
        let top = ids(&["e5e5e5e5"]);
        assert_eq!(m.downgrade_path(&top, "-1").unwrap(), ids(&["e5e5e5e5"]));
        assert_eq!(m.downgrade_path(&top, "b2b2").unwrap(), ids(&["e5e5e5e5", "c3c3c3c3", "d4d4d4d4"]));
        assert_eq!(m.downgrade_path(&top, "base").unwrap().len(), 5);
        let line = ids(&["c3c3c3c3"]);
        assert_eq!(graph().downgrade_path(&line, "-3").unwrap(), ids(&["c3c3c3c3", "b2b2b2b2", "a1a1a1a1"]));
        let err = graph().downgrade_path(&line, "-4").unwrap_err();
        assert_eq!(Error::from(err).message(), "Relative revision -4 didn't produce 4 migrations");
        let err = graph().downgrade_path(&[], "-1").unwrap_err();
        assert_eq!(Error::from(err).message(), "Relative revision -1 didn't produce 1 migrations");
        assert!(graph().downgrade_path(&line, "d4d4").is_err(), "d4 is not below c3");
    }

    #[test]
    fn heads_in_alembic_version_follow_upgrades_and_downgrades() {
        let m = with_merge();
        let two = ids(&["c3c3c3c3", "d4d4d4d4"]);
        assert_eq!(m.heads_after_upgrade(&two, "e5e5e5e5"), ids(&["e5e5e5e5"]));
        assert_eq!(m.heads_after_downgrade(&ids(&["e5e5e5e5"]), "e5e5e5e5"), two);
        assert_eq!(m.heads_after_upgrade(&ids(&["c3c3c3c3"]), "d4d4d4d4"), two, "a second branch adds a row");
        assert_eq!(m.heads_after_downgrade(&two, "d4d4d4d4"), ids(&["c3c3c3c3"]), "b2 is still below c3");
        assert_eq!(m.heads_after_downgrade(&ids(&["a1a1a1a1"]), "a1a1a1a1"), Vec::<String>::new());
    }

    #[test]
    fn broken_graphs_are_refused() {
        let dup = RevisionMap::new(vec![Node::new("aaaa", &[]), Node::new("aaaa", &[])]).unwrap_err();
        assert_eq!(dup.detail(), "Revision aaaa is present more than once");
        let missing = RevisionMap::new(vec![Node::new("bbbb", &["aaaa"])]).unwrap_err();
        assert_eq!(missing.detail(), "Revision aaaa referenced from bbbb is not present");
        let cycle = RevisionMap::new(vec![Node::new("aaaa", &["bbbb"]), Node::new("bbbb", &["aaaa"])]).unwrap_err();
        assert_eq!(cycle.detail(), "Cycle is detected in revisions (aaaa, bbbb)");
    }
}
