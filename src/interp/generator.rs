//! Generators: a function with `yield` returns a generator, whose body runs a piece at a time.
//!
//! The evaluator walks the syntax tree recursively, so a suspended body cannot keep its Rust
//! stack. Instead a `yield` returns `Flow::Yield` outwards, and each statement it passes records
//! where it was (`Resume`: the statement's index in its block, a loop's iterator, a `try`'s part,
//! a `with`'s managers). Resuming walks the same statements inwards, each taking its entry back
//! instead of starting afresh, until the `yield` gives what was sent. The generator's frame (its
//! variables) stays with the generator between runs.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::eval::{Frame, Interpreter, LoopItems, Raised, Res};
use super::object::{Function, Obj};
use crate::python::{ExprKind, Stmt, StmtKind};

/// Where a suspended generator was, for one statement on the way to its `yield`.
pub(super) enum Resume {
    /// In a block: the index of the statement it was suspended in.
    At(usize),
    /// In a loop's body: a `for` loop's iterator (`None` for `while`).
    Loop(Option<Box<LoopItems>>),
    /// In a loop's `else` block.
    LoopElse,
    /// In an `if`: the body (`true`) or the `else` branch.
    If(bool),
    /// In a `try` statement.
    Try(TryPart),
    /// In a `with` block: the context managers to exit when it ends.
    With(Vec<Obj>),
    /// In a `yield from`: the items still to give.
    YieldFrom(LoopItems),
    /// At the `yield` itself.
    Yield,
}

/// Which part of a `try` statement a generator was suspended in.
pub(super) enum TryPart {
    Body,
    /// The `except` clause at this index, handling this exception.
    Handler(usize, Box<Raised>),
    Else,
    /// The `finally` block, with what happened before it (to go on with after it).
    Finally(Box<Res<super::eval::Flow>>),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Created,
    Suspended,
    Running,
    Done,
}

/// A generator object: its function, its frame and where it stopped.
pub struct Generator {
    function: Rc<Function>,
    frame: Frame,
    saved: RefCell<Vec<Resume>>,
    state: Cell<State>,
    /// The value its `return` gave (`yield from`'s value).
    returned: RefCell<Obj>,
}

thread_local! {
    /// Suspended generators whose last reference went while they still had a `finally` or a
    /// `with` to finish: Python closes such a generator at once (`GeneratorExit` at its `yield`),
    /// so the interpreter closes them at its next statement or call (see `finalize_dropped`).
    static DROPPED: RefCell<Vec<Generator>> = const { RefCell::new(Vec::new()) };
    static ANY_DROPPED: Cell<bool> = const { Cell::new(false) };
}

impl Drop for Generator {
    fn drop(&mut self) {
        if !self.needs_close() {
            super::object::free(self.release());
            return;
        }
        let frame = std::mem::replace(&mut self.frame, Frame::placeholder());
        let orphan = Generator {
            function: self.function.clone(),
            frame,
            saved: RefCell::new(self.saved.take()),
            state: Cell::new(State::Suspended),
            returned: RefCell::new(Obj::None),
        };
        // When it cannot be queued (the thread is ending), it is let go as a finished one.
        let mut orphan = Some(orphan);
        let queued = DROPPED
            .try_with(|queue| match queue.try_borrow_mut() {
                Ok(mut queue) => {
                    queue.extend(orphan.take());
                    true
                }
                Err(_) => false,
            })
            .unwrap_or(false);
        if let Some(orphan) = orphan {
            orphan.state.set(State::Done);
        }
        if queued {
            let _ = ANY_DROPPED.try_with(|flag| flag.set(true));
        }
    }
}

/// Takes the dropped generators out of the queue, marked finished so they are not queued again.
fn take_dropped() -> Vec<Generator> {
    let _ = ANY_DROPPED.try_with(|flag| flag.set(false));
    DROPPED.try_with(|queue| queue.try_borrow_mut().map(|mut queue| std::mem::take(&mut *queue)).unwrap_or_default()).unwrap_or_default()
}

impl Generator {
    /// Suspended inside a `try` or `with`: dropping it must close it first.
    fn needs_close(&self) -> bool {
        self.state.get() == State::Suspended && self.saved.borrow().iter().any(|r| matches!(r, Resume::Try(_) | Resume::With(_)))
    }

    /// What it holds (its variables, the loops it is in), taken out so that a long chain of
    /// generators is freed without recursion — unless it still has to be closed.
    pub(super) fn release(&mut self) -> Vec<Obj> {
        if self.needs_close() {
            return Vec::new();
        }
        let mut values = self.frame.take_values();
        for entry in self.saved.get_mut().drain(..) {
            match entry {
                Resume::Loop(Some(items)) => values.extend(items.into_values()),
                Resume::YieldFrom(items) => values.extend(items.into_values()),
                Resume::With(managers) => values.extend(managers),
                _ => {}
            }
        }
        values
    }

    pub(super) fn new(function: Rc<Function>, frame: Frame) -> Generator {
        Generator { function, frame, saved: RefCell::new(Vec::new()), state: Cell::new(State::Created), returned: RefCell::new(Obj::None) }
    }

    pub fn qualname(&self) -> &str {
        &self.function.qualname
    }

    /// The value its `return` gave, handed over once (a later `next()` finds nothing).
    pub(super) fn returned(&self) -> Obj {
        self.returned.replace(Obj::None)
    }
}

/// Whether a function body is a generator's: it has a `yield` outside nested functions and classes.
pub fn has_yield(body: &[Stmt]) -> bool {
    body.iter().any(|stmt| match &stmt.kind {
        StmtKind::Expr(expr) | StmtKind::Assign { value: expr, .. } => matches!(expr.kind, ExprKind::Yield { .. }),
        StmtKind::If { body, orelse, .. } | StmtKind::While { body, orelse, .. } | StmtKind::For { body, orelse, .. } => {
            has_yield(body) || has_yield(orelse)
        }
        StmtKind::With { body, .. } => has_yield(body),
        StmtKind::Try { body, handlers, orelse, finalbody } => {
            has_yield(body) || handlers.iter().any(|h| has_yield(&h.body)) || has_yield(orelse) || has_yield(finalbody)
        }
        _ => false,
    })
}

impl Interpreter {
    /// Runs a generator to its next `yield` (`Some(value)`) or its end (`None`). `sent` is what
    /// the suspended `yield` gives; `thrown` is raised there instead.
    pub(super) fn resume_generator(&mut self, generator: &Rc<Generator>, sent: Obj, thrown: Option<Box<Raised>>) -> Res<Option<Obj>> {
        match generator.state.get() {
            State::Running => return self.error("ValueError", "generator already executing"),
            State::Done => return thrown.map_or(Ok(None), Err),
            State::Created => {
                if let Some(raised) = thrown {
                    generator.state.set(State::Done);
                    return Err(raised);
                }
                if !matches!(sent, Obj::None) {
                    return self.error("TypeError", "can't send non-None value to a just-started generator");
                }
            }
            State::Suspended => {}
        }
        let outer_resume = std::mem::replace(&mut self.resume, generator.saved.take());
        let outer_suspend = std::mem::take(&mut self.suspend);
        let outer_sent = self.sent.replace(sent);
        let outer_thrown = std::mem::replace(&mut self.thrown, thrown);
        generator.state.set(State::Running);
        let outcome = self.run_frame(&generator.frame, &generator.function.body);
        let suspended = std::mem::replace(&mut self.suspend, outer_suspend);
        self.resume = outer_resume;
        self.sent = outer_sent;
        self.thrown = outer_thrown;
        match outcome {
            Ok(super::eval::Flow::Yield(value)) => {
                *generator.saved.borrow_mut() = suspended;
                generator.state.set(State::Suspended);
                Ok(Some(value))
            }
            Ok(super::eval::Flow::Return(value)) => {
                generator.state.set(State::Done);
                *generator.returned.borrow_mut() = value;
                Ok(None)
            }
            Ok(_) => {
                generator.state.set(State::Done);
                Ok(None)
            }
            Err(raised) => {
                generator.state.set(State::Done);
                // PEP 479: a StopIteration leaking out of a generator's body is a RuntimeError.
                if !raised.stop && self.is_instance_of(&raised.value, "StopIteration") {
                    let mut replaced = Raised { value: self.new_exception("RuntimeError", "generator raised StopIteration".into()), frames: raised.frames.clone(), stop: false, at: None };
                    self.set_attr(&replaced.value, "__cause__", raised.value.clone())?;
                    replaced.frames = raised.frames;
                    return Err(Box::new(replaced));
                }
                Err(raised)
            }
        }
    }

    /// `generator.close()`: `GeneratorExit` is raised at its `yield`, so its `finally` blocks
    /// and `with` exits run.
    pub(super) fn close_generator(&mut self, generator: &Rc<Generator>) -> Res<()> {
        match generator.state.get() {
            State::Created => {
                generator.state.set(State::Done);
                return Ok(());
            }
            State::Done => return Ok(()),
            _ => {}
        }
        let exit = self.exception("GeneratorExit", String::new(), false);
        match self.resume_generator(generator, Obj::None, Some(exit)) {
            Ok(Some(_)) => self.error("RuntimeError", "generator ignored GeneratorExit"),
            Ok(None) => Ok(()),
            Err(raised) if !raised.stop && self.is_instance_of(&raised.value, "GeneratorExit") => Ok(()),
            Err(raised) => Err(raised),
        }
    }

    /// Closes the generators dropped unfinished since the last look (cheap when there are none):
    /// their `finally` blocks and `with` exits run now, as CPython runs them when the last
    /// reference goes. An error in one is printed as CPython prints it, and the program goes on.
    pub(super) fn finalize_dropped(&mut self) -> Res<()> {
        if !ANY_DROPPED.try_with(Cell::get).unwrap_or(false) {
            return Ok(());
        }
        for orphan in take_dropped() {
            let generator = Rc::new(orphan);
            if let Err(raised) = self.close_generator(&generator) {
                if raised.stop {
                    return Err(raised);
                }
                let name = format!("<generator object {} at 0x{:x}>", generator.qualname(), Rc::as_ptr(&generator) as usize);
                let traceback = self.traceback_text(&raised, false);
                self.write(&format!("Exception ignored in: {name}\n{traceback}"))?;
            }
        }
        Ok(())
    }

    /// Forgets generators dropped by an earlier run (an interpreter that has ended, say).
    pub(super) fn discard_dropped() {
        for orphan in take_dropped() {
            orphan.state.set(State::Done);
        }
    }

    /// A generator's next item for `next()` / `__next__`: Python's `StopIteration` at the end.
    pub(super) fn generator_next(&mut self, generator: &Rc<Generator>, sent: Obj) -> Res<Obj> {
        match self.resume_generator(generator, sent, None)? {
            Some(value) => Ok(value),
            None => {
                let returned = generator.returned();
                let message = if matches!(returned, Obj::None) { String::new() } else { self.repr_of(&returned)? };
                let stop = self.new_exception("StopIteration", String::new());
                if !message.is_empty() {
                    self.set_attr(&stop, "args", Obj::tuple(vec![returned.clone()]))?;
                }
                self.set_attr(&stop, "value", returned)?;
                Err(super::eval::raised(stop, false))
            }
        }
    }

    /// Every item a generator still gives, for `list(g)`, `sum(g)` and the like.
    pub(super) fn drain_generator(&mut self, generator: &Rc<Generator>) -> Res<Vec<Obj>> {
        let mut items = Vec::new();
        while let Some(item) = self.resume_generator(generator, Obj::None, None)? {
            if items.len() >= super::eval::MAX_ITEMS {
                return self.error("MemoryError", "");
            }
            items.push(item);
        }
        Ok(items)
    }
}

/// `enumerate`, `zip`, `map` and `filter`: lazy, as in Python — each item is made when the loop
/// asks for it, so they work over endless generators and call their function only as needed.
pub struct Lazy {
    pub kind: LazyKind,
    sources: RefCell<Vec<LoopItems>>,
}

pub enum LazyKind {
    /// The next count.
    Enumerate(Cell<i64>),
    Zip,
    Map(Obj),
    Filter(Obj),
}

impl Drop for Lazy {
    fn drop(&mut self) {
        super::object::free(self.release());
    }
}

impl Lazy {
    /// Its sources, taken out for freeing without recursion.
    pub(super) fn release(&mut self) -> Vec<Obj> {
        let mut values: Vec<Obj> = self.sources.get_mut().drain(..).flat_map(LoopItems::into_values).collect();
        if let LazyKind::Map(f) | LazyKind::Filter(f) = &mut self.kind {
            values.push(std::mem::replace(f, Obj::None));
        }
        values
    }

    pub(super) fn new(kind: LazyKind, sources: Vec<LoopItems>) -> Lazy {
        Lazy { kind, sources: RefCell::new(sources) }
    }

    pub fn type_name(&self) -> &'static str {
        match self.kind {
            LazyKind::Enumerate(_) => "enumerate",
            LazyKind::Zip => "zip",
            LazyKind::Map(_) => "map",
            LazyKind::Filter(_) => "filter",
        }
    }
}

impl Interpreter {
    /// The next item of a lazy iterator, or `None` at its end.
    pub(super) fn lazy_next(&mut self, lazy: &Rc<Lazy>) -> Res<Option<Obj>> {
        // Each item is a step of work: `list(enumerate(range(10**12)))` meets the budgets.
        self.tick()?;
        // The sources are taken out while items are pulled (which may run Python that reaches
        // this same iterator: it then looks exhausted, where Python says "already executing").
        let mut sources = lazy.sources.take();
        let outcome = self.lazy_step(lazy, &mut sources);
        *lazy.sources.borrow_mut() = sources;
        outcome
    }

    fn lazy_step(&mut self, lazy: &Rc<Lazy>, sources: &mut [LoopItems]) -> Res<Option<Obj>> {
        if sources.is_empty() {
            return Ok(None);
        }
        loop {
            let mut row = Vec::with_capacity(sources.len());
            for source in sources.iter_mut() {
                match self.next_loop_item(source)? {
                    Some(item) => row.push(item),
                    None => return Ok(None),
                }
            }
            return Ok(Some(match &lazy.kind {
                LazyKind::Enumerate(count) => {
                    let n = count.get();
                    count.set(n.saturating_add(1));
                    Obj::tuple(vec![Obj::Int(n), row.swap_remove(0)])
                }
                LazyKind::Zip => Obj::tuple(row),
                LazyKind::Map(function) => self.call(function.clone(), row, Vec::new())?,
                LazyKind::Filter(function) => {
                    let item = row.swap_remove(0);
                    let keep = match function {
                        Obj::None => self.truthy(&item)?,
                        f => {
                            let verdict = self.call(f.clone(), vec![item.clone()], Vec::new())?;
                            self.truthy(&verdict)?
                        }
                    };
                    if !keep {
                        self.tick()?;
                        continue;
                    }
                    item
                }
            }));
        }
    }
}

#[cfg(test)]
mod tests {

    use super::Interpreter;

    fn run(program: &str) -> String {
        let files = crate::Files::from([("prog.py".to_string(), program.to_string())]);
        Interpreter::new(files).run_main("prog.py").output
    }

    #[test]
    fn yield_outside_a_function_body_is_python_s_syntax_error() {
        for program in ["yield 1\n", "def f():\n    class A:\n        yield 1\n    yield 2\nlist(f())\n"] {
            let output = run(program);
            assert!(output.trim_end().ends_with("SyntaxError: 'yield' outside function"), "{program:?} printed {output:?}");
        }
    }

    #[test]
    fn a_generator_that_resumes_itself_or_runs_forever_stops_cleanly() {
        let output = run("def g():\n    yield next(it)\nit = g()\nnext(it)\n");
        assert!(output.trim_end().ends_with("ValueError: generator already executing"), "{output}");
        let output = run("def count():\n    n = 0\n    while True:\n        yield n\n        n += 1\nprint(list(count()))\n");
        assert!(output.contains("the lab stopped this program") || output.contains("MemoryError"), "{output}");
    }
}
