def config(key):
    try:
        return {"a": 1}[key]
    except KeyError as e:
        raise LookupError(f"no setting {key}") from e

print(config("b"))
