#!/usr/bin/python3
"""Resize existing whisper files whose archives differ from storage-schemas.conf.

carbon applies a schema only when it creates a file, so a changed retention would otherwise reach
new metrics only. Run before carbon-cache starts (no writer holds the files):

    resize-whisper.py WHISPER_DIR CONF_DIR

Schemas are read with carbon's own loader, so a file gets exactly the archives carbon would give
it. Idempotent and quick when nothing changed (one header read per file). The file keeps its
aggregation method and xFilesFactor.

Not whisper-resize: it copies every old archive whole into the new file, so where a new, finer
archive covers a coarse archive's range (1m:7d -> 1m:22d), the coarse points land beside the fine
ones and a summed count grows (measured: 864 instead of 480 on the unit test's file). Here each
old archive gives only the span no finer archive holds, cut on the coarse archive's bucket bounds,
so every total stays exact; whisper's update_many then rolls the points up as carbon would.
"""
import os
import sys
import time

import whisper
from carbon.conf import settings


def load_schemas(conf_dir):
    settings.CONF_DIR = conf_dir  # carbon.storage reads the path when it is imported
    from carbon.storage import loadStorageSchemas
    return loadStorageSchemas()


def wanted_archives(schemas, metric):
    for schema in schemas:
        if schema.matches(metric):
            return [archive.getTuple() for archive in schema.archives]
    return None


def stale_files(whisper_dir, schemas):
    """(path, wanted) for each file whose (secondsPerPoint, points) differ from its schema's."""
    for root, _, names in os.walk(whisper_dir):
        for name in sorted(names):
            if not name.endswith('.wsp'):
                continue
            path = os.path.join(root, name)
            metric = os.path.relpath(path, whisper_dir)[:-len('.wsp')].replace(os.sep, '.')
            wanted = wanted_archives(schemas, metric)
            have = [(a['secondsPerPoint'], a['points']) for a in whisper.info(path)['archives']]
            if wanted and have != wanted:
                yield path, wanted


def points_to_keep(path, now):
    """Every stored point once: from the finest archive that holds it, cut on coarse bucket bounds."""
    archives = sorted(whisper.info(path)['archives'], key=lambda a: a['secondsPerPoint'])
    points = []
    covered_from = None  # oldest bucket start of the finer archives already taken
    for archive in archives:
        step = archive['secondsPerPoint']
        (start, _, _), values = whisper.fetch(path, now - archive['retention'] + step, now, now=now)
        coarse = [(start + i * step, v) for i, v in enumerate(values) if v is not None]
        if covered_from is None:
            points = coarse
        else:
            # The coarse bucket that holds covered_from is taken whole and the finer points inside
            # it are dropped: that bucket already sums them.
            cut = -(-covered_from // step) * step
            points = [p for p in coarse if p[0] < cut] + [p for p in points if p[0] >= cut]
        covered_from = start if covered_from is None else min(covered_from, start)
    return points


def resize(item, now):
    path, wanted = item
    info = whisper.info(path)
    points = points_to_keep(path, now)
    tmp = path + '.resize'
    if os.path.exists(tmp):
        os.unlink(tmp)
    try:
        whisper.create(tmp, wanted, xFilesFactor=info['xFilesFactor'], aggregationMethod=info['aggregationMethod'])
        whisper.update_many(tmp, points, now=now)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    whisper_dir, conf_dir = argv[1], argv[2]
    started = time.monotonic()
    stale = list(stale_files(whisper_dir, load_schemas(conf_dir)))
    if not stale:
        print('whisper: every file has the archives of storage-schemas.conf')
        return 0
    print('whisper: resizing %d files to storage-schemas.conf' % len(stale), flush=True)
    now = int(time.time())
    failed = 0
    for item in stale:
        try:
            resize(item, now)
        except (OSError, whisper.WhisperException) as err:
            failed += 1
            sys.stderr.write('whisper: could not resize %s (kept as it was): %s\n' % (item[0], err))
    print('whisper: resized %d files in %.1f s%s' % (
        len(stale) - failed, time.monotonic() - started, ', %d failed' % failed if failed else ''))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
