# decimal: exact decimal numbers — text, ints, arithmetic, comparisons, quantize and repr.
from decimal import Decimal, ROUND_HALF_UP

price = Decimal("19.99")
print(price, repr(price), price + Decimal("0.01"), price * 3, price - 20)
print(Decimal("1.10") + Decimal("2.205"), Decimal(7), Decimal("-0.5"), Decimal("0.000001"), Decimal("1e-7"))
print(Decimal(1) / Decimal(4), Decimal(10) / Decimal(8), Decimal("7.5") / 2, Decimal("1E+2"))
print(Decimal("2.675").quantize(Decimal("0.01")), Decimal("2.665").quantize(Decimal("0.01")),
      Decimal("2.665").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
print(Decimal("1.0") == Decimal("1.00"), Decimal("1.5") > 1, Decimal("0.1") < Decimal("0.2"), sorted([Decimal("3"), Decimal("1.5")]))
print(float(Decimal("19.99")), int(Decimal("-7.9")), bool(Decimal("0.00")), -Decimal("4.20"), abs(Decimal("-3")))
print(Decimal(0.5), Decimal("19.990").quantize(Decimal("0.01")), f"{Decimal('3.14159'):.2f}")
try:
    Decimal("abc")
except Exception as e:
    print(type(e).__name__)
