/// <reference lib="webworker" />
import { playWholeRun, type WholeRunRequest } from './wholeRun';

/**
 * Plays the whole run off the main thread (DESIGN.md, "Performance budget"): file text in; progress,
 * then the markers of the whole run, its trace hash and how far it went, out. A newer request replaces
 * the one in progress at the next slice.
 */
let latest: WholeRunRequest | null = null;
let isRunning = false;

self.onmessage = (event: MessageEvent<WholeRunRequest>) => {
  latest = event.data;
  if (!isRunning) void run();
};

async function run(): Promise<void> {
  isRunning = true;
  while (latest) {
    const request = latest;
    latest = null;
    for (const reply of playWholeRun(request)) {
      self.postMessage(reply);
      // Let a newer request in between slices.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (latest) break;
    }
  }
  isRunning = false;
}
