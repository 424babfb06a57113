// Import boundaries the build enforces (docs/ARCHITECTURE.md "How to add a feature"):
//   - the web app never imports server code, and the server never imports the web app;
//   - src/shared imports neither side;
//   - a route file (*.routes.ts) never imports a repository (*.repo.ts): routes call use cases;
//   - outside a feature's own folder, src/server/features/<f>/ is reached only through its public entry,
//     src/server/features/<f>/index.ts (tests excepted: they may look inside what they test).
// The import is resolved to a file path first, so "../x" and "../../features/x" are judged the same way.
import path from 'node:path';

const FEATURES = `${path.sep}src${path.sep}server${path.sep}features${path.sep}`;

function areaOf(file) {
  const normalised = file.split(path.sep).join('/');
  if (normalised.includes('/src/web/')) return 'web';
  if (normalised.includes('/src/server/')) return 'server';
  if (normalised.includes('/src/shared/')) return 'shared';
  return 'other';
}

/** The feature folder a file belongs to, or null when it is outside src/server/features/. */
function featureOf(file) {
  const at = file.indexOf(FEATURES);
  if (at === -1) return null;
  return file.slice(at + FEATURES.length).split(path.sep)[0] ?? null;
}

// Tests and their helpers beside the code (factories, fixtures) may look inside what they test.
const isTest = (file) =>
  /\.(test|e2e)\.tsx?$/.test(file) ||
  /\.(test-support|fixtures)\.ts$/.test(file) ||
  file.includes(`${path.sep}test${path.sep}`);

/** @type {import('eslint').Rule.RuleModule} */
const importBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps imports inside the layers and feature boundaries of the architecture' },
    schema: [],
    messages: {
      webImportsServer: 'The web app never imports server code; share it through src/shared.',
      serverImportsWeb: 'The server never imports the web app.',
      sharedImportsSide: 'src/shared is imported by both sides and imports neither.',
      routeImportsRepo: 'A route never imports a repository: call a use case of the feature’s service.',
      featureInternals:
        'Another feature is reached only through its public entry: import from features/{{feature}}/index.ts.',
    },
  },
  create(context) {
    const file = context.filename;
    const fromArea = areaOf(file);
    const fromFeature = featureOf(file);
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), source);
      const toArea = areaOf(target);
      if (fromArea === 'web' && toArea === 'server')
        return context.report({ node, messageId: 'webImportsServer' });
      if (fromArea === 'server' && toArea === 'web')
        return context.report({ node, messageId: 'serverImportsWeb' });
      if (fromArea === 'shared' && (toArea === 'server' || toArea === 'web'))
        return context.report({ node, messageId: 'sharedImportsSide' });
      if (file.endsWith('.routes.ts') && /\.repo(\.ts)?$/.test(target))
        return context.report({ node, messageId: 'routeImportsRepo' });
      const toFeature = featureOf(target);
      if (toFeature && toFeature !== fromFeature && !isTest(file)) {
        const entry = `${FEATURES}${toFeature}${path.sep}index.ts`;
        if (!target.endsWith(entry) && !target.endsWith(entry.replace(/\.ts$/, '')))
          context.report({ node, messageId: 'featureInternals', data: { feature: toFeature } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

// Kysely's entry points to a statement, and the calls that send one to the database.
const QUERY_CALLS = new Set([
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'mergeInto',
  'replaceInto',
]);
const RUN_CALLS = new Set(['execute', 'executeTakeFirst', 'executeTakeFirstOrThrow']);

/**
 * Only repositories run SQL (docs/ARCHITECTURE.md): inside src/server/features/, a statement is started or sent to
 * the database only in a *.repo.ts file, so a review of a repository shows every query a feature makes. Policies
 * may still build SQL predicates (fragments) that repositories use; tests may query what they check.
 */
/** @type {import('eslint').Rule.RuleModule} */
const sqlInRepositories = {
  meta: {
    type: 'problem',
    docs: { description: 'Only *.repo.ts files of a feature run SQL' },
    schema: [],
    messages: {
      sqlOutsideRepo: 'Only a *.repo.ts file runs SQL: move `{{call}}` into the feature’s repository.',
    },
  },
  create(context) {
    const file = context.filename;
    if (featureOf(file) === null || file.endsWith('.repo.ts') || isTest(file)) return {};
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return;
        const call = callee.property.name;
        if (QUERY_CALLS.has(call) || RUN_CALLS.has(call))
          context.report({ node: callee.property, messageId: 'sqlOutsideRepo', data: { call } });
      },
    };
  },
};

export default { rules: { 'import-boundaries': importBoundaries, 'sql-in-repositories': sqlInRepositories } };
