class Config:
    debug = False
    items = []

    def enable(self):
        self.debug = True


one, two = Config(), Config()
one.enable()
one.items.append("shared")
print(one.debug, two.debug, Config.debug, two.items, Config.items is one.items)
Config.debug = True
print(two.debug, one.debug)


class Registry:
    registered = {}

    @classmethod
    def register(cls, name):
        cls.registered[name] = len(cls.registered)
        return cls.registered[name]


print(Registry.register("a"), Registry.register("b"), Registry.registered)
