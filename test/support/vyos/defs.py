#!/usr/bin/env python3
"""VyOS's configuration tree, built from vyos-1x's interface-definitions/*.xml.in the way the
vyos-1x build does it: transclude-template (the `#include <...>` lines), override-default (within
one file the last <defaultValue> of a path wins), then every file's nodes merged into one tree
(build-command-templates writes a node.def only once: the first non-empty definition of a path
wins; vyos1x-config's reference tree keeps the first node's data; children are the union).

Usage: defs.py SOURCE_DIR OUT_DIR
writes OUT_DIR/defs.json (the tree, with each value's constraint as build-command-templates passes
it to validate-value: regexes, validators, constraint groups) and the reference cache that
vyos.xml_ref loads (python/vyos/xml_ref/cache.py under SOURCE_DIR, as `make interface_definitions`
generates it with vyos1x-config's reference_tree_to_json).
"""

import glob
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

INCLUDE = re.compile(r'^ *#include <(.+)>$')


def transclude(path, directory):
    """scripts/transclude-template: each `#include <f>` line replaced by f, recursively."""
    out = []
    with open(path) as f:
        for line in f:
            m = INCLUDE.match(line.rstrip('\n'))
            out.append(transclude(os.path.join(directory, m.group(1)), directory) if m else line)
    return ''.join(out)


def constraint_of(el):
    """What build-command-templates' collect_validators passes on: stripped regexes and
    `name argument` validators. Only the first <constraint> counts (p.find)."""
    if el is None:
        return None
    return {
        'regex': [(r.text or '').strip() for r in el.findall('regex')],
        'validator': [[v.get('name'), v.get('argument') or ''] for v in el.findall('validator')],
    }


def node_data(el):
    props = el.find('properties')
    kind = {'node': 'node', 'tagNode': 'tag', 'leafNode': 'leaf'}[el.tag]
    data = {
        'type': kind,
        'multi': props is not None and props.find('multi') is not None,
        'valueless': props is not None and props.find('valueless') is not None,
        'owner': el.get('owner'),
        'priority': props.find('priority').text if props is not None and props.find('priority') is not None else None,
        'constraint': constraint_of(props.find('constraint')) if props is not None else None,
        'groups': [constraint_of(g) for g in props.findall('constraintGroup')] if props is not None else [],
        'error': (props.find('constraintErrorMessage').text if props is not None and props.find('constraintErrorMessage') is not None else None),
        # build-command-templates writes node.def once, unless the first one was empty: only a
        # plain node without properties or owner writes an empty one (tag nodes and leaves say "type: txt").
        'hasProps': props is not None or el.get('owner') is not None or kind != 'node',
    }
    d = el.find('defaultValue')
    data['default'] = d.text if d is not None and d.text is not None else None
    return data


def insert(tree, el, created):
    """Adds element el (a node) under tree['kids'], merging it with a node of the same name.
    `created`: ids of the nodes this file created."""
    name = el.get('name')
    data = node_data(el)
    kids = tree['kids']
    if name not in kids:
        kids[name] = {**data, 'kids': {}}
        created.add(id(kids[name]))
    else:
        node = kids[name]
        if node['type'] != data['type']:
            raise SystemExit(f'{name}: defined as {node["type"]} and as {data["type"]}')
        if not node['hasProps'] and data['hasProps']:
            node.update({k: v for k, v in data.items() if k != 'default'})
        # override-default: within a file the last defaultValue of a path wins; across files the
        # reference tree keeps the first file's node as it was.
        if data['default'] is not None and id(node) in created:
            node['default'] = data['default']
    node = kids[name]
    if el.tag != 'leafNode':
        children = el.find('children')
        if children is None:
            raise SystemExit(f'node {name} has no children')
        for child in children:
            if isinstance(child.tag, str):
                insert(node, child, created)


def build(source):
    idir = os.path.join(source, 'interface-definitions')
    root = {'type': 'node', 'multi': False, 'valueless': False, 'owner': None, 'priority': None,
            'constraint': None, 'groups': [], 'error': None, 'hasProps': False, 'default': None, 'kids': {}}
    for path in sorted(glob.glob(os.path.join(idir, '*.xml.in'))):
        xml = ET.fromstring(transclude(path, idir))
        created = set()
        for el in xml:
            if isinstance(el.tag, str) and el.tag != 'syntaxVersion':
                insert(root, el, created)
    return root


def reference(node):
    """vyos1x-config's reference tree JSON (the fields generate_cache.py keeps)."""
    out = {'node_data': {
        'node_type': {'node': 'other', 'tag': 'tag', 'leaf': 'leaf'}[node['type']],
        'multi': node['multi'],
        'valueless': node['valueless'],
        'default_value': node['default'],
        'owner': node['owner'],
        'priority': node['priority'],
    }}
    for name, kid in node['kids'].items():
        out[name] = reference(kid)
    return out


def strip(node):
    out = {k: v for k, v in node.items() if k not in ('kids', 'hasProps') and v not in (None, False, [])}
    out['type'] = node['type']
    if node['kids']:
        out['kids'] = {name: strip(kid) for name, kid in node['kids'].items()}
    return out


def main():
    source, out_dir = sys.argv[1], sys.argv[2]
    tree = build(source)
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, 'defs.json'), 'w') as f:
        json.dump(strip(tree), f)
    ref = reference(tree)
    ref['component_version'] = {}
    with open(os.path.join(source, 'python', 'vyos', 'xml_ref', 'cache.py'), 'w') as f:
        f.write(f'reference = {ref!r}\n')


if __name__ == '__main__':
    main()
