# The general float formats: no type with a precision, g, G, # and e, on awkward values.
values = [3.14159, 123.0, 1234.5, 3.0, 0.0001234, 0.00001234, 1e16, 0.0, 100.0, 99.99, -2.5, 1e-300]
for v in values:
    print(repr(v), [format(v, s) for s in [".3", ".3g", "g", ".1", ".0g", "#.3g", ".2%", ".10g", ".2e", "G", "10.4", "+.3"]])
print(f"{2/3:.4}", f"{1/3:g}", f"{10**6 * 1.0:g}", f"{123456789.0:.12g}", f"{float('inf'):g}", f"{float('-inf'):.3}")
print("{:.5}".format(22 / 7), "{:>12.3e}".format(6.02e23), format(5, ".2g"), format(7, "e"))
# Exact binary halves round to even; 2.675 is just below its half.
print(f"{0.125:.2f} {0.375:.2f} {2.5:.0f} {0.5:.0f} {1.5:.0f} {-0.5:.0f} {2.675:.2f} {1e-07:.6f}")
print(round(2.5), round(3.5), round(0.125, 2), round(-2.5), round(2.675, 2), "%.1f %.0f" % (0.25, 4.5))
print(format(-0.0,'.1f'), format(-0.0,''), format(-0.0,'.3'), format(-0.0,'g'), format(float('-nan'),'.1f'), '%.1f' % -0.0, format(-0.0, 'e'), format(-1e-9,'.2f'), f'{-0.0:+.1f}')
