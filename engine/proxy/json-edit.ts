// Payload edits for fault rules: paths as JSON Pointers (RFC 6901) or dotted paths, and
// JSON Merge Patch (RFC 7396). Values from a rule are cloned, never shared with frames.

/** Splits a path: `''` is the root, `/a/0/b~1c` a JSON Pointer, `a.0.b` a dotted path. */
export function parsePath(path: string): string[] {
  if (path === '') return [];
  if (path.startsWith('/')) {
    return path
      .slice(1)
      .split('/')
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  }
  const segments = path.split('.');
  if (segments.some((s) => s === '')) throw new Error(`"${path}" is not a path (use a JSON Pointer like /a/0/b or a dotted path like a.0.b)`);
  return segments;
}

type Container = Record<string, unknown> | unknown[];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function child(container: Container, key: string): unknown {
  if (Array.isArray(container)) return container[index(container, key)];
  return container[key];
}

function index(array: unknown[], key: string): number {
  if (key === '-') return array.length;
  const i = Number(key);
  return Number.isInteger(i) && i >= 0 ? i : array.length;
}

function put(container: Container, key: string, value: unknown): void {
  if (Array.isArray(container)) {
    const i = index(container, key);
    // Never leave holes: an index past the end appends.
    container[Math.min(i, container.length)] = value;
  } else {
    container[key] = value;
  }
}

/** Walks to the parent of the last segment, creating objects where nothing (or a non-container) is. */
function parentOf(root: Container, segments: string[]): Container {
  let node: Container = root;
  for (const key of segments.slice(0, -1)) {
    const next = child(node, key);
    if (typeof next === 'object' && next !== null) {
      node = next as Container;
    } else {
      const created: Record<string, unknown> = {};
      put(node, key, created);
      node = created;
    }
  }
  return node;
}

/** Sets the value at `path` and returns the (possibly new) root. */
export function setAt(root: unknown, path: string, value: unknown): unknown {
  const segments = parsePath(path);
  if (segments.length === 0) return clone(value);
  const base: Container = typeof root === 'object' && root !== null ? (root as Container) : {};
  put(parentOf(base, segments), segments.at(-1)!, clone(value));
  return base;
}

/** RFC 7396: objects merge member by member, `null` removes a member, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return clone(patch);
  const result: Record<string, unknown> = isObject(target) ? target : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

/** Merges `patch` into the value at `path` and returns the (possibly new) root. */
export function mergeAt(root: unknown, path: string, patch: unknown): unknown {
  const segments = parsePath(path);
  if (segments.length === 0) return mergePatch(root, patch);
  const base: Container = typeof root === 'object' && root !== null ? (root as Container) : {};
  const parent = parentOf(base, segments);
  const key = segments.at(-1)!;
  put(parent, key, mergePatch(child(parent, key), patch));
  return base;
}
