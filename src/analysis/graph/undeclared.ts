import type { Service, UndeclaredCallee, UndeclaredService } from '../../types.js';
import { compareText } from '../../text/compare.js';

/**
 * The services the workspace holds without svc-lint data, by name: the first place each name is held, and none
 * that a judged service declares (a name declared anywhere is declared).
 */
export function undeclaredServices(held: Iterable<UndeclaredService>, declared: readonly Service[]): Map<string, UndeclaredService> {
  const byName = new Map<string, UndeclaredService>();
  // Most workspaces hold none: then the declared names are not gathered (an editor judges on every edit).
  let declaredNames: Set<string> | undefined;
  for (const service of held) {
    declaredNames ??= new Set(declared.map((declaredService) => declaredService.name));
    if (!declaredNames.has(service.name) && !byName.has(service.name)) byName.set(service.name, service);
  }
  return byName;
}

/** The undeclared services that some service calls, with their callers, by name. */
export function calledUndeclared(services: readonly Service[], undeclared: ReadonlyMap<string, UndeclaredService>): UndeclaredCallee[] {
  if (undeclared.size === 0) return [];
  const callers = new Map<string, Set<string>>();
  for (const service of services) {
    for (const dependency of service.dependsOn) {
      if (!undeclared.has(dependency.service)) continue;
      let calledBy = callers.get(dependency.service);
      if (!calledBy) callers.set(dependency.service, (calledBy = new Set()));
      calledBy.add(service.name);
    }
  }
  return [...callers]
    .sort(([a], [b]) => compareText(a, b))
    .map(([name, calledBy]) => {
      const held = undeclared.get(name)!;
      return {
        service: name,
        file: held.file,
        line: held.range.line,
        column: held.range.column,
        reason: held.reason,
        calledBy: [...calledBy].sort(compareText),
      };
    });
}
