"""The lab's datetime, in Python: date, time, datetime, timedelta, tzinfo and timezone, with
their arithmetic, comparisons, ISO formats, strftime and strptime. The clock and the local time
zone come from the page (natively the lab keeps UTC)."""

import _lab

MINYEAR = 1
MAXYEAR = 9999

_DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"]
_DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_US_PER_DAY = 86400 * 1000000
_EPOCH_ORDINAL = 719163


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _ordinal(year, month, day):
    y = year - 1
    before_month = sum(_DAYS_IN_MONTH[1:month]) + (1 if month > 2 and _is_leap(year) else 0)
    return y * 365 + y // 4 - y // 100 + y // 400 + before_month + day


def _from_ordinal(n):
    z = n - _EPOCH_ORDINAL + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    year = yoe + era * 400 + (1 if month <= 2 else 0)
    return year, month, day


def _index(value):
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")
    return value


def _check_date(year, month, day):
    year, month, day = _index(year), _index(month), _index(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f"year {year} is out of range")
    if not 1 <= month <= 12:
        raise ValueError("month must be in 1..12")
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError("day is out of range for month")
    return year, month, day


def _check_time(hour, minute, second, microsecond, tzinfo):
    hour, minute, second, microsecond = _index(hour), _index(minute), _index(second), _index(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError("hour must be in 0..23")
    if not 0 <= minute <= 59:
        raise ValueError("minute must be in 0..59")
    if not 0 <= second <= 59:
        raise ValueError("second must be in 0..59")
    if not 0 <= microsecond <= 999999:
        raise ValueError("microsecond must be in 0..999999")
    if tzinfo is not None and not isinstance(tzinfo, tzinfo_class()):
        raise TypeError(f"tzinfo argument must be None or of a tzinfo subclass, not type '{type(tzinfo).__name__}'")
    return hour, minute, second, microsecond


def _field(name):
    """A read-only attribute kept under `name`."""
    return property(lambda self: getattr(self, name))


def tzinfo_class():
    return tzinfo


def _format_offset(offset, sep=":"):
    if offset is None:
        return ""
    us = offset._to_us()
    sign = "+"
    if us < 0:
        sign = "-"
        us = -us
    hh, rest = divmod(us, 3600 * 1000000)
    mm, rest = divmod(rest, 60 * 1000000)
    ss, us = divmod(rest, 1000000)
    text = f"{sign}{hh:02d}{sep}{mm:02d}"
    if ss or us:
        text += f"{sep}{ss:02d}"
        if us:
            text += f".{us:06d}"
    return text


class timedelta:
    """A duration: days, seconds and microseconds, normalized as Python does. The parts are kept
    apart (the lab's integers are 64-bit; a total in microseconds of timedelta.max is not)."""

    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        d = s = us = 0
        for value, unit in ((weeks, 7 * 86400), (days, 86400), (hours, 3600), (minutes, 60), (seconds, 1)):
            if isinstance(value, float):
                whole, part = divmod(value * unit, 1.0)
                s += int(whole)
                us += round(part * 1000000)
            elif isinstance(value, int):
                if unit >= 86400:
                    d += value * (unit // 86400)
                else:
                    s += value * unit
            else:
                raise TypeError(f"unsupported type for timedelta {_NAMES[unit]} component: {type(value).__name__}")
        for value, unit in ((milliseconds, 1000), (microseconds, 1)):
            if isinstance(value, float):
                us += round(value * unit)
            elif isinstance(value, int):
                us += value * unit
            else:
                raise TypeError(f"unsupported type for timedelta {'milliseconds' if unit == 1000 else 'microseconds'} "
                                f"component: {type(value).__name__}")
        self._set(d, s, us)

    def _set(self, d, s, us):
        carry, us = divmod(us, 1000000)
        carry, s = divmod(s + carry, 86400)
        d += carry
        if abs(d) > 999999999:
            raise OverflowError(f"days={d}; must have magnitude <= 999999999")
        self._days, self._seconds, self._microseconds = d, s, us

    @classmethod
    def _from_us(cls, total):
        return timedelta(microseconds=total)

    def _parts(self):
        return (self._days, self._seconds, self._microseconds)

    def _to_us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    def _to_float_us(self):
        return (self._days * 86400.0 + self._seconds) * 1000000.0 + self._microseconds

    days = _field("_days")
    seconds = _field("_seconds")
    microseconds = _field("_microseconds")
    def total_seconds(self):
        if abs(self._days) < 100000:
            return self._to_us() / 10 ** 6
        return self._days * 86400 + self._seconds + self._microseconds / 10 ** 6

    def __repr__(self):
        parts = []
        if self._days:
            parts.append(f"days={self._days}")
        if self._seconds:
            parts.append(f"seconds={self._seconds}")
        if self._microseconds:
            parts.append(f"microseconds={self._microseconds}")
        return f"datetime.timedelta({', '.join(parts) or '0'})"

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        text = f"{hh}:{mm:02d}:{ss:02d}"
        if self._days:
            plural = "s" if abs(self._days) != 1 else ""
            text = f"{self._days} day{plural}, " + text
        if self._microseconds:
            text += f".{self._microseconds:06d}"
        return text

    def __add__(self, other):
        if isinstance(other, timedelta):
            result = timedelta()
            result._set(self._days + other._days, self._seconds + other._seconds,
                        self._microseconds + other._microseconds)
            return result
        return NotImplemented

    def __radd__(self, other):
        return self.__add__(other)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + -other
        return NotImplemented

    def __neg__(self):
        result = timedelta()
        result._set(-self._days, -self._seconds, -self._microseconds)
        return result

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, bool) or not isinstance(other, (int, float)):
            return NotImplemented
        if isinstance(other, float):
            return timedelta._from_us(round(self._to_float_us() * other))
        result = timedelta()
        result._set(self._days * other, self._seconds * other, self._microseconds * other)
        return result

    def __rmul__(self, other):
        return self.__mul__(other)

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._to_float_us() / other._to_float_us()
        if isinstance(other, (int, float)):
            return timedelta._from_us(round(self._to_float_us() / other))
        return NotImplemented

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() // other._to_us()
        if isinstance(other, int):
            return timedelta._from_us(self._to_us() // other)
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._to_us() % other._to_us())
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._parts() == other._parts()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._parts() < other._parts()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._parts() <= other._parts()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._parts() > other._parts()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._parts() >= other._parts()
        return NotImplemented

    def __hash__(self):
        return hash(self._parts())

    def __bool__(self):
        return self._parts() != (0, 0, 0)


_NAMES = {7 * 86400: "weeks", 86400: "days", 3600: "hours", 60: "minutes", 1: "seconds"}


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59, microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


class tzinfo:
    """The base class of time zones."""

    def utcoffset(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement utcoffset()")

    def dst(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement dst()")

    def tzname(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement tzname()")

    def fromutc(self, dt):
        return (dt + self.utcoffset(dt)).replace(tzinfo=self)


class timezone(tzinfo):
    """A fixed offset from UTC."""

    def __init__(self, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError(f"timezone() argument 1 must be datetime.timedelta, not {type(offset).__name__}")
        if not -timedelta(hours=24) < offset < timedelta(hours=24):
            raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) and "
                             f"timedelta(hours=24), not {offset!r}.")
        self._offset = offset
        self._name = name

    def utcoffset(self, dt):
        return self._offset

    def dst(self, dt):
        return None

    def tzname(self, dt):
        if self._name is not None:
            return self._name
        if not self._offset:
            return "UTC"
        return "UTC" + _format_offset(self._offset)

    def fromutc(self, dt):
        return (dt + self._offset).replace(tzinfo=self)

    def __repr__(self):
        if self is timezone.utc:
            return "datetime.timezone.utc"
        if self._name is None:
            return f"datetime.timezone({self._offset!r})"
        return f"datetime.timezone({self._offset!r}, {self._name!r})"

    def __str__(self):
        return self.tzname(None)

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)


timezone.utc = timezone(timedelta(0))
UTC = timezone.utc


def _strftime(fmt, year, month, day, hour, minute, second, microsecond, offset, zone):
    weekday = (_ordinal(year, month, day) + 6) % 7
    yday = _ordinal(year, month, day) - _ordinal(year, 1, 1) + 1
    out = []
    i = 0
    while i < len(fmt):
        c = fmt[i]
        if c != "%" or i + 1 == len(fmt):
            out.append(c)
            i += 1
            continue
        code = fmt[i + 1]
        pad = True
        if code == "-" and i + 2 < len(fmt):
            pad = False
            code = fmt[i + 2]
            i += 1
        i += 2

        def num(value, width):
            return f"{value:0{width}d}" if pad else str(value)

        two_digits = {"y": year % 100, "m": month, "d": day, "H": hour, "I": hour % 12 or 12, "M": minute,
                      "S": second}
        if code in two_digits:
            out.append(num(two_digits[code], 2))
        elif code == "Y":
            out.append(str(year))
        elif code == "e":
            out.append(f"{day:2d}")
        elif code == "f":
            out.append(f"{microsecond:06d}")
        elif code == "p":
            out.append("AM" if hour < 12 else "PM")
        elif code == "a":
            out.append(_DAY_NAMES[weekday][:3])
        elif code == "A":
            out.append(_DAY_NAMES[weekday])
        elif code == "w":
            out.append(str((weekday + 1) % 7))
        elif code == "u":
            out.append(str(weekday + 1))
        elif code in "bh":
            out.append(_MONTH_NAMES[month - 1][:3])
        elif code == "B":
            out.append(_MONTH_NAMES[month - 1])
        elif code == "j":
            out.append(num(yday, 3))
        elif code == "U":
            out.append(num((yday + 6 - (weekday + 1) % 7) // 7, 2))
        elif code == "W":
            out.append(num((yday + 6 - weekday) // 7, 2))
        elif code == "z":
            out.append(_format_offset(offset, ""))
        elif code == "Z":
            out.append(zone or "")
        elif code == "c":
            out.append(f"{_DAY_NAMES[weekday][:3]} {_MONTH_NAMES[month - 1][:3]} {day:2d} "
                       f"{hour:02d}:{minute:02d}:{second:02d} {year}")
        elif code == "x" or code == "D":
            out.append(f"{month:02d}/{day:02d}/{year % 100:02d}")
        elif code == "X" or code == "T":
            out.append(f"{hour:02d}:{minute:02d}:{second:02d}")
        elif code == "F":
            out.append(f"{year}-{month:02d}-{day:02d}")
        elif code == "R":
            out.append(f"{hour:02d}:{minute:02d}")
        elif code == "%":
            out.append("%")
        else:
            out.append("%" + code)
    return "".join(out)


class date:
    """A calendar date."""

    def __init__(self, year, month, day):
        self._year, self._month, self._day = _check_date(year, month, day)

    year = _field("_year")
    month = _field("_month")
    day = _field("_day")
    @classmethod
    def today(cls):
        return cls.fromtimestamp(_lab.time())

    @classmethod
    def fromtimestamp(cls, t):
        local = datetime.fromtimestamp(t)
        return cls(local.year, local.month, local.day)

    @classmethod
    def fromordinal(cls, n):
        if not 1 <= n <= _ordinal(MAXYEAR, 12, 31):
            raise ValueError("ordinal must be >= 1")
        return cls(*_from_ordinal(n))

    @classmethod
    def fromisoformat(cls, text):
        if not isinstance(text, str):
            raise TypeError("fromisoformat: argument must be str")
        parsed = _parse_iso_date(text)
        if parsed is None:
            raise ValueError(f"Invalid isoformat string: {text!r}")
        return cls(*parsed)

    def toordinal(self):
        return _ordinal(self._year, self._month, self._day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.weekday() + 1

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._year if year is None else year, self._month if month is None else month,
                          self._day if day is None else day)

    def isoformat(self):
        return f"{self._year:04d}-{self._month:02d}-{self._day:02d}"

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        return f"datetime.date({self._year}, {self._month}, {self._day})"

    def ctime(self):
        return _strftime("%c", self._year, self._month, self._day, 0, 0, 0, 0, None, None)

    def strftime(self, fmt):
        return _strftime(fmt, self._year, self._month, self._day, 0, 0, 0, 0, None, None)

    def __format__(self, spec):
        return self.strftime(spec) if spec else str(self)

    def __add__(self, other):
        if isinstance(other, timedelta):
            return type(self).fromordinal(self.toordinal() + other.days)
        return NotImplemented

    def __radd__(self, other):
        return self.__add__(other)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return type(self).fromordinal(self.toordinal() - other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    def _compare(self, other, op):
        if isinstance(other, datetime):
            raise TypeError(f"can't compare datetime.datetime to datetime.date")
        if not isinstance(other, date):
            raise TypeError(f"'{op}' not supported between instances of 'datetime.date' and '{type(other).__name__}'")
        return (self._year, self._month, self._day), (other._year, other._month, other._day)

    def __eq__(self, other):
        if isinstance(other, date) and not isinstance(other, datetime):
            return (self._year, self._month, self._day) == (other._year, other._month, other._day)
        return NotImplemented

    def __lt__(self, other):
        a, b = self._compare(other, "<")
        return a < b

    def __le__(self, other):
        a, b = self._compare(other, "<=")
        return a <= b

    def __gt__(self, other):
        a, b = self._compare(other, ">")
        return a > b

    def __ge__(self, other):
        a, b = self._compare(other, ">=")
        return a >= b

    def __hash__(self):
        return hash((self._year, self._month, self._day))


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


class _Clock:
    """The time-of-day part that time and datetime share."""

    hour = _field("_hour")
    minute = _field("_minute")
    second = _field("_second")
    microsecond = _field("_microsecond")
    tzinfo = _field("_tzinfo")

    def _set_clock(self, hour, minute, second, microsecond, tzinfo):
        self._hour, self._minute, self._second, self._microsecond = _check_time(hour, minute, second, microsecond, tzinfo)
        self._tzinfo = tzinfo


class time(_Clock):
    """A time of day."""

    def __init__(self, hour=0, minute=0, second=0, microsecond=0, tzinfo=None):
        self._set_clock(hour, minute, second, microsecond, tzinfo)

    def utcoffset(self):
        return None if self._tzinfo is None else self._tzinfo.utcoffset(None)

    def isoformat(self, timespec="auto"):
        text = _time_text(self._hour, self._minute, self._second, self._microsecond, timespec)
        return text + _format_offset(self.utcoffset())

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        extra = ""
        if self._microsecond:
            extra = f", {self._second}, {self._microsecond}"
        elif self._second:
            extra = f", {self._second}"
        text = f"datetime.time({self._hour}, {self._minute}{extra})"
        if self._tzinfo is not None:
            text = text[:-1] + f", tzinfo={self._tzinfo!r})"
        return text

    def strftime(self, fmt):
        offset = self.utcoffset()
        zone = None if self._tzinfo is None else self._tzinfo.tzname(None)
        return _strftime(fmt, 1900, 1, 1, self._hour, self._minute, self._second, self._microsecond, offset, zone)

    def __format__(self, spec):
        return self.strftime(spec) if spec else str(self)

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True):
        return time(self._hour if hour is None else hour, self._minute if minute is None else minute,
                    self._second if second is None else second,
                    self._microsecond if microsecond is None else microsecond,
                    self._tzinfo if tzinfo is True else tzinfo)

    def _tuple(self):
        return (self._hour, self._minute, self._second, self._microsecond)

    def __eq__(self, other):
        if isinstance(other, time):
            return self._tuple() == other._tuple()
        return NotImplemented

    def __lt__(self, other):
        return self._tuple() < other._tuple()

    def __le__(self, other):
        return self._tuple() <= other._tuple()

    def __gt__(self, other):
        return self._tuple() > other._tuple()

    def __ge__(self, other):
        return self._tuple() >= other._tuple()

    def __hash__(self):
        return hash(self._tuple())

    def __bool__(self):
        return True


time.min = time(0, 0)
time.max = time(23, 59, 59, 999999)


def _time_text(hour, minute, second, microsecond, timespec):
    if timespec == "auto":
        timespec = "microseconds" if microsecond else "seconds"
    if timespec == "hours":
        return f"{hour:02d}"
    if timespec == "minutes":
        return f"{hour:02d}:{minute:02d}"
    if timespec == "seconds":
        return f"{hour:02d}:{minute:02d}:{second:02d}"
    if timespec == "milliseconds":
        return f"{hour:02d}:{minute:02d}:{second:02d}.{microsecond // 1000:03d}"
    if timespec == "microseconds":
        return f"{hour:02d}:{minute:02d}:{second:02d}.{microsecond:06d}"
    raise ValueError("Unknown timespec value")


def _digits(text, at, count):
    part = text[at:at + count]
    if len(part) != count or not part.isdigit():
        return None
    return int(part)


def _parse_iso_date(text):
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        parts = (_digits(text, 0, 4), _digits(text, 5, 2), _digits(text, 8, 2))
    elif len(text) == 8:
        parts = (_digits(text, 0, 4), _digits(text, 4, 2), _digits(text, 6, 2))
    else:
        return None
    if None in parts:
        return None
    return parts


def _parse_iso_time(text):
    """(hour, minute, second, microsecond, tzinfo) from `HH[:MM[:SS[.ffffff]]][+HH:MM|Z]`."""
    zone = None
    for marker in ("+", "-", "Z"):
        at = text.find(marker)
        if at > 0:
            zone, text = text[at:], text[:at]
            break
    pieces = text.split(":")
    if not 1 <= len(pieces) <= 3:
        return None
    fraction = 0
    if "." in pieces[-1] or "," in pieces[-1]:
        last = pieces[-1].replace(",", ".")
        whole, digits = last.split(".", 1)
        if not digits.isdigit() or len(digits) > 9 or len(pieces) != 3:
            return None
        fraction = int((digits + "000000")[:6])
        pieces[-1] = whole
    if any(len(p) != 2 or not p.isdigit() for p in pieces):
        return None
    numbers = [int(p) for p in pieces] + [0] * (3 - len(pieces))
    tz = None
    if zone is not None:
        if zone == "Z":
            tz = timezone.utc
        else:
            sign = -1 if zone[0] == "-" else 1
            body = zone[1:].replace(":", "")
            if len(body) not in (2, 4, 6) or not body.isdigit():
                return None
            hh, mm, ss = int(body[:2]), int(body[2:4] or 0), int(body[4:6] or 0)
            offset = timedelta(hours=hh, minutes=mm, seconds=ss) * sign
            tz = timezone.utc if not offset else timezone(offset)
    return numbers[0], numbers[1], numbers[2], fraction, tz


class datetime(date, _Clock):
    """A date and a time of day, with an optional time zone."""

    def __init__(self, year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None):
        date.__init__(self, year, month, day)
        self._set_clock(hour, minute, second, microsecond, tzinfo)

    @classmethod
    def _from_us(cls, total, tz=None):
        days, rest = divmod(total, _US_PER_DAY)
        seconds, microsecond = divmod(rest, 1000000)
        minutes, second = divmod(seconds, 60)
        hour, minute = divmod(minutes, 60)
        if not 1 <= days <= _ordinal(MAXYEAR, 12, 31):
            raise OverflowError("date value out of range")
        year, month, day = _from_ordinal(days)
        return cls(year, month, day, hour, minute, second, microsecond, tz)

    def _to_us(self):
        return ((self.toordinal() * 86400 + self._hour * 3600 + self._minute * 60 + self._second) * 1000000
                + self._microsecond)

    def _utc_us(self):
        offset = self.utcoffset()
        return self._to_us() - (offset._to_us() if offset is not None else 0)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_lab.time(), tz)

    @classmethod
    def today(cls):
        return cls.now()

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_lab.time())

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        us = round(t * 1000000) + _EPOCH_ORDINAL * _US_PER_DAY
        if tz is None:
            return cls._from_us(us + _lab.utc_offset(t) * 1000000)
        return tz.fromutc(cls._from_us(us).replace(tzinfo=tz))

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls._from_us(round(t * 1000000) + _EPOCH_ORDINAL * _US_PER_DAY)

    @classmethod
    def combine(cls, day, moment, tzinfo=True):
        tz = moment.tzinfo if tzinfo is True else tzinfo
        return cls(day.year, day.month, day.day, moment.hour, moment.minute, moment.second, moment.microsecond, tz)

    @classmethod
    def fromisoformat(cls, text):
        if not isinstance(text, str):
            raise TypeError("fromisoformat: argument must be str")
        day, rest = text[:10], text[11:]
        parsed = _parse_iso_date(day)
        clock = (0, 0, 0, 0, None)
        if len(text) > 10:
            clock = _parse_iso_time(rest) if text[10] in "T " else None
        if parsed is None or clock is None:
            raise ValueError(f"Invalid isoformat string: {text!r}")
        return cls(*parsed, *clock)

    @classmethod
    def strptime(cls, text, fmt):
        return cls(*_strptime(text, fmt))

    def timestamp(self):
        if self._tzinfo is None:
            local = self._to_us() - _EPOCH_ORDINAL * _US_PER_DAY
            offset = _lab.utc_offset(local / 1000000)
            return (local - offset * 1000000) / 1000000
        return (self._utc_us() - _EPOCH_ORDINAL * _US_PER_DAY) / 1000000

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond, self._tzinfo)

    def utcoffset(self):
        return None if self._tzinfo is None else self._tzinfo.utcoffset(self)

    def tzname(self):
        return None if self._tzinfo is None else self._tzinfo.tzname(self)

    def astimezone(self, tz=None):
        if tz is None:
            return self.fromtimestamp(self.timestamp()).replace(
                tzinfo=timezone(timedelta(seconds=_lab.utc_offset(self.timestamp()))))
        utc = self._utc_us() if self._tzinfo is not None else round(self.timestamp() * 1000000) + _EPOCH_ORDINAL * _US_PER_DAY
        return tz.fromutc(datetime._from_us(utc).replace(tzinfo=tz))

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True):
        return type(self)(self._year if year is None else year, self._month if month is None else month,
                          self._day if day is None else day, self._hour if hour is None else hour,
                          self._minute if minute is None else minute, self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo)

    def isoformat(self, sep="T", timespec="auto"):
        clock = _time_text(self._hour, self._minute, self._second, self._microsecond, timespec)
        return f"{self._year:04d}-{self._month:02d}-{self._day:02d}{sep}{clock}" + _format_offset(self.utcoffset())

    def __str__(self):
        return self.isoformat(sep=" ")

    def __repr__(self):
        numbers = [self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond]
        if numbers[-1] == 0:
            numbers.pop()
        if numbers[-1] == 0:
            numbers.pop()
        text = f"datetime.datetime({', '.join(str(n) for n in numbers)})"
        if self._tzinfo is not None:
            text = text[:-1] + f", tzinfo={self._tzinfo!r})"
        return text

    def ctime(self):
        return _strftime("%c", self._year, self._month, self._day, self._hour, self._minute, self._second, 0, None, None)

    def strftime(self, fmt):
        return _strftime(fmt, self._year, self._month, self._day, self._hour, self._minute, self._second,
                         self._microsecond, self.utcoffset(), self.tzname())

    def __add__(self, other):
        if isinstance(other, timedelta):
            return datetime._from_us(self._to_us() + other._to_us(), self._tzinfo)
        return NotImplemented

    def __radd__(self, other):
        return self.__add__(other)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return datetime._from_us(self._to_us() - other._to_us(), self._tzinfo)
        if isinstance(other, datetime):
            if (self._tzinfo is None) != (other._tzinfo is None):
                raise TypeError("can't subtract offset-naive and offset-aware datetimes")
            return timedelta._from_us(self._utc_us() - other._utc_us())
        return NotImplemented

    def _compare(self, other, op):
        if not isinstance(other, datetime):
            if isinstance(other, date):
                raise TypeError("can't compare datetime.datetime to datetime.date")
            raise TypeError(f"'{op}' not supported between instances of 'datetime.datetime' and '{type(other).__name__}'")
        if (self._tzinfo is None) != (other._tzinfo is None):
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        return self._utc_us(), other._utc_us()

    def __eq__(self, other):
        if not isinstance(other, datetime):
            return NotImplemented if not isinstance(other, date) else False
        if (self._tzinfo is None) != (other._tzinfo is None):
            return False
        return self._utc_us() == other._utc_us()

    def __hash__(self):
        return hash(self._utc_us())


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)


def _strptime(text, fmt):
    """(year, month, day, hour, minute, second, microsecond, tzinfo) read from `text` by `fmt`."""
    fields = {"Y": 1900, "m": 1, "d": 1, "H": 0, "M": 0, "S": 0, "f": 0}
    hour12 = None
    pm = None
    tz = None
    at = 0
    i = 0

    def fail():
        raise ValueError(f"time data {text!r} does not match format {fmt!r}")

    def number(most):
        nonlocal at
        start = at
        while at < len(text) and at - start < most and text[at].isdigit():
            at += 1
        if at == start:
            fail()
        return int(text[start:at])

    def name(options):
        nonlocal at
        for index, option in enumerate(options):
            if text[at:at + len(option)].lower() == option.lower():
                at += len(option)
                return index
        fail()

    while i < len(fmt):
        c = fmt[i]
        if c == "%" and i + 1 < len(fmt):
            code = fmt[i + 1]
            i += 2
            if code in "YmdHMSjyI":
                value = number({"Y": 4, "j": 3}.get(code, 2))
                if code == "y":
                    fields["Y"] = value + (1900 if value >= 69 else 2000)
                elif code == "I":
                    hour12 = value
                elif code == "j":
                    fields["j"] = value
                else:
                    fields[code] = value
            elif code == "f":
                start = at
                value = number(6)
                fields["f"] = int(text[start:at].ljust(6, "0"))
            elif code == "B":
                fields["m"] = name(_MONTH_NAMES) + 1
            elif code in "bh":
                fields["m"] = name([m[:3] for m in _MONTH_NAMES]) + 1
            elif code == "A":
                name(_DAY_NAMES)
            elif code == "a":
                name([d[:3] for d in _DAY_NAMES])
            elif code == "p":
                pm = name(["AM", "PM"]) == 1
            elif code == "z":
                if text[at:at + 1] == "Z":
                    at += 1
                    tz = timezone.utc
                else:
                    sign = text[at:at + 1]
                    if sign not in ("+", "-"):
                        fail()
                    at += 1
                    hh = number(2)
                    if text[at:at + 1] == ":":
                        at += 1
                    mm = number(2)
                    offset = timedelta(hours=hh, minutes=mm) * (-1 if sign == "-" else 1)
                    tz = timezone(offset)
            elif code == "%":
                if text[at:at + 1] != "%":
                    fail()
                at += 1
            else:
                raise ValueError(f"'{code}' is a bad directive in format '%{code}'")
        elif c.isspace():
            i += 1
            if at >= len(text) or not text[at].isspace():
                fail()
            while at < len(text) and text[at].isspace():
                at += 1
        else:
            if text[at:at + 1] != c:
                fail()
            at += 1
            i += 1
    if at != len(text):
        raise ValueError(f"unconverted data remains: {text[at:]}")
    hour = fields["H"]
    if hour12 is not None:
        hour = hour12 % 12 + (12 if pm else 0)
    if "j" in fields:
        year, month, day = _from_ordinal(_ordinal(fields["Y"], 1, 1) + fields["j"] - 1)
    else:
        year, month, day = fields["Y"], fields["m"], fields["d"]
    return year, month, day, hour, fields["M"], fields["S"], fields["f"], tz
