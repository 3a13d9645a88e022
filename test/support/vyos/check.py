#!/usr/bin/env python3
"""Checks configure-mode commands (set/delete) against VyOS's configuration tree (defs.py) the way
VyOS 1.4/1.5 does when a command is typed: every word of the path must be a node of the tree; a tag
node takes one value (its tag), a leaf exactly one value, a valueless leaf none; each tag and leaf
value must pass the node's constraint as vyos-utils' validate-value decides it (the build passes it
`--regex R` for each <regex> and `--exec "V ARG"` for each <validator> of the first <constraint>,
and `--grp ...` per <constraintGroup>): the value is valid when one regex matches `^R$` (PCRE, no
flags: bytes, unanchored search of the anchored text), one validator exits 0 (validate-value runs
`sh -c "V ARG 'VALUE'"`), or every check of one group passes. Validators are vyos-1x's own scripts
from src/validators: the shell ones run that way (with bin/ipaddrcheck on PATH), the Python ones
with the same interpreter and argv in a forked child; vyos-utils' compiled `numeric` is numeric.py.
Within one run, a single-value leaf given two different values is reported too (VyOS would keep
only the last).

stdin: {"source": DIR, "defs": FILE, "runs": [{"name": N, "commands": [["set", "nat", ...], ...]}]}
stdout: {"runs": [{"name": N, "errors": [{"index": I, "command": C, "error": E}]}]}
"""

import json
import os
import re
import runpy
import shlex
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import numeric  # noqa: E402

POSIX = {
    'alnum': 'a-zA-Z0-9', 'alpha': 'a-zA-Z', 'ascii': '\\x00-\\x7f', 'blank': ' \\t', 'cntrl': '\\x00-\\x1f\\x7f',
    'digit': '0-9', 'graph': '\\x21-\\x7e', 'lower': 'a-z', 'print': '\\x20-\\x7e', 'punct': '!-/:-@\\[-`{-~',
    'space': ' \\t\\n\\r\\f\\v', 'upper': 'A-Z', 'word': '\\w', 'xdigit': '0-9A-Fa-f',
}
_regex_cache = {}


def regex_ok(rx, value):
    """PCRE without flags on `^rx$`: bytes semantics, \\d \\w \\s ASCII, POSIX classes inside brackets."""
    r = _regex_cache.get(rx)
    if r is None:
        py = re.sub(r'\[:(\w+):\]', lambda m: POSIX[m.group(1)], f'^{rx}$')
        r = _regex_cache[rx] = re.compile(py.encode())
    return r.search(value.encode()) is not None


class Checker:
    def __init__(self, source, defs):
        self.validators = os.path.join(source, 'src', 'validators')
        with open(defs) as f:
            self.root = json.load(f)
        self.env = {'PATH': f'{HERE}/bin:/usr/bin:/bin', 'PYTHONPATH': os.path.join(source, 'python'), 'LC_ALL': 'C'}
        sys.path.insert(0, os.path.join(source, 'python'))
        # What vyos-1x's Python validators import (port-multi, port-range), loaded once before the forks.
        import vyos.utils.file  # noqa: F401
        self.memo = {}
        self.kinds = {}

    def kind(self, name):
        """'numeric' (ported), 'python' (a vyos-1x script run in a forked child), 'sh' (run by sh)."""
        if name == 'numeric':
            return 'numeric'
        if name not in self.kinds:
            path = os.path.join(self.validators, name)
            if not os.path.exists(path):
                raise RuntimeError(f'validator {name} is not in vyos-1x src/validators and not ported here')
            with open(path, 'rb') as f:
                self.kinds[name] = 'python' if b'python' in f.readline() else 'sh'
        return self.kinds[name]

    def run_python(self, name, arg, value):
        """A Python validator as its shebang would run it (Debian's python3, argv = ARG words + VALUE),
        but in a child forked from this process, which has vyos-1x's python/ on its path already:
        the same script and interpreter without a process start per value."""
        path = os.path.join(self.validators, name)
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                null = os.open(os.devnull, os.O_WRONLY)
                os.dup2(null, 1)
                os.dup2(null, 2)
                sys.argv = [path] + shlex.split(arg) + [value]
                runpy.run_path(path, run_name='__main__')
                code = 0
            except SystemExit as e:
                code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
            except BaseException:
                code = 1
            os._exit(code)
        _, status = os.waitpid(pid, 0)
        return os.waitstatus_to_exitcode(status) == 0

    def run_sh(self, name, arg, value):
        if "'" in value:
            # validate-value pastes the value between single quotes into a shell command.
            return False
        path = os.path.join(self.validators, name)
        r = subprocess.run(['sh', '-c', f"{path} {arg} '{value}'"], env=self.env, capture_output=True)
        return r.returncode == 0

    def run_validator(self, name, arg, value):
        kind = self.kind(name)
        if kind == 'numeric':
            return numeric.main(shlex.split(arg) + [value]) == 0
        return (self.run_python if kind == 'python' else self.run_sh)(name, arg, value)

    def checks(self, node):
        """The node's alternatives, each a list of checks that must all pass (validate-value: the
        constraint's regexes and validators one by one, then each --grp group)."""
        c, groups = node.get('constraint'), node.get('groups', [])
        alts = []
        if c is not None:
            alts += [[('regex', rx)] for rx in c['regex']] + [[('exec', n, a)] for n, a in c['validator']]
        for g in groups:
            alts.append([('regex', rx) for rx in g['regex']] + [('exec', n, a) for n, a in g['validator']])
        return alts

    def cost(self, check):
        return 0 if check[0] == 'regex' else {'numeric': 0, 'python': 1, 'sh': 2}[self.kind(check[1])]

    def decide(self, jobs):
        """Whether each (node, value) passes. Cheap checks first (regexes and numeric, then the
        Python validators, forked one at a time while no thread runs), then what needs sh, in threads."""
        verdict = {}
        pending = {}
        for key, (node, value) in jobs.items():
            c, groups = node.get('constraint'), node.get('groups', [])
            if c is None and not groups:
                verdict[key] = True
                continue
            # validate-value with no check at all fails the value.
            alts = sorted(self.checks(node), key=lambda alt: max((self.cost(x) for x in alt), default=0))
            verdict[key] = False if not alts else None
            if alts:
                pending[key] = (alts, value)

        def run(check, value):
            k = (check, value)
            if k not in self.memo:
                self.memo[k] = regex_ok(check[1], value) if check[0] == 'regex' else self.run_validator(check[1], check[2], value)
            return self.memo[k]

        for stage in (1, 2):
            for key, (alts, value) in pending.items():
                if verdict[key] is not None:
                    continue
                for alt in alts:
                    if max((self.cost(x) for x in alt), default=0) <= stage and all(run(x, value) for x in alt):
                        verdict[key] = True
                        break
        rest = {k: v for k, v in pending.items() if verdict[k] is None}

        def slow(item):
            alts, value = item
            return any(all(run(x, value) for x in alt) for alt in alts)

        with ThreadPoolExecutor(max_workers=4) as pool:
            for key, ok in zip(rest, pool.map(slow, rest.values())):
                verdict[key] = ok
        return verdict

    def walk(self, verb, words):
        """The command's (node, value) pairs to validate, its leaf (path key, value), or an error."""
        node, i, where, values, leaf = self.root, 0, [], [], None
        while i < len(words):
            t = node['type']
            if t in ('node', 'tagvalue'):
                w = words[i]
                kids = node.get('kids', {})
                if w not in kids:
                    return None, None, f'"{w}" is not a node under "{" ".join(where) or "(top level)"}"'
                node = kids[w]
                where.append(w)
                i += 1
                continue
            if t == 'tag':
                values.append((node, words[i]))
                where.append(words[i])
                node = {**node, 'type': 'tagvalue'}
                i += 1
                continue
            # leaf
            rest = words[i:]
            if node.get('valueless'):
                return None, None, f'"{" ".join(where)}" is a valueless leaf, given "{" ".join(rest)}"'
            if len(rest) > 1:
                return None, None, f'"{" ".join(where)}" is a leaf: it takes one value, given {len(rest)} words ({" ".join(rest)})'
            values.append((node, rest[0]))
            leaf = (' '.join(where), rest[0], node.get('multi', False))
            i += 1
        t = node['type']
        if verb == 'set':
            if t == 'tag':
                return None, None, f'"{" ".join(where)}" is a tag node: it needs a value'
            if t == 'leaf' and not node.get('valueless') and leaf is None:
                return None, None, f'"{" ".join(where)}" is a leaf that requires a value'
        return values, leaf, None

    def check_runs(self, runs):
        jobs = {}
        walked = []
        for run in runs:
            rows = []
            for i, cmd in enumerate(run['commands']):
                verb, words = cmd[0], cmd[1:]
                if verb not in ('set', 'delete'):
                    rows.append((i, cmd, None, None, f'not a configure-mode set/delete: {verb}'))
                    continue
                values, leaf, err = self.walk(verb, words)
                rows.append((i, cmd, values, leaf, err))
                for node, value in values or []:
                    jobs[(id(node), value)] = (node, value)
            walked.append(rows)
        results = self.decide(jobs)
        out = []
        for run, rows in zip(runs, walked):
            errors = []
            single = {}
            for i, cmd, values, leaf, err in rows:
                text = ' '.join(cmd)
                if err:
                    errors.append({'index': i, 'command': text, 'error': err})
                    continue
                for node, value in values:
                    if not results[(id(node), value)]:
                        why = node.get('error') or 'Invalid value'
                        errors.append({'index': i, 'command': text, 'error': f'value "{value}" fails the constraint: {why}'})
                if cmd[0] == 'set' and leaf and not leaf[2]:
                    path, value, _ = leaf
                    if path in single and single[path] != value:
                        errors.append({'index': i, 'command': text, 'error': f'"{path}" is a single-value leaf, already set to "{single[path]}"'})
                    single[path] = value
                if cmd[0] == 'delete':
                    single = {k: v for k, v in single.items() if not (k + ' ').startswith(' '.join(cmd[1:]) + ' ')}
            out.append({'name': run['name'], 'errors': errors})
        return out


def main():
    req = json.load(sys.stdin)
    checker = Checker(req['source'], req['defs'])
    json.dump({'runs': checker.check_runs(req['runs'])}, sys.stdout)


if __name__ == '__main__':
    main()
