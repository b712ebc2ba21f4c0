// Lints source texts as if they stood at given paths of the tree, with the project's ESLint config,
// and prints the results as JSON. Run in a plain Node process: ESLint loads its config with a dynamic
// import, which Jest's module sandbox does not allow.
// stdin: [{ file, code }]; stdout: [{ file, messages }].
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const probes = JSON.parse(readFileSync(0, 'utf8'));
const eslint = new ESLint({
  cwd: root,
  // The probes are not files of tsconfig.json: TypeScript's default project parses them for the typed rules.
  overrideConfig: {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: probes.map((p) => p.file), maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: probes.length } },
    },
  },
});
const results = [];
for (const { file, code } of probes) {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  results.push({ file, messages: result.messages });
}
process.stdout.write(JSON.stringify(results));
