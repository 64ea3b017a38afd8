import type { z } from 'zod';
import { MAX_ECHO_CHARS, quote } from '../engine/quote';

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/**
 * `events[3].node` from ['events', 3, 'node']; a key that is not a plain name is quoted: `config["a b"]`, and
 * a long one is cut with its length: `config["aaaa…" (5000 characters)]`.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && key.length <= MAX_ECHO_CHARS && PLAIN_KEY.test(key))
      out += out === '' ? key : `.${key}`;
    else out += `[${quote(String(key), JSON.stringify)}]`;
  }
  return out;
}

/** One line per problem, each naming the field and the reason: `events[3].at: must be at least 0`. */
export function describeIssues(error: z.ZodError, prefix: readonly PropertyKey[] = []): string[] {
  const lines: string[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) lines.push(`${formatPath([...prefix, ...issue.path, key])}: unknown field`);
      continue;
    }
    if (issue.code === 'invalid_union' && 'errors' in issue && issue.errors.length > 0 && !issue.message) continue;
    const where = formatPath([...prefix, ...issue.path]);
    lines.push(`${where === '' ? '(file)' : where}: ${issue.message}`);
  }
  return lines;
}
