"""Pelican plugin: IGRS rankings from monthly CSVs to bilingual pages. register() only wires signals.

Nothing is imported until Pelican registers the plugin: the chart workers import rankings.charts alone, and
should not pay for pandas, Pelican and Jinja at their start.
"""


def get_generators(pelican):
    from .generator import RankingsGenerator

    return RankingsGenerator


def get_writer(pelican):
    from .writer import LanguageWriter

    return LanguageWriter


def register():
    from pelican import signals

    from .generator import finish_build, install_i18n, start_build

    signals.initialized.connect(start_build)
    signals.finalized.connect(finish_build)
    signals.generator_init.connect(install_i18n)
    signals.get_generators.connect(get_generators)
    signals.get_writer.connect(get_writer)
