for expr in ["(1, 2).index(3)", "[1].index(5)", "'abc'.index('z')", "{1}.remove(2)", "{}.pop('k')", "[].pop()", "set().pop()", "{}.popitem()", "int('1.5')", "float('x')", "'a' + 1", "1 + 'a'", "[1] * 'a'", "len(5)", "abs('x')", "sorted([1, 'a'])", "max([])", "min()", "max()", "next(iter([]))", "divmod(1, 0)", "1 % 0", "1.0 / 0", "round('x')", "chr(-1)", "ord('ab')", "'x'.join([1])", "dict([1])", "dict([(1, 2, 3)])", "list(5)", "tuple(None)", "getattr(1, 'x')", "setattr(1, 'x', 2)", "hash([])", "{[]: 1}", "isinstance(1, 2)", "range(1.5)", "'%d' % 'x'", "'{}'.format()", "f'{1:q}'", "int('z', 40)", "b'a' + 'b'", "[1,2][5]", "'ab'[9]", "(1,)[3]", "{'a': 1}['b']", "None.x", "(1).x", "x.y", "eval('1 +')", "eval('2 * 21')", "exec('y = 5'); print(y)"]:
    try:
        exec(expr)
    except Exception as e:
        print(f"{expr}: {type(e).__name__}: {e}")
print(eval("6 * 7"), eval("a + 1", {"a": 1}))
