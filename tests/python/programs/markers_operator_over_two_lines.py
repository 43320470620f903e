width = 3
area = (width +
        0) / 0
