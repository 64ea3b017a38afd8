import type { ClockStart } from '../engine/clock';
import { inputKindOf } from '../engine/inputs/table';
import { dict } from '../engine/kit/dict';
import type { AnyProtocol } from '../engine/protocol';
import { quote, shortenRuns } from '../engine/quote';
import { FILE_SELECTORS } from '../engine/selectors';
import type { Input, NodeId } from '../engine/types';
import { clientIdsOf, requestProblems, serverOnlyProblems } from './clients';
import { describeIssues, formatPath } from './errors';
import { DEFAULT_UNTIL_MS } from './limits';
import { FORMAT, fileSchema, MAX_REQUESTS_PER_INSTANT, type ParsedFile, VERSION } from './schema';
import type { ParseResult, ProtocolLookup, Scenario } from './types';
import { interpretWorkload, MAX_WORKLOAD_OPS, type Workload, workloadSize } from './workload';

/**
 * The text without a leading UTF-8 byte-order mark: editors on Windows save one, and JSON.parse would refuse
 * the file over a character nobody can see.
 */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parses a scenario file's text. Never throws: bad input gives messages that name the field and the reason. */
export function parseScenarioText(text: string, lookup: ProtocolLookup): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(withoutBom(text));
  } catch (error) {
    // V8's message quotes the text around the mistake: cut like every other echo.
    const reason = shortenRuns(error instanceof Error ? error.message : String(error));
    return fail(`(file): not valid JSON (${reason})`);
  }
  return parseScenario(value, lookup);
}

export function parseScenario(value: unknown, lookup: ProtocolLookup): ParseResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('(file): must be a JSON object with "format": "netsplit-scenario"');
  }
  const head = value as Record<string, unknown>;
  if (head.format !== FORMAT) return fail(`format: must be "${FORMAT}"; this does not look like a netsplit scenario`);
  if (typeof head.version === 'number' && head.version > VERSION) {
    return fail(
      `version: made by a newer version of netsplit (version ${head.version}); this one reads version ${VERSION}`,
    );
  }
  const parsed = fileSchema.safeParse(value);
  if (!parsed.success) return { ok: false, errors: describeIssues(parsed.error) };
  // A map of the format read into a plain object loses a `__proto__` key without a word; no protocol has a
  // config key or a node of that name, so it is refused like any unknown key.
  const hidden = PROTO_KEYED.filter((field) => hasProtoKey(head[field]));
  if (hidden.length > 0) return { ok: false, errors: hidden.map(protoKeyError) };
  // The workload's mix is keyed by operation names: `__proto__` is none.
  const workload = head.workload as { mix?: unknown } | undefined;
  if (typeof workload === 'object' && workload !== null && hasProtoKey(workload.mix)) {
    return fail(`workload.mix["__proto__"]: not an operation name`);
  }
  return interpret(parsed.data, lookup);
}

function interpret(file: ParsedFile, lookup: ProtocolLookup): ParseResult {
  const errors: string[] = [];
  const protocol = lookup(file.protocol);
  if (!protocol) return fail(`protocol: unknown protocol ${quote(file.protocol)}`);

  const nodes: NodeId[] =
    typeof file.nodes === 'number' ? Array.from({ length: file.nodes }, (_, i) => `n${i + 1}`) : file.nodes;
  const servers = new Set(nodes);
  const clients = clientIdsOf(file, nodes, protocol, errors);
  const clientSet = new Set(clients);
  // Events may name servers and clients (§1.5); `initial` and the protocol's own fields name servers.
  const known = new Set([...nodes, ...clients]);

  const config = protocol.configSchema.safeParse(file.config);
  if (!config.success) errors.push(...describeIssues(config.error, ['config']));

  const bug = file.bug ?? null;
  if (bug !== null && !protocol.bugs.some((b) => b.id === bug)) {
    const ids = protocol.bugs.map((b) => b.id).join(', ');
    errors.push(`bug: unknown bug ${quote(bug)} for ${protocol.id}${ids ? ` (known: ${ids})` : ''}`);
  }

  // No prototype: a node called `constructor` has no initial state unless the file gives it one.
  const initial = dict<unknown>();
  for (const [id, state] of Object.entries(file.initial ?? {})) {
    if (!servers.has(id)) {
      errors.push(`${formatPath(['initial', id])}: unknown node ${quote(id)}`);
      continue;
    }
    if (!protocol.initialSchema) {
      errors.push(`${formatPath(['initial', id])}: ${protocol.id} takes no initial state`);
      continue;
    }
    const result = protocol.initialSchema.safeParse(state);
    if (result.success) initial[id] = result.data;
    else errors.push(...describeIssues(result.error, ['initial', id]));
  }

  const clocks = readClocks(file.clocks, known, errors);

  // References in the protocol's own fields, once those parsed: `config.noVotes[0]: unknown node "n9"`.
  if (config.success && protocol.refs) {
    for (const { path, node } of protocol.refs(config.data, initial)) {
      if (!servers.has(node)) errors.push(`${formatPath(path)}: unknown node ${quote(node)}`);
    }
  }

  const standby = file.standby === undefined ? undefined : standbyOf(file.standby, nodes, clientSet, protocol, errors);
  if (config.success && protocol.clusterProblems) errors.push(...protocol.clusterProblems(config.data, nodes));

  file.events.forEach((event, index) => {
    const problems = [
      ...checkEvent(event as Input, known, protocol),
      ...requestProblems(event as Input, protocol, servers, clientSet),
      ...serverOnlyProblems(event as Input, clientSet),
    ];
    errors.push(...problems.map((e) => `events[${index}].${e}`));
  });
  errors.push(...burstErrors(file.events as readonly Input[]));

  let workload: Workload | null = null;
  if (file.workload) {
    const ctx = { protocolId: protocol.id, ops: protocol.ops, hasClientMachine: !!protocol.clientMachine, clients };
    workload = interpretWorkload(file.workload, ctx, errors);
    const size = workload ? workloadSize(workload, file.until ?? DEFAULT_UNTIL_MS) : 0;
    if (size > MAX_WORKLOAD_OPS)
      errors.push(`workload: would generate ${size} operations; at most ${MAX_WORKLOAD_OPS}`);
  }

  if (errors.length > 0) return { ok: false, errors };
  const scenario: Scenario = {
    protocol: protocol.id,
    title: file.title ?? '',
    description: file.description ?? '',
    seed: file.seed,
    nodes,
    config: config.data as Record<string, unknown>,
    network: file.network,
    initial,
    bug,
    ...(clocks === undefined ? {} : { clocks }),
    ...(file.until === undefined ? {} : { until: file.until }),
    ...(file.sampleMs === undefined ? {} : { sampleMs: file.sampleMs }),
    ...(standby === undefined ? {} : { standby }),
    events: file.events as Input[],
    ...(clients.length > 0 ? { clients } : {}),
    ...(workload ? { workload } : {}),
  };
  return { ok: true, scenario };
}

/**
 * spec/protocols.md §1.1: `clocks` names nodes of the run (servers or clients alike); kept in a prototype-free
 * map, and absent when the file has none (so files without it encode and replay as before).
 */
function readClocks(
  clocks: ParsedFile['clocks'],
  known: ReadonlySet<NodeId>,
  errors: string[],
): Readonly<Record<NodeId, ClockStart>> | undefined {
  if (clocks === undefined) return undefined;
  const out = dict<ClockStart>();
  for (const [id, start] of Object.entries(clocks)) {
    if (known.has(id)) out[id] = start;
    else errors.push(`${formatPath(['clocks', id])}: unknown node ${quote(id)}`);
  }
  return out;
}

/** The problems of one event: node references that name no node of the cluster, then its kind's own rules. */
function checkEvent(event: Input, known: ReadonlySet<NodeId>, protocol: AnyProtocol): string[] {
  const kind = inputKindOf(event);
  // What the protocol lacks first: `type: "byzantine" needs a protocol with Byzantine modes (raft has none)`.
  const unsupported = kind.unsupported?.(event, protocol) ?? [];
  if (unsupported.some((e) => e.startsWith('type:'))) return [...unsupported];
  const errors: string[] = [...unsupported];
  for (const { field, ref } of kind.refs(event)) {
    if (!FILE_SELECTORS.includes(ref) && !known.has(ref)) errors.push(`${field}: unknown node ${quote(ref)}`);
  }
  return [...errors, ...(kind.problems?.(event) ?? [])];
}

/**
 * spec/protocols.md §1.1, §1.7: `standby` names distinct servers of the cluster, for a protocol with
 * membership, and leaves at least one in the cluster. Kept in the file's order.
 */
function standbyOf(
  ids: readonly string[],
  nodes: readonly NodeId[],
  clients: ReadonlySet<NodeId>,
  protocol: AnyProtocol,
  errors: string[],
) {
  if (!protocol.membership) {
    errors.push(`standby: ${protocol.id} has no membership`);
    return undefined;
  }
  const before = errors.length;
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    // §1.5: a client is never a member, so it cannot stand by.
    if (clients.has(id)) errors.push(`standby[${i}]: ${quote(id)} is a client; standby needs a server`);
    else if (!nodes.includes(id)) errors.push(`standby[${i}]: unknown node ${quote(id)}`);
    else if (seen.has(id)) errors.push(`standby[${i}]: ${quote(id)} is listed twice`);
    seen.add(id);
  });
  if (errors.length === before && seen.size >= nodes.length) {
    errors.push('standby: at least one server must start in the cluster');
  }
  return errors.length === before ? [...ids] : undefined;
}

/** The fields of the format that are maps keyed by the user's text. */
const PROTO_KEYED = ['config', 'initial', 'clocks'] as const;

const hasProtoKey = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__');

const protoKeyError = (field: (typeof PROTO_KEYED)[number]): string =>
  field === 'config'
    ? `${formatPath([field, '__proto__'])}: unknown field`
    : `${formatPath([field, '__proto__'])}: unknown node "__proto__"`;

function fail(message: string): ParseResult {
  return { ok: false, errors: [message] };
}

/**
 * Client requests at one instant are bounded (MAX_REQUESTS_PER_INSTANT): a thousand is a burst worth
 * studying, a million at 0 ms is a file that cannot finish. Named by the first request over the limit.
 */
function burstErrors(events: readonly Input[]): string[] {
  const count = new Map<number, number>();
  for (const [index, event] of events.entries()) {
    if (event.type !== 'request') continue;
    const n = (count.get(event.at) ?? 0) + 1;
    count.set(event.at, n);
    if (n === MAX_REQUESTS_PER_INSTANT + 1) {
      return [
        `events[${index}]: more than ${MAX_REQUESTS_PER_INSTANT} requests at ${event.at} ms (the most one instant takes)`,
      ];
    }
  }
  return [];
}
