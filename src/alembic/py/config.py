"""alembic.config.Config: alembic.ini as Alembic reads it, with `%(here)s` the project's folder."""

import sys
import configparser
from alembic.util.exc import CommandError


class Config:
    def __init__(self, file_=None, toml_file=None, ini_section="alembic", output_buffer=None, stdout=sys.stdout,
                 cmd_opts=None, config_args=None, attributes=None):
        self.config_file_name = file_
        self.toml_file_name = toml_file
        self.config_ini_section = ini_section
        self.output_buffer = output_buffer
        self.stdout = stdout
        self.cmd_opts = cmd_opts
        self.config_args = dict(config_args or {})
        self.attributes = dict(attributes or {})
        self._file_config = None

    @property
    def file_config(self):
        if self._file_config is None:
            self.config_args["here"] = "."
            file_config = configparser.ConfigParser(self.config_args)
            if self.config_file_name:
                file_config.read([self.config_file_name])
            else:
                file_config.add_section(self.config_ini_section)
            self._file_config = file_config
        return self._file_config

    def print_stdout(self, text, *arg):
        print(text % arg if arg else text)

    def get_section(self, name, default=None):
        if not self.file_config.has_section(name):
            return default
        return dict(self.file_config.items(name))

    def set_main_option(self, name, value):
        self.set_section_option(self.config_ini_section, name, value)

    def remove_main_option(self, name):
        self.file_config.remove_option(self.config_ini_section, name)

    def set_section_option(self, section, name, value):
        if not self.file_config.has_section(section):
            self.file_config.add_section(section)
        self.file_config.set(section, name, value)

    def get_section_option(self, section, name, default=None):
        if not self.file_config.has_section(section):
            raise CommandError(
                "No config file %r found, or file has no '[%s]' section" % (self.config_file_name, section))
        if self.file_config.has_option(section, name):
            return self.file_config.get(section, name)
        return default

    def get_main_option(self, name, default=None):
        return self.get_section_option(self.config_ini_section, name, default)

    def get_alembic_option(self, name, default=None):
        return self.get_main_option(name, default)
