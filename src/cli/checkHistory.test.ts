import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../testing/cli';

const dir = mkdtempSync(join(tmpdir(), 'netsplit-history-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

// Jepsen's logger: `INFO  jepsen.util - <process>\t:<type>\t:<f>\t<value>`, with the run's chatter around it.
const log = (rows: string[]) =>
  [
    'INFO  jepsen.core - Running test register',
    ...rows.map((row) => `INFO  jepsen.util - ${row.replace(/ +/g, '\t')}`),
    'INFO  jepsen.util - :nemesis :info :start nil',
    'INFO  jepsen.core - Run complete, writing',
  ].join('\n');

/** Process 1 reads 3 after process 0's cas 3 -> 0 has completed: stale. Lines 2.. are the ops. */
const stale = log([
  '3 :invoke :write 4',
  '3 :ok :write 4',
  '2 :invoke :write 3',
  '2 :ok :write 3',
  '0 :invoke :cas [3 0]',
  '0 :ok :cas [3 0]',
  '1 :invoke :read nil',
  '1 :ok :read 3',
]);

describe('sim check-history', () => {
  it('accepts a Jepsen history with concurrent ops, failed cas and unknown outcomes, and exits 0', async () => {
    const text = log([
      '3 :invoke :write 4',
      '0 :invoke :cas [3 0]',
      '3 :ok :write 4',
      '1 :invoke :read nil',
      '0 :fail :cas [3 0]',
      '4 :invoke :write 1',
      '1 :ok :read 1',
      '4 :info :write 1',
      '2 :invoke :read nil',
      '2 :fail :read :timed-out',
      '5 :invoke :cas [1 2]',
      '6 :invoke   :read    nil',
      '6 :ok :read 2',
    ]);
    const { code, stdout, stderr } = await cli('check-history', file('ok.log', text));
    expect(stderr).toBe('');
    expect(stdout).toContain('7 operations (jepsen history), model register');
    expect(stdout).toContain('linearizable (checked): ok');
    expect(code).toBe(0);
  });

  it('refuses a stale read, names the ops, and exits 1', async () => {
    const { code, stdout } = await cli('check-history', file('stale.log', stale));
    expect(code).toBe(1);
    expect(stdout).toContain('linearizable (checked): violation on key "x" at line 9, ops 3, 4');
    expect(stdout).toContain(
      'VIOLATION linearizable at line 9: op 4 (p1 read x -> 3, lines 8-9) cannot follow op 3 (p0 cas x 3 0, ok at line 7)',
    );
    // A stale read is still sequentially consistent: process 1 may read before process 0's cas.
    expect(stdout).toContain('sequential: ok');
  });

  it('prints the consistency object with --json and checks the guarantee asked for', async () => {
    const path = file('stale2.log', stale);
    const lin = await cli('check-history', path, '--json');
    expect(JSON.parse(lin.stdout)).toEqual({
      model: 'register',
      declared: 'linearizable',
      linearizable: { verdict: 'violation', key: 'x', at: 9, ops: [3, 4] },
      sequential: { verdict: 'ok' },
      converged: null,
    });
    const seq = await cli('check-history', path, '--consistency', 'sequential', '--json');
    expect(seq.code).toBe(0);
    expect(JSON.parse(seq.stdout).declared).toBe('sequential');
  });

  it('reads netsplit history JSON, alone or as a whole run', async () => {
    const history = [
      { id: 1, client: 'c1', op: 'write x 2', invokeAt: 0, completeAt: 640, result: 'ok', value: null },
      { id: 2, client: 'c2', op: 'read x', invokeAt: 700, completeAt: 812, result: 'ok', value: null },
      { id: 3, client: 'c1', op: 'write y 1', invokeAt: 900, completeAt: null, result: 'info', value: null },
    ];
    const alone = await cli('check-history', file('h.json', JSON.stringify(history)));
    expect(alone.code).toBe(1);
    expect(alone.stdout).toContain(
      'VIOLATION linearizable at 812 ms: op 2 (c2 read x -> null, 700-812 ms) cannot follow op 1 (c1 write x 2, ok at 640 ms)',
    );
    const run = await cli('check-history', file('run.json', JSON.stringify({ protocol: 'cap', history })), '--json');
    expect(JSON.parse(run.stdout).linearizable).toEqual({ verdict: 'violation', key: 'x', at: 812, ops: [1, 2] });
  });

  it('exits 2 naming the line or field of bad input', async () => {
    const orphan = log(['3 :invoke :write 4', '3 :ok :write 4', '4 :ok :write 5']);
    const a = await cli('check-history', file('orphan.log', orphan));
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('line 4: :ok :write for process 4 with no open operation');
    const b = await cli('check-history', file('badcas.log', log(['0 :invoke :cas 3'])));
    expect(b.stderr).toContain('line 2: :cas needs a value [from to] of integers, not "3"');
    const c = await cli('check-history', file('twice.log', log(['0 :invoke :read nil', '0 :invoke :read nil'])));
    expect(c.stderr).toContain('line 3: :invoke for process 0, whose operation of line 2 is still open');
    const bad = [{ id: 1, client: 'c1', op: 'wrte x 1', invokeAt: 5, completeAt: 2, result: 'ok', value: null }];
    const d = await cli('check-history', file('bad.json', JSON.stringify(bad)));
    expect(d.code).toBe(2);
    expect(d.stderr).toContain(
      'history[0].op: "wrte x 1" is not an operation of register (read K, write K V, cas K V1 V2)',
    );
    expect(d.stderr).toContain('history[0].completeAt: must not be before invokeAt (5)');
    const e = await cli('check-history', file('empty.log', 'hello\n'));
    expect(e.stderr).toContain('no operations');
    expect((await cli('check-history', file('x.log', stale), '--model', 'queue')).stderr).toContain(
      '--model: unknown model "queue" (register)',
    );
  });

  it('exits 0 and says so when the search runs out of budget', async () => {
    const { checkHistoryCommand } = await import('./checkHistoryCommand');
    let out = '';
    const code = checkHistoryCommand([file('budget.log', stale)], (t) => (out += t), { budget: 1 });
    expect(code).toBe(0);
    expect(out).toContain('linearizable (checked): unknown (key "x": search budget spent)');
    expect(out).toContain('UNKNOWN linearizable');
  });
});
