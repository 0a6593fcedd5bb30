/** Writes a fixture page into the test's document (happy-dom), as the browser would parse it. */
import { readFileSync } from 'node:fs';

export function loadPage(file: string): void {
  document.open();
  // Style sheets are left out: happy-dom would try to fetch them, and the reader does not use them.
  document.write(readFileSync(file, 'utf8').replace(/<link [^>]*>/g, ''));
  document.close();
}
