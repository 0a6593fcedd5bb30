/**
 * A copy of the dictionary's text in IndexedDB, so that a restarted worker does not read the file from the
 * extension's package again: Chrome stops an idle extension worker after 30 seconds, and the worker reads the
 * 2.6 MB file slower than it reads the copy back (BENCHMARKS.md). The copy carries the version of the
 * dictionary it was made from, a hash the build writes beside the file, so that an update never reads an old copy.
 *
 * The text is kept as a Blob: Chromium keeps so large a value in a file of its own either way, and a string has
 * then to be read from it and deserialised, where a Blob's text is read straight from the file (a restarted
 * worker read it back in 51 ms against 73 ms for the string, medians of 10 in one interleaved run). A copy a
 * previous version stored as a string is not this shape: the worker reads the package once and stores a Blob.
 */
const DATABASE = 'parallax';
const STORE = 'dictionary';
const KEY = 'cedict';

interface StoredDictionary {
  version: string;
  text: Blob;
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
  return typeof record?.version === 'string' && record.text instanceof Blob;
}

/**
 * The stored text of this version of the dictionary; null when there is none, or only another version's. The version
 * is awaited only once the record has been read, so that the two are looked up at the same time.
 */
export async function readStoredDictionary(version: Promise<string>): Promise<string | null> {
  const database = await opened();
  try {
    const stored = await new Promise<unknown>((resolve, reject) => {
      const request = database.transaction(STORE).objectStore(STORE).get(KEY);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('The stored dictionary could not be read.'));
    });
    return isStoredDictionary(stored) && stored.version === (await version) ? await stored.text.text() : null;
  } finally {
    database.close();
  }
}

/** Keeps this version's text in place of any earlier copy. */
export async function storeDictionary(version: string, text: string): Promise<void> {
  const database = await opened();
  try {
    const transaction = database.transaction(STORE, 'readwrite');
    transaction.objectStore(STORE).put({ version, text: new Blob([text], { type: 'text/plain' }) } satisfies StoredDictionary, KEY);
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error ?? new Error('The dictionary could not be stored.'));
      transaction.onabort = () => reject(transaction.error ?? new Error('Storing the dictionary was aborted.'));
    });
  } finally {
    database.close();
  }
}
