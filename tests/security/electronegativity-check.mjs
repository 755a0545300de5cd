// `npm run test:security`: scans electron/ with Electronegativity and fails on any finding that is
// not in the commented allow-list below (the tool itself exits 0 whatever it finds). It also runs
// the app's CSP through the same CSP evaluator, since the scanner cannot read a CSP held in a constant.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/content-security-policy.ts';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const scanDir = path.join(repoRoot, 'electron');
const require = createRequire(import.meta.url);

/**
 * Findings that do not apply, each pinned to the source line it is about (a regexp the line must
 * match), so that the same check firing anywhere else still fails.
 */
const ALLOWED = [
  {
    check: 'CONTEXT_ISOLATION_JS_CHECK',
    file: 'main.ts',
    line: /new BrowserWindow\(createWindowOptions\(/,
    why: 'The options come from createWindowOptions(), which the scanner cannot follow; contextIsolation: true is asserted by electron/window-options.test.ts.',
  },
  {
    check: 'SANDBOX_JS_CHECK',
    file: 'main.ts',
    line: /new BrowserWindow\(createWindowOptions\(/,
    why: 'Same call: sandbox: true is asserted by electron/window-options.test.ts, and app.enableSandbox() sandboxes every renderer anyway.',
  },
  {
    check: 'AUXCLICK_JS_CHECK',
    file: 'main.ts',
    line: /new BrowserWindow\(createWindowOptions\(/,
    why: 'A middle-click can only ask for a new window, and setWindowOpenHandler in electron/harden-web-contents.ts denies every one.',
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'harden-web-contents.ts',
    line: /shell\.openExternal\(externalUrl\)/,
    why: 'Only URLs returned by externalUrlToOpen() reach it: http(s) without credentials (electron/navigation-policy.test.ts).',
  },
  {
    check: 'CSP_GLOBAL_CHECK',
    file: 'app-file-response.ts',
    line: /\[CONTENT_SECURITY_POLICY\]/,
    why: '"Failed to parse CSP": the value is the shared constant, which this script evaluates below with the same evaluator.',
  },
];

/** csp-evaluator findings on the app's CSP that do not apply. */
const ALLOWED_CSP_FINDINGS = [
  {
    directive: 'script-src',
    value: "'self'",
    why: "'self' is app://isnad/ (or the local server), which serves only the built bundle: no JSONP, no Angular, no uploaded files.",
  },
];

function electronVersion() {
  // Without it the scanner assumes Electron 0.1 and reports the unsafe defaults of that version.
  return JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
}

function scan() {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'isnad-electronegativity-'));
  const reportPath = path.join(outDir, 'report.sarif');
  try {
    const bin = path.join(repoRoot, 'node_modules', '.bin', 'electronegativity');
    const run = spawnSync(bin, ['-i', scanDir, '-o', reportPath, '-r', '-e', electronVersion()], { encoding: 'utf8' });
    if (run.error || run.status !== 0) {
      throw new Error(`electronegativity did not run (${run.error?.message ?? `exit ${run.status}`}):\n${run.stderr}`);
    }
    const sarif = JSON.parse(readFileSync(reportPath, 'utf8'));
    return sarif.runs.flatMap((sarifRun) =>
      sarifRun.results.map((result) => {
        const location = result.locations?.[0]?.physicalLocation;
        return {
          check: result.ruleId,
          file: location?.artifactLocation?.uri ?? 'N/A',
          line: location?.region?.startLine ?? 0,
          description: result.message?.text ?? '',
        };
      }),
    );
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function sourceLine(file, line) {
  try {
    return readFileSync(path.join(scanDir, file), 'utf8').split('\n')[line - 1] ?? '';
  } catch {
    return '';
  }
}

function allowanceFor(finding) {
  return ALLOWED.find(
    (allowed) =>
      allowed.check === finding.check &&
      allowed.file === finding.file &&
      allowed.line.test(sourceLine(finding.file, finding.line)),
  );
}

function evaluateCsp() {
  const electronegativityDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const csp = createRequire(path.join(electronegativityDir, 'package.json'))('@doyensec/csp-evaluator');
  const parsed = new csp.CspParser(CONTENT_SECURITY_POLICY);
  return new csp.CspEvaluator(parsed.csp, csp.Version.CSP3)
    .evaluate()
    .filter((finding) => finding.severity < csp.severities.INFO)
    .map((finding) => ({
      directive: finding.directive,
      value: finding.value ?? '',
      description: finding.description,
      allowance: ALLOWED_CSP_FINDINGS.find((allowed) => allowed.directive === finding.directive && allowed.value === finding.value),
    }));
}

const findings = scan();
const cspFindings = evaluateCsp();
let failures = 0;

console.log(`Electronegativity: ${findings.length} finding(s) in electron/`);
for (const finding of findings) {
  const allowance = allowanceFor(finding);
  if (!allowance) failures++;
  console.log(`  ${allowance ? 'allowed' : 'FAIL   '} ${finding.check} electron/${finding.file}:${finding.line} ${finding.description}`);
  if (allowance) console.log(`          why: ${allowance.why}`);
}
console.log(`CSP evaluator: ${cspFindings.length} finding(s) in CONTENT_SECURITY_POLICY`);
for (const finding of cspFindings) {
  if (!finding.allowance) failures++;
  console.log(`  ${finding.allowance ? 'allowed' : 'FAIL   '} ${finding.directive} ${finding.value}: ${finding.description}`);
  if (finding.allowance) console.log(`          why: ${finding.allowance.why}`);
}

if (failures > 0) {
  console.error(`test:security: ${failures} finding(s) not in the allow-list of tests/security/electronegativity-check.mjs`);
  process.exit(1);
}
console.log('test:security: no unexplained findings');
