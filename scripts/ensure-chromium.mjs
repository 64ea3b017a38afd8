#!/usr/bin/env node
// The browser tests drive Debian's Chromium (a downloaded browser cannot be fetched here). On a machine
// without it, install it when we may (root, with apt-get), else stop at once with the one command that fixes it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
if (existsSync(CHROMIUM)) process.exit(0);

const fix = 'sudo apt-get update && sudo apt-get install -y chromium';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!isRoot || !hasApt) {
  console.error(`The browser tests need Debian's Chromium at ${CHROMIUM}, and it is not installed.`);
  console.error(hasApt ? `Install it with: ${fix}` : 'Install Chromium so that /usr/bin/chromium exists.');
  process.exit(1);
}
console.error("Chromium is not installed: installing Debian's package (once) for the browser tests...");
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
try {
  execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--reinstall', 'chromium'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
} catch {
  console.error(`Installing Chromium failed. Try by hand: ${fix}`);
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`apt-get finished but ${CHROMIUM} is still missing.`);
  process.exit(1);
}
