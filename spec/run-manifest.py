#!/usr/bin/env python3
"""Runs the configs of spec/MANIFEST.tsv through spec/tlc.sh and checks each result against its
`expect` column.  A stop-gap until `./sched check` exists; it is how spec/RESULTS.md was made.

    spec/run-manifest.py [--kind ci,bug,liveness,deep] [--only SUBSTRING] [--markdown]

Prints one line per config (result, distinct states, depth, counterexample length, TLC's time, wall
time); with --markdown, rows for RESULTS.md.  Exit 1 if any result differs from `expect`.
"""
import argparse, csv, os, re, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))


def property_names(cfg_path):
    """The names after PROPERTY/PROPERTIES in a config (to name a temporal violation)."""
    names, on = [], False
    for line in open(cfg_path):
        line = line.split('\\*')[0].strip()
        if not line:
            continue
        words = line.split()
        if words[0] in ('PROPERTY', 'PROPERTIES'):
            on, words = True, words[1:]
        elif words[0].isupper() and words[0] not in ('PROPERTY', 'PROPERTIES'):
            on = False
        if on:
            names += words
    return names


def run(spec, cfg):
    t0 = time.time()
    p = subprocess.run([os.path.join(HERE, 'tlc.sh'), spec, cfg], cwd=HERE,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    wall = time.time() - t0
    out = p.stdout
    result = None
    if 'Model checking completed. No error has been found.' in out:
        result = 'ok'
    m = re.search(r'Error: Invariant (\w+) is violated', out) or \
        re.search(r'Error: Action property (\w+) is violated', out)
    if m:
        result = 'violates:' + m.group(1)
    elif 'Error: Action property' in out:
        result = 'violates:' + '|'.join(property_names(os.path.join(HERE, cfg)))
    elif 'Temporal properties were violated' in out:
        result = 'violates:' + '|'.join(property_names(os.path.join(HERE, cfg)))
    elif result is None:
        result = 'error(rc=%d)' % p.returncode
    stats = re.findall(r'([\d,]+) states generated, ([\d,]+) distinct states found', out)
    distinct = stats[-1][1].replace(',', '') if stats else '?'
    dm = re.findall(r'The depth of the complete state graph search is (\d+)', out)
    depth = dm[-1] if dm else '?'
    states = [int(x) for x in re.findall(r'^State (\d+):', out, re.M)]
    cex = str(max(states)) if states else '-'
    fm = re.search(r'Finished in (.*?) at', out)
    tlc_time = fm.group(1) if fm else '?'
    return result, distinct, depth, cex, tlc_time, wall, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--kind', default='ci,bug,liveness')
    ap.add_argument('--only', default='')
    ap.add_argument('--markdown', action='store_true')
    a = ap.parse_args()
    kinds = set(a.kind.split(','))
    bad = 0
    with open(os.path.join(HERE, 'MANIFEST.tsv')) as f:
        rows = list(csv.DictReader(f, delimiter='\t'))
    for r in rows:
        if r['kind'] not in kinds or a.only not in r['config']:
            continue
        result, distinct, depth, cex, tlc_time, wall, out = run(r['spec'], r['config'])
        good = result == r['expect']
        bad += not good
        if a.markdown:
            print('| `%s` | %s | %s | %s | %s | %s | %s | %.0f s |%s' % (
                r['config'], r['kind'], result, distinct, depth, cex, tlc_time, wall,
                '' if good else ' **UNEXPECTED**'))
        else:
            print('%-45s %-8s %-32s distinct=%-10s depth=%-5s cex=%-4s tlc=%-12s wall=%.0fs %s' % (
                r['config'], r['kind'], result, distinct, depth, cex, tlc_time, wall,
                'OK' if good else 'UNEXPECTED (expected %s)' % r['expect']))
        if not good and not a.markdown:
            sys.stdout.write(out[-3000:])
        sys.stdout.flush()
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
