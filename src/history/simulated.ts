import type { HistoryEntry, OpResult } from '../engine/clients';

/**
 * A history of an atomic register under load, for the benchmark and tests: `clients` clients, each running one
 * op at a time (Jepsen's single-threaded process) with overlapping intervals across clients; every op takes
 * effect at a point inside its interval, so the history is linearizable. One op in `infoEvery` ends unknown
 * (half of them having taken effect). Deterministic: a seeded LCG (Knuth's MMIX constants), no Math.random.
 */
export function simulatedRegisterHistory(count: number, clients: number, seed = 1, infoEvery = 25): HistoryEntry[] {
  let s = BigInt(seed);
  const next = (): number => {
    s = (s * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn;
    return Number(s >> 33n) / 2 ** 31;
  };
  const freeAt = new Array<number>(clients).fill(0);
  const raw: {
    client: number;
    command: string;
    invokeAt: number;
    completeAt: number;
    effectAt: number;
    info: boolean;
  }[] = [];
  let seq = 0;
  for (let i = 0; i < count; i++) {
    const client = i % clients;
    const invokeAt = (freeAt[client] as number) + Math.floor(next() * 20);
    const completeAt = invokeAt + 1 + Math.floor(next() * 40);
    freeAt[client] = completeAt + 1;
    const draw = next();
    const command =
      draw < 0.5 ? 'read x' : draw < 0.85 ? `write x ${++seq}` : `cas x ${Math.floor(next() * seq)} ${++seq}`;
    const info = i % infoEvery === infoEvery - 1;
    raw.push({ client, command, invokeAt, completeAt, effectAt: invokeAt + next() * (completeAt - invokeAt), info });
  }
  let state: number | null = null;
  const outcome = new Map<number, { result: OpResult; value: number | null }>();
  const order = raw.map((_, i) => i).sort((a, b) => (raw[a]?.effectAt ?? 0) - (raw[b]?.effectAt ?? 0));
  for (const i of order) {
    const op = raw[i] as (typeof raw)[number];
    const [name, , a, b] = op.command.split(' ');
    // An unknown op takes effect half the time.
    const takesEffect = !op.info || i % 2 === 0;
    if (name === 'read') outcome.set(i, { result: op.info ? 'info' : 'ok', value: state });
    else if (name === 'write') {
      if (takesEffect) state = Number(a);
      outcome.set(i, { result: op.info ? 'info' : 'ok', value: null });
    } else {
      const holds = state === Number(a);
      if (holds && takesEffect) state = Number(b);
      outcome.set(i, { result: op.info ? 'info' : holds ? 'ok' : 'fail', value: null });
    }
  }
  return raw
    .map((op, i) => ({ op, i }))
    .sort((x, y) => x.op.invokeAt - y.op.invokeAt || x.i - y.i)
    .map(({ op, i }, index): HistoryEntry => {
      const o = outcome.get(i) as { result: OpResult; value: number | null };
      return {
        id: index + 1,
        client: `c${op.client + 1}`,
        op: op.command,
        invokeAt: op.invokeAt,
        completeAt: o.result === 'info' ? null : op.completeAt,
        result: o.result,
        value: o.value,
      };
    });
}
