import type { PauseCheck, PauseScene } from '../../engine/protocol';
import type { RaftContext } from './types';

/*
 * What each Raft preset's captions and questions say at its pause points, as facts about the run
 * (src/app/pauseChecks.test.ts plays every preset as the app does and checks them there).
 */

type Scene = PauseScene<RaftContext>;
type Check = PauseCheck<RaftContext>;

const up = (s: Scene) => s.nodes.filter((n) => n.isUp).map((n) => n.context);
const ctx = (s: Scene, id: string) => s.nodes.find((n) => n.id === id)?.context;
const isUp = (s: Scene, id: string) => s.nodes.find((n) => n.id === id)?.isUp ?? false;
const leaders = (s: Scene) => up(s).filter((c) => c.role === 'leader');
const holds = (c: RaftContext | undefined, command: string) => !!c?.log.some((e) => e.command === command);
const majority = (s: Scene) => Math.floor(s.nodes.length / 2) + 1;
const storedOn = (s: Scene, command: string) => s.nodes.filter((n) => holds(n.context, command)).length;
const isCommittedOn = (c: RaftContext | undefined, command: string) =>
  !!c && c.log.slice(0, c.commitIndex).some((e) => e.command === command);

/** Exactly one up server leads, and every up server is in its term. */
const oneLeaderAllFollow = (s: Scene) => {
  const [leader, ...others] = leaders(s);
  return !!leader && others.length === 0 && up(s).every((c) => c.term === leader.term);
};

const check = (at: number, says: string, fact: (s: Scene) => boolean): Check => ({ at, says, holds: fact });

export const raftPauseChecks: Readonly<Record<string, readonly Check[]>> = {
  lecture: [
    check(0, 'every server is a follower in term 0', (s) => up(s).every((c) => c.role === 'follower' && c.term === 0)),
    check(400, 'exactly one leader, with every server in its term', oneLeaderAllFollow),
    check(1100, 'the leader has committed x=1, stored on a majority', (s) => {
      const [leader] = leaders(s);
      return isCommittedOn(leader, 'x=1') && storedOn(s, 'x=1') >= majority(s);
    }),
    check(2600, 'the old leader is down; exactly one new leader, in a higher term, holding x=1', (s) => {
      const [leader, ...others] = leaders(s);
      const old = s.nodes.find((n) => !n.isUp)?.context;
      return !!leader && others.length === 0 && !!old && leader.term > old.term && holds(leader, 'x=1');
    }),
    check(4000, 'the cut-off leader holds y=2 and has not committed it', (s) => {
      const stale = leaders(s).find((c) => holds(c, 'y=2'));
      return !!stale && !isCommittedOn(stale, 'y=2');
    }),
    check(6300, 'one leader again: every server holds x=1 and z=3, none holds y=2', (s) => {
      const all = up(s);
      return (
        oneLeaderAllFollow(s) &&
        all.every((c) => holds(c, 'x=1') && holds(c, 'z=3') && !holds(c, 'y=2')) &&
        all.every((c) => isCommittedOn(c, 'z=3'))
      );
    }),
  ],
  'leader-crash': [
    check(1500, 'the leader is down and no server that is up leads', (s) => {
      const down = s.nodes.filter((n) => !n.isUp);
      return down.length === 1 && down[0]?.context.role === 'leader' && leaders(s).length === 0;
    }),
  ],
  'split-vote': [
    check(150, 'two candidates with two votes each, and no leader', (s) => {
      const candidates = up(s).filter((c) => c.role === 'candidate');
      return leaders(s).length === 0 && candidates.length === 2 && candidates.every((c) => c.votes.length === 2);
    }),
  ],
  'stale-leader': [
    check(2800, 'two servers believe they lead, the old one in a lower term', (s) => {
      const terms = leaders(s).map((c) => c.term);
      return terms.length === 2 && terms[0] !== terms[1];
    }),
  ],
  'figure-7': [
    check(100, 'the leader of term 8 leads; the followers still have their different logs', (s) => {
      const [leader] = leaders(s);
      const differ = up(s).filter((c) => c.role !== 'leader' && JSON.stringify(c.log) !== JSON.stringify(leader?.log));
      return leaders(s).length === 1 && leader?.term === 8 && differ.length >= 5;
    }),
  ],
  'figure-8': [
    check(300, 'entry 2 (b) is on a majority and not committed', (s) => {
      const s1 = ctx(s, 's1');
      return storedOn(s, 'b') >= majority(s) && s1?.role === 'leader' && s1.commitIndex < 2;
    }),
  ],
  'figure-8-bug': [
    check(300, 's1 leads and counts entry 2 (b), on a majority, as committed', (s) => {
      const s1 = ctx(s, 's1');
      return storedOn(s, 'b') >= majority(s) && s1?.role === 'leader' && isCommittedOn(s1, 'b');
    }),
  ],
  'disruptive-rejoin': [
    check(2500, 'the leader still leads in term 1 while the rejoining server stands in a higher term', (s) => {
      const [leader] = leaders(s);
      return leaders(s).length === 1 && leader?.term === 1 && up(s).some((c) => c.term > 1);
    }),
  ],
  'prevote-rejoin': [
    check(2500, 'the leader leads in term 1 and no server has raised its term', (s) => {
      return leaders(s).length === 1 && up(s).every((c) => c.term === 1) && isUp(s, 'n2');
    }),
  ],
};
