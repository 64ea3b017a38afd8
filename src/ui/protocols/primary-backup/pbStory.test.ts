import { describe, expect, it } from 'vitest';
import { ackRule, epochColor } from './pbStory';

describe('the panel words', () => {
  it('says what a write needs in each mode, and when semi-sync has fallen back', () => {
    expect(ackRule('async', null)).toMatch(/own log/);
    expect(ackRule('semi-sync', true)).toMatch(/one backup/);
    expect(ackRule('semi-sync', false)).toMatch(/fallen back to async/);
    expect(ackRule('sync', null)).toMatch(/every backup/);
  });

  it('colours consecutive epochs apart', () => {
    expect(epochColor(1)).not.toBe(epochColor(2));
  });
});
