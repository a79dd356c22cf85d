import { createChatRegistry } from '../../../src/bots/commands/index.ts';
import { ChatEngine } from '../../../src/bots/core/engine.ts';
import type { CommandRegistry } from '../../../src/bots/core/registry.ts';
import type { ServiceEnv } from '../../../src/services/core/context.ts';

/** A fresh engine (as after a process restart) on the same database. Rate limiting is generous unless asked. */
export function makeEngine(env: ServiceEnv, options: { registry?: CommandRegistry; capacity?: number } = {}): ChatEngine {
  return new ChatEngine({ env, registry: options.registry ?? createChatRegistry(), rateLimit: { capacity: options.capacity ?? 10_000, refillMs: 1000 } });
}
