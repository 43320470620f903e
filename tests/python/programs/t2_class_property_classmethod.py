# @property with setter and validation, @classmethod alternative constructors, @staticmethod, class vs instance attrs
class Temperature:
    unit, count = "C", 0
    def __init__(self, celsius=0.0):
        self.celsius = celsius
        Temperature.count += 1
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError(f"below absolute zero: {value}")
        self._c = value
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)
    @classmethod
    def from_string(cls, text):
        return cls(float(text[:-1])) if text[-1] == "C" else cls.from_fahrenheit(float(text[:-1]))
    @staticmethod
    def is_freezing(c):
        return c <= 0
t = Temperature(25)
print(t.celsius, t.fahrenheit, Temperature.from_fahrenheit(212).celsius, Temperature.is_freezing(1), Temperature.count)
print(Temperature.from_string("100C").fahrenheit, round(Temperature.from_string("50F").celsius, 2))
t.celsius = -10
print(t.celsius, t.fahrenheit, Temperature.is_freezing(t.celsius))
for attr, value in [("celsius", -300), ("fahrenheit", 5)]:
    try:
        setattr(t, attr, value)
    except (ValueError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
t.unit = "K"
print(t.unit, Temperature.unit, Temperature(5).unit)
Temperature.unit = "F"
print(t.unit, Temperature(1).unit, Temperature.count, "unit" in vars(t), sorted(vars(t)))
