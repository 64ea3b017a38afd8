import type { Protocol } from '../../engine/protocol';
import { twoPcBugs } from './bugs';
import { twoPcConfigSchema, twoPcRefs } from './config';
import { liveCoordinator, twoPcFace } from './face';
import { twoPcInvariants, twoPcMonitor } from './invariants';
import { twoPcMachine } from './machine';
import { twoPcManifest } from './manifest';
import { twoPcPauseChecks } from './pauseChecks';
import { twoPcSeries } from './series';
import type { TwoPcConfig, TwoPcContext, TwoPcPersistent } from './types';
import { describeTwoPcMessage, twoPcMilestones, twoPcView } from './view';

export const twoPhaseCommit: Protocol<TwoPcConfig, TwoPcContext> = {
  id: '2pc',
  // Said once, in the light descriptor the Library reads.
  title: twoPcManifest.title,
  summary: twoPcManifest.summary,
  configSchema: twoPcConfigSchema,
  refs: twoPcRefs,
  machine: twoPcMachine,
  persistent(ctx): TwoPcPersistent {
    if (ctx.role === 'coordinator') return { role: 'coordinator', log: ctx.log };
    // A transaction still `working` has promised nothing; its work is lost with the crash.
    let log = ctx.transactions;
    for (const [tx, t] of ctx.transactions) if (t.state === 'working') log = log.delete(tx);
    return { role: 'participant', log };
  },
  view: (ctx) => twoPcView(ctx),
  describeMessage: describeTwoPcMessage,
  milestones: twoPcMilestones,
  entryPoint: liveCoordinator,
  invariants: twoPcInvariants,
  // The swarm fuzzer's runs vary who votes no and how tight the timers are (a short vote timeout races the votes).
  // The draws are the same for every cluster size, so a seed's run does not depend on whether n3 exists;
  // a no vote by a node the cluster lacks is left out (it would name no node).
  fuzzConfig: (rng, nodes) => {
    const noVote = rng.chance(0.5) ? { node: `n${rng.int(2, 3)}`, tx: `t${rng.int(1, 8)}` } : null;
    return {
      noVotes: noVote && nodes.includes(noVote.node) ? [`${noVote.node}:${noVote.tx}`] : [],
      voteTimeoutMs: rng.pick([100, 500]),
      retryMs: rng.pick([50, 200]),
    };
  },
  monitor: twoPcMonitor as Protocol<TwoPcConfig, TwoPcContext>['monitor'],
  bugs: twoPcBugs,
  face: twoPcFace,
  pauseChecks: twoPcPauseChecks,
  series: twoPcSeries,
};
