"""The lab's time: the clock. Sleeping is not available: a lab program runs in one go."""

import _lab


def time():
    return _lab.time()


def time_ns():
    return int(_lab.time() * 1_000_000_000)


def perf_counter():
    return _lab.time()


def monotonic():
    return _lab.time()


def sleep(seconds):
    _lab.unavailable("time.sleep() (a program here runs in one go)")
