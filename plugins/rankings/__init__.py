"""Pelican plugin: IGRS rankings from monthly CSVs to bilingual pages. register() only wires signals.

The stages, one folder each, in the order the data flows: data/ (read and check), ranking/ (ranks, records,
corrections), site/ (the site model and each page's model), render/ (pages, charts, downloads, search, share
pictures, in each language), write/ (Pelican's generator, writing, the swap). urls.py and settings.py are the
contract every stage shares: the paths the site promises, and the settings with their defaults.

Nothing is imported until Pelican registers the plugin: the chart workers import render/charts alone, and
should not pay for pandas, Pelican and Jinja at their start.
"""


def get_generators(pelican):
    from .write.generator import RankingsGenerator

    return RankingsGenerator


def get_writer(pelican):
    from .write.content_writer import LanguageWriter

    return LanguageWriter


def register():
    from pelican import signals

    from .write.generator import install_i18n
    from .write.lifecycle import finish_build, start_build

    signals.initialized.connect(start_build)
    signals.finalized.connect(finish_build)
    signals.generator_init.connect(install_i18n)
    signals.get_generators.connect(get_generators)
    signals.get_writer.connect(get_writer)
