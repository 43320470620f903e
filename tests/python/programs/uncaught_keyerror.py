config = {"url": "sqlite:///sqlite.db"}
print(config["url"])
print(config["echo"])
