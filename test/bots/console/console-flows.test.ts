import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../helpers/db.ts';
import { ConsoleDriver } from '../helpers/console-driver.ts';
import { makeEngine } from '../helpers/engine.ts';

const t = useTestDatabase();

describe('terminal adapter', () => {
  it('onboards, shows help and walks the quiet-hours flow across a restart', async () => {
    const first = new ConsoleDriver(makeEngine(t.env));
    const start = await first.say('/start');
    expect(start).toContain('Welcome to Tradewire');
    expect(start).toContain('[#1');
    const help = await first.say('/help');
    expect(help).toContain('/settings');
    expect(help).toContain('/newbot');
    expect(await first.say('/settings quiet')).toContain('From which hour');
    expect(await first.say('22')).toContain('Until which hour');
    await first.close();

    const second = new ConsoleDriver(makeEngine(t.env));
    expect(await second.say('7')).toContain('22:00 to 07:00');
    expect(await second.say('#1')).toContain('Quiet hours set: 22:00–07:00');
    expect(await second.say('/settings notifications')).toContain('Quiet hours: 22:00–07:00');
    await second.close();
  });
});
