import random

random.seed(42)
print(random.random(), random.random())
print([random.randint(1, 6) for _ in range(10)])
print(random.choice(["ann", "bob", "cid"]), random.randrange(10), random.randrange(5, 50, 5), random.uniform(1, 2))
deck = list(range(10))
random.shuffle(deck)
print(deck, random.sample(range(100), 5), random.sample("abcdefgh", 3))
print(random.choices(["a", "b", "c"], k=5), random.choices(["x", "y"], weights=[1, 9], k=6), random.getrandbits(8), random.getrandbits(40))
r = random.Random(7)
print(r.random(), r.randint(0, 10**9), Random_same := random.Random(7).random() == random.Random(7).random())
random.seed(2**40 + 12345)
print(random.random(), random.randint(-5, 5))
random.seed(0)
names = ["Ann", "Bob", "Cid", "Dee", "Eve"]
users = [{"name": random.choice(names), "age": random.randint(18, 80)} for _ in range(4)]
print(users)
state = random.getstate()
first = random.random()
random.setstate(state)
print(first == random.random(), random.sample(range(1000), 30)[:5])
for bad in [lambda: random.choice([]), lambda: random.randrange(0), lambda: random.randint(5, 1), lambda: random.sample([1, 2], 3)]:
    try:
        bad()
    except (IndexError, ValueError) as exc:
        print(type(exc).__name__, exc)
