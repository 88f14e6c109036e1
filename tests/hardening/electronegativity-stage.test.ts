/**
 * The Electronegativity stage of `npm test` (scripts/electronegativity.mjs)
 * on made-up scanner output: it must fail on a finding nobody justified,
 * on a justification without reasons or tests, on one that matches nothing,
 * and on a source file the scanner could not parse.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../support/paths';

const script = join(repoRoot, 'scripts', 'electronegativity.mjs');
const reason = 'The options come from a function in the same file that the scanner does not follow; it sets the safe value, and the test checks it.';

function sarif(results: Array<{ ruleId: string; uri: string; line?: number }>): string {
  return JSON.stringify({
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'Electronegativity' } }, results: results.map((r) => ({ ruleId: r.ruleId, level: 'warning', message: { text: `about ${r.ruleId}` }, locations: [{ physicalLocation: { artifactLocation: { uri: r.uri }, region: { startLine: r.line ?? 1 } } }] })) }],
  });
}

async function runStage(findings: string, justifications: unknown): Promise<{ status: number | null; output: string }> {
  const dir = await tempDir('diptych-electronegativity-');
  await writeFile(join(dir, 'out.sarif'), findings);
  await writeFile(join(dir, 'justifications.json'), JSON.stringify(justifications));
  const run = spawnSync(process.execPath, [script, '--sarif', join(dir, 'out.sarif'), '--justifications', join(dir, 'justifications.json')], { cwd: repoRoot, encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe('the Electronegativity stage', () => {
  it('passes when every finding is justified for its file, with a reason and a test', async () => {
    const { status, output } = await runStage(sarif([{ ruleId: 'SANDBOX_JS_CHECK', uri: 'main/main-window.ts', line: 44 }, { ruleId: 'CSP_GLOBAL_CHECK', uri: 'file:///' }]), {
      SANDBOX_JS_CHECK: { files: ['main/main-window.ts'], reason, tested: ['tests/unit/electron/app.test.ts'] },
      CSP_GLOBAL_CHECK: { files: ['(global)'], reason, tested: ['tests/unit/electron/content-security-policy.test.ts'] },
    });
    expect(output).toContain('2 finding(s), 2 justified');
    expect(status).toBe(0);
  });

  it('fails on a finding that is not justified, or justified only for another file', async () => {
    const { status, output } = await runStage(sarif([{ ruleId: 'NODE_INTEGRATION_JS_CHECK', uri: 'main/other-window.ts', line: 3 }, { ruleId: 'SANDBOX_JS_CHECK', uri: 'main/other-window.ts' }]), {
      SANDBOX_JS_CHECK: { files: ['main/main-window.ts'], reason, tested: ['tests/unit/electron/app.test.ts'] },
    });
    expect(status).toBe(1);
    expect(output).toContain('NODE_INTEGRATION_JS_CHECK in main/other-window.ts:3 is not justified');
    expect(output).toContain('SANDBOX_JS_CHECK in main/other-window.ts:1 is not justified');
    expect(output).toContain('SANDBOX_JS_CHECK is justified for main/main-window.ts but no longer found there');
  });

  it('fails on a justification that does not explain itself or names no existing test', async () => {
    const { status, output } = await runStage(sarif([{ ruleId: 'SANDBOX_JS_CHECK', uri: 'main/main-window.ts' }]), {
      SANDBOX_JS_CHECK: { files: ['main/main-window.ts'], reason: 'fine', tested: ['tests/unit/electron/no-such.test.ts'] },
    });
    expect(status).toBe(1);
    expect(output).toContain('must explain why it is safe');
    expect(output).toContain('the test tests/unit/electron/no-such.test.ts it points to does not exist');
  });

  it('fails when a source file cannot be parsed by the scanner, which would skip it silently', async () => {
    const dir = await tempDir('diptych-electronegativity-src-');
    await mkdir(join(dir, 'main'));
    await writeFile(join(dir, 'main', 'broken.ts'), 'const x = {{{ ;\n');
    await writeFile(join(dir, 'main', 'fine.ts'), 'export const y = 1 satisfies number;\n');
    const run = spawnSync(process.execPath, [script, '--input', dir, '--parse-only'], { cwd: repoRoot, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Electronegativity cannot parse .*broken\.ts, so it was not scanned/);
    expect(run.stderr).not.toContain('fine.ts');
  });
});
