// `npm test`'s layer check: the boundaries ARCHITECTURE.md promises, read from the real import graph (madge).
// Fails on a folder import cycle (type-only imports aside) and on an import across a forbidden boundary.
import madge from 'madge';

const roots = ['app', 'components', 'lib', 'db', 'emulator', 'proxy.ts', 'instrumentation.ts'];
const isTest = (file) => /\.test\.tsx?$/.test(file) || file.startsWith('test/');

/** lib/<folder>, db/<folder>, components/<folder>; files at the root of lib/ are each their own node. */
function folderOf(file) {
  const parts = file.split('/');
  if (parts[0] === 'lib') return parts.length > 2 ? `lib/${parts[1]}` : file;
  if (parts[0] === 'db' || parts[0] === 'components') return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts[0];
  return parts[0];
}

const boundaries = [
  { rule: 'lib/ and db/ never import app/ or components/', from: /^(lib|db)\//, to: /^(app|components)\// },
  { rule: 'db/ imports nothing of lib/ but the leaf vocabulary', from: /^db\//, to: /^lib\/(?!generation\/(states|schema)\.ts$)/ },
  { rule: 'components/ have no data access', from: /^components\//, to: /^db\// },
  { rule: 'the emulator is a server of its own', from: /^emulator\//, to: /^(?!emulator\/)/ },
];

const result = await madge(roots, {
  fileExtensions: ['ts', 'tsx'],
  tsConfig: 'tsconfig.json',
  detectiveOptions: { ts: { skipTypeImports: true }, tsx: { skipTypeImports: true } },
});
const graph = result.obj();
const problems = [];
const edges = new Map();
for (const [from, imports] of Object.entries(graph)) {
  if (isTest(from)) continue;
  for (const to of imports) {
    for (const { rule, from: a, to: b } of boundaries) if (a.test(from) && b.test(to)) problems.push(`${rule}: ${from} → ${to}`);
    const [x, y] = [folderOf(from), folderOf(to)];
    if (x === y) continue;
    if (!edges.has(x)) edges.set(x, new Map());
    if (!edges.get(x).has(y)) edges.get(x).set(y, `${from} → ${to}`);
  }
}

// Tarjan's strongly connected components over the folder graph: any component of two or more is a cycle.
let index = 0;
const order = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
function visit(node) {
  order.set(node, index);
  low.set(node, index++);
  stack.push(node);
  onStack.add(node);
  for (const next of edges.get(node)?.keys() ?? []) {
    if (!order.has(next)) {
      visit(next);
      low.set(node, Math.min(low.get(node), low.get(next)));
    } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), order.get(next)));
  }
  if (low.get(node) !== order.get(node)) return;
  const component = [];
  let member;
  do {
    member = stack.pop();
    onStack.delete(member);
    component.push(member);
  } while (member !== node);
  if (component.length < 2) return;
  const why = component.flatMap((a) => component.filter((b) => edges.get(a)?.has(b)).map((b) => `    ${edges.get(a).get(b)}`));
  problems.push(`folder cycle: ${component.join(' ↔ ')}\n${why.join('\n')}`);
}
for (const node of edges.keys()) if (!order.has(node)) visit(node);

const files = Object.keys(graph).filter((file) => !isTest(file)).length;
if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`${problems.length} layer problem(s) in ${files} files`);
  process.exit(1);
}
console.log(`layers: ${files} files, ${edges.size} folders, no folder cycle, no import across a boundary`);
