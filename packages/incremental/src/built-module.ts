/**
 * The module at `relative` (a `.js` path) beside `caller` (its
 * `import.meta.url`), for a worker thread to load: in `dist/` when the
 * caller runs from its TypeScript sources (the tests), since a worker
 * thread loads the built JavaScript, not the sources vitest transforms.
 */
export function builtModule(relative: string, caller: string): URL {
  const module = new URL(relative, caller)
  // The last `/src/` of the path is the package's source folder.
  return caller.endsWith('.ts') ? new URL(module.href.replace(/\/src\/(?!.*\/src\/)/, '/dist/')) : module
}
