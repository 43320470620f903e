//! The order a flush writes its mappers in, as SQLAlchemy's unit of work decides it: each mapper
//! has a "save" and a "delete" action, each relationship between mappers of the flush a "process"
//! action before and after, tied by the dependencies its kind implies (one-to-many, many-to-one,
//! many-to-many); the actions are sorted by their sort keys (`("SaveUpdateAll",
//! "__main__.User")`) and then taken in layers, each action once all it depends on is done. A
//! relationship of a class to itself would make a cycle, which SQLAlchemy breaks into one action
//! per object (ordered by the lab within the mapper, parents first); it is left out here.

use std::rc::Rc;

use crate::interp::{Interpreter, Res};

use super::mapper::{qualified_name, Mapper};
use super::relationship::Direction;

#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Action {
    /// `DeleteAll`, by the mapper's sort key.
    Delete(String),
    /// `ProcessAll` of a relationship (its parent's sort key `_` its name), before deletes or not.
    Process(String, bool),
    /// `SaveUpdateAll`.
    Save(String),
}

/// The mappers in the order their rows are saved, and in the order they are deleted.
pub struct FlushOrder {
    pub saves: Vec<Rc<Mapper>>,
    pub deletes: Vec<Rc<Mapper>>,
}

pub fn flush_order(py: &mut Interpreter, mappers: &[Rc<Mapper>]) -> Res<FlushOrder> {
    let key = |m: &Mapper| m.class_obj().and_then(|c| if let crate::interp::object::Obj::Class(c) = c { Some(qualified_name(&c)) } else { None }).unwrap_or_else(|| m.class_name.clone());
    let mut actions: Vec<Action> = Vec::new();
    let mut edges: Vec<(Action, Action)> = Vec::new();
    let add = |actions: &mut Vec<Action>, a: &Action| {
        if !actions.contains(a) {
            actions.push(a.clone());
        }
    };
    for mapper in mappers {
        let (save, delete) = (Action::Save(key(mapper)), Action::Delete(key(mapper)));
        add(&mut actions, &save);
        add(&mut actions, &delete);
        edges.push((save, delete));
    }
    for mapper in mappers {
        let relationships = mapper.relationships.borrow().clone();
        for spec in relationships {
            let (direction, target) = spec.kind(py)?;
            // SQLAlchemy sets a relationship's actions up when its target takes part in the flush
            // (or its own history changed); one to the same class is the cycle left out.
            if Rc::ptr_eq(&target, mapper) || !mappers.iter().any(|m| Rc::ptr_eq(m, &target)) {
                continue;
            }
            let dp = format!("{}_{}", key(mapper), spec.attr);
            let (after_save, before_delete) = (Action::Process(dp.clone(), false), Action::Process(dp, true));
            let (parent_saves, parent_deletes) = (Action::Save(key(mapper)), Action::Delete(key(mapper)));
            let (child_saves, child_deletes) = (Action::Save(key(&target)), Action::Delete(key(&target)));
            for a in [&after_save, &before_delete, &child_saves, &child_deletes] {
                add(&mut actions, a);
            }
            let pairs = match direction {
                Direction::OneToMany => vec![
                    (parent_saves, after_save.clone()),
                    (after_save.clone(), child_saves.clone()),
                    (after_save, child_deletes.clone()),
                    (child_saves.clone(), parent_deletes.clone()),
                    (child_deletes.clone(), parent_deletes),
                    (before_delete.clone(), child_saves),
                    (before_delete, child_deletes),
                ],
                Direction::ManyToOne => vec![
                    (child_saves, after_save.clone()),
                    (after_save, parent_saves.clone()),
                    (parent_saves, child_deletes.clone()),
                    (parent_deletes, child_deletes),
                ],
                Direction::ManyToMany => vec![
                    (parent_saves.clone(), after_save.clone()),
                    (child_saves.clone(), after_save.clone()),
                    (after_save, child_deletes.clone()),
                    (before_delete.clone(), parent_saves),
                    (before_delete.clone(), parent_deletes),
                    (before_delete.clone(), child_deletes),
                    (before_delete, child_saves),
                ],
            };
            edges.extend(pairs);
        }
    }
    actions.sort();
    let sorted = layers(actions, &edges);
    let pick = |want_save: bool| -> Vec<Rc<Mapper>> {
        sorted
            .iter()
            .filter_map(|a| match (a, want_save) {
                (Action::Save(k), true) | (Action::Delete(k), false) => mappers.iter().find(|m| key(m) == *k).cloned(),
                _ => None,
            })
            .collect()
    };
    Ok(FlushOrder { saves: pick(true), deletes: pick(false) })
}

/// SQLAlchemy's `sort_as_subsets`: in passes over the actions in order, each pass taking every
/// action none of whose prerequisites is still waiting. What a cycle holds comes last, in order.
fn layers(mut todo: Vec<Action>, edges: &[(Action, Action)]) -> Vec<Action> {
    let mut out = Vec::with_capacity(todo.len());
    while !todo.is_empty() {
        let ready: Vec<Action> = todo.iter().filter(|a| !edges.iter().any(|(before, after)| after == *a && todo.contains(before))).cloned().collect();
        if ready.is_empty() {
            out.append(&mut todo);
            break;
        }
        todo.retain(|a| !ready.contains(a));
        out.extend(ready);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layers_take_every_ready_action_per_pass_in_order() {
        let (a, b, c, d) = (Action::Save("a".into()), Action::Save("b".into()), Action::Save("c".into()), Action::Save("d".into()));
        // a needs b; c needs b: b and d first (in order), then a and c.
        let edges = vec![(b.clone(), a.clone()), (b.clone(), c.clone())];
        let sorted = layers(vec![a.clone(), b.clone(), c.clone(), d.clone()], &edges);
        assert!(sorted == vec![b, d, a, c]);
    }

    #[test]
    fn actions_sort_as_sqlalchemys_sort_keys() {
        let mut actions = vec![Action::Save("__main__.A".into()), Action::Process("__main__.A_b".into(), true), Action::Process("__main__.A_b".into(), false), Action::Delete("__main__.Z".into())];
        actions.sort();
        assert!(actions == vec![Action::Delete("__main__.Z".into()), Action::Process("__main__.A_b".into(), false), Action::Process("__main__.A_b".into(), true), Action::Save("__main__.A".into())]);
    }
}
