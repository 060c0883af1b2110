// Immutable edits of a JSON value by path segments.
export type Path = readonly (string | number)[];

export function getAt(value: unknown, path: Path): unknown {
  let node = value;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

export function setAt(value: unknown, path: Path, next: unknown): unknown {
  if (path.length === 0) return next;
  const [key, ...rest] = path as [string | number, ...Array<string | number>];
  if (Array.isArray(value)) {
    const copy = value.slice();
    copy[Number(key)] = setAt(copy[Number(key)], rest, next);
    return copy;
  }
  const base = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  return { ...base, [key]: setAt(base[key], rest, next) };
}

export function removeAt(value: unknown, path: Path): unknown {
  if (path.length === 0) return undefined;
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1]!;
  const parent = getAt(value, parentPath);
  if (Array.isArray(parent)) return setAt(value, parentPath, parent.filter((_, i) => i !== Number(key)));
  if (typeof parent !== 'object' || parent === null) return value;
  const { [key]: _removed, ...rest } = parent as Record<string, unknown>;
  return setAt(value, parentPath, rest);
}

/** JSON Pointer of a path (findings name places this way). */
export function pointerOf(path: Path): string {
  return path.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}
