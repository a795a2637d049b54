// Finds and loads `.bizlangrc.json`: the nearest one walking up from a file's directory (one
// lookup per directory, cached), or the one given with `--config` for every file. Validation is
// the core's (parseConfig); this file only reads, caches and reports. The nearest file is used
// alone: configs do not cascade.
import { dirname, join, relative, resolve } from 'node:path';
import { configToOptions, formatConfigProblems, parseConfig, type BizlangConfig } from '../core/config.js';
import { compileGlobs, isIgnoredPath } from '../core/glob.js';
import type { AnalyzeOptions } from '../core/index.js';
import { describeFsError } from './io.js';
import { displayPath, toPosix } from './paths.js';

export const CONFIG_NAME = '.bizlangrc.json';

/** The configuration that applies to one directory. */
export interface ResolvedConfig {
  /** Absolute path of the config file; undefined when none was found (defaults). */
  path?: string;
  config: BizlangConfig;
  options: AnalyzeOptions;
  /** Whether `ignore` excludes `abs` (a file found by directory or glob expansion). */
  ignores(abs: string): boolean;
}

export interface ConfigResolverOptions {
  cwd: string;
  readText: (absPath: string) => Promise<string>;
  /** Called once per problem, with a line naming the config file and the field. */
  report: (line: string) => void;
  /** `--config FILE`: use this file for everything instead of looking up. */
  configFile?: string;
}

function resolved(path: string | undefined, config: BizlangConfig): ResolvedConfig {
  // The globs come from a workspace file: matched by the core's bounded matcher, never compiled
  // to a regular expression.
  const globs = compileGlobs(config.ignore ?? []);
  if (!path || globs.length === 0) return { path, config, options: configToOptions(config), ignores: () => false };
  const base = dirname(path);
  return {
    path,
    config,
    options: configToOptions(config),
    // A pattern that matches a directory excludes everything under it.
    ignores: (abs) => isIgnoredPath(toPosix(relative(base, abs)), globs),
  };
}

/** Finds, loads and caches configs. Every problem is reported once per config file. */
export class ConfigResolver {
  private readonly byDir = new Map<string, Promise<ResolvedConfig>>();
  private readonly explicit: Promise<ResolvedConfig> | undefined;

  constructor(private readonly opts: ConfigResolverOptions) {
    if (opts.configFile !== undefined) this.explicit = this.load(resolve(opts.cwd, opts.configFile), true).then((c) => c!);
  }

  /** The config for a file. */
  forFile(abs: string): Promise<ResolvedConfig> {
    return this.forDir(dirname(abs));
  }

  /** The config for files in `dir`. */
  forDir(dir: string): Promise<ResolvedConfig> {
    if (this.explicit) return this.explicit;
    let found = this.byDir.get(dir);
    if (!found) {
      found = this.lookUp(dir);
      this.byDir.set(dir, found);
    }
    return found;
  }

  private async lookUp(dir: string): Promise<ResolvedConfig> {
    const here = await this.load(join(dir, CONFIG_NAME), false);
    if (here) return here;
    const parent = dirname(dir);
    return parent === dir ? resolved(undefined, {}) : this.forDir(parent);
  }

  /** Loads one config file; undefined when it does not exist and was not asked for. */
  private async load(file: string, required: boolean): Promise<ResolvedConfig | undefined> {
    const label = displayPath(file, this.opts.cwd, file);
    let text: string;
    try {
      text = await this.opts.readText(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (!required && (code === 'ENOENT' || code === 'ENOTDIR')) return undefined;
      this.opts.report(`${label}: cannot read config: ${describeFsError(error)}; using defaults`);
      return resolved(file, {});
    }
    const { config, problems } = parseConfig(text);
    for (const line of formatConfigProblems(label, problems)) this.opts.report(line);
    return resolved(file, config);
  }
}
