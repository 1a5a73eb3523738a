import { notFound } from '@swirl/grpc-kit';
import type { Tool } from './tool';

/** The tools a service offers, by name. */
export class ToolRegistry {
  private readonly byName = new Map<string, Tool>();

  constructor(tools: readonly Tool[]) {
    for (const tool of tools) {
      if (this.byName.has(tool.name)) throw new Error(`tool "${tool.name}" registered twice`);
      this.byName.set(tool.name, tool);
    }
  }

  get all(): readonly Tool[] {
    return [...this.byName.values()];
  }

  /** The tool called `name`, or NOT_FOUND naming the tools there are. */
  get(name: string): Tool {
    const tool = this.byName.get(name);
    if (tool === undefined) throw notFound(`unknown tool "${name}"; available tools: ${[...this.byName.keys()].join(', ')}`);
    return tool;
  }
}
