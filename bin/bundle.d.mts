/** Types of bundle.mjs (plain JavaScript, so the launcher runs with no build), for its tests and the bench. */

/** Files every build depends on besides its modules, relative to the project root. */
export declare const BUILD_FILES: readonly string[];
export declare const OUT_DIR: string;
/** What a build is judged by: the names under src/ and each given file's size and modification time. */
export interface SourceState {
  readonly listing: string;
  readonly stamps: Readonly<Record<string, string>>;
}
export declare function sourceState(root: string, files: readonly string[]): SourceState;
/** Names `build` (a folder in dist-cli/) as the current build, made from the sources in `state`. */
export declare function recordBuild(root: string, build: string, state: SourceState): void;
/** The folder of the current build if none of its sources changed, else undefined (stale, or no build). */
export declare function freshBuild(root: string): string | undefined;
/** The folder of a build of the current sources, building one first when they changed since the last build. */
export declare function ensureBundle(root: string, log?: (line: string) => void): Promise<string>;
