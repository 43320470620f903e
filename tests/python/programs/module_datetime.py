from datetime import date, datetime, time, timedelta, timezone
import datetime as dt

d = date(2024, 2, 28)
print(d, repr(d), d.year, d.month, d.day, d.weekday(), d.isoweekday())
print(d + timedelta(days=1), d + timedelta(days=2), d - timedelta(weeks=9))
print(date(2024, 3, 1) - d, repr(date(2024, 3, 1) - d))
print(d.replace(day=1), d.toordinal(), date.fromordinal(738944), date.fromisoformat("2023-12-31"))
print(d.strftime("%A %d %B %Y, day %j, %a %b %y %m/%d %w %U %W"), f"{d:%Y/%m/%d}", f"{d}")
print(d.ctime(), d < date(2025, 1, 1), d == date(2024, 2, 28), d != date(2024, 2, 28), hash(d) == hash(date(2024, 2, 28)))
print(sorted([date(2024, 1, 3), date(2023, 5, 1), date(2024, 1, 1)]))

t = datetime(2024, 1, 2, 3, 4, 5, 6)
print(t, repr(t), t.isoformat(), t.isoformat(" ", "seconds"), t.isoformat(timespec="milliseconds"))
print(repr(datetime(2024, 1, 2)), repr(datetime(2024, 1, 2, 3, 0, 7)), repr(datetime(2024, 1, 2, 0, 0, 0, 5)))
print(t.date(), t.time(), repr(t.time()), t.hour, t.minute, t.second, t.microsecond, t.tzinfo)
print(t + timedelta(hours=25), t - timedelta(microseconds=7), t - datetime(2024, 1, 1))
print(t.strftime("%Y-%m-%d %H:%M:%S.%f %p %I %c|%x|%X|%%|%-d/%-m"), t.replace(year=2000, microsecond=0))
print(datetime.fromisoformat("2024-05-06T07:08:09"), datetime.fromisoformat("2024-05-06 07:08:09.123"))
print(repr(datetime.fromisoformat("2024-05-06T07:08:09+02:00")), datetime.fromisoformat("2024-05-06"))
print(datetime.strptime("2024-03-04 05:06:07", "%Y-%m-%d %H:%M:%S"), datetime.strptime("4 Mar 24 7PM", "%d %b %y %I%p"))
print(datetime.combine(date(2020, 1, 1), time(12, 30)), datetime(2024, 1, 1) > datetime(2023, 12, 31, 23, 59))

td = timedelta(days=1, hours=2, minutes=3, seconds=4, milliseconds=5, microseconds=6)
print(td, repr(td), td.days, td.seconds, td.microseconds, td.total_seconds())
print(timedelta(0), repr(timedelta(0)), timedelta(seconds=-1), repr(timedelta(seconds=-1)), timedelta(days=2, seconds=1))
print(-td, abs(-td), td * 2, 3 * td, td / 2, td // 3, td / timedelta(hours=1), td // timedelta(hours=1), td % timedelta(hours=1))
print(timedelta(hours=1.5), timedelta(minutes=90) == timedelta(hours=1.5), timedelta(1) > timedelta(hours=23), bool(timedelta(0)))
print(timedelta.max, timedelta.min, timedelta.resolution, repr(timedelta(weeks=1, microseconds=-1)))

utc = timezone.utc
plus2 = timezone(timedelta(hours=2))
print(repr(utc), str(utc), repr(plus2), str(plus2), timezone(timedelta(hours=-5, minutes=-30), "EST-ish"))
a = datetime(2024, 1, 1, 12, 0, tzinfo=utc)
b = datetime(2024, 1, 1, 14, 0, tzinfo=plus2)
print(a, repr(a), b, a == b, a - b, b.utcoffset(), b.tzname(), a.timestamp())
print(b.astimezone(utc), a.astimezone(plus2), a.strftime("%z %Z"), datetime.fromtimestamp(0, utc))
print(datetime.utcfromtimestamp(86400 * 365.25), date.fromtimestamp(0).year >= 1969)
print(dt.date(2020, 2, 29), dt.MINYEAR, dt.MAXYEAR, isinstance(a, date), isinstance(d, datetime))
print(time(9, 5), repr(time(9, 5, 3)), time(23, 59, 59, 1), time(1, 2).isoformat("minutes"), f"{time(7, 8):%H.%M}")
print(type(d).__name__, type(t).__name__, type(td).__name__, dt.datetime is datetime)
now = datetime.now()
print(type(now).__name__, now.year >= 2024, isinstance(datetime.utcnow(), datetime), date.today() <= now.date())

for bad in [lambda: date(2023, 2, 29), lambda: date(2024, 13, 1), lambda: datetime(2024, 1, 1, 24),
            lambda: datetime.fromisoformat("yesterday"), lambda: datetime.strptime("2024", "%Y-%m"),
            lambda: a - datetime(2024, 1, 1), lambda: a < datetime(2024, 1, 1), lambda: d < t,
            lambda: timezone(timedelta(hours=24)), lambda: date(0, 1, 1)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(d == t, t == d)
