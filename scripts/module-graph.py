#!/usr/bin/env python3
"""The module graph of Rust crates, to keep each one free of import circles.

Usage: scripts/module-graph.py [-v] CRATE_SRC_DIR...   (each holding a lib.rs)

Edges are `use` paths and `crate::`/`super::`/`self::`/child-module paths in non-test code
(`#[cfg(test)]` items and the bodies of `quote!`-like macros are left out, since they name
the code they write, not code they use); an item re-exported by a `pub use` is resolved to
the module that defines it. Prints each crate's modules and edges, and every group of
modules that reach each other (a circle); exits 1 if there is one. `-v` lists every edge."""
import os, re, sys

TOKEN = re.compile(r'''
    (?P<ws>\s+)
  | (?P<lc>//[^\n]*)
  | (?P<bc>/\*)
  | (?P<raw>b?r(?P<h>\#*)")
  | (?P<str>b?"(?:\\.|[^"\\])*")
  | (?P<chr>b?'(?:\\(?:x[0-9a-fA-F]{2}|u\{[0-9a-fA-F]+\}|.)|[^'\\])')
  | (?P<life>'[A-Za-z_]\w*)
  | (?P<ident>r\#[A-Za-z_]\w*|[A-Za-z_]\w*)
  | (?P<num>\d[\w.]*)
  | (?P<path>::)
  | (?P<p>.)
''', re.X | re.S)

def tokens(text):
    out, i = [], 0
    while i < len(text):
        m = TOKEN.match(text, i)
        k = m.lastgroup
        if k == 'bc':
            depth, j = 1, m.end()
            while depth and j < len(text):
                if text.startswith('/*', j): depth += 1; j += 2
                elif text.startswith('*/', j): depth -= 1; j += 2
                else: j += 1
            i = j; continue
        if k == 'raw' or k == 'h':
            end = text.index('"' + m.group('h'), m.end())
            i = end + 1 + len(m.group('h')); out.append(('lit', '""')); continue
        i = m.end()
        if k in ('ws', 'lc'): continue
        if k in ('str', 'chr', 'num'): out.append(('lit', m.group())); continue
        if k == 'life': out.append(('life', m.group())); continue
        out.append((k, m.group()))
    return out

SKIP_MACROS = {'quote', 'parse_quote', 'quote_spanned', 'parse_quote_spanned'}
OPEN, CLOSE = '([{', ')]}'

class Module:
    def __init__(self, path, parent, file):
        self.path, self.parent, self.file = path, parent, file
        self.children = {}      # name -> Module
        self.imports = {}       # name -> (module, segments)
        self.refs = []          # (segments)
        self.reexports = []     # (segments, alias): edges only when named in the module's code
        self.names = set()      # identifiers its code (not its use items) names

def skip_group(toks, i):
    """toks[i] is an opening bracket; index after its match."""
    depth = 0
    while i < len(toks):
        t = toks[i][1] if toks[i][0] == 'p' else None
        if t and t in OPEN: depth += 1
        elif t and t in CLOSE:
            depth -= 1
            if depth == 0: return i + 1
        i += 1
    return i

def skip_item(toks, i):
    """Skips one item starting at i: up to a `;` at depth 0 or the end of its first `{}` block."""
    while i < len(toks):
        k, t = toks[i]
        if k == 'p' and t == ';': return i + 1
        if k == 'p' and t == '{': return skip_group(toks, i)
        if k == 'p' and t in '([': i = skip_group(toks, i); continue
        i += 1
    return i

def is_cfg_test(toks, i):
    # toks[i] == '#', toks[i+1] == '['
    j = skip_group(toks, i + 1)
    inner = [t for _, t in toks[i + 2:j - 1]]
    if inner[:1] == ['cfg'] and 'test' in inner and 'not' not in inner:
        return True, j
    return False, j

def use_tree(toks, i, prefix, out):
    """Parses a use tree at i; appends (segments, alias) to out; returns index after it."""
    segs = list(prefix)
    while True:
        k, t = toks[i]
        if k == 'p' and t == '{':
            i += 1
            while not (toks[i] == ('p', '}')):
                i = use_tree(toks, i, segs, out)
                if toks[i] == ('p', ','): i += 1
            return i + 1
        if k == 'p' and t == '*':
            out.append((segs + ['*'], None)); return i + 1
        if k == 'ident':
            segs.append(t); i += 1
            if toks[i][0] == 'path': i += 1; continue
            alias = None
            if toks[i] == ('ident', 'as'):
                alias = toks[i + 1][1]; i += 2
            if segs[-1] == 'self':
                segs = segs[:-1]; alias = alias or segs[-1]
            out.append((segs, alias or segs[-1]))
            return i
        if k == 'path': i += 1; continue
        raise ValueError(f'use tree at {toks[i]}')

def parse(mod, toks, crate_dir, files):
    i, n = 0, len(toks)
    while i < n:
        k, t = toks[i]
        if k == 'p' and t == '#' and i + 1 < n and toks[i + 1] == ('p', '['):
            test, j = is_cfg_test(toks, i)
            if test:
                # skip further attributes, then the item
                while j < n and toks[j] == ('p', '#'): j = skip_group(toks, j + 1)
                i = skip_item(toks, j); continue
            i = j; continue
        if k == 'p' and t == '#' and i + 2 < n and toks[i + 1] == ('p', '!') and toks[i + 2] == ('p', '['):
            i = skip_group(toks, i + 2); continue
        if k == 'ident' and t in SKIP_MACROS and i + 1 < n and toks[i + 1] == ('p', '!'):
            i = skip_group(toks, i + 2); continue
        if k == 'ident' and t == 'mod' and i + 2 < n and toks[i + 1][0] == 'ident':
            name = toks[i + 1][1]
            child = Module(mod.path + [name], mod, None)
            mod.children[name] = child
            if toks[i + 2] == ('p', ';'):
                base = os.path.dirname(mod.file) if os.path.basename(mod.file) in ('lib.rs', 'mod.rs', 'main.rs') \
                    else os.path.splitext(mod.file)[0]
                for cand in (os.path.join(base, name + '.rs'), os.path.join(base, name, 'mod.rs')):
                    if os.path.exists(cand):
                        child.file = cand; files.append(child); break
                i += 3; continue
            j = skip_group(toks, i + 2)
            child.file = mod.file
            parse(child, toks[i + 3:j - 1], crate_dir, files)
            i = j; continue
        if k == 'ident' and t == 'use':
            public = i > 0 and (toks[i - 1] == ('ident', 'pub') or toks[i - 1] == ('p', ')'))
            out = []
            j = use_tree(toks, i + 1, [], out)
            for segs, alias in out:
                if public: mod.reexports.append((segs, alias))
                else: mod.refs.append(segs)
                if alias and segs[-1] != '*': mod.imports[alias] = segs
            i = j + 1; continue
        if k == 'ident': mod.names.add(t)
        if k == 'ident' and (i == 0 or toks[i - 1][0] != 'path') and (i == 0 or toks[i - 1] != ('p', '.')) \
                and i + 1 < n and toks[i + 1][0] == 'path' \
                and (t in ('crate', 'super', 'self') or t in mod.children or True):
            segs = [t]; j = i + 1
            while j + 1 < n and toks[j][0] == 'path' and toks[j + 1][0] == 'ident':
                segs.append(toks[j + 1][1]); j += 2
            if segs[-1] in SKIP_MACROS and j < n and toks[j] == ('p', '!'):
                i = skip_group(toks, j + 1); continue
            mod.refs.append(segs)
            mod.names.update(segs)
            i = j; continue
        i += 1

def start(mod, segs):
    """Module a path starts from, and the remaining segments; None for external paths."""
    first, rest = segs[0], segs[1:]
    m = mod
    if first == 'crate':
        while m.parent: m = m.parent
        return m, rest
    if first == 'self': return mod, rest
    if first == 'super':
        m = mod.parent
        while rest and rest[0] == 'super': m = m.parent; rest = rest[1:]
        return m, rest
    if first in mod.children: return mod.children[first], rest
    if first in mod.imports: return None  # an imported name: the import is an edge already
    return None

def resolve(mod, segs, seen=None):
    seen = seen or set()
    s = start(mod, segs)
    if s is None: return None
    m, rest = s
    while rest:
        name = rest[0]
        if name in m.children: m = m.children[name]; rest = rest[1:]; continue
        if name in m.imports and (id(m), name) not in seen:
            seen.add((id(m), name))
            target = resolve(m, m.imports[name] + rest[1:], seen)
            return target if target is not None else m
        break
    return m

def crate_graph(crate_dir):
    root_file = os.path.join(crate_dir, 'lib.rs')
    root = Module([], None, root_file)
    files = [root]
    k = 0
    while k < len(files):
        m = files[k]; k += 1
        parse(m, tokens(open(m.file).read()), crate_dir, files)
    mods = []
    def collect(m):
        mods.append(m)
        for c in m.children.values(): collect(c)
    collect(root)
    edges = {}
    for m in mods:
        name = '::'.join(m.path) or '(root)'
        edges.setdefault(name, set())
        named = [segs for segs, alias in m.reexports if alias in m.names or segs[-1] == '*']
        for segs in m.refs + named:
            t = resolve(m, segs)
            if t is None or t is m: continue
            # a module's own descendants are its to use; edges into them still count
            edges[name].add('::'.join(t.path) or '(root)')
    return edges

def sccs(edges):
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]
    sys.setrecursionlimit(10000)
    def visit(v):
        index[v] = low[v] = counter[0]; counter[0] += 1
        stack.append(v); on.add(v)
        for w in edges.get(v, ()):
            if w not in index: visit(w); low[v] = min(low[v], low[w])
            elif w in on: low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop(); on.discard(w); comp.append(w)
                if w == v: break
            out.append(comp)
    for v in list(edges):
        if v not in index: visit(v)
    return out

def main():
    ok = True
    verbose = '-v' in sys.argv
    for crate_dir in [a for a in sys.argv[1:] if a != '-v']:
        edges = crate_graph(crate_dir)
        groups = [sorted(c) for c in sccs(edges) if len(c) > 1]
        n_edges = sum(len(v) for v in edges.values())
        print(f'{crate_dir}: {len(edges)} modules, {n_edges} edges, ', end='')
        if groups:
            ok = False
            print(f'{len(groups)} cycle group(s):')
            for g in groups:
                print('   ', ', '.join(g))
                for v in g:
                    print('       ', v, '->', ', '.join(sorted(w for w in edges[v] if w in g)))
        else:
            print('acyclic')
        if verbose:
            for v in sorted(edges):
                print('   ', v, '->', ', '.join(sorted(edges[v])))
    sys.exit(0 if ok else 1)

if __name__ == "__main__":
    main()
