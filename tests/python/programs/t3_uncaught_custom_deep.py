# Custom exception raised two calls deep, caught once, then left uncaught at top level
class ConfigError(Exception):
    def __init__(self, key, reason):
        super().__init__(f"config key {key!r}: {reason}")
        self.key = key

def parse_value(key, raw):
    if not raw.isdigit():
        raise ConfigError(key, f"expected digits, got {raw!r}")
    return int(raw)

def load(lines):
    config = {}
    for line in lines:
        key, _, raw = line.partition("=")
        config[key.strip()] = parse_value(key.strip(), raw.strip())
    return config

print(load(["port = 8080", "workers=4", " retries= 3 "]))
try:
    load(["port=80", "timeout=ten"])
except ConfigError as e:
    print("caught:", e, "| key:", e.key)
print("loading final config...")
cfg = load(["port=443", "debug=yes", "workers=2"])
print("unreachable", cfg)
