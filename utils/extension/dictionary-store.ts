/**
 * A copy of the dictionary's file in IndexedDB, so that a restarted worker does not read the file from the
 * extension's package again: Chrome stops an idle extension worker after 30 seconds, and the worker reads the
 * file from the package slower than it reads the copy back (BENCHMARKS.md). The copy carries the version of the
 * dictionary it was made from, a hash the build writes beside the file, so that an update never reads an old copy.
 *
 * The bytes are kept as a Blob: Chromium keeps so large a value in a file of its own either way, and a Blob's bytes
 * are read straight from that file, where an ArrayBuffer or string value would be read and then deserialised (a
 * restarted worker read the text as a Blob in 51 ms against 73 ms as a string, medians of 10 in one interleaved run).
 * A copy an earlier version stored is not this shape, or not this version: the worker reads the package once and
 * stores its own.
 */
const DATABASE = 'parallax';
const STORE = 'dictionary';
const KEY = 'cedict';

interface StoredDictionary {
  version: string;
  file: Blob;
}

function opened(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened.'));
  });
}

function isStoredDictionary(value: unknown): value is StoredDictionary {
  const record = value as Partial<StoredDictionary> | undefined;
  return typeof record?.version === 'string' && record.file instanceof Blob;
}

/**
 * The stored bytes of this version of the dictionary; null when there is none, or only another version's. The version
 * is awaited only once the record has been read, so that the two are looked up at the same time.
 */
export async function readStoredDictionary(version: Promise<string>): Promise<Uint8Array<ArrayBuffer> | null> {
  const database = await opened();
  try {
    const stored = await new Promise<unknown>((resolve, reject) => {
      const request = database.transaction(STORE).objectStore(STORE).get(KEY);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('The stored dictionary could not be read.'));
    });
    return isStoredDictionary(stored) && stored.version === (await version) ? new Uint8Array(await stored.file.arrayBuffer()) : null;
  } finally {
    database.close();
  }
}

/** Keeps this version's bytes in place of any earlier copy. */
export async function storeDictionary(version: string, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
  const database = await opened();
  try {
    const transaction = database.transaction(STORE, 'readwrite');
    transaction.objectStore(STORE).put({ version, file: new Blob([bytes], { type: 'application/octet-stream' }) } satisfies StoredDictionary, KEY);
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error ?? new Error('The dictionary could not be stored.'));
      transaction.onabort = () => reject(transaction.error ?? new Error('Storing the dictionary was aborted.'));
    });
  } finally {
    database.close();
  }
}
