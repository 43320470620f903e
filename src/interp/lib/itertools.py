"""The lab's itertools, in Python: each tool is a generator that yields what CPython's yields,
in the same order (CPython's are C types; here `type(chain())` is a generator)."""


def count(start=0, step=1):
    n = start
    while True:
        yield n
        n += step


def cycle(iterable):
    saved = []
    for element in iterable:
        yield element
        saved.append(element)
    while saved:
        for element in saved:
            yield element


def repeat(object, times=None):
    if times is None:
        while True:
            yield object
    else:
        for _ in range(times):
            yield object


def accumulate(iterable, func=None, *, initial=None):
    it = iter(iterable)
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for element in it:
        total = total + element if func is None else func(total, element)
        yield total


def chain(*iterables):
    for it in iterables:
        yield from it


def _from_iterable(iterables):
    for it in iterables:
        yield from it


chain.from_iterable = _from_iterable


def compress(data, selectors):
    return (d for d, s in zip(data, selectors) if s)


def dropwhile(predicate, iterable):
    it = iter(iterable)
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


def takewhile(predicate, iterable):
    for x in iterable:
        if predicate(x):
            yield x
        else:
            break


def filterfalse(predicate, iterable):
    if predicate is None:
        predicate = bool
    for x in iterable:
        if not predicate(x):
            yield x


_NONE = object()


class _GroupState:
    """What groupby and its groups share, as in CPython: the one underlying iterator, the key
    and value read ahead, and which group is current (moving on empties the previous one)."""

    def __init__(self, iterable, key):
        self.it = iter(iterable)
        self.keyfunc = key
        self.currkey = self.currvalue = self.tgtkey = _NONE
        self.currgrouper = None

    def step(self):
        try:
            value = next(self.it)
        except StopIteration:
            return False
        self.currkey = value if self.keyfunc is None else self.keyfunc(value)
        self.currvalue = value
        return True


def _grouper(state, marker, tgtkey):
    while state.currgrouper is marker:
        if state.currvalue is _NONE and not state.step():
            return
        if not tgtkey == state.currkey:
            return
        value = state.currvalue
        state.currvalue = state.currkey = _NONE
        yield value


def groupby(iterable, key=None):
    state = _GroupState(iterable, key)
    while True:
        state.currgrouper = None
        while True:
            if state.currkey is not _NONE:
                if state.tgtkey is _NONE or not state.tgtkey == state.currkey:
                    break
            if not state.step():
                return
        state.tgtkey = state.currkey
        marker = state.currgrouper = object()
        yield (state.currkey, _grouper(state, marker, state.tgtkey))


_STOP = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."
_INDICES = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
_STEP = "Step for islice() must be a positive integer or None."


def islice(iterable, *args):
    if not 1 <= len(args) <= 3:
        raise TypeError(f"islice expected at most 4 arguments, got {len(args) + 1}" if args else "islice expected at least 2 arguments, got 1")
    start, step = 0, 1
    if len(args) == 1:
        stop = args[0]
        if stop is not None and (not isinstance(stop, int) or stop < 0):
            raise ValueError(_STOP)
    else:
        start, stop = args[0], args[1]
        if stop is not None and not isinstance(stop, int):
            raise ValueError(_STOP)
        if start is None:
            start = 0
        elif not isinstance(start, int):
            raise ValueError(_INDICES)
        if start < 0 or (stop is not None and stop < 0):
            raise ValueError(_INDICES)
        if len(args) == 3 and args[2] is not None:
            step = args[2]
            if not isinstance(step, int) or step < 1:
                raise ValueError(_STEP)
    return _islice(iter(iterable), start, stop, step)


def _islice(it, start, stop, step):
    nexti = start
    i = 0
    while stop is None or i < stop:
        try:
            element = next(it)
        except StopIteration:
            return
        if i == nexti:
            yield element
            nexti += step
        i += 1


def starmap(function, iterable):
    for args in iterable:
        yield function(*args)


def tee(iterable, n=2):
    if n < 0:
        raise ValueError("n must be >= 0")
    it = iter(iterable)
    buffers = [[] for _ in range(n)]

    def gen(mine):
        while True:
            if not mine:
                try:
                    value = next(it)
                except StopIteration:
                    return
                for buffer in buffers:
                    buffer.append(value)
            yield mine.pop(0)

    return tuple(gen(buffer) for buffer in buffers)


def zip_longest(*iterables, fillvalue=None):
    iterators = [iter(it) for it in iterables]
    active = len(iterators)
    if not active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            try:
                value = next(it)
            except StopIteration:
                active -= 1
                if not active:
                    return
                iterators[i] = repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)


def pairwise(iterable):
    it = iter(iterable)
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield (a, b)
        a = b


def product(*iterables, repeat=1):
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    pools = [tuple(pool) for pool in iterables] * repeat
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r < 0:
        raise ValueError("r must be non-negative")
    for indices in product(range(n), repeat=r):
        if len(set(indices)) == r:
            yield tuple(pool[i] for i in indices)


def combinations(iterable, r):
    if r < 0:
        raise ValueError("r must be non-negative")
    pool = tuple(iterable)
    n = len(pool)
    for indices in permutations(range(n), r):
        if sorted(indices) == list(indices):
            yield tuple(pool[i] for i in indices)


def combinations_with_replacement(iterable, r):
    if r < 0:
        raise ValueError("r must be non-negative")
    pool = tuple(iterable)
    n = len(pool)
    for indices in product(range(n), repeat=r):
        if sorted(indices) == list(indices):
            yield tuple(pool[i] for i in indices)
