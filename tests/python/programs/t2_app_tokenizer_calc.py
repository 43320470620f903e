# small app: simple character-level tokenizer plus a stack-based RPN calculator with error handling
def tokenize(src):
    tokens, i = [], 0
    while i < len(src):
        ch = src[i]
        if ch.isdigit() or ch == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            tokens.append(float(src[i:j]) if "." in src[i:j] else int(src[i:j]))
            i = j
            continue
        if ch in "+-*/()":
            tokens.append(ch)
        elif not ch.isspace():
            raise SyntaxError(f"unexpected character {ch!r} at {i}")
        i += 1
    return tokens
print(tokenize("12+(3.5*40)"), tokenize("  (1 - 22)/ 7 "))
OPS = {"+": lambda a, b: a + b, "-": lambda a, b: a - b,
       "*": lambda a, b: a * b, "/": lambda a, b: a / b}
def eval_rpn(src):
    stack = []
    for t in tokenize(src):
        if t in OPS:
            if len(stack) < 2:
                raise IndexError(f"operator {t!r} needs two operands, stack={stack}")
            b, a = stack.pop(), stack.pop()
            stack.append(OPS[t](a, b))
        else:
            stack.append(t)
    if len(stack) != 1:
        raise ValueError(f"leftover stack {stack}")
    return stack.pop()
for expr in ["1 2 3 * +", "1 2 + 3 *", "10 4 / 0.5 -", "2 3 4 + * 5 *", "8 3 3 - /", "4 $ 2", "7 -", "1 2"]:
    try:
        print(f"{expr!r:18} = {eval_rpn(expr)}")
    except (SyntaxError, ZeroDivisionError, IndexError, ValueError) as e:
        print(f"{expr!r:18} error: {type(e).__name__}: {e}")
