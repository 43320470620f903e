//! The warnings CPython's compiler prints before a file runs: `x is 5` compares identity with a
//! literal, which is almost always a mistake for `==` (`SyntaxWarning: "is" with a literal`).

use super::ast::{Constant, Expr, ExprKind, FStringPart, Stmt, StmtKind};

/// Each `is` / `is not` with a literal operand, in source order: (line, operator).
pub fn literal_identity_checks(body: &[Stmt]) -> Vec<(u32, &'static str)> {
    let mut found = Vec::new();
    for stmt in body {
        visit_stmt(stmt, &mut found);
    }
    found
}

/// A constant other than None, True, False and `...` (CPython's check_is_arg); a tuple of
/// constants counts, as the compiler folds it into one.
fn is_literal(expr: &Expr) -> bool {
    match &expr.kind {
        ExprKind::Constant(c) => !matches!(c, Constant::None | Constant::True | Constant::False | Constant::Ellipsis),
        ExprKind::UnaryOp { op: "-" | "+", operand } => matches!(operand.kind, ExprKind::Constant(Constant::Number(_))),
        ExprKind::Tuple(items) => items.iter().all(|i| matches!(i.kind, ExprKind::Constant(_)) || is_literal(i)),
        _ => false,
    }
}

fn visit_stmt(stmt: &Stmt, found: &mut Vec<(u32, &'static str)>) {
    let mut exprs: Vec<&Expr> = Vec::new();
    let mut blocks: Vec<&[Stmt]> = Vec::new();
    match &stmt.kind {
        StmtKind::ClassDef { bases, keywords, body, decorators, .. } => {
            exprs.extend(decorators.iter().chain(bases).chain(keywords.iter().map(|k| &k.value)));
            blocks.push(body);
        }
        StmtKind::FunctionDef { params, returns, body, decorators, .. } => {
            exprs.extend(decorators.iter().chain(params.iter().filter_map(|p| p.default.as_ref())).chain(returns));
            blocks.push(body);
        }
        StmtKind::Assign { targets, value } => exprs.extend(targets.iter().chain([value])),
        StmtKind::AnnAssign { target, annotation, value } => exprs.extend([target, annotation].into_iter().chain(value)),
        StmtKind::AugAssign { target, value, .. } => exprs.extend([target, value]),
        StmtKind::Expr(e) | StmtKind::Return(Some(e)) => exprs.push(e),
        StmtKind::With { items, body } => {
            for (context, alias) in items {
                exprs.push(context);
                exprs.extend(alias);
            }
            blocks.push(body);
        }
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            exprs.push(test);
            blocks.extend([&body[..], &orelse[..]]);
        }
        StmtKind::For { target, iter, body, orelse } => {
            exprs.extend([target, iter]);
            blocks.extend([&body[..], &orelse[..]]);
        }
        StmtKind::Try { body, handlers, orelse, finalbody } => {
            blocks.push(body);
            for handler in handlers {
                exprs.extend(&handler.type_);
                blocks.push(&handler.body);
            }
            blocks.extend([&orelse[..], &finalbody[..]]);
        }
        StmtKind::Raise { exc, cause } => exprs.extend(exc.iter().chain(cause)),
        StmtKind::Assert { test, msg } => exprs.extend(std::iter::once(test).chain(msg)),
        StmtKind::Delete(targets) => exprs.extend(targets),
        _ => {}
    }
    for e in exprs {
        visit_expr(e, found);
    }
    for block in blocks {
        for s in block {
            visit_stmt(s, found);
        }
    }
}

fn visit_expr(expr: &Expr, found: &mut Vec<(u32, &'static str)>) {
    let mut children: Vec<&Expr> = Vec::new();
    match &expr.kind {
        ExprKind::Compare { left, ops } => {
            let mut previous: &Expr = left;
            for (op, right) in ops {
                if matches!(*op, "is" | "is not") && (is_literal(previous) || is_literal(right)) {
                    found.push((expr.line, if *op == "is" { "is" } else { "is not" }));
                }
                previous = right;
            }
            children.push(left);
            children.extend(ops.iter().map(|(_, e)| e));
        }
        ExprKind::FString(parts) => {
            for part in parts {
                if let FStringPart::Value { expr, spec, .. } = part {
                    children.push(expr);
                    for inner in spec.iter().flatten() {
                        if let FStringPart::Value { expr, .. } = inner {
                            children.push(expr);
                        }
                    }
                }
            }
        }
        ExprKind::Attribute { value, .. } | ExprKind::Starred(value) | ExprKind::UnaryOp { operand: value, .. } => children.push(value),
        ExprKind::Subscript { value, index } => children.extend([&**value, &**index]),
        ExprKind::Call { func, args, keywords } => {
            children.push(func);
            children.extend(args.iter().chain(keywords.iter().map(|k| &k.value)));
        }
        ExprKind::Tuple(items) | ExprKind::List(items) | ExprKind::Set(items) | ExprKind::BoolOp { values: items, .. } => children.extend(items),
        ExprKind::Dict(pairs) => children.extend(pairs.iter().flat_map(|(k, v)| [k, v])),
        ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } | ExprKind::GeneratorExp { elt, generators } => {
            children.push(elt);
            for g in generators {
                children.extend(std::iter::once(&g.target).chain([&g.iter]).chain(&g.ifs));
            }
        }
        ExprKind::DictComp { key, value, generators } => {
            children.extend([&**key, &**value]);
            for g in generators {
                children.extend(std::iter::once(&g.target).chain([&g.iter]).chain(&g.ifs));
            }
        }
        ExprKind::Yield { value, .. } => children.extend(value.as_deref()),
        ExprKind::NamedExpr { value, .. } => children.push(value),
        ExprKind::BinOp { left, right, .. } => children.extend([&**left, &**right]),
        ExprKind::IfExp { test, body, orelse } => children.extend([&**body, &**test, &**orelse]),
        ExprKind::Lambda { params, body } => {
            children.extend(params.iter().filter_map(|p| p.default.as_ref()));
            children.push(body);
        }
        ExprKind::Slice(a, b, c) => children.extend([a, b, c].into_iter().flatten().map(|e| &**e)),
        ExprKind::Name(_) | ExprKind::Constant(_) => {}
    }
    for child in children {
        visit_expr(child, found);
    }
}
