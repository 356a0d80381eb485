import type { OperationName, OpInput, OpOutput } from '../api/types.js';
import type { Command, OptionsConfig } from './command.js';
import { UsageError } from './command.js';

/** Operations that take a file to import. */
type FileImportOp = { [N in OperationName]: OpInput<N> extends { file: unknown } ? N : never }[OperationName];

interface ImportCommandSpec<N extends FileImportOp> {
  name: string;
  usage: string;
  summary: string;
  op: N;
  options?: OptionsConfig;
  /** The op's other input, from the command's options (e.g. --date). */
  input?: (values: Record<string, unknown>) => Omit<OpInput<N>, 'file'>;
  /** The result for a person, one string per line (--json prints the result itself). */
  describe: (result: OpOutput<N>) => string[];
}

/** An `import … FILE` command: hands the one FILE to the op by path and prints what it did. */
export function importCommand<N extends FileImportOp>(spec: ImportCommandSpec<N>): Command {
  return {
    name: spec.name,
    usage: spec.usage,
    summary: spec.summary,
    options: spec.options,
    positionals: true,
    async run({ values, positionals }, ctx) {
      if (positionals.length !== 1) throw new UsageError(`expected exactly one FILE: ${spec.usage}`);
      const result = await ctx.call(spec.op, { ...spec.input?.(values), file: { path: positionals[0] } } as OpInput<N>);
      const notices = (result as { notices?: { message: string }[] }).notices ?? [];
      ctx.io.stdout(
        ctx.json
          ? JSON.stringify(result)
          : [...spec.describe(result), ...notices.map((n) => `  note: ${n.message}`)].join('\n'),
      );
      return 0;
    },
  };
}
