import { type Action, cancelTimer, complete, nothing, type Plan, send, startTimer } from '../../engine/kit';
import type { NodeId } from '../../engine/types';
import { registerOps } from '../shared/registerOps';
import type { ClientContext, ClientEvent, PbRequest, PendingOp } from './types';

type Ctx = ClientContext;

const TIMER = 'clientTimeout';

/**
 * A client's rules (spec §1.5; DDIA ch. 5, failover step 3: "clients now need to send their write requests to
 * the new leader"). It sends each operation to the server the request names, else to the primary it believes
 * in; a backup's NotPrimary names the primary it follows, and the client tries that one; a NewPrimary moves it
 * to the new primary. An answer completes the operation: `ok` (with a read's value), `fail` where no server
 * took it (a cas that found another value, NotPrimary with nowhere to go), `info` after `clientTimeoutMs`
 * without an answer: the write may or may not be in some log (Jepsen's indeterminate result).
 */
export function clientStep(ctx: Ctx, event: ClientEvent): Plan<Ctx> {
  switch (event.type) {
    case 'invoke':
      return invoke(ctx, event.op, event.command, event.node);
    case 'NewPrimary':
      return event.epoch > ctx.epoch
        ? { changes: { primary: event.from, epoch: event.epoch }, actions: [] }
        : nothing();
    case 'clientTimeout': {
      const open = ctx.pending.find((p) => p.op === event.op);
      if (!open) return nothing();
      // No answer: the server it tried may be down; the next operation tries the next server.
      const primary = open.server === ctx.primary ? nextServer(ctx, ctx.primary) : ctx.primary;
      return { changes: { pending: without(ctx, open), primary }, actions: [complete(event.op, 'info')] };
    }
    default: {
      const open = ctx.pending.find((p) => p.op === event.op && p.server === event.from);
      // An answer after the timeout (the op already completed `info`), or from a server it has left.
      if (!open) return nothing();
      const done = (action: Action, changes: Partial<Ctx> = {}): Plan<Ctx> => ({
        changes: { ...changes, pending: without(ctx, open) },
        actions: [cancelTimer(TIMER, String(event.op)), action],
      });
      switch (event.type) {
        case 'ReadOk':
          return done(complete(event.op, 'ok', event.value), { primary: event.from });
        case 'WriteOk':
        case 'CasOk':
          return done(complete(event.op, 'ok'), { primary: event.from });
        case 'CasFail':
          return done(complete(event.op, 'fail'), { primary: event.from });
        case 'NotPrimary': {
          const hint = event.primaryId;
          // The backup did not take it: try the primary it names, a few hops at most; else nothing took it.
          if (hint === null || hint === event.from || open.hops >= ctx.servers.length)
            return done(complete(event.op, 'fail'));
          const moved: PendingOp = { ...open, server: hint, hops: open.hops + 1 };
          return {
            changes: { primary: hint, pending: ctx.pending.map((p) => (p === open ? moved : p)) },
            actions: [send(hint, open.request)],
          };
        }
        default:
          return event satisfies never;
      }
    }
  }
}

const without = (ctx: Ctx, open: PendingOp) => ctx.pending.filter((p) => p !== open);

function nextServer(ctx: Ctx, server: NodeId): NodeId {
  const i = ctx.servers.indexOf(server);
  return ctx.servers[(i + 1) % ctx.servers.length] ?? server;
}

function invoke(ctx: Ctx, op: number, command: string, node: NodeId | undefined): Plan<Ctx> {
  const operation = registerOps.parse(command);
  // The engine hands only commands the scenario parser accepted.
  if (!operation) throw new Error(`${ctx.id}: ${command} is not a register operation`);
  const [a, b] = operation.args as number[];
  const request: PbRequest =
    operation.name === 'read'
      ? { type: 'Read', op, key: operation.key }
      : operation.name === 'write'
        ? { type: 'Write', op, key: operation.key, value: a as number }
        : { type: 'Cas', op, key: operation.key, expected: a as number, value: b as number };
  const server = node ?? ctx.primary;
  const timeout = { type: TIMER, op };
  return {
    changes: { pending: [...ctx.pending, { op, command, server, request, hops: 0 }] },
    actions: [send(server, request), startTimer(TIMER, ctx.config.clientTimeoutMs, timeout, String(op))],
  };
}
