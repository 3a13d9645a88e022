#!/usr/bin/env python3
"""Renders a VyOS configuration to the nftables files VyOS itself would load, with vyos-1x's own
code: the configure-mode commands build the config tree; vyos.config.Config (with vyos.xml_ref's
reference cache from defs.py) turns it into the config dicts, defaults included; then the
conf-mode scripts src/conf_mode/nat.py and firewall.py run get_config, verify and generate, which
render data/templates/firewall/nftables-nat.j2, nftables-static-nat.j2 and nftables.j2 through
vyos.template (filters from vyos.nat and vyos.firewall) with Debian's python3-jinja2. nat.py's
generate runs `nft --check` on its files, as on the router.

What is not VyOS's code here (see test/lab/README.md):
- ConfigTree: a small pure-Python tree for libvyosconfig's (OCaml) config tree; its JSON is
  vyos1x-config's (a leaf with one value is a string, more values a list, an empty node {}), and
  children are sorted as VyOS's CLI lists them (numbers numerically).
- Stubbed modules that only touch the system or the network: vyos.airbag (crash reporter),
  vyos.remote (downloads, for GeoIP). In the conf-mode scripts: set_dependents/call_dependents
  (commit dependencies), is_node_changed/get_config_diff (what changed since the last commit:
  always "nothing", this is a first commit).
- Output files go to OUT_DIR instead of /run.

stdin: {"source": DIR, "defs": FILE, "configs": [{"out": DIR, "commands": [["set", ...], ...]}, ...]}
stdout: [{"files": {"nat": PATH, "static_nat": PATH, "firewall": PATH}, "warnings": [...], "error": null|str,
          "nothingToDelete": [deletes the CLI would answer with "Nothing to delete"]}, ...]
"""

import contextlib
import importlib.util
import io
import json
import os
import re
import sys
import types


def natural(name):
    """VyOS's CLI order (vyos1x-config lexical_numeric_compare): digit runs compare as numbers."""
    return [(0, int(p), '') if p.isdigit() else (1, 0, p) for p in re.findall(r'\d+|\D+', name)]


class Node:
    def __init__(self):
        self.children = {}
        self.values = []


def stub_modules():
    airbag = types.ModuleType('vyos.airbag')
    airbag.enable = lambda *a, **k: None
    airbag.noteworthy = lambda *a, **k: None
    sys.modules['vyos.airbag'] = airbag
    remote = types.ModuleType('vyos.remote')

    def download(*a, **k):
        raise RuntimeError('vyos.remote.download: no downloads in the lab')

    remote.download = download
    sys.modules['vyos.remote'] = remote


def make_tree_class(configtree):
    class ConfigTree:
        """The subset of vyos.configtree.ConfigTree that vyos.config uses."""

        def __init__(self, defs):
            self.defs = defs
            self.root = Node()

        def _get(self, path):
            n = self.root
            for p in path:
                if p not in n.children:
                    raise configtree.ConfigTreeError(f'Path [{" ".join(path)}] does not exist')
                n = n.children[p]
            return n

        def apply(self, verb, words):
            """A configure-mode set/delete; the definitions say which word is a tag or leaf value."""
            d, path, value, need_tag = self.defs, [], None, False
            for w in words:
                if d['type'] == 'leaf':
                    value = w
                    break
                if need_tag:
                    path.append(w)
                    need_tag = False
                    continue
                d = d['kids'][w]
                path.append(w)
                need_tag = d['type'] == 'tag'
            if verb == 'set':
                n = self.root
                for p in path:
                    n = n.children.setdefault(p, Node())
                if value is not None:
                    n.values = n.values + [value] if d.get('multi') and value not in n.values else n.values if d.get('multi') else [value]
                return
            if not self.exists(path) or (value is not None and value not in self._get(path).values):
                # The CLI answers "Nothing to delete" and goes on with the next command.
                return 'nothing to delete'
            parent = self._get(path[:-1])
            node = self._get(path)
            if value is not None:
                node.values = [v for v in node.values if v != value]
                if node.values:
                    return
            del parent.children[path[-1]]

        def exists(self, path):
            try:
                self._get(path)
                return True
            except configtree.ConfigTreeError:
                return False

        def list_nodes(self, path):
            return sorted(self._get(path).children, key=natural)

        def return_value(self, path):
            v = self._get(path).values
            return v[0] if v else None

        def return_values(self, path):
            return list(self._get(path).values)

        def to_json(self):
            def render(n):
                if n.values:
                    return n.values[0] if len(n.values) == 1 else list(n.values)
                return {k: render(n.children[k]) for k in sorted(n.children, key=natural)}
            return json.dumps(render(self.root))

    return ConfigTree


def warnings_in(text):
    """vyos.base.Warning prints a blank line, 'WARNING: ...' (wrapped at 72), a blank line."""
    return [re.sub(r'\s+', ' ', m).strip() for m in re.findall(r'WARNING: (.*?)(?:\n\n|\Z)', text, re.S)]


def load_conf_mode(source, name):
    path = os.path.join(source, 'src', 'conf_mode', f'{name}.py')
    spec = importlib.util.spec_from_file_location(f'conf_mode_{name}', path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def render(source, defs, ConfigTree, ConfigSource, Config, req):
    tree = ConfigTree(defs)
    nothing = [' '.join(cmd) for cmd in req['commands'] if tree.apply(cmd[0], cmd[1:])]

    class Source(ConfigSource):
        def __init__(self):
            super().__init__()
            self._running_config = tree
            self._session_config = tree

    out = req['out']
    os.makedirs(out, exist_ok=True)
    files = {'nat': os.path.join(out, 'nftables_nat.conf'), 'static_nat': os.path.join(out, 'nftables_static-nat-rules.nft'),
             'firewall': os.path.join(out, 'nftables.conf')}
    result = {'files': files, 'warnings': [], 'error': None, 'nothingToDelete': nothing}
    printed = io.StringIO()
    try:
        with contextlib.redirect_stdout(printed):
            nat = load_conf_mode(source, 'nat')
            firewall = load_conf_mode(source, 'firewall')
            for mod in (nat, firewall):
                mod.set_dependents = lambda *a, **k: None
                mod.call_dependents = lambda *a, **k: None
            firewall.is_node_changed = lambda *a, **k: False

            class NoDiff:
                def get_child_nodes_diff(self, *a, **k):
                    return {}

            firewall.get_config_diff = lambda *a, **k: NoDiff()
            nat.nftables_nat_config = files['nat']
            nat.nftables_static_nat_conf = files['static_nat']
            firewall.nftables_conf = files['firewall']
            # nat (priority 220) commits before firewall (489), as on the router.
            for mod in (nat, firewall):
                c = mod.get_config(Config(config_source=Source()))
                mod.verify(c)
                mod.generate(c)
    except Exception as e:  # ConfigError from verify/generate, or anything VyOS's code raised
        result['error'] = f'{type(e).__name__}: {e}'
    result['warnings'] = warnings_in(printed.getvalue())
    result['printed'] = printed.getvalue()
    return result


def main():
    req = json.load(sys.stdin)
    source = req['source']
    sys.path.insert(0, os.path.join(source, 'python'))
    stub_modules()
    import vyos.configtree as configtree
    import vyos.template as template
    from vyos.config import Config
    from vyos.configsource import ConfigSource

    template.DEFAULT_TEMPLATE_DIR = os.path.join(source, 'data', 'templates')
    with open(req['defs']) as f:
        defs = json.load(f)
    ConfigTree = make_tree_class(configtree)
    json.dump([render(source, defs, ConfigTree, ConfigSource, Config, c) for c in req['configs']], sys.stdout)


if __name__ == '__main__':
    main()
