// Local authorization: the Authorization Cache and the Local Authorization List, shared by
// the 1.6 and 2.x models (entries keyed by the token text; 2.x keys add the token type).
//
// OCPP 1.6 §3.5.1 (cache: every IdTagInfo received updates it; expired entries turn
// Expired; when full, drop not-valid entries first, then the oldest valid), §3.5.2 (list:
// only SendLocalList changes it), §3.5.3 (tokens in the list are not cached; the list wins);
// 2.0.1 Part 2 C10–C14, D01.

export interface AuthEntry {
  /** 1.6 AuthorizationStatus / 2.x AuthorizationStatusEnumType. */
  status: string;
  /** Wall-clock expiry (ms since epoch). */
  expiresAt?: number;
  /** 1.6 parentIdTag / 2.x groupIdToken.idToken. */
  parent?: string;
}

/** A usable local answer: the entry as it stands now (expired turned into Expired). */
function current(entry: AuthEntry, now: number): AuthEntry {
  if (entry.status === 'Accepted' && entry.expiresAt !== undefined && entry.expiresAt <= now) return { ...entry, status: 'Expired' };
  return entry;
}

export class AuthCache {
  private readonly entries = new Map<string, AuthEntry & { updated: number }>();

  constructor(private readonly capacity = 100) {}

  get size(): number {
    return this.entries.size;
  }

  get(token: string, now: number): AuthEntry | undefined {
    const e = this.entries.get(token);
    if (e === undefined) return undefined;
    const c = current(e, now);
    if (c.status !== e.status) this.entries.set(token, { ...c, updated: e.updated });
    return c;
  }

  set(token: string, entry: AuthEntry, now: number): void {
    this.entries.delete(token);
    if (this.entries.size >= this.capacity) this.evict(now);
    this.entries.set(token, { ...entry, updated: now });
  }

  delete(token: string): void {
    this.entries.delete(token);
  }

  clear(): void {
    this.entries.clear();
  }

  private evict(now: number): void {
    for (const [token, e] of this.entries) {
      if (current(e, now).status !== 'Accepted') {
        this.entries.delete(token);
        return;
      }
    }
    const oldest = [...this.entries.entries()].sort((a, b) => a[1].updated - b[1].updated)[0];
    if (oldest !== undefined) this.entries.delete(oldest[0]);
  }
}

export class LocalAuthList {
  version = 0;
  private entries = new Map<string, AuthEntry>();

  get size(): number {
    return this.entries.size;
  }

  get(token: string, now: number): AuthEntry | undefined {
    const e = this.entries.get(token);
    return e === undefined ? undefined : current(e, now);
  }

  has(token: string): boolean {
    return this.entries.has(token);
  }

  /** Full update: the list becomes exactly `entries`. */
  replace(version: number, entries: Array<[string, AuthEntry]>): void {
    this.entries = new Map(entries);
    this.version = version;
  }

  /** Differential update: entries with an AuthEntry are added or updated, without one deleted. */
  apply(version: number, updates: Array<[string, AuthEntry | undefined]>): void {
    for (const [token, entry] of updates) {
      if (entry === undefined) this.entries.delete(token);
      else this.entries.set(token, entry);
    }
    this.version = version;
  }

  /** Size the list would have after a differential update. */
  sizeAfter(updates: Array<[string, AuthEntry | undefined]>): number {
    const tokens = new Set(this.entries.keys());
    for (const [token, entry] of updates) {
      if (entry === undefined) tokens.delete(token);
      else tokens.add(token);
    }
    return tokens.size;
  }
}

export interface LocalLookup {
  source: 'list' | 'cache';
  entry: AuthEntry;
}

/** What the list (first) or the cache say about a token, if anything (§3.5.3: the list wins). */
export function lookUpLocally(token: string, options: { list: LocalAuthList; listEnabled: boolean; cache: AuthCache; cacheEnabled: boolean; now: number }): LocalLookup | undefined {
  if (options.listEnabled) {
    const e = options.list.get(token, options.now);
    if (e !== undefined) return { source: 'list', entry: e };
  }
  if (options.cacheEnabled) {
    const e = options.cache.get(token, options.now);
    if (e !== undefined) return { source: 'cache', entry: e };
  }
  return undefined;
}
