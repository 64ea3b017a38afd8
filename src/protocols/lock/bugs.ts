import type { BugInfo } from '../../engine/protocol';

export const lockBugs: readonly BugInfo[] = [
  {
    id: 'no-fencing',
    title: 'The storage ignores fencing tokens',
    explanation:
      'The storage takes every write, whatever its token. A client that paused (a GC pause, a VM freeze) past its ' +
      'lease wakes up still believing it holds the lock and writes, after the service granted the lock to another ' +
      'client who wrote with a higher token: the stale write overwrites the new one. Kleppmann (2016): the client ' +
      'cannot know it paused, so only the storage can refuse the write, by checking the token.',
    breaks: ['fenced-writes'],
  },
  {
    id: 'redlock-ignores-elapsed',
    title: 'Redlock takes the whole TTL as its validity',
    explanation:
      'The client takes the lock for the whole TTL, forgetting the time it spent acquiring it and the allowance ' +
      'for clock drift (redis.io step 3: validity = TTL - elapsed - drift). A client that paused while acquiring ' +
      'believes it holds the lock long after the masters expired its keys and granted them to another client.',
    breaks: ['mutual-exclusion'],
  },
];
