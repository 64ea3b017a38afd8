import twoPcCommitted from './2pc/presets/committed.json';
import twoPcCoordinatorCrashBlocks from './2pc/presets/coordinator-crash-blocks.json';
import twoPcParticipantDecidesAlone from './2pc/presets/participant-decides-alone.json';
import twoPcParticipantVotesNo from './2pc/presets/participant-votes-no.json';
import raftDisruptiveRejoin from './raft/presets/disruptive-rejoin.json';
import raftFigure7 from './raft/presets/figure-7.json';
import raftFigure8 from './raft/presets/figure-8.json';
import raftFigure8Bug from './raft/presets/figure-8-bug.json';
import raftFirstElection from './raft/presets/first-election.json';
import raftLeaderCrash from './raft/presets/leader-crash.json';
import raftLecture from './raft/presets/lecture.json';
import raftMinorityPartition from './raft/presets/minority-partition.json';
import raftPrevoteRejoin from './raft/presets/prevote-rejoin.json';
import raftSplitVote from './raft/presets/split-vote.json';
import raftStaleLeader from './raft/presets/stale-leader.json';

/** A shipped scenario: the library's entries, the tests' fixtures. `file` is a scenario file as JSON. */
export interface Preset {
  /** `<protocol>/<name>`, stable: links and course material may name it. */
  readonly id: string;
  readonly protocol: string;
  readonly file: unknown;
}

export const presets: readonly Preset[] = [
  { id: 'raft/first-election', protocol: 'raft', file: raftFirstElection },
  { id: 'raft/lecture', protocol: 'raft', file: raftLecture },
  { id: 'raft/leader-crash', protocol: 'raft', file: raftLeaderCrash },
  { id: 'raft/split-vote', protocol: 'raft', file: raftSplitVote },
  { id: 'raft/minority-partition', protocol: 'raft', file: raftMinorityPartition },
  { id: 'raft/stale-leader', protocol: 'raft', file: raftStaleLeader },
  { id: 'raft/figure-7', protocol: 'raft', file: raftFigure7 },
  { id: 'raft/figure-8', protocol: 'raft', file: raftFigure8 },
  { id: 'raft/figure-8-bug', protocol: 'raft', file: raftFigure8Bug },
  { id: 'raft/disruptive-rejoin', protocol: 'raft', file: raftDisruptiveRejoin },
  { id: 'raft/prevote-rejoin', protocol: 'raft', file: raftPrevoteRejoin },
  { id: '2pc/committed', protocol: '2pc', file: twoPcCommitted },
  { id: '2pc/participant-votes-no', protocol: '2pc', file: twoPcParticipantVotesNo },
  { id: '2pc/coordinator-crash-blocks', protocol: '2pc', file: twoPcCoordinatorCrashBlocks },
  { id: '2pc/participant-decides-alone', protocol: '2pc', file: twoPcParticipantDecidesAlone },
];

export const DEFAULT_PRESET = 'raft/first-election';

export function getPreset(id: string): Preset | undefined {
  return presets.find((p) => p.id === id);
}
