import { describe, expect, it } from 'vitest';
import { getProtocol } from '../protocols';
import { parseScenarioText } from './parse';
import { parseScenarioTextLoading } from './parseLoading';

const text = '{"format":"netsplit-scenario","version":1,"protocol":"raft","seed":1,"nodes":3}';
const BOM = '\uFEFF';

describe('a file saved with a UTF-8 byte-order mark', () => {
  it('reads as the same scenario as without it', async () => {
    const plain = parseScenarioText(text, getProtocol);
    expect(plain.ok).toBe(true);
    expect(parseScenarioText(BOM + text, getProtocol)).toEqual(plain);
    expect(await parseScenarioTextLoading(BOM + text, async (id) => getProtocol(id))).toEqual(plain);
  });

  it('is stripped only at the start: a mark inside the text is still not JSON', () => {
    const result = parseScenarioText(`${text}${BOM}`, getProtocol);
    expect(result.ok).toBe(false);
  });
});
