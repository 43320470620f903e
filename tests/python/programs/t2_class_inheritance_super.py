# inheritance chains, super() across multiple levels, method overriding, MRO, isinstance/issubclass
class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name, self.log = name, ["Animal.__init__"]
    def speak(self):
        return f"{self.name} makes a sound"
    def describe(self):
        return f"{self.name} is a {self.kind}: {self.speak()}"
class Dog(Animal):
    kind = "dog"
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
        self.log.append("Dog.__init__")
    def speak(self):
        return f"{self.name} barks"
class Puppy(Dog):
    def __init__(self, name, breed, age):
        super().__init__(name, breed)
        self.age = age
        self.log.append("Puppy.__init__")
    def speak(self):
        return super().speak() + " softly"
p = Puppy("Rex", "lab", 1)
print(p.log, p.breed, p.age, p.kind)
print(p.describe())
print(Dog("Fido", "pug").describe(), "|", Animal("Thing").describe())
print([c.__name__ for c in Puppy.__mro__])
print(isinstance(p, Animal), isinstance(p, (int, Dog)), isinstance(3, (str, float)),
      issubclass(Puppy, Animal), issubclass(Dog, Puppy), issubclass(bool, (str, int)))
class A:  # diamond: D -> B -> C -> A
    def who(self): return ["A"]
class B(A):
    def who(self): return ["B"] + super().who()
class C(A):
    def who(self): return ["C"] + super().who()
class D(B, C):
    def who(self): return ["D"] + super().who()
print(D().who(), [k.__name__ for k in D.__mro__], type(p).__name__, Puppy.__base__.__name__)
