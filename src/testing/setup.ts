import { loadEverything } from '../protocols';

// The unit tests' setup (vitest.config.ts): every protocol and preset loaded before a test runs, as the
// app does before it builds a store, so tests and their helpers stay synchronous.
await loadEverything();
