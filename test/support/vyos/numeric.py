"""vyos-utils' `numeric` validator (OCaml, src/numeric.ml; identical on the sagitta and current
branches, 2023-10-06), ported: the same argument parsing (OCaml's Arg: a word starting with '-'
that is no known option is an error), the same number syntax and the same checks in the same
order. main(argv) returns the exit status.
"""

import re

FLAGS = {'--non-negative', '--positive', '--float', '--relative', '--allow-range', '--require-range'}
WITH_ARG = {'--range', '--not-range', '--not-value'}


class Fail(Exception):
    pass


def looks_like_number(s):
    return re.search(r'^(\-?)[0-9]+(\.[0-9]+)?$', s) is not None


def number_of_string(o, s):
    if not looks_like_number(s):
        raise Fail(f"'{s}' is not a valid number")
    n = float(s)
    if o['float'] or '.' not in s:
        return n
    raise Fail(f"'{s}' is not a valid integer number")


def range_of_string(o, s):
    parts = [p.strip() for p in s.split('-')]
    try:
        rs = [number_of_string(o, p) for p in parts]
    except Fail as e:
        raise Fail(f"'{s}' is not a valid number range: {e}")
    if len(rs) != 2:
        raise Fail(f"'{s}' is not a valid number range")
    return rs[0], rs[1]


def main(argv):
    o = {'positive': False, 'nonnegative': False, 'float': False, 'ranges': [], 'not_ranges': [],
         'not_values': [], 'relative': False, 'allow_range': False, 'require_range': False}
    if not argv:
        return 1
    number = ''
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == '--':
            number = argv[-1] if i + 1 < len(argv) else number
            break
        if a in WITH_ARG:
            if i + 1 >= len(argv):
                return 2
            key = {'--range': 'ranges', '--not-range': 'not_ranges', '--not-value': 'not_values'}[a]
            o[key].insert(0, argv[i + 1])
            i += 2
            continue
        if a in FLAGS:
            if a == '--non-negative':
                o['nonnegative'] = True
            elif a == '--positive':
                o['positive'] = True
            elif a == '--float':
                o['float'] = True
            elif a == '--relative':
                o['relative'] = True
            elif a == '--allow-range':
                o['allow_range'] = True
            else:
                o['require_range'] = o['allow_range'] = True
        elif a.startswith('-'):
            return 2
        else:
            number = a
        i += 1
    try:
        s = number
        is_range = re.search(r'^[0-9]+-[0-9]+$', s) is not None
        if o['relative']:
            if is_range:
                raise Fail('increment/decrement does not apply to a range value')
            if not re.search(r'^[+-][0-9]+$', s):
                raise Fail('Value is not a relative increment/decrement')
            s = s[1:]
        if is_range:
            n = range_of_string(o, s)
            if not o['allow_range']:
                raise Fail('Value must be a number, not a range')
        else:
            n = number_of_string(o, s)
            if o['require_range']:
                raise Fail('Value must be a range, not a number')
        if o['nonnegative']:
            if is_range:
                raise Fail("option '--non-negative' does not apply to a range value")
            if n < 0:
                raise Fail('Number should be non-negative.')
        if o['positive']:
            if is_range:
                raise Fail("option '--positive does' not apply to a range value")
            if n <= 0:
                raise Fail('Number should be positive')
        excluded = [number_of_string(o, v) for v in o['not_values']]
        if excluded:
            if is_range:
                raise Fail('--not-value cannot be used with ranges')
            if n in excluded:
                raise Fail('Value is excluded by --not-value')
        ends = list(n) if is_range else [n]
        if o['ranges']:
            ranges = [range_of_string(o, r) for r in o['ranges']]
            for v in ends:
                if not any(lo <= v <= hi for lo, hi in ranges):
                    raise Fail('Number is not in any of allowed ranges')
        if o['not_ranges']:
            ranges = [range_of_string(o, r) for r in o['not_ranges']]
            for v in ends:
                if any(lo <= v <= hi for lo, hi in ranges):
                    raise Fail('Number is in one of excluded ranges')
    except Fail:
        return 1
    return 0
