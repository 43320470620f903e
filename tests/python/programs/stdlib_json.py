import json
print(json.dumps({"a": [1, 2.5, None, True], "b": "é\n\"x\"", 3: {}}))
print(json.dumps([1, {"k": []}], indent=2, sort_keys=True))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True, separators=(",", ":")), json.dumps("é", ensure_ascii=False), json.dumps(float("nan")))
print(json.loads('{"a": [1, 2.5e3, -0, null, true, false], "s": "\\u00e9\\n", "n": -12}'))
for bad in ['', '[1,]', '{"a":1,}', '{"a" 1}', '[1 2]', '"abc', '1 2', '{1: 2}', 'nul']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e, e.pos, e.lineno, e.colno)
try:
    json.dumps(object())
except TypeError as e:
    print(e)
print(json.dumps({(1, 2): 3}, skipkeys=True), json.loads("[1e400, 123]"), json.dumps({"when": 1}, default=str))
record = {"trial_id": 1, "number": json.loads("0")}
print(record, json.dumps(record["number"]), json.loads(json.dumps({"x": [1, "two"]})))
try:
    json.loads('{"a":\n  x}')
except ValueError as e:
    print(type(e).__name__, e.msg, e.lineno, e.colno)
print(json.dumps([Color for Color in 'ab'], indent='\t'))
