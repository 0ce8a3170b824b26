#!/usr/bin/env python3
"""Checks a test file's apache2-checked table against the real apache2.

Every {R"(line)", R"(message)"} row between "// BEGIN apache2-checked[ LABEL]"
and "// END apache2-checked[ LABEL]" is put in a fresh configuration (the MPM,
ErrorLog, PidFile, then PREFIX lines, then the row's line) and run through
`apache2 -t`; the message after "AH00526: Syntax error ..." (or "" for Syntax
OK) must equal the row's message.

usage: server_check_rows.py TEST.cpp [prefork|worker] [PREFIX|PREFIX...] [LABEL]
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile


def main():
    src = open(sys.argv[1]).read()
    mpm = sys.argv[2] if len(sys.argv) > 2 else 'prefork'
    prefix = sys.argv[3].split('|') if len(sys.argv) > 3 and sys.argv[3] else ['ServerName x']
    label = sys.argv[4] if len(sys.argv) > 4 else ''
    suffix = (' ' + label if label else '') + '\n'
    block = src[src.index('BEGIN apache2-checked' + suffix):src.index('END apache2-checked' + suffix)]
    rows = re.findall(r'\{R"\((.*?)\)",\s*R"\((.*?)\)"\}', block, re.S)
    bad = 0
    for line, want in rows:
        d = tempfile.mkdtemp()
        try:
            conf = [f'LoadModule mpm_{mpm}_module /usr/lib/apache2/modules/mod_mpm_{mpm}.so',
                    f'ErrorLog {d}/error.log', f'PidFile {d}/pid'] + prefix + [line]
            with open(os.path.join(d, 'httpd.conf'), 'w') as f:
                f.write('\n'.join(conf) + '\n')
            r = subprocess.run(['apache2', '-d', d, '-f', f'{d}/httpd.conf', '-t'],
                               capture_output=True, text=True)
            out = (r.stdout + r.stderr).replace(d, 'DIR').rstrip('\n').split('\n')
            got = '' if 'Syntax OK' in out else out[-1]
            if got != want:
                bad += 1
                print(f'MISMATCH: {line}\n  want: {want}\n  got:  {got}')
        finally:
            shutil.rmtree(d)
    print(f'{len(rows)} rows, {bad} mismatches')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
