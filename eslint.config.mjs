// Lint rules that guard the architecture (architecture.md §1, §4): services never import each other;
// libraries never import services; contracts depend on nothing of ours.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', 'contracts/src/generated/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // A statement that locks rows (FOR UPDATE/SHARE) takes its snapshot before it waits for the lock: the
      // other tables it reads (children aggregated with json_agg/row_to_json) are those from before the
      // lock holder's commit. Lock with lockWithNextStatement, then read in the next statement.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TemplateElement[value.raw=/(json_agg|row_to_json)[^]*FOR (NO KEY )?(UPDATE|SHARE)/i], Literal[value=/(json_agg|row_to_json)[^]*FOR (NO KEY )?(UPDATE|SHARE)/i]',
          message:
            'This statement locks rows and reads other tables with a snapshot taken before the lock was granted (stale children). Take the lock with lockWithNextStatement (@bcci/persistence) and read in the next statement: same round trip.',
        },
      ],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allow: [],
          // A package's own tests may import it by name, as its users do.
          allowCircularSelfDependency: true,
          depConstraints: [
            { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts'] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:tests', onlyDependOnLibsWithTags: ['type:lib', 'type:contracts'] },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts', '**/testing/**/*.ts', '**/*.spec-helper.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
