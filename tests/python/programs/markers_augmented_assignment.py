total = 0
total += "3"
