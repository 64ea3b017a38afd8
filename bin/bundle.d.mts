/** Types of bundle.mjs (plain JavaScript, so the launcher runs with no build), for its tests and the bench. */
export declare const SOURCES: readonly string[];
export declare const OUT_DIR: string;
/** A fingerprint of the sources: the path, size and modification time of every file and folder under them. */
export declare function fingerprint(root: string, sources?: readonly string[]): string;
/** The folder of the build made from exactly these sources, or undefined when there is none (stale or missing). */
export declare function freshBuild(root: string, print?: string): string | undefined;
/** The folder of a build of the current sources, building one first when they changed since the last build. */
export declare function ensureBundle(root: string, log?: (line: string) => void): Promise<string>;
