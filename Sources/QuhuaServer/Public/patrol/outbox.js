// The patrol outbox: every recorded patrol is kept in the browser (IndexedDB) first and sent
// from there, so nothing recorded without a connection is lost, and a patrol is sent with the
// client id it was given when it was recorded: the server answers a second delivery of the same
// id with the patrol it already has, so a retry after a lost answer never duplicates it.

const DB_NAME = 'quhua-patrol';
const STORE = 'outbox';

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'clientId' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function transact(mode, body) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const result = body(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(result.result ?? result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** A random RFC 4122 version 4 UUID; crypto.randomUUID needs a secure context, this does not. */
export function newClientId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Keeps a patrol body to send: { clientId, createdAt, body, state: 'waiting' }. */
export function keep(body) {
  const entry = { clientId: body.clientId, createdAt: new Date().toISOString(), body, state: 'waiting' };
  return transact('readwrite', (store) => store.put(entry)).then(() => entry);
}

export function all() {
  return transact('readonly', (store) => store.getAll());
}

export function update(entry) {
  return transact('readwrite', (store) => store.put(entry));
}

export function remove(clientId) {
  return transact('readwrite', (store) => store.delete(clientId));
}

let sending = null;

/**
 * Sends every waiting entry, oldest first, with `post(body)`; one run at a time.
 *
 * `post` resolves with the server's answer, or throws { status, problem } for an HTTP error and
 * anything else when the network is down. A 2xx marks the entry sent; 401/403 (a token
 * problem) and network failures leave it waiting; any other 4xx marks it refused with the
 * server's reason (kept for the patroller to read, never resent). Resolves with the counts.
 */
export function sendWaiting(post) {
  if (sending) return sending;
  sending = (async () => {
    const counts = { sent: 0, refused: 0, waiting: 0, offline: false };
    const entries = (await all()).filter((e) => e.state === 'waiting').sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    for (const entry of entries) {
      try {
        const answer = await post(entry.body);
        entry.state = 'sent';
        entry.sentAt = new Date().toISOString();
        entry.patrolId = answer?.patrol?.id ?? null;
        entry.duplicate = Boolean(answer?.duplicate);
        await update(entry);
        counts.sent += 1;
      } catch (error) {
        if (error && typeof error.status === 'number' && error.status >= 400 && error.status < 500
            && error.status !== 401 && error.status !== 403 && error.status !== 408 && error.status !== 429) {
          entry.state = 'refused';
          entry.error = error.message;
          await update(entry);
          counts.refused += 1;
        } else {
          entry.error = error?.message || String(error);
          await update(entry);
          counts.waiting += 1;
          counts.offline = !(error && typeof error.status === 'number');
          if (counts.offline) break;   // no connection: the rest waits for the next try
        }
      }
    }
    return counts;
  })().finally(() => { sending = null; });
  return sending;
}
