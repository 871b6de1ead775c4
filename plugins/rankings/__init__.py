"""Pelican plugin: IGRS rankings from monthly CSVs to bilingual pages. register() only wires signals."""

from pelican import signals

from .generator import RankingsGenerator, check_settings, install_i18n
from .writer import LanguageWriter


def get_generators(pelican):
    return RankingsGenerator


def get_writer(pelican):
    return LanguageWriter


def register():
    signals.initialized.connect(check_settings)
    signals.generator_init.connect(install_i18n)
    signals.get_generators.connect(get_generators)
    signals.get_writer.connect(get_writer)
