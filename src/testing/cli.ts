import { main } from '../cli/main';

/** Runs the command line in-process, as a test would type it: the exit code and what it printed. */
export async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(
    argv,
    (t) => (stdout += `${t}\n`),
    (t) => (stderr += `${t}\n`),
  );
  return { code, stdout, stderr };
}
