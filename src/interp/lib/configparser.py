"""The lab's configparser: INI text as Python's ConfigParser reads it — `[sections]`,
`key = value` and `key: value` (keys lower-cased), indented continuation lines, `#` and `;`
comment lines, the DEFAULT section, and `%(name)s` interpolation — for alembic.ini and
logging's fileConfig. Files are the project's own (read through the lab)."""

import _lab

DEFAULTSECT = "DEFAULT"
MAX_INTERPOLATION_DEPTH = 10


class Error(Exception):
    pass


class NoSectionError(Error):
    def __init__(self, section):
        Error.__init__(self, f"No section: {section!r}")
        self.section = section


class NoOptionError(Error):
    def __init__(self, option, section):
        Error.__init__(self, f"No option {option!r} in section: {section!r}")
        self.option = option
        self.section = section


class DuplicateSectionError(Error):
    def __init__(self, section):
        Error.__init__(self, f"Section {section!r} already exists")
        self.section = section


class InterpolationError(Error):
    pass


class InterpolationMissingOptionError(InterpolationError):
    def __init__(self, option, section, rawval, reference):
        InterpolationError.__init__(
            self, f"Bad value substitution: option {option!r} in section {section!r} contains an "
                  f"interpolation key {reference!r} which is not a valid option name. Raw value: {rawval!r}")


class InterpolationSyntaxError(InterpolationError):
    pass


class MissingSectionHeaderError(Error):
    def __init__(self, filename, lineno, line):
        Error.__init__(self, f"File contains no section headers.\nfile: {filename!r}, line: {lineno}\n{line!r}")


_UNSET = object()


class BasicInterpolation:
    def before_get(self, parser, section, option, value, defaults):
        return self._interpolate(parser, option, section, value, defaults, 1)

    def _interpolate(self, parser, option, section, value, defaults, depth):
        if "%" not in value:
            return value
        if depth > MAX_INTERPOLATION_DEPTH:
            raise InterpolationError(f"Recursion limit exceeded in value substitution: option {option!r} in section {section!r}")
        out = []
        rest = value
        while rest:
            at = rest.find("%")
            if at < 0:
                out.append(rest)
                break
            out.append(rest[:at])
            rest = rest[at:]
            if rest.startswith("%%"):
                out.append("%")
                rest = rest[2:]
            elif rest.startswith("%("):
                end = rest.find(")s")
                if end < 0:
                    raise InterpolationSyntaxError(f"bad interpolation variable reference {rest!r}")
                name = parser.optionxform(rest[2:end])
                rest = rest[end + 2:]
                if name not in defaults:
                    raise InterpolationMissingOptionError(option, section, value, name)
                out.append(self._interpolate(parser, name, section, defaults[name], defaults, depth + 1))
            else:
                raise InterpolationSyntaxError(f"'%' must be followed by '%' or '(', found: {rest!r}")
        return "".join(out)


class Interpolation:
    def before_get(self, parser, section, option, value, defaults):
        return value


class SectionProxy:
    def __init__(self, parser, name):
        self._parser = parser
        self._name = name

    @property
    def name(self):
        return self._name

    def __getitem__(self, key):
        if not self._parser.has_option(self._name, key):
            raise KeyError(key)
        return self._parser.get(self._name, key)

    def __setitem__(self, key, value):
        self._parser.set(self._name, key, value)

    def __contains__(self, key):
        return self._parser.has_option(self._name, key)

    def __iter__(self):
        return iter(self._parser.options(self._name))

    def __len__(self):
        return len(self._parser.options(self._name))

    def keys(self):
        return self._parser.options(self._name)

    def items(self):
        return self._parser.items(self._name)

    def get(self, option, fallback=None, *, raw=False, vars=None):
        return self._parser.get(self._name, option, raw=raw, vars=vars, fallback=fallback)

    def __repr__(self):
        return f"<Section: {self._name}>"


class RawConfigParser:
    _DEFAULT_INTERPOLATION = Interpolation()

    def __init__(self, defaults=None, dict_type=dict, allow_no_value=False, *, interpolation=_UNSET, **kw):
        self._defaults = {}
        self._sections = {}
        self._interpolation = self._DEFAULT_INTERPOLATION if interpolation is _UNSET else (interpolation or Interpolation())
        if defaults:
            for key, value in defaults.items():
                self._defaults[self.optionxform(key)] = value

    def optionxform(self, optionstr):
        return optionstr.lower()

    def defaults(self):
        return self._defaults

    def sections(self):
        return list(self._sections)

    def add_section(self, section):
        if section == DEFAULTSECT:
            raise ValueError(f"Invalid section name: {section!r}")
        if section in self._sections:
            raise DuplicateSectionError(section)
        self._sections[section] = {}

    def has_section(self, section):
        return section in self._sections

    def options(self, section):
        if section not in self._sections:
            raise NoSectionError(section)
        keys = list(self._sections[section])
        return keys + [k for k in self._defaults if k not in keys]

    def read(self, filenames, encoding=None):
        if isinstance(filenames, str):
            filenames = [filenames]
        read_ok = []
        for filename in filenames:
            text = _lab.read_text(str(filename))
            if text is None:
                continue
            self._read(text, str(filename))
            read_ok.append(filename)
        return read_ok

    def read_string(self, string, source="<string>"):
        self._read(string, source)

    def read_dict(self, dictionary, source="<dict>"):
        for section, keys in dictionary.items():
            if section != DEFAULTSECT and section not in self._sections:
                self.add_section(section)
            for key, value in keys.items():
                self.set(section, key, str(value))

    def _read(self, text, filename):
        section = None
        option = None
        indent_of_option = 0
        for lineno, line in enumerate(text.split("\n"), start=1):
            stripped = line.strip()
            if not stripped or stripped.startswith("#") or stripped.startswith(";"):
                if not stripped and option is not None and section is not None:
                    # A blank line inside a multi-line value keeps it going, as ConfigParser does.
                    section[option].append("")
                continue
            indent = len(line) - len(line.lstrip())
            if section is not None and option is not None and indent > indent_of_option:
                section[option].append(stripped)
                continue
            if stripped.startswith("[") and stripped.endswith("]"):
                name = stripped[1:-1]
                if name == DEFAULTSECT:
                    section = self._defaults
                else:
                    if name not in self._sections:
                        self._sections[name] = {}
                    section = self._sections[name]
                option = None
                continue
            if section is None:
                raise MissingSectionHeaderError(filename, lineno, line)
            cut = [at for at in (stripped.find("="), stripped.find(":")) if at >= 0]
            if not cut:
                option = None
                continue
            at = min(cut)
            option = self.optionxform(stripped[:at].strip())
            section[option] = [stripped[at + 1:].strip()]
            indent_of_option = indent
        for values in [self._defaults] + list(self._sections.values()):
            for key, parts in values.items():
                if isinstance(parts, list):
                    while parts and parts[-1] == "":
                        parts.pop()
                    values[key] = "\n".join(parts)

    def _lookup(self, section, vars=None):
        found = dict(self._defaults)
        if section != DEFAULTSECT:
            if section not in self._sections:
                raise NoSectionError(section)
            found.update(self._sections[section])
        if vars:
            for key, value in vars.items():
                found[self.optionxform(key)] = value
        return found

    def get(self, section, option, *, raw=False, vars=None, fallback=_UNSET):
        try:
            values = self._lookup(section, vars)
        except NoSectionError:
            if fallback is _UNSET:
                raise
            return fallback
        option = self.optionxform(option)
        if option not in values:
            if fallback is _UNSET:
                raise NoOptionError(option, section)
            return fallback
        value = values[option]
        if raw or value is None:
            return value
        return self._interpolation.before_get(self, section, option, value, values)

    def has_option(self, section, option):
        option = self.optionxform(option)
        if section is None or section == DEFAULTSECT:
            return option in self._defaults
        if section not in self._sections:
            return False
        return option in self._sections[section] or option in self._defaults

    def items(self, section=_UNSET, raw=False, vars=None):
        if section is _UNSET:
            return [(name, self[name]) for name in [DEFAULTSECT] + self.sections()]
        values = self._lookup(section, vars)
        # Python's order: the defaults' keys first, then the section's own.
        return [(key, values[key] if raw else self._interpolation.before_get(self, section, key, values[key], values))
                for key in values]

    def set(self, section, option, value=None):
        if section is None or section == DEFAULTSECT:
            target = self._defaults
        else:
            if section not in self._sections:
                raise NoSectionError(section)
            target = self._sections[section]
        target[self.optionxform(option)] = value

    def remove_option(self, section, option):
        values = self._defaults if section == DEFAULTSECT else self._sections.get(section)
        if values is None:
            raise NoSectionError(section)
        option = self.optionxform(option)
        if option in values:
            del values[option]
            return True
        return False

    def remove_section(self, section):
        if section in self._sections:
            del self._sections[section]
            return True
        return False

    def __getitem__(self, key):
        if key != DEFAULTSECT and not self.has_section(key):
            raise KeyError(key)
        return SectionProxy(self, key)

    def __contains__(self, key):
        return key == DEFAULTSECT or self.has_section(key)

    def __iter__(self):
        return iter([DEFAULTSECT] + self.sections())


class ConfigParser(RawConfigParser):
    _DEFAULT_INTERPOLATION = BasicInterpolation()


SafeConfigParser = ConfigParser
