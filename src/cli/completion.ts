// `synfw completion [bash|zsh]`: a completion script that asks synfw itself what fits the word
// being completed (`synfw __complete WORD...`): commands, options, targets, formats, app ids and
// diagnostic codes. Where synfw has nothing to offer (a profile path), the shell completes files.

export type Positional = 'file' | 'app' | 'code' | 'shell' | 'none';

export interface OptionSpec {
  alias?: string;
  /** The option takes a value (`--target X`); booleans do not. */
  takesValue: boolean;
  repeatable?: boolean;
}

export interface CommandSpec {
  name: string;
  options: Record<string, OptionSpec>;
  positional: Positional;
}

export interface CompletionData {
  targets: string[];
  formats: (target: string | undefined) => string[];
  apps: () => string[];
  codes: () => string[];
}

const GLOBAL = ['--help', '--version'];

/** The value given for an option among the words (`-t x`, `--target x`, `--target=x`). */
function valueOf(words: readonly string[], name: string, spec: OptionSpec): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.startsWith(`--${name}=`)) return w.slice(name.length + 3);
    if ((w === `--${name}` || (spec.alias && w === `-${spec.alias}`)) && i + 1 < words.length) return words[i + 1];
  }
  return undefined;
}

function optionNamed(cmd: CommandSpec, word: string): [string, OptionSpec] | undefined {
  return Object.entries(cmd.options).find(([name, o]) => word === `--${name}` || (o.alias !== undefined && word === `-${o.alias}`));
}

function values(cmd: CommandSpec, option: string, before: readonly string[], data: CompletionData): string[] {
  if (option === 'target') return [...data.targets, 'all'];
  if (option === 'format') {
    if (cmd.name === 'check') return ['text', 'json'];
    const target = cmd.options.target ? valueOf(before, 'target', cmd.options.target) : undefined;
    return data.formats(target);
  }
  if (option === 'app') return data.apps();
  return [];
}

/**
 * Candidates for the last word of `words` (the words after "synfw", the last one being completed,
 * possibly empty). bash splits `--target=ipt` into "--target", "=", "ipt"; both forms work.
 */
export function complete(words: readonly string[], commands: readonly CommandSpec[], data: CompletionData): string[] {
  const current = words[words.length - 1] ?? '';
  let before = words.slice(0, -1);
  const fits = (list: string[], prefix = current) => list.filter((c) => c.startsWith(prefix));
  const name = before.find((w) => !w.startsWith('-'));
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) return current.startsWith('-') ? fits(GLOBAL) : fits(commands.map((c) => c.name));

  let pending = before[before.length - 1];
  if (pending === '=') {
    before = before.slice(0, -1);
    pending = before[before.length - 1];
  }
  const eq = /^(--[a-z-]+)=(.*)$/.exec(current);
  if (eq) {
    const opt = optionNamed(cmd, eq[1]!);
    return opt?.[1].takesValue ? fits(values(cmd, opt[0], before, data), eq[2]).map((v) => `${eq[1]}=${v}`) : [];
  }
  const previous = pending === undefined ? undefined : optionNamed(cmd, pending);
  if (previous?.[1].takesValue) return fits(values(cmd, previous[0], before, data));
  if (current.startsWith('-')) {
    const given = new Set(before.filter((w) => w.startsWith('-')).map((w) => w.split('=')[0]));
    const names = Object.entries(cmd.options)
      .filter(([n, o]) => o.repeatable || (!given.has(`--${n}`) && !(o.alias && given.has(`-${o.alias}`))))
      .map(([n]) => `--${n}`);
    return fits([...names, '--help']);
  }
  if (cmd.positional === 'app') return fits(data.apps());
  if (cmd.positional === 'code') return fits(data.codes());
  if (cmd.positional === 'shell') return fits(['bash', 'zsh']);
  return [];
}

export function completionScript(shell: 'bash' | 'zsh'): string {
  if (shell === 'bash') {
    return `# bash completion for synfw: commands, options, targets, formats and app ids.
# This shell: source <(synfw completion bash)
# Every shell: synfw completion bash > ~/.local/share/bash-completion/completions/synfw
_synfw_complete() {
  local IFS=$'\\n'
  COMPREPLY=($(synfw __complete "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
}
complete -o default -o bashdefault -F _synfw_complete synfw
`;
  }
  return `#compdef synfw
# zsh completion for synfw: commands, options, targets, formats and app ids.
# This shell (after compinit): source <(synfw completion zsh)
# Every shell: save it as _synfw in a directory of your $fpath.
_synfw() {
  local -a reply
  reply=("\${(@f)$(synfw __complete "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  reply=(\${reply:#})
  if (( \${#reply} )); then
    compadd -- "\${reply[@]}"
  else
    _files
  fi
}
if [ "$funcstack[1]" = "_synfw" ]; then
  _synfw "$@"
else
  compdef _synfw synfw
fi
`;
}
