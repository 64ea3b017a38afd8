import { splitRecordedState } from '../../../engine/recordedState';
import type { NodeId, TraceRecord } from '../../../engine/types';
import { ballotText, compareBallots, majorityOf, sameBallot } from '../../../protocols/paxos/ballot';
import type { Ballot, PaxosView } from '../../../protocols/paxos/types';

/**
 * What the Paxos panel tells beyond the nodes' views now, derived from the trace up to now (pure, so it is
 * tested without a page): every ballot in which some acceptor accepted a proposal, the acceptors that ever
 * accepted it, and whether (and when) a majority did, which is when its value was chosen ("Paxos Made
 * Simple" §2.2). An acceptor's view shows only its latest proposal, so the majority that chose a value may no
 * longer be visible in the views; the trace remembers it.
 */
export interface BallotStory {
  readonly ballot: Ballot;
  readonly value: string;
  /** Acceptors that accepted this proposal, in the order they did. */
  readonly by: readonly NodeId[];
  /** When a majority had accepted it, or null if none has (yet). */
  readonly chosenAt: number | null;
  /** The majority that chose it: the first acceptors to make one. */
  readonly majority: readonly NodeId[];
}

export interface PaxosStory {
  /** Ballots with at least one acceptance, lowest first. */
  readonly ballots: readonly BallotStory[];
  /** The first ballot to reach a majority (a correct run never has a second value). */
  readonly chosen: BallotStory | null;
  /** Values chosen by a majority, in the order they were: more than one only under a bug. */
  readonly values: readonly string[];
}

export function paxosStory(records: readonly TraceRecord[], length: number, nodes: readonly NodeId[]): PaxosStory {
  const need = majorityOf(nodes.length);
  const ballots: { ballot: Ballot; value: string; by: NodeId[]; chosenAt: number | null; majority: NodeId[] }[] = [];
  const last = new Map<NodeId, Ballot | null>();
  for (let i = 0; i < length; i++) {
    const r = records[i];
    if (r?.kind !== 'state') continue;
    const { view } = splitRecordedState(r.state);
    const accepted = (view as PaxosView).accepted ?? null;
    if (accepted === null || sameBallot(accepted.ballot, last.get(r.node) ?? null)) continue;
    last.set(r.node, accepted.ballot);
    let b = ballots.find((x) => sameBallot(x.ballot, accepted.ballot));
    if (!b) {
      b = { ballot: accepted.ballot, value: accepted.value, by: [], chosenAt: null, majority: [] };
      ballots.push(b);
    }
    if (b.by.includes(r.node)) continue;
    b.by.push(r.node);
    if (b.by.length === need) {
      b.chosenAt = r.t;
      b.majority = [...b.by];
    }
  }
  ballots.sort((a, b) => compareBallots(a.ballot, b.ballot, nodes));
  const byTime = ballots.filter((b) => b.chosenAt !== null).sort((a, b) => (a.chosenAt ?? 0) - (b.chosenAt ?? 0));
  const values: string[] = [];
  for (const b of byTime) if (!values.includes(b.value)) values.push(b.value);
  return { ballots, chosen: byTime[0] ?? null, values };
}

/** The chosen value in words, for the panel's headline and a screen reader. */
export function chosenWords(story: PaxosStory): string {
  const c = story.chosen;
  if (c === null) return 'Nothing is chosen yet: no ballot has been accepted by a majority.';
  const head = `Chosen: ${c.value}, accepted at ${ballotText(c.ballot)} by ${c.majority.join(', ')}`;
  if (story.values.length > 1) return `${head}. Then also ${story.values.slice(1).join(', ')}: two values chosen.`;
  return `${head} (a majority) at ${(Number(c.chosenAt) / 1000).toFixed(2)} s.`;
}
