//! The revision graph, like Alembic's `script/revision.py`: a pure structure built from a list of
//! revisions (id, down_revisions, branch labels), knowing nothing of files or databases. Heads,
//! bases, branch and merge points, identifiers (`head`, `heads`, `base`, full and partial ids,
//! `<label>@head`, `+N`, `-N`, `<rev>+N`, `<rev>-N`) and upgrade / downgrade paths live here.

use crate::fast_hash::{FastMap, FastSet};

use crate::error::{Error, ErrorKind};

/// What the graph needs to know of one revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub revision: String,
    pub down_revisions: Vec<String>,
    pub branch_labels: Vec<String>,
    /// `depends_on`: revisions (or branch labels) another branch must have applied first.
    pub dependencies: Vec<String>,
}

impl Node {
    pub fn new(revision: &str, down_revisions: &[&str]) -> Node {
        Node {
            revision: revision.to_string(),
            down_revisions: down_revisions.iter().map(|d| d.to_string()).collect(),
            branch_labels: Vec::new(),
            dependencies: Vec::new(),
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
    /// Where Alembic 1.20 itself fails an `assert` (a branch-relative downgrade whose branch the
    /// current heads do not single out): a bare `AssertionError`.
    Assertion,
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
                // Alembic echoes the argument as written, except that `+0` / `-0` read as the number 0.
                let shown = if *steps == 0 { "0" } else { argument.as_str() };
                format!("Relative revision {shown} didn't produce {steps} migrations")
            }
            RevisionError::Invalid(message) => message.clone(),
            RevisionError::Assertion => String::new(),
        }
    }
}

/// As the `alembic` command reports it (`FAILED: …`).
impl From<RevisionError> for Error {
    fn from(err: RevisionError) -> Error {
        if err == RevisionError::Assertion {
            return Error::new(ErrorKind::AssertionError, "");
        }
        let class = match &err {
            RevisionError::NotFound { .. } | RevisionError::Ambiguous { .. } => "ResolutionError",
            RevisionError::MultipleHeads { .. } => "MultipleHeads",
            RevisionError::NotAncestor { .. } => "RangeNotAncestorError",
            _ => "RevisionError",
        };
        let detail = err.detail();
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
        // Alembic raises its CommandError from the revision map's error (`--raiseerr` shows both).
        Error::new(ErrorKind::CommandError, message).caused_by(&format!("alembic.script.revision.{class}"), detail)
    }
}

type Outcome<T> = std::result::Result<T, RevisionError>;

/// The graph. Revisions are kept in the order given; indexes are positions in that list.
#[derive(Debug, Clone, Default)]
pub struct RevisionMap {
    nodes: Vec<Node>,
    index: FastMap<String, usize>,
    parents: Vec<Vec<usize>>,
    children: Vec<Vec<usize>>,
    labels: FastMap<String, usize>,
    /// Each revision's `depends_on`, resolved, and the revisions that depend on each one.
    dependencies: Vec<Vec<usize>>,
    dependents: Vec<Vec<usize>>,
    /// Every revision, parents before children.
    order: Vec<usize>,
}

impl RevisionMap {
    /// Builds the graph; fails on a duplicate id, a missing down_revision or a cycle.
    pub fn new(nodes: Vec<Node>) -> Outcome<RevisionMap> {
        let mut index = FastMap::with_capacity_and_hasher(nodes.len(), Default::default());
        let mut labels = FastMap::default();
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
        let mut dependencies = vec![Vec::new(); nodes.len()];
        let mut dependents = vec![Vec::new(); nodes.len()];
        for (i, node) in nodes.iter().enumerate() {
            for wanted in &node.dependencies {
                let Some(&d) = index.get(wanted).or_else(|| labels.get(wanted)) else {
                    return Err(RevisionError::Invalid(format!(
                        "Revision {wanted} referenced from {} is not present",
                        node.revision
                    )));
                };
                dependencies[i].push(d);
                dependents[d].push(i);
            }
        }
        let mut map = RevisionMap { nodes, index, parents, children, labels, dependencies, dependents, order: Vec::new() };
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

    /// A revision's down revisions and its dependencies: what must come before it.
    fn before(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.parents[i].iter().chain(&self.dependencies[i]).copied()
    }

    /// A revision and everything it needs, through down revisions and dependencies.
    fn needs(&self, i: usize) -> FastSet<usize> {
        let mut seen = FastSet::default();
        let mut todo = vec![i];
        while let Some(n) = todo.pop() {
            if seen.insert(n) {
                todo.extend(self.before(n));
            }
        }
        seen
    }

    /// Some revisions, newest first, in the order Alembic walks them (its `_topological_sort`):
    /// down one line from the first head until another head still needs the next revision, then
    /// that head's line, and so on. History lists this order; upgrades run it backwards.
    fn alembic_order(&self, revisions: &FastSet<usize>) -> Vec<usize> {
        let n = self.nodes.len();
        let mut todo = vec![false; n];
        for &i in revisions {
            todo[i] = true;
        }
        // What a revision needs, as a mask over the graph: cheap to build and to ask.
        let needs_mask = |start: usize| {
            let mut seen = vec![false; n];
            let mut stack = vec![start];
            while let Some(i) = stack.pop() {
                if !seen[i] {
                    seen[i] = true;
                    stack.extend(self.before(i).filter(|&b| !seen[b]));
                }
            }
            seen
        };
        let mut heads: Vec<usize> = (0..n)
            .filter(|&i| todo[i] && !self.children[i].iter().chain(&self.dependents[i]).any(|&c| todo[c]))
            .collect();
        let mut needed: Vec<Vec<bool>> = heads.iter().map(|&h| needs_mask(h)).collect();
        let mut out = Vec::with_capacity(revisions.len());
        let mut at = 0;
        // Each pass emits a revision or moves to another head; a bound keeps a bad graph finite.
        let mut budget = (revisions.len() + 1).saturating_mul(revisions.len() + 2);
        while !heads.is_empty() && budget > 0 {
            budget -= 1;
            let candidate = heads[at];
            if let Some(other) = (0..heads.len()).find(|&k| k != at && needed[k][candidate]) {
                at = other;
                continue;
            }
            if todo[candidate] {
                todo[candidate] = false;
                out.push(candidate);
            }
            let next: Vec<usize> = self.before(candidate).filter(|&r| todo[r] && !heads.contains(&r)).collect();
            match next.split_first() {
                None => {
                    heads.remove(at);
                    needed.remove(at);
                    at = at.saturating_sub(1);
                }
                Some((&first, _)) if self.dependencies[candidate].is_empty() && self.parents[candidate].len() == 1 => {
                    heads[at] = first;
                    needed[at][candidate] = false;
                }
                Some((&first, rest)) => {
                    heads[at] = first;
                    needed[at] = needs_mask(first);
                    for &r in rest {
                        heads.push(r);
                        needed.push(needs_mask(r));
                    }
                }
            }
        }
        // Anything left (never, for a graph without cycles) keeps the plain order.
        out.extend(self.order.iter().rev().copied().filter(|&i| todo[i]));
        out
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

    /// A head nothing builds on and nothing depends on; a head another branch depends on is only
    /// an "effective head".
    pub fn is_real_head(&self, revision: &str) -> bool {
        self.index.get(revision).is_some_and(|&i| self.children[i].is_empty() && self.dependents[i].is_empty())
    }

    /// The revisions this one depends on (`depends_on`, resolved to ids).
    pub fn dependencies_of(&self, revision: &str) -> Vec<String> {
        self.index.get(revision).map_or_else(Vec::new, |&i| self.ids(self.dependencies[i].iter().copied()))
    }

    /// The branch labels Alembic shows for a revision: its own, those of every revision it
    /// descends from, and — walking down from the labelled revision's last descendant until a
    /// branch point or a merge point — those of the line's earlier revisions.
    pub fn labels_of(&self, revision: &str) -> Vec<String> {
        let Some(&target) = self.index.get(revision) else { return Vec::new() };
        let mut out: Vec<String> = Vec::new();
        for (i, node) in self.nodes.iter().enumerate() {
            if node.branch_labels.is_empty() {
                continue;
            }
            let mut below: Vec<usize> = Vec::new();
            let mut todo = vec![i];
            let mut seen = FastSet::default();
            while let Some(n) = todo.pop() {
                if seen.insert(n) {
                    below.push(n);
                    todo.extend(self.children[n].iter().rev().copied());
                }
            }
            let mut labelled = below.contains(&target);
            let mut walk = below.last().copied();
            while let (false, Some(n)) = (labelled, walk) {
                let real_branch_point = self.children[n].len() + self.dependents[n].len() > 1;
                if real_branch_point || self.parents[n].len() > 1 {
                    break;
                }
                labelled = n == target;
                walk = self.parents[n].first().copied();
            }
            if labelled {
                out.extend(node.branch_labels.iter().filter(|l| !out.contains(l)).cloned().collect::<Vec<_>>());
            }
        }
        out
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
        let all: FastSet<usize> = (0..self.nodes.len()).collect();
        let mut order = self.alembic_order(&all);
        order.reverse();
        self.ids(order)
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

    /// The revisions and everything they need (down revisions and dependencies).
    fn ancestors_of(&self, starts: &[usize]) -> FastSet<usize> {
        let mut seen: FastSet<usize> = FastSet::default();
        for &i in starts {
            if !seen.contains(&i) {
                seen.extend(self.needs(i));
            }
        }
        seen
    }

    fn descendants_of(&self, start: usize) -> FastSet<usize> {
        let mut seen: FastSet<usize> = FastSet::default();
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
            // Alembic's "heads" are its real heads: a revision another depends on is not one.
            "heads" => return Ok(self.ids((0..self.nodes.len()).filter(|&i| self.children[i].is_empty() && self.dependents[i].is_empty()))),
            "head" => return self.one_head((0..self.nodes.len()).filter(|&i| self.children[i].is_empty()).collect(), "head"),
            _ => {}
        }
        if let Some(branch) = target.strip_suffix("@head") {
            let start = self.lookup(branch).map_err(|_| RevisionError::NotFound { argument: branch.to_string() })?;
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
                [] => return Err(relative()),
                _ => return Err(RevisionError::Invalid("Ambiguous walk".into())),
            };
        }
        Ok(current.map(|i| self.id(i)))
    }

    /// What `current` shows for the heads in `alembic_version`: the heads of the branches those
    /// revisions and everything they need (parents and `depends_on`) make up.
    pub fn all_current(&self, heads: &[String]) -> Outcome<Vec<String>> {
        let mut closure: FastSet<usize> = FastSet::default();
        let mut todo = self.indexes(heads)?;
        while let Some(i) = todo.pop() {
            if closure.insert(i) {
                todo.extend(self.parents[i].iter().copied());
                todo.extend(self.dependencies[i].iter().copied());
            }
        }
        let mut out: Vec<usize> = self.indexes(heads)?;
        for &i in &self.order {
            if closure.contains(&i) && !out.contains(&i) && !self.children[i].iter().any(|c| closure.contains(c)) {
                out.push(i);
            }
        }
        Ok(self.ids(out))
    }

    /// `history -r lower:upper`: the revisions at or below `upper` and at or above `lower`,
    /// newest first. `lower` is `base`, an identifier, or `-N` counted down from `upper`
    /// (stopping at base rather than failing, as `history` does).
    pub fn walk_between(&self, lower: &str, upper: &[String]) -> Outcome<Vec<String>> {
        if let Some(branch) = lower.strip_suffix("@base") {
            // The whole line of a branch: everything its heads stand on.
            let heads = self.heads_from(self.branch_start(branch)?);
            let line = self.ancestors_of(&heads);
            let below_upper = self.ancestors_of(&self.indexes(upper)?);
            let between: FastSet<usize> = below_upper.intersection(&line).copied().collect();
            return Ok(self.ids(self.alembic_order(&between)));
        }
        let lower_ids: Vec<String> = match (lower, split_relative(lower)) {
            ("base", _) => Vec::new(),
            (_, Some(("", steps))) if steps < 0 => {
                let mut at = match self.indexes(upper)?.as_slice() {
                    [one] => Some(*one),
                    _ => return Err(RevisionError::MultipleHeads { argument: lower.to_string(), heads: upper.to_vec() }),
                };
                for _ in 0..steps.unsigned_abs() {
                    at = at.and_then(|i| match self.parents[i].as_slice() {
                        [one] => Some(*one),
                        _ => None,
                    });
                }
                at.map(|i| vec![self.id(i)]).unwrap_or_default()
            }
            _ => self.resolve(lower)?,
        };
        self.walk_between_ids(&lower_ids, upper)
    }

    /// The revisions between two sets of revisions, both ends included, newest first; no lower
    /// revisions means from base.
    pub fn walk_between_ids(&self, lower: &[String], upper: &[String]) -> Outcome<Vec<String>> {
        let below_upper = self.ancestors_of(&self.indexes(upper)?);
        let above_lower: Option<FastSet<usize>> = if lower.is_empty() {
            None
        } else {
            let mut all = FastSet::default();
            for i in self.indexes(lower)? {
                all.extend(self.descendants_of(i));
            }
            Some(all)
        };
        let between: FastSet<usize> =
            below_upper.into_iter().filter(|i| above_lower.as_ref().is_none_or(|set| set.contains(i))).collect();
        Ok(self.ids(self.alembic_order(&between)))
    }

    /// A revision's down revisions, then those of its dependencies that its down revisions do not
    /// already stand on: what Alembic's `HeadMaintainer` replaces when it runs.
    pub fn normalized_down_revisions(&self, revision: &str) -> Vec<String> {
        let Some(&i) = self.index.get(revision) else { return Vec::new() };
        let below = self.ancestors_of(&self.parents[i]);
        let extra = self.dependencies[i].iter().copied().filter(|d| !below.contains(d));
        self.ids(self.parents[i].iter().copied().chain(extra))
    }

    /// The revisions and everything they stand on (down revisions and dependencies), by id.
    pub fn ancestors(&self, revisions: &[String]) -> Vec<String> {
        let known: Vec<usize> = revisions.iter().filter_map(|r| self.index.get(r).copied()).collect();
        self.ids(self.ancestors_of(&known))
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
        // A destination the database already has (below its heads, or a head it reaches through
        // a dependency) needs nothing: Alembic runs no step and says nothing.
        let run: FastSet<usize> = wanted.difference(&applied).copied().collect();
        let mut order = self.alembic_order(&run);
        order.reverse();
        Ok(self.ids(order))
    }

    /// Whether `downgrade <target>` walks down from one of several heads, which Alembic allows
    /// with a warning (`-1` with no branch named, while the database has more than one head).
    pub fn downgrade_is_ambiguous(&self, current: &[String], target: &str) -> bool {
        let unique: FastSet<&String> = current.iter().collect();
        matches!(parse_relative(target), Some((None, None, steps)) if steps < 0) && unique.len() > 1
    }

    /// Walks `steps` down the down revisions from `start` (Alembic's `_walk`): `Ok(None)` is base;
    /// a merge on the way is an ambiguous walk; walking past base is `Err(overwalk)`.
    fn walk_down(&self, start: usize, steps: u64, overwalk: RevisionError) -> Outcome<Option<usize>> {
        let mut at = Some(start);
        for _ in 0..steps {
            at = match at {
                None => return Err(overwalk),
                Some(i) => match self.parents[i].as_slice() {
                    [] => None,
                    [one] => Some(*one),
                    _ => return Err(RevisionError::Invalid("Ambiguous walk".into())),
                },
            };
        }
        Ok(at)
    }

    /// The revisions to undo for `alembic downgrade <target>`, newest first, as Alembic collects
    /// them: the target's children (on the named branch, if any) and everything above or
    /// depending on them that the database has. `-N` walks down from the current head (the first
    /// one, on its own branch, when there are several); `<rev>-N` from a revision;
    /// `<branch>@<rev>` names the branch.
    pub fn downgrade_path(&self, current: &[String], target: &str) -> Outcome<Vec<String>> {
        let applied = self.ancestors_of(&self.indexes(current)?);
        let (branch, destination): (Option<String>, Option<usize>) = match parse_relative(target) {
            Some((_, None, steps)) if steps >= 0 => {
                return Err(RevisionError::Relative { argument: target.to_string(), steps: steps.unsigned_abs() })
            }
            Some((branch, symbol, steps)) => {
                let relative = || RevisionError::Relative { argument: target.to_string(), steps: steps.unsigned_abs() };
                let (branch, start) = match (branch, symbol) {
                    (_, Some(symbol)) if steps >= 0 => {
                        // `<rev>+N` as a downgrade target: up from the revision.
                        let from = self.lookup(symbol)?;
                        let to = self.walk(&[from], steps, target)?.ok_or_else(|| RevisionError::Invalid("Walked too far".into()))?;
                        let at = self.index.get(&to).copied();
                        return self.undo_above(&applied, current, branch.map(String::from), at);
                    }
                    (branch, Some(symbol)) => (branch.map(String::from), self.lookup(symbol)?),
                    (Some(branch), None) => {
                        let line = self.branch_start(branch)?;
                        let on_branch: Vec<&String> = current
                            .iter()
                            .filter(|c| self.index.get(*c).is_some_and(|&i| self.shares_lineage(i, line)))
                            .collect();
                        match on_branch.as_slice() {
                            [one] => (Some(branch.to_string()), (*one).clone()),
                            _ => return Err(RevisionError::Assertion),
                        }
                    }
                    (None, None) => match current.first() {
                        None => return Err(relative()),
                        Some(first) => (Some(first.clone()), first.clone()),
                    },
                };
                let start = self.index.get(&start).copied().ok_or_else(|| RevisionError::NotFound { argument: start.clone() })?;
                let overwalk = if symbol.is_none() { relative() } else { RevisionError::Invalid("Walked too far".into()) };
                (branch, self.walk_down(start, steps.unsigned_abs(), overwalk)?)
            }
            None => {
                let (branch, symbol) = match target.rsplit_once('@') {
                    Some((branch, symbol)) => (Some(branch.to_string()), symbol),
                    None => (None, target),
                };
                let destination = if symbol == "base" {
                    None
                } else if let Some(label) = branch.as_deref().filter(|_| symbol == "head") {
                    let heads = self.heads_from(self.branch_start(label)?);
                    self.one_head(heads, target)?.first().and_then(|h| self.index.get(h).copied())
                } else {
                    let ids = self.resolve(symbol)?;
                    if ids.len() > 1 {
                        return Err(RevisionError::MultipleHeads { argument: target.to_string(), heads: ids });
                    }
                    ids.first().and_then(|id| self.index.get(id).copied())
                };
                (branch, destination)
            }
        };
        self.undo_above(&applied, current, branch, destination)
    }

    /// The revision a branch name stands for: a label's revision, or a revision id.
    fn branch_start(&self, branch: &str) -> Outcome<usize> {
        let id = self.lookup(branch)?;
        self.index.get(&id).copied().ok_or_else(|| RevisionError::NotFound { argument: branch.to_string() })
    }

    /// One revision is an ancestor or a descendant of the other.
    fn shares_lineage(&self, a: usize, b: usize) -> bool {
        self.needs(a).contains(&b) || self.needs(b).contains(&a)
    }

    /// Alembic's `_collect_downgrade_revisions`: what must go to bring the database down to
    /// `destination` (`None`: base).
    fn undo_above(&self, applied: &FastSet<usize>, current: &[String], branch: Option<String>, destination: Option<usize>) -> Outcome<Vec<String>> {
        let mut roots: Vec<usize> = match destination {
            None => (0..self.nodes.len()).filter(|&i| self.parents[i].is_empty()).collect(),
            Some(d) => self.children[d].clone(),
        };
        if let (Some(branch), true) = (branch, roots.len() > 1) {
            let line = self.branch_start(&branch)?;
            let mut below = FastSet::default();
            let mut todo = vec![line];
            while let Some(n) = todo.pop() {
                if below.insert(n) {
                    todo.extend(self.parents[n].iter().copied());
                }
            }
            roots.retain(|r| below.contains(r));
            if roots.is_empty() {
                return Err(RevisionError::Invalid("Not a valid downgrade target from current heads".into()));
            }
        }
        let mut undo = FastSet::default();
        let mut todo = roots;
        while let Some(n) = todo.pop() {
            if undo.insert(n) {
                todo.extend(self.children[n].iter().chain(&self.dependents[n]).copied());
            }
        }
        undo.retain(|i| applied.contains(i));
        if let Some(d) = destination {
            if undo.is_empty() && !current.iter().any(|c| self.index.get(c) == Some(&d)) {
                // Alembic's words for it: nothing to drop below the current heads (as a tuple).
                let upper = format!("({})", super::render::tuple_inside(current));
                return Err(RevisionError::NotAncestor { lower: "Nothing to drop".into(), upper });
            }
        }
        Ok(self.ids(self.alembic_order(&undo)))
    }
}

/// A relative target as Alembic reads it (`(?:(.+?)@)?(\w+)?([+-]\d+)` from the start):
/// `-1` → (None, None, -1); `ae10+2` → (None, Some("ae10"), 2); `feature@-1` → (Some("feature"),
/// None, -1). Anything else → None.
fn parse_relative(target: &str) -> Option<(Option<&str>, Option<&str>, i64)> {
    let (branch, rest) = match target.split_once('@') {
        Some((b, r)) if !b.is_empty() => (Some(b), r),
        _ => (None, target),
    };
    let word_end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
    let (symbol, number) = rest.split_at(word_end);
    if !number.starts_with(['+', '-']) {
        return None;
    }
    let digits: String = number[1..].chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return None;
    }
    let steps: i64 = number[..1 + digits.len()].parse().ok()?;
    Some((branch, (!symbol.is_empty()).then_some(symbol), steps))
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
        assert_eq!(Error::from(err).message(), "Ambiguous walk", "+1 from a branch point has two ways up");
        let err = g.upgrade_path(&ids(&["c3c3c3c3"]), "+1").unwrap_err();
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
        let err = m.downgrade_path(&top, "-1").unwrap_err();
        assert_eq!(Error::from(err).message(), "Ambiguous walk", "-1 from a merge has two ways down");
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
    fn broken_graphs_are_refused() {
        let dup = RevisionMap::new(vec![Node::new("aaaa", &[]), Node::new("aaaa", &[])]).unwrap_err();
        assert_eq!(dup.detail(), "Revision aaaa is present more than once");
        let missing = RevisionMap::new(vec![Node::new("bbbb", &["aaaa"])]).unwrap_err();
        assert_eq!(missing.detail(), "Revision aaaa referenced from bbbb is not present");
        let cycle = RevisionMap::new(vec![Node::new("aaaa", &["bbbb"]), Node::new("bbbb", &["aaaa"])]).unwrap_err();
        assert_eq!(cycle.detail(), "Cycle is detected in revisions (aaaa, bbbb)");
    }
}
