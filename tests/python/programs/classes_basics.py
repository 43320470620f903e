class Animal:
    kind = "animal"

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} makes a sound"

    def __repr__(self):
        return f"<Animal(name={self.name})>"


class Dog(Animal):
    kind = "dog"

    def speak(self):
        return super().speak() + " (woof)"

    def __str__(self):
        return f"Dog {self.name}"


a = Animal("Generic")
d = Dog("Rex")
print(a, d, repr(d), a.speak(), d.speak(), Dog.kind, a.kind)
print(isinstance(d, Animal), isinstance(a, Dog), issubclass(Dog, Animal), type(d).__name__, type(d) is Dog)
d.age = 3
print(d.age, hasattr(d, "age"), hasattr(d, "color"), getattr(d, "color", "brown"))
setattr(d, "color", "black")
print(d.color, vars(a))
